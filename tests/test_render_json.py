"""The JSON output: the keys pipelines rely on, and everything needed to rebuild the tree."""

from __future__ import annotations

import json

import pytest
from render_support import sample_article

import newsconvert
from newsconvert.renderers import render
from newsconvert.renderers.json import SCHEMA_VERSION, article_to_dict, block_to_dict
from newsconvert.tree import Article, Headline

ARTICLE = sample_article()


def test_required_keys_and_types() -> None:
    data = json.loads(render(ARTICLE, "json"))
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["headline"] == "Cambodia PM accepts Trump's invitation"
    assert data["kicker"] == "International"
    assert data["standfirst"] == "The PM of Cambodia has presented an offer."
    assert data["published"] == {
        "text": "Published 19:17 IST, November 27th 2019",
        "datetime": "2019-11-27T19:17:00+05:30",
        "zone": "IST",
        "place": None,
        "line": 1,
    }
    assert [u["datetime"] for u in data["updated"]] == ["2019-11-27T19:34:00+05:30", None]
    assert data["dateline"] == {
        "text": "NEW DELHI, Nov 13 (Reuters) -",
        "place": "NEW DELHI",
        "date": "Nov 13",
        "agency": "Reuters",
        "line": 0,
    }
    assert data["bylines"] == ["By Jane Doe and John Roe", "Asha Rao | PTI@asharao"]
    assert data["credits"] == ["(With AP inputs)", "Reuter"]
    assert [s["heading"] for s in data["sections"]] == [None, "Cambodian PM's reputation"]
    for section in data["sections"]:
        for block in section["blocks"]:
            assert isinstance(block["type"], str) and isinstance(block["text"], str)


def test_blocks() -> None:
    blocks = [b for s in json.loads(render(ARTICLE, "json"))["sections"] for b in s["blocks"]]
    types = [b["type"] for b in blocks]
    assert types == ["paragraph", "blockquote", "list", "list", "aside", "aside", "blockquote",
                     "blockquote", "preformatted", "embed", "aside", "aside", "aside",
                     "paragraph"]  # fmt: skip
    quote = blocks[1]
    assert quote["quote"] == "I am reassured by your statement,"
    assert quote["attribution"] == "Hun Sen wrote" and quote["position"] == "after"
    assert blocks[2]["items"] == ["first point", "second point"]
    assert blocks[2]["text"] == "first point\nsecond point" and blocks[2]["marker"] == "\u2022"
    # Chrome and duplicates are in the JSON: it is the whole tree.
    assert [b["kind"] for b in blocks if b["type"] == "aside"] == [
        "chrome", "crosslink", "caption", "duplicate", "other",
    ]  # fmt: skip
    assert blocks[9]["handle"] == "@janedoe" and blocks[9]["url"] == "pic.twitter.com/AbCdEf"


def test_details_for_rebuilding_the_tree() -> None:
    data = article_to_dict(ARTICLE)
    assert data["lines"] == {"headline": 2, "kicker": 1, "standfirst": 3, "credits": [11, 0]}
    assert data["byline_details"][1] == {
        "text": "Asha Rao | PTI@asharao",
        "names": ["Asha Rao"],
        "agency": "PTI",
        "handle": "@asharao",
        "line": 0,
    }
    assert data["sections"][1]["heading_line"] == 7


def test_minimal_article_uses_nulls_and_empty_lists() -> None:
    data = json.loads(render(Article(Headline("Only a headline")), "json"))
    assert data["kicker"] is None and data["standfirst"] is None
    assert data["published"] is None and data["dateline"] is None
    assert data["updated"] == [] and data["bylines"] == [] and data["sections"] == []


def test_text_is_unescaped_utf8_and_formatted() -> None:
    text = render(ARTICLE, "json")
    assert "\u201cI am reassured" in text  # ensure_ascii=False
    assert text.startswith('{\n  "schema_version": 1,') and text.endswith("}\n")


def test_unknown_block_type() -> None:
    with pytest.raises(TypeError):
        block_to_dict(object())  # type: ignore[arg-type]


def test_layout_one_line_per_key_section_and_block(corpus_dir: object) -> None:
    from pathlib import Path

    for path in sorted(Path(str(corpus_dir)).rglob("*.txt"))[:40]:
        try:
            article = newsconvert.parse(path.read_text(encoding="utf-8"), source=str(path))
        except (newsconvert.NewsconvertError, UnicodeDecodeError):
            continue
        text = render(article, "json")
        data = article_to_dict(article)
        assert json.loads(text) == data  # the same data as json.dumps would write
        lines = text.rstrip("\n").split("\n")
        blocks = sum(len(section.blocks) for section in article.sections)
        sections = len(article.sections)
        # "{", "}", the keys, and for sections: the closing "]", one opening per section, one
        # line per block and one closing "]}" per section that has blocks.
        with_blocks = sum(1 for section in article.sections if section.blocks)
        assert (
            len(lines) == 2 + len(data) + (1 if sections else 0) + sections + blocks + with_blocks
        )
        assert all(
            line.startswith('      {"type": ') for line in lines if line.startswith("      ")
        )


def test_lone_surrogates_are_escaped_not_written() -> None:

    text = render(Article(Headline("x\ud800y")), "json")
    text.encode("utf-8")  # writable
    assert "\\ud800" in text and json.loads(text)["headline"] == "x\ud800y"
