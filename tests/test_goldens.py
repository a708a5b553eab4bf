"""Golden outputs: invented articles of every layout, rendered in every format, kept as files.

The articles are in ``tests/data/articles/`` (one per layout, and a hostile and a scraped page);
their outputs in every format, fragment and standalone, are in ``tests/test_goldens/``, read by
a person before they were committed. A change to the parser, the templates or the escapers that
alters any output fails here with a diff; when the change is meant, regenerate with
``pytest tests/test_goldens.py --force-regen``, read the diff, and commit it.

These checks need nothing outside the repository, so a fresh clone runs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsconvert
from newsconvert.facts import visible
from newsconvert.readers import first_difference
from newsconvert.tree import Article

ARTICLES = sorted((Path(__file__).resolve().parent / "data" / "articles").glob("*.txt"))


def _article(path: Path) -> Article:
    # The source is named by its file name alone, so the JSON does not hold a local path.
    return newsconvert.parse(path.read_text(encoding="utf-8"), source=path.name)


def test_every_layout_has_an_article() -> None:
    from newsconvert.parser.layouts import LAYOUTS, detect_layout, typical_width
    from newsconvert.parser.lines import split_lines

    found = set()
    for path in ARTICLES:
        lines = split_lines(path.read_text(encoding="utf-8"))
        found.add(detect_layout(lines, typical_width(lines)))
    assert found == set(LAYOUTS)


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "standalone"])
@pytest.mark.parametrize("fmt", newsconvert.FORMATS)
@pytest.mark.parametrize("path", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_golden_output(path: Path, fmt: str, standalone: bool, file_regression: Any) -> None:
    if fmt == "json" and standalone:
        pytest.skip("JSON has no standalone form")
    text = newsconvert.render(_article(path), fmt, standalone=standalone)
    kind = ".standalone" if standalone else ""
    file_regression.check(text, basename=f"{path.stem}{kind}", extension=f".{fmt}")


@pytest.mark.parametrize("fmt", newsconvert.FORMATS)
@pytest.mark.parametrize("path", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_golden_outputs_read_back_as_the_article(path: Path, fmt: str) -> None:
    article = _article(path)
    again = newsconvert.read(newsconvert.render(article, fmt), fmt, source=path.name)
    # Every format holds the whole tree: page chrome out of sight, but there.
    assert first_difference(article, again) is None
    dropped = newsconvert.render(article, fmt, drop_chrome=True)
    if fmt != "json":  # asked to, the other formats leave it out
        article = visible(article)
    assert first_difference(article, newsconvert.read(dropped, fmt, source=path.name)) is None


@pytest.mark.parametrize("fmt", ["md", "html", "rst"])
def test_golden_output_with_kept_chrome(fmt: str, file_regression: Any) -> None:
    path = next(path for path in ARTICLES if path.stem == "chrome-page")
    text = newsconvert.render(_article(path), fmt, keep_chrome=True)
    file_regression.check(text, basename="chrome-page.kept", extension=f".{fmt}")
