"""The shipped JSON Schema (newsconvert/schema/article-v1.json) describes what -t json writes.

Every golden JSON output, a hand-built article with every node type, and (when ../shared is
there) every corpus article rendered as JSON validate against it; a document that breaks it
is refused, so the schema is not vacuous.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS_FILES, corpus_id
from render_support import sample_article

import newsconvert
from newsconvert.renderers.json import SCHEMA_PATH, SCHEMA_VERSION

jsonschema = pytest.importorskip("jsonschema")

GOLDENS = sorted((Path(__file__).resolve().parent / "test_goldens").glob("*.json"))


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    return jsonschema.Draft202012Validator(schema)


def _errors(validator: Any, document: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_the_schema_ships_inside_the_package() -> None:
    assert SCHEMA_PATH.is_file()
    assert SCHEMA_PATH.parent.parent == Path(newsconvert.__file__).resolve().parent


@pytest.mark.parametrize("path", GOLDENS, ids=[path.stem for path in GOLDENS])
def test_golden_json_validates(validator: Any, path: Path) -> None:
    assert _errors(validator, json.loads(path.read_text(encoding="utf-8"))) == []


def test_every_node_type_validates(validator: Any) -> None:
    document = json.loads(newsconvert.render(sample_article(), "json"))
    assert {block["type"] for s in document["sections"] for block in s["blocks"]} == {
        "paragraph", "blockquote", "list", "preformatted", "embed", "aside"
    }  # fmt: skip
    assert _errors(validator, document) == []


def test_a_broken_document_is_refused(validator: Any) -> None:
    document = json.loads(newsconvert.render(sample_article(), "json"))
    for change in (
        lambda d: d.pop("headline"),
        lambda d: d.update(schema_version=2),
        lambda d: d["sections"][0]["blocks"][0].update(type="table"),
        lambda d: d["sections"][0]["blocks"][0].update(line=-1),
        lambda d: d.update(published={"text": "x"}),
    ):
        broken = copy.deepcopy(document)
        change(broken)
        assert _errors(validator, broken), change


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")
def test_every_corpus_render_validates(validator: Any) -> None:
    failures = {}
    for path in CORPUS_FILES:
        text = path.read_bytes().decode("utf-8", errors="replace")
        try:
            article = newsconvert.parse(text, source=corpus_id(path))
        except newsconvert.NewsconvertError:
            continue  # no article in it: nothing to render
        errors = _errors(validator, json.loads(newsconvert.render(article, "json")))
        if errors:
            failures[corpus_id(path)] = errors[:3]
    assert failures == {}
