"""The public API: parse, render, convert, read and read_article, on real articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsconvert
from newsconvert.tree import Blockquote

REFERENCE_FORMATS = ("md", "rst", "html", "json")


def test_render_stays_the_function_after_the_renderers_package_is_imported(
    reference_text: str,
) -> None:
    import newsconvert.renderers  # the import that used to shadow the function

    article = newsconvert.parse(reference_text)
    assert newsconvert.render(article, "md").startswith("# Cambodia PM Hun Sen accepts")


@pytest.mark.parametrize("fmt", REFERENCE_FORMATS)
def test_convert_reads_any_of_our_formats_back(reference_text: str, fmt: str) -> None:
    article = newsconvert.parse(reference_text)
    written = newsconvert.render(article, fmt, standalone=True)
    assert newsconvert.read(written, fmt) == article
    # Converting our own HTML to Markdown gives what converting the text gives.
    assert newsconvert.convert(written, "md", from_format=fmt) == newsconvert.render(article, "md")


@pytest.mark.parametrize("fmt", REFERENCE_FORMATS)
def test_read_article_takes_the_format_from_the_suffix(
    reference_text: str, fmt: str, tmp_path: Path
) -> None:
    article = newsconvert.parse(reference_text)
    path = tmp_path / f"story.{fmt}"
    path.write_text(newsconvert.render(article, fmt), encoding="utf-8")
    assert newsconvert.read_article(path) == article


def test_read_article_reads_other_suffixes_as_plain_text(
    reference_text: str, tmp_path: Path
) -> None:
    path = tmp_path / "story.news"
    path.write_text(reference_text, encoding="utf-8")
    article = newsconvert.read_article(path)
    assert article.headline.text.startswith("Cambodia PM Hun Sen")
    assert isinstance(article.sections[0].blocks[2], Blockquote)


def test_an_unknown_input_format_is_a_config_error() -> None:
    with pytest.raises(newsconvert.ConfigError):
        newsconvert.read("# Title", "docx")


def test_a_broken_json_file_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text('{\n  "headline": \n}', encoding="utf-8")
    with pytest.raises(newsconvert.NewsconvertError) as caught:
        newsconvert.read_article(path)
    assert str(caught.value).startswith(f"{path}:")
    assert caught.value.line is not None
