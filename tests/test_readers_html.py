"""The HTML reader: pages are read as text, never as markup to keep or run."""

from __future__ import annotations

from pathlib import Path

import pytest
from robustness_support import tree_texts

from newsconvert.readers import read
from newsconvert.tree import Article, Blockquote

DATA = Path(__file__).parent / "data" / "readers"


def words(article: Article) -> str:
    """Every text the tree holds, for 'is this word anywhere' checks."""
    return "\n".join(tree_texts(article))


def test_scripts_styles_and_comments_contribute_no_words() -> None:
    page = (DATA / "article_page.html").read_text(encoding="utf-8")
    text = words(read(page, "html"))
    for absent in (
        "written by a script",
        "trackReader",
        "font-family",
        "injected",
        "commented out",
        "an editor's note",
    ):
        assert absent not in text
    # Escaped markup in the text is the text itself.
    assert "<script> tags stay text" in text


def test_only_the_article_is_read() -> None:
    text = words(read((DATA / "article_page.html").read_text(encoding="utf-8"), "html"))
    for chrome in ("Home", "More stories", "Copyright Example News"):
        assert chrome not in text


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<style>*{}</style>",
        "<!-- x --><![CDATA[y]]>",
        "<svg><script>alert(1)</script></svg>",
        "</p></article></body></html><p>after",
    ],
)
def test_markup_in_a_page_never_becomes_text_that_is_markup(hostile: str) -> None:
    page = f"<article><h1>Title</h1><p>before {hostile} after</p></article>"
    article = read(page, "html")
    assert article.headline.text == "Title"
    body = words(article)
    assert "alert" not in body and "<" not in body
    assert "before" in body


def test_character_references_become_characters() -> None:
    page = "<h1>A &amp; B &lt;SRD&gt;</h1><p>x &#42;y&#42; &quot;z&quot; &nbsp;w</p>"
    article = read(page, "html")
    assert article.headline.text == "A & B <SRD>"
    assert article.sections[0].blocks[0].text == 'x *y* "z" \xa0w'


def test_json_ld_supplies_what_the_page_does_not_say() -> None:
    page = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
     {"@type": "NewsArticle", "headline": "From JSON-LD", "datePublished":
      "2019-11-27T19:17:00+05:30", "author": [{"@type": "Person", "name": "Jane Doe"}]}]}
    </script></head><body><main><p>Only a paragraph.</p></main></body></html>"""
    article = read(page, "html")
    assert article.headline.text == "From JSON-LD"
    assert article.published is not None and article.published.iso == "2019-11-27T19:17:00+05:30"
    assert [b.text for b in article.bylines] == ["Jane Doe"]
    assert article.sections[0].blocks[0].text == "Only a paragraph."


def test_broken_json_ld_is_ignored() -> None:
    page = '<script type="application/ld+json">{not json</script><h1>T</h1><p>x</p>'
    assert read(page, "html").headline.text == "T"


def test_page_title_is_the_last_resort_headline() -> None:
    article = read("<title>Page title</title><p>Body.</p>", "html")
    assert article.headline.text == "Page title"


def test_a_page_without_any_title_has_no_headline() -> None:
    article = read("\n\n<p>Just a paragraph.</p>", "html", source="page.html")
    assert article.headline is None
    assert [block.text for block in article.blocks()] == ["Just a paragraph."]


def test_our_fallback_page_title_is_not_read_as_a_headline() -> None:
    page = '<title data-fallback="no headline">Untitled: Just a</title><p>Just a paragraph.</p>'
    assert read(page, "html").headline is None


def test_unclosed_and_stray_tags_do_not_lose_words() -> None:
    page = "<h1>T</h1><p>one<p>two</span></div><ul><li>a<li>b</ul><p>three"
    article = read(page, "html")
    blocks = article.sections[0].blocks
    assert [b.text for b in blocks] == ["one", "two", "a\nb", "three"]  # list text: items


def test_line_breaks_and_source_newlines_are_spaces() -> None:
    article = read("<h1>T</h1><p>\n  first\n\t line<br>\n second</p>", "html")
    assert article.sections[0].blocks[0].text == "first line second"


def test_runs_of_plain_spaces_are_the_text_s_own() -> None:
    # Wire copy spaces on purpose (``YEMEN  -- USDA``); the DOM keeps those spaces, and so do we.
    article = read("<h1>NORTH YEMEN  -- USDA</h1><p>a  b \xa0</p>", "html")
    assert article.headline.text == "NORTH YEMEN  -- USDA"
    assert article.sections[0].blocks[0].text == "a  b \xa0"


def test_a_headline_printed_above_the_article_element() -> None:
    page = (
        "<title>Story | Site</title><body><h1>The headline</h1>"
        "<article><p>By Jane Doe</p><p>Body.</p></article></body>"
    )
    article = read(page, "html")
    assert article.headline.text == "The headline"
    assert [b.text for b in article.bylines] == ["By Jane Doe"]
    assert article.sections[0].blocks[0].text == "Body."


def test_a_news_site_article_with_time_elements_and_a_quote_figure() -> None:
    page = """<article>
      <header>
        <h1>Talks resume</h1>
        <p class="byline">By Jane Doe</p>
        <time datetime="2019-11-27T19:17:00+05:30">November 27, 2019 7:17 pm</time>
      </header>
      <p>Negotiators met again on Tuesday.</p>
      <figure>
        <blockquote><p>We are closer than ever.</p></blockquote>
        <figcaption>&mdash; A negotiator</figcaption>
      </figure>
    </article>"""
    article = read(page, "html")
    assert [b.text for b in article.bylines] == ["By Jane Doe"]
    assert article.published is not None
    assert article.published.text == "November 27, 2019 7:17 pm"
    # The machine-readable time wins over a reading of the words.
    assert article.published.iso == "2019-11-27T19:17:00+05:30"
    paragraph, quote = article.sections[0].blocks
    assert paragraph.text == "Negotiators met again on Tuesday."
    assert isinstance(quote, Blockquote)
    assert (quote.quote, quote.attribution) == ("We are closer than ever.", "A negotiator")


def test_plain_text_is_the_parser_s() -> None:
    from newsconvert import parse

    text = "Title line\n\nA paragraph of the body.\n"
    assert read(text, "text") == parse(text)
