"""The tree's JSON form, defined once: for each node class, the keys of its JSON object in the
order they are written, each with how its value is written and read back.

Most shapes are derived from the node's dataclass fields (:func:`_derived`: a field's type says
how it travels); the article, sections, lists and timestamps list their keys by hand, where the
schema lays them out differently from the dataclasses. The writer
(:mod:`newsconvert.renderers.json`) and the reader (:mod:`newsconvert.readers.json`) both walk
these shapes; ``newsconvert/schema/article-v1.json`` is their JSON Schema and ``docs/json.rst``
explains each key.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from newsconvert.errors import UnknownBlockTypeError
from newsconvert.facts import BLOCK_TYPES
from newsconvert.tree import (
    Article,
    Block,
    BulletList,
    Byline,
    Credit,
    Dateline,
    Diagnostic,
    Headline,
    Kicker,
    ListItem,
    Section,
    SectionHeading,
    Standfirst,
    Timestamp,
)

if TYPE_CHECKING:
    from newsconvert.parser.timezones import ZoneTable

__all__ = [
    "SCHEMA_VERSION",
    "VERSION_KEY",
    "SchemaError",
    "block_to_data",
    "from_data",
    "section_opening",
    "to_data",
    "top_level",
]

SCHEMA_VERSION = 1
"""The version of the JSON schema (``schema_version``)."""

VERSION_KEY = "schema_version"
"""The key holding the schema version."""

_T = TypeVar("_T")


class SchemaError(Exception):
    """A value of a document does not fit the schema; ``path`` says which one."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading needs beyond the document: the zones of the timestamps' abbreviations and
    the source name the caller gives (which wins over the one written)."""

    zones: ZoneTable
    source: str | None = None


# --- Reading values at a path -------------------------------------------------------------------


def kind_of(value: object) -> str:
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


def _is_line(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class JsonObject:
    """A JSON object at a known path, with typed accessors that raise :class:`SchemaError`."""

    __slots__ = ("path", "values")

    def __init__(self, values: object, path: str) -> None:
        if not isinstance(values, dict):
            raise SchemaError(path, f"expected an object, got {kind_of(values)}")
        self.values: dict[str, Any] = values
        self.path = path

    def at(self, key: str) -> str:
        """The path of ``key`` in this object."""
        return f"{self.path}.{key}" if self.path else key

    def text(self, key: str) -> str:
        value = self.values.get(key)
        if not isinstance(value, str):
            raise SchemaError(self.at(key), f"expected a string, got {kind_of(value)}")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is not None and not isinstance(value, str):
            raise SchemaError(self.at(key), f"expected a string or null, got {kind_of(value)}")
        return value

    def line(self, key: str = "line") -> int:
        value = self.values.get(key, 0)
        # Line numbers are provenance only; a wrong one is dropped rather than refused.
        return value if _is_line(value) else 0

    def lines(self, key: str, count: int) -> list[int]:
        """``count`` line numbers from the array at ``key``; zeros when it does not fit."""
        values = self.values.get(key)
        if not isinstance(values, list) or len(values) != count:
            return [0] * count
        return [value if _is_line(value) else 0 for value in values]

    def optional(self, key: str, build: Callable[[JsonObject], _T]) -> _T | None:
        value = self.values.get(key)
        return None if value is None else build(JsonObject(value, self.at(key)))

    def objects(self, key: str, build: Callable[[JsonObject], _T]) -> tuple[_T, ...]:
        return tuple(
            build(JsonObject(value, f"{self.at(key)}[{index}]"))
            for index, value in enumerate(self.array(key))
        )

    def array(self, key: str) -> list[Any]:
        value = self.values.get(key, [])
        if not isinstance(value, list):
            raise SchemaError(self.at(key), f"expected an array, got {kind_of(value)}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        items = self.array(key)
        for index, value in enumerate(items):
            if not isinstance(value, str):
                raise SchemaError(
                    f"{self.at(key)}[{index}]", f"expected a string, got {kind_of(value)}"
                )
        return tuple(items)

    def choice(self, key: str, enum: Callable[[str], _T], default: _T) -> _T:
        value = self.values.get(key)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            raise SchemaError(self.at(key), f"unknown value {value!r}") from None


# --- Shapes -------------------------------------------------------------------------------------

Load = Callable[[JsonObject, Reading], Any]
"""Reads a key's value from a node's object: what the node's constructor takes for the field."""


@dataclass(frozen=True, slots=True)
class Key:
    """One key of a node's JSON object."""

    name: str
    """The key."""
    dump: Callable[[Any], Any]
    """The node to the key's JSON value."""
    field: str | None = None
    """The constructor argument the key gives back on reading; ``None`` for a key that is
    written only (derived, or read together with another key)."""
    load: Load | None = None
    """Reads the argument's value (needed when ``field`` is set)."""
    attribute: str | None = None
    """Set when the value is the node's attribute of that name, as it is (``dump`` then reads
    just that), so that the shape's writer can read it directly."""


class Shape:
    """How one node class is written and read: its keys in the order they are written.
    ``finish`` adjusts the constructor's arguments once every key is read."""

    __slots__ = ("_loads", "cls", "dump", "finish", "keys")

    def __init__(
        self,
        cls: type,
        keys: tuple[Key, ...],
        finish: Callable[[dict[str, Any], Reading], None] | None = None,
    ) -> None:
        self.cls = cls
        self.keys = keys
        self.finish = finish
        self.dump = _writer(cls, keys)
        self._loads = tuple(
            (key.field, key.load) for key in keys if key.field is not None and key.load is not None
        )

    def load(self, data: JsonObject, reading: Reading) -> Any:
        """The node ``data`` describes."""
        arguments = {name: load(data, reading) for name, load in self._loads}
        if self.finish is not None:
            self.finish(arguments, reading)
        return self.cls(**arguments)


def _writer(cls: type, keys: tuple[Key, ...]) -> Callable[[Any], dict[str, Any]]:
    """A function giving a node as JSON data: one dictionary display, reading plain attributes
    directly and calling the other keys' ``dump``. Made from source, as :mod:`dataclasses`
    makes ``__init__``, since it runs once per node of every article written (a loop over the
    keys costs twice as much)."""
    namespace: dict[str, Any] = {}
    items = []
    for index, key in enumerate(keys):
        if key.attribute is not None and key.attribute.isidentifier():
            items.append(f"{key.name!r}: node.{key.attribute}")
        else:
            namespace[f"dump_{index}"] = key.dump
            items.append(f"{key.name!r}: dump_{index}(node)")
    source = f"def dump_{cls.__name__}(node):\n    return {{{', '.join(items)}}}\n"
    exec(source, namespace)  # the source is made above from field names only
    dump: Callable[[Any], dict[str, Any]] = namespace[f"dump_{cls.__name__}"]
    dump.__doc__ = f"A {cls.__name__} as JSON data."
    return dump


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda node: value


def _field_key(cls: type, name: str, kind: Any, default: Any) -> Key:
    """The key of a dataclass field, written as its type says."""
    get = attrgetter(name)
    if kind is str:
        return Key(name, get, name, lambda data, reading: data.text(name), name)
    if kind == str | None:
        return Key(name, get, name, lambda data, reading: data.optional_text(name), name)
    if kind == tuple[str, ...]:
        return Key(name, lambda node: list(get(node)), name, lambda data, r: data.strings(name))
    if kind is int and name == "line":
        return Key(name, get, name, lambda data, reading: data.line(), name)
    if isinstance(kind, type) and issubclass(kind, enum.StrEnum):
        return Key(
            name,
            lambda node: str(get(node)),
            name,
            lambda data, r: data.choice(name, kind, default),
        )
    raise TypeError(f"no JSON form for {cls.__name__}.{name} ({kind}): give the class a shape")


def _field_keys(cls: type, skip: tuple[str, ...] = ()) -> dict[str, Key]:
    """The keys of ``cls``'s dataclass fields but ``skip``, in order, as their types say."""
    hints = typing.get_type_hints(cls)
    return {
        spec.name: _field_key(cls, spec.name, hints[spec.name], spec.default)
        for spec in dataclasses.fields(cls)
        if spec.init and spec.name not in skip
    }


def _derived(cls: type, *, block: bool = False) -> Shape:
    """The shape of a node whose JSON object is its dataclass fields, in order (a block's
    ``type`` first)."""
    keys = list(_field_keys(cls).values())
    if block:
        keys.insert(0, Key("type", _constant(BLOCK_TYPES[cls])))
    return Shape(cls, tuple(keys))


def _node(shape: Shape) -> tuple[Callable[[Any], Any], Callable[[JsonObject, str, Reading], Any]]:
    """Writing and reading an optional nested node of ``shape``."""

    def dump(node: Any) -> Any:
        return None if node is None else shape.dump(node)

    def load(data: JsonObject, key: str, reading: Reading) -> Any:
        return data.optional(key, lambda value: shape.load(value, reading))

    return dump, load


def _nodes(shape: Shape) -> tuple[Callable[[Any], Any], Callable[[JsonObject, str, Reading], Any]]:
    """Writing and reading a tuple of nested nodes of ``shape``."""

    def dump(nodes: Any) -> Any:
        return [shape.dump(node) for node in nodes]

    def load(data: JsonObject, key: str, reading: Reading) -> Any:
        return data.objects(key, lambda value: shape.load(value, reading))

    return dump, load


def _nested(name: str, pair: tuple[Callable[[Any], Any], Callable[..., Any]]) -> Key:
    dump, load = pair
    get = attrgetter(name)
    return Key(name, lambda node: dump(get(node)), name, lambda data, r: load(data, name, r))


# Timestamps: the resolved time is written as ISO 8601 under ``datetime``, before zone and place.


def _load_datetime(data: JsonObject, reading: Reading) -> datetime | None:
    written = data.optional_text("datetime")
    if written is None:
        return None
    try:
        value = datetime.fromisoformat(written)
    except ValueError:
        raise SchemaError(
            data.at("datetime"), f"not an ISO 8601 date and time: {written!r}"
        ) from None
    if not datetime.min.year < value.year < datetime.max.year:
        # Years 1 and 9999 overflow as soon as a zone moves them past the range's end.
        raise SchemaError(data.at("datetime"), f"a date out of range: {written!r}")
    return value


def _in_named_zone(arguments: dict[str, Any], reading: Reading) -> None:
    """The time (with the fixed offset ISO 8601 gives it) in the zone its text named.

    The instant is the same either way; the named zone (``IST`` → Asia/Kolkata) is what the
    parser gives, so a tree read from JSON behaves like the parsed one under arithmetic too.
    Kept as read when the zone is unknown or does not have that offset at that moment.
    """
    value, zone = arguments["value"], arguments["zone"]
    if value is None or value.tzinfo is None or zone is None:
        return
    named = reading.zones.resolve(zone)
    if named is not None:
        local = value.astimezone(named)
        if local.utcoffset() == value.utcoffset():
            arguments["value"] = local


_TIMESTAMP_FIELDS = _field_keys(Timestamp, skip=("value",))
TIMESTAMP = Shape(
    Timestamp,
    (
        _TIMESTAMP_FIELDS["text"],
        Key("datetime", attrgetter("iso"), "value", _load_datetime),
        _TIMESTAMP_FIELDS["zone"],
        _TIMESTAMP_FIELDS["place"],
        _TIMESTAMP_FIELDS["line"],
    ),
    finish=_in_named_zone,
)

DATELINE = _derived(Dateline)
BYLINE = _derived(Byline)
DIAGNOSTIC = _derived(Diagnostic)


# Lists: the items' texts and their lines side by side (``text`` is written for word counts).


def _load_items(data: JsonObject, reading: Reading) -> tuple[ListItem, ...]:
    texts = data.strings("items")
    lines = data.lines("item_lines", len(texts))
    return tuple(ListItem(text, line=line) for text, line in zip(texts, lines, strict=True))


def _load_marker(data: JsonObject, reading: Reading) -> str:
    marker = data.optional_text("marker")
    return "-" if marker is None else marker  # an empty marker is a value


BULLET_LIST = Shape(
    BulletList,
    (
        Key("type", _constant(BLOCK_TYPES[BulletList])),
        Key("text", attrgetter("text"), attribute="text"),
        Key("items", lambda block: [item.text for item in block.items], "items", _load_items),
        Key("item_lines", lambda block: [item.line for item in block.items]),
        Key("marker", attrgetter("marker"), "marker", _load_marker, "marker"),
        Key("line", attrgetter("line"), "line", lambda data, reading: data.line(), "line"),
    ),
)

BLOCKS: dict[type, Shape] = {
    cls: BULLET_LIST if cls is BulletList else _derived(cls, block=True) for cls in BLOCK_TYPES
}
"""The shape of each block class; its ``type`` key is :data:`newsconvert.facts.BLOCK_TYPES`'."""

_BLOCKS_BY_TYPE = {BLOCK_TYPES[cls]: shape for cls, shape in BLOCKS.items()}


def block_to_data(block: Block) -> dict[str, Any]:
    """One block as JSON data; :class:`UnknownBlockTypeError` for a class without a shape."""
    shape = BLOCKS.get(type(block))
    if shape is None:
        raise UnknownBlockTypeError(block, "JSON")
    return shape.dump(block)


def _load_block(data: JsonObject, reading: Reading) -> Block:
    kind = data.text("type")
    shape = _BLOCKS_BY_TYPE.get(kind)
    if shape is None:
        raise SchemaError(data.at("type"), f"unknown block type {kind!r}")
    block: Block = shape.load(data, reading)
    return block


# Sections: the heading's text and line side by side, then the blocks.


def _load_heading(data: JsonObject, reading: Reading) -> SectionHeading | None:
    text = data.optional_text("heading")
    if text is None:
        return None
    line = data.values.get("heading_line", data.values.get("line", 0))
    return SectionHeading(text, line=line if _is_line(line) else 0)


SECTION = Shape(
    Section,
    (
        Key("heading", lambda s: s.heading.text if s.heading else None, "heading", _load_heading),
        Key("heading_line", lambda s: s.heading.line if s.heading else 0),
        Key(
            "blocks",
            lambda s: [block_to_data(block) for block in s.blocks],
            "blocks",
            lambda data, reading: data.objects("blocks", lambda item: _load_block(item, reading)),
        ),
    ),
)


def section_opening(section: Section) -> dict[str, Any]:
    """A section's keys before ``blocks`` (for a writer that streams the blocks)."""
    return {key.name: key.dump(section) for key in SECTION.keys if key.name != "blocks"}


# The article: headline, kicker, standfirst and credits are written as their texts, with their
# lines gathered under ``lines``; bylines as their texts and again whole under ``byline_details``.


def _text_node(name: str, cls: Callable[..., _T]) -> Key:
    get = attrgetter(name)

    def load(data: JsonObject, reading: Reading) -> _T | None:
        text = data.optional_text(name)
        if text is None:
            return None
        lines = data.values.get("lines")
        line = lines.get(name) if isinstance(lines, dict) else None
        return cls(text, line=line if _is_line(line) else 0)

    return Key(name, lambda article: node.text if (node := get(article)) else None, name, load)


def _line(node: Any) -> int:
    return node.line if node is not None else 0


def _lines(article: Article) -> dict[str, Any]:
    return {
        "headline": _line(article.headline),
        "kicker": _line(article.kicker),
        "standfirst": _line(article.standfirst),
        "credits": [credit.line for credit in article.credits],
    }


def _load_credits(data: JsonObject, reading: Reading) -> tuple[Credit, ...]:
    texts = data.strings("credits")
    lines = data.values.get("lines")
    found = (
        JsonObject(lines, "lines").lines("credits", len(texts)) if isinstance(lines, dict) else None
    )
    return tuple(
        Credit(text, line=line) for text, line in zip(texts, found or [0] * len(texts), strict=True)
    )


def _load_bylines(data: JsonObject, reading: Reading) -> tuple[Byline, ...]:
    """``bylines`` holds the texts; ``byline_details`` (if written) the whole bylines."""
    texts = data.strings("bylines")
    details = data.objects("byline_details", lambda item: BYLINE.load(item, reading))
    if not details:
        return tuple(Byline(text) for text in texts)
    if tuple(byline.text for byline in details) != texts:
        raise SchemaError("byline_details", "does not match 'bylines'")
    return details


def _load_source(data: JsonObject, reading: Reading) -> str | None:
    if reading.source is not None:
        return reading.source
    written = data.values.get("source")
    return written if isinstance(written, str) else None


ARTICLE = Shape(
    Article,
    (
        Key(VERSION_KEY, _constant(SCHEMA_VERSION)),
        Key("source", attrgetter("source"), "source", _load_source, "source"),
        _text_node("headline", Headline),
        _text_node("kicker", Kicker),
        _text_node("standfirst", Standfirst),
        _nested("published", _node(TIMESTAMP)),
        _nested("updated", _nodes(TIMESTAMP)),
        _nested("dateline", _node(DATELINE)),
        Key("bylines", lambda a: [byline.text for byline in a.bylines], "bylines", _load_bylines),
        Key("credits", lambda a: [credit.text for credit in a.credits], "credits", _load_credits),
        _nested("sections", _nodes(SECTION)),
        Key("lines", _lines),
        Key("byline_details", lambda article: [BYLINE.dump(byline) for byline in article.bylines]),
        _nested("diagnostics", _nodes(DIAGNOSTIC)),
    ),
)
"""The whole document."""


def to_data(article: Article) -> dict[str, Any]:
    """The whole tree of ``article`` as JSON-ready data."""
    return ARTICLE.dump(article)


_TOP_LEVEL = tuple((key.name, key.dump) for key in ARTICLE.keys)


def top_level(article: Article) -> list[tuple[str, Any]]:
    """The document's keys and values in order, with ``sections`` left as the article's
    sections (for a writer that streams them)."""
    sections = article.sections
    return [(name, sections if name == "sections" else dump(article)) for name, dump in _TOP_LEVEL]


def from_data(
    document: Mapping[str, Any], *, zones: ZoneTable, source: str | None = None
) -> Article:
    """The :class:`Article` of a decoded document (its version already checked). Raises
    :class:`SchemaError` naming the path of the first value that does not fit."""
    article: Article = ARTICLE.load(JsonObject(document, ""), Reading(zones, source))
    return article
