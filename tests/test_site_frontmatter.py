"""Front matter for each generator parses with a real YAML/TOML reader (or Pelican's own
Markdown reader) and carries title, date with its offset, and the last modification."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from newsconvert.site.frontmatter import (
    GENERATORS,
    UndatedPostError,
    make_post,
    post_path,
    post_text,
)
from newsconvert.site.metadata import PostMeta, post_meta
from newsconvert.tree import (
    Article,
    Byline,
    Headline,
    Paragraph,
    Section,
    Standfirst,
    Timestamp,
)

IST = timezone(timedelta(hours=5, minutes=30))
PUBLISHED = datetime(2019, 11, 27, 19, 17, tzinfo=IST)
UPDATED = datetime(2019, 11, 27, 19, 34, tzinfo=IST)
HOSTILE = 'Title: "quoted" <script>*x*</script> --- +++ # {{ 1+1 }} \\ `y`'


def hand_built(headline: str = HOSTILE, *, dated: bool = True) -> Article:
    return Article(
        headline=Headline(headline),
        standfirst=Standfirst("A summary: with *stars*, <b>tags</b> & ampersands"),
        published=Timestamp("Published 19:17 IST", PUBLISHED, zone="IST") if dated else None,
        updated=(Timestamp("Updated 19:34 IST", UPDATED, zone="IST"),) if dated else (),
        bylines=(Byline("By Jane Doe and John Roe", names=("Jane Doe", "John Roe")),),
    )


def split_front_matter(text: str, fence: str) -> tuple[str, str]:
    assert text.startswith(fence + "\n")
    head, _, body = text[len(fence) + 1 :].partition("\n" + fence + "\n")
    return head, body


def read_fields(generator: str, text: str, tmp_path: Path) -> dict[str, object]:
    """The front matter as the generator would read it, with its own field names."""
    if generator == "zola":
        head, _ = split_front_matter(text, "+++")
        return tomllib.loads(head)
    if generator == "pelican":
        # Importing pelican replaces logging's logger class for the whole process (loggers
        # created afterwards raise on filtered messages, which breaks Sphinx builds in later
        # tests); put the previous class back once pelican is imported.
        logger_class = logging.getLoggerClass()
        pytest.importorskip("pelican")
        from pelican.readers import MarkdownReader
        from pelican.settings import DEFAULT_CONFIG

        logging.setLoggerClass(logger_class)

        source = tmp_path / "post.md"
        source.write_text(text, encoding="utf-8")
        settings = dict(DEFAULT_CONFIG, TIMEZONE="UTC")
        _, metadata = MarkdownReader(settings).read(str(source))
        return metadata
    head, _ = split_front_matter(text, "---")
    fields = yaml.safe_load(head)
    assert isinstance(fields, dict)
    return fields


DATE_FIELDS = {
    "hugo": ("date", "lastmod"),
    "jekyll": ("date", "last_modified_at"),
    "pelican": ("date", "modified"),
    "zola": ("date", "updated"),
}


def dates_of(generator: str, fields: dict[str, object]) -> tuple[object, object]:
    if generator == "mkdocs":
        dates = fields["date"]
        assert isinstance(dates, dict)
        return dates.get("created"), dates.get("updated")
    published, modified = DATE_FIELDS[generator]
    return fields.get(published), fields.get(modified)


@pytest.mark.parametrize("generator", GENERATORS)
def test_front_matter_carries_title_and_dates_with_offset(generator: str, tmp_path: Path) -> None:
    meta = post_meta(hand_built())
    fields = read_fields(generator, post_text(generator, "a-slug", meta, "Body.\n"), tmp_path)
    title = fields["title"]
    if generator in ("pelican", "mkdocs"):
        # Both print titles as HTML, so the title is escaped; unescaped it is the headline.
        import html

        title = html.unescape(str(title))
    assert title == HOSTILE
    if generator == "pelican":
        # Pelican renders the summary as Markdown into HTML: it must come out literally.
        assert fields["summary"] == (
            "<p>A summary: with *stars*, &lt;b&gt;tags&lt;/b&gt; &amp; ampersands</p>"
        )
    published, modified = dates_of(generator, fields)
    assert published == PUBLISHED
    assert modified == UPDATED
    assert isinstance(published, datetime) and published.utcoffset() == timedelta(hours=5.5)


@pytest.mark.parametrize("generator", GENERATORS)
def test_an_undated_article_gets_no_invented_date(generator: str, tmp_path: Path) -> None:
    meta = post_meta(hand_built("Plain headline", dated=False))
    fields = read_fields(generator, post_text(generator, "a-slug", meta, "Body.\n"), tmp_path)
    if generator == "pelican":
        # Pelican's reader only reports what the file says.
        assert "date" not in fields and "modified" not in fields
    else:
        assert "date" not in fields
    assert fields["title"] == "Plain headline"


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_reference_article_front_matter(
    generator: str, reference_text: str, tmp_path: Path
) -> None:
    import newsconvert

    article = newsconvert.parse(reference_text)
    text = post_text(generator, "ref", post_meta(article), "x\n")
    fields = read_fields(generator, text, tmp_path)
    published, modified = dates_of(generator, fields)
    assert published == datetime(2019, 11, 27, 19, 17, tzinfo=IST)
    assert modified == datetime(2019, 11, 27, 19, 34, tzinfo=IST)
    assert "Hun Sen" in str(fields["title"])


def test_posts_are_named_uniquely_in_each_generators_url_scheme() -> None:
    dated, undated = post_meta(hand_built()), post_meta(hand_built(dated=False))
    # Jekyll's URLs ignore the folders under _posts: they go into the name.
    assert post_path("jekyll", "world/asia/story", dated) == "_posts/2019-11-27-world-asia-story.md"
    assert post_path("jekyll", "world/story", undated) == "_drafts/world-story.md"
    # Hugo's URLs follow the content tree.
    assert post_path("hugo", "world/story", undated) == "world/story.md"
    for generator in ("pelican", "mkdocs", "zola"):
        assert post_path(generator, "world/story", dated) == "world-story.md"


def test_the_body_follows_the_front_matter_unchanged() -> None:
    meta = PostMeta("T", None, None, None, (), None, None, None)
    text = post_text("hugo", "t", meta, "Body *literal*\n")
    _, body = split_front_matter(text, "---")
    assert body == "\nBody *literal*\n"


def test_no_modification_date_without_an_updated_line() -> None:
    article = hand_built()
    only_published = replace(article, updated=())
    assert post_meta(only_published).modified is None
    # Dated only by an Updated line: that line is the publication date, and nothing more.
    only_updated = replace(article, published=None)
    meta = post_meta(only_updated)
    assert (meta.published, meta.modified) == (UPDATED, None)
    text = post_text("jekyll", "t", meta, "x\n")
    assert "last_modified_at" not in text


def test_front_matter_has_no_yaml_aliases() -> None:
    # The same datetime object twice (published and the update it came from) once made PyYAML
    # write "date: &id001 ..." and "*id001".
    stamp = Timestamp("Updated 19:34 IST", UPDATED, zone="IST")
    article = replace(hand_built(), published=None, updated=(stamp, stamp))
    for generator in ("hugo", "jekyll", "mkdocs"):
        text = post_text(generator, "t", post_meta(article), "x\n")
        assert "&id" not in text and "*id" not in text, text


def test_pelican_posts_have_a_slug_and_undated_ones_are_drafts(tmp_path: Path) -> None:
    long_title = "A headline " * 40
    fields = read_fields(
        "pelican",
        post_text("pelican", "world-story", post_meta(hand_built(long_title)), "x\n"),
        tmp_path,
    )
    assert fields["slug"] == "world-story"
    undated = post_meta(hand_built(dated=False))
    fields = read_fields("pelican", post_text("pelican", "s", undated, "x\n"), tmp_path)
    assert fields["status"] == "draft" and "date" not in fields


def test_a_post_body_leaves_out_what_the_front_matter_carries() -> None:
    article = hand_built("Storm hits the coast")
    article = replace(article, sections=(Section(None, (Paragraph("The body."),)),))
    for generator in GENERATORS:
        post = make_post(article, generator, "storm")
        assert post.text.count("Storm hits the coast") == 1  # the title field only
        assert "19:17 IST" not in post.text and "Updated" not in post.text
        assert "The body." in post.text and "A summary" in post.text
        # MkDocs' Material shows no author without its own .authors.yml: the byline stays.
        assert ("By Jane Doe" in post.text) == (generator == "mkdocs")


def test_undated_posts_are_drafts_or_take_the_default_date() -> None:
    undated = hand_built(dated=False)
    assert make_post(undated, "hugo", "s").warnings == ()
    assert "draft" in make_post(undated, "jekyll", "s").warnings[0]
    assert "draft" in make_post(undated, "pelican", "s").warnings[0]
    assert "sorted by date" in make_post(undated, "zola", "s").warnings[0]
    with pytest.raises(UndatedPostError, match="--default-date"):
        make_post(undated, "mkdocs", "s")
    default = datetime(2024, 1, 31)
    post = make_post(undated, "mkdocs", "s", default_date=default)
    assert post.meta.published == default and post.warnings == ()
    assert make_post(undated, "jekyll", "s", default_date=default).path == "_posts/2024-01-31-s.md"
