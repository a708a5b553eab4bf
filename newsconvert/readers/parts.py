"""The flat sequence of parts every markup reader produces before it becomes an article.

Markdown, reST and HTML differ in syntax but describe the same things: headings, paragraphs,
block quotes, lists, literal blocks, and document metadata. Each reader turns its syntax into
:class:`Part` objects and a :class:`Metadata`; :mod:`newsconvert.readers.assemble` then decides
which part is the headline, a byline or a credit, once, for all three formats.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

ROLES = frozenset(
    {
        "headline",
        "kicker",
        "standfirst",
        "published",
        "updated",
        "byline",
        "credit",
        "dateline",
        "embed",
        "caption",
        "crosslink",
        "chrome",
        "duplicate",
        "other",
    }
)
"""The labels a document can give a part (our writers' classes and field names)."""

ROLE_ALIASES = {"credits": "credit", "bylines": "byline", "author": "byline", "authors": "byline"}
"""Other spellings of the labels, as class or field names."""


def role_of(names: list[str]) -> str | None:
    """The first of ``names`` (classes, a field name) that is a label we know, or ``None``."""
    for name in names:
        role = ROLE_ALIASES.get(name.lower(), name.lower())
        if role in ROLES:
            return role
    return None


class PartKind(enum.StrEnum):
    """What kind of block a markup element is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST = "list"
    LITERAL = "literal"
    RULE = "rule"
    """A thematic break: our Markdown ends its header and opens its credits with one."""
    MARKER = "marker"
    """A comment labelling the next part (``<!-- aside caption -->``); ``role`` holds the label."""


@dataclass(slots=True)
class Part:
    """One block-level element of a markup document, as plain text."""

    kind: PartKind
    """What the element is."""
    text: str = ""
    """Its text, markup removed (for a quote: the quotation and attribution as written)."""
    line: int = 0
    """The 1-based source line it starts on."""
    level: int = 0
    """A heading's level (1 for the title)."""
    items: tuple[str, ...] = ()
    """A list's items."""
    quote: str | None = None
    """A quote's quotation, when the markup sets it apart from the attribution."""
    attribution: str | None = None
    """A quote's attribution, when the markup marks it (``— Name``, ``<cite>``, ``-- Name``)."""
    attribution_first: bool = False
    """Whether the marked attribution stands before the quotation."""
    role: str | None = None
    """What the writer labelled the element as (a class such as ``byline`` or ``caption``)."""
    value: datetime | None = None
    """A machine-readable time the markup carried (``<time datetime>``), if any."""
    has_value: bool = False
    """Whether the markup carried a machine-readable time at all (it may be ``None``)."""
    emphasised: bool = False
    """Whether the whole paragraph is emphasised (``*By Jane Doe*``): a hint for metadata."""
    details: dict[str, str | None] = field(default_factory=dict)
    """Further labelled pieces the markup carried (an embed's ``author``, a dateline)."""


@dataclass(slots=True)
class Metadata:
    """Document-level fields from front matter, docinfo or JSON-LD (all optional)."""

    title: str | None = None
    untitled: bool = False
    """The document says it has no headline (our writers' marker): no title is looked for."""
    kicker: str | None = None
    standfirst: str | None = None
    published: str | None = None
    """The publication time as written, if the metadata keeps the text."""
    published_value: datetime | None = None
    updated: list[str] = field(default_factory=list)
    updated_values: list[datetime | None] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    """Bylines as written."""
    credits: list[str] = field(default_factory=list)
    dateline: str | None = None
    """The dateline's text (its parts are read from it)."""
    title_line: int = 0
    """Where the title stands in the source (the first line of the metadata otherwise)."""
    line_of: dict[str, int] = field(default_factory=dict)
    """Source lines of the metadata fields, by name, for messages and provenance."""
