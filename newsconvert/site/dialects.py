"""Adapting newsconvert's CommonMark to the Markdown engines of Pelican, MkDocs and Jekyll.

The Markdown renderer keeps text literal by backslash-escaping punctuation, which CommonMark
allows for every ASCII punctuation character. Python-Markdown (Pelican, MkDocs) and kramdown
(Jekyll) accept a backslash only before some of them (:data:`PORTABLE_ESCAPES` is what both
accept); before the others (``<``, ``&``, ``|``, ``~``, ``%`` …) the backslash is printed. A
numeric character reference is read literally by all of these engines (and by CommonMark), so
those escapes are rewritten as references. Fenced code blocks are left alone: nothing in them
is escaped, a backslash there is the article's own.
"""

from __future__ import annotations

import re

PORTABLE_ESCAPES = frozenset("\\`*_{}[]()>#+-.!")
"""Characters whose backslash escape Python-Markdown and kramdown both read as the character."""

_ESCAPE = re.compile(r"\\([!-/:-@[-`{-~])")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _reference(match: re.Match[str]) -> str:
    char = match.group(1)
    # Pairs are matched left to right, so "\\" (an escaped backslash) is consumed whole and the
    # character after it is never taken for an escaped one.
    return match.group() if char in PORTABLE_ESCAPES else f"&#{ord(char)};"


def portable_escapes(markdown: str) -> str:
    """``markdown`` with the escapes other engines misread turned into character references."""
    if "\\" not in markdown:
        return markdown
    lines = markdown.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if (
                opening is not None
                and opening.group(1).startswith(fence)
                and not line[opening.end() :].strip()
            ):
                fence = None
            continue
        if opening is not None:
            fence = opening.group(1)
            continue
        if "\\" in line:
            lines[number] = _ESCAPE.sub(_reference, line)
    return "\n".join(lines)
