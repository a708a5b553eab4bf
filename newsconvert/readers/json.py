"""Reading our JSON back into the tree: the inverse of ``newsconvert.renderers.json``.

The document must be one JSON object whose schema version is the one this newsconvert writes
(:data:`newsconvert.renderers.json.SCHEMA_VERSION`); a different version is refused rather than
guessed at. Every value is type-checked on the way in, and a wrong one is reported with its path
in the document (``sections[0].blocks[2].items[1]: expected a string, got 3``), so a hand-edited
file gets a precise one-line error instead of a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from newsconvert.errors import ParseError
from newsconvert.jsonmap import SCHEMA_VERSION, VERSION_KEY, SchemaError, from_data, kind_of
from newsconvert.parser.timezones import ZoneTable, zone_table
from newsconvert.tree import Article

__all__ = ["VERSION_KEY", "check_version", "dict_to_article", "read_json"]


def read_json(text: str, *, zones: ZoneTable | None = None, source: str | None = None) -> Article:
    """Read a JSON document written by ``newsconvert -t json`` into an :class:`Article`.

    Raises :class:`~newsconvert.errors.ParseError` (with ``source`` and the line) for text that is
    not JSON, a document of another schema version, or values that do not fit the schema.
    ``zones`` names the zones of the timestamps' abbreviations (default: the built-in table).
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"not valid JSON: {error.msg}", source=source, line=error.lineno) from None
    except RecursionError:
        raise ParseError("not valid JSON: nested too deeply", source=source, line=1) from None
    except ValueError as error:  # an integer over Python's digit limit (4,300 by default)
        raise ParseError(f"not valid JSON: {_number_error(error)}", source=source, line=1) from None
    if not isinstance(document, dict):
        raise ParseError(f"expected a JSON object, got {kind_of(document)}", source=source, line=1)
    check_version(document, source=source, line=_line_of_key(text, VERSION_KEY))
    try:
        return dict_to_article(document, source=source, checked=True, zones=zones)
    except ParseError as error:
        # Point at the first line that mentions the offending key, when we can tell.
        raise error.located(source, _line_of_path(text, error.message)) from None


def _number_error(error: ValueError) -> str:
    return "a number too large" if "digits" in str(error) else str(error)


def check_version(
    document: Mapping[str, Any], *, source: str | None = None, line: int | None = None
) -> None:
    """Refuse a document whose schema version is not the one this newsconvert writes."""
    found = document.get(VERSION_KEY)
    if found is None:
        raise ParseError(
            f"not a newsconvert JSON article: no {VERSION_KEY!r} key", source=source, line=line
        )
    if found != SCHEMA_VERSION:
        raise ParseError(
            f"unsupported schema version {found!r} (this newsconvert reads {SCHEMA_VERSION!r})",
            source=source,
            line=line,
        )


def dict_to_article(
    document: Mapping[str, Any],
    *,
    source: str | None = None,
    checked: bool = False,
    zones: ZoneTable | None = None,
) -> Article:
    """Build an :class:`Article` from a decoded JSON document (as ``article_to_dict`` makes it).

    Unless ``checked``, the schema version is verified first. Raises
    :class:`~newsconvert.errors.ParseError` naming the path of the first value that does not fit.
    """
    if not checked:
        check_version(document, source=source)
    try:
        return from_data(document, zones=zones or zone_table(), source=source)
    except SchemaError as error:
        raise ParseError(str(error), source=source) from None


# --- Locating errors in the text ----------------------------------------------------------------


def _line_of_key(text: str, key: str) -> int:
    """The line of the first ``"key":`` in ``text`` (1 if it does not occur)."""
    match = re.search(rf'"{re.escape(key)}"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _line_of_path(text: str, message: str) -> int:
    """The line where the value named by an error message's path (``a[0].b: …``) starts."""
    path = message.split(": ", 1)[0]
    steps: list[str | int] = [
        int(index) if index else key for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path)
    ]
    position = _find_value(text, steps)
    return text.count("\n", 0, position) + 1 if position is not None else 1


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _find_value(text: str, steps: list[str | int]) -> int | None:
    """The offset where the value at ``steps`` starts in JSON ``text``, or ``None``.

    Walks the text with the decoder, skipping over values that are not on the path, so that the
    line reported is that of the very value at fault, not of some other key of the same name.
    """
    position = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    for step in steps:
        opener = "{" if isinstance(step, str) else "["
        if text[position : position + 1] != opener:
            return None
        position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
        index = 0
        while text[position : position + 1] not in ("", "}", "]"):
            if isinstance(step, str):
                key, position = json.decoder.scanstring(text, position + 1)  # type: ignore[attr-defined]
                position = _SPACE.match(text, position).end() + 1  # type: ignore[union-attr]
                position = _SPACE.match(text, position).end()  # type: ignore[union-attr]
                if key == step:
                    break
            elif index == step:
                break
            _, position = _DECODER.raw_decode(text, position)
            position = _SPACE.match(text, position).end()  # type: ignore[union-attr]
            if text[position : position + 1] == ",":
                position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
            index += 1
        else:
            return None
    return position
