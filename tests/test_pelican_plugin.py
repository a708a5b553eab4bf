"""The Pelican reader plugin in a real ``pelican`` run on a small site with articles."""

from __future__ import annotations

import html
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

if importlib.util.find_spec("pelican") is None:  # not importorskip: importing pelican in-process
    pytest.skip("pelican is not installed", allow_module_level=True)  # changes logging globally

ATOM = "{http://www.w3.org/2005/Atom}"
REFERENCE_HEADLINE = "Cambodia PM Hun Sen accepts Trump's invitation, offers to renew relations"

SETTINGS = """\
AUTHOR = "Desk"
SITENAME = "Newsroom"
SITEURL = "https://news.test"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = ["newsconvert.pelican"]
NEWSCONVERT_EXTENSIONS = ["news"]
DEFAULT_DATE_FORMAT = "%Y-%m-%d %H:%M"
DEFAULT_DATE = "fs"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
"""


def make_site(root: Path, corpus_dir: Path) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    (root / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")
    shutil.copyfile(corpus_dir / "000_37575f6eff0020da.txt", content / "cambodia.news")
    return root


def pelican(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(root / "content"),
            "-s",
            str(root / "pelicanconf.py"),
            "-o",
            str(root / "output"),
        ],
        cwd=root,
        # Pelican logs through rich, which wraps lines at 80 columns when not on a terminal.
        env={**os.environ, "COLUMNS": "1000"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def article_page(root: Path) -> str:
    pages = [
        path.read_text("utf-8")
        for path in (root / "output").glob("*.html")
        if "hun-sen" in path.name
    ]
    assert len(pages) == 1, sorted(p.name for p in (root / "output").glob("*.html"))
    return html.unescape(pages[0])


def test_articles_become_pelican_articles_with_title_and_dates(
    corpus_dir: Path, tmp_path: Path
) -> None:
    root = make_site(tmp_path, corpus_dir)
    result = pelican(root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = article_page(root)
    assert REFERENCE_HEADLINE in page
    assert '<abbr class="published" title="2019-11-27T19:17:00+05:30">' in page
    assert '<abbr class="modified" title="2019-11-27T19:34:00+05:30">' in page
    assert "2019-11-27 19:17" in page
    assert "The Prime Minister of Cambodia, Hun Sen has presented" in page
    # Pelican's own feed carries the standfirst as the summary.
    feed = SafeET.parse(root / "output" / "feeds" / "all.atom.xml").getroot()
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == REFERENCE_HEADLINE
    assert entry.find(f"{ATOM}summary").text.startswith("The PM of Cambodia, Hun Sen has presented")
    assert entry.find(f"{ATOM}published").text == "2019-11-27T19:17:00+05:30"


def test_authors_come_from_the_bylines(tmp_path: Path) -> None:
    root = tmp_path
    content = root / "content"
    content.mkdir()
    (root / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")
    (content / "story.news").write_text(
        "Published 09:00 UTC, March 3, 2021\n"
        "Harbour reopens after storm <repairs>\n"
        "\n"
        "By Jane Doe\n"
        "\n"
        "The harbour reopened on Wednesday after a week of repairs.\n",
        encoding="utf-8",
    )
    result = pelican(root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = next((root / "output").glob("harbour-*.html")).read_text("utf-8")
    assert "Harbour reopens after storm &lt;repairs&gt;" in page
    assert (root / "output" / "author" / "jane-doe.html").is_file()


def test_a_corrupt_article_is_reported_and_skipped(corpus_dir: Path, tmp_path: Path) -> None:
    root = make_site(tmp_path, corpus_dir)
    (root / "content" / "broken.news").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    result = pelican(root)
    assert "broken.news:1: binary file" in result.stdout + result.stderr
    assert REFERENCE_HEADLINE in article_page(root)


def test_build_for_pelican_gives_posts_pelican_reads(corpus_dir: Path, tmp_path: Path) -> None:
    from newsconvert.site.cli import run

    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copyfile(corpus_dir / "000_37575f6eff0020da.txt", articles / "cambodia.txt")
    root = tmp_path / "blog"
    root.mkdir()
    (root / "pelicanconf.py").write_text(
        SETTINGS.replace('PLUGINS = ["newsconvert.pelican"]\n', ""), encoding="utf-8"
    )
    assert run([str(articles), "-o", str(root / "content"), "--to", "md", "--for", "pelican"]) == 0
    result = pelican(root)
    assert result.returncode == 0, result.stdout + result.stderr
    # The post names its slug (after the source file), not Pelican's guess from the title.
    page = html.unescape((root / "output" / "cambodia.html").read_text("utf-8"))
    assert REFERENCE_HEADLINE in page
    assert '<abbr class="published" title="2019-11-27T19:17:00+05:30">' in page
    assert '<abbr class="modified" title="2019-11-27T19:34:00+05:30">' in page


def test_articles_in_our_formats_are_read_by_their_extension(
    corpus_dir: Path, tmp_path: Path
) -> None:
    import newsconvert
    from newsconvert.source import read_source

    root = make_site(tmp_path, corpus_dir)
    settings = SETTINGS.replace('["news"]', '["news", "json"]')
    (root / "pelicanconf.py").write_text(settings, encoding="utf-8")
    content = root / "content"
    article = newsconvert.parse(read_source(content / "cambodia.news").text)
    (content / "cambodia.news").unlink()
    (content / "cambodia.json").write_text(newsconvert.render(article, "json"), "utf-8")
    result = pelican(root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = article_page(root)
    assert f"<title>{REFERENCE_HEADLINE}" in page
    assert '<abbr class="published" title="2019-11-27T19:17:00+05:30">' in page
    assert "The Prime Minister of Cambodia, Hun Sen has presented" in page
    assert '"headline"' not in page


def test_an_undated_article_becomes_a_draft_without_default_date(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # The quickstart's settings have no DEFAULT_DATE: Pelican would skip an undated article.
    root = make_site(tmp_path, corpus_dir)
    settings = SETTINGS.replace('DEFAULT_DATE = "fs"\n', "")
    (root / "pelicanconf.py").write_text(settings, encoding="utf-8")
    shutil.copyfile(corpus_dir / "bbc" / "business" / "001.txt", root / "content" / "bbc.news")
    result = pelican(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Skipping" not in result.stdout + result.stderr
    assert "1 article, 1 draft" in " ".join((result.stdout + result.stderr).split())
    drafts = list((root / "output" / "drafts").glob("*.html"))
    assert len(drafts) == 1


CHROME_PAGE = Path(__file__).parent / "data" / "articles" / "chrome-page.txt"
"""An invented article updated at ``14:20 CET`` in June, with page chrome around its body."""


@pytest.mark.parametrize(
    ("settings", "offset", "chrome"),
    [
        ("", "+02:00", '<aside class="chrome" hidden data-set-aside="chrome">'),
        (
            'NEWSCONVERT_TIMEZONES = {"CET": "Europe/London"}\nNEWSCONVERT_KEEP_CHROME = True\n',
            "+01:00",
            '<aside class="chrome">',
        ),
    ],
    ids=["defaults", "zones-and-chrome-set"],
)
def test_time_zones_and_keep_chrome_are_pelican_settings(
    tmp_path: Path, settings: str, offset: str, chrome: str
) -> None:
    """Pelican could set neither the time zones nor ``keep_chrome`` (issue 13); both are
    ``pelicanconf.py`` settings now, generated from the one options model."""
    (tmp_path / "content").mkdir()
    (tmp_path / "pelicanconf.py").write_text(SETTINGS + settings, encoding="utf-8")
    shutil.copyfile(CHROME_PAGE, tmp_path / "content" / "ferry.news")
    result = pelican(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    page = next((tmp_path / "output").glob("island-*.html")).read_text("utf-8")
    # Its one timestamp (``Updated …``) is the article's date.
    assert f'<abbr class="published" title="2020-06-02T14:20:00{offset}">' in page
    assert f"{chrome}<p>Share on Facebook</p></aside>" in page
