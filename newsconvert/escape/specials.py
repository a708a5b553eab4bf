"""Escaping a text's special characters one after another with :meth:`str.replace`, for text
known to hold no invalid character: cheaper than the escapers' one pass of a regular expression.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-escape`).
"""

from __future__ import annotations

from collections.abc import Mapping


def in_turn(escapes: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The items of ``escapes`` (a character, what it becomes) in an order in which replacing
    each character in turn gives what one pass over the text gives: a character comes before
    every character whose replacement holds it, so that no replacement is replaced again (among
    equals, the order of ``escapes``).

    Raises :class:`ValueError` when there is no such order (two replacements holding each
    other's character).
    """
    pending = dict(escapes)
    ordered: list[tuple[str, str]] = []
    while pending:
        ready = next(
            (
                char
                for char, replacement in pending.items()
                if not any(other != char and other in replacement for other in pending)
            ),
            None,
        )
        if ready is None:
            raise ValueError(f"no order replaces these one after another: {pending!r}")
        ordered.append((ready, pending.pop(ready)))
    return tuple(ordered)


def replace_in_turn(text: str, ordered: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each character of ``ordered`` (from :func:`in_turn`) replaced."""
    for char, replacement in ordered:
        if char in text:
            text = text.replace(char, replacement)
    return text
