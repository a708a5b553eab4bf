"""Bylines: names, agency and handle; label lines; sentences that start with ``By``."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsconvert.parser.bylines import is_byline_label, parse_byline

# text, names, agency, handle
CASES = [
    # FORMAT.md
    ("By Associated Press", ("Associated Press",), "Associated Press", None),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None, None),
    ("by Staff Writer", ("Staff Writer",), None, None),
    ("Written By Associated Press", ("Associated Press",), "Associated Press", None),
    ("Jane Doe | PTI@JaneDoe", ("Jane Doe",), "PTI", "@JaneDoe"),
    # The brief's other forms
    ("By JANE DOE, Reuters", ("JANE DOE",), "Reuters", None),
    ("By Jane Doe, Special Correspondent", ("Jane Doe",), None, None),
    # Neighbours
    ("By Jane Doe, John Roe and Max Moe", ("Jane Doe", "John Roe", "Max Moe"), None, None),
    ("By Jane Doe & John Roe, AFP", ("Jane Doe", "John Roe"), "AFP", None),
    ("BY JANE DOE", ("JANE DOE",), None, None),
    ("By AP", ("AP",), "AP", None),
    ("Author: Jane Doe", ("Jane Doe",), None, None),
    ("Reported by Jane Doe", ("Jane Doe",), None, None),
    ("By Jane Doe @janedoe", ("Jane Doe",), None, "@janedoe"),
    ("By J.K. Rowling", ("J.K. Rowling",), None, None),
    ("By Dr. Jane Doe", ("Dr. Jane Doe",), None, None),
    ("By Mary-Kate O\u2019Neil", ("Mary-Kate O\u2019Neil",), None, None),
    ("By Jos\u00e9 Garc\u00eda", ("Jos\u00e9 Garc\u00eda",), None, None),
    ("By Vincent van Gogh", ("Vincent van Gogh",), None, None),
    ("By Jane Doe.", ("Jane Doe",), None, None),
    ("By Our Correspondent", ("Our Correspondent",), None, None),
    ("By A Staff Reporter", ("A Staff Reporter",), None, None),
    # corpus: newspaper/thedebrief.co.uk1.txt line 1
    ("Lena deCasparis | Contributing Writer | 5 days ago", ("Lena deCasparis",), None, None),
]


@pytest.mark.parametrize(("text", "names", "agency", "handle"), CASES)
def test_byline_forms(
    text: str, names: tuple[str, ...], agency: str | None, handle: str | None
) -> None:
    byline = parse_byline(text, line=5)
    assert byline is not None
    assert (byline.names, byline.agency, byline.handle) == (names, agency, handle)
    assert byline.text == text.strip()
    assert byline.line == 5


def test_byline_text_is_kept_as_written() -> None:
    byline = parse_byline("  By  Jane   Doe  ")
    assert byline is not None
    assert byline.text == "By  Jane   Doe"
    assert byline.names == ("Jane Doe",)


NOT_BYLINES = [
    "By the end of the year, prices had doubled.",
    "By 2020 the company had 500 staff.",
    "By January, prices were rising.",
    "By Friday the deal was done.",
    "By way of example",
    "By The Numbers",
    "By a staff reporter's account, the raid failed.",
    "By contrast, the rival fell",
    "By Jane Doe. She writes about politics.",
    "by a board of the Republican president's own choosing.",
    "Standard Oil | BP",
    "Jane | PTI",
    "Jane Doe | said the minister on Tuesday",
    "By",
    "",
    # real corpus lines
    "By Kevin Mazur/WireImage.",
    "By 2012, Matie\u2019s company had more than $2 million in the bank.",
    "by Senate Majority Leader Robert Dole (Kan.), said they would",
    "Ad sales boost Time Warner profit",
]


@pytest.mark.parametrize("text", NOT_BYLINES)
def test_sentences_are_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Written By", True),
        ("By", True),
        ("by:", True),
        ("  Written by  ", True),
        ("Author:", True),
        ("Reported by", True),
        ("By the way", False),
        ("By Jane Doe", False),
        ("Written", False),
        ("", False),
    ],
)
def test_is_byline_label(text: str, expected: bool) -> None:
    assert is_byline_label(text) is expected


@pytest.mark.parametrize(
    ("text", "names", "agency"),
    [
        ("Jane Doe", ("Jane Doe",), None),
        ("Associated Press", ("Associated Press",), "Associated Press"),
        ("Jane Doe and John Roe, Reuters", ("Jane Doe", "John Roe"), "Reuters"),
        ("Staff Writer", ("Staff Writer",), None),
    ],
)
def test_bare_names_where_a_byline_stands(
    text: str, names: tuple[str, ...], agency: str | None
) -> None:
    assert parse_byline(text) is None  # a name alone could be a heading
    byline = parse_byline(text, bare=True)
    assert byline is not None
    assert (byline.text, byline.names, byline.agency) == (text, names, agency)


@pytest.mark.parametrize(
    "text", ["The end of the year", "2020 was a year", "the staff", "January, then March"]
)
def test_bare_still_refuses_sentences(text: str) -> None:
    assert parse_byline(text, bare=True) is None


def test_label_joined_with_the_next_line() -> None:
    label, name = "Written By", "Associated Press"
    assert is_byline_label(label)
    byline = parse_byline(f"{label} {name}")
    assert byline is not None and byline.names == ("Associated Press",)


@pytest.mark.parametrize(
    "text", ["By " + "Jane " * 20_000, "By " + "J." * 50_000, "A" * 100_000 + " | PTI"]
)
def test_worst_case_long_inputs(text: str) -> None:
    assert parse_byline(text) is None


def test_corpus_bylines(corpus_dir: Path) -> None:
    """Over every line of the corpus, only the real bylines fire."""
    fired = []
    for path in sorted(corpus_dir.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if parse_byline(line) is not None or is_byline_label(line):
                fired.append((path.name, number))
    # lallantop/129.txt:15 is the Hindi note "(ये स्टोरी … रौनक भैड़ा ने लिखी है)", labelled a byline.
    assert fired == [("129.txt", 15), ("thedebrief.co.uk1.txt", 1)]
