"""The Pelican plugin: article files become Pelican articles with title, date, author, summary.

Enable it in ``pelicanconf.py``::

    PLUGINS = ["newsconvert.pelican"]
    NEWSCONVERT_EXTENSIONS = ["news"]     # the default; add "txt" to read plain .txt files too
    NEWSCONVERT_ENCODING = None           # default: detect

The reader gives Pelican: ``title`` (HTML-escaped, as Pelican prints titles as HTML),
``date`` (publication, with its offset when the article names a zone; a naive time is
localised by Pelican's ``TIMEZONE``), ``modified`` (the last update), ``authors`` (from the
bylines) and ``summary`` (the standfirst, escaped). The content is the article body rendered to
HTML by newsconvert. An article without any date gets none: with ``DEFAULT_DATE`` set, Pelican
dates it by that rule; without it (the quickstart's configuration), where Pelican would skip the
article, it becomes a draft (``status: draft``, written under ``drafts/`` and counted in
Pelican's summary line). A file that cannot be converted is reported by Pelican with its
``file:line: message`` (logged by the reader) and skipped, like any unreadable article.

A file is read in the format its extension names (``md``, ``rst``, ``html``, ``json``, through
:mod:`newsconvert.readers`), any other as a plain-text article. Listing ``md``, ``rst`` or
``html`` in ``NEWSCONVERT_EXTENSIONS`` takes those files away from Pelican's own readers (every
one of them is then read as a newsconvert article), so only ``news`` is the default.

This module imports Pelican; ``import newsconvert`` never imports it. Install with
``pip install newsconvert[pelican]``.
"""

from __future__ import annotations

import html
import logging
from typing import Any, ClassVar

from pelican import signals
from pelican.readers import BaseReader

logger = logging.getLogger(__name__)

DEFAULT_EXTENSIONS = ("news",)
"""The file extensions read as articles unless ``NEWSCONVERT_EXTENSIONS`` says otherwise."""


class NewsReader(BaseReader):  # type: ignore[misc]
    """Reads news articles (plain text, or one of newsconvert's formats) with newsconvert."""

    enabled = True
    file_extensions: ClassVar[list[str]] = list(DEFAULT_EXTENSIONS)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """The article's HTML body and its metadata, as Pelican's readers return them."""
        import newsconvert
        from newsconvert.site.metadata import post_meta

        try:
            article = newsconvert.read_article(
                source_path, encoding=self.settings.get("NEWSCONVERT_ENCODING")
            )
        except newsconvert.NewsconvertError as error:
            # Pelican reports a reader's exception only as "Could not process FILE" (the reason
            # needs DEBUG): say file, line and reason here, then let Pelican skip the file.
            logger.error("%s", error)
            raise
        language = str(self.settings.get("DEFAULT_LANG", "en"))
        content = newsconvert.render(article, "html", lang=language)
        meta = post_meta(article)
        raw: dict[str, Any] = {"title": html.escape(meta.title, quote=False)}
        if meta.published is not None:
            raw["date"] = meta.published.isoformat()
        elif not self.settings.get("DEFAULT_DATE"):
            raw["status"] = "draft"
        if meta.modified is not None:
            raw["modified"] = meta.modified.isoformat()
        if meta.authors:
            raw["authors"] = list(meta.authors)
        if meta.summary:
            raw["summary"] = html.escape(meta.summary, quote=False)
        metadata = {name: self.process_metadata(name, value) for name, value in raw.items()}
        return content, metadata


def add_reader(readers: Any) -> None:
    """Register :class:`NewsReader` for the configured extensions (``readers_init`` signal)."""
    extensions = readers.settings.get("NEWSCONVERT_EXTENSIONS", DEFAULT_EXTENSIONS)
    for extension in extensions:
        readers.reader_classes[extension.lstrip(".")] = NewsReader


def register() -> None:
    """Pelican's plugin entry point: connect the reader."""
    signals.readers_init.connect(add_reader)
