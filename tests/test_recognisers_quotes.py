"""Blockquotes: paragraphs that are mostly a quotation with a short attribution."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsconvert.parser.quotes import match_blockquote
from newsconvert.tree import AttributionPosition

AFTER, BEFORE = AttributionPosition.AFTER, AttributionPosition.BEFORE

REFERENCE_LINE_6 = (
    "\u201cI am reassured by your explicit statement whereby you seek genuine engagement to "
    "pursue democracy, individual liberty and the rule of law rather than through regime "
    "change,\u201d Hun Sen wrote."
)
REFERENCE_LINE_10 = (
    "Trump counselled Hun Sen, \u201cAs a first step, I hope you would re-evaluate certain "
    "decisions taken by your government that the United States firmly believes puts at great "
    "risk the Kingdom (of) Cambodia\u2019s long-term sovereignty, stability, and economic "
    "development\u201d."
)

# paragraph, quote, attribution, position
CASES = [
    (
        REFERENCE_LINE_6,
        "I am reassured by your explicit statement whereby you seek genuine engagement to pursue "
        "democracy, individual liberty and the rule of law rather than through regime change",
        "Hun Sen wrote",
        AFTER,
    ),
    (
        REFERENCE_LINE_10,
        "As a first step, I hope you would re-evaluate certain decisions taken by your government "
        "that the United States firmly believes puts at great risk the Kingdom (of) "
        "Cambodia\u2019s long-term sovereignty, stability, and economic development",
        "Trump counselled Hun Sen",
        BEFORE,
    ),
    (
        '"In general we included only items that were potentially mobile," said the magazine.',
        "In general we included only items that were potentially mobile",
        "said the magazine",
        AFTER,
    ),
    (
        'A show insider told The Sun: "EastEnders has a rich history of tackling difficult social '
        "issues and Kat's continued story is one of these.\"",
        "EastEnders has a rich history of tackling difficult social issues and Kat's continued "
        "story is one of these.",
        "A show insider told The Sun",
        BEFORE,
    ),
    (
        "\u201cWill you come back for lunch, all of you be my guests?\u201d the man asks.",
        "Will you come back for lunch, all of you be my guests?",
        "the man asks",
        AFTER,
    ),
    # The attribution in the middle: one speaker's words, kept as one blockquote.
    (
        '"Obviously, companies make mistakes," Dimon said on Wednesday. "We try to resolve it, '
        'we try to fix it, we admit it."',
        "Obviously, companies make mistakes, We try to resolve it, we try to fix it, we admit it.",
        "Dimon said on Wednesday",
        AFTER,
    ),
    (
        "\u201cThe future belongs to those who prepare for it today, and we intend to "
        "prepare.\u201d \u2014 Jane Doe",
        "The future belongs to those who prepare for it today, and we intend to prepare.",
        "\u2014 Jane Doe",
        AFTER,
    ),
    (
        "Hun Sen: \u201cWe seek genuine engagement with the United States, and we will work "
        "for it.\u201d",
        "We seek genuine engagement with the United States, and we will work for it.",
        "Hun Sen",
        BEFORE,
    ),
    (
        '"We will rebuild every school that was damaged by the floods," Dr. Jane Doe said.',
        "We will rebuild every school that was damaged by the floods",
        "Dr. Jane Doe said",
        AFTER,
    ),
]


@pytest.mark.parametrize(("text", "quote", "attribution", "position"), CASES)
def test_blockquote_forms(
    text: str, quote: str, attribution: str, position: AttributionPosition
) -> None:
    found = match_blockquote(text, line=6)
    assert found is not None
    assert found.text == text
    assert (found.quote, found.attribution, found.position, found.line) == (
        quote,
        attribution,
        position,
        6,
    )


NOT_BLOCKQUOTES = [
    # merely contains a quotation
    "He called it \u201ca step\u201d and left.",
    "The answer, \u201cWe seek genuine engagement with the United States and its allies.\u201d",
    "Note the wording: \u201cWe seek genuine engagement with the United States and allies.\u201d",
    "A letter which was shared online was dated November 26 and sent by Sen to Trump while "
    "thanking him for assuring that Washington was not seeking a 'regime change' in Cambodia.",
    "The boyfriend of sexy \u201cMob Wives\u201d star Natalie Guercio is suing the club.",
    # too little of it is quoted
    "\u201cNo,\u201d he said.",
    "\u201cYes,\u201d said the spokesman for the ministry of foreign affairs on Tuesday.",
    # the attribution is not one short clause with a speech verb
    "\u201cThe plan is dead and everyone in this building knows it,\u201d a long time ago in a "
    "galaxy far, far away, before anybody here was even born, he said.",
    "\u201cThe plan is dead and everyone in this building knows it and says so,\u201d Reuters.",
    '"It provides an entry to McDonalds we\'ve been after for years," Douglas told analysts. '
    "Reuter",
    # unbalanced: a quotation continued in the next paragraph
    "\u201cWe\u2019re struggling tremendously. Houses in my district are selling for less.",
    '"We are struggling," he said. "Houses are selling for less.',
    # nested double quotes
    "\u201cHe said \u201cno\u201d to us and to everyone else in the room,\u201d she said.",
    # the quotation does not end the paragraph
    "Trump counselled Hun Sen, \u201cAs a first step, re-evaluate\u201d, and Sen agreed to it.",
    "",
]


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
