"""Article facts are derived once (newsconvert.facts): every output gives the same answer.

Before, the renderers' context, site.metadata and doctree each derived authors and dates their
own way and disagreed; the generators' YAML wrote ``&id001`` aliases.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from render_support import sample_article

from newsconvert import facts, render
from newsconvert.integrations.doctree import article_metadata
from newsconvert.renderers.context import build_context
from newsconvert.site.frontmatter import post_text
from newsconvert.site.metadata import EXCERPT_LENGTH, excerpt, post_meta
from newsconvert.tree import Aside, AsideKind, Byline, Paragraph, Section, Timestamp

IST = timezone(timedelta(hours=5, minutes=30))


def _everywhere_authors(article: object) -> list[tuple[str, ...]]:
    context = build_context(article, "md", standalone=True, keep_chrome=False, lang="en")  # type: ignore[arg-type]
    return [
        facts.authors(article),  # type: ignore[arg-type]
        tuple(context["authors"]),
        post_meta(article).authors,  # type: ignore[arg-type]
        tuple(article_metadata(article).get("authors", ())),  # type: ignore[arg-type]
    ]


def test_authors_agree_in_every_output() -> None:
    # One byline naming two people, one naming nobody, one repeating a name, one blank.
    article = sample_article(
        bylines=(
            Byline("By Jane Doe and John Roe", names=("Jane Doe", "John Roe")),
            Byline("By Staff Writer"),
            Byline("Jane Doe", names=("Jane Doe",)),
            Byline("   "),
        )
    )
    expected = ("Jane Doe", "John Roe", "By Staff Writer")
    assert set(_everywhere_authors(article)) == {expected}


def test_modified_is_never_invented() -> None:
    published = Timestamp("Published 10:00 IST, 1 May 2020", datetime(2020, 5, 1, 10, tzinfo=IST))
    article = sample_article(published=published, updated=())
    assert facts.modified(article) is None
    assert post_meta(article).modified is None
    markdown = render(article, "md", standalone=True)
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert "date" in front and "lastmod" not in front
    for generator in ("hugo", "jekyll", "mkdocs"):
        text = post_text(generator, "story", post_meta(article), "body\n")
        assert "&id" not in text and "*id" not in text


def test_one_date_in_two_keys_is_written_twice_not_aliased() -> None:
    stamp = Timestamp("Published 10:00 IST, 1 May 2020", datetime(2020, 5, 1, 10, tzinfo=IST))
    update = Timestamp("Updated 10:00 IST, 1 May 2020", stamp.value)
    article = sample_article(published=stamp, updated=(update,))
    for generator in ("hugo", "jekyll"):
        text = post_text(generator, "story", post_meta(article), "body\n")
        assert "&id" not in text and "*id" not in text
        assert text.count("2020-05-01 10:00:00+05:30") == 2


def test_an_update_dates_a_listing_but_is_not_stated_as_the_publication() -> None:
    update = Timestamp("Updated 09:00 IST, 2 May 2020", datetime(2020, 5, 2, 9, tzinfo=IST))
    article = sample_article(published=None, updated=(update,))
    # The document's own metadata states only what the article says (it reads back the same)...
    assert facts.published(article) is None
    context = build_context(article, "html", standalone=True, keep_chrome=False, lang="en")
    assert context["date_published"] is None and context["date_modified"] == update.iso
    assert "published_datetime" not in article_metadata(article)
    # ... while listings (index, feed, generators' date) still place the article in time.
    assert facts.listing_date(article) is update
    assert post_meta(article).published == update.value


def test_visible_leaves_out_chrome_and_emptied_sections() -> None:
    chrome = Aside("Share on Facebook", AsideKind.CHROME)
    article = sample_article(
        sections=(Section(None, (Paragraph("Body."), chrome)), Section(None, (chrome,)))
    )
    shown = facts.visible(article)
    assert shown.sections == (Section(None, (Paragraph("Body."),)),)
    assert facts.visible(article, keep_chrome=True) is article


@pytest.mark.parametrize(
    "text",
    [
        "\u0e01"
        + "\u0e17\u0e35\u0e48" * 150,  # Thai: no spaces, a vowel and a tone mark per syllable
        "\u0915\u094d\u0937" * 120,  # Devanagari conjuncts (a virama between letters), no space
        "\U0001f469\u200d\U0001f4bb" * 100,  # emoji joined by a zero-width joiner
    ],
)
def test_an_excerpt_without_spaces_never_cuts_a_letter_from_its_marks(text: str) -> None:
    cut = excerpt(text).removesuffix("\u2026")
    assert text.startswith(cut) and len(cut) <= EXCERPT_LENGTH
    following = text[len(cut)]
    assert unicodedata.category(following)[0] != "M" and following != "\u200d"
    assert cut[-1] != "\u200d" and unicodedata.combining(cut[-1]) != 9  # no joiner, no virama
