"""Text kept inside a comment: what the parser set aside, out of sight but not lost.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-escape-comment`).
"""

from __future__ import annotations

import re

from newsconvert.patterns import LazyPattern

_UNSAFE = LazyPattern(
    r"[&<>{}\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"  # markup, braces, line breaks, tabs
    r"|-(?=-)|(?<=-)-|\A-|-\Z"  # a dash beside a dash (``--``, ``-->``), or at either end
    r"|\A\s|\s\Z"  # whitespace at either end
)


_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _reference(match: re.Match[str]) -> str:
    return _NAMED.get(match[0]) or f"&#{ord(match[0])};"


def escape_comment(text: str) -> str:
    """``text`` as the inert, one-line payload of a comment (see the module docstring)."""
    return _UNSAFE.sub(_reference, text)


def unescape_comment(payload: str) -> str:
    """The text :func:`escape_comment` wrote as ``payload``."""
    import html  # here: its table of entities costs every render's start-up a few milliseconds

    return html.unescape(payload)


FILTERS = {"comment": escape_comment}
"""The Jinja filter: ``{{ block.text|comment }}``."""
