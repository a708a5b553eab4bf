"""Reading Markdown (CommonMark, with optional YAML front matter) into the tree.

markdown-it-py does the parsing, with raw HTML switched off so that ``<script>`` in a Markdown
file is read as the words ``<script>``, never as markup. Its block tokens become
:class:`~newsconvert.readers.parts.Part` objects: headings, paragraphs, block quotes (a last line
starting with a dash, ``— Name``, is the attribution), lists and code blocks. Inline markup is
reduced to its text: emphasis marks, code spans and links leave their words behind.

The YAML front matter our standalone Markdown writes (``title``, ``date``, ``lastmod``,
``authors``, ``description``, ``dateline``) fills the metadata the body does not state.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from newsconvert.errors import ParseError
from newsconvert.readers.assemble import assemble
from newsconvert.readers.parts import Metadata, Part, PartKind
from newsconvert.tree import Article

_FRONT_MATTER_FENCE = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_ATTRIBUTION_DASH = re.compile("^(?:\u2014|\u2015|\u2013|--)\\s*")  # em dash, bar, en dash
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close"})


def read_markdown(text: str, *, source: str | None = None) -> Article:
    """Read a Markdown article (ours, or a person's own) into an :class:`Article`.

    Raises :class:`~newsconvert.errors.ParseError` for malformed front matter or a document
    without a title.
    """
    body, metadata, offset = split_front_matter(text, source=source)
    parts = markdown_parts(body, line_offset=offset)
    return assemble(parts, metadata, source=source)


# --- Front matter -------------------------------------------------------------------------------


def split_front_matter(text: str, *, source: str | None = None) -> tuple[str, Metadata, int]:
    """Split YAML front matter off ``text``: ``(body, metadata, lines before the body)``."""
    opening = _FRONT_MATTER_FENCE.match(text)
    if opening is None:
        return text, Metadata(), 0
    closing = _FRONT_MATTER_END.search(text, opening.end())
    if closing is None:
        raise ParseError("front matter opened with '---' is never closed", source=source, line=1)
    block = text[opening.end() : closing.start()]
    end_of_line = text.find("\n", closing.end())
    body_start = len(text) if end_of_line < 0 else end_of_line + 1
    metadata = front_matter_metadata(block, source=source, first_line=2)
    return text[body_start:], metadata, text.count("\n", 0, body_start)


def front_matter_metadata(
    block: str, *, source: str | None = None, first_line: int = 1
) -> Metadata:
    """Read a YAML front-matter block into :class:`Metadata`."""
    import yaml

    try:
        # BaseLoader keeps every scalar a string: a date stays as written, "no" stays "no".
        data = yaml.load(block, Loader=yaml.BaseLoader)
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
    if isinstance(dateline, Mapping):
        metadata.dateline = _string(dateline.get("text"))
        metadata.dateline_place = _string(dateline.get("place"))
        metadata.dateline_agency = _string(dateline.get("agency"))
    else:
        metadata.dateline = _string(dateline)
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
    """The block-level parts of a Markdown document, in order."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).parse(text)
    return _Walker(tokens, line_offset).parts()


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
            if kind == "heading_open":
                inline = tokens[index + 1]
                parts.append(
                    Part(
                        PartKind.HEADING,
                        _inline_text(inline.children or []),
                        line=self.line(token),
                        level=int(token.tag[1]),
                    )
                )
                index += 3
            elif kind == "paragraph_open":
                children = tokens[index + 1].children or []
                parts.append(
                    Part(
                        PartKind.PARAGRAPH,
                        _inline_text(children),
                        line=self.line(token),
                        emphasised=_wholly_emphasised(children),
                    )
                )
                index += 3
            elif kind == "blockquote_open":
                end = _closing(tokens, index)
                parts.append(self.quote(tokens[index + 1 : end], self.line(token)))
                index = end + 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                end = _closing(tokens, index)
                items = _list_items(tokens[index + 1 : end])
                marker = token.markup if kind == "bullet_list_open" else f"1{token.markup}"
                parts.append(
                    Part(
                        PartKind.LIST,
                        line=self.line(token),
                        items=tuple(items),
                        details={"marker": marker},
                    )
                )
                index = end + 1
            elif kind in ("fence", "code_block"):
                parts.append(
                    Part(PartKind.LITERAL, token.content.removesuffix("\n"), line=self.line(token))
                )
                index += 1
            else:  # thematic breaks and anything else without words
                index += 1
        return parts

    def quote(self, inner: Sequence[Any], line: int) -> Part:
        """A block quote; a final line opening with a dash is its attribution."""
        lines: list[str] = []
        for position, token in enumerate(inner):
            if token.type == "inline":
                lines.extend(_inline_lines(token.children or []))
            elif token.type in ("fence", "code_block"):
                lines.extend(token.content.removesuffix("\n").split("\n"))
            elif token.type == "list_item_open" and position + 1 < len(inner):
                continue
        text = " ".join(lines)
        if len(lines) > 1 and _ATTRIBUTION_DASH.match(lines[-1]):
            attribution = _ATTRIBUTION_DASH.sub("", lines[-1], count=1)
            quote = " ".join(lines[:-1])
            return Part(PartKind.QUOTE, text, line=line, quote=quote, attribution=attribution)
        return Part(PartKind.QUOTE, text, line=line)


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
    """An inline token's text: soft breaks join lines with a space, hard breaks keep a newline."""
    pieces: list[str] = []
    for child in children:
        if child.type == "softbreak":
            pieces.append(" ")
        elif child.type == "hardbreak":
            pieces.append("\n")
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
