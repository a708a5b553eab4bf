"""Front-matter lines that pack several pieces of metadata, as Indian news sites print them.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-metaline`).
"""

from __future__ import annotations

from typing import NamedTuple

from newsconvert.errors import NewsconvertError
from newsconvert.parser.bylines import parse_byline
from newsconvert.parser.credits import match_credit
from newsconvert.parser.gazetteer import is_place
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.timestamps import TimestampKind, parse_timestamp
from newsconvert.parser.timezones import ZoneTable
from newsconvert.tree import Byline, Credit, Dateline, Timestamp

__all__ = [
    "RELATIVE",
    "MetaLine",
    "desk_dateline",
    "has_stamp_word",
    "may_be_relative_time",
    "read_meta_line",
    "read_relative_time",
    "relative_time",
]


_HINDI_UNITS = "सेकंड|मिनट|घंटे|घंटा|घंटों|दिन|दिनों|हफ्ते|हफ्ता|सप्ताह|महीने|महीना|साल|वर्ष"
RELATIVE = (
    r"(?:\d{1,3}|an?|one|एक)\s+(?i:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?"
    rf"|years?)\s+ago|(?:\d{{1,3}}|एक)\s+(?:{_HINDI_UNITS})\s+पहले"
)
"""A regular-expression fragment: a relative time (``3 hours ago``, ``2 घंटे पहले``)."""
_RELATIVE_TIME = LazyPattern(RELATIVE)
_LABELS = LazyPattern(
    rf"(?P<relative>{RELATIVE})"
    r"|(?P<byline>(?i:published|posted|written|reported)\s+by\s*:|लेखक\s*:)"
    r"|(?P<stamp>(?i:(?:last\s+)?updated|published)(?!\s+by)(?=[\s:]))"
)
_STAMP_WORD = LazyPattern(r"(?i:updated|published)")
_STAMP_WORDS = ("updated", "published")
# The letters beyond ASCII that the case-insensitive pattern takes for a letter of those words
# (U+0130 and U+0131, dotted and dotless, for ``i``; U+017F, the long s, for ``s``); no other
# letter lowers to one of theirs.
_FOLDED_LETTERS = "\u0130\u0131\u017f"
_BYLINE_COLON = LazyPattern(r"by\s*:|लेखक\s*:")
# What every label holds: the English relative time "ago", the Hindi one "पहले", a byline
# label's "by:" or "लेखक:", a timestamp label's word. Looked for first: a line without any of
# them (most lines, headlines with a colon too) is ruled out without running _LABELS, whose many
# branches cost ~2 µs a character.
_DESK_WORDS = ("desk", "डेस्क")


class MetaLine(NamedTuple):
    """The pieces of one metadata line, each with its words as written."""

    dateline: Dateline | None
    byline: Byline | None
    published: Timestamp | None
    updated: Timestamp | None
    credit: Credit | None = None
    """An editor's credit before the time (``Edited By <name> | <site> | Updated: …``)."""


# A relative time alone on its line, perhaps labelled: ``3 hours ago``, ``Updated 5 mins ago``,
# ``Updated: 2 hours ago``, ``अपडेटेड 2 घंटे पहले``.
_RELATIVE_LABEL_KIND: dict[str, TimestampKind] = {
    "updated": "updated",
    "last updated": "updated",
    "published": "published",
    "posted": "published",
    "अपडेटेड": "updated",
    "अपडेट": "updated",
    "प्रकाशित": "published",
}
_RELATIVE_LINE = LazyPattern(
    r"(?:(?P<label>(?i:last\s+updated|updated|published|posted)|अपडेटेड|अपडेट|प्रकाशित)"
    r"(?:\s+(?i:on))?\s*[:\-\u2013\u2014|]?\s*)?"
    rf"(?:{RELATIVE})"
)
_LONGEST_RELATIVE_LINE = 60


def may_be_relative_time(text: str) -> bool:
    """A quick necessary condition for :func:`read_relative_time`: short, with ``ago`` or
    ``पहले``."""
    return len(text) <= _LONGEST_RELATIVE_LINE and ("ago" in text or "पहले" in text)


def read_relative_time(text: str, line: int) -> tuple[TimestampKind | None, Timestamp] | None:
    """``2 hours ago``, ``Updated 5 mins ago``, ``अपडेटेड 2 घंटे पहले`` alone on the line: the
    label's kind (``None`` without a label) and a timestamp that keeps the line's text, with
    no value (a relative time names no date, and none is invented)."""
    if len(text) > _LONGEST_RELATIVE_LINE:
        return None
    found = _RELATIVE_LINE.fullmatch(text)
    if found is None:
        return None
    label = found["label"]
    kind = None if label is None else _RELATIVE_LABEL_KIND[" ".join(label.lower().split())]
    return kind, Timestamp(text, None, line)


def relative_time(text: str, line: int) -> Timestamp | None:
    """The timestamp of :func:`read_relative_time`, without its kind."""
    found = read_relative_time(text, line)
    return found[1] if found is not None else None


def desk_dateline(text: str, line: int, h: Heuristics = DEFAULT_HEURISTICS) -> Dateline | None:
    """The opening words of a metadata line as a dateline: a known place (``श्रीनगर``), or a
    desk's name with the place last after a comma (``वीडियो डेस्क, अमर उजाला.कॉम, मुंबई``; that
    form names the place even where the gazetteer lacks the name in this script), or a desk's
    name alone (``वीडियो डेस्क/अमर उजाला.कॉम``, no place). ``None`` for other words."""
    if not text or len(text.split()) > h.max_prefix_words:
        return None
    place = text.rsplit(",", 1)[-1].strip()
    desk = any(word in text.lower() for word in _DESK_WORDS)
    if is_place(place) or (desk and "," in text and place and "." not in place):
        return Dateline(text, place, None, None, line)
    return Dateline(text, None, None, None, line) if desk else None


def has_stamp_word(text: str) -> bool:
    """Whether ``text`` holds ``updated`` or ``published`` in any case (what ``_STAMP_WORD``
    finds). Two substring tests on the lowered line: a case-insensitive search costs some
    ten times as much, and the pattern is left only the lines holding a folded letter."""
    if not text.isascii() and any(letter in text for letter in _FOLDED_LETTERS):
        return _STAMP_WORD.search(text) is not None
    lowered = text.lower()
    return _STAMP_WORDS[0] in lowered or _STAMP_WORDS[1] in lowered


def read_meta_line(
    text: str, line: int, zones: ZoneTable, h: Heuristics = DEFAULT_HEURISTICS
) -> MetaLine | None:
    """The pieces of a packed metadata line (see the module docstring), or ``None``."""
    if len(text) > h.max_meta_line_length:
        return None
    if (
        "ago" not in text
        and "पहले" not in text
        and (":" not in text or _BYLINE_COLON.search(text) is None)
        and not has_stamp_word(text)
    ):
        return None
    labels = list(_LABELS.finditer(text))
    if not labels:
        return None
    prefix = text[: labels[0].start()].strip()
    pieces = [
        (found.lastgroup, text[found.start() : end].strip())
        for found, end in zip(labels, [*(f.start() for f in labels[1:]), len(text)], strict=True)
    ]
    dateline: Dateline | None = None
    byline: Byline | None = None
    published: Timestamp | None = None
    updated: Timestamp | None = None
    credit: Credit | None = None
    for position, (kind, piece) in enumerate(pieces):
        if kind == "stamp" and position + 1 < len(pieces) and pieces[position + 1][0] == "relative":
            # ``Updated: 2 hours ago``: the label of the relative time after it.
            labelled = read_relative_time(f"{piece} {pieces[position + 1][1]}", line)
            if labelled is None:
                return None
            pieces[position + 1] = (labelled[0] or "relative", labelled[1].text)
            continue
        if kind == "updated":  # a labelled relative time, joined above
            updated = Timestamp(piece, None, line)
        elif kind == "published":
            if published is not None:
                return None
            published = Timestamp(piece, None, line)
        elif kind == "byline":
            if byline is not None:
                return None
            byline = parse_byline(piece, line=line, h=h)
            if byline is None:
                return None
        elif kind == "relative":
            rest = piece[_RELATIVE_TIME.match(piece).end() :].strip()  # type: ignore[union-attr]
            if rest or published is not None:
                return None
            published = Timestamp(piece, None, line)
        else:
            try:
                found = parse_timestamp(piece, line=line, zones=zones)
            except NewsconvertError:
                return None
            if found is None or found.prefix:
                return None
            if found.kind == "updated":
                updated = found.timestamp
            elif published is None:
                published = found.timestamp
            else:
                return None
    if prefix:
        dateline = desk_dateline(prefix, line, h)
        if dateline is None:
            # ``Edited By <name> | <site> |`` before the time: the editor's credit.
            credit = match_credit(prefix.rstrip(" |\u00b7\u2022-\u2013\u2014"), line=line, h=h)
            if credit is None or (published is None and updated is None):
                return None
    elif byline is None and updated is None:
        return None  # a relative time alone is :func:`relative_time`'s
    return MetaLine(dateline, byline, published, updated, credit)
