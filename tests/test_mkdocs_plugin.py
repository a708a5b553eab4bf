"""The MkDocs plugin in a real ``mkdocs build --strict`` of a small site with articles."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs")

REFERENCE_HEADLINE = "Cambodia PM Hun Sen accepts Trump's invitation, offers to renew relations"

MKDOCS_YML = """\
site_name: Newsroom
theme:
  name: mkdocs
  custom_dir: overrides
plugins:
  - newsconvert:
      suffixes: [.news, .txt]
"""

# A theme override that prints the page's meta-data, to show it reached ``page.meta``.
MAIN_HTML = """\
{% extends "base.html" %}
{% block extrahead %}
<meta name="article-created" content="{{ page.meta.date.created if page.meta.date else '' }}">
<meta name="article-updated" content="{{ page.meta.date.updated if page.meta.date else '' }}">
<meta name="article-title" content="{{ page.meta.title }}">
{% endblock %}
"""


def make_site(root: Path, corpus_dir: Path) -> Path:
    docs = root / "docs"
    (docs / "news").mkdir(parents=True)
    (root / "overrides").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    (docs / "index.md").write_text("# Newsroom\n\nArticles converted by newsconvert.\n", "utf-8")
    shutil.copyfile(corpus_dir / "000_37575f6eff0020da.txt", docs / "news" / "cambodia.news")
    bbc = sorted((corpus_dir / "bbc").rglob("*.txt"))[0]
    shutil.copyfile(bbc, docs / "news" / "bbc-story.txt")
    return root


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_articles_become_pages_with_headline_and_date(corpus_dir: Path, tmp_path: Path) -> None:
    root = make_site(tmp_path, corpus_dir)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = html.unescape((root / "site" / "news" / "cambodia" / "index.html").read_text("utf-8"))
    assert f"<title>{REFERENCE_HEADLINE} - Newsroom</title>" in page
    assert '<meta name="article-created" content="2019-11-27 19:17:00+05:30">' in page
    assert '<meta name="article-updated" content="2019-11-27 19:34:00+05:30">' in page
    # The body is the article: its first paragraph and its quotation.
    assert "The Prime Minister of Cambodia, Hun Sen has presented" in page
    assert "<blockquote" in page
    # Plain .txt files count too when listed in ``suffixes``; an undated one has no date.
    other = html.unescape((root / "site" / "news" / "bbc-story" / "index.html").read_text("utf-8"))
    bbc_headline = (root / "docs" / "news" / "bbc-story.txt").read_text("utf-8").splitlines()[0]
    assert f"<title>{bbc_headline.strip()} - Newsroom</title>" in other
    assert '<meta name="article-created" content="">' in other
    # The source files are not copied into the site as static files.
    assert not list((root / "site").rglob("*.news"))


def test_a_corrupt_article_stops_the_build_with_its_location(
    corpus_dir: Path, tmp_path: Path
) -> None:
    root = make_site(tmp_path, corpus_dir)
    (root / "docs" / "news" / "broken.news").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "broken.news:1: binary file" in result.stderr
    assert "Traceback" not in result.stderr


def test_importing_newsconvert_imports_neither_mkdocs_nor_pelican() -> None:
    code = (
        "import sys, newsconvert, newsconvert.site.builder, newsconvert.site.cli;"
        "assert 'mkdocs' not in sys.modules and 'pelican' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_build_for_mkdocs_gives_posts_mkdocs_builds_strictly(
    corpus_dir: Path, tmp_path: Path
) -> None:
    from newsconvert.site.cli import run

    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copyfile(corpus_dir / "000_37575f6eff0020da.txt", articles / "cambodia.txt")
    for path in sorted((corpus_dir / "reuters").glob("*.txt"))[:3]:
        shutil.copyfile(path, articles / path.name)
    root = tmp_path / "site-project"
    (root / "overrides").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        # No plugin: plain Markdown posts that MkDocs reads on its own.
        MKDOCS_YML.split("plugins:")[0],
        encoding="utf-8",
    )
    (root / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    # The Reuters articles are undated: a Material blog needs a date on every post.
    options = ["--to", "md", "--for", "mkdocs", "--default-date", "1987-02-26"]
    assert run([str(articles), "-o", str(root / "docs"), *options]) == 0
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = html.unescape((root / "site" / "cambodia" / "index.html").read_text("utf-8"))
    assert f"<title>{REFERENCE_HEADLINE} - Newsroom</title>" in page
    assert '<meta name="article-created" content="2019-11-27 19:17:00+05:30">' in page


def test_hostile_text_stays_text_in_mkdocs_pages(tmp_path: Path) -> None:
    root = tmp_path
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - newsconvert\n", "utf-8")
    (root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    (root / "docs" / "storm.news").write_text(
        "Storm <script>alert(1)</script> & co hits {{ town }}\n\n"
        "The harbour <b>reopened</b> on Wednesday | 5% ~ 6% = *fine*.\n",
        encoding="utf-8",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "storm" / "index.html").read_text("utf-8")
    assert "<script>alert" not in page and "<b>reopened" not in page
    text = html.unescape(page)
    assert "<title>Storm <script>alert(1)</script> & co hits {{ town }} - X</title>" in text
    assert "The harbour <b>reopened</b> on Wednesday | 5% ~ 6% = *fine*." in text
    assert "\\" not in text.split("<body", 1)[1].split("<script", 1)[0]


def test_articles_in_other_formats_are_read_by_their_suffix(
    corpus_dir: Path, tmp_path: Path
) -> None:
    import newsconvert
    from newsconvert.source import read_source

    root = make_site(tmp_path, corpus_dir)
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(config.replace("[.news, .txt]", "[.news, .rst, .html]"))
    article = newsconvert.parse(read_source(corpus_dir / "000_37575f6eff0020da.txt").text)
    news = root / "docs" / "news"
    (news / "cambodia.news").unlink()
    (news / "from-rst.rst").write_text(newsconvert.render(article, "rst"), "utf-8")
    (news / "from-html.html").write_text(newsconvert.render(article, "html"), "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    for name in ("from-rst", "from-html"):
        page = html.unescape((root / "site" / "news" / name / "index.html").read_text("utf-8"))
        # The headline and dates come from the markup, not its raw text.
        assert f"<title>{REFERENCE_HEADLINE} - Newsroom</title>" in page, name
        assert '<meta name="article-created" content="2019-11-27 19:17:00+05:30">' in page, name
        assert "The Prime Minister of Cambodia, Hun Sen has presented" in page
    # .txt is no longer listed: the BBC story stays a static file, MkDocs' own index.md a page.
    assert (root / "site" / "news" / "bbc-story.txt").is_file()
    assert "Articles converted by newsconvert." in (root / "site" / "index.html").read_text("utf-8")


CHROME_PAGE = Path(__file__).parent / "data" / "articles" / "chrome-page.txt"
"""An invented article updated at ``14:20 CET`` in June, with page chrome around its body."""


@pytest.mark.parametrize(
    ("config", "offset", "chrome"),
    [
        ("", "+02:00", "<!-- hidden chrome: Share on Facebook -->"),
        (
            "      timezones: {CET: Europe/London}\n      keep_chrome: true\n",
            "+01:00",
            "<p>Share on Facebook</p>",
        ),
    ],
    ids=["defaults", "zones-and-chrome-set"],
)
def test_time_zones_and_keep_chrome_are_mkdocs_options(
    tmp_path: Path, config: str, offset: str, chrome: str
) -> None:
    """MkDocs could not set the time zones (issue 13); the plugin's options, generated from the
    one options model, now include them and ``keep_chrome``."""
    root = tmp_path
    (root / "docs").mkdir()
    (root / "overrides").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML + config, encoding="utf-8")
    (root / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Newsroom\n", encoding="utf-8")
    shutil.copyfile(CHROME_PAGE, root / "docs" / "ferry.news")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "ferry" / "index.html").read_text("utf-8")
    # Its one timestamp (``Updated …``) is the page's date.
    assert f'<meta name="article-created" content="2020-06-02 14:20:00{offset}">' in page
    assert page.count("Share on Facebook") == 1 and chrome in page
