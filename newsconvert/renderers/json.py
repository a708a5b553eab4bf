"""The JSON output: the article tree as plain data, with a schema version.

:func:`article_to_dict` gives a dictionary that :func:`json.dumps` serialises as is;
:func:`dumps` writes it the way ``newsconvert -t json`` does. The schema
(version :data:`SCHEMA_VERSION`) is stable: keys are only ever added, and a change of meaning
raises the version. Everything needed to rebuild the exact tree is present, including source
lines, so ``dict_to_article(article_to_dict(a)) == a`` (and the lines match too).

The schema is ``newsconvert/schema/article-v1.json`` (JSON Schema 2020-12, shipped in the
package: :data:`SCHEMA_PATH`); ``docs/json.rst`` explains each key. The tests validate every
output against it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsconvert.errors import UnknownBlockTypeError
from newsconvert.tree import (
    Article,
    Aside,
    Block,
    Blockquote,
    BulletList,
    Dateline,
    Embed,
    Paragraph,
    Preformatted,
    Timestamp,
)

SCHEMA_VERSION = 1
"""The version of the JSON schema (``schema_version``)."""

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / f"article-v{SCHEMA_VERSION}.json"
"""The JSON Schema of what :func:`article_to_dict` gives, shipped in the package."""


def timestamp_to_dict(stamp: Timestamp) -> dict[str, Any]:
    """A timestamp as ``{text, datetime, zone, place, line}``."""
    return {
        "text": stamp.text,
        "datetime": stamp.iso,
        "zone": stamp.zone,
        "place": stamp.place,
        "line": stamp.line,
    }


def dateline_to_dict(dateline: Dateline) -> dict[str, Any]:
    """A dateline as ``{text, place, date, agency, line}``."""
    return {
        "text": dateline.text,
        "place": dateline.place,
        "date": dateline.date,
        "agency": dateline.agency,
        "line": dateline.line,
    }


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block as ``{type, text, line, …}`` (see the module docstring for each type's keys).

    Raises :class:`~newsconvert.errors.UnknownBlockTypeError` (a :class:`TypeError`) for a
    block type the schema does not know.
    """
    kind = type(block)
    if kind is Paragraph or kind is Preformatted:
        return {"type": _TYPE_NAMES[kind], "text": block.text, "line": block.line}
    if kind is Blockquote:
        assert isinstance(block, Blockquote)
        return {
            "type": "blockquote",
            "text": block.text,
            "quote": block.quote,
            "attribution": block.attribution,
            "position": str(block.position),
            "line": block.line,
        }
    if kind is BulletList:
        assert isinstance(block, BulletList)
        return {
            "type": "list",
            "text": block.text,
            "items": [item.text for item in block.items],
            "item_lines": [item.line for item in block.items],
            "marker": block.marker,
            "line": block.line,
        }
    if kind is Embed:
        assert isinstance(block, Embed)
        return {
            "type": "embed",
            "text": block.text,
            "author": block.author,
            "handle": block.handle,
            "date": block.date,
            "url": block.url,
            "line": block.line,
        }
    if kind is Aside:
        assert isinstance(block, Aside)
        return {"type": "aside", "text": block.text, "kind": str(block.kind), "line": block.line}
    raise UnknownBlockTypeError(block, "JSON")


_TYPE_NAMES = {Paragraph: "paragraph", Preformatted: "preformatted"}


def article_to_dict(article: Article) -> dict[str, Any]:
    """The whole tree of ``article`` as JSON-ready data (schema in the module docstring)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": article.source,
        "headline": article.headline.text if article.headline else None,
        "kicker": article.kicker.text if article.kicker else None,
        "standfirst": article.standfirst.text if article.standfirst else None,
        "published": timestamp_to_dict(article.published) if article.published else None,
        "updated": [timestamp_to_dict(stamp) for stamp in article.updated],
        "dateline": dateline_to_dict(article.dateline) if article.dateline else None,
        "bylines": [byline.text for byline in article.bylines],
        "credits": [credit.text for credit in article.credits],
        "sections": [
            {
                "heading": section.heading.text if section.heading else None,
                "heading_line": section.heading.line if section.heading else 0,
                "blocks": [block_to_dict(block) for block in section.blocks],
            }
            for section in article.sections
        ],
        "lines": {
            "headline": article.headline.line if article.headline else 0,
            "kicker": article.kicker.line if article.kicker else 0,
            "standfirst": article.standfirst.line if article.standfirst else 0,
            "credits": [credit.line for credit in article.credits],
        },
        "byline_details": [
            {
                "text": byline.text,
                "names": list(byline.names),
                "agency": byline.agency,
                "handle": byline.handle,
                "line": byline.line,
            }
            for byline in article.bylines
        ],
        "diagnostics": [
            {"message": d.message, "line": d.line, "code": d.code} for d in article.diagnostics
        ],
    }


def _encoder(ascii_only: bool) -> Callable[[Any], str]:
    """A compact encoder for one value, configured once (``json.dumps`` would build an encoder
    on every call)."""
    return json.JSONEncoder(
        ensure_ascii=ascii_only, check_circular=False, separators=(", ", ": ")
    ).encode


_ENCODERS = {ascii_only: _encoder(ascii_only) for ascii_only in (False, True)}
_ENCODED_KEYS: dict[bool, dict[str, str]] = {False: {}, True: {}}
"""Each top-level key as JSON, per ``ensure_ascii``, encoded once: the keys are the schema's
few names, and calling the encoder costs more than the lookup."""


def dumps(data: dict[str, Any], *, ensure_ascii: bool = False) -> str:
    """``data`` (from :func:`article_to_dict`) as JSON laid out for reading and diffing.

    One top-level key per line, one line per section opening and one per block; each value on
    its line is written compactly by the standard library's C encoder. (``json.dumps`` with
    ``indent`` falls back to its pure-Python encoder, three times slower for an article.)
    ``json.loads`` of the result gives back ``data`` exactly.
    """
    encode = _ENCODERS[ensure_ascii]
    encoded_keys = _ENCODED_KEYS[ensure_ascii]
    rows = []
    for key, value in data.items():
        encoded_key = encoded_keys.get(key)
        if encoded_key is None:
            encoded_key = encoded_keys[key] = encode(key)
        if key == "sections" and value:
            sections = []
            for section in value:
                opening = {name: item for name, item in section.items() if name != "blocks"}
                blocks = section.get("blocks")
                listed = (
                    "[\n" + ",\n".join(f"      {encode(block)}" for block in blocks) + "\n    ]"
                    if blocks
                    else encode(blocks)
                )
                head = encode(opening)[:-1] + (", " if opening else "")
                sections.append(f'    {head}"blocks": {listed}}}')
            rows.append(f"  {encoded_key}: [\n" + ",\n".join(sections) + "\n  ]")
        else:
            rows.append(f"  {encoded_key}: {encode(value)}")
    return "{\n" + ",\n".join(rows) + "\n}"


def render_json(article: Article) -> str:
    """``article`` as the JSON document :func:`newsconvert.render` writes (no final line break).

    Lone surrogates cannot be written as UTF-8, so an article holding one is written with
    ``\\u`` escapes throughout.
    """
    data = article_to_dict(article)
    text = dumps(data)
    try:
        text.encode()  # cheaper than searching for surrogates
    except UnicodeEncodeError:
        text = dumps(data, ensure_ascii=True)
    return text
