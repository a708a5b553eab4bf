"""Real Hugo, Jekyll, Pelican and Material for MkDocs builds of our posts.

Each generator builds a site, set up as its own users set one up (see ``site_generators``), from
``newsconvert build --to md --for GENERATOR``: once from a small invented set in the repository
(dated and undated articles, two ``story.txt`` in different folders, text that is markup in some
dialect) and once from the whole corpus (skipped without ``../shared``). Every article must come
out as exactly one page with its headline once, its date, authors, every paragraph, every quote
as its own block quote and every heading, and the generator must exit 0 without a warning.

A generator that is not installed skips its tests (``.ci/run`` installs all four). Zola is not
run: no registry reachable here ships a Zola binary that runs on this system (see
``test_zola_front_matter_is_what_zola_documents``).
"""

from __future__ import annotations

import html
import io
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPUS
from site_generators import SITES, BuildResult, build_site, program

import newsconvert
from newsconvert.site import cli as site_cli
from newsconvert.site.frontmatter import flat_slug
from newsconvert.site.metadata import post_meta
from newsconvert.site.slugs import assign_slugs
from newsconvert.tree import Article, Blockquote, BulletList, Embed, Paragraph, Preformatted

INVENTED = Path(__file__).parent / "data" / "site_posts"
RUN = ("hugo", "jekyll", "pelican", "mkdocs")
DEFAULT_DATE = "2000-01-01"
"""Given to undated articles for MkDocs, whose blog needs a date on every post."""

WARNING = re.compile(r"\bWARN(ING)?\b|\bERROR\b|Conflict|Traceback|Error:|Skipping", re.I)


@dataclass(frozen=True)
class Site:
    """One generator's site, built from one source folder."""

    generator: str
    source: Path
    result: BuildResult
    slugs: dict[str, str]
    """Source path (relative, POSIX) -> slug."""
    newsconvert_errors: str


def make_site(generator: str, source: Path, root: Path) -> Site:
    if program(generator) is None:
        pytest.skip(f"{generator} is not installed")
    posts = SITES[generator](root)
    extra = ["--default-date", DEFAULT_DATE] if generator == "mkdocs" else []
    errors = io.StringIO()
    code = site_cli.run(
        [str(source), "-o", str(posts), "--to", "md", "--for", generator, "-q", *extra],
        stderr=errors,
    )
    assert code == 0, errors.getvalue()
    relative = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.txt"))
    return Site(generator, source, build_site(generator, root), assign_slugs(relative), "")


@pytest.fixture(scope="module", params=RUN)
def invented_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    generator = request.param
    return make_site(generator, INVENTED, tmp_path_factory.mktemp(f"invented-{generator}"))


@pytest.fixture(scope="module", params=RUN)
def corpus_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    generator = request.param
    return make_site(generator, CORPUS, tmp_path_factory.mktemp(f"corpus-{generator}"))


# --- Reading the built pages --------------------------------------------------------------------


def page_candidates(site: Site, slug: str) -> list[Path]:
    """Every page of the built site that is the post of the article with ``slug``."""
    out = site.result.site
    name = flat_slug(slug)
    if site.generator == "hugo":
        return [p for p in [out / "posts" / slug / "index.html"] if p.is_file()]
    if site.generator == "jekyll":
        return sorted(out.rglob(f"{name}.html"))
    if site.generator == "pelican":
        return [p for p in (out / f"{name}.html", out / "drafts" / f"{name}.html") if p.is_file()]
    return sorted((out / "blog").rglob(f"{name}/index.html"))


def post_pages(site: Site) -> int:
    """How many post pages the site has, whatever their names."""
    out = site.result.site
    if site.generator == "hugo":  # the pages our single.html layout made
        pages = (out / "posts").rglob("index.html")
        return sum(1 for p in pages if 'class="post-title"' in p.read_text(encoding="utf-8"))
    if site.generator == "jekyll":
        return sum(1 for p in out.rglob("*.html") if re.match(r"\d{4}$", p.parts[-4]))
    if site.generator == "pelican":
        return (
            len(list(out.glob("*.html")))
            + len(list((out / "drafts").glob("*.html")))
            - len([p for p in out.glob("*.html") if p.stem in PELICAN_SITE_PAGES])
        )
    return sum(1 for p in (out / "blog").rglob("index.html") if re.match(r"\d{4}$", p.parts[-5]))


PELICAN_SITE_PAGES = {"index", "archives", "authors", "categories", "tags"}


class _Page(HTMLParser):
    """The text of a post's ``<article>``: all of it, and its h1, h2 and block quotes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0  # inside <script>, <style>, <svg>
        self.open: list[tuple[str, list[str]]] = []
        self.text: list[str] = []
        self.found: dict[str, list[str]] = {"h1": [], "h2": [], "blockquote": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag in ("script", "style", "svg"):
            self.skip += 1
        elif self.depth and tag in self.found:
            self.open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag in ("script", "style", "svg"):
            self.skip -= 1
        elif self.depth and tag in self.found:
            for index in range(len(self.open) - 1, -1, -1):
                if self.open[index][0] == tag:
                    name, parts = self.open.pop(index)
                    self.found[name].append(normal("".join(parts)))
                    break

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)
            for _, parts in self.open:
                parts.append(data)


# Hugo's Goldmark typographer (on by default) makes quotes curly and dashes long: typography,
# not lost text, so both sides are compared with it undone.
_TYPOGRAPHY = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": "<", "\u00bb": ">"}
)


def normal(text: str) -> str:
    text = html.unescape(text).translate(_TYPOGRAPHY).replace("\u2026", "...")
    text = re.sub("[-\u2013\u2014]+", "-", text).replace("<<", "<").replace(">>", ">")
    return " ".join(text.split())


@dataclass(frozen=True)
class Expected:
    headline: str
    texts: list[str]
    quotes: list[str]
    headings: list[str]
    authors: tuple[str, ...]
    published: datetime | None


def expected(article: Article) -> Expected:
    texts: list[str] = []
    quotes: list[str] = []
    headings: list[str] = []
    for header in (article.kicker, article.standfirst):
        if header is not None:
            texts.append(header.text)
    for section in article.sections:
        if section.heading is not None:
            headings.append(normal(section.heading.text))
        for block in section.blocks:
            if isinstance(block, Paragraph | Preformatted):
                texts.append(block.text)
            elif isinstance(block, BulletList):
                texts += [item.text for item in block.items]
            elif isinstance(block, Blockquote | Embed):
                quotes.append(normal(block.text))
    texts += [credit.text for credit in article.credits]
    # The date a post carries: the publication time, else the first update time (an article
    # that prints only ``Updated …``), as the site's metadata takes it.
    published = post_meta(article).published
    authors = tuple(name for b in article.bylines for name in (b.names or (b.text,)))
    return Expected(
        normal(article.title_label),  # the fallback label for an article without a headline
        [normal(t) for t in texts if t.strip()],
        quotes,
        headings,
        authors,
        published,
    )


def check_site(site: Site) -> None:
    """Every article of ``site.source`` is one page with everything in place; no warning."""
    assert site.result.returncode == 0, site.result.output[-3000:]
    warnings = [line for line in site.result.output.splitlines() if WARNING.search(line)]
    assert not warnings, "\n".join(warnings[:20])
    problems: list[str] = []
    for relative, slug in site.slugs.items():
        pages = page_candidates(site, slug)
        if len(pages) != 1:
            problems.append(f"{relative}: {len(pages)} pages")
            continue
        problems += [f"{relative}: {p}" for p in page_problems(site, relative, pages[0])]
    assert not problems, "\n".join(problems[:30])


def page_problems(site: Site, relative: str, page_path: Path) -> list[str]:
    article = newsconvert.read_article(str(site.source / relative))
    want = expected(article)
    page_html = page_path.read_text(encoding="utf-8")
    page = _Page()
    page.feed(page_html)
    text = normal("".join(page.text))
    problems: list[str] = []
    if page.found["h1"] != [want.headline]:
        problems.append(f"h1 {page.found['h1']!r}, want [{want.headline!r}]")
    body = " ".join(want.texts + want.quotes + want.headings)
    if text.count(want.headline) != 1 + body.count(want.headline):
        problems.append(f"headline {text.count(want.headline)} times")
    problems += [f"missing text {t[:60]!r}" for t in want.texts if t not in text]
    if page.found["blockquote"] != want.quotes:
        problems.append(f"quotes {len(page.found['blockquote'])}, want {len(want.quotes)}")
    if page.found["h2"] != want.headings:
        problems.append(f"headings {page.found['h2']!r}, want {want.headings!r}")
    page_text = normal("".join(_all_text(page_html)))
    problems += [f"missing author {a!r}" for a in want.authors if normal(a) not in page_text]
    date = want.published
    if date is None and site.generator == "mkdocs":
        date = datetime.fromisoformat(DEFAULT_DATE)
    if date is not None:
        if not re.search(rf'(datetime|title)="{date:%Y-%m-%d}', page_html):
            problems.append(f"no date {date:%Y-%m-%d}")
    elif site.generator == "hugo" and "<time" in page_html:
        problems.append("a date for an undated article")
    return problems


def _all_text(page_html: str) -> list[str]:
    parser = _Page()
    parser.feed(f"<article>{page_html}</article>")
    return parser.text


# --- The tests ------------------------------------------------------------------------------------


def test_invented_articles_build_into_the_site_each_once_and_whole(invented_site: Site) -> None:
    check_site(invented_site)
    assert post_pages(invented_site) == len(invented_site.slugs)


def test_corpus_builds_into_the_site_each_article_once_and_whole(corpus_site: Site) -> None:
    check_site(corpus_site)
    assert post_pages(corpus_site) == len(corpus_site.slugs)


def test_text_that_is_markup_in_the_dialect_stays_text(invented_site: Site) -> None:
    (page,) = page_candidates(invented_site, "world/story")
    text = normal("".join(page_text(page)))
    for line in (
        ": a line that starts with a colon",
        '!!! warning "This line looks like an admonition" but is only text.',
        "cost $$2 million in delays, or {{ nothing }} at all, and {% raw %} too.",
    ):
        assert normal(line) in text
    page_html = page.read_text(encoding="utf-8")
    assert "<dl" not in page_html and 'class="admonition' not in page_html


def page_text(path: Path) -> list[str]:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.text


def test_a_post_after_midnight_keeps_its_day(invented_site: Site) -> None:
    """Published 01:30 IST on 28 November: the post is dated the 28th (Jekyll's URL too, with
    the ``timezone:`` the docs tell Jekyll users to set)."""
    (page,) = page_candidates(invented_site, "world/story")
    assert re.search(r'(datetime|title)="2019-11-28', page.read_text(encoding="utf-8"))
    if invented_site.generator == "jekyll":
        assert page.relative_to(invented_site.result.site).as_posix().startswith("2019/11/28/")


def test_zola_front_matter_is_what_zola_documents(tmp_path: Path) -> None:
    """Zola's documented front matter (https://www.getzola.org/documentation/content/page/):
    TOML between ``+++`` lines, top-level keys only from its list, the rest under ``[extra]``,
    dates as TOML datetimes. Not run with Zola itself: its npm package needs glibc 2.39."""
    code = site_cli.run(
        [str(INVENTED), "-o", str(tmp_path), "--to", "md", "--for", "zola", "-q"],
        stderr=io.StringIO(),
    )
    assert code == 0
    zola_keys = {
        "title", "description", "date", "updated", "weight", "draft", "slug", "path",
        "aliases", "authors", "in_search_index", "template", "taxonomies", "extra",
    }  # fmt: skip
    posts = sorted(tmp_path.glob("*.md"))
    assert [p.name for p in posts] == ["business-brief.md", "business-story.md", "world-story.md"]
    for post in posts:
        text = post.read_text(encoding="utf-8")
        assert text.startswith("+++\n")
        head, _, body = text[4:].partition("\n+++\n")
        fields = tomllib.loads(head)
        assert set(fields) <= zola_keys
        assert fields["slug"] == post.stem
        assert "updated" not in fields or isinstance(fields["updated"], datetime)
        assert not body.lstrip().startswith("# ")
    story = tomllib.loads((tmp_path / "world-story.md").read_text().split("+++")[1])
    assert story["date"] == datetime.fromisoformat("2019-11-28T01:30:00+05:30")
    assert story["updated"] == datetime.fromisoformat("2019-11-28T02:10:00+05:30")
    brief = tomllib.loads((tmp_path / "business-brief.md").read_text().split("+++")[1])
    assert "date" not in brief and "updated" not in brief
