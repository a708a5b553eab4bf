"""Readers: Markdown, reStructuredText, HTML and JSON back into the article tree.

Every output format newsconvert writes can be read back, so any format converts to any other and
``read(render(article, F), F) == article``. The plain-text parser (:func:`newsconvert.parse`)
stays the reader of ``text``; this package reads the markup formats::

    from newsconvert.readers import read, infer_format, first_difference
    article = read(path.read_text(), infer_format(path) or "text", source=str(path))

Each format lives in its own module (``markdown``, ``rst``, ``html``, ``json``), imported on
first use so that reading JSON never loads docutils.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike, fspath
from pathlib import PurePath
from typing import TYPE_CHECKING

from newsconvert.errors import ConfigError, NewsconvertError
from newsconvert.readers.compare import first_difference

if TYPE_CHECKING:
    from newsconvert.tree import Article

__all__ = ["FORMATS", "first_difference", "infer_format", "read"]

FORMATS = ("text", "md", "rst", "html", "json")
"""The input formats ``read`` accepts, by their short names (``text`` is the plain-text parser)."""

_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".rst": "rst",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}

_ALIASES = {
    "markdown": "md",
    "restructuredtext": "rst",
    "htm": "html",
    "txt": "text",
    "plain": "text",
}


def infer_format(path: str | PathLike[str]) -> str | None:
    """The input format a file's suffix names (``md``, ``rst``, ``html``, ``json``).

    ``None`` means plain text: ``.txt``, no suffix, ``-`` (stdin) or any suffix we do not read.
    """
    return _SUFFIXES.get(PurePath(fspath(path)).suffix.lower())


def read(
    text: str, fmt: str, *, source: str | None = None, zones: Mapping[str, str] | None = None
) -> Article:
    """Read ``text`` written in format ``fmt`` (``text``, ``md``, ``rst``, ``html``, ``json``).

    ``source`` names the text in error messages. ``zones`` overrides time-zone abbreviations as
    in :func:`newsconvert.parse`; it matters where a format carries a timestamp's words but not
    its value (Markdown, reST), which are then resolved again. Raises
    :class:`~newsconvert.errors.NewsconvertError` (with source and line) for input that holds no
    article, and :class:`~newsconvert.errors.ConfigError` for an unknown format.
    """
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name == "text":
        from newsconvert.parser import parse

        return parse(text, source=source, zones=zones)
    from newsconvert.readers.recognise import using_zones

    try:
        with using_zones(zones):
            return _read_markup(text, name, fmt, source)
    except NewsconvertError as error:
        raise error.located(source) from None


def _read_markup(text: str, name: str, fmt: str, source: str | None) -> Article:
    if name == "md":
        from newsconvert.readers.markdown import read_markdown

        return read_markdown(text, source=source)
    if name == "rst":
        from newsconvert.readers.rst import read_rst

        return read_rst(text, source=source)
    if name == "html":
        from newsconvert.readers.html import read_html

        return read_html(text, source=source)
    if name == "json":
        from newsconvert.readers.json import read_json

        return read_json(text, source=source)
    known = ", ".join(FORMATS)
    raise ConfigError(f"unknown input format {fmt!r} (expected one of {known})", source=source)
