"""The Pelican plugin: article files become Pelican articles with title, date, author, summary.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-integrations-pelican`).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from typing import Any, ClassVar

from pelican import signals
from pelican.readers import BaseReader

from newsconvert.options import Options, from_settings, setting_name

logger = logging.getLogger(__name__)

EXTENSIONS = setting_name("suffixes", "pelican")
"""The setting that lists article file extensions, which Pelican writes without a dot."""


def settings_options(settings: Mapping[str, Any]) -> Options:
    """The :class:`~newsconvert.options.Options` of Pelican ``settings``."""

    def lookup(name: str) -> Any:
        value = settings[name]
        if name == EXTENSIONS and isinstance(value, (list, tuple)):
            return ["." + str(extension).lstrip(".") for extension in value]
        return value

    return from_settings("pelican", lookup)


class NewsReader(BaseReader):  # type: ignore[misc]
    """Reads news articles (plain text, or one of newsconvert's formats) with newsconvert."""

    enabled = True
    file_extensions: ClassVar[list[str]] = [suffix.lstrip(".") for suffix in Options().suffixes]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """The article's HTML body and its metadata, as Pelican's readers return them."""
        import newsconvert
        from newsconvert.site.metadata import post_meta

        try:
            options = settings_options(self.settings)
            article = newsconvert.read_article(
                source_path, encoding=options.encoding, zones=options.zones
            )
        except newsconvert.NewsconvertError as error:
            # Pelican reports a reader's exception only as "Could not process FILE" (the reason
            # needs DEBUG): say file, line and reason here, then let Pelican skip the file.
            logger.error("%s", error)
            raise
        language = str(self.settings.get("DEFAULT_LANG", "en"))
        from newsconvert.renderers import RenderOptions

        content = newsconvert.render(
            article, "html", RenderOptions.of(options, standalone=False, lang=language)
        )
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
    for suffix in settings_options(readers.settings).suffixes:
        readers.reader_classes[suffix.lstrip(".")] = NewsReader


def register() -> None:
    """Pelican's plugin entry point: connect the reader."""
    signals.readers_init.connect(add_reader)
