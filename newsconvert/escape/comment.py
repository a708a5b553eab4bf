"""Text kept inside a comment: what the parser set aside, out of sight but not lost.

Markdown keeps a hidden aside as ``<!-- hidden KIND: TEXT -->`` and reST as
``.. hidden KIND: TEXT``, each on one line. The text must stay inert there: it must not end the
comment (``-->``), start markup after it (a line break followed by ``.. include::``), or be
read by a template engine that a site generator runs over the Markdown (``{{ }}``, ``{% %}``).
:func:`escape_comment` writes the characters that could do any of that as HTML character
references, and :func:`unescape_comment` (:func:`html.unescape`) reads them back exactly:
``&`` is always escaped, so every ``&`` in the payload starts a reference we wrote.

Escaped: ``&``, ``<``, ``>``, ``{``, ``}``, a ``-`` next to another ``-`` or at either end,
every character that some parser takes for a line break (``\\n``, ``\\r``, U+2028, …), tabs
(docutils expands them), and whitespace at either end (lines are stripped). Everything else,
any script, stays as written, so the comment can be read by a person.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
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
