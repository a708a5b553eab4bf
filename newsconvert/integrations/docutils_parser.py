"""A docutils parser for news articles, for users of docutils without Sphinx.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-integrations-docutils_parser`).
"""

from __future__ import annotations

from collections.abc import Mapping

import docutils.parsers
from docutils import nodes

from newsconvert.errors import NewsconvertError
from newsconvert.integrations.doctree import fill_document
from newsconvert.options import docutils_settings_spec, from_docutils_settings
from newsconvert.tree import Article


def article_from_text(
    text: str,
    *,
    source: str | None = None,
    fmt: str | None = None,
    zones: Mapping[str, str] | None = None,
) -> Article:
    """Read ``text`` as an article in format ``fmt`` (inferred from ``source`` when ``None``).

    Plain text goes through the parser, our own formats (``md``, ``rst``, ``html``, ``json``)
    through :mod:`newsconvert.readers`; ``zones`` applies to both. Raises
    :class:`NewsconvertError`.
    """
    from newsconvert import read
    from newsconvert.formats import TEXT, input_format_for_path

    if fmt is None:
        fmt = (input_format_for_path(source) if source is not None else TEXT).name
    return read(text, fmt, source=source, zones=zones)


class Parser(docutils.parsers.Parser):
    """Parses a plain-text news article into a docutils document."""

    supported = ("newsconvert", "news")
    """Names docutils accepts for this parser."""

    settings_spec = ("newsconvert Parser Options", None, docutils_settings_spec())
    """The ``--news-…`` settings, from :mod:`newsconvert.options`."""
    config_section = "newsconvert parser"
    config_section_dependencies = ("parsers",)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Fill ``document`` with the article in ``inputstring``."""
        self.setup_parse(inputstring, document)
        settings = document.settings
        source = document.get("source") or None
        try:
            options = from_docutils_settings(settings)
            article = article_from_text(inputstring, source=source, zones=options.zones)
        except NewsconvertError as error:
            document += document.reporter.error(error.message, line=error.line)
        else:
            fill_document(document, article, options)
        self.finish_parse()
