"""Readers: Markdown, reStructuredText, HTML and JSON back into the article tree.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-readers`).
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import TYPE_CHECKING

from newsconvert.errors import NewsconvertError
from newsconvert.formats import INPUT_FORMATS, TEXT, input_format, input_format_for_path
from newsconvert.readers.compare import first_difference

if TYPE_CHECKING:
    from newsconvert.tree import Article

__all__ = ["FORMATS", "first_difference", "infer_format", "read"]

FORMATS = tuple(fmt.name for fmt in INPUT_FORMATS)
"""The input formats ``read`` accepts, by their short names (``text`` is the plain-text parser)."""


def infer_format(path: str | PathLike[str]) -> str | None:
    """The markup format a file's suffix names (``md``, ``rst``, ``html``, ``json``).

    ``None`` means plain text: ``.txt``, no suffix, ``-`` (stdin) or any suffix we do not read.
    """
    fmt = input_format_for_path(path)
    return None if fmt is TEXT else fmt.name


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
    try:
        form = input_format(fmt)
    except NewsconvertError as error:
        raise error.located(source) from None
    if form is TEXT:
        from newsconvert.parser import parse

        return parse(text, source=source, zones=zones)
    from newsconvert.parser.timezones import zone_table

    reader = form.load_reader()
    try:
        article: Article = reader(text, source=source, zones=zone_table(zones))
    except NewsconvertError as error:
        raise error.located(source) from None
    return article
