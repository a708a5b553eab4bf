"""The reference article parses exactly as FORMAT.md's table says, line by line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newsconvert.parser import parse_with_trace
from newsconvert.tree import AttributionPosition, Blockquote, Paragraph


@pytest.fixture
def parsed(reference_text: str):
    return parse_with_trace(reference_text, source="reference.txt")


def test_every_line_has_the_role_format_md_names(parsed) -> None:
    _, trace = parsed
    roles = {row.line: row.role for row in trace}
    assert roles == {
        1: "timestamp.published",
        2: "headline",
        3: "standfirst",
        4: "paragraph",
        5: "paragraph",
        6: "blockquote",
        7: "heading",
        8: "paragraph",
        9: "paragraph",
        10: "blockquote",
        11: "credit",
        12: "timestamp.updated",
    }


def test_timestamps_resolve_ist_to_india(parsed) -> None:
    article, _ = parsed
    assert article.published is not None
    assert article.published.iso == "2019-11-27T19:17:00+05:30"
    assert article.published.text == "Published 19:17 IST, November 27th 2019"
    assert article.published.line == 1
    assert [stamp.iso for stamp in article.updated] == ["2019-11-27T19:34:00+05:30"]
    assert article.updated[0].line == 12
    assert article.published.value.utcoffset() == timedelta(hours=5, minutes=30)


def test_headline_standfirst_and_the_repeated_first_paragraph(parsed) -> None:
    article, _ = parsed
    assert article.headline.text == (
        "Cambodia PM Hun Sen accepts Trump's invitation, offers to renew relations"
    )
    assert article.headline.line == 2
    assert article.standfirst is not None and article.standfirst.line == 3
    assert article.standfirst.text.startswith("The PM of Cambodia, Hun Sen has presented")
    first = article.sections[0].blocks[0]
    assert isinstance(first, Paragraph) and first.line == 4
    assert first.text.startswith("The Prime Minister of Cambodia, Hun Sen has presented")
    assert article.kicker is None and article.dateline is None and article.bylines == ()


def test_sections_blocks_and_blockquotes(parsed) -> None:
    article, _ = parsed
    assert len(article.sections) == 2
    opening, reputation = article.sections
    assert opening.heading is None
    assert reputation.heading is not None
    assert reputation.heading.text == "Cambodian PM's reputation"
    assert reputation.heading.line == 7
    assert [(type(b).__name__, b.line) for b in opening.blocks] == [
        ("Paragraph", 4),
        ("Paragraph", 5),
        ("Blockquote", 6),
    ]
    assert [(type(b).__name__, b.line) for b in reputation.blocks] == [
        ("Paragraph", 8),
        ("Paragraph", 9),
        ("Blockquote", 10),
    ]
    after = opening.blocks[2]
    assert isinstance(after, Blockquote)
    assert after.attribution == "Hun Sen wrote"
    assert after.position == AttributionPosition.AFTER
    assert after.quote.startswith("I am reassured by your explicit statement")
    before = reputation.blocks[2]
    assert isinstance(before, Blockquote)
    assert before.attribution == "Trump counselled Hun Sen"
    assert before.position == AttributionPosition.BEFORE
    assert before.quote.startswith("As a first step")


def test_credit(parsed) -> None:
    article, _ = parsed
    assert [(credit.text, credit.line) for credit in article.credits] == [("(With AP inputs)", 11)]


def test_rules_are_named_in_the_trace(parsed) -> None:
    _, trace = parsed
    rules = {row.line: row.rule for row in trace}
    assert rules[2] == "first-title-line"
    assert rules[3] == "repeated-by-first-paragraph"
    assert rules[7] == "short-line-between-paragraphs"
    assert all(row.rule for row in trace)
