"""Hostile text in every field and every block type comes out literally in every format."""

from __future__ import annotations

import json

import docutils.nodes
import pytest
from render_support import (
    HOSTILE,
    element_text,
    hostile_article,
    html_document,
    markdown_text,
    markdown_tokens,
    rst_doctree,
    rst_messages,
)

from newsconvert.escape.characters import replace_invalid
from newsconvert.renderers import render
from newsconvert.renderers.json import article_to_dict

TEXTS = (*HOSTILE, "title: x\n---\nkey: 'v'\"", "\x00\x1b[31m\x7f control", "\u4e2d\u6587 \u0301")


def _expected(text: str) -> str:
    """The text as a one-line field shows it: line breaks are spaces, invalid characters U+FFFD."""
    out = []
    for char in " ".join(text.split("\n")).strip():
        code = ord(char)
        out.append("\ufffd" if (code < 32 and char != "\t") or 0x7F <= code <= 0x9F else char)
    return "".join(out)


def _fences(tokens: list) -> str:
    return "".join(t.content for t in tokens if t.type == "fence")


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_markdown(text: str, standalone: bool) -> None:
    output = render(hostile_article(text), "md", standalone=standalone)
    if standalone:  # the front matter is YAML (checked elsewhere), not Markdown
        lines = output.split("\n")
        output = "\n".join(lines[lines.index("---", 1) + 1 :])
    tokens = markdown_tokens(output)
    for token in tokens:
        # Raw HTML only where the template put it (the embed and aside markers).
        if token.type == "html_block":
            assert token.content.startswith(("<!-- embed -->", "<!-- aside ")), token.content
        for child in token.children or ():
            assert child.type not in ("html_inline", "link_open", "image", "code_inline"), child
    # Outside code blocks (whose content is verbatim by definition), no template syntax.
    assert not any(s in output.replace(_fences(tokens), "") for s in ("{{", "{%"))
    content = markdown_text(output)
    expected = _expected(text)
    if expected:
        # headline, section heading, kicker, standfirst, two stamps, byline, paragraph x2,
        # list items x2, embed lines x2, asides x2, credit: at least 15 times.
        assert content.count(expected) >= 15, content
        assert f"H {expected} H" in content and f"S {expected} S" in content


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_html(text: str, standalone: bool) -> None:
    output = render(hostile_article(text), "html", standalone=standalone)
    tree, errors = html_document(output, fragment=not standalone)
    assert errors == []
    assert len(tree.findall(".//script")) == (1 if standalone else 0)
    assert not tree.findall(".//a") and not tree.findall(".//img")
    article = tree.find(".//article")
    shown = replace_invalid(text)  # HTML keeps line breaks (as whitespace) and the rest verbatim
    assert article.find("header/h1").text == f"H {shown} H"
    assert element_text(article).count(shown.split("\n")[0]) >= 10
    if standalone:
        data = json.loads(tree.find(".//script").text)
        assert data["headline"] == f"H {shown} H"


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_rst(text: str, standalone: bool) -> None:
    output = render(hostile_article(text), "rst", standalone=standalone)
    assert rst_messages(output, report_level=1) == [], output
    document, _ = rst_doctree(output)
    forbidden = (
        docutils.nodes.reference, docutils.nodes.target, docutils.nodes.substitution_reference,
        docutils.nodes.substitution_definition, docutils.nodes.comment, docutils.nodes.raw,
        docutils.nodes.problematic, docutils.nodes.title_reference, docutils.nodes.literal,
        docutils.nodes.footnote_reference, docutils.nodes.citation_reference,
    )  # fmt: skip
    found = [n for n in document.findall(lambda n: isinstance(n, forbidden))]
    # The only comments allowed are the empty ones the renderer puts before block quotes.
    assert all(isinstance(n, docutils.nodes.comment) and not n.astext() for n in found), found
    expected = _expected(text)
    if expected:
        assert document["title"] == f"H {expected} H"
        assert document.astext().count(expected) >= 10


@pytest.mark.parametrize("text", TEXTS)
def test_json_keeps_text_exactly(text: str) -> None:
    article = hostile_article(text)
    output = render(article, "json")
    assert json.loads(output) == json.loads(json.dumps(article_to_dict(article)))
    assert json.loads(output)["kicker"] == text


def test_jinja_syntax_is_not_evaluated() -> None:
    article = hostile_article("{{ 1+1 }} {% if true %}yes{% endif %}")
    for fmt in ("md", "html", "rst", "json"):
        output = render(article, fmt)
        assert "yes{" in output.replace("\\", "") or "yes\\{" in output, fmt
        assert " 2 " not in output, fmt


def test_lone_surrogates_never_reach_the_output() -> None:
    article = hostile_article("bad \ud800 surrogate")
    for fmt in ("md", "html", "rst", "json"):
        render(article, fmt, standalone=True).encode("utf-8")  # must not raise
