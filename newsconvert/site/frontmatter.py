"""Posts for the static-site generators ``--for`` names: front matter, body and file name.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-frontmatter`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsconvert.errors import NewsconvertError
from newsconvert.renderers.metadata import dump_yaml
from newsconvert.site.metadata import PostMeta, post_meta
from newsconvert.tree import Article

if TYPE_CHECKING:
    from newsconvert.renderers import RenderOptions

GENERATORS = ("hugo", "jekyll", "pelican", "mkdocs", "zola")
"""The generators ``--for`` accepts."""


def _yaml_block(fields: dict[str, Any]) -> str:
    # Datetimes become YAML timestamps with their offset; every string that would read as
    # another type is quoted; no aliases (see dump_yaml).
    return f"---\n{dump_yaml(fields)}---\n"


def _without_none(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, (), [], {})}


def hugo_front_matter(meta: PostMeta, slug: str | None) -> str:
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


def jekyll_front_matter(meta: PostMeta, slug: str | None) -> str:
    """Jekyll's YAML front matter; ``last_modified_at`` and ``description`` are the names the
    jekyll-last-modified-at and jekyll-seo-tag plugins read. The slug is the file name's."""
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


def mkdocs_front_matter(meta: PostMeta, slug: str | None) -> str:
    """MkDocs' YAML meta-data: ``title`` for MkDocs itself, ``slug`` and ``date`` in the form
    Material for MkDocs' blog plugin documents (``created`` and ``updated``), ``description``
    for the page's meta tag. MkDocs' themes print the title as HTML (unescaped), so it is
    HTML-escaped; the blog would make its URL from that escaped title (``-amp-``), so the
    slug is given."""
    dates = _without_none({"created": meta.published, "updated": meta.modified})
    title = html.escape(meta.title, quote=False)
    fields = {"title": title, "slug": slug, "date": dates, "description": meta.summary}
    return _yaml_block(_without_none(fields))


def zola_front_matter(meta: PostMeta, slug: str | None) -> str:
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
            "slug": slug,
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


def pelican_front_matter(meta: PostMeta, slug: str | None) -> str:
    """Pelican's Markdown metadata: ``Key: value`` lines, then a blank line
    (https://docs.getpelican.com/en/latest/content.html#file-metadata). Pelican prints the
    title as HTML, so it is HTML-escaped. The slug is always given: without it Pelican makes
    one (and the output file name) from the title, which can be a paragraph long."""
    fields = {
        "Title": html.escape(_one_line(meta.title), quote=False),
        "Slug": slug,
        "Date": pelican_date(meta.published) if meta.published else None,
        "Modified": pelican_date(meta.modified) if meta.modified else None,
        # Pelican splits Authors on commas, so a comma inside a name would split it.
        "Authors": ", ".join(_one_line(name).replace(",", "") for name in meta.authors) or None,
        "Summary": _pelican_markdown_text(_one_line(meta.summary)) if meta.summary else None,
        "Status": None if meta.published else "draft",
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value]
    return "\n".join(lines) + "\n\n"


FRONT_MATTER: dict[str, Callable[[PostMeta, str | None], str]] = {
    "hugo": hugo_front_matter,
    "jekyll": jekyll_front_matter,
    "pelican": pelican_front_matter,
    "mkdocs": mkdocs_front_matter,
    "zola": zola_front_matter,
}
"""The front-matter writer of each generator: ``(meta, flat slug) -> text``."""


def flat_slug(slug: str) -> str:
    """``slug`` as one path segment (``world/asia/story`` -> ``world-asia-story``), for the
    generators whose URLs ignore sub-folders (Jekyll, Pelican, Material's blog, Zola);
    :func:`newsconvert.site.slugs.assign_slugs` keeps it unique in the build."""
    return slug.replace("/", "-")


def post_path(generator: str, slug: str, meta: PostMeta) -> str:
    """The output path, relative to OUT, of the article with ``slug`` for ``generator``.

    Hugo keeps the source folders (its URLs follow the content tree); the others get the flat
    slug, since their URLs do not: Jekyll's come from the file name and date, Pelican's and the
    Material blog's from the ``Slug``/``slug`` field, and a Zola folder without ``_index.md`` is
    no section.
    """
    if generator == "hugo":
        return f"{slug}.md"
    name = flat_slug(slug)
    if generator != "jekyll":
        return f"{name}.md"
    if meta.published is None:
        # Jekyll only publishes posts whose file name starts with a date; an undated article
        # becomes a draft (``jekyll build --drafts`` shows it) rather than get an invented date.
        return f"_drafts/{name}.md"
    return f"_posts/{meta.published:%Y-%m-%d}-{name}.md"


def post_text(generator: str, slug: str, meta: PostMeta, body: str) -> str:
    """The whole post: ``generator``'s front matter, then the Markdown ``body`` (rendered with
    ``site=generator``, which leaves out what the front matter carries)."""
    return FRONT_MATTER[generator](meta, flat_slug(slug)) + "\n" + body.lstrip("\n")


UNDATED = {
    "jekyll": "no date in the article: written as a draft (_drafts/), which `jekyll build "
    "--drafts` publishes; --default-date gives it a date instead",
    "pelican": "no date in the article: written with 'Status: draft' (Pelican puts it under "
    "drafts/); --default-date gives it a date instead",
    "zola": "no date in the article: Zola builds the page but leaves it out of a section "
    "sorted by date; --default-date gives it a date",
}
"""What an undated article becomes, per generator that needs a date to publish a post."""


def parse_default_date(text: str | None) -> datetime | None:
    """``--default-date``: an ISO 8601 date or date and time (``2024-01-31``,
    ``2024-01-31T09:00+01:00``); :class:`ValueError` for anything else."""
    if text is None:
        return None
    return datetime.fromisoformat(text.strip())


class UndatedPostError(NewsconvertError):
    """An article without a date, for a generator that cannot build a post without one."""


@dataclass(frozen=True, slots=True)
class Post:
    """One generator's post of an article."""

    path: str
    """Where it goes, relative to OUT (see :func:`post_path`)."""
    text: str
    """Front matter and body."""
    meta: PostMeta
    """The metadata written (with ``default_date`` applied)."""
    warnings: tuple[str, ...] = ()
    """What the user should know about it (an undated article made a draft)."""


def make_post(
    article: Article,
    generator: str,
    slug: str,
    *,
    default_date: datetime | None = None,
    options: RenderOptions | None = None,
) -> Post:
    """``article`` as ``generator``'s post at ``slug``; an undated article gets
    ``default_date`` when given. ``options`` go to :func:`newsconvert.renderers.render`.

    Raises :class:`UndatedPostError` for an undated article without ``default_date`` when the
    generator cannot build it (MkDocs: Material's blog requires a date on every post).
    """
    from newsconvert.renderers import render

    meta = post_meta(article)
    warnings: tuple[str, ...] = ()
    if meta.published is None:
        if default_date is not None:
            meta = replace(meta, published=default_date)
        elif generator == "mkdocs":
            raise UndatedPostError(
                "no date in the article, and Material for MkDocs' blog needs one on every "
                "post: pass --default-date DATE"
            )
        elif generator in UNDATED:
            warnings = (UNDATED[generator],)
    body = render(article, "md", options, site=generator)
    path = post_path(generator, slug, meta)
    return Post(path, post_text(generator, slug, meta, body), meta, warnings)
