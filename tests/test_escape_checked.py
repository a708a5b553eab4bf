"""The escapers' filters for checked text (no invalid characters: trees the parser made) give
exactly what their ordinary filters give, and the ordinary ones still replace invalid characters."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import HOSTILE, hostile_article

from newsconvert.escape import markdown, rst
from newsconvert.escape.characters import INVALID_CHARACTERS, replace_invalid
from newsconvert.escape.specials import in_turn, replace_in_turn
from newsconvert.parser import parse
from newsconvert.renderers import render, template_environment
from newsconvert.tree import mark_characters_checked

SPECIALS = [
    *"\\`*_[]<>#|~&{}%:@$=!?/.()-+;'\"1aZ \t\n\u00a0\u2022\u4e2d",
    "{%",
    "&amp;",
    "&#12;",
    "&#x1F;",
    "::",
    ".. ",
    "1. ",
    "!!!",
    "a@b",
    ":\t",
    "\t@",
]
CLEAN_TEXT = st.one_of(
    st.text(max_size=60).map(replace_invalid),
    st.lists(st.sampled_from(SPECIALS), max_size=30).map("".join),
)
"""Text without invalid characters, heavy in what the escapers escape."""
SETTINGS = settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])


def spans(text: str) -> list[tuple[int, int] | None]:
    """Spans to emphasise in ``text``: none, the whole, and a few inner ones."""
    found: list[tuple[int, int] | None] = [None, (0, len(text))]
    found += [(start, start + 3) for start in range(0, max(len(text) - 3, 0), 5)]
    return found


@SETTINGS
@given(CLEAN_TEXT)
def test_markdown_checked_filters_agree(text: str) -> None:
    assert INVALID_CHARACTERS.search(text) is None
    for dialect in (None, *markdown.DIALECTS):
        ordinary = markdown.dialect_filters(dialect) if dialect else markdown.FILTERS
        checked = markdown.dialect_filters(dialect, checked=True)
        for name in ("md", "md_lines", "md_fence"):
            assert checked[name](text) == ordinary[name](text), (name, dialect)
        for span in spans(text):
            assert checked["md_emphasize"](text, span) == ordinary["md_emphasize"](text, span)
    assert markdown.CHECKED_FILTERS.keys() == markdown.FILTERS.keys()


@SETTINGS
@given(CLEAN_TEXT)
def test_rst_checked_filters_agree(text: str) -> None:
    assert INVALID_CHARACTERS.search(text) is None
    ordinary, checked = rst.FILTERS, rst.CHECKED_FILTERS
    for name in ("rst", "rst_title_overflow", "rst_literal", "rst_line_block"):
        assert checked[name](text) == ordinary[name](text), name
    if text.strip():
        assert checked["rst_title"](text, "=", overline=True) == ordinary["rst_title"](
            text, "=", overline=True
        )
    for span in spans(text):
        assert checked["rst_emphasize"](text, span) == ordinary["rst_emphasize"](text, span)
    assert checked.keys() == ordinary.keys()


def test_long_titles_agree() -> None:
    text = "x: *y* " * 3000  # shortened to fit docutils' line length limit
    assert rst.CHECKED_FILTERS["rst_title"](text, "-") == rst.title(text, "-")
    assert rst.CHECKED_FILTERS["rst_title_overflow"](text) == text.strip()


@pytest.mark.parametrize(
    ("text", "md", "rst_text"),
    [
        ("a\x00b", "a\ufffdb", "a\ufffdb"),
        ("a\x0bb\u2028c", "a b c", "a b c"),
        ("x:\x0cy", "x: y", "x\\: y"),  # a colon before a line-like character is still escaped
        ("*\ud800*", "\\*\ufffd\\*", "\\*\ufffd\\*"),
    ],
)
def test_ordinary_filters_replace_invalid_characters(text: str, md: str, rst_text: str) -> None:
    assert markdown.escape_markdown(text) == md
    assert rst.escape_rst(text) == rst_text


@pytest.mark.parametrize("fmt", ["md", "html", "rst"])
@pytest.mark.parametrize("text", [*HOSTILE, "a: b\tc:\td@e f @g", "&amp; &#12; \\& {%x%}"])
def test_checked_trees_render_as_unchecked_ones(fmt: str, text: str) -> None:
    text = replace_invalid(text)
    checked = mark_characters_checked(hostile_article(text))
    for standalone in (False, True):
        assert render(checked, fmt, standalone=standalone) == render(
            hostile_article(text), fmt, standalone=standalone
        )


def test_parsed_trees_use_the_checked_filters() -> None:
    article = parse("Headline\n\nBody text.\n")
    assert article.characters_checked
    checked = template_environment("md", check_characters=False)
    ordinary = template_environment("md")
    assert checked.filters["md"] is markdown.CHECKED_FILTERS["md"]
    assert ordinary.filters["md"] is markdown.FILTERS["md"]
    assert (
        template_environment("rst", check_characters=False).filters["rst"]
        is (rst.CHECKED_FILTERS["rst"])
    )


def test_in_turn_orders_replacements_that_hold_other_characters() -> None:
    escapes = {"|": "&#124;", "#": "\\#", "\\": "\\\\"}
    ordered = in_turn(escapes)
    assert [char for char, _ in ordered] == ["\\", "#", "|"]
    assert replace_in_turn("\\#|", ordered) == "\\\\\\#&#124;"
    with pytest.raises(ValueError, match="no order"):
        in_turn({"a": "b", "b": "a"})
