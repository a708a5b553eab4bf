"""A page scraped with its chrome, in a layout the corpus does not have: every line's role."""

from __future__ import annotations

from pathlib import Path

from newsconvert.parser import parse_with_trace
from newsconvert.tree import Aside, AsideKind, BulletList

DATA = Path(__file__).parent / "data" / "parser"

EXPECTED_ROLES = [
    "chrome",
    "chrome",
    "kicker",
    "headline",
    "standfirst",
    "byline",
    "byline",
    "timestamp.updated",
    "timestamp.published",
    "chrome",
    "paragraph",
    "crosslink",
    "paragraph",
    "paragraph",
    "heading",
    "paragraph",
    "list-item",
    "list-item",
    "caption",
    "duplicate",
    "paragraph",
    "chrome",
    "chrome",
    "chrome",
]


def test_scraped_page_roles_line_by_line() -> None:
    text = (DATA / "scraped_page.txt").read_text(encoding="utf-8")
    article, trace = parse_with_trace(text, source="scraped_page.txt")
    assert [row.role for row in trace] == EXPECTED_ROLES
    assert article.kicker is not None and article.kicker.text == "International"
    assert article.headline.text == "Sri Lanka to hold snap election in April, president says"
    assert article.bylines[0].names == ("Associated Press",)
    assert article.published is not None and article.published.place == "COLOMBO"
    assert article.published.iso == "2019-11-19T20:56:00+05:30"
    assert [stamp.iso for stamp in article.updated] == ["2021-11-28T11:09:00+05:30"]
    assert article.dateline is not None and article.dateline.place == "COLOMBO"
    assert [credit.text for credit in article.credits] == ["(PTI)"]
    blocks = article.blocks()
    chrome = [b for b in blocks if isinstance(b, Aside) and b.kind == AsideKind.CHROME]
    assert len(chrome) == 6
    lists = [b for b in blocks if isinstance(b, BulletList)]
    assert [item.text for item in lists[0].items] == [
        "Nominations close: March 2",
        "Polling day: April 4",
    ]
    last_paragraph = [b for b in blocks if type(b).__name__ == "Paragraph"][-1]
    assert last_paragraph.text.endswith("announce the full schedule next week.")
