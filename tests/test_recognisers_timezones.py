"""The time-zone table: abbreviations to IANA zones, overrides, offsets and daylight saving."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import recogniser_cases

from newsconvert.errors import ConfigError
from newsconvert.parser.timezones import DEFAULT_ZONES, ZoneTable, parse_zone_override


@pytest.mark.parametrize("abbr", sorted(DEFAULT_ZONES))
def test_every_default_zone_is_a_real_iana_zone(abbr: str) -> None:
    assert ZoneInfo(DEFAULT_ZONES[abbr]).key == DEFAULT_ZONES[abbr]
    assert abbr == abbr.upper()


ZONES = recogniser_cases("timezones", "zone")
"""Zones as written and what they resolve to. The cases that fit in a few lines are in
``tests/data/recognisers/timezones.txt``, keyed by what they test."""


def offset(written: str) -> timedelta:
    """``+05:30`` as a ``timedelta``."""
    sign = -1 if written.startswith("-") else 1
    hours, minutes = written[1:].split(":")
    return sign * timedelta(hours=int(hours), minutes=int(minutes))


@pytest.mark.parametrize("case", ZONES, ids=[case["zone"] for case in ZONES])
def test_resolve_zones_as_written(case: dict[str, str]) -> None:
    zone = ZoneTable().resolve(case["zone"])
    assert zone is not None
    if "key" in case:  # an abbreviation or IANA name: the IANA zone
        assert isinstance(zone, ZoneInfo)
        assert zone.key == case["key"]
    else:  # a fixed offset
        assert datetime(2019, 7, 1, tzinfo=zone).utcoffset() == offset(case["offset"])


@pytest.mark.parametrize(
    "written", [case["unknown"] for case in recogniser_cases("timezones", "unknown")]
)
def test_unknown_zones_resolve_to_none(written: str) -> None:
    assert ZoneTable().resolve(written) is None


def test_resolve_returns_the_cached_zone_object() -> None:
    table = ZoneTable()
    assert table.resolve("IST") is table.resolve("ist")
    assert table.resolve("IST") is ZoneTable().resolve("Asia/Kolkata")


SEASONAL = recogniser_cases("timezones", "seasonal")


@pytest.mark.parametrize("case", SEASONAL, ids=[case["seasonal"] for case in SEASONAL])
def test_offsets_follow_daylight_saving_at_the_date(case: dict[str, str]) -> None:
    zone = ZoneTable().resolve(case["seasonal"])
    assert datetime(2020, 1, 15, 12, tzinfo=zone).utcoffset() == offset(case["january"])
    assert datetime(2020, 7, 15, 12, tzinfo=zone).utcoffset() == offset(case["july"])


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


BAD_OVERRIDES = recogniser_cases("timezones", "override")


@pytest.mark.parametrize("case", BAD_OVERRIDES, ids=[case["names"] for case in BAD_OVERRIDES])
def test_bad_override_raises_config_error_naming_it(case: dict[str, Any]) -> None:
    with pytest.raises(ConfigError) as raised:
        ZoneTable(case["override"])
    assert case["names"] in str(raised.value)


SPECS = recogniser_cases("timezones", "spec")


@pytest.mark.parametrize("case", SPECS, ids=[case["spec"] for case in SPECS])
def test_parse_zone_override(case: dict[str, str]) -> None:
    assert parse_zone_override(case["spec"]) == (case["abbreviation"], case["target"])


@pytest.mark.parametrize(
    "spec", [case["bad-spec"] for case in recogniser_cases("timezones", "bad-spec")]
)
def test_parse_zone_override_rejects_bad_specs(spec: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_zone_override(spec)
    assert "\n" not in str(raised.value)
