"""Front matter and file names for the static-site generators ``--for`` names.

Each generator gets the fields it documents, under its own names:

- **hugo**: YAML between ``---`` lines: title, date, lastmod, description, authors, params
  (kicker, dateline); file ``SLUG.md``.
- **jekyll**: YAML: layout, title, date, last_modified_at, author, description; file
  ``_posts/FOLDERS/YYYY-MM-DD-STEM.md``; an undated article becomes ``_drafts/SLUG.md``, since
  Jekyll only posts files whose name starts with a date.
- **pelican**: ``Key: value`` lines: Title, Date, Modified, Authors, Summary; file ``SLUG.md``.
- **mkdocs**: YAML: title (HTML-escaped, as MkDocs prints it as HTML), date
  (``created``/``updated``, the form of Material for MkDocs' blog), description; ``SLUG.md``.
- **zola**: TOML between ``+++`` lines: title, description, date, updated, authors, extra
  (kicker, dateline); file ``SLUG.md``.

Dates are native YAML/TOML timestamps with the offset the article gave (``2019-11-27
19:17:00+05:30``); a time the article gave without a zone stays without an offset; an article
with no date has no date field (nothing is invented).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from newsconvert.renderers.metadata import dump_yaml
from newsconvert.site.metadata import PostMeta

GENERATORS = ("hugo", "jekyll", "pelican", "mkdocs", "zola")
"""The generators ``--for`` accepts."""


def _yaml_block(fields: dict[str, Any]) -> str:
    return f"---\n{dump_yaml(fields)}---\n"


def _without_none(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, (), [], {})}


def hugo_front_matter(meta: PostMeta) -> str:
    """Hugo's YAML front matter (https://gohugo.io/content-management/front-matter/)."""
    params = _without_none({"kicker": meta.kicker, "dateline": meta.dateline})
    return _yaml_block(
        _without_none(
            {
                "title": meta.title,
                "date": meta.published,
                "lastmod": meta.modified,
                "description": meta.summary,
                "authors": list(meta.authors),
                "params": params,
            }
        )
    )


def jekyll_front_matter(meta: PostMeta) -> str:
    """Jekyll's YAML front matter; ``last_modified_at`` and ``description`` are the names the
    jekyll-last-modified-at and jekyll-seo-tag plugins read."""
    return _yaml_block(
        _without_none(
            {
                "layout": "post",
                "title": meta.title,
                "date": meta.published,
                "last_modified_at": meta.modified,
                "author": ", ".join(meta.authors) or None,
                "description": meta.summary,
            }
        )
    )


def mkdocs_front_matter(meta: PostMeta) -> str:
    """MkDocs' YAML meta-data: ``title`` for MkDocs itself, ``date`` in the form Material for
    MkDocs' blog plugin documents (``created`` and ``updated``), ``description`` for the page's
    meta tag. MkDocs' themes print the title as HTML (unescaped), so it is HTML-escaped."""
    dates = _without_none({"created": meta.published, "updated": meta.modified})
    title = html.escape(meta.title, quote=False)
    return _yaml_block(_without_none({"title": title, "date": dates, "description": meta.summary}))


def zola_front_matter(meta: PostMeta) -> str:
    """Zola's TOML front matter between ``+++`` lines. Zola rejects unknown top-level keys, so
    everything beyond its own fields goes under ``[extra]``."""
    import tomli_w  # only Zola builds need it

    fields = _without_none(
        {
            "title": meta.title,
            "description": meta.summary,
            "date": meta.published,
            "updated": meta.modified,
            "authors": list(meta.authors),
            "extra": _without_none({"kicker": meta.kicker, "dateline": meta.dateline}),
        }
    )
    return f"+++\n{tomli_w.dumps(fields)}+++\n"


# Python-Markdown (which Pelican uses) treats these as backslash-escapable; ``>`` is left to
# html.escape, since a backslash before the resulting ``&gt;`` would stay visible.
_PYTHON_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()#+-.!")


def _pelican_markdown_text(text: str) -> str:
    # Pelican renders ``Summary`` as Markdown and prints it as HTML: escape both, so the words
    # come out literally.
    escaped = "".join(f"\\{char}" if char in _PYTHON_MARKDOWN_SPECIALS else char for char in text)
    return html.escape(escaped, quote=False)


def _one_line(text: str) -> str:
    # A metadata value ends at the line's end; an indented continuation line would be read as
    # part of it, a blank one would end the metadata, so keep values on one line.
    return " ".join(text.split())


def pelican_date(value: datetime) -> str:
    """A date as Pelican's metadata parser reads it: ISO 8601 with the offset if known."""
    return value.isoformat(sep=" ")


def pelican_front_matter(meta: PostMeta) -> str:
    """Pelican's Markdown metadata: ``Key: value`` lines, then a blank line
    (https://docs.getpelican.com/en/latest/content.html#file-metadata). Pelican prints the
    title as HTML, so it is HTML-escaped."""
    fields = {
        "Title": html.escape(_one_line(meta.title), quote=False),
        "Date": pelican_date(meta.published) if meta.published else None,
        "Modified": pelican_date(meta.modified) if meta.modified else None,
        # Pelican splits Authors on commas, so a comma inside a name would split it.
        "Authors": ", ".join(_one_line(name).replace(",", "") for name in meta.authors) or None,
        "Summary": _pelican_markdown_text(_one_line(meta.summary)) if meta.summary else None,
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value]
    return "\n".join(lines) + "\n\n"


FRONT_MATTER: dict[str, Callable[[PostMeta], str]] = {
    "hugo": hugo_front_matter,
    "jekyll": jekyll_front_matter,
    "pelican": pelican_front_matter,
    "mkdocs": mkdocs_front_matter,
    "zola": zola_front_matter,
}
"""The front-matter writer of each generator."""


def post_path(generator: str, slug: str, meta: PostMeta) -> str:
    """The output path, relative to OUT, of the article with ``slug`` for ``generator``."""
    if generator != "jekyll":
        return f"{slug}.md"
    slug_path = PurePosixPath(slug)
    if meta.published is None:
        # Jekyll only publishes posts whose file name starts with a date; an undated article
        # becomes a draft (shown by ``jekyll serve --drafts``) rather than get an invented date.
        return f"_drafts/{slug}.md"
    folder = "" if slug_path.parent == PurePosixPath(".") else f"{slug_path.parent}/"
    return f"_posts/{folder}{meta.published:%Y-%m-%d}-{slug_path.name}.md"


def post_text(generator: str, meta: PostMeta, body: str) -> str:
    """The whole post: ``generator``'s front matter, then the Markdown ``body``.

    The renderers' Markdown escapes text so that CommonMark engines (Hugo, Zola), Python-Markdown
    (MkDocs, Pelican) and kramdown (Jekyll) all read it literally, so no engine needs its own."""
    return FRONT_MATTER[generator](meta) + "\n" + body.lstrip("\n")
