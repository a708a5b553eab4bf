"""Index entries and the site's front page (``index.html``).

An :class:`IndexEntry` is all a build keeps in memory per article: enough to list it, order it
and put it in the feed. Entries are stored in the manifest, so an unchanged article's entry is
known without parsing it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsconvert.site.metadata import PostMeta, display_date, sort_timestamp

INDEX_TEMPLATE = "site/index.html.j2"
"""The index template's name. It lives with every other built-in template, in ``templates/``
(see :func:`newsconvert.formats.templates_dir`), and is loaded by the same
loader, so a ``--template-dir`` holding ``site/index.html.j2`` overrides it."""


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One article as the index and the feed see it."""

    slug: str
    """The article's slug (unique within the build)."""
    href: str
    """The article page's path relative to OUT (a relative URL)."""
    headline: str
    """The headline."""
    standfirst: str | None
    """The standfirst, if any."""
    published: str | None
    """Publication time, ISO 8601 (with offset when the article gave a zone), or ``None``."""
    modified: str | None
    """Last update time, ISO 8601, or ``None``."""
    date_display: str | None
    """The publication time for people (``27 November 2019, 19:17 IST``)."""
    authors: tuple[str, ...]
    """The authors' names."""
    sort_key: float | None
    """Publication time in seconds since the epoch, for ordering; ``None`` when undated."""
    excerpt: str | None = None
    """The opening of the first paragraph, shown when there is no standfirst."""

    @property
    def summary(self) -> str | None:
        """What the index and the feed show under the headline: the standfirst, else the
        excerpt."""
        return self.standfirst or self.excerpt

    @classmethod
    def from_meta(cls, slug: str, href: str, meta: PostMeta) -> IndexEntry:
        """The entry of an article with ``slug``, page ``href`` and metadata ``meta``."""
        return cls(
            slug=slug,
            href=href,
            headline=meta.title,
            standfirst=meta.summary,
            published=meta.published.isoformat() if meta.published else None,
            modified=meta.modified.isoformat() if meta.modified else None,
            date_display=(
                display_date(meta.published, meta.published_zone) if meta.published else None
            ),
            authors=meta.authors,
            sort_key=sort_timestamp(meta.published),
            excerpt=meta.excerpt,
        )

    def to_json(self) -> dict[str, Any]:
        """The entry as JSON data (for the manifest)."""
        # Field by field: dataclasses.asdict deep-copies recursively, and this runs per article.
        return {
            "slug": self.slug,
            "href": self.href,
            "headline": self.headline,
            "standfirst": self.standfirst,
            "published": self.published,
            "modified": self.modified,
            "date_display": self.date_display,
            "authors": list(self.authors),
            "sort_key": self.sort_key,
            "excerpt": self.excerpt,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IndexEntry:
        """An entry from :meth:`to_json`'s data."""
        return cls(**{**data, "authors": tuple(data.get("authors", ()))})

    def published_datetime(self) -> datetime | None:
        """``published`` as a datetime."""
        return datetime.fromisoformat(self.published) if self.published else None

    def modified_datetime(self) -> datetime | None:
        """``modified`` as a datetime."""
        return datetime.fromisoformat(self.modified) if self.modified else None


def newest_first(entries: Iterable[IndexEntry]) -> list[IndexEntry]:
    """``entries`` ordered newest first; undated articles last; ties by slug, so the order
    never depends on the order articles were built in."""
    entries = list(entries)
    dated = sorted(
        (entry for entry in entries if entry.sort_key is not None),
        key=lambda entry: (-(entry.sort_key or 0.0), entry.slug),
    )
    undated = sorted(
        (entry for entry in entries if entry.sort_key is None), key=lambda entry: entry.slug
    )
    return dated + undated


def render_index(
    entries: Sequence[IndexEntry],
    *,
    title: str,
    lang: str = "en",
    feed_href: str | None = "feed.xml",
    template_dirs: tuple[str, ...] = (),
) -> str:
    """The front page listing ``entries`` (already ordered) with the site ``title``.

    Rendered by the renderers' HTML environment for ``template_dirs`` (autoescaped, invalid
    characters replaced); a failing template raises :class:`TemplateError` with file and line.
    """
    from newsconvert.renderers import template_environment
    from newsconvert.renderers.environment import render_template

    context = {"title": title, "lang": lang, "entries": entries, "feed_href": feed_href}
    env = template_environment("html", tuple(template_dirs))
    return render_template(env, INDEX_TEMPLATE, context)
