"""The article tree as standard docutils nodes: the core of the docutils and Sphinx integrations.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-integrations-doctree`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from docutils import nodes

from newsconvert import facts
from newsconvert.escape.comment import escape_comment
from newsconvert.facts import HIDDEN, BlockView, SectionView, section_views
from newsconvert.options import Options
from newsconvert.tree import Article, Aside, Dateline, Timestamp

CLASS_PREFIX = "newsconvert"
"""Prefix of every class name this module sets, so themes can style articles."""


class news_time(nodes.inline):
    """A timestamp; HTML builders write it as ``<time datetime="…">``, others as its text.

    Only the Sphinx layer uses it (it registers a visitor for every builder); plain docutils
    writers do not know it, so the docutils parser uses :class:`docutils.nodes.inline`.
    """


FIELD_LABELS = {
    "published": "Published",
    "updated": "Updated",
    "authors": "Authors",
    "dateline": "Dateline",
}
"""Labels of the docinfo fields, by key."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the article's nodes go in the page: facts of the place (a directive's options, the
    node it sits in), not options of newsconvert, which come from
    :class:`~newsconvert.options.Options` (``keep_chrome``, ``drop_chrome``)."""

    heading_offset: int = 0
    """How many levels deeper than usual the article's headings go. A docutils section can only
    sit directly inside its parent, so headings that would skip a level become ``rubric`` nodes
    (headings outside the table of contents) instead of sections."""
    include_header: bool = True
    """Whether to show the kicker, timestamps and bylines under the headline."""
    sections_allowed: bool = True
    """Whether headings may become sections at all (not inside a list or an admonition)."""
    time_node: type[nodes.TextElement] = nodes.inline
    """The node class for timestamps (the Sphinx layer passes :class:`news_time`)."""


@dataclass(frozen=True, slots=True)
class _LegacyOptions:
    """What ``DoctreeOptions`` held (deprecated: see :func:`__getattr__`)."""

    heading_offset: int = 0
    include_header: bool = True
    keep_chrome: bool = False
    sections_allowed: bool = True
    time_node: type[nodes.TextElement] = nodes.inline
    drop_chrome: bool = False
    field_labels: dict[str, str] = field(default_factory=lambda: dict(FIELD_LABELS))


def __getattr__(name: str) -> Any:
    """``DoctreeOptions`` still imports, with a :class:`DeprecationWarning`: its fields are now
    :class:`~newsconvert.options.Options` (``keep_chrome``, ``drop_chrome``) and
    :class:`Placement`."""
    if name == "DoctreeOptions":
        warnings.warn(
            "newsconvert.integrations.doctree.DoctreeOptions is deprecated: pass "
            "newsconvert.options.Options (keep_chrome) and Placement instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return _LegacyOptions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _split(
    options: Options | _LegacyOptions | None, placement: Placement | None
) -> tuple[Options, Placement, dict[str, str]]:
    """The options model, the placement and the field labels from either call style."""
    if isinstance(options, _LegacyOptions):
        legacy = options
        return (
            Options(keep_chrome=legacy.keep_chrome, drop_chrome=legacy.drop_chrome),
            Placement(
                legacy.heading_offset,
                legacy.include_header,
                legacy.sections_allowed,
                legacy.time_node,
            ),
            legacy.field_labels,
        )
    return options or Options(), placement or Placement(), FIELD_LABELS


def css_class(*parts: str) -> str:
    """The class name ``newsconvert-<parts…>`` (``css_class("aside")`` → ``newsconvert-aside``)."""
    return "-".join((CLASS_PREFIX, *parts))


class DoctreeBuilder:
    """Builds docutils nodes for one article into one docutils ``document``.

    The document is needed to give sections their ids (``note_implicit_target``), which tables
    of contents and cross-references rely on.
    """

    def __init__(
        self,
        document: nodes.document,
        options: Options | None = None,
        placement: Placement | None = None,
    ) -> None:
        self.document = document
        self.options, self.placement, self._labels = _split(options, placement)
        # One small function per block type, looked up by the type name the templates use (as
        # markdown-it-py's renderer rules are): adding a block type is adding one entry.
        self._block_rules: dict[str, Callable[[BlockView], list[nodes.Element]]] = {
            "paragraph": self.paragraph,
            "blockquote": self.blockquote,
            "list": self.bullet_list,
            "preformatted": self.preformatted,
            "embed": self.embed,
            "aside": self.aside,
            HIDDEN: self.hidden,
        }

    # --- whole articles ---------------------------------------------------------------------

    def article(self, article: Article) -> list[nodes.Element]:
        """The article as nodes to place inside a page: a section titled by the headline.

        Where headings cannot be sections (``heading_offset`` > 0, or inside body elements),
        the headline and section headings become rubrics and everything is returned flat.
        """
        title, line = _title_of(article)
        if self._section_depth_allowed() >= 1:
            section = self.section(title, line)
            section.extend(self.article_body(article, heading_level=2))
            return [section]
        headline = self.rubric(title, line, level=1)
        return [headline, *self.article_body(article, heading_level=2)]

    def article_body(self, article: Article, *, heading_level: int) -> list[nodes.Element]:
        """Everything under the headline: header, sections, credits.

        ``heading_level`` is the level of the article's section headings (the headline is 1).
        """
        body: list[nodes.Element] = []
        header = self.header(article)
        if header is not None:
            body.append(header)
        if _has_words(article.standfirst):
            body.append(
                self._paragraph(
                    article.standfirst.text, article.standfirst.line, css_class("standfirst")
                )
            )
        # The same view of the body the templates get: hidden asides as comments, the dateline
        # on the paragraph it opens, a blockquote split into quotation and attribution.
        sections, dateline_placed = section_views(
            article, keep_chrome=self.options.keep_chrome, drop_chrome=self.options.drop_chrome
        )
        if not dateline_placed and article.dateline is not None:
            body.append(
                self._wrap_paragraph(self._dateline(article.dateline), article.dateline.line)
            )
        for section in sections:
            body.extend(self.article_section(section, heading_level))
        credits = self.credits(article)
        if credits is not None:
            # Body elements may not follow a section in docutils' model, so credits after a
            # headed section go at the end of that section (where every writer shows them).
            last = body[-1] if body else None
            while isinstance(last, nodes.section) and isinstance(last[-1], nodes.section):
                last = last[-1]
            (last if isinstance(last, nodes.section) else body).append(credits)
        return body

    def field_list(self, article: Article) -> nodes.field_list | None:
        """The metadata as the field list a reST author would write under the title.

        docutils' ``DocInfo`` transform turns it into the ``docinfo`` block; ``Authors`` is one
        of its bibliographic fields, the others stay generic fields.
        """
        labels = self._labels
        fields = nodes.field_list(classes=[css_class("fields")])
        if article.published is not None:
            fields += self._field(labels["published"], self.timestamp(article.published))
        for stamp in article.updated:
            fields += self._field(labels["updated"], self.timestamp(stamp))
        authors = list(facts.authors(article))
        if authors:
            # docutils splits an Authors field at ";" first; a lone name with a comma (``Doe,
            # Jr.``) needs the trailing ";" to stay one name.
            text = "; ".join(authors) + (";" if len(authors) == 1 and "," in authors[0] else "")
            fields += self._field(labels["authors"], nodes.Text(text))
        if article.dateline is not None:
            fields += self._field(labels["dateline"], nodes.Text(article.dateline.text.strip()))
        return fields if len(fields) else None

    def meta_tags(self, article: Article) -> list[nodes.meta]:
        """``<meta>`` tags for an HTML page's head: description, author, published/modified.

        The times use Open Graph's ``article:published_time``/``article:modified_time``.
        Writers other than HTML ignore these nodes.
        """
        data = article_metadata(article)
        tags = []
        if "standfirst" in data:
            tags.append(nodes.meta(name="description", content=data["standfirst"]))
        if data.get("authors"):
            tags.append(nodes.meta(name="author", content=", ".join(data["authors"])))
        for key, name in (
            ("published_datetime", "article:published_time"),
            ("updated_datetime", "article:modified_time"),
        ):
            if key in data:
                tags.append(nodes.meta(property=name, content=data[key]))
        return tags

    def metadata_docinfo(self, article: Article) -> nodes.docinfo:
        """A ``docinfo`` of machine-readable keys, which Sphinx turns into page metadata.

        Keys: ``headline``, ``kicker``, ``standfirst``, ``published``/``updated`` (the text as
        written) with ``published_datetime``/``updated_datetime`` (ISO 8601; the last update),
        ``authors`` (a list), ``dateline``, ``dateline_place``, ``dateline_agency``, ``credits``.
        """
        info = nodes.docinfo()
        for key, value in article_metadata(article).items():
            if key == "authors":
                info += nodes.authors("", *(nodes.author(name, name) for name in value))
            else:
                info += self._field(key, nodes.Text(value))
        return info

    # --- header and credits -----------------------------------------------------------------

    def header(self, article: Article) -> nodes.container | None:
        """The kicker, timestamps and bylines as written, in a container (``None`` if empty)."""
        if not self.placement.include_header:
            return None
        header = nodes.container(classes=[css_class("header")])
        if _has_words(article.kicker):
            header += self.kicker(article)
        if _has_words(article.published):
            header += self._timestamp_paragraph(article.published, "published")
        for stamp in filter(_has_words, article.updated):
            header += self._timestamp_paragraph(stamp, "updated")
        for byline in filter(_has_words, article.bylines):
            header += self._paragraph(byline.text, byline.line, css_class("byline"))
        return header if len(header) else None

    def credits(self, article: Article) -> nodes.container | None:
        """Credits and sign-offs in a container (``None`` if the article has none)."""
        credits = list(filter(_has_words, article.credits))
        if not credits:
            return None
        container = nodes.container(classes=[css_class("credits")])
        for credit in credits:
            container += self._paragraph(credit.text, credit.line, css_class("credit"))
        return container

    def timestamp(self, stamp: Timestamp) -> nodes.TextElement:
        """A time node holding the timestamp's text, with its ISO value as ``datetime``."""
        node = self.placement.time_node(stamp.text, stamp.text, classes=[css_class("time")])
        if stamp.iso is not None:
            node["datetime"] = stamp.iso
        node.line = stamp.line or None
        return node

    # --- sections ---------------------------------------------------------------------------

    def article_section(self, section: SectionView, heading_level: int) -> list[nodes.Element]:
        """One section of the body: its blocks, under its heading if it has one."""
        blocks: list[nodes.Element] = []
        for view in section.blocks:
            # A block without words (possible in a tree read back or built by hand) has
            # nothing to lose; like the templates, leave it out rather than draw an empty box.
            if not view.blank:
                blocks.extend(self.block(view))
            elif view.dateline is not None:
                # The dateline the empty paragraph was to carry still has words: keep it.
                blocks.append(self._wrap_paragraph(self._dateline(view.dateline), view.block.line))
        if section.heading is None:
            return blocks
        text, line = section.heading.text, section.heading.line
        if self._section_depth_allowed() >= heading_level:
            node = self.section(text, line)
            node.extend(blocks)
            return [node]
        return [self.rubric(text, line, level=heading_level), *blocks]

    def section(self, title: str, line: int) -> nodes.section:
        """An empty section titled ``title``, with an id registered in the document."""
        section = nodes.section()
        section.line = line or None
        title_node = nodes.title(title, title)
        title_node.line = line or None
        section += title_node
        section["names"].append(nodes.fully_normalize_name(title))
        # No message node: two articles (or headings) with the same title are normal here, and
        # docutils would otherwise put an INFO message into the section itself.
        self.document.note_implicit_target(section)
        return section

    def rubric(self, text: str, line: int, *, level: int) -> nodes.rubric:
        """A heading outside the section structure, classed with its article level."""
        node = nodes.rubric(text, text, classes=[css_class("heading"), css_class(f"h{level}")])
        node.line = line or None
        return node

    def _section_depth_allowed(self) -> int:
        """How many article heading levels may be sections (0 = none)."""
        if not self.placement.sections_allowed or self.placement.heading_offset > 0:
            return 0
        return 2

    # --- blocks -----------------------------------------------------------------------------

    def block(self, view: BlockView) -> list[nodes.Element]:
        """The nodes for one block, as the templates' view of it describes it."""
        rule = self._block_rules.get(view.type)
        if rule is None:
            # The visitor pattern's rule: an unknown node is a loud error, never silent loss.
            raise TypeError(f"no docutils rule for {type(view.block).__name__}")
        return rule(view)

    def paragraph(self, view: BlockView) -> list[nodes.Element]:
        """A paragraph of body text, opened by the article's dateline if it carries it."""
        paragraph = self._paragraph(view.block.text, view.block.line)
        if view.dateline is not None:
            paragraph.insert(0, self._dateline(view.dateline))
            if not view.dateline.text.endswith((" ", "\t")):
                paragraph.insert(1, nodes.Text(" "))
        return [paragraph]

    def blockquote(self, view: BlockView) -> list[nodes.Element]:
        """The quotation and its attribution, both exactly as written (marks included).

        docutils puts an attribution after its quotation, so an attribution written before the
        quotation (``Trump counselled Hun Sen, “…”``) moves after it; no character is lost.
        """
        block = view.block
        quote = nodes.block_quote(classes=[css_class("quote")])
        quote.line = block.line or None
        if view.caption_part.strip():
            quote += self._paragraph(view.quote_part.strip(), block.line)
            attribution = view.caption_part.strip()
            attribution_node = nodes.attribution(attribution, attribution)
            attribution_node.line = block.line or None
            quote += attribution_node
        else:
            # No attribution found: the whole paragraph as written is the quotation.
            quote += self._paragraph(block.text, block.line)
        return [quote]

    def bullet_list(self, view: BlockView) -> list[nodes.Element]:
        """A bullet list, one paragraph per item."""
        block = view.block
        bullets = nodes.bullet_list(bullet="-")
        bullets.line = block.line or None
        for item in block.items:
            list_item = nodes.list_item()
            list_item += self._paragraph(item.text, item.line)
            bullets += list_item
        return [bullets]

    def preformatted(self, view: BlockView) -> list[nodes.Element]:
        """Text whose layout matters, as a literal block that no highlighter touches."""
        block = view.block
        literal = nodes.literal_block(block.text, block.text, classes=[css_class("preformatted")])
        literal["language"] = "text"
        literal.line = block.line or None
        return [literal]

    def embed(self, view: BlockView) -> list[nodes.Element]:
        """A flattened social-media post, line by line, as a quotation."""
        block = view.block
        quote = nodes.block_quote(classes=[css_class("embed")])
        quote.line = block.line or None
        lines = nodes.line_block()
        for text in block.text.split("\n"):
            lines += nodes.line(text, text)
        quote += lines
        return [quote]

    def aside(self, view: BlockView) -> list[nodes.Element]:
        """Set-aside text (caption, cross-link…) as a paragraph classed with its kind.

        Hidden kinds reach this only with ``keep_chrome``: they are :meth:`hidden` otherwise.
        """
        block = view.block
        assert isinstance(block, Aside)
        return [self._paragraph(block.text, block.line, css_class("aside"), css_class(block.kind))]

    def hidden(self, view: BlockView) -> list[nodes.Element]:
        """An aside kept out of sight (chrome, a repeat) as a comment, which no writer shows:
        the same comment our reST writer writes (``hidden KIND: TEXT``, text made inert)."""
        block = view.block
        assert isinstance(block, Aside)
        text = f"hidden {block.kind}: {escape_comment(block.text)}"
        comment = nodes.comment(text, text, classes=[css_class("hidden"), css_class(block.kind)])
        comment.line = block.line or None
        return [comment]

    # --- small helpers ----------------------------------------------------------------------

    def kicker(self, article: Article) -> nodes.paragraph:
        """The kicker (rubric above the headline) as a classed paragraph."""
        assert article.kicker is not None
        return self._paragraph(article.kicker.text, article.kicker.line, css_class("kicker"))

    def _paragraph(self, text: str, line: int, *classes: str) -> nodes.paragraph:
        node = nodes.paragraph(text, text, classes=list(classes))
        node.line = line or None
        return node

    def _dateline(self, dateline: Dateline) -> nodes.inline:
        node = nodes.inline(dateline.text, dateline.text, classes=[css_class("dateline")])
        node.line = dateline.line or None
        return node

    def _wrap_paragraph(self, child: nodes.Node, line: int) -> nodes.paragraph:
        node = nodes.paragraph("", "", child)
        node.line = line or None
        return node

    def _timestamp_paragraph(self, stamp: Timestamp, kind: str) -> nodes.paragraph:
        paragraph = nodes.paragraph("", "", self.timestamp(stamp), classes=[css_class(kind)])
        paragraph.line = stamp.line or None
        return paragraph

    def _field(self, label: str, value: nodes.Node) -> nodes.field:
        body = nodes.field_body("", nodes.paragraph("", "", value))
        return nodes.field("", nodes.field_name(label, label), body)


def _has_words(node: object) -> bool:
    """Whether ``node`` exists and its ``text`` holds more than whitespace."""
    return node is not None and bool(getattr(node, "text", "").strip())


def _title_of(article: Article) -> tuple[str, int]:
    """The page title and its line: the headline, or the visible fallback label (a page must
    have a title; the label is not the article's, and is never written back into the tree)."""
    line = article.headline.line if article.headline is not None else 0
    return article.title_label, line


def article_metadata(article: Article) -> dict:
    """The article's metadata as flat strings (``authors``: a list); see ``metadata_docinfo``."""
    data: dict = {}
    if article.headline is not None:
        data["headline"] = article.headline.text
    if article.kicker is not None:
        data["kicker"] = article.kicker.text
    if article.standfirst is not None:
        data["standfirst"] = article.standfirst.text
    # The fields show the text as written; the times are the article's facts.
    stamps = [
        ("published", article.published, facts.published(article)),
        ("updated", article.updated[-1] if article.updated else None, facts.modified(article)),
    ]
    for key, stamp, fact in stamps:
        if stamp is not None:
            data[key] = stamp.text
        if fact is not None and fact.iso is not None:
            data[f"{key}_datetime"] = fact.iso
    authors = list(facts.authors(article))
    if authors:
        data["authors"] = authors
    if article.dateline is not None:
        data["dateline"] = article.dateline.text.strip()
        for key, value in (
            ("dateline_place", article.dateline.place),
            ("dateline_agency", article.dateline.agency),
        ):
            if value:
                data[key] = value
    if article.credits:
        data["credits"] = "; ".join(credit.text for credit in article.credits)
    return data


def article_nodes(
    article: Article,
    document: nodes.document,
    options: Options | None = None,
    placement: Placement | None = None,
) -> list[nodes.Element]:
    """``article`` as nodes to place in ``document``: a section titled by the headline."""
    return DoctreeBuilder(document, options, placement).article(article)


def fill_document(
    document: nodes.document,
    article: Article,
    options: Options | None = None,
    placement: Placement | None = None,
) -> None:
    """Make ``document`` the article, shaped the way docutils' own reST parser shapes a page.

    The document gets one section titled by the headline, opened by a field list of the
    metadata; docutils' standard transforms then promote the headline to the document title and
    the field list to the ``docinfo`` block (and leave both in place when they are turned off).
    """
    builder = DoctreeBuilder(document, options, placement)
    document.extend(builder.meta_tags(article))
    section = builder.section(*_title_of(article))
    fields = builder.field_list(article)
    if fields is not None:
        section += fields
    if _has_words(article.kicker) and builder.placement.include_header:
        section += builder.kicker(article)
    # The field list shows timestamps and bylines already; the header would repeat them.
    builder.placement = replace(builder.placement, include_header=False)
    section.extend(builder.article_body(article, heading_level=2))
    document += section
