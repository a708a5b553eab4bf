"""The time-zone table: abbreviations to IANA zones, overrides, offsets and daylight saving."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newsconvert.errors import ConfigError
from newsconvert.parser.timezones import DEFAULT_ZONES, ZoneTable, parse_zone_override


@pytest.mark.parametrize("abbr", sorted(DEFAULT_ZONES))
def test_every_default_zone_is_a_real_iana_zone(abbr: str) -> None:
    assert ZoneInfo(DEFAULT_ZONES[abbr]).key == DEFAULT_ZONES[abbr]
    assert abbr == abbr.upper()


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("IST", "Asia/Kolkata"),
        ("ist", "Asia/Kolkata"),
        (" IST ", "Asia/Kolkata"),
        ("ET", "America/New_York"),
        ("EDT", "America/New_York"),
        ("PT", "America/Los_Angeles"),
        ("CT", "America/Chicago"),
        ("MT", "America/Denver"),
        ("BST", "Europe/London"),
        ("CEST", "Europe/Berlin"),
        ("AEDT", "Australia/Sydney"),
        ("JST", "Asia/Tokyo"),
        ("SGT", "Asia/Singapore"),
        ("HKT", "Asia/Hong_Kong"),
        ("PKT", "Asia/Karachi"),
        ("NPT", "Asia/Kathmandu"),
        ("SLST", "Asia/Colombo"),
        ("WIB", "Asia/Jakarta"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ],
)
def test_resolve_abbreviations_and_iana_names(written: str, key: str) -> None:
    zone = ZoneTable().resolve(written)
    assert isinstance(zone, ZoneInfo)
    assert zone.key == key


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ("+0530", timedelta(hours=5, minutes=30)),
        ("+05:30", timedelta(hours=5, minutes=30)),
        ("GMT+5:30", timedelta(hours=5, minutes=30)),
        ("UTC-04:00", timedelta(hours=-4)),
        ("UTC+1", timedelta(hours=1)),
        ("\u22120500", timedelta(hours=-5)),
        ("+0000", timedelta(0)),
        ("GMT", timedelta(0)),
        ("UTC", timedelta(0)),
    ],
)
def test_resolve_fixed_offsets(written: str, offset: timedelta) -> None:
    zone = ZoneTable().resolve(written)
    assert zone is not None
    assert datetime(2019, 7, 1, tzinfo=zone).utcoffset() == offset


@pytest.mark.parametrize(
    "written",
    [
        "XYZT",
        "",
        "America",
        "../../etc/passwd",
        "/etc/localtime",
        "+2500",
        "GMT+99",
        "Mars/Olympus",
    ],
)
def test_unknown_zones_resolve_to_none(written: str) -> None:
    assert ZoneTable().resolve(written) is None


def test_resolve_returns_the_cached_zone_object() -> None:
    table = ZoneTable()
    assert table.resolve("IST") is table.resolve("ist")
    assert table.resolve("IST") is ZoneTable().resolve("Asia/Kolkata")


@pytest.mark.parametrize(
    ("abbr", "january", "july"),
    [
        ("ET", -5, -4),
        ("EST", -5, -4),  # sites print EST all year; the zone gives the real offset
        ("EDT", -5, -4),
        ("PT", -8, -7),
        ("BST", 0, 1),
        ("CET", 1, 2),
        ("AEST", 11, 10),  # southern hemisphere: summer in January
        ("IST", 5.5, 5.5),
    ],
)
def test_offsets_follow_daylight_saving_at_the_date(abbr: str, january: float, july: float) -> None:
    zone = ZoneTable().resolve(abbr)
    assert datetime(2020, 1, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=january)
    assert datetime(2020, 7, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=july)


def test_override_replaces_the_default() -> None:
    table = ZoneTable({"IST": "Europe/Dublin"})
    zone = table.resolve("IST")
    assert isinstance(zone, ZoneInfo)
    assert zone.key == "Europe/Dublin"
    assert datetime(2019, 11, 27, 19, 17, tzinfo=zone).utcoffset() == timedelta(0)
    assert datetime(2019, 7, 27, 19, 17, tzinfo=zone).utcoffset() == timedelta(hours=1)
    # The other abbreviations keep their defaults, and the default table is untouched.
    assert table.zone_name("ET") == "America/New_York"
    assert ZoneTable().zone_name("IST") == "Asia/Kolkata"


def test_override_adds_a_new_abbreviation_case_insensitively() -> None:
    table = ZoneTable({"bdst": "Asia/Dhaka"})
    assert table.zone_name("BDST") == "Asia/Dhaka"
    assert "bdst" in table
    assert "XYZT" not in table


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"IST": "Mars/Olympus"}, "Mars/Olympus"),
        ({"IST": "../../etc/passwd"}, "../../etc/passwd"),
        ({"IST": "America"}, "America"),
        ({"IST": ""}, "IST"),
        ({"": "Asia/Kolkata"}, "Asia/Kolkata"),
    ],
)
def test_bad_override_raises_config_error_naming_it(overrides: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError) as raised:
        ZoneTable(overrides)
    assert named in str(raised.value)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("IST=Asia/Kolkata", ("IST", "Asia/Kolkata")),
        (" ist = Europe/Dublin ", ("IST", "Europe/Dublin")),
        ("ET=America/New_York", ("ET", "America/New_York")),
        ("BST=Asia/Dhaka", ("BST", "Asia/Dhaka")),
    ],
)
def test_parse_zone_override(spec: str, expected: tuple[str, str]) -> None:
    assert parse_zone_override(spec) == expected


@pytest.mark.parametrize(
    "spec",
    ["IST", "=Asia/Kolkata", "IST=", "IST=Nowhere/Land", "IST=Asia/Kolkata=x", "1ST=UTC", ""],
)
def test_parse_zone_override_rejects_bad_specs(spec: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_zone_override(spec)
    assert "\n" not in str(raised.value)
