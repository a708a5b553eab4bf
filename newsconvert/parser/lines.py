"""Normalising decoded text into numbered lines, the unit every later stage works on.

Text from a file has been normalised by :func:`newsconvert.source.read_source`; text handed to
:func:`newsconvert.parse` directly gets the same treatment here
(:func:`newsconvert.source.normalise_text`: every kind of line break becomes ``\\n``, control
characters go, non-characters and lone surrogates become U+FFFD), so line numbers agree whichever
way the text came in.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsconvert.source import normalise_text

TAB_WIDTH = 4
"""Columns a tab stands for when measuring indentation."""


@dataclass(frozen=True, slots=True)
class Line:
    """One source line after normalisation."""

    number: int
    """1-based line number in the source."""
    text: str
    """The line without leading and trailing whitespace."""
    indent: int
    """Leading whitespace in columns (tabs count as :data:`TAB_WIDTH`)."""
    width: int
    """Length of the line with its indentation, without trailing whitespace."""

    @property
    def blank(self) -> bool:
        """Whether the line holds nothing but whitespace."""
        return not self.text


def clean_text(text: str) -> str:
    """Unify line breaks and drop or replace characters no output format can carry."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_text(text)


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
    for number, raw in enumerate(pieces, 1):
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
