"""The JSON reader: our schema back into the exact tree, and precise errors for anything else."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import CORPUS_FILES, corpus_id

from newsconvert.errors import ParseError
from newsconvert.readers import read
from newsconvert.readers.json import dict_to_article
from newsconvert.renderers.json import SCHEMA_VERSION, article_to_dict
from newsconvert.tree import Article


def provenance(node: object) -> list[object]:
    """Every line number and time-zone object in a tree: what ``==`` does not compare."""
    found: list[object] = []
    if dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            if field.name == "line":
                found.append((type(node).__name__, value))
            elif field.name == "value" and value is not None:
                found.append(value.tzinfo)
            else:
                found.extend(provenance(value))
    elif isinstance(node, tuple):
        for item in node:
            found.extend(provenance(item))
    return found


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_corpus_reads_back_exactly_lines_and_zones_included(path: Path) -> None:
    from newsconvert import parse
    from newsconvert.source import read_source

    article = parse(read_source(path).text, source=str(path))
    text = json.dumps(article_to_dict(article), ensure_ascii=False, indent=2)
    again = read(text, "json", source="x.json")
    assert again == article
    assert provenance(again) == provenance(article)
    assert again.diagnostics == article.diagnostics


REFERENCE = {
    "schema_version": SCHEMA_VERSION,
    "headline": "Title",
    "kicker": None,
    "standfirst": None,
    "published": {
        "text": "Published 19:17 IST, November 27th 2019",
        "datetime": "2019-11-27T19:17:00+05:30",
        "zone": "IST",
        "place": None,
    },
    "updated": [],
    "dateline": None,
    "bylines": ["By Jane Doe"],
    "credits": [],
    "sections": [
        {
            "heading": None,
            "blocks": [
                {"type": "paragraph", "text": "One."},
                {"type": "list", "text": "a\nb", "items": ["a", "b"]},
            ],
        }
    ],
}


def test_minimal_document_with_only_the_documented_keys() -> None:
    article = dict_to_article(REFERENCE)
    assert isinstance(article, Article)
    assert article.published is not None
    # The ISO offset is read back in the zone the text named, as the parser resolves it.
    assert article.published.value is not None
    assert article.published.value.tzinfo == ZoneInfo("Asia/Kolkata")
    assert [b.text for b in article.bylines] == ["By Jane Doe"]
    assert [i.text for i in article.sections[0].blocks[1].items] == ["a", "b"]


def document(**changes: object) -> str:
    return json.dumps({**REFERENCE, **changes}, indent=2)


def error_of(text: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        read(text, "json", source="a.json")
    return caught.value


def test_invalid_json_names_its_line() -> None:
    error = error_of('{\n  "headline": "x",\n  "kicker": nope\n}')
    assert str(error) == "a.json:3: not valid JSON: Expecting value"


def test_not_an_object() -> None:
    assert str(error_of("[1, 2]")) == "a.json:1: expected a JSON object, got an array"


def test_wrong_schema_version_is_refused_at_its_line() -> None:
    error = error_of(document(schema_version=SCHEMA_VERSION + 1))
    assert error.line == 2
    assert error.message == (
        f"unsupported schema version {SCHEMA_VERSION + 1} (this newsconvert reads {SCHEMA_VERSION})"
    )


def test_missing_schema_version() -> None:
    data = {k: v for k, v in REFERENCE.items() if k != "schema_version"}
    error = error_of(json.dumps(data))
    assert "no 'schema_version' key" in error.message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"headline": 5}, "headline: expected a string or null, got the number 5"),
        ({"bylines": ["ok", 3]}, "bylines[1]: expected a string, got the number 3"),
        (
            {"sections": [{"heading": None, "blocks": [{"type": "video", "text": "x"}]}]},
            "sections[0].blocks[0].type: unknown block type 'video'",
        ),
        (
            {"sections": [{"heading": None, "blocks": [{"type": "list", "items": "a"}]}]},
            "sections[0].blocks[0].items: expected an array, got a string",
        ),
        (
            {"published": {"text": "x", "datetime": "27/11/2019"}},
            "published.datetime: not an ISO 8601 date and time: '27/11/2019'",
        ),
        (
            {
                "sections": [
                    {"heading": None, "blocks": [{"type": "aside", "text": "x", "kind": "ad"}]}
                ]
            },
            "sections[0].blocks[0].kind: unknown value 'ad'",
        ),
    ],
)
def test_values_that_do_not_fit_are_named_by_path(change: dict[str, object], message: str) -> None:
    text = document(**change)
    error = error_of(text)
    assert error.message == message
    # The line is where that very value starts, not some other key of the same name.
    at_fault = text.splitlines()[error.line - 1].strip()
    key = message.split(":")[0].rsplit(".", 1)[-1]
    assert at_fault.startswith(f'"{key}"') or (key.endswith("[1]") and at_fault == "3")


def test_error_line_is_the_offending_value_not_the_first_key_of_that_name() -> None:
    blocks = [{"type": "paragraph", "text": "ok"}, {"type": "paragraph", "text": 5}]
    text = document(sections=[{"heading": None, "blocks": blocks}])
    error = error_of(text)
    assert error.message == "sections[0].blocks[1].text: expected a string, got the number 5"
    assert text.splitlines()[error.line - 1].strip() == '"text": 5'


def test_an_integer_over_pythons_digit_limit_is_a_parse_error() -> None:
    text = '{"schema_version": 1, "headline": "A", "lines": ' + "9" * 5000 + "}"
    assert str(error_of(text)) == "a.json:1: not valid JSON: a number too large"


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+14:00"])
def test_a_date_that_would_overflow_in_a_zone_is_a_parse_error(moment: str) -> None:
    data = article_to_dict(read("Published 10:42 IST, March 3rd 2025\nHeadline\n\nBody.\n", "text"))
    data["published"]["datetime"] = moment
    error = error_of(json.dumps(data, indent=1))
    assert error.message == f"published.datetime: a date out of range: {moment!r}"
