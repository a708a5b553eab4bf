"""Reading reStructuredText into the tree, through docutils.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-readers-rst`).
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

from newsconvert.errors import ParseError
from newsconvert.escape.comment import unescape_comment
from newsconvert.parser.timezones import ZoneTable, zone_table
from newsconvert.readers.assemble import assemble, quote_from_words
from newsconvert.readers.parts import Metadata, Part, PartKind, role_of
from newsconvert.tree import Article

SETTINGS: dict[str, Any] = {
    "file_insertion_enabled": False,
    "raw_enabled": False,
    # (Configuration files are never read: the settings are docutils' defaults plus these.)
    # Messages of level WARNING and above go to our stream, never to stderr; none halts parsing.
    "report_level": 2,
    "halt_level": 5,
    "doctitle_xform": False,
    "docinfo_xform": False,
    "sectsubtitle_xform": False,
    "smart_quotes": False,
    "syntax_highlight": "none",
    "input_encoding": "unicode",
}
"""docutils settings for reading untrusted reST (see the module docstring)."""

_FIELD_ROLES = {
    "published": "published",
    "date": "published",
    "updated": "updated",
    "modified": "updated",
    "byline": "byline",
    "author": "byline",
    "authors": "byline",
    "by": "byline",
    "credit": "credit",
    "credits": "credit",
    "dateline": "dateline",
    "kicker": "kicker",
    "standfirst": "standfirst",
    "summary": "standfirst",
    "abstract": "standfirst",
}
"""Field names of the field list under the title, and the role of their value."""

_HIDDEN = re.compile(r"\Ahidden (?P<kind>[a-z]+): (?P<text>[^\n]*)\Z")
"""The comment our reST writer writes for an aside kept out of sight (chrome, a repeat), its text
escaped by :mod:`newsconvert.escape.comment`."""
UNTITLED_COMMENT = "no headline"
"""The comment our reST writer puts where the title of an article without a headline would be."""

_MESSAGE = re.compile(
    r"^(?P<source>.*?):(?P<line>\d+): \((?P<kind>[A-Z]+)/(?P<level>\d)\) (?P<text>.*)$"
)
_ERROR_LEVEL = 3


def read_rst(text: str, *, zones: ZoneTable | None = None, source: str | None = None) -> Article:
    """Read a reStructuredText article (ours, or a person's own) into an :class:`Article`.

    Raises :class:`~newsconvert.errors.ParseError` with the line for a document docutils finds
    errors in, one that uses a disabled directive, or one without a title.
    """
    document = parse_rst(text, source=source)
    parts, metadata = _Flattener().flatten(document)
    # A document that labels its parts (known docinfo fields, our containers) is read by its
    # labels alone, as our own output is meant to be.
    labelled = any(part.role is not None for part in parts)
    for part in parts:
        if part.kind is PartKind.QUOTE and part.quote is not None and part.attribution:
            # Our writer splits a quoted paragraph into quotation and ``-- rest``; rejoined, the
            # words say again what is quoted and who said it, exactly as in the plain text.
            # A person's ``-- Name`` under a quotation is kept as ``Q — Name`` (see quote());
            # ours, printed from ``Q — Name``, is ``Q —`` then ``-- Name``: joined, the same.
            joined = f"{part.quote} {part.attribution}"
            if quote_from_words(joined, line=part.line) is not None:
                part.text, part.quote, part.attribution = joined, None, None
    return assemble(parts, metadata, zones=zones or zone_table(), source=source, labelled=labelled)


def parse_rst(text: str, *, source: str | None = None) -> Any:
    """The docutils doctree of ``text``, parsed safely; refuses documents with errors.

    This is what ``docutils.core.publish_doctree`` does (parse, then the standalone reader's
    transforms), without building a command-line option parser for every call, which costs
    as much as the parsing itself.
    """
    import copy

    from docutils.parsers.rst import Parser
    from docutils.readers.standalone import Reader
    from docutils.utils import new_document

    # A parser keeps its state machine on itself: a fresh one per call keeps concurrent reads
    # apart.
    parser = Parser()
    reader: Reader[Any] = Reader(parser=parser)
    settings = copy.copy(_default_settings())
    messages = io.StringIO()
    settings.warning_stream = messages
    document = new_document(source or "<string>", settings)
    try:
        parser.parse(text, document)
        document.transformer.populate_from_components((reader, parser))
        document.transformer.apply_transforms()
    except RecursionError:
        # docutils recurses once per level of nesting (lists in lists in quotes…).
        raise ParseError("reStructuredText nested too deeply", source=source) from None
    _refuse_errors(document, messages.getvalue(), source)
    _drop_messages(document)
    return document


@functools.cache
def _default_settings() -> Any:
    """docutils' default settings for the reST parser and reader, with ours, built once."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.readers.standalone import Reader

    settings = get_default_settings(Parser, Reader)
    for name, value in SETTINGS.items():
        setattr(settings, name, value)
    return settings


def _drop_messages(document: Any) -> None:
    """Remove docutils' remaining notes (INFO and WARNING messages, such as "Enumerated list
    start value not ordinal-1"): they are about the document, not words of it, and docutils puts
    some inside the element they concern (a list item), where they would read as its text."""
    from docutils import nodes

    for message in list(document.findall(nodes.system_message)):
        message.parent.remove(message)


def _refuse_errors(document: Any, printed: str, source: str | None) -> None:
    """Raise for the first error docutils reported or the first disabled directive."""
    from docutils import nodes

    for message in document.findall(nodes.system_message):
        level = int(message.get("level", 0))
        first = message.children[0].astext() if message.children else message.astext()
        # A disabled directive is only a warning to docutils, but its content would be lost.
        disabled = first.endswith("directive disabled.")
        if level >= _ERROR_LEVEL or disabled:
            raise ParseError(
                f"reStructuredText: {first.splitlines()[0]}",
                source=source,
                line=message.get("line"),
            )
    for line in printed.splitlines():
        match = _MESSAGE.match(line)
        if match and int(match["level"]) >= _ERROR_LEVEL:
            raise ParseError(
                f"reStructuredText: {match['text']}", source=source, line=int(match["line"])
            )


class _Flattener:
    """Turns a doctree into :class:`Part` objects: sections become headings with a level."""

    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.metadata = Metadata()

    def flatten(self, document: Any) -> tuple[list[Part], Metadata]:
        from docutils import nodes

        # Our writer marks an article without a headline with a comment where the title would
        # be: its sections, though first in the document, are then second-level headings.
        first = next((child for child in document.children if child.tagname != "meta"), None)
        if isinstance(first, nodes.comment) and first.astext().strip() == UNTITLED_COMMENT:
            self.metadata.untitled = True
        self.body(document, depth=1 if self.metadata.untitled else 0, role=None)
        return self.parts, self.metadata

    def body(self, node: Any, *, depth: int, role: str | None) -> None:
        from docutils import nodes

        for child in node.children:
            line = _line(child)
            if isinstance(child, nodes.section):
                title = child.next_node(nodes.title)
                self.parts.append(
                    Part(PartKind.HEADING, _text(title), line=_line(title), level=depth + 1)
                )
                self.body(child, depth=depth + 1, role=role)
            elif isinstance(child, nodes.title):
                continue  # a section's title, taken with the section
            elif isinstance(child, nodes.paragraph | nodes.rubric):
                self.parts.append(_paragraph(child, line, _role(child, role)))
            elif isinstance(child, nodes.line_block):
                lines = "\n".join(_text(item) for item in child.findall(nodes.line))
                self.parts.append(
                    Part(PartKind.PARAGRAPH, lines, line=line, role=_role(child, role))
                )
            elif isinstance(child, nodes.field_list):
                self.fields(child)
            elif isinstance(child, nodes.block_quote):
                self.parts.append(self.quote(child, line))
            elif isinstance(child, nodes.bullet_list | nodes.enumerated_list):
                items = tuple(_item_text(item) for item in child.children)
                marker = child.get("bullet") or f"1{child.get('suffix', '.')}"
                self.parts.append(
                    Part(PartKind.LIST, line=line, items=items, details={"marker": marker})
                )
            elif isinstance(child, nodes.literal_block | nodes.doctest_block):
                self.parts.append(Part(PartKind.LITERAL, child.astext(), line=line))
            elif isinstance(child, nodes.comment) and (hidden := _HIDDEN.match(child.astext())):
                # Our writer's hidden aside (chrome, a repeat): words kept out of sight.
                text = unescape_comment(hidden["text"])
                self.parts.append(Part(PartKind.PARAGRAPH, text, line=line, role=hidden["kind"]))
            elif isinstance(
                child,
                nodes.comment | nodes.substitution_definition | nodes.target | nodes.system_message,
            ):
                # Markup without words; and docutils' own notes (a duplicate title's "INFO"),
                # which are about the document, not in it (errors were refused already).
                continue
            elif isinstance(child, nodes.Element):
                # Containers, topics, admonitions…: their words still count.
                self.body(child, depth=depth, role=_role(child, role))

    def fields(self, field_list: Any) -> None:
        """A field list: under the title, metadata; its values become labelled paragraphs."""
        from docutils import nodes

        for field in field_list.children:
            name = field.next_node(nodes.field_name)
            body = field.next_node(nodes.field_body)
            label = _text(name).strip().lower()
            role = _FIELD_ROLES.get(label)
            value = _text(body)
            items = [item for item in body.findall(nodes.list_item)]
            if role == "byline" and items:
                # ``:Authors:`` with a bullet list: one byline per item.
                for item in items:
                    self.parts.append(
                        Part(PartKind.PARAGRAPH, _item_text(item), line=_line(item), role=role)
                    )
                continue
            if role is None:
                # A field we do not know is still text: keep it, name and value, as a paragraph.
                self.parts.append(
                    Part(PartKind.PARAGRAPH, f"{_text(name)}: {value}", line=_line(field))
                )
                continue
            self.parts.append(Part(PartKind.PARAGRAPH, value, line=_line(field), role=role))

    def quote(self, node: Any, line: int) -> Part:
        from docutils import nodes

        attribution_node = next(iter(node.findall(nodes.attribution)), None)
        paragraphs = [
            _quoted_words(child)
            for child in node.children
            if not isinstance(child, nodes.attribution | nodes.system_message)
        ]
        quote = " ".join(paragraph for paragraph in paragraphs if paragraph)
        if attribution_node is None:
            return Part(PartKind.QUOTE, quote, line=line)
        attribution = _text(attribution_node)
        return Part(
            PartKind.QUOTE,
            f"{quote} — {attribution}",
            line=line,
            quote=quote,
            attribution=attribution,
        )


def _text(node: Any) -> str:
    """A node's words: hard-wrapped source lines joined with a space, markup removed."""
    if node is None:
        return ""
    return " ".join(node.astext().split("\n"))


def _quoted_words(node: Any) -> str:
    """A quoted block's words. The tree's quotation is text, so a line docutils reads as an
    enumerated list (``2025. The year …``, ``A. a.``) keeps its markers as words, even where
    the item is empty."""
    from docutils import nodes

    if not isinstance(node, nodes.enumerated_list):
        return _text(node)
    start = int(node.get("start", 1))
    words = []
    for number, item in enumerate(node.children, start=start):
        marker = f"{node.get('prefix', '')}{_ordinal(node.get('enumtype'), number)}"
        marker += node.get("suffix", "")
        inner = " ".join(_quoted_words(child) for child in item.children)
        words.append(f"{marker} {inner}".rstrip())
    return " ".join(words)


def _ordinal(kind: str | None, number: int) -> str:
    """An enumerated list's marker for ``number``, in the list's kind of enumeration."""
    if kind in ("loweralpha", "upperalpha"):
        letter = chr(ord("a") + number - 1)
        return letter.upper() if kind == "upperalpha" else letter
    if kind in ("lowerroman", "upperroman"):
        numeral = _roman(number)
        return numeral.lower() if kind == "lowerroman" else numeral
    return str(number)


def _roman(number: int) -> str:
    numeral = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, number = divmod(number, value)
        numeral += letters * count
    return numeral


def _item_text(item: Any) -> str:
    """A list item's words; several paragraphs in one item are joined with a space."""
    return " ".join(_text(child) for child in item.children)


def _line(node: Any) -> int:
    """The node's source line, or its nearest ancestor's (docutils leaves some unset)."""
    while node is not None:
        line = node.line if hasattr(node, "line") else None
        if line:
            return int(line)
        node = node.parent
    return 0


def _role(node: Any, inherited: str | None) -> str | None:
    return role_of(node.get("classes", [])) or inherited


def _paragraph(node: Any, line: int, role: str | None) -> Part:
    from docutils import nodes

    part = Part(PartKind.PARAGRAPH, _text(node), line=line, role=role)
    if node.children and isinstance(node.children[0], nodes.strong):
        # A paragraph opening in bold: in our reST, the dateline (see assemble).
        lead = node.children[0]
        part.details["lead_strong"] = _text(lead)
        rest = "".join(child.astext() for child in node.children[1:])
        part.details["after_strong"] = " ".join(rest.split("\n")).removeprefix(" ")
    return part
