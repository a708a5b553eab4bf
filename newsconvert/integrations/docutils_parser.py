"""A docutils parser for news articles, for users of docutils without Sphinx.

::

    docutils --parser=newsconvert.docutils_parser article.txt article.html

    from docutils.core import publish_string
    from newsconvert.integrations.docutils_parser import Parser
    html = publish_string(text, parser=Parser(), writer="html5")

The headline becomes the document title, timestamps, bylines and the dateline a docinfo block,
and the body standard nodes (see :mod:`newsconvert.integrations.doctree`), so every docutils
writer works.
Text that is no article (no headline) becomes one error system message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

import docutils.parsers
from docutils import frontend, nodes

from newsconvert.errors import NewsconvertError
from newsconvert.integrations.doctree import DoctreeOptions, fill_document
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


def _zone_pairs(values: list[str]) -> dict[str, str]:
    """``["IST=Asia/Kolkata"]`` → ``{"IST": "Asia/Kolkata"}`` (docutils passes strings)."""
    zones: dict[str, str] = {}
    for value in values:
        abbreviation, sep, zone = value.partition("=")
        if not sep or not abbreviation.strip() or not zone.strip():
            raise NewsconvertError(f"time zone {value!r} is not ABBR=ZONE")
        zones[abbreviation.strip()] = zone.strip()
    return zones


class Parser(docutils.parsers.Parser):
    """Parses a plain-text news article into a docutils document."""

    supported = ("newsconvert", "news")
    """Names docutils accepts for this parser."""

    settings_spec = (
        "newsconvert Parser Options",
        None,
        (
            (
                "Map a time-zone abbreviation to an IANA zone (ABBR=ZONE); may be repeated.",
                ["--news-timezone"],
                {"action": "append", "default": [], "metavar": "ABBR=ZONE"},
            ),
            (
                "Keep text set aside as page chrome or duplicates.",
                ["--news-keep-chrome"],
                {"action": "store_true", "default": False, "validator": frontend.validate_boolean},
            ),
        ),
    )
    config_section = "newsconvert parser"
    config_section_dependencies = ("parsers",)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Fill ``document`` with the article in ``inputstring``."""
        self.setup_parse(inputstring, document)
        settings = document.settings
        source = document.get("source") or None
        try:
            zones = _zone_pairs(getattr(settings, "news_timezone", None) or [])
            article = article_from_text(inputstring, source=source, zones=zones)
        except NewsconvertError as error:
            document += document.reporter.error(error.message, line=error.line)
        else:
            options = DoctreeOptions(keep_chrome=bool(getattr(settings, "news_keep_chrome", False)))
            fill_document(document, article, options)
        self.finish_parse()
