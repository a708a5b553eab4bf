"""Our Markdown reads literally in Python-Markdown (MkDocs, Pelican) as in CommonMark engines."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

import newsconvert

markdown = pytest.importorskip("markdown")

HOSTILE = [
    "Storm <script>alert(1)</script> hits town",
    "Profits & losses | up ~5% = good",
    "A backslash \\< before a bracket and \\\\ two",
    "*stars*, _under_, `tick`, [a](javascript:x), {{ 1+1 }}, {% raw %}",
]


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("line", HOSTILE)
def test_python_markdown_reads_our_markdown_literally(line: str) -> None:
    article = newsconvert.parse(f"Headline here\n\n{line}\n")
    body = newsconvert.render(article, "md")
    assert line in text_of(markdown.markdown(body, extensions=["tables", "fenced_code"]))
    # CommonMark engines (Hugo, Zola) read character references the same way.
    assert line in text_of(MarkdownIt().render(body))


@pytest.mark.parametrize("line", ["=====", "-----", "1. item", "# hash", "> quote"])
def test_lines_that_would_be_markup_stay_text(line: str) -> None:
    article = newsconvert.parse(f"Headline here\n\nFirst paragraph.\n\n{line}\n")
    page = markdown.markdown(newsconvert.render(article, "md"))
    assert "<h1>Headline here</h1>" in page and line in text_of(page)
    assert "<h2>" not in page and "<ol>" not in page and "<blockquote>" not in page


# Lines that are markup in some generator's Markdown dialect (with its default or usual
# extensions), though not in CommonMark.
DIALECT_LINES = [
    ": a colon opening the line (a definition in Goldmark, kramdown, Python-Markdown def_list)",
    '!!! warning "an admonition opener"',
    "??? note a details opener",
    "/// warning | a pymdownx block opener",
    "It costs $$2 million, said $x$ and $$y$$",
]


def test_plain_markdown_stays_commonmark_clean() -> None:
    article = newsconvert.parse("Headline here\n\n" + "\n\n".join(DIALECT_LINES) + "\n")
    body = newsconvert.render(article, "md")
    # None of the dialects' extra escapes: CommonMark needs none of them.
    assert "&#58;" not in body and "&#33;" not in body and "\\$" not in body
    assert all(line in text_of(MarkdownIt().render(body)) for line in DIALECT_LINES)


@pytest.mark.parametrize("generator", ["pelican", "mkdocs"])
def test_python_markdown_with_the_generators_extensions_reads_posts_literally(
    generator: str,
) -> None:
    pytest.importorskip("pymdownx")
    from newsconvert.renderers import render

    article = newsconvert.parse(
        "Headline here\n\nFirst paragraph.\n\n" + "\n\n".join(DIALECT_LINES)
    )
    body = render(article, "md", site=generator)
    extensions = ["extra", "admonition", "pymdownx.details", "pymdownx.blocks.admonition"]
    page = markdown.markdown(body, extensions=extensions)
    assert "<dl>" not in page and "admonition" not in page.replace("an admonition", "")
    assert "<details" not in page
    for line in DIALECT_LINES:
        assert line in text_of(page)
