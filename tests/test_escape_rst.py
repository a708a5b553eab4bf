"""reST escaping: every text comes back from docutils exactly, without a single message."""

from __future__ import annotations

import docutils.nodes
import pytest
from render_support import HOSTILE, rst_doctree, rst_messages

from newsconvert.escape.rst import (
    _TITLE_FITS,
    LINE_LENGTH_LIMIT,
    WRAP_WIDTH,
    can_emphasize,
    column_width,
    emphasize,
    escape_rst,
    line_block,
    literal_block,
    title,
    title_overflow,
    wrap,
)

LINE_STARTS = (
    "- x",
    "* x",
    "+ x",
    "\u2022 x",
    "1. x",
    "(1) x",
    "#. x",
    "iv) x",
    "a) x",
    ":field: value",
    ">>> doctest",
    "| line",
    "-a option",
    "--long option",
    "/V option",
    "=====",
    "----",
    "..",
    ".. _target:",
    ".. |sub| image:: x.png",
    "__ http://x",
    "+---+---+",
    "::",
    "text ::",
    "http://example.com",
    "a@b.example",
)

MARKUP_NODES = (
    docutils.nodes.reference,
    docutils.nodes.target,
    docutils.nodes.substitution_reference,
    docutils.nodes.emphasis,
    docutils.nodes.strong,
    docutils.nodes.literal,
    docutils.nodes.title_reference,
    docutils.nodes.footnote_reference,
    docutils.nodes.citation_reference,
    docutils.nodes.problematic,
)


def only_paragraph(source: str) -> docutils.nodes.paragraph:
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    assert [type(child) for child in document.children] == [docutils.nodes.paragraph], source
    paragraph = document.children[0]
    assert not list(paragraph.findall(lambda n: isinstance(n, MARKUP_NODES))), source
    return paragraph


@pytest.mark.parametrize("text", HOSTILE + LINE_STARTS)
def test_text_comes_back_literally(text: str) -> None:
    assert only_paragraph(escape_rst(text)).astext() == text.strip()


@pytest.mark.parametrize("text", HOSTILE + LINE_STARTS)
def test_text_is_literal_inside_a_paragraph(text: str) -> None:
    source = f"before {escape_rst(text)} after"
    assert only_paragraph(source).astext() == f"before {text.strip()} after"


def test_javascript_scheme_is_not_a_link() -> None:
    assert only_paragraph(escape_rst("javascript:alert(1)")).astext() == "javascript:alert(1)"


def test_final_double_colon_does_not_swallow_the_next_block() -> None:
    source = escape_rst("Note::") + "\n\n    indented text\n"
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    assert not list(document.findall(docutils.nodes.literal_block))
    assert document.children[0].astext() == "Note::"


def test_column_width_counts_wide_and_combining_characters() -> None:
    assert column_width("abc") == 3
    assert column_width("\u65b0\u95fb") == 4  # two CJK ideographs
    assert column_width("e\u0301") == 1  # e + combining acute accent


@pytest.mark.parametrize(
    "text",
    ["Plain title", "\u4e2d\u6587\u6807\u9898 headline", "Cafe\u0301", "*x* |sub| `y`", "1. ==="],
)
def test_titles_parse_without_messages(text: str) -> None:
    # A paragraph before the section: a lone section right after the title becomes a subtitle.
    section = title("Section " + text, "-")
    source = title(text, "=", overline=True) + "\n\nIntro.\n\n" + section + "\n\nBody.\n"
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    assert document["title"] == text
    assert document.next_node(docutils.nodes.section)[0].astext() == "Section " + text


def test_empty_title_is_refused() -> None:
    with pytest.raises(ValueError):
        title("  ", "=")


def test_emphasis_marks_exactly_the_span() -> None:
    text = "Trump counselled Hun Sen, \u201cAs a first step\u201d."
    paragraph = only_paragraph_with_emphasis(emphasize(text, 0, 24))
    assert paragraph.astext() == text
    assert paragraph.next_node(docutils.nodes.emphasis).astext() == "Trump counselled Hun Sen"


def only_paragraph_with_emphasis(source: str) -> docutils.nodes.paragraph:
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    return document.children[0]


def test_emphasis_is_left_out_where_docutils_would_not_read_it() -> None:
    assert not can_emphasize("said(x)y", 4, 7)
    assert emphasize("said(x)y", 4, 7) == escape_rst("said(x)y")


def test_literal_and_line_blocks_keep_lines() -> None:
    text = "Shr 34 cts\n  Net *1.5* mln\n\n.. include:: x"
    source = "::\n\n" + literal_block(text) + "\n"
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    assert document.next_node(docutils.nodes.literal_block).astext() == text
    source = line_block("first |x|\n- second\n\nfourth") + "\n"
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    lines = [n.astext() for n in document.findall(docutils.nodes.line)]
    assert lines == ["first |x|", "- second", "", "fourth"]


def test_invalid_characters_and_line_separators_are_replaced() -> None:
    escaped = escape_rst("a\x00b\u2028c\x0cd")
    assert escaped == "a\ufffdb c d"
    assert only_paragraph(escaped).astext() == "a\ufffdb c d"


# --- Hard wrapping ------------------------------------------------------------------------------


def wrapped_text(source: str) -> str:
    """The text of a wrapped paragraph as a reader sees it: its lines joined with a space."""
    return " ".join(only_paragraph(source).astext().split("\n"))


@pytest.mark.parametrize(
    "text",
    [
        "Words and more words. " * 40,
        "Before " + "x" * 10_000 + " after.",
        "a " + "=" * 300 + " b " + "\\" * 301 + " " + "*" * 200 + " c",
        "x ==== ==== :: -- " * 30,
        "two  spaces  never  break " * 20,
        "\u4e2d\u6587" * 500,
    ],
    ids=["prose", "10,000-letter word", "punctuation runs", "adornment-like", "double", "wide"],
)
def test_wrapped_text_comes_back_whole(text: str) -> None:
    source = wrap(escape_rst(text))
    lines = source.split("\n")
    assert len(lines) > 1
    # A line that would read as a title adornment is led by an escaped space (2 more columns).
    assert all(len(line.removeprefix("\\ ")) <= WRAP_WIDTH for line in lines)
    assert wrapped_text(source) == text.strip()


def test_a_line_break_given_to_wrap_is_a_space_and_loses_no_word() -> None:
    # The pattern that finds each line's break stopped at a line feed and dropped the words
    # before it ("delta" here), for text a user's template passes to rst_wrap unescaped.
    text = "alpha beta gamma delta\n" + "word " * 40
    source = wrap(text)
    assert wrapped_text(source) == " ".join(text.split())
    assert all(len(line) <= WRAP_WIDTH for line in source.split("\n"))


def test_wrap_breaks_only_at_single_spaces_and_indents_continuations() -> None:
    source = wrap(escape_rst("alpha beta " * 20), 4, first=4)
    first, *rest = source.split("\n")
    assert rest and all(line.startswith("    ") and line[4] != " " for line in rest)
    assert len(first) <= WRAP_WIDTH - 4 and all(len(line) <= WRAP_WIDTH for line in rest)
    assert wrap("short line") == "short line"
    # Inside emphasis a break is a space too, and a cut word never splits off a delimiter.
    text = "said " + "y" * 200
    source = wrap(emphasize(text, 5, len(text)))
    paragraph = only_paragraph_with_emphasis(source)
    assert paragraph.next_node(docutils.nodes.emphasis).astext().replace("\n", "") == "y" * 200


def test_long_line_block_lines_wrap_past_the_bar() -> None:
    source = ".. container:: embed\n\n" + line_block("word " * 50 + "\n" + "z" * 300, "   ")
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    lines = [" ".join(n.astext().split("\n")) for n in document.findall(docutils.nodes.line)]
    assert lines == [("word " * 50).strip(), "z" * 300]


@pytest.mark.parametrize("unit", ["\\", "\u4e2d", "{%", "*\u4e2d", ".\u0301"])
def test_text_of_title_fits_length_is_never_too_long_for_a_title(unit: str) -> None:
    # title_overflow answers "" for text of at most _TITLE_FITS characters without escaping it:
    # the text at that length that escapes and measures widest still fits.
    text = (unit * _TITLE_FITS)[:_TITLE_FITS]
    line = escape_rst(text)
    assert len(line) <= LINE_LENGTH_LIMIT and column_width(line) <= LINE_LENGTH_LIMIT
    assert title_overflow(text) == ""
    assert "\u2026" not in title(text, "=")


def test_title_too_long_for_docutils_is_shortened_and_flagged() -> None:
    headline = "Big " * 3_000 + "end"
    assert title_overflow(headline) == headline
    assert title_overflow("Short") == ""
    source = title(headline, "=", overline=True)
    assert max(len(line) for line in source.split("\n")) <= LINE_LENGTH_LIMIT
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    shown = document.next_node(docutils.nodes.title).astext()
    assert shown.endswith(" \u2026") and headline.startswith(shown[:-2])
