"""What a word is, in any script: the one definition the recognisers share.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-words`).
"""

from __future__ import annotations

from itertools import islice

from newsconvert.parser.patterns import LazyPattern

__all__ = ["LETTER", "WORD", "count_words", "has_words", "word_list", "word_pattern"]

_MARKS = (
    "\u0300-\u036f"  # combining diacritical marks
    "\u0591-\u05c7"  # Hebrew points
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # Arabic marks
    "\u0900-\u0963\u0971-\u0dff"  # Devanagari … Sinhala, without dandas (U+0964/5) and digits
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # Thai
    "\u200c\u200d"  # zero-width non-joiner and joiner
)
LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
"""A regular-expression fragment: one letter or combining mark of a word."""
_ASCII_LETTER = "[A-Za-z]"
"""What :data:`LETTER` matches in ASCII text (``[^\\W\\d_]`` is an ASCII letter there, and
every mark is beyond ASCII): the same words, found in half the time."""


def _word(letter: str) -> str:
    return rf"{letter}+(?:['\u2019\-]{letter}+)*"


WORD = LazyPattern(_word(LETTER))
"""A word: letters and marks, with inner apostrophes and hyphens (``O'Neil``, ``जम्मू-कश्मीर``)."""
_ASCII_WORD = LazyPattern(_word(_ASCII_LETTER))
""":data:`WORD` for ASCII text, which most lines are (see :func:`word_pattern`)."""


def word_pattern(text: str) -> LazyPattern[str]:
    """The pattern that finds the words of ``text``: :data:`WORD`, or for ASCII text its ASCII
    form, which finds the same words without the Unicode letter classes."""
    return _ASCII_WORD if text.isascii() else WORD


def word_list(text: str) -> list[str]:
    """The words of ``text``, in any script (digits are not words)."""
    return word_pattern(text).findall(text)


def count_words(text: str) -> int:
    """How many words ``text`` holds, in any script."""
    return sum(1 for _ in word_pattern(text).finditer(text))


def has_words(text: str, least: int) -> bool:
    """Whether ``text`` holds ``least`` words or more, in any script. It reads no further than
    the word that makes the count: the word pattern reads a long title slowly."""
    return (
        least <= 0
        or next(islice(word_pattern(text).finditer(text), least - 1, None), None) is not None
    )
