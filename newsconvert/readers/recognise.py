"""The plain-text parser's recognisers, seen from the readers.

When a markup document carries only the words of a timestamp, a byline or a dateline, the
reader re-derives the structured fields with the very recognisers the plain-text parser uses, so
that reading ``Published 19:17 IST, November 27th 2019`` from Markdown gives the same
:class:`~newsconvert.tree.Timestamp` as reading it from plain text. This module is the one place
that knows those recognisers' signatures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsconvert.tree import Blockquote, Byline, Credit, Dateline, Timestamp

_BY = re.compile(r"^(?:written\s+)?by\s+(?P<names>\S.*)$", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")


def timestamp(
    text: str, *, line: int = 0, zones: Mapping[str, str] | None = None
) -> Timestamp | None:
    """``text`` as a timestamp (``Published 19:17 IST, …``), or ``None`` if it is not one."""
    try:
        from newsconvert.parser.timestamps import parse_timestamp
    except ImportError:  # the parser is optional for the readers; without it, no timestamps
        return None
    found = parse_timestamp(text, line=line, zones=zones)
    return found if isinstance(found, Timestamp) else None


def is_update(stamp: Timestamp) -> bool:
    """Whether a timestamp line announces an update rather than the publication."""
    return stamp.text.lstrip().lower().startswith(("updated", "last updated", "modified"))


def byline(text: str, *, line: int = 0) -> Byline | None:
    """``text`` as a byline (``By Jane Doe and John Roe``), or ``None`` if it is not one."""
    try:
        from newsconvert.parser.bylines import parse_byline
    except ImportError:
        match = _BY.match(text.strip())
        if match is None:
            return None
        names = tuple(name for name in _NAME_SEPARATOR.split(match["names"]) if name)
        return Byline(text, names=names, line=line)
    found = parse_byline(text, line=line)
    return found if isinstance(found, Byline) else None


def credit(text: str, *, line: int = 0) -> Credit | None:
    """``text`` as a credit or sign-off (``(With AP inputs)``), or ``None``."""
    try:
        from newsconvert.parser.credits import parse_credit
    except ImportError:
        return None
    found = parse_credit(text, line=line)
    return found if isinstance(found, Credit) else None


def dateline(text: str, *, line: int = 0) -> tuple[Dateline, str] | None:
    """Split a wire dateline off the start of a paragraph: ``(dateline, rest)``, or ``None``."""
    try:
        from newsconvert.parser.datelines import split_dateline
    except ImportError:
        return None
    found = split_dateline(text, line=line)
    return found if found is not None and isinstance(found[0], Dateline) else None


def dateline_parts(text: str, *, line: int = 0) -> Dateline:
    """A dateline whose text alone is known (``NEW DELHI, Nov 13 (Reuters) - ``), with its parts."""
    found = dateline(text + "x", line=line)
    if found is not None and found[0].text == text:
        return found[0]
    return Dateline(text, line=line)


def quote(text: str, *, line: int = 0) -> Blockquote | None:
    """``text`` read as a quotation with its attribution, or ``None`` if it does not read so."""
    try:
        from newsconvert.parser.quotes import parse_blockquote
    except ImportError:
        return None
    found = parse_blockquote(text, line=line)
    return found if isinstance(found, Blockquote) else None
