"""Articles a person wrote in their own style (not our writer's) read into the right tree.

The three fixtures under ``tests/data/readers/`` tell the same story in Markdown, reST and a
news site's HTML page; each format's own idioms (emphasis around a byline, ``> — Name``,
``-- attribution``, ``<footer><cite>``) must land in the same roles.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsconvert.readers import read
from newsconvert.tree import (
    AttributionPosition,
    Blockquote,
    BulletList,
    Paragraph,
    Preformatted,
)

DATA = Path(__file__).parent / "data" / "readers"

QUOTE = "The machines never get bored, and they never miss a bottle."
GOALS = ("fewer contaminated loads", "lower costs", "safer work")


def read_fixture(name: str, fmt: str):
    return read((DATA / name).read_text(encoding="utf-8"), fmt, source=name)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("handwritten.md", "md"), ("handwritten.rst", "rst"), ("article_page.html", "html")],
)
def test_metadata_roles(name: str, fmt: str) -> None:
    article = read_fixture(name, fmt)
    # Emphasis and code markup leave their words behind, nothing else.
    assert article.headline.text == "Robots learn to sort the recycling"
    assert [b.text for b in article.bylines] == ["By Jane Doe and John Roe"]
    assert article.bylines[0].names == ("Jane Doe", "John Roe")
    assert article.published is not None
    assert article.published.text == "Published 09:30 GMT, March 3rd 2021"
    assert article.published.value == datetime(2021, 3, 3, 9, 30, tzinfo=UTC)
    assert [c.text for c in article.credits] == ["(With inputs from agencies)"]
    headings = [s.heading.text if s.heading else None for s in article.sections]
    assert headings == [None, "What the council wants"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("handwritten.md", "md"), ("handwritten.rst", "rst"), ("article_page.html", "html")],
)
def test_body_blocks(name: str, fmt: str) -> None:
    article = read_fixture(name, fmt)
    opening = article.sections[0].blocks
    # Hard-wrapped source lines are joined with one space.
    assert opening[0].text.endswith(
        "A recycling plant in the north of England has replaced its night shift with robotic "
        "arms, the operator said on Tuesday."
    )
    assert isinstance(opening[1], Paragraph)
    assert opening[1].text.startswith("The arms use cameras to tell PET bottles from other")
    quote = opening[2]
    assert isinstance(quote, Blockquote)
    assert quote.quote == QUOTE
    assert quote.attribution == "Sam Smith, plant manager"
    assert quote.position is AttributionPosition.AFTER
    # The whole quotation and its attribution stay in the text: no word is lost.
    assert QUOTE in quote.text and "Sam Smith, plant manager" in quote.text
    body = article.sections[1].blocks
    assert body[0] == Paragraph("Councillors listed three goals:")
    assert isinstance(body[1], BulletList)
    assert tuple(item.text for item in body[1].items) == GOALS


@pytest.mark.parametrize(("name", "fmt"), [("handwritten.md", "md"), ("handwritten.rst", "rst")])
def test_markup_documents_extras(name: str, fmt: str) -> None:
    article = read_fixture(name, fmt)
    # A short paragraph standing alone above the title is the kicker.
    assert article.kicker is not None and article.kicker.text == "Technology"
    # The wire dateline leaves the first paragraph, as in plain text.
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("LONDON", "Reuters")
    assert article.sections[0].blocks[0].text.startswith("A recycling plant")
    table = article.sections[1].blocks[-1]
    assert isinstance(table, Preformatted)
    assert table.text == "Tonnes sorted   2019   2020\nPlastics         410    530"


def test_markdown_emphasised_summary_is_the_standfirst() -> None:
    article = read_fixture("handwritten.md", "md")
    assert article.standfirst is not None
    assert article.standfirst.text == (
        "A council trial finds machines faster than people at picking plastics."
    )


def test_rst_epigraph_is_a_blockquote_with_attribution() -> None:
    article = read_fixture("handwritten.rst", "rst")
    epigraph = article.sections[1].blocks[2]
    assert isinstance(epigraph, Blockquote)
    assert epigraph.quote == "Waste is only a resource in the wrong place."
    assert epigraph.attribution == "A councillor"


def test_lines_point_into_the_source() -> None:
    article = read_fixture("handwritten.md", "md")
    lines = (DATA / "handwritten.md").read_text(encoding="utf-8").splitlines()
    assert lines[article.headline.line - 1].startswith("# Robots")
    heading = article.sections[1].heading
    assert heading is not None and lines[heading.line - 1] == "## What the council wants"


MARKDOWN_VARIANTS = """\
Fire crews contain *moorland* blaze
===================================

**By Amal Perera**

Updated: 7:28am, 28 Nov, 2019

Firefighters worked through the night\\
to stop the fire reaching [the village](https://example.org/v).
Crews used `foam` and <b>raw</b> tags stay words.

### Timeline

1. First call at 02:00
2. Crews arrive

(Reporting by Amal Perera; Editing by Li Wei)
"""


def test_markdown_variants_setext_title_strong_byline_links_and_numbered_lists() -> None:
    article = read(MARKDOWN_VARIANTS, "md", source="fire.md")
    assert article.headline.text == "Fire crews contain moorland blaze"
    assert [b.names for b in article.bylines] == [("Amal Perera",)]
    assert article.published is None
    assert [u.text for u in article.updated] == ["Updated: 7:28am, 28 Nov, 2019"]
    # No zone in the text: the value stays naive, never an invented offset.
    assert article.updated[0].value is not None and article.updated[0].value.tzinfo is None
    opening, timeline = article.sections
    assert opening.blocks == (
        Paragraph(
            "Firefighters worked through the night to stop the fire reaching the village. "
            "Crews used foam and <b>raw</b> tags stay words."
        ),
    )
    assert timeline.heading is not None and timeline.heading.text == "Timeline"
    numbered = timeline.blocks[0]
    assert isinstance(numbered, BulletList) and numbered.marker == "1."
    assert [i.text for i in numbered.items] == ["First call at 02:00", "Crews arrive"]
    assert [c.text for c in article.credits] == ["(Reporting by Amal Perera; Editing by Li Wei)"]


def test_markdown_front_matter_supplies_what_the_body_does_not() -> None:
    text = (
        "---\ntitle: From the front matter\nauthors:\n  - Jane Doe\n"
        "description: A summary.\ndate: 2019-11-27T19:17:00+05:30\n---\n\nOnly a paragraph.\n"
    )
    article = read(text, "md")
    assert article.headline.text == "From the front matter"
    assert article.headline.line == 2
    assert [b.text for b in article.bylines] == ["Jane Doe"]
    assert article.standfirst is not None and article.standfirst.text == "A summary."
    assert article.published is not None and article.published.iso == "2019-11-27T19:17:00+05:30"
    assert article.sections[0].blocks == (Paragraph("Only a paragraph."),)
    assert article.sections[0].blocks[0].line == 9


RST_VARIANTS = """\
Fire crews contain moorland blaze
=================================

Firefighters worked through the night.

.. note::

   Roads nearby are closed.

#. First call at 02:00
#. Crews arrive

A quotation follows.

    “We have never seen anything like it,” Amal Perera said.
"""


def test_rst_admonitions_keep_their_words_and_quotes_read_like_plain_text() -> None:
    article = read(RST_VARIANTS, "rst")
    blocks = article.sections[0].blocks
    assert [type(b).__name__ for b in blocks] == [
        "Paragraph",
        "Paragraph",
        "BulletList",
        "Paragraph",
        "Blockquote",
    ]
    assert blocks[1].text == "Roads nearby are closed."
    assert isinstance(blocks[2], BulletList) and blocks[2].marker == "1."
    quote = blocks[4]
    assert isinstance(quote, Blockquote)
    # No ``-- attribution``: the words are read as the plain-text parser reads them.
    assert quote.attribution == "Amal Perera said"
    assert quote.position is AttributionPosition.AFTER


def test_raw_html_in_markdown_is_words_and_comments_are_dropped() -> None:
    text = (
        "# T\n\n<script>alert(1)</script>\n\n<!-- an editor's note -->\n\nBody with <i>tags</i>.\n"
    )
    article = read(text, "md")
    assert [b.text for b in article.blocks()] == [
        "<script>alert(1)</script>",
        "Body with <i>tags</i>.",
    ]


def test_rst_notes_of_docutils_are_not_read_as_words() -> None:
    """An item reading ``2025. …`` is a list numbered from 2025 to docutils, which notes
    "Enumerated list start value not ordinal-1" inside the item; that note is about the
    document, not text of the article."""
    article = read("Title\n=====\n\nIntro.\n\n* 2025. A year.\n* Another.\n", "rst")
    assert "ordinal-1" not in repr(article)
    (list_block,) = [b for b in article.sections[0].blocks if isinstance(b, BulletList)]
    # To reST the first item holds a list numbered from 2025: its number is markup.
    assert [item.text for item in list_block.items] == ["A year.", "Another."]
