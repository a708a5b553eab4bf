"""``newsconvert build`` end to end: real articles, real parser and renderers, real files."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

import defusedxml.ElementTree as SafeET
import html5lib
import pytest
import yaml
from conftest import Stderr, files_of

import newsconvert
from newsconvert.options import Options
from newsconvert.site.builder import build
from newsconvert.site.cli import run
from newsconvert.site.feed import ATOM_NAMESPACE, rfc3339
from newsconvert.site.frontmatter import GENERATORS
from newsconvert.site.lock import LOCK_NAME
from newsconvert.site.manifest import MANIFEST_NAME
from newsconvert.site.metadata import post_meta
from newsconvert.source import read_source
from newsconvert.tree import UNTITLED

A = f"{{{ATOM_NAMESPACE}}}"


def build_cli(*args: str | Path) -> tuple[int, str]:
    err = Stderr()
    code = run([str(arg) for arg in args], stderr=err)
    return code, err.getvalue()


def mtimes(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def small_tree(corpus_dir: Path, tmp_path: Path) -> Path:
    """A copy of a dozen corpus articles of every kind, in folders, to modify freely."""
    source = tmp_path / "src"
    chosen = [corpus_dir / "000_37575f6eff0020da.txt"]
    for folder in ("bbc", "reuters", "newspaper"):
        chosen += sorted((corpus_dir / folder).rglob("*.txt"))[:4]
    for path in chosen:
        target = source / path.relative_to(corpus_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return source


def article_count(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.suffix in {".txt", ".news"})


# --- The whole corpus --------------------------------------------------------------------------


def test_corpus_builds_to_a_site_with_index_and_feed(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, err = build_cli(corpus_dir, "-o", out, "--feed-size", "500", "-j", "2")
    assert code == 0, err
    sources = sorted(corpus_dir.rglob("*.txt"))
    pages = [p for p in out.rglob("*.html") if p.name != "index.html" or p.parent != out]
    assert len(pages) == len(sources)

    document = html5lib.parse((out / "index.html").read_text("utf-8"), namespaceHTMLElements=False)
    hrefs = [a.get("href") for a in document.findall(".//li//a")]
    assert len(hrefs) == len(sources)
    assert all((out / href).is_file() for href in hrefs)
    assert sorted(out / href for href in hrefs) == sorted(pages)

    # The feed holds every article the parser found a date in, newest first, with its dates.
    expected = {}
    for path in sources:
        meta = post_meta(newsconvert.parse(read_source(path).text))
        if meta.published is not None:
            # An article with only an update time is published then and never modified since.
            updated = meta.modified or meta.published
            expected[meta.title] = (rfc3339(meta.published), rfc3339(updated))
    root = SafeET.fromstring((out / "feed.xml").read_bytes())
    entries = root.findall(f"{A}entry")
    assert len(entries) == len(expected) >= 1
    for element in entries:
        title = element.find(f"{A}title").text
        assert (
            element.find(f"{A}published").text,
            element.find(f"{A}updated").text,
        ) == expected[title]
        assert (out / element.find(f"{A}link").get("href")).is_file()
    reference = next(e for e in entries if "Hun Sen" in e.find(f"{A}title").text)
    assert reference.find(f"{A}published").text == "2019-11-27T19:17:00+05:30"
    assert reference.find(f"{A}updated").text == "2019-11-27T19:34:00+05:30"


# --- Incremental builds ------------------------------------------------------------------------


def test_rerun_converts_nothing_and_rewrites_nothing(
    small_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = build(small_tree, out, jobs=1)
    assert first.converted == article_count(small_tree) and first.failed == 0
    before = mtimes(out)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged article was parsed")

    monkeypatch.setattr(newsconvert, "parse", no_parsing)
    again = build(small_tree, out, jobs=1)
    assert (again.converted, again.unchanged, again.removed) == (0, first.converted, 0)
    assert mtimes(out) == before


def test_editing_one_article_reconverts_only_it(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(small_tree, out, jobs=1)
    before = files_of(out)
    edited = small_tree / "bbc" / sorted(p.name for p in (small_tree / "bbc").iterdir())[0]
    story = next(edited.rglob("*.txt")) if edited.is_dir() else edited
    story.write_text(story.read_text("utf-8") + "\nAn added closing paragraph.\n", "utf-8")
    # A new modification time with the same bytes is no change.
    untouched = small_tree / "000_37575f6eff0020da.txt"
    os.utime(untouched, (1, 1))
    summary = build(small_tree, out, jobs=1)
    assert summary.converted == 1 and summary.unchanged == article_count(small_tree) - 1
    after = files_of(out)
    changed = {path for path in after if after[path] != before.get(path)}
    page = story.relative_to(small_tree).with_suffix(".html").as_posix()
    assert page in changed and b"An added closing paragraph." in after[page]
    assert changed <= {page, "index.html", MANIFEST_NAME}


def test_removing_a_source_removes_its_page(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(small_tree, out, jobs=1)
    (small_tree / "000_37575f6eff0020da.txt").unlink()
    summary = build(small_tree, out, jobs=1)
    assert summary.removed == 1 and summary.converted == 0
    assert not (out / "000-37575f6eff0020da.html").exists()
    assert "000-37575f6eff0020da" not in (out / "index.html").read_text("utf-8")


def test_changed_options_and_force_rebuild_everything(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    count = build(small_tree, out, jobs=1).converted
    assert build(small_tree, out, Options(lang="fr"), jobs=1).converted == count
    assert build(small_tree, out, Options(lang="fr"), jobs=1).converted == 0
    code, _ = build_cli(small_tree, "-o", out, "--lang", "fr", "--force", "-j", "1")
    assert code == 0
    assert build(small_tree, out, Options(lang="fr"), jobs=1).unchanged == count


def test_a_jekyll_post_whose_date_changed_moves(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(small_tree, out, Options(to="md", generator="jekyll"), jobs=1)
    old = out / "_posts" / "2019-11-27-000-37575f6eff0020da.md"
    assert old.is_file()
    reference = small_tree / "000_37575f6eff0020da.txt"
    text = reference.read_text("utf-8")
    reference.write_text(text.replace("November 27th 2019", "November 28th 2019"), "utf-8")
    summary = build(small_tree, out, Options(to="md", generator="jekyll"), jobs=1)
    assert summary.converted == 1
    assert not old.exists()
    assert (out / "_posts" / "2019-11-28-000-37575f6eff0020da.md").is_file()


def test_two_jobs_give_the_same_bytes_as_one(small_tree: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert build_cli(small_tree, "-o", one, "-j", "1")[0] == 0
    assert build_cli(small_tree, "-o", two, "-j", "2")[0] == 0
    assert files_of(one) == files_of(two)


# --- Failures ----------------------------------------------------------------------------------


def test_a_corrupt_article_is_reported_and_the_rest_built(small_tree: Path, tmp_path: Path) -> None:
    corrupt = small_tree / "bbc" / "zz-corrupt.txt"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "out"
    code, err = build_cli(small_tree, "-o", out, "-j", "2")
    assert code == 1
    assert f"{corrupt}:1: binary file" in err
    assert "1 failed" in err
    assert len(list(out.rglob("*.html"))) == article_count(small_tree) - 1 + 1  # + index.html
    # The next build retries the failed article (and only it).
    code, err = build_cli(small_tree, "-o", out, "-j", "1")
    assert code == 1 and "0 converted" in err and "1 failed" in err


def test_inputs_are_never_modified(small_tree: Path, tmp_path: Path) -> None:
    before = files_of(small_tree)
    times = mtimes(small_tree)
    assert build_cli(small_tree, "-o", tmp_path / "out", "-j", "2")[0] == 0
    assert files_of(small_tree) == before and mtimes(small_tree) == times


def test_a_write_failing_midway_leaves_previous_output_intact(
    small_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build(small_tree, out, jobs=1)
    old = files_of(out)
    for story in small_tree.rglob("*.txt"):
        story.write_text(story.read_text("utf-8") + "\nA second edition paragraph.\n", "utf-8")
    build(small_tree, fresh, jobs=1)
    new = files_of(fresh)

    # The disk "fills up" after four files: the renames that would publish the rest fail.
    real_replace = os.replace
    calls = {"count": 0}

    def failing_replace(source: str, target: str) -> None:
        calls["count"] += 1
        if calls["count"] > 4:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    err = Stderr()
    code = run([str(small_tree), "-o", str(out), "-j", "1"], stderr=err)
    monkeypatch.setattr(os, "replace", real_replace)
    assert code == 1 and "No space left on device" in err.getvalue()

    now = files_of(out)
    assert not [path for path in now if path.endswith(".tmp")]
    assert set(now) == set(old)
    # Every page is wholly the old or wholly the new version; four are new. (The manifest is a
    # journal of what was written, compacted at the end of a build.)
    assert all(now[path] in (old[path], new[path]) for path in now if path != MANIFEST_NAME)
    assert sum(now[path] == new[path] != old[path] for path in now) == 4
    # The next build finishes the job and gives exactly the fresh build's output.
    assert build(small_tree, out, jobs=1).failed == 0
    assert files_of(out) == new


def test_output_inside_source_is_refused(small_tree: Path) -> None:
    code, err = build_cli(small_tree, "-o", small_tree / "site")
    assert code == 2 and "inside the source folder" in err
    code, err = build_cli(small_tree, "-o", small_tree)
    assert code == 2 and "is the source folder" in err
    assert not (small_tree / "site").exists()


def test_usage_errors_exit_2(small_tree: Path, tmp_path: Path) -> None:
    assert build_cli(small_tree, "-o", tmp_path / "o", "--for", "hugo")[0] == 2  # needs --to md
    assert build_cli(small_tree, "-o", tmp_path / "o", "--tz", "IST=Nowhere/Land")[0] == 2
    assert build_cli(small_tree, "-o", tmp_path / "o", "--encoding", "no-such")[0] == 2
    assert build_cli(tmp_path / "missing", "-o", tmp_path / "o")[0] == 2


# --- Options -----------------------------------------------------------------------------------


def test_quiet_prints_nothing_and_a_pipe_gets_no_progress_bar(
    small_tree: Path, tmp_path: Path
) -> None:
    code, err = build_cli(small_tree, "-o", tmp_path / "a", "-q")
    assert code == 0 and err == ""
    code, err = build_cli(small_tree, "-o", tmp_path / "b", "--base-url", "https://n.example/")
    assert err.count("\n") == 1 and err.startswith("newsconvert build: 13 converted, 0 unchanged")


def test_pages_link_back_to_the_index_and_the_index_summarises_every_article(
    small_tree: Path, tmp_path: Path
) -> None:
    code, err = build_cli(small_tree, "-o", tmp_path / "site")
    assert code == 0
    # Without --base-url the feed's links can only be relative: the user is told.
    assert "warning: no --base-url" in err
    for page, home in (("000-37575f6eff0020da.html", "index.html"), ("bbc/", "../index.html")):
        for path in sorted(
            (tmp_path / "site").glob(page + ("*.html" if page.endswith("/") else ""))
        ):
            assert f'<a href="{home}" rel="index">' in path.read_text("utf-8"), path
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    # BBC articles have neither date nor standfirst: the index shows their opening words.
    bbc = sorted((small_tree / "bbc").rglob("*.txt"))[0]
    opening = bbc.read_text("utf-8", errors="replace").split("\n\n")[1].split()[:6]
    assert " ".join(opening) in html.unescape(index)
    assert "\r" not in err


def test_source_warnings_are_shown_unless_quiet(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "cafe.txt").write_bytes(
        "Caf\xe9 owners protest\n\nThe caf\xe9 closed.\n".encode("latin-1")
    )
    code, err = build_cli(source, "-o", tmp_path / "a")
    assert code == 0 and f"warning: {source / 'cafe.txt'}:1: not valid UTF-8" in err
    code, err = build_cli(source, "-o", tmp_path / "b", "--quiet")
    assert code == 0 and err == ""
    assert "Café owners protest" in (tmp_path / "b" / "cafe.html").read_text("utf-8")


def test_a_terminal_gets_a_progress_bar(small_tree: Path, tmp_path: Path) -> None:
    class Terminal(Stderr):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    assert run([str(small_tree), "-o", str(tmp_path / "out"), "-j", "1"], stderr=err) == 0
    text = err.getvalue()
    assert "\r" in text and "/13 [" in text and "article/s" in text
    # The bar is cleared, and the summary is the last line.
    last = text.rstrip("\n").split("\r")[-1].split("\n")[-1]
    assert last.startswith("newsconvert build: 13 converted")


def test_include_and_exclude(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _ = build_cli(small_tree, "-o", out, "--include", "bbc/*", "--exclude", "*/sport/*")
    assert code == 0
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")} - {"index.html"}
    expected = {
        p.relative_to(small_tree).with_suffix(".html").as_posix()
        for p in (small_tree / "bbc").rglob("*.txt")
        if "/sport/" not in p.as_posix()
    }
    assert pages == expected


def test_base_url_reaches_the_feed(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_cli(small_tree, "-o", out, "--base-url", "https://news.test/", "--title", "Wire")
    root = SafeET.fromstring((out / "feed.xml").read_bytes())
    assert root.find(f"{A}title").text == "Wire"
    assert root.find(f"{A}entry/{A}id").text == "https://news.test/000-37575f6eff0020da.html"


def feed_ids(out: Path) -> dict[str, str]:
    """The feed's entry ids by the page they link to."""
    root = SafeET.fromstring((out / "feed.xml").read_bytes())
    return {
        entry.find(f"{A}link").get("href"): entry.find(f"{A}id").text
        for entry in root.findall(f"{A}entry")
    }


def test_feed_ids_without_base_url_are_stable_across_rebuilds(
    small_tree: Path, tmp_path: Path
) -> None:
    for day in (3, 4, 5):
        (small_tree / "desk").mkdir(exist_ok=True)
        (small_tree / "desk" / f"harbour-{day}.txt").write_text(
            f"Published 09:00 UTC, March {day}, 2021\nHarbour update {day}\n\n"
            f"The harbour reopened on day {day} after repairs.\n",
            "utf-8",
        )
    first = tmp_path / "first"
    assert build_cli(small_tree, "-o", first, "-j", "1", "--feed-size", "100")[0] == 0
    ids = feed_ids(first)
    assert len(ids) == 4 and len(set(ids.values())) == len(ids)
    for href, value in ids.items():
        assert value.startswith("urn:uuid:") and uuid.UUID(value[9:]).version == 5, href

    # An editor retouches the headline and the text of the reference article, and a new
    # article arrives: every entry keeps its id, in this OUT and in a fresh one (another
    # process, other jobs), as it is derived from the page's path alone.
    reference = small_tree / "000_37575f6eff0020da.txt"
    text = reference.read_text("utf-8").replace("Cambodia PM", "Cambodian PM", 1)
    reference.write_text(text + "\nA sentence added later.\n", "utf-8")
    shutil.copyfile(reference, small_tree / "bbc" / "late-addition.txt")
    code, err = build_cli(small_tree, "-o", first, "-j", "2", "--feed-size", "100")
    assert code == 0 and "2 converted" in err, err
    again = tmp_path / "again"
    assert build_cli(small_tree, "-o", again, "-j", "2", "--feed-size", "100")[0] == 0
    for rebuilt in (feed_ids(first), feed_ids(again)):
        assert {href: rebuilt[href] for href in ids} == ids
        assert rebuilt["bbc/late-addition.html"] not in ids.values()
    page = (first / "000-37575f6eff0020da.html").read_text("utf-8")
    assert "Cambodian PM" in page


@pytest.mark.parametrize("generator", GENERATORS)
def test_generator_posts_have_parsable_front_matter(
    generator: str, small_tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # MkDocs' Material blog needs a date on every post; most of the tree is undated.
    dated = ["--default-date", "2000-01-01"] if generator == "mkdocs" else []
    code, err = build_cli(small_tree, "-o", out, "--to", "md", "--for", generator, *dated)
    assert code == 0, err
    posts = sorted(out.rglob("*.md"))
    assert len(posts) == article_count(small_tree)
    assert not (out / "index.html").exists()
    for post in posts:
        text = post.read_text("utf-8")
        if generator == "zola":
            head = text.split("+++\n")[1]
            fields = tomllib.loads(head)
        elif generator == "pelican":
            head = text.split("\n\n")[0]
            fields = dict(line.split(": ", 1) for line in head.splitlines())
            fields = {key.lower(): value for key, value in fields.items()}
        else:
            fields = yaml.safe_load(text.split("---\n")[1])
        assert fields["title"]
        if generator in ("pelican", "mkdocs", "zola"):  # Jekyll's slug is the file name's
            assert fields["slug"] == post.stem
    if generator == "jekyll":
        assert (out / "_posts" / "2019-11-27-000-37575f6eff0020da.md").is_file()
        # Jekyll's URLs ignore folders: they go into the names.
        assert list((out / "_drafts").glob("bbc-*.md"))


def test_rst_json_and_plain_md_targets(small_tree: Path, tmp_path: Path) -> None:
    for to in ("rst", "json", "md"):
        out = tmp_path / to
        code, err = build_cli(small_tree, "-o", out, "--to", to)
        assert code == 0, err
        pages = [p for p in out.rglob(f"*.{to}") if not p.name.startswith(".")]
        assert len(pages) == article_count(small_tree)


def test_tz_override_reaches_the_pages_and_feed(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, err = build_cli(small_tree, "-o", out, "--tz", "IST=Europe/Dublin")
    assert code == 0, err
    root = SafeET.fromstring((out / "feed.xml").read_bytes())
    assert root.find(f"{A}entry/{A}published").text == "2019-11-27T19:17:00Z"


def test_template_dirs_are_used_and_their_edits_rebuild(small_tree: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "html").mkdir(parents=True)
    standalone = templates / "html" / "standalone.html.j2"
    standalone.write_text("<p>Edition one: {{ title_label }}</p>\n", "utf-8")
    (templates / "site").mkdir()
    (templates / "site" / "index.html.j2").write_text(
        "{% for entry in entries %}{{ entry.href }}\n{% endfor %}", "utf-8"
    )
    out = tmp_path / "out"
    args = (small_tree, "-o", out, "--template-dir", templates, "-j", "1")
    assert build_cli(*args)[0] == 0
    page = (out / "000-37575f6eff0020da.html").read_text("utf-8")
    assert page.startswith("<p>Edition one: Cambodia PM Hun Sen accepts Trump&#39;s")
    assert (out / "index.html").read_text("utf-8").count(".html\n") == article_count(small_tree)
    assert "0 converted" in build_cli(*args)[1]
    standalone.write_text("<p>Edition two: {{ title_label }}</p>\n", "utf-8")
    code, err = build_cli(*args)
    assert code == 0 and f"{article_count(small_tree)} converted" in err
    assert "Edition two" in (out / "000-37575f6eff0020da.html").read_text("utf-8")


def test_the_index_template_is_a_built_in_template_a_template_dir_overrides(
    small_tree: Path, tmp_path: Path
) -> None:
    from newsconvert.formats import templates_dir

    # The built-in index sits with every other template (packaged as newsconvert/templates).
    assert (templates_dir() / "site" / "index.html.j2").is_file()
    out = tmp_path / "out"
    assert build_cli(small_tree, "-o", out, "-j", "1")[0] == 0
    assert '<ol class="articles">' in (out / "index.html").read_text("utf-8")
    pages = {path: (out / path).read_bytes() for path in files_of(out) if path != "index.html"}

    # Overriding site/index.html.j2 alone changes the index; the pages come out the same.
    templates = tmp_path / "mine"
    (templates / "site").mkdir(parents=True)
    index = templates / "site" / "index.html.j2"
    index.write_text(
        "<h1>{{ title }}</h1>{% for e in entries %}[{{ e.headline }}]{% endfor %}", "utf-8"
    )
    args = (small_tree, "-o", out, "-j", "1", "--template-dir", templates, "--title", "<Wire>")
    code, err = build_cli(*args)
    assert code == 0, err
    written = (out / "index.html").read_text("utf-8")
    assert written.startswith("<h1>&lt;Wire&gt;</h1>[")  # still autoescaped
    assert written.count("[") == article_count(small_tree)
    assert all(
        (out / path).read_bytes() == data
        for path, data in pages.items()
        if path not in {MANIFEST_NAME, "feed.xml"}  # the title is in the feed
    )

    # A broken override is reported with its file and line, and the articles still build.
    index.write_text("line one\n{{ entries | no_such_filter }}\n", "utf-8")
    code, err = build_cli(*args)
    assert code == 1
    assert f"{index}:2:" in err and "no_such_filter" in err
    assert (out / "000-37575f6eff0020da.html").is_file()


@pytest.fixture
def mixed_tree(corpus_dir: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder with one article in each input format (each a different corpus article
    rendered to that format), a README, and the headline each article file should give."""
    source = tmp_path / "mixed"
    source.mkdir()
    originals = [corpus_dir / "000_37575f6eff0020da.txt"]
    for folder in ("bbc", "reuters", "newspaper", "bbc"):
        originals.append(sorted((corpus_dir / folder).rglob("*.txt"))[len(originals) % 3])
    expected: dict[str, str] = {}
    for original, fmt in zip(originals, ("text", "md", "rst", "html", "json"), strict=True):
        article = newsconvert.parse(read_source(original).text)
        name = f"{fmt}-story." + ("txt" if fmt == "text" else fmt)
        text = original.read_text("utf-8") if fmt == "text" else newsconvert.render(article, fmt)
        (source / name).write_text(text, "utf-8")
        expected[name] = article.title_label
    (source / "README.md").write_text("# About this folder\n\nNotes for the desk.\n", "utf-8")
    return source, expected


def test_a_mixed_folder_builds_its_plain_text_articles_by_default(
    mixed_tree: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    source, _ = mixed_tree
    out = tmp_path / "out"
    code, err = build_cli(source, "-o", out, "-j", "1")
    assert code == 0, err
    assert "1 converted" in err
    assert sorted(p.name for p in out.glob("*.html")) == ["index.html", "text-story.html"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_mixed_folder_reads_every_format_it_is_asked_for(
    mixed_tree: tuple[Path, dict[str, str]], tmp_path: Path, jobs: str
) -> None:
    source, expected = mixed_tree
    out = tmp_path / "out"
    includes = [
        arg
        for glob in ("*.txt", "*.md", "*.rst", "*.html", "*.json")
        for arg in ("--include", glob)
    ]
    code, err = build_cli(source, "-o", out, "-j", jobs, "--exclude", "README.md", *includes)
    assert code == 0, err
    assert f"{len(expected)} converted" in err
    for name, headline in expected.items():
        # Each source is read in its own format: the page's headline is the article's, never
        # the markup of the file (a "# " heading, a reST over-line, an HTML tag, a JSON key).
        page = (out / f"{name.rsplit('.', 1)[0]}.html").read_text("utf-8")
        tree = html5lib.parse(page, namespaceHTMLElements=False)
        h1 = tree.find(".//h1")
        if headline.startswith(f"{UNTITLED}: "):
            # An article without a headline: no <h1>, the fallback label in <title> alone.
            assert h1 is None, name
            assert "".join(tree.find(".//title").itertext()) == headline, name
            continue
        assert h1 is not None and "".join(h1.itertext()).strip() == headline, name
    index = html5lib.parse((out / "index.html").read_text("utf-8"), namespaceHTMLElements=False)
    assert len(index.findall(".//ol/li")) == len(expected)

    # The README is Markdown too: included, it is read as an article (a headline, one
    # paragraph), not refused or taken as text with its "#" kept.
    code, err = build_cli(source, "-o", out, "-j", jobs, *includes)
    assert code == 0 and "1 converted" in err, err
    readme = html5lib.parse((out / "readme.html").read_text("utf-8"), namespaceHTMLElements=False)
    assert "".join(readme.find(".//h1").itertext()).strip() == "About this folder"


def test_a_broken_markup_article_is_reported_with_its_file(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "good.txt").write_text("Harbour reopens\n\nThe harbour reopened.\n", "utf-8")
    (source / "broken.json").write_text('{"headline": ', "utf-8")
    code, err = build_cli(
        source, "-o", tmp_path / "out", "--include", "*.json", "--include", "*.txt"
    )
    assert code == 1
    assert "broken.json:1:" in err
    assert (tmp_path / "out" / "good.html").is_file()


def lock_holder(out: Path, then: str) -> subprocess.Popen[str]:
    """Another process holding ``out``'s build lock, as a running build would; once it has
    it, it runs ``then`` (Python) inside the lock. Returns when the lock is held."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newsconvert.site.lock import build_lock\n"
        "with build_lock(Path(sys.argv[1])):\n"
        f"    print('locked', flush=True); {then}"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def test_a_second_build_into_the_same_out_is_refused(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = lock_holder(out, "sys.stdin.readline()")
    try:
        code, err = build_cli(small_tree, "-o", out, "-j", "1")
        assert code == 1
        message = "another newsconvert build is writing into this folder; wait for it to finish"
        assert err == f"{out}: {message}\n"
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]
    finally:
        holder.communicate("\n", timeout=60)
    # Once that build is over, the lock is free again.
    code, err = build_cli(small_tree, "-o", out, "-j", "2")
    assert code == 0, err
    assert (out / "index.html").is_file()


def test_a_killed_build_leaves_no_stale_lock(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = lock_holder(out, "time.sleep(600)")
    holder.kill()
    holder.communicate(timeout=60)
    code, err = build_cli(small_tree, "-o", out, "-j", "1")
    assert code == 0, err


def test_encoding_is_passed_to_every_article(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    text = "Harbour reopens after storm\n\nThe harbour reopened on Wednesday.\n"
    (source / "wide.txt").write_bytes(text.encode("utf-16-le"))
    code, err = build_cli(source, "-o", tmp_path / "a")
    assert code == 1 and "wide.txt:1: binary file" in err
    code, err = build_cli(source, "-o", tmp_path / "b", "--encoding", "utf-16-le")
    assert code == 0, err
    assert "Harbour reopens after storm" in (tmp_path / "b" / "wide.html").read_text("utf-8")


def test_a_source_folder_inside_out_is_never_written_into(tmp_path: Path) -> None:
    out = tmp_path / "site"
    source = out / "articles"
    (source / "articles").mkdir(parents=True)
    story = "Harbour reopens after storm\n\nThe harbour reopened on Wednesday.\n"
    (source / "top.txt").write_text(story, "utf-8")
    # Its page would be site/articles/inner.html, which is inside the sources.
    (source / "articles" / "inner.txt").write_text(story, "utf-8")
    before = files_of(source)
    code, err = build_cli(source, "-o", out)
    assert code == 1 and "inner.txt: its output would be written inside the source folder" in err
    assert (out / "top.html").is_file()
    assert files_of(source) == before
    # A Jekyll site root holding its own article folder is the common, harmless case.
    code, err = build_cli(out / "articles" / "articles", "-o", out, "--to", "md", "--for", "jekyll")
    assert code == 0, err
    assert (out / "_drafts" / "inner.md").is_file()


def test_an_interrupted_build_keeps_what_it_finished(
    small_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsconvert.site.builder as builder

    real_prepare = builder.prepare_task
    calls = {"count": 0}

    def interrupting_prepare(task: object, options: object, source: object) -> object:
        calls["count"] += 1
        if calls["count"] > 5:
            raise KeyboardInterrupt
        return real_prepare(task, options, source)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "prepare_task", interrupting_prepare)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        build(small_tree, out, jobs=1)
    monkeypatch.setattr(builder, "prepare_task", real_prepare)
    summary = build(small_tree, out, jobs=1)
    assert summary.unchanged >= 1 and summary.converted + summary.unchanged == 13
