"""Real Hugo, Jekyll, Pelican and Material for MkDocs sites, as a new user of each sets one up,
for the tests that build our posts with the real generators.

Each ``*_site`` function lays out a fresh site under ``root`` and returns the folder the posts go
into (what a user passes to ``newsconvert build -o``); :func:`build_site` runs the generator and
returns its exit code and output. Each generator is a program found on ``PATH`` (Hugo and Jekyll
are Debian packages) or next to the running Python (Pelican and MkDocs, from PyPI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HUGO_CONFIG = """\
baseURL = "https://news.example.org/"
languageCode = "en"
title = "News"
"""

# Hugo ships no theme: a site starts with layouts of its own. These are the smallest layouts
# that show what a theme shows: title, date, authors, then the content.
HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title>
<style>body{font-family:sans-serif;max-width:42em;margin:2em auto;line-height:1.5}
blockquote{border-left:4px solid #ccc;margin-left:0;padding-left:1em;color:#444}</style></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """\
{{ define "main" }}<article>
<h1 class="post-title">{{ .Title }}</h1>
{{ with .Date }}{{ if not .IsZero }}<time class="post-date" \
datetime="{{ .Format "2006-01-02T15:04:05Z07:00" }}">{{ .Format "2 January 2006" }}</time>\
{{ end }}{{ end }}
{{ with .Params.authors }}<p class="post-authors">By {{ delimit . ", " }}</p>{{ end }}
<div class="post-content">{{ .Content }}</div>
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul>{{ end }}
""",
}

JEKYLL_CONFIG = """\
title: News
url: "https://news.example.org"
theme: minima
plugins:
  - jekyll-feed
  - jekyll-seo-tag
# Posts' dates are written with the offset the article gave; Jekyll shows them (and builds
# /YYYY/MM/DD/ URLs) in this zone.
timezone: Asia/Kolkata
"""

PELICAN_CONFIG = """\
AUTHOR = "News desk"
SITENAME = "News"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
"""

# The blog plugin, with the Markdown extensions Material's documentation sets up for it.
MKDOCS_CONFIG = """\
site_name: News
site_url: https://news.example.org/
theme:
  name: material
plugins:
  - blog
  - search
markdown_extensions:
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.blocks.admonition
"""


def hugo_site(root: Path) -> Path:
    """A Hugo site; posts go into ``content/posts``."""
    (root / "hugo.toml").parent.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = root / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content" / "posts"


def jekyll_site(root: Path) -> Path:
    """A Jekyll site with the minima theme (what ``jekyll new`` sets up); posts go into the
    site's root (``_posts/``, ``_drafts/``)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(JEKYLL_CONFIG, encoding="utf-8")
    (root / "index.md").write_text("---\nlayout: home\n---\n", encoding="utf-8")
    return root


def pelican_site(root: Path) -> Path:
    """A Pelican site as ``pelican-quickstart`` makes one (no ``DEFAULT_DATE``); posts go into
    ``content``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    return root / "content"


def mkdocs_site(root: Path) -> Path:
    """A Material for MkDocs site with its blog plugin; posts go into ``docs/blog/posts``."""
    (root / "docs" / "blog").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# News\n", encoding="utf-8")
    (root / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    return root / "docs" / "blog" / "posts"


SITES = {"hugo": hugo_site, "jekyll": jekyll_site, "pelican": pelican_site, "mkdocs": mkdocs_site}
"""How each generator's site is laid out."""

OUTPUT = {"hugo": "public", "jekyll": "_site", "pelican": "output", "mkdocs": "site"}
"""Where each generator writes the site, relative to its root."""


def program(generator: str) -> str | None:
    """The generator's command, or ``None`` when it is not installed."""
    name = {"hugo": "hugo", "jekyll": "jekyll", "pelican": "pelican", "mkdocs": "mkdocs"}[generator]
    beside_python = Path(sys.executable).parent / name
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which(name)


def command(generator: str, root: Path) -> list[str]:
    """The build command, run in ``root``."""
    exe = program(generator)
    assert exe is not None
    if generator == "hugo":
        return [exe, "--printPathWarnings"]
    if generator == "jekyll":
        # --drafts: undated articles are drafts (see newsconvert.site.frontmatter).
        return [exe, "build", "--drafts", "--trace"]
    if generator == "pelican":
        return [exe, "content", "-o", "output", "-s", "pelicanconf.py"]
    return [exe, "build"]


@dataclass(frozen=True)
class BuildResult:
    """What one generator run gave."""

    returncode: int
    output: str
    seconds: float
    site: Path


def build_site(generator: str, root: Path) -> BuildResult:
    """Run ``generator`` in ``root``; its exit code, its stdout and stderr, and the time."""
    # NO_MKDOCS_2_WARNING: Material prints a banner about MkDocs 2.0 on every build otherwise.
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", NO_MKDOCS_2_WARNING="true")
    started = time.perf_counter()
    done = subprocess.run(
        command(generator, root),
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    return BuildResult(done.returncode, output, seconds, root / OUTPUT[generator])
