"""Credits and sign-offs: whole lines, and credits at the end of a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import recogniser_cases

from newsconvert.parser.credits import match_credit, split_trailing_credit

CREDITS = [case["line"] for case in recogniser_cases("credits")]
"""Credit lines. The cases that fit in a few lines are in ``tests/data/recognisers/credits.txt``,
keyed by what they test."""


@pytest.mark.parametrize("text", CREDITS)
def test_credit_lines(text: str) -> None:
    credit = match_credit(f"  {text} ", line=11)
    assert credit is not None
    assert credit.text == text
    assert credit.line == 11


NOT_CREDITS = [case["not"] for case in recogniser_cases("credits", "not")]


@pytest.mark.parametrize("text", NOT_CREDITS)
def test_lines_that_are_not_credits(text: str) -> None:
    assert match_credit(text) is None


TRAILING = recogniser_cases("credits", "paragraph")


@pytest.mark.parametrize("case", TRAILING, ids=[case["paragraph"] for case in TRAILING])
def test_split_trailing_credit(case: dict[str, str]) -> None:
    split = split_trailing_credit(case["paragraph"], line=9)
    assert split is not None
    assert split[0] == case["rest"]
    assert (split[1].text, split[1].line) == (case["credit"], 9)


@pytest.mark.parametrize(
    "text", [case["no-credit-at-end"] for case in recogniser_cases("credits", "no-credit-at-end")]
)
def test_paragraphs_without_a_trailing_credit(text: str) -> None:
    assert split_trailing_credit(text) is None


@pytest.mark.parametrize(
    "text", ["(" * 100_000, "(With " + "x" * 100_000 + ")", "a. " * 50_000 + "(PTI" + ")" * 100]
)
def test_worst_case_long_inputs(text: str) -> None:
    assert match_credit(text) is None
    assert split_trailing_credit(text) is None


def test_every_reuters_sign_off(corpus_dir: Path) -> None:
    """Every Reuters file ends with a sign-off, as a line or at the end of its last line."""
    for path in sorted((corpus_dir / "reuters").glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        last = lines[-1]
        found = match_credit(last) or split_trailing_credit(last)
        assert found is not None, path.name


def test_corpus_credit_lines(corpus_dir: Path) -> None:
    """Over every line of the English wire, BBC and newspaper corpora, the credits found are the
    sign-offs and the real credit lines, and nothing else. (The scraped ``indian/`` corpus is
    scored against its labels by ``benchmarks/accuracy.py``.)"""
    fired = []
    for path in sorted(corpus_dir.rglob("*.txt")):
        if "indian" in path.relative_to(corpus_dir).parts:
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        for line in text.splitlines():
            credit = match_credit(line)
            if credit is not None and credit.text != "Reuter":
                fired.append(credit.text)
    assert fired == [
        "(With AP inputs)",
        "-- Compiled by Vickie Kavanagh",
        "(Reporting by Indulal PM; Editing by Sunil Nair)",
        "SOURCE: Aviation Safety Network; ICAO; WORLD BANK.",
        "Source: KGUN 9",
    ]
