"""The JSON output: the article tree as plain data, with a schema version.

The mapping itself (which key holds what) is :mod:`newsconvert.jsonmap`, shared with the reader;
this module lays the data out for reading and diffing, and writes it to a string or streams it
to a file. The schema is ``newsconvert/schema/article-v1.json`` (:data:`SCHEMA_PATH`);
``docs/json.rst`` explains each key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from newsconvert.jsonmap import SCHEMA_VERSION, block_to_data, section_opening, to_data, top_level
from newsconvert.tree import Article, Block, Section

__all__ = [
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "article_to_dict",
    "block_to_dict",
    "dumps",
    "render_json",
    "write_json",
]

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / f"article-v{SCHEMA_VERSION}.json"
"""The JSON Schema of what :func:`article_to_dict` gives, shipped in the package."""


def article_to_dict(article: Article) -> dict[str, Any]:
    """The whole tree of ``article`` as JSON-ready data (``dict_to_article`` reads it back)."""
    return to_data(article)


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block as ``{type, text, …, line}``. Raises
    :class:`~newsconvert.errors.UnknownBlockTypeError` (a :class:`TypeError`) for a block type
    the schema does not know."""
    return block_to_data(block)


def _encoder(ascii_only: bool) -> Callable[[Any], str]:
    """A compact encoder for one value, configured once (``json.dumps`` would build an encoder
    on every call)."""
    return json.JSONEncoder(
        ensure_ascii=ascii_only, check_circular=False, separators=(", ", ": ")
    ).encode


_ENCODERS = {ascii_only: _encoder(ascii_only) for ascii_only in (False, True)}
_KEYS: dict[bool, dict[str, str]] = {False: {}, True: {}}
"""Each top-level key's line opening, per ``ensure_ascii``, encoded once: the keys are the
schema's few names, and calling the encoder costs more than the lookup."""

_Sections = Iterable[tuple[dict[str, Any], Iterable[dict[str, Any]]]]


def _write(
    pairs: Iterable[tuple[str, Any]],
    sections: Callable[[Any], _Sections],
    write: Callable[[str], Any],
    *,
    ensure_ascii: bool,
) -> None:
    """Write the document laid out for reading and diffing: one top-level key per line, one
    line per section opening and one per block, each value on its line written compactly by
    the standard library's C encoder (``json.dumps`` with ``indent`` falls back to its
    pure-Python encoder, three times slower for an article). ``sections`` turns the value of
    ``sections`` into (opening keys, blocks) pairs; nothing else is held whole."""
    encode = _ENCODERS[ensure_ascii]
    keys = _KEYS[ensure_ascii]
    write("{\n")
    first_key = True
    for key, value in pairs:
        line = keys.get(key)
        if line is None:
            line = keys[key] = f"  {encode(key)}: "
        write(line if first_key else ",\n" + line)
        first_key = False
        if key != "sections":
            write(encode(value))
            continue
        first_section = True
        for opening, blocks in sections(value):
            head = encode(opening)[:-1] + (", " if opening else "")
            write(f'{"[" if first_section else ","}\n    {head}"blocks": ')
            first_section = False
            first_block = True
            for block in blocks:
                write(f"{'[' if first_block else ','}\n      {encode(block)}")
                first_block = False
            write("[]}" if first_block else "\n    ]}")
        write("[]" if first_section else "\n  ]")
    write("\n}")


def _data_sections(value: list[dict[str, Any]]) -> _Sections:
    return (
        ({name: item for name, item in section.items() if name != "blocks"}, section["blocks"])
        for section in value
    )


def _tree_sections(value: tuple[Section, ...]) -> _Sections:
    return ((section_opening(section), map(block_to_data, section.blocks)) for section in value)


def dumps(data: dict[str, Any], *, ensure_ascii: bool = False) -> str:
    """``data`` (from :func:`article_to_dict`) as JSON laid out for reading and diffing (as
    ``newsconvert -t json`` writes it, without the final line break). ``json.loads`` of the
    result gives back ``data`` exactly."""
    pieces: list[str] = []
    _write(data.items(), _data_sections, pieces.append, ensure_ascii=ensure_ascii)
    return "".join(pieces)


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Surrogate(Exception):
    """A piece of the document holds a lone surrogate."""


def _refuse_surrogate(piece: str) -> None:
    if _SURROGATE.search(piece) is not None:
        raise _Surrogate


def _pieces(article: Article, write: Callable[[str], Any], *, ensure_ascii: bool) -> None:
    _write(top_level(article), _tree_sections, write, ensure_ascii=ensure_ascii)


def write_json(article: Article, stream: TextIO) -> None:
    """Write ``article`` to ``stream`` as :func:`render_json` gives it, block by block, without
    holding the whole document (for big articles).

    Lone surrogates cannot be written as UTF-8, so an article holding one is written with
    ``\\u`` escapes throughout. A tree the parser made from cleaned text holds none; any other
    is first run through without writing, to find out.
    """
    ensure_ascii = False
    if not article.characters_checked:
        try:
            _pieces(article, _refuse_surrogate, ensure_ascii=False)
        except _Surrogate:
            ensure_ascii = True
    _pieces(article, stream.write, ensure_ascii=ensure_ascii)


def render_json(article: Article) -> str:
    """``article`` as the JSON document :func:`newsconvert.render` writes (no final line break),
    escaped as :func:`write_json` says."""
    pieces: list[str] = []
    _pieces(article, pieces.append, ensure_ascii=False)
    text = "".join(pieces)
    if not article.characters_checked:
        try:
            text.encode()  # cheaper than searching for surrogates
        except UnicodeEncodeError:
            pieces.clear()
            _pieces(article, pieces.append, ensure_ascii=True)
            text = "".join(pieces)
    return text
