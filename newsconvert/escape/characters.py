"""Characters that no output may contain, whatever the format.

C0 and C1 control characters (other than tab and line feed), lone surrogates and Unicode
non-characters are invalid in HTML and XML, cannot be encoded as UTF-8 (surrogates), or end a line
in some tools but not in others (``\\r``, form feed, vertical tab, U+0085, U+2028, U+2029: docutils
splits lines with :meth:`str.splitlines`, CommonMark does not). Input decoding already removes
most of them; this module is the renderers' own guarantee, for trees built by hand or by readers.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
"""What an invalid character becomes: U+FFFD REPLACEMENT CHARACTER, visible and valid anywhere."""

LINE_LIKE = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""The invalid characters some tools treat as line breaks: they become a plain space."""

INVALID_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u2028\u2029"
"""The invalid characters as the inside of a regular-expression character class (escapes for
the pattern to read, so that the source holds no lone surrogate, which a compiler such as mypyc
cannot encode)."""

INVALID_CHARACTERS = re.compile(f"[{INVALID_CLASS}]")
"""Matches one character that must not reach any output (see :func:`replace_invalid`)."""


def replacement_of(char: str) -> str:
    """What the invalid character ``char`` becomes: a space if it is line-like, else U+FFFD."""
    return " " if char in LINE_LIKE else REPLACEMENT


def _replacement(match: re.Match[str]) -> str:
    return replacement_of(match.group())


def replace_invalid(text: str) -> str:
    """``text`` with line-like control characters as spaces and other invalid ones as U+FFFD.

    Tab and line feed are kept. Text without such characters is returned unchanged (the common
    case costs one scan).
    """
    if INVALID_CHARACTERS.search(text) is None:
        return text
    return INVALID_CHARACTERS.sub(_replacement, text)
