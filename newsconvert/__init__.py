"""newsconvert: plain-text news articles into Markdown, HTML, reStructuredText and JSON.

Specified in ``docs/specification.rst`` (:ref:`newsconvert`).
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import TYPE_CHECKING, Any

from newsconvert.errors import (
    ConfigError,
    InputError,
    NewsconvertError,
    ParseError,
    TemplateError,
)
from newsconvert.formats import OUTPUT_FORMATS

if TYPE_CHECKING:
    from newsconvert.renderers import RenderOptions
    from newsconvert.tree import Article

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "InputError",
    "NewsconvertError",
    "ParseError",
    "TemplateError",
    "__version__",
    "convert",
    "parse",
    "read",
    "read_article",
    "render",
]

FORMATS = tuple(fmt.name for fmt in OUTPUT_FORMATS)
"""The output formats, by their short names (:mod:`newsconvert.formats` holds their records)."""


def parse(
    text: str,
    *,
    source: str | None = None,
    zones: Mapping[str, str] | None = None,
    layout: str | None = None,
    strict: bool = False,
) -> Article:
    """Parse plain-text article ``text`` into an :class:`~newsconvert.tree.Article`.

    ``source`` names the text in error messages. ``zones`` maps time-zone abbreviations to IANA
    names (``{"IST": "Europe/Dublin"}``), overriding the built-in table. ``layout`` forces a
    layout instead of detecting one. With ``strict``, anything the parser would only note as a
    diagnostic raises instead. Raises :class:`NewsconvertError` for text that holds no article.
    """
    from newsconvert.parser import parse as _parse

    return _parse(text, source=source, zones=zones, layout=layout, strict=strict)


def render(
    article: Article, to: str = "md", options: RenderOptions | None = None, **changes: Any
) -> str:
    """Render ``article`` as ``to`` (``md``, ``html``, ``rst`` or ``json``).

    ``options`` is a :class:`~newsconvert.renderers.RenderOptions`; its fields can also be given
    as keywords: ``standalone`` gives a whole document (front matter, a full HTML page, a reST
    document title) instead of a fragment, templates in ``template_dirs`` override the built-in
    ones of the same name; text set aside as page chrome or duplicates is kept out of sight (a
    hidden element, a comment), ``keep_chrome`` shows it, ``drop_chrome`` leaves it out;
    ``lang`` is the document language.
    """
    from newsconvert.renderers import render as _render

    return _render(article, to, options, **changes)


def convert(
    text: str,
    to: str = "md",
    options: RenderOptions | None = None,
    *,
    from_format: str = "text",
    source: str | None = None,
    zones: Mapping[str, str] | None = None,
    layout: str | None = None,
    strict: bool = False,
    **changes: Any,
) -> str:
    """Read ``text`` and render it as ``to``: :func:`parse` (or :func:`read`) and :func:`render`
    (``options`` and ``changes`` as it takes them).

    ``from_format`` names what ``text`` is: ``text`` (plain-text article, the default), ``md``,
    ``rst``, ``html`` or ``json`` (newsconvert's own output formats, read back into the tree).
    """
    article = read(text, from_format, source=source, zones=zones, layout=layout, strict=strict)
    return render(article, to, options, **changes)


def read(
    text: str,
    from_format: str = "text",
    *,
    source: str | None = None,
    zones: Mapping[str, str] | None = None,
    layout: str | None = None,
    strict: bool = False,
) -> Article:
    """Read ``text`` written in ``from_format`` into an :class:`~newsconvert.tree.Article`.

    ``text`` is a plain-text article, parsed as by :func:`parse` (``layout`` and ``strict``
    apply to it alone); ``md``, ``rst``, ``html`` and ``json`` are read back by
    :mod:`newsconvert.readers`, so any format converts to any other.
    """
    from newsconvert.formats import TEXT, input_format

    if input_format(from_format) is TEXT:
        return parse(text, source=source, zones=zones, layout=layout, strict=strict)
    from newsconvert.readers import read as _read

    return _read(text, from_format, source=source, zones=zones)


def read_article(
    path: str | PathLike[str],
    *,
    from_format: str | None = None,
    encoding: str | None = None,
    zones: Mapping[str, str] | None = None,
    layout: str | None = None,
    strict: bool = False,
) -> Article:
    """Read and decode the file at ``path`` (``-`` for stdin) and parse or read it.

    ``from_format`` defaults to what the suffix names (``.md``, ``.rst``, ``.html``, ``.json``),
    and to plain text for any other. Decoding follows :func:`newsconvert.source.read_source`:
    BOMs are honoured, ``encoding`` names a legacy encoding, otherwise one is detected. Every
    failure is a :class:`NewsconvertError` naming the file and line.
    """
    from newsconvert.source import read_source

    if from_format is None:
        from newsconvert.formats import input_format_for_path

        from_format = input_format_for_path(path).name
    text = read_source(path, encoding=encoding, strict=strict)
    return read(text.text, from_format, source=text.name, zones=zones, layout=layout, strict=strict)
