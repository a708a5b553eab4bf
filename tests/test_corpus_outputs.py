"""Every corpus article in every format: valid output, the same structure, and no word lost.

Skips when ``../shared/corpus`` is absent; skips (rather than fails) only while the parser cannot
be imported at all, since there is then no tree to render.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, corpus_id
from render_support import (
    element_text,
    html_document,
    html_text,
    markdown_text,
    markdown_to_html,
    rst_messages,
    rst_text,
)
from robustness_support import hidden_words, json_strings, missing_words, words

from newsconvert.renderers import render
from newsconvert.tree import Article

pytestmark = pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")

FORMATS = ("md", "html", "rst", "json")


@cache
def corpus_article(path: Path) -> tuple[str, Article]:
    """The decoded text of a corpus file and its tree (read as the CLI reads files)."""
    from newsconvert import parse
    from newsconvert.source import read_source

    source = read_source(path)
    return source.text, parse(source.text, source=str(path))


def text_content(fmt: str, output: str) -> str:
    """What a reader of the rendered document sees, as plain text."""
    if fmt == "md":
        return markdown_text(output)
    if fmt == "html":
        return html_text(output)
    if fmt == "rst":
        return rst_text(output)
    return "\n".join(json_strings(json.loads(output)))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_every_format_renders_and_keeps_every_word(path: Path) -> None:
    text, article = corpus_article(path)
    expected = words(text)
    hidden = hidden_words(article)
    for fmt in FORMATS:
        for standalone in (False, True):
            output = render(article, fmt, standalone=standalone)
            assert output.strip(), (fmt, standalone)
            output.encode("utf-8")
            found = words(text_content(fmt, output))
            allowed_missing = Counter() if fmt == "json" else hidden
            lost = missing_words(expected, found) - allowed_missing
            assert not lost, f"{fmt} (standalone={standalone}) lost {dict(lost)}"
    # With keep_chrome, nothing at all is exempt.
    for fmt in ("md", "html", "rst"):
        found = words(text_content(fmt, render(article, fmt, keep_chrome=True)))
        assert not missing_words(expected, found), fmt


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_rst_parses_without_a_message(path: Path) -> None:
    _, article = corpus_article(path)
    for standalone in (False, True):
        output = render(article, "rst", standalone=standalone, keep_chrome=True)
        assert rst_messages(output, report_level=2) == [], output


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_html_parses_without_errors(path: Path) -> None:
    _, article = corpus_article(path)
    _, errors = html_document(render(article, "html", standalone=True))
    assert errors == []
    _, errors = html_document(render(article, "html"), fragment=True)
    assert errors == []


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _structure(html: str, *, ours: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """Headings (tag, text) and block quote texts of an HTML rendering."""
    tree, _ = html_document(html, fragment=True)
    headings = [
        (element.tag, _normalise(element_text(element)))
        for element in tree.iter()
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
    ]
    quotes = []
    for element in tree.iter():
        if ours:  # a figure holds quote and attribution; embeds are plain block quotes
            is_quote = (element.tag, element.get("class")) in (
                ("figure", "quote"),
                ("blockquote", "embed"),
            )
        else:
            is_quote = element.tag == "blockquote"
        if is_quote:
            quotes.append(_normalise(element_text(element)))
    return headings, quotes


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_markdown_has_the_same_headings_and_quotes_as_our_html(path: Path) -> None:
    _, article = corpus_article(path)
    md_headings, md_quotes = _structure(markdown_to_html(render(article, "md")), ours=False)
    html_headings, html_quotes = _structure(render(article, "html"), ours=True)
    assert md_headings == html_headings
    assert md_quotes == html_quotes
