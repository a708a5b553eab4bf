"""The one JSON mapping (newsconvert/jsonmap.py): it covers every field of the tree's
dataclasses, writes exactly the keys the shipped schema requires, and the streamed writer gives
the same bytes as the string one."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

import pytest
from render_support import sample_article

from newsconvert import jsonmap, parse
from newsconvert.renderers import render, render_to
from newsconvert.renderers.json import SCHEMA_PATH, render_json, write_json
from newsconvert.tree import Article, Aside, AsideKind, Headline, Paragraph, Section

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
SHAPES = [
    jsonmap.ARTICLE,
    jsonmap.SECTION,
    jsonmap.TIMESTAMP,
    jsonmap.DATELINE,
    jsonmap.BYLINE,
    jsonmap.DIAGNOSTIC,
    *jsonmap.BLOCKS.values(),
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: shape.cls.__name__)
def test_every_field_of_the_dataclass_is_read_back(shape: Any) -> None:
    fields = {spec.name for spec in dataclasses.fields(shape.cls) if spec.init}
    assert {key.field for key in shape.keys if key.field is not None} == fields


def _block_keys(kind: str) -> set[str]:
    block = SCHEMA["$defs"]["block"]
    keys = set(block["required"])
    for case in block["allOf"]:
        if case["if"]["properties"]["type"]["const"] == kind:
            keys |= set(case["then"]["required"])
    return keys


def test_the_mapping_writes_what_the_schema_requires() -> None:
    written = {
        "article": jsonmap.ARTICLE,
        "timestamp": jsonmap.TIMESTAMP,
        "dateline": jsonmap.DATELINE,
        "section": jsonmap.SECTION,
        "byline": jsonmap.BYLINE,
        "diagnostic": jsonmap.DIAGNOSTIC,
    }
    required = {
        "article": SCHEMA["required"],
        "timestamp": SCHEMA["$defs"]["timestamp"]["required"],
        "dateline": SCHEMA["$defs"]["dateline"]["required"],
        "section": SCHEMA["$defs"]["section"]["required"],
        "byline": SCHEMA["properties"]["byline_details"]["items"]["required"],
        "diagnostic": SCHEMA["properties"]["diagnostics"]["items"]["required"],
    }
    for name, shape in written.items():
        assert [key.name for key in shape.keys] == required[name], name
    for cls, shape in jsonmap.BLOCKS.items():
        kind = shape.dump(_example(cls))["type"]
        assert {key.name for key in shape.keys} == _block_keys(kind), kind


def _example(cls: type) -> Any:
    return next(block for block in sample_article().blocks() if type(block) is cls)


def test_every_block_type_has_a_shape() -> None:
    assert {type(block) for block in sample_article().blocks()} == set(jsonmap.BLOCKS)


@pytest.mark.parametrize(
    "article",
    [
        sample_article(),
        parse("Headline\n\nBy Jane Doe\n\nNEW DELHI (Reuters) - A first paragraph.\n\nMore.\n"),
        Article(Headline("x\ud800y"), sections=(Section(None, (Paragraph("a\udfffb"),)),)),
        Article(None),
        Article(Headline("h"), sections=(Section(None, (Aside("", AsideKind.CHROME),)),)),
    ],
    ids=["every-node", "parsed", "surrogates", "empty", "one-aside"],
)
def test_streaming_writes_the_same_bytes(article: Article) -> None:
    stream = io.StringIO()
    write_json(article, stream)
    assert stream.getvalue() == render_json(article)
    assert json.loads(stream.getvalue()) == jsonmap.to_data(article)
    piped = io.StringIO()
    render_to(piped, article, "json")
    assert piped.getvalue() == render(article, "json") == render_json(article) + "\n"


def test_a_document_reads_back_through_the_same_mapping() -> None:
    article = sample_article()
    from newsconvert.parser.timezones import zone_table

    assert jsonmap.from_data(jsonmap.to_data(article), zones=zone_table()) == article
