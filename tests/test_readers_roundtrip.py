"""The round-trip guarantee: ``read(render(tree, F), F) == tree`` for every format F.

Two sources of trees: every article of the corpus as the parser reads it, and trees Hypothesis
builds with hostile text (markup characters of every format, template braces, directives, lines
that are only ``#``, ``>`` or ``1.``, unicode). A failure names the first difference.

The trees Hypothesis builds are ones the parser can produce: text is whitespace-normalised, and
structured fields (a timestamp's value, a byline's names, a dateline's place) are what the
recognisers make of their text, because formats such as Markdown carry only the text and the
reader re-derives the rest with those same recognisers.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, corpus_id
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsconvert.parser.timezones import zone_table
from newsconvert.readers import first_difference, read, recognise
from newsconvert.tree import (
    HIDDEN_ASIDES,
    Article,
    Aside,
    AsideKind,
    Blockquote,
    BulletList,
    Credit,
    Headline,
    Kicker,
    ListItem,
    Paragraph,
    Preformatted,
    Section,
    SectionHeading,
    Standfirst,
)

render_module = pytest.importorskip("newsconvert.renderers", reason="renderers not written yet")

FORMATS = ("md", "rst", "html", "json")


def visible(article: Article) -> Article:
    """What a non-JSON output shows of an article: page chrome and duplicates are left out."""
    sections = []
    for section in article.sections:
        blocks = tuple(
            b for b in section.blocks if not (isinstance(b, Aside) and b.kind in HIDDEN_ASIDES)
        )
        if blocks or section.heading is not None:
            sections.append(dataclasses.replace(section, blocks=blocks))
    return dataclasses.replace(article, sections=tuple(sections))


def without_list_markers(article: Article) -> Article:
    """``article`` with every list's marker ``-``.

    Markdown and reST do not carry the marker the source used (``•``, ``■``, or none for
    unmarked lines after a colon): their bullets are their own. Where ``BulletList.marker``
    takes part in equality (as it did before it was declared provenance), this keeps the
    comparison to what those formats say. JSON and HTML carry it and are compared exactly.
    """

    def block(b: object) -> object:
        return dataclasses.replace(b, marker="-") if isinstance(b, BulletList) else b

    return dataclasses.replace(
        article,
        sections=tuple(
            dataclasses.replace(s, blocks=tuple(block(b) for b in s.blocks))
            for s in article.sections
        ),
    )


def round_trip(article: Article, fmt: str, *, standalone: bool) -> str | None:
    """The first difference after rendering ``article`` as ``fmt`` and reading it back."""
    output = render_module.render(article, fmt, standalone=standalone)
    again = read(output, fmt, source=f"<{fmt} output>")
    if fmt == "json":
        return first_difference(article, again)
    # Every format carries the whole tree, hidden asides out of sight.
    if fmt == "html":  # HTML carries the source's list marker (``data-marker``)
        return first_difference(article, again)
    return first_difference(without_list_markers(article), without_list_markers(again))


# --- The corpus ---------------------------------------------------------------------------------


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "standalone"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_corpus_round_trip(path: Path, fmt: str, standalone: bool) -> None:
    from newsconvert import parse
    from newsconvert.source import read_source

    text = read_source(path).text
    article = parse(text, source=str(path))
    assert round_trip(article, fmt, standalone=standalone) is None


# --- Hypothesis trees ---------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "*",
    "**bold**",
    "_x_",
    "`",
    "``code``",
    ".. include:: /etc/passwd",
    "|x|",
    "{{ 1+1 }}",
    "{% if %}",
    "#",
    ">",
    "1.",
    "2)",
    "-",
    "+",
    "=",
    "[a](javascript:x)",
    "<!-- c -->",
    "&amp;",
    "&",
    "\\",
    ":field:",
    "--",
    "—",
    "::",
    "[1]_",
    "`x`_",
    "<b>",
    "'",
    '"',
    "“quoted”",
    "…",
    "ünïcödé",
    "中文",
    "🙂",
    "\u00a0",
    "~~",
]
WORDS = ["the", "minister", "said", "Tuesday", "talks", "Reuters", "2019", "a", "of", "new"]

PUNCTUATION = "*_`<>&#|[]{}()\\!-+=.:;'\"~^$%@/,?\u2014\u2013\u201c\u201d\u2018\u2019\u2026"

word = (
    st.sampled_from(HOSTILE)
    | st.sampled_from(WORDS)
    | st.text(alphabet=PUNCTUATION, min_size=1, max_size=6)
    | st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp", "Co", "Cn")
        ),
        min_size=1,
        max_size=8,
    )
)
token = word | st.lists(word, min_size=2, max_size=3).map("".join)
"""A word, or words run together (``*x*``, ``a|b|``) so markup can open and close in one."""
text = (
    st.lists(token, min_size=1, max_size=12)
    .map(lambda tokens: " ".join(" ".join(tokens).split()))
    .filter(bool)
)
"""Text as the parser leaves it: no line breaks, no space at either end."""
spaced_text = st.tuples(text, st.sampled_from(["  ", " "]), text).map("".join)
"""Text with a run of two spaces inside, as wire copy has (``YEMEN  -- USDA``)."""


def reads_as_body(words: str) -> bool:
    """Whether the parser would leave ``words`` a body paragraph: a line that reads as a
    credit or a timestamp, or opens with a dateline, it takes as that wherever it stands."""
    return (
        recognise.credit(words) is None
        and recognise.timestamp(words, zones=zone_table()) is None
        and recognise.dateline(words) is None
    )


paragraphs = (text | spaced_text).filter(reads_as_body).map(Paragraph)

TIMESTAMPS = [
    "Published {h}:{m} IST, November {d}th 2019",
    "Updated {h}:{m} IST, November {d}th 2019",
    "Updated - November {d}, 2021 {h}:{m} am IST",
    "Published - November {d}, 2019 {h}:{m} pm IST - COLOMBO",
    "November {d}, 2019 {h}:{m} AM",
]


@st.composite
def timestamps(draw: st.DrawFn, *, update: bool):
    pattern = draw(st.sampled_from([t for t in TIMESTAMPS if t.startswith("Updated") == update]))
    line = pattern.format(
        h=draw(st.integers(1, 12)), m=f"{draw(st.integers(0, 59)):02}", d=draw(st.integers(10, 28))
    )
    found = recognise.timestamp(line, zones=zone_table())
    assert found is not None, line
    return found


names = st.sampled_from(["Jane Doe", "John Roe", "Amal Perera", "Li Wei", "Ana María López"])
bylines = st.lists(names, min_size=1, max_size=2, unique=True).map(
    lambda people: recognise.byline("By " + " and ".join(people))
) | st.sampled_from(
    [
        "Jane Doe | PTI@JaneDoe",
        "By Associated Press",
        "by Staff Writer",
        "-- Bryan Denson",
        "Written By Associated Press",
    ]
).map(recognise.labelled_byline)
credits = st.sampled_from(
    [
        "(With AP inputs)",
        "(With inputs from agencies)",
        "(Reporting by Jane Doe; Editing by John Roe)",
    ]
).map(Credit)
datelines = st.sampled_from(
    ["NEW DELHI, Nov 13 (Reuters) -", "WASHINGTON (AP) —", "COLOMBO:", "Panaji, Jun 18 (PTI)"]
).map(recognise.dateline_parts)


@st.composite
def blockquotes(draw: st.DrawFn):
    quote = draw(text)
    who = draw(names)
    written = draw(st.sampled_from([f"“{quote},” {who} said.", f"{who} said, “{quote}”."]))
    found = recognise.quote(written)
    return found if found is not None else Blockquote(written, quote=written)


@st.composite
def embeds(draw: st.DrawFn):
    post = draw(text)
    who = draw(names)
    handle = "".join(ch for ch in who.lower() if ch.isascii() and ch.isalpha())
    signature = f"— {who} (@{handle}) November {draw(st.integers(10, 28))}, 2019"
    lines = (
        [post, signature] if draw(st.booleans()) else [f"{post} pic.twitter.com/AbC1 {signature}"]
    )
    return recognise.embed("\n".join(lines))


blocks = st.one_of(
    paragraphs,
    paragraphs,
    blockquotes(),
    st.builds(
        lambda items, marker: BulletList(tuple(ListItem(item) for item in items), marker),
        st.lists(text, min_size=1, max_size=4),
        st.sampled_from(["-", "\u2022", "\u25a0", ""]),
    ),
    st.lists(text, min_size=1, max_size=3).map(lambda lines: Preformatted("\n".join(lines))),
    embeds(),
    st.builds(Aside, text, st.sampled_from(list(AsideKind))),
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    count = draw(st.integers(1, 3))
    sections = []
    for index in range(count):
        heading = draw(st.none() | text) if index == 0 else draw(text)
        # A heading run (heading, then sub-heading) leaves a section with no blocks.
        least = 1 if heading is None else 0
        sections.append(
            Section(
                None if heading is None else SectionHeading(heading),
                tuple(draw(st.lists(blocks, min_size=least, max_size=4))),
            )
        )
    first = sections[0].blocks[0] if sections[0].blocks else None
    dateline = draw(st.none() | datelines) if isinstance(first, Paragraph) else None
    return Article(
        headline=Headline(draw(text)),
        kicker=draw(st.none() | text.map(Kicker)),
        standfirst=draw(st.none() | text.map(Standfirst)),
        published=draw(st.none() | timestamps(update=False)),
        updated=tuple(draw(st.lists(timestamps(update=True), max_size=2))),
        dateline=dateline,
        bylines=tuple(draw(st.lists(bylines, max_size=2))),
        credits=tuple(draw(st.lists(credits, max_size=2))),
        sections=tuple(sections),
    )


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "standalone"])
@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_generated_round_trip(article: Article, fmt: str, standalone: bool) -> None:
    assert round_trip(article, fmt, standalone=standalone) is None


# --- The property can fail ----------------------------------------------------------------------

BLOCKQUOTE_TEMPLATES = {
    "md": "md/blocks/blockquote.md.j2",
    "rst": "rst/blocks/blockquote.rst.j2",
    "html": "html/blocks/blockquote.html.j2",
}


@pytest.mark.parametrize("fmt", sorted(BLOCKQUOTE_TEMPLATES))
def test_a_template_that_drops_blockquotes_is_caught(
    fmt: str, tmp_path: Path, reference_text: str
) -> None:
    from newsconvert import parse

    broken = tmp_path / BLOCKQUOTE_TEMPLATES[fmt]
    broken.parent.mkdir(parents=True)
    broken.write_text("", encoding="utf-8")
    article = parse(reference_text)
    output = render_module.render(article, fmt, template_dirs=[tmp_path])
    difference = first_difference(article, read(output, fmt))
    # The reference article's first quotation is the third block of its opening section.
    assert difference is not None
    assert difference.startswith("sections[0].blocks[2]: Blockquote(")


def test_reference_article_reads_back_from_every_format(reference_text: str) -> None:
    from newsconvert import parse

    article = parse(reference_text)
    for fmt in FORMATS:
        again = read(render_module.render(article, fmt, standalone=True), fmt)
        assert again == article, fmt
        assert again.published is not None and again.published.iso == "2019-11-27T19:17:00+05:30"
        quote = again.sections[0].blocks[2]
        assert isinstance(quote, Blockquote) and quote.attribution == "Hun Sen wrote"


@pytest.mark.parametrize("fmt", FORMATS)
def test_zone_overrides_resolve_timestamps_read_back_from_words(
    fmt: str, reference_text: str
) -> None:
    from newsconvert import parse

    irish = {"IST": "Europe/Dublin"}
    article = parse(reference_text, zones=irish)
    assert article.published is not None and article.published.iso == "2019-11-27T19:17:00+00:00"
    output = render_module.render(article, fmt)
    assert read(output, fmt, zones=irish) == article
    again = read(output, fmt, zones=irish)
    assert again.published is not None and again.published.value is not None
    # The value is in the zone the words name under the user's table, as the parser gives it.
    assert str(again.published.value.tzinfo) == "Europe/Dublin"


@pytest.mark.parametrize(
    "written",
    [
        "“We will win the vote in the morning,”said Jane Doe.",
        "“We will win the vote in the morning,”  Jane Doe said.",
    ],
)
def test_rst_quote_split_keeps_the_space_between_quotation_and_attribution(written: str) -> None:
    """reST sets ``-- attribution`` apart only where one space separates it from the quotation
    (found by this test: the space was lost); otherwise the attribution stays in the text."""
    quote = recognise.quote(written)
    assert quote is not None and quote.attribution is not None
    article = Article(Headline("T"), sections=(Section(None, (Paragraph("x"), quote)),))
    assert round_trip(article, "rst", standalone=False) is None


def test_kept_chrome_reads_back_too(corpus_dir: Path) -> None:
    """With ``keep_chrome`` every format shows the whole tree, and reads back as all of it."""
    from newsconvert import parse
    from newsconvert.source import read_source

    with_chrome = []
    for path in CORPUS_FILES:
        article = parse(read_source(path).text)
        if article != visible(article):
            with_chrome.append(article)
    assert with_chrome, "the corpus has articles with page chrome"
    for article in with_chrome:
        for fmt in ("md", "rst", "html"):
            output = render_module.render(article, fmt, keep_chrome=True)
            assert first_difference(article, read(output, fmt)) is None, fmt


@pytest.mark.parametrize("fmt", ["html", "json"])
@pytest.mark.parametrize("marker", ["\u2022", "", "-"])
def test_list_marker_is_carried_where_the_format_can(fmt: str, marker: str) -> None:
    """HTML (``data-marker``) and JSON keep the source's list marker; Markdown and reST use
    their own bullets, and the tree does not compare markers (provenance, like ``line``)."""
    items = (ListItem("one"), ListItem("two"))
    article = Article(Headline("T"), sections=(Section(None, (BulletList(items, marker),)),))
    again = read(render_module.render(article, fmt), fmt)
    assert first_difference(article, again) is None
    block = again.sections[0].blocks[0]
    assert isinstance(block, BulletList) and block.marker == marker
