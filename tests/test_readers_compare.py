"""``first_difference`` names where two trees differ, exactly when ``==`` says they do."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from newsconvert.readers import first_difference
from newsconvert.tree import (
    Article,
    AttributionPosition,
    Blockquote,
    BulletList,
    Headline,
    ListItem,
    Paragraph,
    Section,
    SectionHeading,
    Timestamp,
)

QUOTE = Blockquote(
    "“It was fine,” Hun Sen wrote.",
    quote="It was fine,",
    attribution="Hun Sen wrote",
    position=AttributionPosition.AFTER,
)
ARTICLE = Article(
    headline=Headline("Title", line=2),
    published=Timestamp(
        "Published 19:17 IST", datetime(2019, 11, 27, 19, 17, tzinfo=ZoneInfo("Asia/Kolkata"))
    ),
    sections=(
        Section(None, (Paragraph("One.", line=4), QUOTE)),
        Section(SectionHeading("Later"), (BulletList((ListItem("a"), ListItem("b"))),)),
    ),
)


def with_blocks(section_index: int, *blocks) -> Article:
    sections = list(ARTICLE.sections)
    sections[section_index] = dataclasses.replace(sections[section_index], blocks=blocks)
    return dataclasses.replace(ARTICLE, sections=tuple(sections))


def test_equal_trees_have_no_difference_whatever_their_lines() -> None:
    moved = dataclasses.replace(ARTICLE, headline=Headline("Title", line=99), source="elsewhere")
    assert moved == ARTICLE
    assert first_difference(ARTICLE, moved) is None


def test_a_field_deep_in_the_tree_is_named_by_its_path() -> None:
    other = with_blocks(0, Paragraph("One."), dataclasses.replace(QUOTE, attribution=None))
    assert other != ARTICLE
    assert first_difference(ARTICLE, other) == (
        "sections[0].blocks[1].attribution: 'Hun Sen wrote' != None"
    )


def test_a_block_of_another_type() -> None:
    other = with_blocks(0, Paragraph("One."), Paragraph(QUOTE.text))
    assert first_difference(ARTICLE, other) == (
        "sections[0].blocks[1]: Blockquote(text='“It was fine,” Hun Sen wrote.'…) != "
        "Paragraph(text='“It was fine,” Hun Sen wrote.'…)"
    )


def test_a_missing_block_and_a_missing_section() -> None:
    assert first_difference(ARTICLE, with_blocks(0, Paragraph("One."))) == (
        "sections[0].blocks[1]: Blockquote(text='“It was fine,” Hun Sen wrote.'…) != <absent>"
    )
    shorter = dataclasses.replace(ARTICLE, sections=ARTICLE.sections[:1])
    assert first_difference(ARTICLE, shorter) == (
        "sections[1]: Section(heading=SectionHeading(text='Later'…)…) != <absent>"
    )


def test_list_items_and_enums() -> None:
    items = BulletList((ListItem("a"), ListItem("c")))
    assert first_difference(ARTICLE, with_blocks(1, items)) == (
        "sections[1].blocks[0].items[1].text: 'b' != 'c'"
    )
    before = dataclasses.replace(QUOTE, position=AttributionPosition.BEFORE)
    assert first_difference(ARTICLE, with_blocks(0, Paragraph("One."), before)) == (
        "sections[0].blocks[1].position: 'after' != 'before'"
    )


def test_timestamps_compare_as_instants_naive_never_equals_aware() -> None:
    assert ARTICLE.published is not None
    same_instant = dataclasses.replace(
        ARTICLE.published,
        value=datetime(2019, 11, 27, 19, 17, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    )
    assert first_difference(ARTICLE, dataclasses.replace(ARTICLE, published=same_instant)) is None
    naive = dataclasses.replace(ARTICLE.published, value=datetime(2019, 11, 27, 19, 17))
    assert first_difference(ARTICLE, dataclasses.replace(ARTICLE, published=naive)) == (
        "published.value: 2019-11-27T19:17:00+05:30 != 2019-11-27T19:17:00"
    )


def test_long_texts_are_cut_short() -> None:
    long = "word " * 40
    other = with_blocks(0, Paragraph(long), QUOTE)
    difference = first_difference(ARTICLE, other)
    assert difference is not None and difference.startswith("sections[0].blocks[0].text: ")
    # The paragraph differs from its first character: both sides shown from there, the long
    # one cut short with "…" outside its quotes.
    assert len(difference) < 160 and difference.endswith("'…")
    assert "from character" not in difference


def test_a_difference_past_the_cut_is_shown_in_a_window_around_it() -> None:
    """Both sides cut at 60 characters looked identical when they differed after that."""
    opening = "The ferry between the old harbour and Marine Point sailed again on Monday after "
    left = with_blocks(0, Paragraph(opening + "three months in dry dock."), QUOTE)
    right = with_blocks(0, Paragraph(opening + "four months in dry dock."), QUOTE)
    difference = first_difference(left, right)
    assert difference is not None
    index = len(opening)
    start = index - 20
    assert difference == (
        f"sections[0].blocks[0].text: …{(opening + 'three months in dry dock.')[start:]!r} != "
        f"…{(opening + 'four months in dry dock.')[start:]!r} (from character {start})"
    )
    # What differs is inside the window on both sides.
    assert "Monday after three months" in difference and "Monday after four months" in difference
