"""Wire datelines at the start of a paragraph, and sentence starts that are not datelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import recogniser_cases

from newsconvert.parser.datelines import match_dateline

CASES = recogniser_cases("datelines", "paragraph")
"""Datelines and what they give. The cases that fit in a few lines are in
``tests/data/recognisers/datelines.txt``, keyed by what they test."""


@pytest.mark.parametrize("case", CASES, ids=[case["paragraph"] for case in CASES])
def test_dateline_forms(case: dict[str, str]) -> None:
    text, rest = case["paragraph"], case["rest"]
    found = match_dateline(text, line=4)
    assert found is not None
    dateline, remainder = found
    assert (dateline.text, dateline.place, dateline.date, dateline.agency) == (
        case["dateline"],
        case.get("place"),
        case.get("date"),
        case.get("agency"),
    )
    assert remainder == rest
    assert dateline.line == 4
    # Nothing is lost: the dateline and the rest are the paragraph, give or take the space.
    assert text.startswith(dateline.text)
    assert text[len(dateline.text) :].strip() == rest


NOT_DATELINES = [case["not"] for case in recogniser_cases("datelines", "not")]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_sentence_starts_are_not_datelines(text: str) -> None:
    assert match_dateline(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A" * 100_000,
        "NEW DELHI, " * 10_000 + "- x",
        "(" * 100_000,
        "WASHINGTON " * 10_000 + "(AP) - The",
        "PORT-" * 20_000,
    ],
)
def test_worst_case_long_inputs(text: str) -> None:
    assert match_dateline(text) is None


def _labels(corpus_dir: Path) -> list[dict[str, object]]:
    lines = (corpus_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _first_paragraph(text: str) -> str:
    """The Reuters body's first paragraph: the line after the headline, indentation removed,
    with the hard-wrapped lines that follow it (up to the next indented line)."""
    lines = text.splitlines()[1:]
    paragraph = [lines[0].strip()]
    for line in lines[1:]:
        if not line.strip() or line.startswith(" "):
            break
        paragraph.append(line.strip())
    return " ".join(paragraph)


def test_every_reuters_dateline_label(corpus_dir: Path) -> None:
    labelled = [label for label in _labels(corpus_dir) if "dateline" in label]
    assert labelled
    for label in labelled:
        text = (corpus_dir / str(label["file"])).read_text(encoding="utf-8")
        found = match_dateline(_first_paragraph(text))
        assert found is not None, label["file"]
        dateline = found[0]
        # The label is the dateline without its separator (``RICHMOND, Va. Feb 26``).
        assert dateline.text.removesuffix("-").rstrip() == label["dateline"], label["file"]
        assert dateline.place is not None and dateline.date is not None
        assert str(label["dateline"]).startswith(dateline.place)
        assert str(label["dateline"]).endswith(dateline.date)


@pytest.mark.parametrize(
    ("name", "place", "agency"),
    [
        ("reuters.com1.txt", "MUMBAI", "Reuters"),
        ("reuters.com2.txt", "JAKARTA", "Reuters"),
        ("reuters.com3.txt", "SURABAYA, Indonesia/JAKARTA", "Reuters"),
        ("mlive.com2.txt", "GREEN BAY, Wis.", None),
        ("nj.com1.txt", "TRENTON", None),
        ("thedailybeast.com1.txt", "VATICAN CITY", None),
    ],
)
def test_newspaper_files_that_open_with_a_dateline(
    corpus_dir: Path, name: str, place: str, agency: str | None
) -> None:
    text = (corpus_dir / "newspaper" / name).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    found = [match_dateline(p) for p in paragraphs[:4]]
    opened = [f[0] for f in found if f is not None]
    assert [(d.place, d.agency) for d in opened] == [(place, agency)]


def test_no_bbc_paragraph_is_a_dateline(corpus_dir: Path) -> None:
    fired = []
    for path in sorted((corpus_dir / "bbc").rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for paragraph in text.split("\n\n"):
            if match_dateline(paragraph.strip()) is not None:
                fired.append((path.name, paragraph[:40]))
    assert fired == []
