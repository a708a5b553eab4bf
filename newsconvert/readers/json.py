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
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from newsconvert.errors import ParseError
from newsconvert.parser.timezones import ZoneTable, zone_table
from newsconvert.tree import (
    Article,
    Aside,
    AsideKind,
    AttributionPosition,
    Block,
    Blockquote,
    BulletList,
    Byline,
    Credit,
    Dateline,
    Diagnostic,
    Embed,
    Headline,
    Kicker,
    ListItem,
    Paragraph,
    Preformatted,
    Section,
    SectionHeading,
    Standfirst,
    Timestamp,
)

VERSION_KEY = "schema_version"
"""The key holding the schema version in a document written by ``newsconvert.renderers.json``."""

_T = TypeVar("_T")


class _SchemaError(Exception):
    """A value of the document does not fit the schema; ``path`` says which one."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


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
        raise ParseError(f"expected a JSON object, got {_kind(document)}", source=source, line=1)
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
    from newsconvert.renderers.json import SCHEMA_VERSION

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
        return _article(_Object(document, ""), source, zones or zone_table())
    except _SchemaError as error:
        raise ParseError(str(error), source=source) from None


# --- The schema, node by node -------------------------------------------------------------------


class _Object:
    """A JSON object at a known path, with typed accessors that raise :class:`_SchemaError`."""

    __slots__ = ("path", "values")

    def __init__(self, values: object, path: str) -> None:
        if not isinstance(values, dict):
            raise _SchemaError(path, f"expected an object, got {_kind(values)}")
        self.values: dict[str, Any] = values
        self.path = path

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def text(self, key: str) -> str:
        value = self.values.get(key)
        if not isinstance(value, str):
            raise _SchemaError(self._at(key), f"expected a string, got {_kind(value)}")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is not None and not isinstance(value, str):
            raise _SchemaError(self._at(key), f"expected a string or null, got {_kind(value)}")
        return value

    def line(self) -> int:
        value = self.values.get("line", 0)
        # Line numbers are provenance only; a wrong one is dropped rather than refused.
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def optional(self, key: str, build: Callable[[_Object], _T]) -> _T | None:
        value = self.values.get(key)
        return None if value is None else build(_Object(value, self._at(key)))

    def objects(self, key: str, build: Callable[[_Object], _T]) -> tuple[_T, ...]:
        return tuple(
            build(_Object(value, f"{self._at(key)}[{index}]"))
            for index, value in enumerate(self.array(key))
        )

    def array(self, key: str) -> list[Any]:
        value = self.values.get(key, [])
        if not isinstance(value, list):
            raise _SchemaError(self._at(key), f"expected an array, got {_kind(value)}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        items = self.array(key)
        for index, value in enumerate(items):
            if not isinstance(value, str):
                raise _SchemaError(
                    f"{self._at(key)}[{index}]", f"expected a string, got {_kind(value)}"
                )
        return tuple(items)

    def choice(self, key: str, enum: Callable[[str], _T], default: _T) -> _T:
        value = self.values.get(key)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            raise _SchemaError(self._at(key), f"unknown value {value!r}") from None


def _article(data: _Object, source: str | None, zones: ZoneTable) -> Article:
    headline = data.optional_text("headline")
    kicker = data.optional_text("kicker")
    standfirst = data.optional_text("standfirst")
    written_source = data.values.get("source")
    if source is None and isinstance(written_source, str):
        source = written_source
    return Article(
        headline=(
            None if headline is None else Headline(headline, line=_line_of(data, "headline"))
        ),
        kicker=None if kicker is None else Kicker(kicker, line=_line_of(data, "kicker")),
        standfirst=(
            None if standfirst is None else Standfirst(standfirst, _line_of(data, "standfirst"))
        ),
        published=data.optional("published", lambda stamp: _timestamp(stamp, zones)),
        updated=data.objects("updated", lambda stamp: _timestamp(stamp, zones)),
        dateline=data.optional("dateline", _dateline),
        bylines=_bylines(data),
        credits=_credits(data),
        sections=data.objects("sections", _section),
        source=source,
        diagnostics=data.objects("diagnostics", _diagnostic),
    )


def _diagnostic(data: _Object) -> Diagnostic:
    return Diagnostic(data.text("message"), line=data.line(), code=data.text("code"))


def _line_of(data: _Object, key: str) -> int:
    """The source line of a string-valued field, from ``lines`` when the writer recorded it."""
    lines = data.values.get("lines")
    value = lines.get(key) if isinstance(lines, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _timestamp(data: _Object, zones: ZoneTable) -> Timestamp:
    written = data.optional_text("datetime")
    value: datetime | None = None
    if written is not None:
        try:
            value = datetime.fromisoformat(written)
        except ValueError:
            raise _SchemaError(
                data._at("datetime"), f"not an ISO 8601 date and time: {written!r}"
            ) from None
        if not datetime.min.year < value.year < datetime.max.year:
            # Years 1 and 9999 overflow as soon as a zone moves them past the range's end.
            raise _SchemaError(data._at("datetime"), f"a date out of range: {written!r}")
    zone = data.optional_text("zone")
    return Timestamp(
        text=data.text("text"),
        value=_in_named_zone(value, zone, zones),
        line=data.line(),
        zone=zone,
        place=data.optional_text("place"),
    )


def _in_named_zone(value: datetime | None, zone: str | None, zones: ZoneTable) -> datetime | None:
    """``value`` (with the fixed offset ISO 8601 gives it) in the zone its text named.

    The instant is the same either way; the named zone (``IST`` → Asia/Kolkata) is what the
    parser gives, so a tree read from JSON behaves like the parsed one under arithmetic too.
    Kept as read when the zone is unknown or does not have that offset at that moment.
    """
    if value is None or value.tzinfo is None or zone is None:
        return value
    named = zones.resolve(zone)
    if named is None:
        return value
    local = value.astimezone(named)
    return local if local.utcoffset() == value.utcoffset() else value


def _dateline(data: _Object) -> Dateline:
    return Dateline(
        text=data.text("text"),
        place=data.optional_text("place"),
        date=data.optional_text("date"),
        agency=data.optional_text("agency"),
        line=data.line(),
    )


def _bylines(data: _Object) -> tuple[Byline, ...]:
    """``bylines`` is a list of strings; ``byline_details`` (if written) adds their parts."""
    texts = data.strings("bylines")
    details = data.objects("byline_details", _byline)
    if not details:
        return tuple(Byline(text) for text in texts)
    if tuple(byline.text for byline in details) != texts:
        raise _SchemaError("byline_details", "does not match 'bylines'")
    return details


def _byline(data: _Object) -> Byline:
    return Byline(
        text=data.text("text"),
        names=data.strings("names"),
        agency=data.optional_text("agency"),
        handle=data.optional_text("handle"),
        line=data.line(),
    )


def _credits(data: _Object) -> tuple[Credit, ...]:
    texts = data.strings("credits")
    lines = data.values.get("lines")
    credit_lines = lines.get("credits") if isinstance(lines, dict) else None
    if not isinstance(credit_lines, list) or len(credit_lines) != len(texts):
        credit_lines = [0] * len(texts)
    return tuple(
        Credit(text, line=line if isinstance(line, int) else 0)
        for text, line in zip(texts, credit_lines, strict=True)
    )


def _section(data: _Object) -> Section:
    heading = data.values.get("heading")
    if heading is not None and not isinstance(heading, str):
        raise _SchemaError(data._at("heading"), f"expected a string or null, got {_kind(heading)}")
    heading_line = data.values.get("heading_line", data.values.get("line", 0))
    return Section(
        heading=None
        if heading is None
        else SectionHeading(heading, line=heading_line if isinstance(heading_line, int) else 0),
        blocks=data.objects("blocks", _block),
    )


def _block(data: _Object) -> Block:
    kind = data.text("type")
    build = _BLOCKS.get(kind)
    if build is None:
        raise _SchemaError(data._at("type"), f"unknown block type {kind!r}")
    return build(data)


def _paragraph(data: _Object) -> Paragraph:
    return Paragraph(data.text("text"), line=data.line())


def _blockquote(data: _Object) -> Blockquote:
    return Blockquote(
        text=data.text("text"),
        quote=data.text("quote"),
        attribution=data.optional_text("attribution"),
        position=data.choice("position", AttributionPosition, AttributionPosition.NONE),
        line=data.line(),
    )


def _bullet_list(data: _Object) -> BulletList:
    items = data.strings("items")
    item_lines = data.values.get("item_lines")
    lines = (
        item_lines
        if isinstance(item_lines, list) and len(item_lines) == len(items)
        else [0] * len(items)
    )
    return BulletList(
        items=tuple(
            ListItem(text, line=line if isinstance(line, int) else 0)
            for text, line in zip(items, lines, strict=True)
        ),
        marker=_default(data.optional_text("marker"), "-"),
        line=data.line(),
    )


def _preformatted(data: _Object) -> Preformatted:
    return Preformatted(data.text("text"), line=data.line())


def _embed(data: _Object) -> Embed:
    return Embed(
        text=data.text("text"),
        author=data.optional_text("author"),
        handle=data.optional_text("handle"),
        date=data.optional_text("date"),
        url=data.optional_text("url"),
        line=data.line(),
    )


def _aside(data: _Object) -> Aside:
    return Aside(
        text=data.text("text"),
        kind=data.choice("kind", AsideKind, AsideKind.OTHER),
        line=data.line(),
    )


_BLOCKS: dict[str, Callable[[_Object], Block]] = {
    "paragraph": _paragraph,
    "blockquote": _blockquote,
    "list": _bullet_list,
    "preformatted": _preformatted,
    "embed": _embed,
    "aside": _aside,
}
"""Block builders by the ``type`` the JSON writer gives each block."""


# --- Locating errors in the text ----------------------------------------------------------------


def _kind(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


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


def _default(value: str | None, default: str) -> str:
    """``value``, or ``default`` when the key was absent (an empty string is a value)."""
    return default if value is None else value
