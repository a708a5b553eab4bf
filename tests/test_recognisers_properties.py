"""Properties of the recognisers on arbitrary text: no exception but ParseError, nothing lost."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newsconvert.errors import ParseError
from newsconvert.parser.bylines import is_byline_label, parse_byline
from newsconvert.parser.credits import match_credit, split_trailing_credit
from newsconvert.parser.datelines import match_dateline
from newsconvert.parser.quotes import match_blockquote
from newsconvert.parser.timestamps import parse_timestamp

# Text built from the pieces the recognisers look for, so that generated lines come close to
# matching (purely random text almost never does).
PIECES = [
    "Published",
    "Updated",
    "Updated:",
    "by",
    "By",
    "Jane",
    "DOE",
    "IST",
    "ET",
    "XYZT",
    "-",
    "--",
    "\u2014",
    "|",
    ":",
    ",",
    ".",
    "(",
    ")",
    "(PTI)",
    "(Reuters)",
    "Reuter",
    "NEW DELHI",
    "Nov",
    "November",
    "27th",
    "2019",
    "19:17",
    "9:18",
    "am",
    "PM",
    "28-11-2019",
    "at",
    "on",
    "\u201c",
    "\u201d",
    '"',
    "said",
    "wrote",
    "With",
    "inputs",
    "Reporting",
    "and",
    "@handle",
    "2019-11-27T19:17:00+05:30",
    "February",
    "30th",
    "25:61",
    " ",
    "  ",
    "\t",
    "\u00a0",
]
pieced = st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join)
anything = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
lines = st.one_of(pieced, anything, st.text(alphabet=string.printable, max_size=200))


@settings(max_examples=400)
@given(lines)
def test_parse_timestamp_returns_or_raises_parse_error(text: str) -> None:
    try:
        found = parse_timestamp(text, line=3)
    except ParseError as error:
        assert error.line == 3
        return
    if found is not None:
        stamp = found.timestamp
        # Nothing lost: the prefix and the timestamp text are the line's words.
        assert set(stamp.text.split()) <= set(text.split())
        assert set(found.prefix.split()) <= set(text.split())
        if found.unknown_zone is not None:
            assert stamp.value is None
        elif stamp.zone is None:
            assert stamp.value is not None and stamp.value.tzinfo is None


@settings(max_examples=400)
@given(lines)
def test_match_dateline_splits_without_loss(text: str) -> None:
    found = match_dateline(text, line=2)
    if found is not None:
        dateline, rest = found
        assert text.startswith(dateline.text)
        assert text[len(dateline.text) :].strip() == rest.strip()
        assert dateline.line == 2


@settings(max_examples=400)
@given(lines)
def test_bylines_and_credits_keep_their_text(text: str) -> None:
    byline = parse_byline(text)
    if byline is not None:
        assert byline.text == text.strip()
        assert byline.names
        assert all(name in " ".join(text.split()) for name in byline.names)
    assert is_byline_label(text) in (True, False)
    credit = match_credit(text)
    if credit is not None:
        assert credit.text == text.strip()
    split = split_trailing_credit(text)
    if split is not None:
        body, trailing = split
        assert text.rstrip().startswith(body)
        assert text.rstrip().endswith(trailing.text)


@settings(max_examples=400)
@given(lines)
def test_blockquote_parts_come_from_the_paragraph(text: str) -> None:
    found = match_blockquote(text)
    if found is not None:
        assert found.text == text.strip()
        assert found.attribution is not None and found.attribution in found.text
        for part in found.quote.split():
            assert part in found.text
