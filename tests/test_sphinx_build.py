"""Real Sphinx builds with the extension (sphinx.testing, roots under tests/roots/)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

from docutils import nodes
from sphinx.errors import ConfigError

ROOTS = Path(__file__).resolve().parent / "roots"

REFERENCE_HEADLINE = "Cambodia PM Hun Sen accepts Trump's invitation, offers to renew relations"
COBANCO_HEADLINE = "COBANCO INC <CBCO> YEAR NET"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the ``test-*`` source folders."""
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path):
    """Copy a test root to a fresh folder (for tests that edit sources or must not share)."""

    def copy(name: str) -> Path:
        srcdir = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", srcdir)
        return srcdir

    return copy


def warnings_of(warning) -> list[str]:
    """The warning stream as lines, without colour codes."""
    return [line for line in ANSI.sub("", warning.getvalue()).splitlines() if line.strip()]


def body_of(page: str) -> str:
    """The main content of a built HTML page (between the body div and the sidebar)."""
    start = page.index('<div class="body" role="main">')
    return page[start : page.index('<div class="sphinxsidebar"', start)]


BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "man", "texinfo", "epub"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_builds_without_a_warning(make_app, copy_root, builder: str) -> None:
    app = make_app(builder, srcdir=copy_root("newsconvert"), freshenv=True)
    app.build()
    assert warnings_of(app.warning) == []
    output = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in Path(app.outdir).rglob("*")
        if path.suffix in {".html", ".xhtml", ".tex", ".txt", ".1", ".texi"}
    )
    output = " ".join(html.unescape(output).split())  # text builders wrap long lines
    assert "Hun Sen wrote" in output
    assert "joint management committee" in output


@pytest.mark.sphinx("html", testroot="newsconvert", freshenv=True)
def test_html_page_from_a_news_file(app) -> None:
    app.build()
    assert warnings_of(app.warning) == []
    page = (Path(app.outdir) / "reference.html").read_text(encoding="utf-8")
    assert f"<title>{html.escape(REFERENCE_HEADLINE, quote=False)}" in page.replace("&#39;", "'")
    body = body_of(page)
    (h1,) = re.findall(r"<h1>(.*?)<a class=\"headerlink\"", body)
    assert html.unescape(h1) == REFERENCE_HEADLINE
    assert body.count("<h1>") == 1
    assert '<time class="newsconvert-time" datetime="2019-11-27T19:17:00+05:30">' in body
    assert "Published 19:17 IST, November 27th 2019</time>" in body
    assert '<time class="newsconvert-time" datetime="2019-11-27T19:34:00+05:30">' in body
    quotes = re.findall(r"<blockquote.*?</blockquote>", body, re.S)
    assert any("I am reassured by your explicit statement" in quote for quote in quotes)
    assert any('<p class="attribution">—Hun Sen wrote.</p>' in quote for quote in quotes)
    assert re.search(r"<h2>Cambodian PM(&#39;|')s reputation<a", body)
    assert "(With AP inputs)" in body
    head = page[: page.index("</head>")]
    assert '<meta content="The PM of Cambodia, Hun Sen has presented' in head
    assert '<meta content="2019-11-27T19:17:00+05:30" property="article:published_time" />' in head
    assert 'href="_static/newsconvert.css' in page
    assert (Path(app.outdir) / "_static" / "newsconvert.css").is_file()


@pytest.mark.sphinx("html", testroot="newsconvert", freshenv=True)
def test_page_metadata_and_toctree_titles(app) -> None:
    app.build()
    metadata = app.env.metadata["reference"]
    assert metadata["headline"] == REFERENCE_HEADLINE
    assert metadata["published_datetime"] == "2019-11-27T19:17:00+05:30"
    assert metadata["updated_datetime"] == "2019-11-27T19:34:00+05:30"
    assert metadata["credits"] == "(With AP inputs)"
    assert app.env.titles["reference"].astext() == REFERENCE_HEADLINE
    assert app.env.titles["cobanco"].astext() == COBANCO_HEADLINE
    index = html.unescape((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    toctree = index[index.index('<div class="toctree-wrapper') :]
    assert f'href="reference.html">{REFERENCE_HEADLINE}</a>' in toctree
    assert f'href="cobanco.html">{COBANCO_HEADLINE}</a>' in toctree


@pytest.mark.sphinx("html", testroot="newsconvert", freshenv=True)
def test_directive_places_articles_in_a_page(app) -> None:
    app.build()
    body = html.unescape(body_of((Path(app.outdir) / "included.html").read_text("utf-8")))
    assert "<h1>Wire copy" in body
    assert re.search(r"<h2>STANDARD OIL <SRD> TO FORM FINANCIAL UNIT<a", body)
    assert re.search(r"<h2>Howard rebuts asylum criticisms<a", body)
    assert "Standard Oil Co and BP North America" in body
    # The page's table of contents lists the included headlines under the page title.
    assert [title.astext() for title in app.env.tocs["included"].findall(nodes.reference)] == [
        "Wire copy",
        "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
        "Howard rebuts asylum criticisms",
    ]
    flat = html.unescape(body_of((Path(app.outdir) / "absolute.html").read_text("utf-8")))
    assert '<p class="newsconvert-heading newsconvert-h1 rubric">STANDARD OIL <SRD>' in flat
    assert "<h2>" not in flat


@pytest.mark.sphinx("html", testroot="newsconvert", freshenv=True)
def test_format_option_shows_the_templates_output(app) -> None:
    app.build()
    doctree = app.env.get_doctree("converted")
    blocks = list(doctree.findall(nodes.literal_block))
    assert [block["language"] for block in blocks] == ["json", "markdown"]
    data = json.loads(blocks[0].astext())
    assert data["headline"] == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"
    assert data["schema_version"] >= 1
    assert blocks[1].astext().startswith("---\n")  # standalone Markdown: YAML front matter
    page = (Path(app.outdir) / "converted.html").read_text("utf-8")
    assert "&lt;SRD&gt;" in page and "<SRD>" not in page


@pytest.mark.sphinx("latex", testroot="newsconvert", freshenv=True)
def test_latex_has_the_headline_as_a_heading(app) -> None:
    app.build()
    assert warnings_of(app.warning) == []
    (tex,) = Path(app.outdir).glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    assert "Cambodia PM Hun Sen accepts Trump" in text
    assert re.search(r"\\(chapter|section)\{Cambodian PM\S*s reputation", text)
    assert "Hun Sen wrote" in text


@pytest.mark.sphinx("text", testroot="newsconvert", freshenv=True)
def test_text_builder_writes_times_as_text(app) -> None:
    app.build()
    assert warnings_of(app.warning) == []
    text = (Path(app.outdir) / "reference.txt").read_text(encoding="utf-8")
    assert text.startswith(REFERENCE_HEADLINE + "\n" + "*" * len(REFERENCE_HEADLINE))
    assert "Published 19:17 IST, November 27th 2019" in text
    assert "-- Hun Sen wrote" in text


@pytest.mark.sphinx(
    "html", testroot="newsconvert", srcdir="newsconvert-parallel", parallel=2, freshenv=True
)
def test_parallel_build(app) -> None:
    assert app.parallel == 2
    assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
    app.build()
    assert warnings_of(app.warning) == []
    assert app.env.titles["reference"].astext() == REFERENCE_HEADLINE
    assert app.env.metadata["reference"]["published_datetime"] == "2019-11-27T19:17:00+05:30"
    page = (Path(app.outdir) / "reference.html").read_text(encoding="utf-8")
    assert 'datetime="2019-11-27T19:17:00+05:30"' in page
    included = (Path(app.outdir) / "included.html").read_text(encoding="utf-8")
    assert "Howard rebuts asylum criticisms" in included


def test_editing_an_included_article_rebuilds_its_page(make_app, copy_root) -> None:
    srcdir = copy_root("newsconvert")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    page = Path(app.outdir) / "included.html"
    assert "manage the money market" in page.read_text("utf-8")
    app.cleanup()  # unregister what the extension registered, before the next app

    article = srcdir / "articles" / "standard-oil.txt"
    article.write_text(article.read_text("utf-8").replace("money market", "bond market"), "utf-8")
    later = time.time() + 5
    os.utime(article, (later, later))

    again = make_app("html", srcdir=srcdir)
    read_docs: set[str] = set()
    # Ask Sphinx which pages it re-reads rather than parse its status output, whose layout
    # depends on the terminal (single-line progress with colours under CI=true).
    again.connect("env-before-read-docs", lambda app, env, docnames: read_docs.update(docnames))
    again.build()
    # Both pages that include the article are re-read; pages that do not are left alone.
    assert read_docs == {"included", "absolute", "converted"}
    assert "manage the bond market" in page.read_text("utf-8")
    assert warnings_of(again.warning) == []


HOSTILE_LINES = (
    ".. include:: /etc/passwd",
    ".. raw:: html",
    '<script>alert("owned")</script>',
    ":ref:`x`",
    "|x|",
    "|sub|",
    "{{ 1+1 }}",
    "{% if x %}",
    ":doc:`index`",
    "`x <http://e.com>`_",
    "*emphasis*, `code` and [a link](javascript:alert(1))",
    "<b>not</b> bold and [[this]] is no link",
)


@pytest.mark.parametrize("builder", ["html", "text"])
def test_hostile_article_renders_literally(make_app, copy_root, builder: str) -> None:
    app = make_app(builder, srcdir=copy_root("newsconvert-hostile"), freshenv=True)
    app.build()
    assert warnings_of(app.warning) == []
    passwd = Path("/etc/passwd")
    first_passwd_line = passwd.read_text().splitlines()[0] if passwd.is_file() else "root:x:0:0"
    for docname in ("hostile", "included"):
        doctree = app.env.get_doctree(docname)
        unsafe = (
            nodes.raw,
            nodes.reference,
            nodes.substitution_reference,
            nodes.emphasis,
            nodes.literal,
        )
        assert not any(isinstance(node, unsafe) for node in doctree.findall())
        assert not list(doctree.findall(nodes.system_message))
        suffix = ".html" if builder == "html" else ".txt"
        output = (Path(app.outdir) / f"{docname}{suffix}").read_text("utf-8")
        if builder == "html":
            assert "<script>alert" not in output
            assert "<b>not</b>" not in output
            output = html.unescape(body_of(output))
        assert first_passwd_line not in output
        output = " ".join(output.split())  # the text builder wraps long lines
        for line in HOSTILE_LINES:
            assert line in output, line
        # Smart quotes leave article text alone: straight quotes and dashes stay as written.
        assert 'He said "no" -- twice...' in output


@pytest.mark.parametrize("keep_everywhere", [False, True])
def test_page_chrome_only_when_asked(make_app, copy_root, keep_everywhere: bool) -> None:
    app = make_app(
        "text",
        srcdir=copy_root("newsconvert-hostile"),
        freshenv=True,
        confoverrides={"newsconvert_keep_chrome": keep_everywhere},
    )
    app.build()
    assert warnings_of(app.warning) == []
    page = (Path(app.outdir) / "ferry.txt").read_text("utf-8")
    assert "Passengers said the crossing was calm." in page
    assert ("Share on Facebook Twitter WhatsApp" in page) is keep_everywhere
    kept = (Path(app.outdir) / "chrome.txt").read_text("utf-8")  # :keep-chrome: on the directive
    assert "Share on Facebook Twitter WhatsApp" in kept


def test_inside_an_admonition_headings_are_rubrics(make_app, copy_root) -> None:
    app = make_app("html", srcdir=copy_root("newsconvert-hostile"), freshenv=True)
    app.build()
    assert warnings_of(app.warning) == []
    (note,) = app.env.get_doctree("nested").findall(nodes.note)
    assert not list(note.findall(nodes.section))
    (rubric,) = note.findall(nodes.rubric)
    assert rubric.astext() == "Harbour ferry resumes service"
    assert "Passengers said the crossing was calm." in note.astext()


@pytest.mark.sphinx("html", testroot="newsconvert-problems", freshenv=True)
def test_each_problem_is_one_located_warning_and_the_build_goes_on(app) -> None:
    app.build()
    warnings = warnings_of(app.warning)
    srcdir = Path(app.srcdir)
    expected = {
        f"{srcdir / 'index.rst'}:14": "[newsconvert.missing]",
        f"{srcdir / 'zone.news'}:1": "[timestamp.zone] [newsconvert.diagnostic]",
        f"{srcdir / 'encoded.rst'}:7": "[newsconvert.read]",
        f"{srcdir / 'encoded.rst'}:11": "[newsconvert.diagnostic]",
        f"{srcdir / 'outside.rst'}:4": "[newsconvert.outside]",
        f"{srcdir / 'itself.rst'}:4": "[newsconvert.self]",
        f"{srcdir / 'empty.news'}:1": "[newsconvert.parse]",
    }
    assert len(warnings) == len(expected), warnings
    for location, kind in expected.items():
        (line,) = [warning for warning in warnings if warning.startswith(location + ":")]
        assert "WARNING" in line
        assert line.endswith(kind)
    assert any("decoded as ISO-8859-1" in warning for warning in warnings)
    out = Path(app.outdir)
    assert "After the missing article." in (out / "index.html").read_text("utf-8")
    assert "After the outside article." in (out / "outside.html").read_text("utf-8")
    assert "After the page itself." in (out / "itself.html").read_text("utf-8")
    assert (out / "empty.html").is_file()
    encoded = (out / "encoded.html").read_text("utf-8")
    assert "Café owners in São Paulo protest" in encoded  # decoded with :encoding: latin-1
    assert "After the picture." in encoded


@pytest.mark.sphinx(
    "html",
    testroot="newsconvert-problems",
    freshenv=True,
    confoverrides={"suppress_warnings": ["newsconvert.*"]},
)
def test_suppress_warnings_silences_them(app) -> None:
    app.build()
    assert warnings_of(app.warning) == []


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("newsconvert_timezones", {"IST": "Mars/Olympus"}, "newsconvert_timezones: "),
        ("newsconvert_timezones", {"IST": 5}, "must map abbreviations"),
        ("newsconvert_suffixes", [".news", "txt"], "'txt' is not a file suffix"),
        ("newsconvert_template_dirs", ["no-such-folder"], "no-such-folder is not a folder"),
    ],
)
def test_bad_config_fails_at_start_with_a_clear_message(
    make_app, copy_root, name: str, value: object, message: str
) -> None:
    srcdir = copy_root("newsconvert-problems")
    with pytest.raises(ConfigError, match=re.escape(message)):
        make_app("html", srcdir=srcdir, confoverrides={name: value})


@pytest.mark.sphinx(
    "html",
    testroot="newsconvert",
    srcdir="newsconvert-suffixes",
    freshenv=True,
    confoverrides={"newsconvert_suffixes": [".news", ".txt"], "exclude_patterns": ["articles"]},
)
def test_suffixes_are_configurable(app) -> None:
    (Path(app.srcdir) / "extra.txt").write_text("Harbour notes\n\nA short note.\n", "utf-8")
    app.build()
    assert app.env.titles["extra"].astext() == "Harbour notes"


def test_suffixes_do_not_leak_into_the_next_app(make_app, copy_root) -> None:
    wide = make_app(
        "html", srcdir=copy_root("newsconvert"), confoverrides={"newsconvert_suffixes": [".txt"]}
    )
    assert ".txt" in wide.config.source_suffix
    wide.cleanup()
    default = make_app("html", srcdir=copy_root("newsconvert-hostile"))
    assert ".txt" not in default.config.source_suffix


def test_directive_reads_our_own_markdown_back(make_app, copy_root) -> None:
    from newsconvert import parse
    from newsconvert.renderers import render

    srcdir = copy_root("newsconvert")
    text = (srcdir / "articles" / "standard-oil.txt").read_text("utf-8")
    markdown = render(parse(text), "md", standalone=True)
    (srcdir / "articles" / "standard-oil.md").write_text(markdown, "utf-8")
    (srcdir / "markdown.rst").write_text(
        ":orphan:\n\nFrom Markdown\n=============\n\n.. news-article:: articles/standard-oil.md\n",
        "utf-8",
    )
    (srcdir / "plain.rst").write_text(
        ":orphan:\n\nFrom text\n=========\n\n.. news-article:: articles/standard-oil.txt\n",
        "utf-8",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings_of(app.warning) == []
    from_markdown = app.env.get_doctree("markdown")[0][-1]
    from_text = app.env.get_doctree("plain")[0][-1]
    assert from_markdown[0].astext() == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"
    assert from_markdown.astext() == from_text.astext()


def test_setup_metadata(make_app, copy_root) -> None:
    app = make_app("html", srcdir=copy_root("newsconvert-problems"))
    extension = app.extensions["newsconvert.sphinx"]
    import newsconvert

    assert extension.version == newsconvert.__version__
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
