"""Text the parser set aside as chrome or repeats is in every output, out of sight, and inert.

By default a hidden aside is a ``hidden`` ``<aside>`` in HTML and a comment in Markdown, reST and
the docutils doctree; every reader gives it back; ``drop_chrome`` leaves it out; ``keep_chrome``
shows it. Whatever its text holds (``-->``, ``--``, ``<script>``, ``.. include::``, ``{{ }}``,
line breaks), it neither ends the comment nor becomes markup, in any format.
"""

from __future__ import annotations

import re

import docutils.core
import docutils.nodes
import docutils.utils
import pytest
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from render_support import (
    HOSTILE,
    element_text,
    html_document,
    markdown_text,
    markdown_to_html,
    markdown_tokens,
    rst_doctree,
    rst_messages,
)

from newsconvert import readers
from newsconvert.escape.comment import escape_comment, unescape_comment
from newsconvert.integrations.doctree import DoctreeBuilder
from newsconvert.options import Options
from newsconvert.renderers import render
from newsconvert.tree import (
    Article,
    Aside,
    AsideKind,
    AttributionPosition,
    Blockquote,
    Embed,
    Headline,
    Paragraph,
    Preformatted,
    Section,
    SectionHeading,
)

TEXTS = (
    *HOSTILE,
    "-->",
    "a -- b --> c <!-- d --!> e",
    "-x-",
    "--",
    " leading and trailing ",
    "two\nlines\n.. include:: /etc/passwd",
    "{{ 1+1 }} {% if true %}yes{% endif %} {{< shortcode >}} {# c #}",
    "tab\there \u2028 separator \u2029 next",
    "विज्ञापन — कॉपी लिंक",
    "&#45; &amp;",
)
MARK = "SECRET"


def _article(text: str) -> Article:
    """An article whose body holds ``text`` as chrome and as a repeat between visible words."""
    return Article(
        Headline("Title"),
        sections=(
            Section(
                None,
                (
                    Paragraph("Before."),
                    Aside(f"{MARK} {text}", AsideKind.CHROME),
                    Paragraph("After."),
                ),
            ),
            Section(
                SectionHeading("More"),
                (Aside(f"{text} {MARK}", AsideKind.DUPLICATE), Paragraph("End.")),
            ),
        ),
    )


@pytest.mark.parametrize("text", TEXTS)
def test_the_comment_payload_is_one_inert_line_that_reads_back(text: str) -> None:
    payload = escape_comment(text)
    assert unescape_comment(payload) == text
    assert payload.splitlines() == [payload] or payload == ""
    assert payload == payload.strip()
    for unsafe in ("--", "<", ">", "{", "}", "\t"):
        assert unsafe not in payload
    assert not payload.startswith("-") and not payload.endswith("-")


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_markdown_keeps_it_in_a_comment(text: str, standalone: bool) -> None:
    article = _article(text)
    output = render(article, "md", standalone=standalone)
    html_blocks = [t.content.strip() for t in markdown_tokens(output) if t.type == "html_block"]
    assert [block.split(":")[0] for block in html_blocks] == [
        "<!-- hidden chrome",
        "<!-- hidden duplicate",
    ]
    assert all(block.endswith(" -->") and block.count("-->") == 1 for block in html_blocks)
    assert MARK not in markdown_text(output)  # not shown ...
    rendered = markdown_to_html(output)
    assert MARK in rendered and "<script" not in rendered  # ... but there, as a comment
    assert not any(s in output for s in ("{{", "{%", "{#", "{{<"))
    assert readers.read(output, "md") == article


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_html_keeps_it_in_a_hidden_element(text: str, standalone: bool) -> None:
    article = _article(text)
    output = render(article, "html", standalone=standalone)
    tree, errors = html_document(output, fragment=not standalone)
    assert errors == []
    hidden = tree.findall(".//aside[@hidden]")
    assert [(a.get("class"), a.get("data-set-aside")) for a in hidden] == [
        ("chrome", "chrome"),
        ("duplicate", "duplicate"),
    ]
    assert len(tree.findall(".//script")) == (1 if standalone else 0)
    assert element_text(hidden[0]).startswith(MARK)
    visible = [element_text(p) for p in tree.findall(".//p")]
    assert sum(MARK in p for p in visible) == 2  # only the two hidden ones
    expected = readers.read(render(article, "html", keep_chrome=True), "html")
    assert readers.read(output, "html") == expected


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_rst_keeps_it_in_a_comment(text: str, standalone: bool) -> None:
    article = _article(text)
    output = render(article, "rst", standalone=standalone)
    assert rst_messages(output, report_level=1) == [], output
    document, _ = rst_doctree(output)
    comments = [c.astext() for c in document.findall(docutils.nodes.comment) if c.astext()]
    assert [c.split(":")[0] for c in comments] == ["hidden chrome", "hidden duplicate"]
    forbidden = (docutils.nodes.raw, docutils.nodes.substitution_definition,
                 docutils.nodes.target, docutils.nodes.reference)  # fmt: skip
    assert not list(document.findall(lambda n: isinstance(n, forbidden)))
    shown = [p.astext() for p in document.findall(docutils.nodes.paragraph)]
    assert not any(MARK in p for p in shown)
    assert readers.read(output, "rst") == article


@pytest.mark.parametrize("text", TEXTS)
def test_the_doctree_holds_the_same_comments_and_writers_keep_them_inert(text: str) -> None:
    article = _article(text)
    settings = get_default_settings(Parser)
    document = docutils.utils.new_document("<article>", settings)
    document.extend(DoctreeBuilder(document).article(article))
    comments = [c.astext() for c in document.findall(docutils.nodes.comment)]
    written = render(article, "rst")
    parsed, _ = rst_doctree(written)
    assert comments == [c.astext() for c in parsed.findall(docutils.nodes.comment) if c.astext()]
    page = docutils.core.publish_from_doctree(document, writer="html5").decode()
    kept = re.findall(r"<!-- (.*?) -->", page)
    assert kept == comments  # each comment whole: its text ended none early
    assert MARK not in re.sub(r"<!--.*?-->", "", page) and "<script" not in page


@pytest.mark.parametrize("fmt", ["md", "html", "rst"])
def test_keep_chrome_shows_it_and_drop_chrome_leaves_it_out(fmt: str) -> None:
    article = _article("menu")
    kept = render(article, fmt, keep_chrome=True)
    dropped = render(article, fmt, drop_chrome=True)
    assert "hidden" not in kept and MARK in kept
    assert MARK not in dropped
    assert render(article, fmt, keep_chrome=True, drop_chrome=True) == kept
    assert readers.read(kept, fmt) == readers.read(render(article, fmt), fmt)
    settings = get_default_settings(Parser)
    document = docutils.utils.new_document("<article>", settings)
    document.extend(DoctreeBuilder(document, Options(drop_chrome=True)).article(article))
    assert MARK not in document.astext()


def test_json_always_holds_the_whole_tree() -> None:
    article = _article("menu")
    for options in ({}, {"drop_chrome": True}, {"keep_chrome": True}):
        assert readers.read(render(article, "json", **options), "json") == article


@pytest.mark.parametrize("fmt", ["md", "html", "rst"])
def test_a_hidden_aside_before_an_indented_block_keeps_the_block_its_own(fmt: str) -> None:
    # reST: a comment swallows an indented block after it unless an empty comment ends it
    # (found by Hypothesis in test_generated_round_trip).
    quote = Blockquote(
        "\u201cWe will win this fight for the city,\u201d Jane Doe said.",
        "We will win this fight for the city",
        "Jane Doe said",
        AttributionPosition.AFTER,
    )
    followers = (quote, Embed("a post\n\u2014 Jane Doe"), Preformatted("Shr 34 cts\n  Net 1.5"))
    for follower in followers:
        article = Article(
            Headline("Title"),
            sections=(
                Section(
                    SectionHeading("Heading"),
                    (Aside("menu", AsideKind.CHROME), follower, Paragraph("End.")),
                ),
            ),
        )
        again = readers.read(render(article, fmt), fmt)
        assert readers.first_difference(article, again) is None, (fmt, follower)
