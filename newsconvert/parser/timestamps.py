"""Publication and update timestamps: ``Published 19:17 IST, November 27th 2019``.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-timestamps`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Literal, NamedTuple
from unicodedata import normalize

from newsconvert.errors import ParseError
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.timezones import ZoneTable, zone_table
from newsconvert.tree import Timestamp

__all__ = ["TimestampMatch", "may_be_timestamp", "parse_timestamp"]

TimestampKind = Literal["published", "updated"]

MAX_TIMESTAMP_LENGTH = 160
"""Longer lines are never timestamps (the longest real ones, with a byline, are ~70 chars)."""

MIN_YEAR = 1000
"""Earlier four-digit years (``0000``, ``0019``) are typing errors, not dates: they are refused
like an impossible day."""

MAX_YEAR = 9998
"""Later years are refused too, so that converting any value to UTC stays within ``datetime``."""


class TimestampMatch(NamedTuple):
    """A line recognised as a timestamp."""

    timestamp: Timestamp
    """The node: verbatim text, value, zone, place."""
    kind: TimestampKind | None
    """``published`` or ``updated`` from the label, ``None`` when the line has no label."""
    prefix: str
    """Words before the timestamp that are not part of it (a byline: ``by Staff Writer``)."""
    unknown_zone: str | None = None
    """The zone as written when it names no known zone (then ``timestamp.value`` is ``None``)."""
    has_time: bool = True
    """False when the line gives a date only (the value is then midnight, naive)."""


# --- The pieces of a timestamp line ------------------------------------------------------------

# Month names in fixed English (``calendar.month_name`` would follow the process's LC_TIME and
# stop reading English dates on a host that called ``locale.setlocale``) and in Hindi, both
# spellings of those written two ways. Devanagari names are compared in NFC; the pattern also
# takes the precomposed nukta letters (``फ़`` U+095E) that NFC never produces but scrapes hold.
_ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_HINDI_MONTHS = (
    ("जनवरी",),
    ("फ़रवरी", "फरवरी"),
    ("मार्च",),
    ("अप्रैल", "अप्रेल"),
    ("मई",),
    ("जून",),
    ("जुलाई",),
    ("अगस्त",),
    ("सितंबर", "सितम्बर"),
    ("अक्टूबर", "अक्तूबर"),
    ("नवंबर", "नवम्बर"),
    ("दिसंबर", "दिसम्बर"),
)
_HINDI_WEEKDAYS = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "बृहस्पतिवार", "शुक्रवार", "शनिवार", "रविवार")
# The nukta letters U+0958-U+095F, by their NFC (decomposed) spelling.
_PRECOMPOSED_NUKTA = {normalize("NFC", chr(code)): chr(code) for code in range(0x958, 0x960)}


def _devanagari_alternatives(words: Iterable[str]) -> str:
    """A pattern for ``words`` in NFC and with their nukta letters precomposed."""
    spellings: set[str] = set()
    for word in words:
        nfc = normalize("NFC", word)
        precomposed = nfc
        for decomposed, letter in _PRECOMPOSED_NUKTA.items():
            precomposed = precomposed.replace(decomposed, letter)
        spellings.update((nfc, precomposed))
    return "|".join(sorted(spellings, key=len, reverse=True))


_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_ENGLISH_MONTHS, start=1):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
for _number, _names in enumerate(_HINDI_MONTHS, start=1):
    for _name in _names:
        _MONTHS[normalize("NFC", _name)] = _number
_MONTHS["sept"] = 9

# After a Devanagari word: no further letter or sign of the script.
_DEVANAGARI_END = r"(?![\u0900-\u097f])"
_MONTH = (
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
    rf"|(?:{_devanagari_alternatives(name for names in _HINDI_MONTHS for name in names)})"
    rf"{_DEVANAGARI_END})"
)
_WEEKDAY = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?![a-z])\.?"
    rf"|(?:{_devanagari_alternatives(_HINDI_WEEKDAYS)}){_DEVANAGARI_END}),?\s*"
)
_DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"[0-9]{4}(?![0-9])"

# Labels, longest first so that ``Last updated`` is not read as ``Last`` + junk.
_PUBLISHED_LABELS = (
    "first published",
    "published date",
    "publish date",
    "published",
    "posted",
    "created",
    "released",
    "submitted",
    "written",
    "प्रकाशित",
)
_UPDATED_LABELS = (
    "last updated",
    "last modified",
    "last edited",
    "updated date",
    "updated",
    "modified",
    "edited",
    "revised",
    "अपडेटेड",
    "अपडेट",
)
_NEUTRAL_LABELS = ("dated", "date")
_LABEL_KIND: dict[str, TimestampKind | None] = {
    **{label: "published" for label in _PUBLISHED_LABELS},
    **{label: "updated" for label in _UPDATED_LABELS},
    **{label: None for label in _NEUTRAL_LABELS},
}
_LABEL = LazyPattern(
    r"(?i:(?P<label>"
    + "|".join(sorted((label.replace(" ", r"\s+") for label in _LABEL_KIND), key=len, reverse=True))
    + r")(?:\s+(?:on|at))?)(?![A-Za-z\u0900-\u097f])\s*(?:[:\-\u2013\u2014|]\s*)?"
)

# A date, in one of its orders. Group names carry the order's letter (Python's ``re`` forbids
# reusing a name across alternatives).
_DATE = LazyPattern(
    rf"(?:{_WEEKDAY})?(?:"
    # November 27th 2019 / Jul 23, 2019 / Nov. 27, 2019
    rf"(?P<a_month>{_MONTH})\s*(?P<a_day>{_DAY}),?\s*(?P<a_year>{_YEAR})"
    # 29 November 2019 / 28 Nov, 2019 / 27th of November 2019 / 28-Nov-2019
    rf"|(?P<b_day>{_DAY})(?:\s+of)?[\s\-](?P<b_month>{_MONTH}),?[\s\-](?P<b_year>{_YEAR})"
    # 2019-11-27 (ISO 8601; checked before the day-first numeric form)
    r"|(?P<iso_year>[0-9]{4})-(?P<iso_month>[0-9]{2})-(?P<iso_day>[0-9]{2})(?![0-9])"
    # 28-11-2019 / 28/11/2019 / 28.11.2019
    r"|(?P<n_first>[0-9]{1,2})(?P<n_sep>[\-/.])(?P<n_second>[0-9]{1,2})(?P=n_sep)(?P<n_year>[0-9]{4})(?![0-9])"
    r")"
)

_TIME = LazyPattern(
    r"(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:\.[0-9]{1,9})?)?)?(?![0-9])"
    r"(?:\s?(?P<ampm>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?"
    r"(?:\s?(?i:hrs|hr|hours)\.?(?![A-Za-z]))?"
)

# A zone right after the time: ``IST``, ``(IST)``, ``GMT+5:30``, ``+05:30``, ``Z``.
_ZONE_TOKEN = (
    r"(?:GMT|UTC)\s?[+\-\u2212][0-9]{1,2}(?::?[0-9]{2})?(?![0-9])"
    r"|[+\-\u2212][0-9]{2}:?[0-9]{2}(?![0-9])"
    r"|(?!(?:AM|PM)(?![A-Z]))[A-Z]{2,5}(?![A-Za-z])"
)
_ZONE = LazyPattern(rf"\s*(?:\((?P<paren>{_ZONE_TOKEN})\)|(?P<zone>{_ZONE_TOKEN}))")
_ISO_ZONE = LazyPattern(r"Z(?![A-Za-z])|[+\-][0-9]{2}:?[0-9]{2}(?![0-9])")

# Between date and time, in either order: ``, `` `` | `` `` - `` `` at `` `` on `` or a space.
_SEPARATOR = LazyPattern(r"\s*(?:[,|\-\u2013\u2014\u00b7\u2022@/]|(?i:at|on)(?![A-Za-z]))?\s*")

# A place after the time: ``… IST - COLOMBO``; capitalised words only.
_PLACE_WORD = r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f.'\u2019]{0,30}"
_PLACE = LazyPattern(
    rf"\s*[,|\-\u2013\u2014]\s*(?P<place>{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,3}})\s*"
)

# A byline run into the timestamp: ``by Staff Writer 28-11-2019``, ``Jane Doe | Nov 27, 2019``.
_NAME_WORD = r"[A-Z][\w'\u2019.\-]{0,30}"
_PREFIX = LazyPattern(
    rf"(?P<by>(?i:by)\s+)?(?P<words>{_NAME_WORD}(?:\s+(?:(?:and|&)\s+)?{_NAME_WORD}){{0,4}})"
    r"(?P<sep>\s*[|\u00b7\u2022\-\u2013\u2014]\s*|\s+)"
)
# A label with the byline inside it: ``Posted by Jane Doe on November 27, 2019``. The prefix is
# ``Posted by Jane Doe``; the timestamp's text keeps ``on`` (so every word is somewhere).
_LABELLED_PREFIX = LazyPattern(
    rf"(?P<label>(?i:posted|published|written|submitted|updated|edited)\s+by)\s+"
    rf"(?P<words>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
    r"(?P<sep>\s+(?i:on|at)\s+|\s*[|,\u00b7\u2022\-\u2013\u2014]\s*)"
)

_BYLINE_SEPARATORS = frozenset({"|", "\u00b7", "\u2022"})
_QUICK_REJECT_LENGTH = MAX_TIMESTAMP_LENGTH


def may_be_timestamp(text: str) -> bool:
    """A quick necessary condition for :func:`parse_timestamp`: short, with a digit."""
    return len(text) <= MAX_TIMESTAMP_LENGTH and has_ascii_digit(text)


def has_ascii_digit(text: str) -> bool:
    """Whether ``text`` holds a digit 0-9."""
    # Ten memchr-fast substring tests cost a fraction of one regular-expression scan.
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


def _default_zones() -> ZoneTable:
    return zone_table()


# --- Reading ------------------------------------------------------------------------------------


class _Reading:
    """What the scan of one line found, before validation (filled in as the scan goes)."""

    __slots__ = ("date", "kind", "labelled", "place", "time", "zone")

    def __init__(self) -> None:
        self.kind: TimestampKind | None = None
        self.labelled = False
        self.date: re.Match[str] | None = None
        self.time: re.Match[str] | None = None
        self.zone: str | None = None
        self.place: str | None = None


def _read_zone(text: str, pos: int, reading: _Reading) -> int:
    if reading.zone is not None:
        return pos
    if reading.date is not None and reading.date["iso_year"] and reading.time is not None:
        iso = _ISO_ZONE.match(text, pos)
        if iso is not None:
            reading.zone = iso.group()
            return iso.end()
    zone = _ZONE.match(text, pos)
    if zone is not None:
        # Exactly one of the two groups (``paren``, ``zone``) took part; the last to close is
        # it (cheaper than two lookups by name).
        reading.zone = zone[zone.lastindex]  # type: ignore[index]
        return zone.end()
    return pos


def _scan(text: str, pos: int) -> _Reading | None:
    """Read ``text[pos:]`` as label? (date [sep time] | time [sep date]) zone? place?; ``None``
    unless the whole rest of the line is consumed."""
    reading = _Reading()
    end = len(text)
    label = _LABEL.match(text, pos)
    if label is not None:
        reading.labelled = True
        written = label["label"].lower()
        if written not in _LABEL_KIND:
            written = " ".join(written.split())
        reading.kind = _LABEL_KIND[written]
        pos = label.end()

    # ``19:17``: a colon after one or two digits starts a time, never a date (no date form
    # uses a colon), so the date pattern is not tried there.
    colon = text.find(":", pos + 1, pos + 3)
    date = _DATE.match(text, pos) if colon < 0 or not text[pos:colon].isdigit() else None
    if date is not None:
        reading.date = date
        pos = date.end()
        if date["iso_year"] and text.startswith("T", pos):
            separator_end = pos + 1
        else:
            separator_end = _SEPARATOR.match(text, pos).end()  # type: ignore[union-attr]
        time = _TIME.match(text, separator_end)
        if time is not None and _is_time(time):
            reading.time = time
            pos = _read_zone(text, time.end(), reading)
    else:
        time = _TIME.match(text, pos)
        if time is None or not _is_time(time):
            return None
        reading.time = time
        pos = _read_zone(text, time.end(), reading)
        separator_end = _SEPARATOR.match(text, pos).end()  # type: ignore[union-attr]
        date = _DATE.match(text, separator_end)
        if date is None:
            return None
        reading.date = date
        pos = date.end()

    if reading.time is not None and reading.zone is None:
        pos = _read_zone(text, pos, reading)
    if pos < end:
        place = _PLACE.match(text, pos)
        if place is not None and place.end() == end:
            reading.place = place["place"]
            pos = end
    if text[pos:].strip():
        return None
    return reading


def _is_time(match: re.Match[str]) -> bool:
    """A bare number is a time only with ``am``/``pm`` (``4pm``); otherwise it needs minutes."""
    return match["minute"] is not None or match["ampm"] is not None


def _date_parts(date: re.Match[str], line: int, strict: bool) -> tuple[int, int, int] | None:
    """(year, month, day) of a date match; ``None`` for a numeric date that is no date."""
    # The last group to close names the form that matched (one lookup instead of three).
    form = date.lastgroup
    # ``group`` with several names reads them in one call.
    if form == "a_year":
        year, month_name, day_text = date.group("a_year", "a_month", "a_day")
        month, day = _month(month_name), _day(day_text)
        named = True
    elif form == "b_year":
        year, month_name, day_text = date.group("b_year", "b_month", "b_day")
        month, day = _month(month_name), _day(day_text)
        named = True
    elif form == "iso_day":
        year, month_text, day_text = date.group("iso_year", "iso_month", "iso_day")
        month, day = int(month_text), int(day_text)
        named = False
    else:
        first_text, second_text = date.group("n_first", "n_second")
        first, second = int(first_text), int(second_text)
        # Day first (28-11-2019), the order of most of the world. A slash date whose second
        # number cannot be a month (11/28/2019) is read month first, the US order.
        if date["n_sep"] == "/" and first <= 12 < second:
            first, second = second, first
        year, month, day = date["n_year"], second, first
        named = False
    year_number = int(year)
    if (
        not MIN_YEAR <= year_number <= MAX_YEAR
        or not 1 <= month <= 12
        or not 1 <= day <= _days_in_month(year_number, month)
    ):
        if named or strict:
            raise ParseError(f"not a real date: {date.group().strip()!r}", line=line)
        return None
    return year_number, month, day


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    # February of a Gregorian leap year (``calendar.isleap``; the module is not worth importing
    # for one test).
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


def _month(text: str) -> int:
    key = text.rstrip(".").lower()
    if not key.isascii():
        key = normalize("NFC", key)
    return _MONTHS.get(key) or _MONTHS[key[:3]]


def _day(text: str) -> int:
    return int(text[:2] if text[:2].isdigit() else text[:1])


def _time_parts(time: re.Match[str], line: int) -> tuple[int, int, int]:
    hour_text, minute_text, second_text, ampm_text = time.group("hour", "minute", "second", "ampm")
    hour = int(hour_text)
    minute = int(minute_text) if minute_text else 0
    second = int(second_text) if second_text else 0
    ampm = ampm_text.lower() if ampm_text else ""
    if ampm:
        if (hour > 12 and ampm == "a") or (hour == 0 and ampm == "p"):
            raise ParseError(f"not a real time: {time.group().strip()!r}", line=line)
        if hour <= 12:
            # 12 am is midnight, 12 pm is noon. A 24-hour clock with a stray "pm" (13:22 pm)
            # keeps its hour: the number is unambiguous.
            hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ParseError(f"not a real time: {time.group().strip()!r}", line=line)
    return hour, minute, second


def parse_timestamp(
    text: str, *, line: int = 0, zones: ZoneTable | None = None
) -> TimestampMatch | None:
    """The timestamp on ``text`` (one source line), or ``None`` if the line is not one.

    ``zones`` resolves abbreviations (default: :class:`ZoneTable` with the built-in table).
    Raises :class:`~newsconvert.errors.ParseError` (with ``line``) when the line is plainly a
    timestamp but names a date or time that does not exist (``February 30th 2019``, ``25:61``).
    """
    if len(text) > _QUICK_REJECT_LENGTH or not has_ascii_digit(text):
        return None
    stripped = text.strip()
    start = 0
    reading = _scan(stripped, 0)
    prefix = ""
    if reading is None:
        labelled = _LABELLED_PREFIX.match(stripped)
        if labelled is not None:
            reading = _scan(stripped, labelled.end())
            if reading is None or reading.labelled:
                return None
            reading.labelled = True
            reading.kind = _LABEL_KIND[labelled["label"].split()[0].lower()]
            prefix = stripped[: labelled.end("words")]
            # The timestamp's text starts at ``on``/``at`` (a separator is dropped).
            start = labelled.end("words")
            separator = labelled["sep"].strip()
            if not separator.isalpha():
                start = labelled.end()
            return _build(
                stripped[start:].strip(), reading, prefix, line, zones or _default_zones()
            )
        # Without ``by``, only a byline separator (``|``, ``·``, ``•``) sets a name apart:
        # ``Results - 28 November 2019`` is a title, not a byline. Lines with neither (most
        # sentences that hold a number) are refused before the prefix pattern runs.
        if (
            stripped[:2].lower() != "by"
            and "|" not in stripped
            and "\u00b7" not in stripped
            and "\u2022" not in stripped
        ):
            return None
        found = _PREFIX.match(stripped)
        if found is None or not (found["by"] or found["sep"].strip() in _BYLINE_SEPARATORS):
            return None
        start = found.end()
        reading = _scan(stripped, start)
        if reading is None:
            return None
        prefix = stripped[: found.start("sep")]
    return _build(stripped[start:], reading, prefix, line, zones or _default_zones())


def _build(
    text: str, reading: _Reading, prefix: str, line: int, zones: ZoneTable
) -> TimestampMatch | None:
    assert reading.date is not None
    parts = _date_parts(reading.date, line, strict=reading.labelled)
    if parts is None:
        return None
    year, month, day = parts
    hour = minute = second = 0
    if reading.time is not None:
        hour, minute, second = _time_parts(reading.time, line)
    value: datetime | None
    unknown_zone = None
    if reading.zone is not None:
        zone = zones.resolve(reading.zone)
        if zone is None:
            unknown_zone = reading.zone
            value = None
        else:
            value = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    else:
        value = datetime(year, month, day, hour, minute, second)
    # Positional arguments: a frozen dataclass's ``__init__`` is markedly slower with keywords.
    timestamp = Timestamp(text, value, line, reading.zone, reading.place)
    return TimestampMatch(timestamp, reading.kind, prefix, unknown_zone, reading.time is not None)
