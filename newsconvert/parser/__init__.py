"""The plain-text parser: text in, :class:`~newsconvert.tree.Article` out.

The stages, one module each:

1. :mod:`.lines` normalises the text into numbered lines;
2. :mod:`.layouts` detects (or is told) the layout — ``lines``, ``blocks`` or ``wrapped``, see
   :data:`LAYOUTS` — and assembles lines into chunks: one paragraph, list item or table each,
   hard-wrapped lines joined;
3. :mod:`.front` finds the kicker, headline, standfirst and the metadata around them;
4. :mod:`.blocks` places the body: sections, paragraphs, blockquotes, lists, tables, embeds and
   asides (:mod:`.asides` recognises chrome, cross-links, captions and post signatures);
5. :mod:`.metadata` places timestamps, bylines and credits, using the recognisers
   (:mod:`.timestamps`, :mod:`.datelines`, :mod:`.bylines`, :mod:`.credits`, :mod:`.quotes`)
   for what a single line or paragraph is;
6. :mod:`.builder` collects the pieces and records each decision for :mod:`.trace`, which turns
   them into one :class:`LineRole` per source line on request (``newsconvert inspect``).

Every rule looks at one chunk and its neighbours, so parsing is linear in the size of the text,
and the tree is never deeper than article → section → block → list item.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsconvert.errors import ConfigError, NewsconvertError, ParseError
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


def _parse(
    text: str,
    source: str | None,
    zones: Mapping[str, str] | None,
    layout: str | None,
    strict: bool,
    heuristics: Heuristics | None,
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
    typical = typical_width(lines)
    chosen = layout or detect_layout(lines, typical)
    chunks = assemble(lines, chosen, forced=layout is not None, typical=typical)
    builder = ArticleBuilder(source, strict)
    h = heuristics or DEFAULT_HEURISTICS
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
    return _parse(text, source, zones, layout, strict, heuristics)[0]


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
    article, builder, lines = _parse(text, source, zones, layout, strict, heuristics)
    return article, expand_trace(lines, builder.spans)
