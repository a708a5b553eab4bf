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
