"""Invented scrapes of Indian news sites the corpus does not hold (``tests/data/scrapes/``):
each file's headline, dateline, byline, credit, set-aside lines and timestamps as a reader of
the page would name them (``labels.jsonl``), and no word lost from the JSON tree."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from newsconvert import render
from newsconvert.parser import parse_with_trace
from newsconvert.parser.words import word_list

DATA = Path(__file__).parent / "data" / "scrapes"
LABELS = [
    json.loads(line) for line in (DATA / "labels.jsonl").read_text(encoding="utf-8").splitlines()
]
SET_ASIDE = frozenset({"chrome", "crosslink"})


def _observe(text: str) -> dict[str, Any]:
    """The labelled fields as the parser reads ``text``."""
    article, trace = parse_with_trace(text)
    names = [name for byline in article.bylines for name in byline.names]
    credits = [credit.text for credit in article.credits]
    return {
        "headline": article.headline.text if article.headline is not None else None,
        "dateline": article.dateline.place if article.dateline is not None else None,
        "bylines": names,
        "credits": credits,
        "chrome_lines": [row.text for row in trace if row.role in SET_ASIDE],
        "published": (
            [article.published.text, article.published.iso]
            if article.published is not None
            else None
        ),
        "updated": [[stamp.text, stamp.iso] for stamp in article.updated],
    }


def _names(byline: str | list[str] | None) -> list[str]:
    """The labelled byline names: one name, a list of them, or none."""
    return [] if byline is None else [byline] if isinstance(byline, str) else byline


@pytest.mark.parametrize("label", LABELS, ids=[label["file"] for label in LABELS])
def test_each_part_of_the_page_is_what_a_reader_calls_it(label: dict[str, Any]) -> None:
    text = (DATA / label["file"]).read_text(encoding="utf-8")
    seen = _observe(text)
    wanted = {
        "headline": label["headline"],
        "dateline": label["dateline"],
        "bylines": _names(label["byline"]),
        # The labelled credit among the credits (a credit label's line, ``Graphics``, is a
        # credit beside the names it labels), or none.
        "credits": (
            []
            if label["credit"] is None
            else seen["credits"]
            if label["credit"] in seen["credits"]
            else [label["credit"]]
        ),
        "chrome_lines": label["chrome_lines"],
        "published": label["published"],
        "updated": label["updated"],
    }
    assert json.loads(json.dumps(seen, ensure_ascii=False)) == wanted


@pytest.mark.parametrize("label", LABELS, ids=[label["file"] for label in LABELS])
def test_no_word_of_the_page_is_lost(label: dict[str, Any]) -> None:
    text = (DATA / label["file"]).read_text(encoding="utf-8")
    article, _ = parse_with_trace(text)
    strings: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, str):
            strings.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(json.loads(render(article, "json")))
    kept = set(word_list(unicodedata.normalize("NFC", " ".join(strings))))
    assert set(word_list(unicodedata.normalize("NFC", text))) <= kept
