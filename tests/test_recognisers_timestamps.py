"""Timestamp lines: every form FORMAT.md quotes, common neighbours, and lines that are not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import recogniser_cases

from newsconvert.errors import ParseError
from newsconvert.parser.timestamps import TimestampMatch, parse_timestamp
from newsconvert.parser.timezones import ZoneTable

CASES = recogniser_cases("timestamps")
"""The forms and what they give, offsets that follow daylight saving included. The cases that fit
in a few lines are in ``tests/data/recognisers/timestamps.txt``, keyed by what they test."""


@pytest.mark.parametrize("case", CASES, ids=[case["line"] for case in CASES])
def test_timestamp_forms(case: dict[str, str]) -> None:
    found = parse_timestamp(case["line"], line=7)
    assert found is not None
    assert (found.kind, found.prefix) == (case.get("kind"), case.get("prefix", ""))
    stamp = found.timestamp
    assert (stamp.text, stamp.iso, stamp.zone, stamp.place, stamp.line) == (
        case.get("text", case["line"]),
        case["value"],
        case.get("zone"),
        case.get("place"),
        7,
    )
    assert found.unknown_zone is None


def test_a_date_alone_says_it_has_no_time() -> None:
    found = parse_timestamp("December 28, 2014")
    assert found is not None and not found.has_time
    found = parse_timestamp("December 28, 2014 10:00")
    assert found is not None and found.has_time


def test_no_zone_means_a_naive_value() -> None:
    found = parse_timestamp("Published Jul 23, 2019 at 4:20pm")
    assert found is not None and found.timestamp.value is not None
    assert found.timestamp.value.tzinfo is None


def test_override_changes_the_offset() -> None:
    dublin = ZoneTable({"IST": "Europe/Dublin"})
    found = parse_timestamp("Published 19:17 IST, November 27th 2019", zones=dublin)
    assert found is not None
    assert found.timestamp.iso == "2019-11-27T19:17:00+00:00"
    found = parse_timestamp("Published 19:17 IST, July 27th 2019", zones=dublin)
    assert found is not None
    assert found.timestamp.iso == "2019-07-27T19:17:00+01:00"


def test_unknown_zone_gives_no_value_and_names_the_zone() -> None:
    found = parse_timestamp("Updated 10:00 XYZT, July 5, 2020", line=3)
    assert isinstance(found, TimestampMatch)
    assert found.timestamp.value is None
    assert found.unknown_zone == "XYZT"
    assert found.timestamp.zone == "XYZT"
    assert found.timestamp.text == "Updated 10:00 XYZT, July 5, 2020"
    assert found.kind == "updated"


IMPOSSIBLE = recogniser_cases("timestamps", "impossible")


@pytest.mark.parametrize("case", IMPOSSIBLE, ids=[case["impossible"] for case in IMPOSSIBLE])
def test_impossible_dates_raise_parse_error_with_the_line(case: dict[str, str]) -> None:
    with pytest.raises(ParseError) as raised:
        parse_timestamp(case["impossible"], line=12)
    assert raised.value.line == 12
    assert case["shown"] in raised.value.message


def test_leap_day_is_a_real_date() -> None:
    found = parse_timestamp("Published 10:00 IST, February 29th 2020")
    assert found is not None and found.timestamp.iso == "2020-02-29T10:00:00+05:30"


NOT_TIMESTAMPS = [case["not"] for case in recogniser_cases("timestamps", "not")]


@pytest.mark.parametrize("text", NOT_TIMESTAMPS)
def test_lines_that_are_not_timestamps(text: str) -> None:
    assert parse_timestamp(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "Published " + "1:" * 50_000,
        "Published 19:17 IST, " + "November 27th " * 8_000,
        "by " + "Staff " * 20_000 + "28-11-2019",
        "2019-11-27T" + "1" * 100_000,
        "November 27, 2019 " + " " * 100_000 + "08:29 AM",
        "\u201c" * 100_000,
    ],
)
def test_worst_case_long_inputs_are_rejected(text: str) -> None:
    assert parse_timestamp(text) is None


def test_corpus_timestamps(corpus_dir: Path) -> None:
    """Over the whole corpus only the reference article's two lines are timestamps."""
    found: list[tuple[str, int, str | None]] = []
    for path in sorted(corpus_dir.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            match = parse_timestamp(line, line=number)
            if match is not None:
                found.append((path.name, number, match.timestamp.iso))
    assert found == [
        ("000_37575f6eff0020da.txt", 1, "2019-11-27T19:17:00+05:30"),
        ("000_37575f6eff0020da.txt", 12, "2019-11-27T19:34:00+05:30"),
    ]


def test_english_month_names_do_not_follow_the_locale() -> None:
    """A host whose LC_TIME names the months in another language (``calendar.month_name``
    follows it) still reads English dates. A real process, with German month names in place
    before the parser is imported."""
    script = (
        "import calendar\n"
        "calendar.month_name = ['', 'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli',"
        " 'August', 'September', 'Oktober', 'November', 'Dezember']\n"
        "from newsconvert.parser.timestamps import parse_timestamp\n"
        "print(parse_timestamp('Published March 3, 2024 10:05').timestamp.iso)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert (done.returncode, done.stdout.strip()) == (0, "2024-03-03T10:05:00"), done.stderr
