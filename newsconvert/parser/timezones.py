"""Time-zone abbreviations (``IST``, ``ET``, ``BST``) resolved to real zones.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-timezones`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from newsconvert.errors import ConfigError
from newsconvert.parser.patterns import LazyPattern

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["DEFAULT_ZONES", "ZoneTable", "parse_zone_override"]

DEFAULT_ZONES: Mapping[str, str] = MappingProxyType(
    {
        # --- Universal -------------------------------------------------------------------------
        "UTC": "UTC",
        "Z": "UTC",
        # GMT is also London's winter name, but a site that prints "GMT" means +00:00 all year
        # (in summer it prints BST), so it maps to UTC rather than Europe/London.
        "GMT": "UTC",
        # --- South Asia ----------------------------------------------------------------------
        # IST: India (Asia/Kolkata), Irish Standard Time or Israel Standard Time. India by
        # default: it is the zone of the reference article and of most English-language sites
        # that print "IST"; Irish and Israeli sites can override it (IST=Europe/Dublin).
        "IST": "Asia/Kolkata",
        "PKT": "Asia/Karachi",
        "NPT": "Asia/Kathmandu",
        "SLST": "Asia/Colombo",
        # BST is also Bangladesh Standard Time; British Summer Time is by far the commoner use
        # in English-language news, so it maps to Europe/London. Bangladeshi sites: BST=Asia/Dhaka.
        "BDT": "Asia/Dhaka",
        "AFT": "Asia/Kabul",
        "MVT": "Indian/Maldives",
        # --- Europe --------------------------------------------------------------------------
        "BST": "Europe/London",
        "WET": "Europe/Lisbon",
        "WEST": "Europe/Lisbon",
        # CET/CEST: Berlin stands for the whole zone (Paris, Madrid, Rome share its rules).
        "CET": "Europe/Berlin",
        "CEST": "Europe/Berlin",
        "EET": "Europe/Athens",
        "EEST": "Europe/Athens",
        "MSK": "Europe/Moscow",
        # --- Middle East and Africa ----------------------------------------------------------
        "GST": "Asia/Dubai",  # Gulf Standard Time (also South Georgia time, which prints no news)
        "AST": "Asia/Riyadh",  # Arabia Standard Time; Atlantic Standard Time sites override it
        "IDT": "Asia/Jerusalem",  # Israel Daylight Time (unambiguous, unlike IST)
        "EAT": "Africa/Nairobi",
        "CAT": "Africa/Maputo",
        "WAT": "Africa/Lagos",
        "SAST": "Africa/Johannesburg",
        # --- East and South-East Asia --------------------------------------------------------
        "JST": "Asia/Tokyo",
        "KST": "Asia/Seoul",
        "HKT": "Asia/Hong_Kong",
        "SGT": "Asia/Singapore",
        "MYT": "Asia/Kuala_Lumpur",
        "PHT": "Asia/Manila",
        "ICT": "Asia/Bangkok",
        "WIB": "Asia/Jakarta",
        "WITA": "Asia/Makassar",
        "WIT": "Asia/Jayapura",
        # CST is US Central far more often than China Standard Time in English-language news;
        # Chinese sites print "Beijing time" or can override CST=Asia/Shanghai.
        "CST": "America/Chicago",
        # --- Oceania -------------------------------------------------------------------------
        # AEST/AEDT: Sydney (Queensland's Brisbane has no daylight saving; override if needed).
        "AEST": "Australia/Sydney",
        "AEDT": "Australia/Sydney",
        "ACST": "Australia/Adelaide",
        "ACDT": "Australia/Adelaide",
        "AWST": "Australia/Perth",
        "NZST": "Pacific/Auckland",
        "NZDT": "Pacific/Auckland",
        # --- The Americas --------------------------------------------------------------------
        # The generic names (ET, PT, CT, MT) and both the standard and daylight names map to
        # the same zone: sites often print "EST" all year, and the zone gives the real offset.
        "ET": "America/New_York",
        "EST": "America/New_York",
        "EDT": "America/New_York",
        "CT": "America/Chicago",
        "CDT": "America/Chicago",
        # MT/MST/MDT: Denver (Arizona's Phoenix stays on MST all year; override if needed).
        "MT": "America/Denver",
        "MST": "America/Denver",
        "MDT": "America/Denver",
        "PT": "America/Los_Angeles",
        "PST": "America/Los_Angeles",
        "PDT": "America/Los_Angeles",
        "AKST": "America/Anchorage",
        "AKDT": "America/Anchorage",
        "HST": "Pacific/Honolulu",
        "ADT": "America/Halifax",
        "NST": "America/St_Johns",
        "NDT": "America/St_Johns",
        "BRT": "America/Sao_Paulo",
        "ART": "America/Argentina/Buenos_Aires",
    }
)
"""Abbreviation (upper case) → IANA zone name. Ambiguous abbreviations are commented above."""

# An IANA key: path segments of letters, digits, ``_``, ``-``, ``+``. Checked before ZoneInfo is
# asked, so that a user's ``--tz X=../../etc/passwd`` is refused without touching the filesystem.
_IANA_KEY = LazyPattern(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,3}")

# A fixed offset as printed: ``+0530``, ``+05:30``, ``-8``, ``GMT+5:30``, ``UTC-04:00``, ``UTC+1``.
_FIXED_OFFSET = LazyPattern(
    r"(?:GMT|UTC)?\s?(?P<sign>[+\-\u2212])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?",
    re.IGNORECASE,
)

# ``ABBR=Zone/Name``; both sides trimmed.
_OVERRIDE = LazyPattern(r"\s*(?P<abbr>[A-Za-z][A-Za-z0-9]{0,9})\s*=\s*(?P<zone>\S+)\s*")


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo | None:
    """The zone called ``name``, or ``None`` if there is no such zone. Cached: loading one
    reads a file, and the parser asks for the same few zones over and over. :mod:`zoneinfo`
    is imported here, by the first article that names a zone (its import reads the
    interpreter's build configuration)."""
    if not _IANA_KEY.fullmatch(name):
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: the name is a folder of the database (``America``), not a zone.
        return None


@lru_cache(maxsize=64)
def _fixed_offset(spec: str) -> timezone | None:
    """A fixed-offset zone for ``+0530``/``GMT+5:30``-style text, or ``None``."""
    match = _FIXED_OFFSET.fullmatch(spec.strip())
    if match is None:
        return None
    hours = int(match["hours"])
    minutes = int(match["minutes"] or 0)
    if hours > 14 or minutes > 59:
        return None
    offset = timedelta(hours=hours, minutes=minutes)
    if match["sign"] != "+":
        offset = -offset
    if not offset:
        return UTC
    return timezone(offset)


def _validated_zone_name(abbr: str, name: str) -> str:
    """``name`` if it is a real IANA zone, else a :class:`ConfigError` naming the entry."""
    if _zone(name) is None:
        raise ConfigError(
            f"unknown time zone {name!r} for {abbr!r} (expected an IANA name such as Asia/Kolkata)"
        )
    return name


class ZoneTable:
    """Time-zone abbreviations resolved to :class:`~datetime.tzinfo` objects.

    The built-in :data:`DEFAULT_ZONES`, with ``overrides`` (abbreviation → IANA name) on top.
    Every override is checked when the table is built, so a typo fails at once with a
    :class:`~newsconvert.errors.ConfigError`, not halfway through a batch.
    """

    __slots__ = ("_names",)

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        names = dict(DEFAULT_ZONES)
        for abbr, name in (overrides or {}).items():
            key = abbr.strip().upper()
            if not key:
                raise ConfigError(f"empty time-zone abbreviation in {abbr}={name}")
            names[key] = _validated_zone_name(abbr, name.strip())
        self._names: dict[str, str] = names

    def zone_name(self, abbr: str) -> str | None:
        """The IANA name ``abbr`` maps to in this table (case-insensitive), or ``None``."""
        return self._names.get(abbr.strip().upper())

    def resolve(self, abbr: str) -> tzinfo | None:
        """The zone for ``abbr``: an abbreviation of the table (``ist``, ``EST``), an IANA name
        (``Asia/Kolkata``), or a fixed offset (``+0530``, ``GMT+5:30``). ``None`` if unknown."""
        text = abbr.strip()
        name = self._names.get(text.upper())
        if name is not None:
            return _zone(name)
        if "/" in text:
            return _zone(text)
        if text[:1] in "+-\u2212" or text[:3].upper() in ("GMT", "UTC"):
            return _fixed_offset(text)
        return None

    def __contains__(self, abbr: object) -> bool:
        return isinstance(abbr, str) and self.resolve(abbr) is not None

    def __repr__(self) -> str:
        changed = {k: v for k, v in self._names.items() if DEFAULT_ZONES.get(k) != v}
        return f"ZoneTable({changed!r})"


_TABLES: dict[tuple[tuple[str, str], ...], ZoneTable] = {}
MAX_CACHED_ZONE_TABLES = 16
"""Zone tables kept for reuse (a batch passes the same overrides for every article; building a
table copies and validates the whole table)."""


def zone_table(overrides: Mapping[str, str] | None = None) -> ZoneTable:
    """The :class:`ZoneTable` for ``overrides`` (``None``: the built-in table), built once and
    kept: the one cache of zone tables, used by the parser, the timestamp recogniser and the
    readers. Raises :class:`~newsconvert.errors.ConfigError` for a bad override (nothing is
    cached then)."""
    key = tuple(sorted(overrides.items())) if overrides else ()
    table = _TABLES.get(key)
    if table is None:
        table = ZoneTable(overrides)
        if len(_TABLES) >= MAX_CACHED_ZONE_TABLES:
            _TABLES.clear()
        _TABLES[key] = table
    return table


def parse_zone_override(spec: str) -> tuple[str, str]:
    """Split a ``--tz`` value such as ``IST=Asia/Kolkata`` into ``("IST", "Asia/Kolkata")``.

    Raises :class:`~newsconvert.errors.ConfigError` for text that is not ``ABBR=Zone`` or names
    a zone that does not exist.
    """
    match = _OVERRIDE.fullmatch(spec)
    if match is None:
        raise ConfigError(
            f"bad time-zone override {spec!r} (expected ABBR=Area/City, e.g. IST=Asia/Kolkata)"
        )
    abbr = match["abbr"].upper()
    return abbr, _validated_zone_name(abbr, match["zone"])
