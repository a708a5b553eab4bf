"""Timestamp lines: every form FORMAT.md quotes, common neighbours, and lines that are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsconvert.errors import ParseError
from newsconvert.parser.timestamps import TimestampMatch, parse_timestamp
from newsconvert.parser.timezones import ZoneTable

# text, kind, prefix, Timestamp.text, ISO value, zone, place
CASES = [
    # FORMAT.md, the reference article (lines 1 and 12)
    (
        "Published 19:17 IST, November 27th 2019",
        "published",
        "",
        "Published 19:17 IST, November 27th 2019",
        "2019-11-27T19:17:00+05:30",
        "IST",
        None,
    ),
    (
        "Updated 19:34 IST, November 27th 2019",
        "updated",
        "",
        "Updated 19:34 IST, November 27th 2019",
        "2019-11-27T19:34:00+05:30",
        "IST",
        None,
    ),
    # FORMAT.md, the other forms
    (
        "Updated - November 28, 2021 11:09 am IST",
        "updated",
        "",
        "Updated - November 28, 2021 11:09 am IST",
        "2021-11-28T11:09:00+05:30",
        "IST",
        None,
    ),
    (
        "Published - November 19, 2019 08:56 pm IST - COLOMBO",
        "published",
        "",
        "Published - November 19, 2019 08:56 pm IST - COLOMBO",
        "2019-11-19T20:56:00+05:30",
        "IST",
        "COLOMBO",
    ),
    (
        "Updated:November 29, 2019, 7:47 PM IST",
        "updated",
        "",
        "Updated:November 29, 2019, 7:47 PM IST",
        "2019-11-29T19:47:00+05:30",
        "IST",
        None,
    ),
    (
        "Updated: 7:28am, 28 Nov, 2019",
        "updated",
        "",
        "Updated: 7:28am, 28 Nov, 2019",
        "2019-11-28T07:28:00",
        None,
        None,
    ),
    (
        "Published Jul 23, 2019 at 4:20pm",
        "published",
        "",
        "Published Jul 23, 2019 at 4:20pm",
        "2019-07-23T16:20:00",
        None,
        None,
    ),
    (
        "November 27, 2019 08:29 AM",
        None,
        "",
        "November 27, 2019 08:29 AM",
        "2019-11-27T08:29:00",
        None,
        None,
    ),
    (
        "Friday, 29 November 2019 - 13:22",
        None,
        "",
        "Friday, 29 November 2019 - 13:22",
        "2019-11-29T13:22:00",
        None,
        None,
    ),
    (
        "by Staff Writer 28-11-2019 | 9:18 AM",
        None,
        "by Staff Writer",
        "28-11-2019 | 9:18 AM",
        "2019-11-28T09:18:00",
        None,
        None,
    ),
    # Neighbours
    (
        "2019-11-27T19:17:00+05:30",
        None,
        "",
        "2019-11-27T19:17:00+05:30",
        "2019-11-27T19:17:00+05:30",
        "+05:30",
        None,
    ),
    (
        "Modified: 2019-11-27T13:47:00Z",
        "updated",
        "",
        "Modified: 2019-11-27T13:47:00Z",
        "2019-11-27T13:47:00+00:00",
        "Z",
        None,
    ),
    (
        "Posted: Thursday, October 17, 2013, 8:09 PM",
        "published",
        "",
        "Posted: Thursday, October 17, 2013, 8:09 PM",
        "2013-10-17T20:09:00",
        None,
        None,
    ),
    (
        "First published on Wed 27 Nov 2019 13.47 GMT",
        "published",
        "",
        "First published on Wed 27 Nov 2019 13.47 GMT",
        "2019-11-27T13:47:00+00:00",
        "GMT",
        None,
    ),
    (
        "Last updated: Nov 27, 2019, 19:17 IST",
        "updated",
        "",
        "Last updated: Nov 27, 2019, 19:17 IST",
        "2019-11-27T19:17:00+05:30",
        "IST",
        None,
    ),
    (
        "Last Modified 27/11/2019 19:17",
        "updated",
        "",
        "Last Modified 27/11/2019 19:17",
        "2019-11-27T19:17:00",
        None,
        None,
    ),
    ("11/28/2019 9:18 AM", None, "", "11/28/2019 9:18 AM", "2019-11-28T09:18:00", None, None),
    (
        "Wed, 27 Nov 2019 19:17:00 +0530",
        None,
        "",
        "Wed, 27 Nov 2019 19:17:00 +0530",
        "2019-11-27T19:17:00+05:30",
        "+0530",
        None,
    ),
    (
        "Updated at 7:17 p.m. ET on Nov. 27, 2019",
        "updated",
        "",
        "Updated at 7:17 p.m. ET on Nov. 27, 2019",
        "2019-11-27T19:17:00-05:00",
        "ET",
        None,
    ),
    (
        "Sept 3, 2019 10:00 AM PDT",
        None,
        "",
        "Sept 3, 2019 10:00 AM PDT",
        "2019-09-03T10:00:00-07:00",
        "PDT",
        None,
    ),
    (
        "First published: 27 Nov 2019 19:17 GMT+5:30",
        "published",
        "",
        "First published: 27 Nov 2019 19:17 GMT+5:30",
        "2019-11-27T19:17:00+05:30",
        "GMT+5:30",
        None,
    ),
    (
        "Updated 19:34 (IST), November 27th 2019",
        "updated",
        "",
        "Updated 19:34 (IST), November 27th 2019",
        "2019-11-27T19:34:00+05:30",
        "IST",
        None,
    ),
    (
        "December 25, 2019 12:00 AM",
        None,
        "",
        "December 25, 2019 12:00 AM",
        "2019-12-25T00:00:00",
        None,
        None,
    ),
    ("Dec 25 2019 12:30 PM", None, "", "Dec 25 2019 12:30 PM", "2019-12-25T12:30:00", None, None),
    (
        "Published: Wednesday 27 November 2019 19:17, UK",
        "published",
        "",
        "Published: Wednesday 27 November 2019 19:17, UK",
        "2019-11-27T19:17:00",
        None,
        "UK",
    ),
    (
        "Jane Doe | Nov 27, 2019 19:17 IST",
        None,
        "Jane Doe",
        "Nov 27, 2019 19:17 IST",
        "2019-11-27T19:17:00+05:30",
        "IST",
        None,
    ),
    (
        "  Updated 19:34 IST, November 27th 2019  ",
        "updated",
        "",
        "Updated 19:34 IST, November 27th 2019",
        "2019-11-27T19:34:00+05:30",
        "IST",
        None,
    ),
    (
        "Published - November 19, 2019 08:56 pm IST - S\u00c3O PAULO",
        "published",
        "",
        "Published - November 19, 2019 08:56 pm IST - S\u00c3O PAULO",
        "2019-11-19T20:56:00+05:30",
        "IST",
        "S\u00c3O PAULO",
    ),
    # A label with the byline inside it: the byline is the prefix
    (
        "Posted by Jane Doe on November 27, 2019 7:17 PM",
        "published",
        "Posted by Jane Doe",
        "on November 27, 2019 7:17 PM",
        "2019-11-27T19:17:00",
        None,
        None,
    ),
    (
        "Published by Jane Doe | Nov 27, 2019 19:17 IST",
        "published",
        "Published by Jane Doe",
        "Nov 27, 2019 19:17 IST",
        "2019-11-27T19:17:00+05:30",
        "IST",
        None,
    ),
    (
        "By Jane Doe | Updated: Nov 27, 2019 19:34 IST",
        "updated",
        "By Jane Doe",
        "Updated: Nov 27, 2019 19:34 IST",
        "2019-11-27T19:34:00+05:30",
        "IST",
        None,
    ),
    # A date alone: midnight, naive, has_time False (see the module docstring)
    ("December 28, 2014", None, "", "December 28, 2014", "2014-12-28T00:00:00", None, None),
    (
        "Published: 27th of November 2019",
        "published",
        "",
        "Published: 27th of November 2019",
        "2019-11-27T00:00:00",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "kind", "prefix", "written", "iso", "zone", "place"), CASES)
def test_timestamp_forms(
    text: str,
    kind: str | None,
    prefix: str,
    written: str,
    iso: str,
    zone: str | None,
    place: str | None,
) -> None:
    found = parse_timestamp(text, line=7)
    assert found is not None
    assert (found.kind, found.prefix) == (kind, prefix)
    stamp = found.timestamp
    assert (stamp.text, stamp.iso, stamp.zone, stamp.place, stamp.line) == (
        written,
        iso,
        zone,
        place,
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


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("Updated 10:00 ET, January 15, 2020", "-05:00"),
        ("Updated 10:00 ET, July 15, 2020", "-04:00"),
        ("Updated 10:00 EST, July 15, 2020", "-04:00"),
        ("Published 09:00 BST, 15 January 2020", "+00:00"),
        ("Published 09:00 BST, 15 July 2020", "+01:00"),
    ],
)
def test_offsets_come_from_the_zone_at_that_date(text: str, offset: str) -> None:
    found = parse_timestamp(text)
    assert found is not None and found.timestamp.iso is not None
    assert found.timestamp.iso.endswith(offset)


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


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Published February 30th 2019", "February 30th 2019"),
        ("Published 10:00 IST, February 29th 2019", "February 29th 2019"),
        ("Updated 25:61 IST, November 27th 2019", "25:61"),
        ("Updated 19:75 IST, November 27th 2019", "19:75"),
        ("November 27, 2019 13:10 am", "13:10 am"),
        ("Updated 31-04-2019 10:00", "31-04-2019"),
        ("April 31, 2020", "April 31, 2020"),
        ("January 1, 0000", "January 1, 0000"),
        ("Published 10:00 IST, 1 Jan 0001", "1 Jan 0001"),
        ("Updated 23:59 ET, Dec 31, 9999", "Dec 31, 9999"),
    ],
)
def test_impossible_dates_raise_parse_error_with_the_line(text: str, shown: str) -> None:
    with pytest.raises(ParseError) as raised:
        parse_timestamp(text, line=12)
    assert raised.value.line == 12
    assert shown in raised.value.message


def test_leap_day_is_a_real_date() -> None:
    found = parse_timestamp("Published 10:00 IST, February 29th 2020")
    assert found is not None and found.timestamp.iso == "2020-02-29T10:00:00+05:30"


def test_bare_numbers_that_are_no_date_are_not_a_timestamp() -> None:
    # Unlabelled, three numbers that cannot be a date are not claimed to be one.
    assert parse_timestamp("45-13-2019") is None


NOT_TIMESTAMPS = [
    "On November 27, 2019 the court ruled that the election was void.",
    "The court ruled on November 27, 2019",
    "Markets, November 27, 2019",
    "Results - 28 November 2019",
    "Posted by the editors on November 27, 2019 about the election results",
    # real corpus lines that mention dates or times
    "U.S. Magistrate Judge Thomas Coffin set Johnson's trial for Feb. 25.",
    "People walk past the Bombay Stock Exchange (BSE) building in Mumbai May 13, 2014.",
    "Posted: Thursday, October 17, 2013, 8:09 PM Inappropriate video? Alert us.",
    "December 28, 2014: Markets opened lower on Monday as neither the bulls nor the bears can gin",
    "Dundee Utd 4-1 Aberdeen",
    "Gerrard 79 og, Drogba 107, Kezman 112.",
    "Tuesday, 1 March",
    "2000 GMT",
    "17.00",
    ", who had to fight off a closing pack to claim the title in 3:45.87.",
    "Premiership: 2004-05",
    "Published",
    "Updated 2 hours ago",
    "",
    "   ",
    "By Jane Doe",
]


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
