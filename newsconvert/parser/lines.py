"""Normalising decoded text into numbered lines, the unit every later stage works on.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-lines`).
"""

from __future__ import annotations

from typing import NamedTuple

from newsconvert.parser.patterns import LazyPattern
from newsconvert.source import CleanText, normalise_text

TAB_WIDTH = 4
"""Columns a tab stands for when measuring indentation."""


class Line(NamedTuple):
    """One source line after normalisation."""

    number: int
    """1-based line number in the source."""
    text: str
    """The line without leading and trailing whitespace."""
    indent: int
    """Leading whitespace in columns (tabs count as :data:`TAB_WIDTH`)."""
    width: int
    """Length of the line with its indentation, without trailing whitespace."""


# Single-byte control characters (other than tab and newline) in UTF-8.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
# What normalise_text would change beyond those, as UTF-8: C1 controls (U+0080-U+009F), the BMP
# non-characters (U+FDD0-U+FDEF, U+FFFE, U+FFFF) and those of the other planes. Each is looked
# for only when its lead byte occurs at all (a memchr-fast test).
_C1_CONTROL = LazyPattern(rb"\xc2[\x80-\x9f]")
_BMP_NONCHARACTER = LazyPattern(rb"\xef(?:\xb7[\x90-\xaf]|\xbf[\xbe\xbf])")
_ASTRAL_NONCHARACTER = LazyPattern(rb"[\xf0-\xf4][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf]")


_LEAD_BYTE_VISITS = 16
"""Occurrences of a lead byte looked at one by one before a regular expression takes over."""


def _follows(data: bytes, lead: bytes, pattern: LazyPattern[bytes]) -> bool:
    """Whether ``pattern`` (which starts with ``lead``) matches anywhere in ``data``.

    ``£`` and no-break spaces put ``\\xc2`` in most non-ASCII text, and a regex scan of the
    whole text costs several times a parse of it: the occurrences are visited with
    ``bytes.find`` instead, up to :data:`_LEAD_BYTE_VISITS` of them.
    """
    position = data.find(lead)
    visits = 0
    while position >= 0:
        if pattern.match(data, position) is not None:
            return True
        visits += 1
        if visits == _LEAD_BYTE_VISITS:
            return pattern.search(data, position + 1) is not None
        position = data.find(lead, position + 1)
    return False


def _needs_normalising(text: str) -> bool:
    """Whether :func:`normalise_text` would change ``text``.

    A quick test: the regular expressions of a full normalisation cost more than parsing a
    short article, and most text holds nothing to change. Anything suspicious errs towards
    normalising.
    """
    if text.isascii():
        data = text.encode("ascii")
    else:
        if "\u2028" in text or "\u2029" in text:
            return True
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return True
        if b"\xc2" in data and _follows(data, b"\xc2", _C1_CONTROL):
            return True
        if b"\xef" in data and _follows(data, b"\xef", _BMP_NONCHARACTER):
            return True
        if (
            (
                # Every astral non-character ends in ``\xbf\xbe`` or ``\xbf\xbf``: one memchr
                # for the commoner continuation byte, then the lead bytes.
                b"\xbf" in data
            )
            and (
                b"\xf0" in data
                or b"\xf1" in data
                or b"\xf2" in data
                or b"\xf3" in data
                or b"\xf4" in data
            )
            and (_ASTRAL_NONCHARACTER.search(data) is not None)
        ):
            return True
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def clean_text(text: str) -> str:
    """Unify line breaks and drop or replace characters no output format can carry.

    :class:`~newsconvert.source.CleanText` (what :func:`~newsconvert.source.decode_source`
    returns) is clean already: it is taken as it is.
    """
    if isinstance(text, CleanText):
        return text
    # Byte-order marks that reached the text are dropped, as read_source drops them: before
    # normalising, and again after it in case a removed control character stood between two.
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    if _needs_normalising(text):
        text = normalise_text(text)
        if text.startswith("\ufeff"):
            text = text.lstrip("\ufeff")
    return text


def split_lines(text: str) -> list[Line]:
    """Normalise ``text`` and cut it into numbered :class:`Line` records.

    Works in one pass over the text; a 10 MB line costs one ``strip`` and one ``split``.
    """
    cleaned = clean_text(text)
    result: list[Line] = []
    append = result.append
    pieces = cleaned.split("\n")
    if len(pieces) > 1 and not pieces[-1]:
        pieces.pop()  # a final newline ends the last line; it does not start another
    number = 0
    for raw in pieces:
        number += 1
        stripped = raw.strip()
        if not stripped:
            append(Line(number, "", 0, 0))
            continue
        if raw[0] in " \t":
            lead = raw[: len(raw) - len(raw.lstrip())]
            indent = len(lead.expandtabs(TAB_WIDTH)) if "\t" in lead else len(lead)
        else:
            indent = 0
        if "\t" in stripped:
            # Tabs inside a line separate words or columns; a single space keeps the words.
            stripped = stripped.expandtabs(TAB_WIDTH)
        append(Line(number, stripped, indent, indent + len(stripped)))
    return result
