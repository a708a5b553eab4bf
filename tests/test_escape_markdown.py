"""Markdown escaping: every text comes back from markdown-it-py exactly, and never as markup."""

from __future__ import annotations

import pytest
from render_support import HOSTILE, markdown_text, markdown_tokens

from newsconvert.escape.markdown import (
    PORTABLE_ESCAPES,
    can_emphasize,
    code_fence,
    emphasize,
    escape_markdown,
)

LINE_STARTS = (
    "# x",
    "## x",
    "- x",
    "+ x",
    "* x",
    "1. x",
    "1) x",
    "> x",
    "===",
    "---",
    "***",
    "    indented",
    "\tTab",
    "```",
    "~~~",
    "<div>",
    "[x]: /url",
    "| a | b |",
)


def inline_tokens(markdown: str) -> list:
    """The children of the one paragraph ``markdown`` must be."""
    tokens = markdown_tokens(markdown)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], markdown
    return tokens[1].children


@pytest.mark.parametrize("text", HOSTILE + LINE_STARTS)
def test_text_comes_back_literally(text: str) -> None:
    escaped = escape_markdown(text)
    children = inline_tokens(escaped)
    assert {child.type for child in children} == {"text"}, escaped
    assert "".join(child.content for child in children) == text.strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_text_is_literal_after_other_text_and_in_headings(text: str) -> None:
    markdown = f"# {escape_markdown(text)}\n\nbefore {escape_markdown(text)} after\n"
    tokens = markdown_tokens(markdown)
    assert [t.type for t in tokens] == [
        "heading_open",
        "inline",
        "heading_close",
        "paragraph_open",
        "inline",
        "paragraph_close",
    ]
    assert tokens[1].content and {c.type for c in tokens[1].children} == {"text"}
    assert "".join(c.content for c in tokens[1].children) == text.strip()
    assert "".join(c.content for c in tokens[4].children) == f"before {text.strip()} after"


def test_line_breaks_become_spaces_and_cannot_start_blocks() -> None:
    text = "first line\n# not a heading\n- not a list\n\nnot a new paragraph"
    assert markdown_text(escape_markdown(text)).split() == text.split()
    inline_tokens(escape_markdown(text))


def test_jinja_and_liquid_braces_are_escaped() -> None:
    escaped = escape_markdown("{{ 1+1 }} {% raw %}")
    assert "{{" not in escaped and "{%" not in escaped
    assert markdown_text(escaped).strip() == "{{ 1+1 }} {% raw %}"


def test_invalid_characters_are_replaced() -> None:
    escaped = escape_markdown("a\x00b\x07c\ud800d\u2028e")
    assert escaped == "a\ufffdb\ufffdc\ufffdd e"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("\u201cQuote,\u201d Hun Sen wrote.", "Hun Sen wrote"),
        ("Trump counselled Hun Sen, \u201cAs a first step\u201d.", "Trump counselled Hun Sen"),
        ("1. numbered, *starred* and said", "said"),
        ("Who: (the minister) said", "(the minister)"),
        # Devanagari words end (and start after a letter) with combining marks: ा, ी, ्, ं.
        ("\u201cहम जीतेंगे\u201d, मोदी ने कहा।", "मोदी ने कहा"),
        ("\u201cहम जीतेंगे\u201d मोदी ने कहाकि", "मोदी ने कहा"),
        ("उन्होंने\u201cहम जीतेंगे\u201d", "उन्होंने"),
    ],
)
def test_emphasis_marks_exactly_the_span(text: str, span: str) -> None:
    start = text.index(span)
    children = inline_tokens(emphasize(text, start, start + len(span)))
    types = [c.type for c in children]
    assert types.count("em_open") == 1
    inside = children[types.index("em_open") + 1 : types.index("em_close")]
    assert "".join(c.content for c in inside) == span
    assert "".join(c.content for c in children) == text


def test_emphasis_is_left_out_where_commonmark_would_not_read_it() -> None:
    text = "said(x)y"
    assert not can_emphasize(text, 4, 7)  # ")" inside, a letter outside: not right-flanking
    assert emphasize(text, 4, 7) == escape_markdown(text)
    assert not can_emphasize("a b", 1, 2)  # starts with a space


@pytest.mark.parametrize(
    "text", ["plain", "```\ncode\n```", "````", "  indented\n\n\nblank lines", "<b>&amp;"]
)
def test_code_fence_keeps_text_exactly(text: str) -> None:
    tokens = markdown_tokens(code_fence(text))
    assert [t.type for t in tokens] == ["fence"]
    assert tokens[0].content == text + "\n"


# --- The same text in Python-Markdown (MkDocs, Pelican) and kramdown (Jekyll) --------------------

KRAMDOWN_ESCAPES = frozenset("\\.*_+-`()[]{}#!:|\"'$=<>")
"""The characters kramdown's documentation lists as backslash-escapable (kramdown is Ruby and is
not installed here: the list stands in for it)."""

PER_CHARACTER = tuple(f"a {char} b" for char in "\\`*_[]<>#|~&{}%=+-.!()") + tuple(
    f"{char} b" for char in "\\`*_[]<>#|~&{}%=+-.!()"
)
ENTITY_LIKE = ("AT&T", "&amp;", "&#39;", "&#x27;", "&lt&lt;", "&copy", "R&D; x", "{%", "{{x}}")


def python_markdown_text(markdown: str, extensions: tuple[str, ...] = ()) -> str:
    """The text of the HTML Python-Markdown makes of ``markdown`` (one paragraph or heading)."""
    import html
    import re

    pymarkdown = pytest.importorskip("markdown")
    rendered = pymarkdown.markdown(markdown, extensions=list(extensions))
    tags = set(re.findall(r"</?([a-z0-9]+)", rendered))
    assert tags <= {"p", "h1"}, rendered  # no markup came out of the text
    return html.unescape(re.sub(r"</?(?:p|h1)>", "", rendered)).strip()


@pytest.mark.parametrize("text", HOSTILE + LINE_STARTS + PER_CHARACTER + ENTITY_LIKE)
def test_same_text_in_commonmark_python_markdown_and_kramdown(text: str) -> None:
    import re

    escaped = escape_markdown(text)
    # CommonMark (markdown-it-py): text tokens only, the exact text.
    children = inline_tokens(escaped)
    assert "".join(child.content for child in children) == text.strip()
    # Python-Markdown, bare and with the extensions MkDocs and Pelican turn on (tables, extra).
    for extensions in ((), ("tables",), ("extra",)):
        assert python_markdown_text(escaped, extensions) == text.strip(), (escaped, extensions)
        assert python_markdown_text(f"# {escaped}", extensions) == text.strip(), escaped
    # Every backslash escape is one all three engines read as the bare character; everything
    # else is a character reference, which they all decode.
    python_markdown_escapes = set(pytest.importorskip("markdown").Markdown().ESCAPED_CHARS)
    assert set(re.findall(r"\\(.)", escaped)) <= PORTABLE_ESCAPES
    assert PORTABLE_ESCAPES.issubset(python_markdown_escapes & KRAMDOWN_ESCAPES)


def test_portable_escapes_are_readable() -> None:
    # A bare "&" that cannot start a reference stays bare; the references are the few needed.
    assert escape_markdown("AT&T, R&D") == "AT&T, R&D"
    assert escape_markdown("a < b | c ~ d &amp;") == "a &lt; b &#124; c &#126; d &amp;amp;"
    assert escape_markdown("= x") == "&#61; x"
    assert escape_markdown("{% raw %}") == "\\{&#37; raw %\\}"
