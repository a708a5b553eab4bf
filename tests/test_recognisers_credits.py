"""Credits and sign-offs: whole lines, and credits at the end of a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsconvert.parser.credits import match_credit, split_trailing_credit

CREDITS = [
    # FORMAT.md
    "(With AP inputs)",
    "(With inputs from agencies)",
    "(PTI)",
    "(ANI)",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Reuter",
    "(Kyodo)",
    # The brief's other forms
    "Reuters",
    "-- Reporting by Jane Doe",
    "Compiled by Jane Doe",
    # Neighbours
    "(With inputs from PTI)",
    "(Additional reporting by Jane Doe in London; Writing by John Roe)",
    "(Compiled by the news desk)",
    "(AFP)",
    "(AP/Reuters)",
    "(CNN)",
    "\u2014 AFP",
    "REUTER",
    "The Associated Press contributed to this report.",
    "Source: PTI",
    "Edited by John Roe",
    "Copyright 2019 The Associated Press. All rights reserved.",
    "\u00a9 2019 Reuters",
    # corpus lines
    "-- Compiled by Vickie Kavanagh",
    "(Reporting by Indulal PM; Editing by Sunil Nair)",
    "SOURCE: Aviation Safety Network; ICAO; WORLD BANK.",
]


@pytest.mark.parametrize("text", CREDITS)
def test_credit_lines(text: str) -> None:
    credit = match_credit(f"  {text} ", line=11)
    assert credit is not None
    assert credit.text == text
    assert credit.line == 11


NOT_CREDITS = [
    "(AP Photo/Jane Doe)",
    "(Photo: Reuters)",
    "(Morningstar)",
    "(laughs)",
    "(Kan.)",
    "CNN",
    "BBC",
    "Features",
    "Cambodian PM's reputation",
    "With the election over, the party turned to reform.",
    "Reporting the news is hard.",
    "Copyrights are a matter for the courts, the judge said.",
    "The reporters said it was by far the best result.",
    "",
    "()",
    # real corpus lines
    "Russia's Problems Are A Huge Warning Sign About Emerging Markets (Morningstar)",
    "Credit: Public Domain View full size image",
]


@pytest.mark.parametrize("text", NOT_CREDITS)
def test_lines_that_are_not_credits(text: str) -> None:
    assert match_credit(text) is None


@pytest.mark.parametrize(
    ("text", "rest", "credit"),
    [
        ("The minister said so. (PTI)", "The minister said so.", "(PTI)"),
        ("He left. (With inputs from agencies)", "He left.", "(With inputs from agencies)"),
        ("Profits rose last year.  Reuter", "Profits rose last year.", "Reuter"),
        ("It closed at 55.8 (33.7).        REUTER", "It closed at 55.8 (33.7).", "REUTER"),
        ("\u201cWe will,\u201d he said. (ANI)", "\u201cWe will,\u201d he said.", "(ANI)"),
        ("He said so. (PTI).", "He said so.", "(PTI)."),
    ],
)
def test_split_trailing_credit(text: str, rest: str, credit: str) -> None:
    split = split_trailing_credit(text, line=9)
    assert split is not None
    assert split[0] == rest
    assert (split[1].text, split[1].line) == (credit, 9)


@pytest.mark.parametrize(
    "text",
    [
        "according to a report (Reuters)",  # no sentence ends before it
        "It rose. (AP Photo/Jane Doe)",
        "The deal was first reported by Reuters",
        "He works for Reuters.",
        "Prices rose (see table).",
        "Reuter",  # nothing before it: a credit line, not a paragraph with one
        "",
    ],
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
