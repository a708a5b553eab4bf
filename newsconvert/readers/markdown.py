"""Reading Markdown (CommonMark, with optional YAML front matter) into the tree.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-readers-markdown`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from newsconvert.errors import ParseError
from newsconvert.escape.comment import unescape_comment
from newsconvert.parser.timezones import ZoneTable, zone_table
from newsconvert.readers import recognise
from newsconvert.readers.assemble import assemble
from newsconvert.readers.parts import Metadata, Part, PartKind
from newsconvert.tree import Article

_FRONT_MATTER_FENCE = re.compile(r"\A---[ \t]*\r?\n")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ATTRIBUTION_DASH = re.compile("^(?:\u2014|\u2015|\u2013|--)\\s*")  # em dash, bar, en dash
_MARKER = re.compile(r"\A<!-- (?:embed|no (?P<none>headline)|aside (?P<kind>[a-z]+)) -->\Z")
"""The comment our Markdown writes before an embedded post or an aside, and in place of the
``#`` headline of an article without one."""
_HIDDEN = re.compile(r"\A<!-- hidden (?P<kind>[a-z]+): (?P<text>[^\n]*) -->\Z")
"""The comment our Markdown writes for an aside kept out of sight (chrome, a repeat)."""
UNTITLED_ROLE = "untitled"


def read_markdown(
    text: str, *, zones: ZoneTable | None = None, source: str | None = None
) -> Article:
    """Read a Markdown article (ours, or a person's own) into an :class:`Article`.

    ``zones`` resolves zone abbreviations (default: the built-in table). Raises
    :class:`~newsconvert.errors.ParseError` for malformed front matter or a document without a
    title.
    """
    zones = zones or zone_table()
    body, metadata, offset = split_front_matter(text, source=source)
    parts = markdown_parts(body, line_offset=offset)
    labelled = _label_our_layout(parts, metadata, zones)
    parts = _apply_markers(parts, metadata)
    return assemble(parts, metadata, zones=zones, source=source, labelled=labelled)


def _label_our_layout(parts: list[Part], metadata: Metadata, zones: ZoneTable) -> bool:
    """Label the parts of a document laid out as our Markdown is; ``False`` if it is not.

    Our layout: an optional kicker paragraph, the ``#`` headline, paragraphs only (the
    standfirst in ``*…*``, timestamps, then bylines) up to a thematic break, the body, and
    optionally a last thematic break followed by credit paragraphs only. Markdown has no
    classes, so the header's plain paragraphs are told apart by their words, with the
    recognisers of the plain-text parser: timestamp lines (published first, unless the label
    says updated), then bylines. A header paragraph that is neither means the document is a
    person's own (a rule under its opening paragraphs), read without these labels.
    """
    title = next(
        (
            i
            for i, p in enumerate(parts)
            if p.kind is PartKind.HEADING or (p.kind is PartKind.MARKER and p.role == UNTITLED_ROLE)
        ),
        None,
    )
    if title is None or (parts[title].kind is PartKind.HEADING and parts[title].level != 1):
        return False
    if title > 1:
        return False
    if title == 1 and parts[0].kind is not PartKind.PARAGRAPH:
        return False
    rule = next(
        (i for i in range(title + 1, len(parts)) if parts[i].kind is not PartKind.PARAGRAPH), None
    )
    if rule is None or parts[rule].kind is not PartKind.RULE:
        return False
    header = parts[title + 1 : rule]
    standfirst = header[0] if header and header[0].emphasised else None
    roles = _header_roles(
        header[1:] if standfirst else header, zones=zones, authors=metadata.authors
    )
    if roles is None:
        return False  # a person's Markdown with a rule under its opening paragraphs
    if title == 1:
        parts[0].role = "kicker"
    if standfirst is not None:
        standfirst.role = "standfirst"
    for part, role in roles:
        part.role = role
        if role == "published" and metadata.published_value is not None:
            # The front matter carries the exact time (zones set by the user included).
            part.value, part.has_value = metadata.published_value, True
    del parts[rule]
    last_rule = max((i for i, p in enumerate(parts) if p.kind is PartKind.RULE), default=None)
    if last_rule is not None and all(p.kind is PartKind.PARAGRAPH for p in parts[last_rule + 1 :]):
        for part in parts[last_rule + 1 :]:
            part.role = "credit"
        del parts[last_rule]
    return True


def _header_roles(
    header: list[Part], *, zones: ZoneTable, authors: Sequence[str] = ()
) -> list[tuple[Part, str]] | None:
    """The roles of our header's plain paragraphs: timestamps, then bylines.

    A byline is one whose words read as one, or one the front matter's ``authors`` names
    (our standalone Markdown lists every byline there, ``:Author: A councillor`` from reST
    included). ``None`` when a paragraph is neither (then the document is not laid out as ours).
    """
    roles: list[tuple[Part, str]] = []
    published = False
    bylines = False
    for part in header:
        stamp = None if bylines else recognise.timestamp(part.text, line=part.line, zones=zones)
        if stamp is not None:
            # Published first, unless its label says updated; then the updates.
            role = (
                "updated" if published or recognise.is_update(stamp, zones=zones) else "published"
            )
            published = published or role == "published"
        elif (
            part.text in authors or recognise.labelled_byline(part.text, line=part.line) is not None
        ):
            role, bylines = "byline", True
        else:
            return None
        roles.append((part, role))
    return roles


def _apply_markers(parts: list[Part], metadata: Metadata) -> list[Part]:
    """Give each comment marker's label to the part after it; drop markers and rules.

    The no-headline marker labels the document instead (:attr:`Metadata.untitled`).
    """
    labelled: list[Part] = []
    pending: str | None = None
    for part in parts:
        if part.kind is PartKind.MARKER:
            if part.role == UNTITLED_ROLE:
                metadata.untitled = True
                continue
            pending = part.role
            continue
        if part.kind is PartKind.RULE:
            continue
        if pending == "embed" and part.kind is PartKind.QUOTE:
            part = Part(
                PartKind.PARAGRAPH, part.details.get("lines") or "", line=part.line, role="embed"
            )
        elif pending is not None and part.kind is PartKind.PARAGRAPH:
            part.role = pending
        pending = None
        labelled.append(part)
    return labelled


# --- Front matter -------------------------------------------------------------------------------


def split_front_matter(text: str, *, source: str | None = None) -> tuple[str, Metadata, int]:
    """Split YAML front matter off ``text``: ``(body, metadata, lines before the body)``.

    The block is found by markdown-it-py's front-matter plugin (``mdit_py_plugins``): a ``---``
    line first, closed by a ``---`` or ``...`` line.
    """
    if _FRONT_MATTER_FENCE.match(text) is None:
        return text, Metadata(), 0
    tokens = _front_matter_parser().parse(text)
    if not tokens or tokens[0].type != "front_matter" or tokens[0].map is None:
        raise ParseError("front matter opened with '---' is never closed", source=source, line=1)
    lines_before = tokens[0].map[1]
    body_start = 0
    for _ in range(lines_before):
        found = _LINE_BREAK.search(text, body_start)
        body_start = len(text) if found is None else found.end()
    metadata = front_matter_metadata(tokens[0].content + "\n", source=source, first_line=2)
    return text[body_start:], metadata, lines_before


@functools.cache
def _front_matter_parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Only the front matter is wanted from this parse: the "zero" preset does little else.
    return MarkdownIt("zero").use(front_matter_plugin)


def front_matter_metadata(
    block: str, *, source: str | None = None, first_line: int = 1
) -> Metadata:
    """Read a YAML front-matter block into :class:`Metadata`."""
    import yaml

    try:
        # BaseLoader keeps every scalar a string: a date stays as written, "no" stays "no".
        # (libyaml's, where PyYAML has it, is the same loader, several times faster.)
        data = yaml.load(block, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ParseError(
            f"invalid YAML front matter: {problem}", source=source, line=line
        ) from None
    if data is None:
        return Metadata()
    if not isinstance(data, Mapping):
        raise ParseError("front matter is not a mapping of keys", source=source, line=first_line)
    return _metadata(data, block, first_line)


def _metadata(data: Mapping[str, Any], block: str, first_line: int) -> Metadata:
    lines = {
        match[1]: first_line + block.count("\n", 0, match.start())
        for match in re.finditer(r"^([A-Za-z_]+)\s*:", block, re.MULTILINE)
    }
    metadata = Metadata(line_of={})
    metadata.title = _string(data.get("title"))
    metadata.title_line = lines.get("title", 0)
    metadata.kicker = _string(data.get("kicker"))
    metadata.standfirst = _string(data.get("description") or data.get("summary"))
    metadata.published, metadata.published_value = _when(data.get("date"))
    for value in _list(data.get("lastmod")):
        text, when = _when(value)
        if text is not None:
            metadata.updated.append(text)
            metadata.updated_values.append(when)
    metadata.authors = [a for a in (_string(v) for v in _list(data.get("authors"))) if a]
    metadata.credits = [c for c in (_string(v) for v in _list(data.get("credits"))) if c]
    dateline = data.get("dateline")
    # Our front matter writes the dateline's text; its place and agency are read from it.
    metadata.dateline = _string(dateline.get("text") if isinstance(dateline, Mapping) else dateline)
    metadata.line_of = {
        "kicker": lines.get("kicker", 0),
        "standfirst": lines.get("description", lines.get("summary", 0)),
        "published": lines.get("date", 0),
        "updated": lines.get("lastmod", 0),
        "authors": lines.get("authors", 0),
        "credits": lines.get("credits", 0),
        "dateline": lines.get("dateline", 0),
    }
    return metadata


def _string(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value if isinstance(value, str) else None


def _list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _when(value: object) -> tuple[str | None, datetime | None]:
    """A front-matter time: ``(text as written, value)``; an ISO value is both at once."""
    text = _string(value)
    if text is None:
        return None, None
    try:
        return text, datetime.fromisoformat(text)
    except ValueError:
        return text, None


# --- Blocks -------------------------------------------------------------------------------------


def markdown_parts(text: str, *, line_offset: int = 0) -> list[Part]:
    """The block-level parts of a Markdown document, in order (rules and markers included)."""
    parser = _markdown_it()
    tokens = parser.parse(text)
    _refuse_deep_nesting(tokens, parser.options["maxNesting"], line_offset)
    return _Walker(tokens, line_offset).parts()


def _refuse_deep_nesting(tokens: Sequence[Any], limit: int, line_offset: int) -> None:
    """Raise where markdown-it stopped at its nesting limit (it drops what lies deeper).

    It then leaves the deepest container empty: an opening token at the last level, closed at
    once. No article nests quotes or lists that deep; losing its words silently would be worse.
    """
    for index, token in enumerate(tokens[:-1]):
        if token.nesting == 1 and token.level >= limit - 1 and tokens[index + 1].nesting == -1:
            line = token.map[0] + 1 + line_offset if token.map else None
            raise ParseError(f"Markdown nested more than {limit} levels deep", line=line)


@functools.cache
def _markdown_it() -> Any:
    """The CommonMark parser, built once (building it compiles every rule; parsing keeps its
    state in a fresh object per call, so one parser serves every thread)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


class _Walker:
    """Walks markdown-it's flat token stream, keeping the nesting it encodes."""

    def __init__(self, tokens: Sequence[Any], line_offset: int) -> None:
        self.tokens = tokens
        self.offset = line_offset

    def line(self, token: Any) -> int:
        return token.map[0] + 1 + self.offset if token.map else 0

    def parts(self) -> list[Part]:
        parts: list[Part] = []
        index = 0
        tokens = self.tokens
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            line = self.line(token)
            if kind == "heading_open":
                text = _inline_text(tokens[index + 1].children or [])
                parts.append(Part(PartKind.HEADING, text, line=line, level=int(token.tag[1])))
                index += 3
            elif kind == "paragraph_open":
                parts.append(_paragraph(tokens[index + 1].children or [], line))
                index += 3
            elif kind == "blockquote_open":
                end = _closing(tokens, index)
                parts.append(_quote(tokens[index + 1 : end], line))
                index = end + 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                end = _closing(tokens, index)
                marker = token.markup if kind == "bullet_list_open" else f"1{token.markup}"
                items = tuple(_list_items(tokens[index + 1 : end]))
                parts.append(
                    Part(PartKind.LIST, line=line, items=items, details={"marker": marker})
                )
                index = end + 1
            elif kind in ("fence", "code_block"):
                parts.append(Part(PartKind.LITERAL, token.content.removesuffix("\n"), line=line))
                index += 1
            elif kind == "hr":
                parts.append(Part(PartKind.RULE, line=line))
                index += 1
            elif kind == "html_block":
                marker = _MARKER.match(token.content.strip())
                hidden = _HIDDEN.match(token.content.strip())
                if hidden is not None:
                    text = unescape_comment(hidden["text"])
                    parts.append(Part(PartKind.PARAGRAPH, text, line=line, role=hidden["kind"]))
                elif marker is not None:
                    role = marker["kind"] or ("untitled" if marker["none"] else "embed")
                    parts.append(Part(PartKind.MARKER, line=line, role=role))
                elif token.content.strip() and not token.content.lstrip().startswith("<!--"):
                    # Raw HTML in a person's Markdown is words to us, kept as written.
                    parts.append(Part(PartKind.PARAGRAPH, token.content.strip(), line=line))
                index += 1
            else:
                index += 1
        return parts


def _paragraph(children: Sequence[Any], line: int) -> Part:
    # Delimiter processing can leave empty text tokens around emphasis; they carry nothing.
    children = [c for c in children if c.type != "text" or c.content]
    part = Part(
        PartKind.PARAGRAPH,
        _inline_text(children),
        line=line,
        emphasised=_wholly_emphasised(children),
    )
    if children and children[0].type == "strong_open":
        # A paragraph opening in bold: in our Markdown, the dateline (see assemble).
        end = _closing(children, 0)
        part.details["lead_strong"] = _inline_text(children[1:end])
        part.details["after_strong"] = _inline_text(children[end + 1 :]).removeprefix(" ")
    return part


def _quote(inner: Sequence[Any], line: int) -> Part:
    """A block quote; a final line opening with a dash is its attribution.

    The tree's quotation is text, so a numbered line that CommonMark reads as an ordered list
    item (``2025. The year …``) keeps its number as words, even when the item is empty.
    """
    paragraphs: list[list[str]] = []
    numbers: list[str] = []  # the numbers of the list items opened but not yet given text
    for token in inner:
        if token.type == "inline":
            lines = _inline_lines(token.children or [])
            if numbers:
                lines[0] = " ".join([*numbers, lines[0]]).rstrip()
                numbers.clear()
            paragraphs.append(lines)
        elif token.type in ("fence", "code_block"):
            paragraphs.append(token.content.removesuffix("\n").split("\n"))
        elif token.type == "list_item_open" and token.info:
            numbers.append(f"{token.info}{token.markup}")
        elif token.type == "list_item_close" and numbers:
            paragraphs.append([" ".join(numbers)])
            numbers.clear()
    lines = [line for paragraph in paragraphs for line in paragraph]
    text = " ".join(lines)
    # Each paragraph on a line of its own: an embedded post's lines (see _label_our_layout).
    details: dict[str, str | None] = {"lines": "\n".join(" ".join(p) for p in paragraphs)}
    dash = _ATTRIBUTION_DASH.match(lines[-1]) if len(lines) > 1 else None
    if dash is not None:
        attribution = lines[-1][dash.end() :]
        quote = " ".join(lines[:-1])
        # One paragraph in the tree, the dash spaced as our writers print it inside the text,
        # so the words read back the same attribution (see assemble.quote_from_words).
        text = f"{quote} {dash.group().strip()} {attribution}"
        return Part(
            PartKind.QUOTE, text, line=line, quote=quote, attribution=attribution, details=details
        )
    return Part(PartKind.QUOTE, text, line=line, details=details)


def _closing(tokens: Sequence[Any], start: int) -> int:
    """The index of the token closing the one opened at ``start``."""
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _list_items(inner: Sequence[Any]) -> list[str]:
    items: list[str] = []
    depth = 0
    for token in inner:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                items.append("")
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and items:
            text = _inline_text(token.children or [])
            items[-1] = f"{items[-1]} {text}" if items[-1] else text
    return items


def _inline_lines(children: Sequence[Any]) -> list[str]:
    """An inline token's text, split where the source broke the line."""
    lines = [""]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        else:
            lines[-1] += _inline_piece(child)
    return lines


def _inline_text(children: Sequence[Any]) -> str:
    """An inline token's text, its lines (soft or hard breaks) joined with a space."""
    pieces: list[str] = []
    for child in children:
        if child.type == "softbreak":
            pieces.append(" ")
        elif child.type == "hardbreak":
            pieces.append(" ")  # a paragraph is one line in the tree, however it was broken
        else:
            pieces.append(_inline_piece(child))
    return "".join(pieces)


def _inline_piece(child: Any) -> str:
    if child.type in ("text", "code_inline", "text_special", "html_inline"):
        return str(child.content)
    if child.type == "image":
        return _inline_text(child.children or [])
    return ""


def _wholly_emphasised(children: Sequence[Any]) -> bool:
    """Whether emphasis opens at the start and closes at the end (``*By Jane Doe*``)."""
    return (
        len(children) >= 3
        and children[0].type in ("em_open", "strong_open")
        and children[-1].type in ("em_close", "strong_close")
        and _closing(children, 0) == len(children) - 1
    )
