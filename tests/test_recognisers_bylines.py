"""Bylines: names, agency and handle; label lines; sentences that start with ``By``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import recogniser_cases

from newsconvert.parser.bylines import is_byline_label, parse_byline

CASES = recogniser_cases("bylines")
"""Bylines and what they give. The cases that fit in a few lines are in
``tests/data/recognisers/bylines.txt``, keyed by what they test."""


@pytest.mark.parametrize("case", CASES, ids=[case["line"] for case in CASES])
def test_byline_forms(case: dict[str, Any]) -> None:
    byline = parse_byline(case["line"], line=5)
    assert byline is not None
    assert (byline.names, byline.agency, byline.handle) == (
        tuple(case["names"]),
        case.get("agency"),
        case.get("handle"),
    )
    assert byline.text == case["line"].strip()
    assert byline.line == 5


def test_byline_text_is_kept_as_written() -> None:
    byline = parse_byline("  By  Jane   Doe  ")
    assert byline is not None
    assert byline.text == "By  Jane   Doe"
    assert byline.names == ("Jane Doe",)


NOT_BYLINES = [case["not"] for case in recogniser_cases("bylines", "not")]


@pytest.mark.parametrize("text", NOT_BYLINES)
def test_sentences_are_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


LABELS = [(case["label"], True) for case in recogniser_cases("bylines", "label")] + [
    (case["not-label"], False) for case in recogniser_cases("bylines", "not-label")
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_is_byline_label(text: str, expected: bool) -> None:
    assert is_byline_label(text) is expected


BARE = recogniser_cases("bylines", "bare")


@pytest.mark.parametrize("case", BARE, ids=[case["bare"] for case in BARE])
def test_bare_names_where_a_byline_stands(case: dict[str, Any]) -> None:
    text = case["bare"]
    assert parse_byline(text) is None  # a name alone could be a heading
    byline = parse_byline(text, bare=True)
    assert byline is not None
    assert (byline.text, byline.names, byline.agency) == (
        text,
        tuple(case["names"]),
        case.get("agency"),
    )


@pytest.mark.parametrize(
    "text", [case["not-bare"] for case in recogniser_cases("bylines", "not-bare")]
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
