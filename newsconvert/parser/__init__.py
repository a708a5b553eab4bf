"""The plain-text parser: text in, :class:`~newsconvert.tree.Article` out.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser`).
"""

from __future__ import annotations

from collections.abc import Mapping

from newsconvert.errors import ConfigError, NewsconvertError, ParseError
from newsconvert.gcpause import gc_paused
from newsconvert.parser.blocks import read_body
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.front import read_front
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.layouts import LAYOUTS, assemble, detect_layout, typical_width
from newsconvert.parser.lines import Line, split_lines
from newsconvert.parser.timezones import zone_table
from newsconvert.parser.trace import LineRole, expand_trace
from newsconvert.tree import Article

__all__ = ["LAYOUTS", "Heuristics", "LineRole", "parse", "parse_with_trace"]


# Everything parsing allocates lives as long as the article and forms no cycles: the
# collector's passes over the growing heap would only make big articles superlinear.
@gc_paused()
def _parse(
    text: str,
    source: str | None,
    zones: Mapping[str, str] | None,
    layout: str | None,
    strict: bool,
    heuristics: Heuristics | None,
    trace: bool,
) -> tuple[Article, ArticleBuilder, list[Line]]:
    if layout is not None and layout not in LAYOUTS:
        raise ConfigError(
            f"unknown layout {layout!r} (choose from {', '.join(LAYOUTS)})", source=source
        )
    try:
        table = zone_table(zones)
    except NewsconvertError as error:
        raise error.located(source) from None
    lines = split_lines(text)
    if not any(line.text for line in lines):
        raise ParseError("empty article: the text holds no words", source=source, line=1)
    h = heuristics or DEFAULT_HEURISTICS
    typical = typical_width(lines)
    chosen = layout or detect_layout(lines, typical, h)
    chunks = assemble(lines, chosen, forced=layout is not None, typical=typical, h=h)
    if not trace:
        # The chunks hold all the rules read; the lines, a big article's largest part, are
        # kept only for the trace.
        lines = []
    builder = ArticleBuilder(source, strict)
    try:
        start = read_front(chunks, builder, table, h)
        read_body(chunks, start, builder, table, h)
    except NewsconvertError as error:
        raise error.located(source) from None
    return builder.build(), builder, lines


def parse(
    text: str,
    *,
    source: str | None = None,
    zones: Mapping[str, str] | None = None,
    layout: str | None = None,
    strict: bool = False,
    heuristics: Heuristics | None = None,
) -> Article:
    """Parse plain-text article ``text`` into an :class:`~newsconvert.tree.Article`.

    ``source`` names the text in errors; ``zones`` overrides time-zone abbreviations
    (``{"IST": "Europe/Dublin"}``); ``layout`` forces one of :data:`LAYOUTS` instead of
    detecting it; ``strict`` raises the first diagnostic as a :class:`ParseError`;
    ``heuristics`` replaces the parser's thresholds (:class:`Heuristics`, for experiments).
    Raises :class:`~newsconvert.errors.NewsconvertError` (with source and line) for text that
    holds no article.
    """
    return _parse(text, source, zones, layout, strict, heuristics, trace=False)[0]


def parse_with_trace(
    text: str,
    *,
    source: str | None = None,
    zones: Mapping[str, str] | None = None,
    layout: str | None = None,
    strict: bool = False,
    heuristics: Heuristics | None = None,
) -> tuple[Article, tuple[LineRole, ...]]:
    """:func:`parse`, plus the role and deciding rule of every source line."""
    article, builder, lines = _parse(text, source, zones, layout, strict, heuristics, trace=True)
    return article, expand_trace(lines, builder.spans)
