"""Any input to any reader gives an article or one located NewsconvertError, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsconvert.errors import NewsconvertError
from newsconvert.readers import read
from newsconvert.tree import Article

MARKUP = {
    "md": [
        "# ",
        "## ",
        "> ",
        "- ",
        "1. ",
        "```",
        "---\n",
        "*",
        "_",
        "`",
        "[a](b)",
        "<!-- ",
        " -->",
        "<b>",
        "\\",
        "    ",
        "* * *",
        "===",
        "**",
        "<!-- aside caption -->",
        "<!-- embed -->",
    ],
    "rst": [
        "=====",
        "-----",
        ".. ",
        "::",
        "|x|",
        "`x`_",
        ":field: ",
        "    ",
        "-- ",
        "* ",
        "#. ",
        ".. container:: standfirst",
        ".. include:: x",
        "**",
        "*",
        "\\",
        "[1]_",
        ".. epigraph::",
        "| ",
    ],
    "html": [
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<article>",
        "<blockquote>",
        "<figure class=quote>",
        "<figcaption>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "<time datetime='x'>",
        '<script type="application/ld+json">{',
        "<pre>",
        "<ul><li>",
        "<br>",
        "<span class=dateline>",
        "<![CDATA[",
        "<p class=credit>",
        "</",
    ],
    "json": [
        '{"schema_version": 1, ',
        '"headline": ',
        '"sections": [',
        '{"type": "list", ',
        '"items": [',
        "null",
        "]",
        "}",
        '"x"',
        "1e999",
        "[",
        '"datetime": "2019-13-45"',
        "true",
        ",",
        ":",
    ],
}


@pytest.mark.parametrize("fmt", sorted(MARKUP))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_input_reads_or_fails_cleanly(fmt: str, data: st.DataObject) -> None:
    pieces = st.sampled_from(MARKUP[fmt]) | st.text(max_size=12) | st.sampled_from(["\n", "\n\n"])
    text = "".join(data.draw(st.lists(pieces, max_size=40)))
    try:
        article = read(text, fmt, source="fuzz")
    except NewsconvertError as error:
        assert error.source == "fuzz"
        assert "\n" not in str(error)
        return
    assert isinstance(article, Article)
    assert article.headline is None or isinstance(article.headline.text, str)


@pytest.mark.parametrize("fmt", ["md", "rst", "html", "json"])
def test_deeply_nested_input_fails_cleanly_or_reads(fmt: str) -> None:
    nested = {
        "md": "# T\n\n" + "> " * 5000 + "deep\n",
        "rst": "T\n=\n\n" + "".join("  " * i + "- item\n\n" for i in range(200)),
        "html": "<h1>T</h1>" + "<div>" * 20000 + "deep" + "</div>" * 20000,
        "json": "[" * 100000 + "]" * 100000,
    }[fmt]
    try:
        article = read(nested, fmt, source="deep")
    except NewsconvertError as error:
        assert error.source == "deep"
        return
    assert "deep" in " ".join(b.text for b in article.blocks()) or fmt == "rst"
