"""Reading HTML into the tree: our semantic HTML exactly, other article pages as far as they say.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-readers-html`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from newsconvert.parser.timezones import ZoneTable, zone_table
from newsconvert.readers.assemble import assemble
from newsconvert.readers.parts import Metadata, Part, PartKind, role_of
from newsconvert.tree import Article, AsideKind

_VOID = frozenset(
    (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    )
)
_BLOCK = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "dialog",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "summary",
        "ul",
    )
)
_SILENT = frozenset(
    (
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "textarea",
        "head",
    )
)
"""Elements whose content is not article text (a page's ``<title>`` is read separately)."""
MAX_DEPTH = 100
"""How deep elements nest before further ones are read as their parent's siblings."""
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_WHITESPACE = re.compile(r" *[\t\n\r\f][ \t\n\r\f]*")
"""Source formatting: a line break or tab with the spaces around it reads as one space.

Runs of plain spaces are kept as they are: the DOM's text keeps them, and wire copy puts two
spaces where they mean something (``YEMEN  -- USDA``). Edges of a block are stripped."""
_EDGES = " \t\n\r\f"
_ATTRIBUTION_DASH = re.compile("^(?:\u2014|\u2015|\u2013|--)\\s*")  # em dash, bar, en dash


@dataclass(slots=True)
class _Element:
    """One element of the page: its tag, attributes, children and source line."""

    tag: str
    attributes: dict[str, str]
    line: int
    children: list[_Element | str] = field(default_factory=list)
    parent: _Element | None = None

    @property
    def classes(self) -> list[str]:
        return self.attributes.get("class", "").split()

    def elements(self) -> Iterator[_Element]:
        """Every element below this one, depth first."""
        for child in self.children:
            if isinstance(child, _Element):
                yield child
                yield from child.elements()

    def find(self, tag: str) -> _Element | None:
        return next((element for element in self.elements() if element.tag == tag), None)


class _TreeBuilder(HTMLParser):
    """Builds an element tree from tokens, closing what HTML closes implicitly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document", {}, 1)
        self.open: list[_Element] = [self.root]
        self.scripts: list[tuple[str, str]] = []
        """``(type, text)`` of every script, for JSON-LD."""
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._close_implied(tag)
        element = _Element(
            tag,
            {name: value or "" for name, value in attrs},
            self.getpos()[0],
            parent=self.open[-1],
        )
        self.open[-1].children.append(element)
        # Past MAX_DEPTH an element opens nothing: what follows stays in its parent, so every
        # word is kept and no walk over the tree recurses without bound (browsers cap depth
        # the same way).
        if tag not in _VOID and len(self.open) <= MAX_DEPTH:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open[-1].tag == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                closed = self.open[depth]
                del self.open[depth:]
                self._closed(closed)
                return
        # An end tag with nothing to close is ignored, as browsers do.

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        """A block closes an open ``<p>``; ``<li>``/``<dt>``/``<dd>`` close their previous one."""
        closes = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd")}.get(tag, ())
        for depth in range(len(self.open) - 1, 0, -1):
            current = self.open[depth].tag
            if current == "p" or current in closes:
                del self.open[depth:]
                return
            if current in _BLOCK:
                return

    def _closed(self, element: _Element) -> None:
        if element.tag == "script":
            self.scripts.append((element.attributes.get("type", ""), _raw_text(element)))
        elif (
            element.tag == "title"
            and self.title is None
            and "data-fallback" not in element.attributes  # our label for an untitled article
        ):
            self.title = _normalise(_raw_text(element))

    def close(self) -> None:
        super().close()
        for element in reversed(self.open[1:]):
            self._closed(element)


def read_html(text: str, *, zones: ZoneTable | None = None, source: str | None = None) -> Article:
    """Read an HTML page or fragment (ours, or an article page) into an :class:`Article`.

    Raises :class:`~newsconvert.errors.ParseError` for a page without a title.
    """
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = _article_root(builder.root)
    metadata = _json_ld_metadata(builder.scripts)
    if metadata.title is None:
        # A page may print its headline above the <article> element; its <title> usually
        # carries the site's name too, so it comes last.
        page_heading = builder.root.find("h1")
        heading_text = _inline_text(page_heading) if page_heading is not None else ""
        metadata.title = heading_text or builder.title or None
    parts: list[Part] = []
    _Walker(parts).blocks(root, role=None)
    # A page that labels its parts (as ours does) is read by its labels alone.
    labelled = any(role_of(element.classes) for element in root.elements())
    return assemble(parts, metadata, zones=zones or zone_table(), source=source, labelled=labelled)


def _article_root(document: _Element) -> _Element:
    for tag in ("article", "main", "body"):
        found = document.find(tag)
        if found is not None:
            return found
    return document


# --- JSON-LD ------------------------------------------------------------------------------------


def _json_ld_metadata(scripts: Iterable[tuple[str, str]]) -> Metadata:
    """Metadata from the first schema.org article object in the page's JSON-LD, if any."""
    for kind, text in scripts:
        if kind.strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue  # a broken JSON-LD block is the page's problem, not the article's words
        for candidate in _ld_objects(data):
            kinds = candidate.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                return _ld_article(candidate)
    return Metadata()


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_objects(data.get("@graph"))


def _ld_article(data: dict[str, Any]) -> Metadata:
    metadata = Metadata()
    metadata.title = _ld_string(data.get("headline"))
    metadata.standfirst = _ld_string(data.get("description"))
    published = _ld_string(data.get("datePublished"))
    if published is not None:
        metadata.published, metadata.published_value = published, _iso(published)
    modified = data.get("dateModified")
    for value in modified if isinstance(modified, list) else [modified]:
        text = _ld_string(value)
        if text is not None:
            metadata.updated.append(text)
            metadata.updated_values.append(_iso(text))
    authors = data.get("author")
    for author in authors if isinstance(authors, list) else [authors]:
        name = _ld_string(author.get("name") if isinstance(author, dict) else author)
        if name:
            metadata.authors.append(name)
    metadata.dateline = _ld_string(data.get("dateline"))
    return metadata


def _ld_string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


# --- Elements into parts ------------------------------------------------------------------------


class _Walker:
    """Turns the article element's content into :class:`Part` objects, in document order."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts

    def blocks(self, element: _Element, *, role: str | None) -> None:
        """Read a container: block children become parts, loose inline runs paragraphs."""
        run: list[_Element | str] = []
        for child in element.children:
            if isinstance(child, str) or (child.tag not in _BLOCK and child.tag not in _SILENT):
                run.append(child)
                continue
            self.paragraph(run, element, role)
            run = []
            if child.tag not in _SILENT:
                self.block(child, role=_role(child, role))
        self.paragraph(run, element, role)

    def paragraph(self, run: list[_Element | str], parent: _Element, role: str | None) -> None:
        """A run of inline content as a paragraph (nothing, if it holds no words)."""
        if not run:
            return
        holder = _Element("p", {}, _first_line(run, parent), list(run), parent)
        self.block(holder, role=role)

    def block(self, element: _Element, *, role: str | None) -> None:
        tag = element.tag
        if tag in _HEADINGS:
            text = _inline_text(element)
            if text:
                self.parts.append(
                    Part(PartKind.HEADING, text, line=element.line, level=_HEADINGS[tag])
                )
        elif tag == "p" or tag in ("dt", "dd", "summary", "caption", "td", "th"):
            self.inline_paragraph(element, role)
        elif tag == "blockquote" and role == "embed":
            # Our embedded post: one paragraph per line of the post.
            lines = [_inline_text(child) for child in _children(element, "p")]
            self.parts.append(
                Part(PartKind.PARAGRAPH, "\n".join(lines), line=element.line, role="embed")
            )
        elif tag == "blockquote":
            self.parts.append(_quote(element, attribution=None))
        elif tag == "figure" and "quote" in element.classes:
            self.parts.append(_our_quote(element))
        elif tag == "figure" and element.find("blockquote") is not None:
            caption = element.find("figcaption")
            quote = element.find("blockquote")
            assert quote is not None
            self.parts.append(
                _quote(quote, attribution=None if caption is None else _inline_text(caption))
            )
        elif tag in ("ul", "ol"):
            items = tuple(
                _inline_text(child)
                for child in element.children
                if isinstance(child, _Element) and child.tag == "li"
            )
            # A writer may say which marker the source used (``data-marker``).
            marker = element.attributes.get("data-marker", "-" if tag == "ul" else "1.")
            self.parts.append(
                Part(PartKind.LIST, line=element.line, items=items, details={"marker": marker})
            )
        elif tag == "pre":
            text = _raw_text(element).removeprefix("\n").removesuffix("\n")
            self.parts.append(Part(PartKind.LITERAL, text, line=element.line))
        elif tag == "hr":
            return
        else:
            if tag == "aside" and role is None:
                role = AsideKind.OTHER.value
            self.blocks(element, role=role)

    def inline_paragraph(self, element: _Element, role: str | None) -> None:
        """A paragraph; a ``<time datetime>`` gives it a value, a dateline span its dateline."""
        details: dict[str, str | None] = {}
        dateline = next((e for e in element.elements() if "dateline" in e.classes), None)
        text = _inline_text(element, skip=dateline)
        if dateline is not None and role != "dateline":
            details["dateline"] = _inline_text(dateline)
        time = element.find("time")
        if not text and "dateline" not in details:
            return
        part = Part(PartKind.PARAGRAPH, text, line=element.line, role=role, details=details)
        if time is not None and "datetime" in time.attributes:
            part.has_value = True
            part.value = _iso(time.attributes["datetime"])
        self.parts.append(part)


def _children(element: _Element, tag: str) -> list[_Element]:
    return [c for c in element.children if isinstance(c, _Element) and c.tag == tag]


def _our_quote(figure: _Element) -> Part:
    """Our ``<figure class="quote">``: quotation and caption, in document order, are the text.

    The two parts are joined exactly as written, spaces at their edges included, so the
    paragraph comes back whole; its quotation and attribution are then read from the words.
    """
    pieces = []
    for child in figure.children:
        if isinstance(child, _Element) and child.tag in ("blockquote", "figcaption"):
            pieces.append(_inline_text(child, strip=False))
    return Part(PartKind.QUOTE, _normalise("".join(pieces)), line=figure.line)


def _quote(element: _Element, *, attribution: str | None) -> Part:
    """A ``<blockquote>``; its ``<footer>``/``<figcaption>``/``<cite>`` is the attribution."""
    marked = next(
        (
            child
            for child in element.children
            if isinstance(child, _Element) and child.tag in ("footer", "figcaption", "cite")
        ),
        None,
    )
    paragraphs: list[str] = []
    for child in element.children:
        if child is marked:
            continue
        text = _inline_text(child) if isinstance(child, _Element) else _normalise(child)
        if text:
            paragraphs.append(text)
    if marked is not None and attribution is None:
        attribution = _inline_text(marked)
    elif attribution is None and len(paragraphs) > 1 and _ATTRIBUTION_DASH.match(paragraphs[-1]):
        attribution = paragraphs.pop()
    quote = " ".join(paragraphs)
    attribution = _ATTRIBUTION_DASH.sub("", attribution, count=1) if attribution else None
    if not attribution:
        return Part(PartKind.QUOTE, quote, line=element.line)
    return Part(
        PartKind.QUOTE,
        f"{quote} — {attribution}",
        line=element.line,
        quote=quote,
        attribution=attribution,
    )


def _inline_text(element: _Element, *, skip: _Element | None = None, strip: bool = True) -> str:
    """An element's words as a reader sees them: source line breaks and ``<br>`` a space."""
    lines: list[list[str]] = [[]]

    def collect(node: _Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                lines[-1].append(child)
            elif child is skip or child.tag in _SILENT:
                continue
            elif child.tag == "br":
                lines.append([])
            else:
                collect(child)

    collect(element)
    if len(lines) == 1:
        text = _WHITESPACE.sub(" ", "".join(lines[0]))
        return text.strip(_EDGES) if strip else text
    # A paragraph is one line in the tree: ``<br>`` separates words like any line break.
    return " ".join(_normalise("".join(line)) for line in lines)


def _normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip(_EDGES)


def _raw_text(element: _Element) -> str:
    """All text below an element, untouched (for ``<pre>``, scripts and titles)."""
    pieces: list[str] = []
    for child in element.children:
        pieces.append(child if isinstance(child, str) else _raw_text(child))
    return "".join(pieces)


def _first_line(run: list[_Element | str], parent: _Element) -> int:
    for child in run:
        if isinstance(child, _Element):
            return child.line
    return parent.line


def _role(element: _Element, inherited: str | None) -> str | None:
    return role_of(element.classes) or inherited
