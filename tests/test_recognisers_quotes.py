"""Blockquotes: paragraphs that are mostly a quotation with a short attribution."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import recogniser_cases

from newsconvert.parser.quotes import match_blockquote
from newsconvert.tree import AttributionPosition

CASES = recogniser_cases("quotes", "paragraph")
"""Blockquotes and their parts (the reference article's lines 6 and 10 first). The cases that fit
in a few lines are in ``tests/data/recognisers/quotes.txt``, keyed by what they test."""


@pytest.mark.parametrize("case", CASES, ids=[case["paragraph"][:40] for case in CASES])
def test_blockquote_forms(case: dict[str, str]) -> None:
    found = match_blockquote(case["paragraph"], line=6)
    assert found is not None
    assert found.text == case["paragraph"]
    assert (found.quote, found.attribution, found.position, found.line) == (
        case["quote"],
        case["attribution"],
        AttributionPosition(case["position"]),
        6,
    )


NOT_BLOCKQUOTES = [case["not"] for case in recogniser_cases("quotes", "not")]


@pytest.mark.parametrize("text", NOT_BLOCKQUOTES)
def test_paragraphs_that_stay_paragraphs(text: str) -> None:
    assert match_blockquote(text) is None


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "\u201c" * 100_000,
        "\u201c" + "a" * 100_000 + "\u201d he said.",
        '"a" ' * 30_000,
        "\u201c" + "x " * 2_400 + "\u201d he said.",  # just under the length limit
    ],
)
def test_worst_case_long_inputs(text: str) -> None:
    found = match_blockquote(text)
    if text.startswith("\u201cx "):
        assert found is not None and found.attribution == "he said"
    else:
        assert found is None


def test_reference_article_blockquotes(corpus_dir: Path) -> None:
    """In the reference article exactly lines 6 and 10 are blockquotes."""
    text = (corpus_dir / "000_37575f6eff0020da.txt").read_text(encoding="utf-8")
    found = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if match_blockquote(line) is not None
    ]
    assert found == [6, 10]


def test_corpus_blockquotes_have_short_attributions(corpus_dir: Path) -> None:
    """Over every paragraph of the corpus, what fires starts or ends with a quotation and has
    an attribution of at most twelve words with no sentence break in it."""
    count = 0
    for path in sorted(corpus_dir.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for paragraph in text.split("\n\n"):
            joined = " ".join(paragraph.split())
            found = match_blockquote(joined)
            if found is None:
                continue
            count += 1
            assert found.attribution is not None
            assert len(found.attribution.split()) <= 12
            assert ". " not in found.attribution.replace("Dr. ", "")
            assert found.text == joined.strip()
    assert count > 0
