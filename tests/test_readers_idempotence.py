"""A person's own file survives our writers: ``read(render(read(x))) == read(x)``.

The round-trip tests start from trees the parser makes. Here the start is a document a person
wrote in their own style (the hand-written fixtures, the documentation's samples, and Markdown
and reST Hypothesis writes the way people do: ``> — Name`` under a quotation, ``-- Name`` in
reST, authors only in front matter). The first read decides what the file says; whatever format
the tree is then written in, reading that output must give the same tree, or ``--check`` would
refuse converting the person's file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsconvert.readers import first_difference, read
from newsconvert.tree import Article, AttributionPosition, Blockquote

render_module = pytest.importorskip("newsconvert.renderers", reason="renderers not written yet")

REPO = Path(__file__).resolve().parents[1]
HAND_WRITTEN = sorted(
    [
        *(REPO / "tests" / "data" / "readers").glob("handwritten.*"),
        REPO / "tests" / "data" / "readers" / "article_page.html",
        *(REPO / "docs" / "samples").glob("*.*"),
    ]
)
FORMAT_OF = {".md": "md", ".rst": "rst", ".html": "html"}
TARGETS = ("md", "rst", "html")


def trip(article: Article, fmt: str, *, standalone: bool) -> str | None:
    """The first difference after writing ``article`` as ``fmt`` and reading that back."""
    output = render_module.render(article, fmt, standalone=standalone)
    return first_difference(article, read(output, fmt, source=f"<{fmt} output>"))


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "standalone"])
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: p.name)
def test_hand_written_files_are_read_as_our_output_of_them(
    path: Path, target: str, standalone: bool
) -> None:
    article = read(path.read_text(encoding="utf-8"), FORMAT_OF[path.suffix], source=path.name)
    assert trip(article, target, standalone=standalone) is None


# --- Dash attributions --------------------------------------------------------------------------

QUOTATION = "We replaced both engines and most of the deck."


@pytest.mark.parametrize(
    "written",
    [
        f"> {QUOTATION}\n>\n> — Ravi Menon\n",
        f"> {QUOTATION}\n> — Ravi Menon\n",
        f"> {QUOTATION}\n>\n> -- Ravi Menon\n",
        f"> {QUOTATION}\n>\n> \u2013Ravi Menon\n",
    ],
    ids=["em-dash-paragraph", "em-dash-line", "double-hyphen", "en-dash-unspaced"],
)
def test_markdown_dash_attribution_reads_and_survives_every_format(written: str) -> None:
    article = read(f"# Ferry back\n\nThe ferry sailed.\n\n{written}", "md")
    quote = article.sections[0].blocks[1]
    assert isinstance(quote, Blockquote)
    assert (quote.quote, quote.attribution) == (QUOTATION, "Ravi Menon")
    assert quote.position is AttributionPosition.AFTER
    # Every word stays in the text, the dash spaced as the writers print it.
    assert quote.text.startswith(QUOTATION) and quote.text.endswith(" Ravi Menon")
    for target in TARGETS:
        assert trip(article, target, standalone=False) is None, target


_TITLED = {"md": "# Ferry back\n\n", "rst": "Ferry back\n==========\n\n"}


@pytest.mark.parametrize(
    ("fmt", "written", "quotation"),
    [
        ("md", "> 2025. 2025.\n> — Ravi Menon\n", "2025. 2025."),
        ("md", "> 2025.\n>\n> — Ravi Menon\n", "2025."),
        ("md", "> 3) The ferry sailed.\n>\n> — Ravi Menon\n", "3) The ferry sailed."),
        ("rst", "    A. a.\n\n    -- Ravi Menon\n", "A. a."),
        (
            "rst",
            "    2025. The year we sailed.\n\n    -- Ravi Menon\n",
            "2025. The year we sailed.",
        ),
        ("rst", "    iv. Four.\n    v. Five.\n\n    -- Ravi Menon\n", "iv. Four. v. Five."),
    ],
    ids=[
        "md-nested-empty-items",
        "md-empty-item",
        "md-numbered-item",
        "rst-nested-empty-items",
        "rst-numbered-item",
        "rst-roman-items",
    ],
)
def test_a_quote_opening_with_numbered_lines_keeps_the_numbers_and_attribution(
    fmt: str, written: str, quotation: str
) -> None:
    """A quoted line that CommonMark or docutils reads as an ordered list (``2025. 2025.``,
    ``A. a.``: nested items with no text) keeps its numbers as words, the dash line after it
    stays the attribution, and nothing of docutils' notes about the list (``start value not
    ordinal-1``) joins the quote. Hypothesis found both: the attribution was dropped and the
    numbers lost."""
    article = read(f"{_TITLED[fmt]}The ferry sailed.\n\n{written}", fmt)
    quote = article.sections[0].blocks[1]
    assert isinstance(quote, Blockquote)
    assert (quote.quote, quote.attribution) == (quotation, "Ravi Menon")
    for target in TARGETS:
        for standalone in (False, True):
            assert trip(article, target, standalone=standalone) is None, (target, standalone)


def test_rst_attribution_is_not_doubled_through_rst() -> None:
    written = (
        f"Ferry back\n==========\n\nThe ferry sailed.\n\n    {QUOTATION}\n\n    -- Ravi Menon\n"
    )
    article = read(written, "rst")
    quote = article.sections[0].blocks[1]
    assert isinstance(quote, Blockquote)
    assert quote.text == f"{QUOTATION} — Ravi Menon"
    assert (quote.quote, quote.attribution) == (QUOTATION, "Ravi Menon")
    output = render_module.render(article, "rst")
    assert output.count("--") == 1 and "-- Ravi Menon" in output
    assert read(output, "rst") == article


def test_html_footer_attribution_survives_every_format() -> None:
    page = (
        "<article><h1>Ferry back</h1><p>The ferry sailed.</p>"
        f"<blockquote><p>{QUOTATION}</p><footer>— Ravi Menon</footer></blockquote></article>"
    )
    article = read(page, "html")
    quote = article.sections[0].blocks[1]
    assert isinstance(quote, Blockquote) and quote.attribution == "Ravi Menon"
    for target in TARGETS:
        assert trip(article, target, standalone=True) is None, target


def test_words_after_a_dash_in_quotation_marks_are_no_attribution() -> None:
    """``— “more”`` continues the quotation; the dash rule must not take it for a name."""
    article = read("# T\n\n> It rained — “all week”, said nobody in particular\n", "md")
    quote = article.sections[0].blocks[0]
    assert isinstance(quote, Blockquote) and quote.attribution is None


# --- Generated hand-written documents -----------------------------------------------------------

WORDS = st.sampled_from(
    ["the", "ferry", "sailed", "harbour", "Monday", "crew", "of", "a", "new", "deck", "2025"]
)
PUNCT = st.sampled_from(["", "", "", ",", ".", ";", "?", "!", ":"])
sentence = st.lists(st.tuples(WORDS, PUNCT).map("".join), min_size=2, max_size=10).map(
    lambda words: " ".join(words).capitalize().rstrip(",;:") + "."
)
AUTHORS = st.sampled_from(["Ravi Menon", "Jane Doe", "Li Wei", "Ana María López"])
NAMES = AUTHORS | st.just("A councillor")
"""Who said a quotation; an author is a person's name (a byline line that does not read as
one, ``A councillor``, has nothing to mark it as a byline in Markdown without front matter)."""
DASHES = st.sampled_from(["\u2014", "--", "\u2013", "\u2015"])
TIMESTAMP_LINES = st.sampled_from(
    ["Published 08:15 IST, March 10th 2025", "Published 19:17 IST, November 27th 2019"]
)


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    lines = [f"# {draw(sentence).rstrip('.')}", ""]
    if draw(st.booleans()):
        lines += [draw(TIMESTAMP_LINES), ""]
    if draw(st.booleans()):
        lines += [f"By {draw(AUTHORS)}", ""]
    for index in range(draw(st.integers(1, 3))):
        if index:
            lines += [f"## {draw(sentence).rstrip('.')}", ""]
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from(["paragraph", "quote", "list"]))
            if kind == "paragraph":
                lines += [draw(sentence), ""]
            elif kind == "list":
                lines += [f"- {item}" for item in draw(st.lists(sentence, min_size=1, max_size=3))]
                lines += [""]
            else:
                lines += [f"> {draw(sentence)}"]
                if draw(st.booleans()):
                    lines += [">"]
                lines += [f"> {draw(DASHES)} {draw(NAMES)}", ""]
    return "\n".join(lines)


@st.composite
def rst_documents(draw: st.DrawFn) -> str:
    title = draw(sentence).rstrip(".")
    lines = [title, "=" * len(title), ""]
    fields = []
    if draw(st.booleans()):
        fields.append(f":Published: {draw(TIMESTAMP_LINES).removeprefix('Published ')}")
    if draw(st.booleans()):
        fields.append(f":Author: {draw(AUTHORS)}")
    if fields:
        lines += [*fields, ""]
    for index in range(draw(st.integers(1, 3))):
        if index:
            heading = draw(sentence).rstrip(".")
            lines += [heading, "-" * len(heading), ""]
        # An indented quote right under the field list would continue its last field.
        previous = "fields" if fields and index == 0 else None
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from(["paragraph", "quote", "list"]))
            if kind != "paragraph" and previous is not None and previous != "paragraph":
                lines += ["..", ""]  # keep two indented or list constructs apart
            if kind == "paragraph":
                lines += [draw(sentence), ""]
            elif kind == "list":
                lines += [f"* {item}" for item in draw(st.lists(sentence, min_size=1, max_size=3))]
                lines += [""]
            else:
                lines += [f"    {draw(sentence)}", "", f"    -- {draw(NAMES)}", ""]
            previous = kind
    return "\n".join(lines)


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "standalone"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=markdown_documents())
def test_generated_hand_written_markdown_is_idempotent(document: str, standalone: bool) -> None:
    article = read(document, "md")
    quotes = [b for b in article.blocks() if isinstance(b, Blockquote)]
    assert all(q.attribution for q in quotes), document
    for target in TARGETS:
        assert trip(article, target, standalone=standalone) is None, (target, document)


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "standalone"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=rst_documents())
def test_generated_hand_written_rst_is_idempotent(document: str, standalone: bool) -> None:
    article = read(document, "rst")
    quotes = [b for b in article.blocks() if isinstance(b, Blockquote)]
    assert all(q.attribution for q in quotes), document
    for target in TARGETS:
        assert trip(article, target, standalone=standalone) is None, (target, document)


# --- Authors only in front matter ---------------------------------------------------------------


def test_front_matter_authors_are_bylines_with_names_from_the_first_read() -> None:
    text = "---\ntitle: Ferry back\nauthors:\n  - Jane Doe\n  - By Li Wei\n---\n\nIt sailed.\n"
    article = read(text, "md")
    # Named at once, as the bylines our writers print for them are read back.
    assert [(b.text, b.names) for b in article.bylines] == [
        ("Jane Doe", ("Jane Doe",)),
        ("By Li Wei", ("Li Wei",)),
    ]
    for target in TARGETS:
        for standalone in (False, True):
            assert trip(article, target, standalone=standalone) is None, (target, standalone)


def test_front_matter_author_that_reads_as_no_byline_survives_standalone_markdown() -> None:
    """Our standalone Markdown lists the authors in its front matter: a header line that is one
    of them is a byline even when its words alone do not read as one."""
    text = "---\ntitle: Ferry back\nauthors:\n  - A councillor\n---\n\nIt sailed.\n"
    article = read(text, "md")
    assert [(b.text, b.names) for b in article.bylines] == [("A councillor", ())]
    assert trip(article, "md", standalone=True) is None
    assert trip(article, "rst", standalone=False) is None
    assert trip(article, "html", standalone=False) is None
