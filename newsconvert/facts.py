"""What an article says about itself beyond its text, derived once for every output.

The renderers' context (front matter, JSON-LD), the site builder (index, feed, generators' front
matter), the docutils and Sphinx layers (docinfo, ``<meta>`` tags), the MkDocs and Pelican
plugins and ``--check`` all ask these functions, so an article has one set of authors, one
publication time, one last-modified time, one description and one set of visible sections.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from newsconvert.errors import UnknownBlockTypeError
from newsconvert.tree import (
    HIDDEN_ASIDES,
    Article,
    Aside,
    AttributionPosition,
    Block,
    Blockquote,
    BulletList,
    Dateline,
    Embed,
    Paragraph,
    Preformatted,
    Section,
    SectionHeading,
    Timestamp,
)

__all__ = [
    "BLOCK_TYPES",
    "HIDDEN",
    "BlockView",
    "SectionView",
    "attribution_span",
    "authors",
    "dateline_paragraph",
    "description",
    "listing_date",
    "modified",
    "published",
    "section_views",
    "shown",
    "visible",
    "visible_sections",
]


def authors(article: Article) -> tuple[str, ...]:
    """The authors' names from every byline, in order, without repeats; a byline that names
    nobody (``By Staff Writer``) gives its text."""
    names: list[str] = []
    for byline in article.bylines:
        for name in byline.names or (byline.text,):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return tuple(names)


def published(article: Article) -> Timestamp | None:
    """The publication timestamp if it resolved to a time, else ``None``: what a document's
    own metadata states (front matter ``date``, JSON-LD ``datePublished``, docinfo)."""
    if article.published is not None and article.published.value is not None:
        return article.published
    return None


def listing_date(article: Article) -> Timestamp | None:
    """The time to list the article by (site index, feed, generators' ``date``): its
    publication time, else its first update that resolved (an article stamped only
    ``Updated …`` was published by then), else ``None``."""
    found = published(article)
    if found is not None:
        return found
    return next((stamp for stamp in article.updated if stamp.value is not None), None)


def modified(article: Article) -> Timestamp | None:
    """The last update that resolved to a time, or ``None``: never the publication time, which
    would claim an update the article does not mention."""
    return next((stamp for stamp in reversed(article.updated) if stamp.value is not None), None)


def description(article: Article) -> str | None:
    """The standfirst's text, or ``None`` when there is none (or it is blank)."""
    if article.standfirst is None or not article.standfirst.text.strip():
        return None
    return article.standfirst.text


def shown(block: Block, *, keep_chrome: bool = False) -> bool:
    """Whether outputs show ``block``: every block but asides of the kinds in
    :data:`~newsconvert.tree.HIDDEN_ASIDES`, unless ``keep_chrome``."""
    return keep_chrome or not (isinstance(block, Aside) and block.kind in HIDDEN_ASIDES)


def visible_sections(article: Article, *, keep_chrome: bool = False) -> tuple[Section, ...]:
    """The sections as Markdown, HTML and reST show them: hidden asides left out (unless
    ``keep_chrome``), and a section left with neither heading nor blocks dropped."""
    if keep_chrome:
        return article.sections
    sections = []
    for section in article.sections:
        blocks = tuple(block for block in section.blocks if shown(block))
        if blocks or section.heading is not None:
            sections.append(
                section if len(blocks) == len(section.blocks) else
                dataclasses.replace(section, blocks=blocks)
            )  # fmt: skip
    return tuple(sections)


def visible(article: Article, *, keep_chrome: bool = False) -> Article:
    """``article`` as Markdown, HTML and reST show it (see :func:`visible_sections`): what they
    read back as."""
    sections = visible_sections(article, keep_chrome=keep_chrome)
    if sections is article.sections:
        return article
    return dataclasses.replace(article, sections=sections)


BLOCK_TYPES: dict[type, str] = {
    Paragraph: "paragraph",
    Blockquote: "blockquote",
    BulletList: "list",
    Preformatted: "preformatted",
    Embed: "embed",
    Aside: "aside",
}
"""The type name of each block class: the ``type`` in JSON and the block template's file name."""

HIDDEN = "hidden"
"""The type of a :class:`BlockView` of an aside that outputs keep out of sight (a kind in
:data:`~newsconvert.tree.HIDDEN_ASIDES`, without ``keep_chrome``): the built-in templates write
it as a hidden element (HTML) or a comment (Markdown, reST), so that it is in the output and
reads back, but is not shown. Its template is ``<format>/blocks/hidden.<ext>.j2``."""

LIST_BULLETS = ("-", "*")
"""Bullets for Markdown and reST lists, alternated so that two adjacent lists stay two lists."""


class BlockView(NamedTuple):
    """One block as a template renders it."""

    type: str
    """The block's type name (:data:`BLOCK_TYPES`): ``paragraph``, ``blockquote``, …; or
    :data:`HIDDEN` for an aside kept out of sight."""
    block: Block
    """The tree node."""
    previous: str | None
    """The type of the block rendered just before it in the same section, or ``None``."""
    dateline: Dateline | None = None
    """The article's dateline, on the paragraph it opens (see :func:`dateline_paragraph`);
    else ``None``."""
    bullet: str = "-"
    """For Markdown lists: the bullet to use (``-``, or ``*`` right after another list, since
    CommonMark joins adjacent lists with the same bullet)."""
    span: tuple[int, int] | None = None
    """For blockquotes: where the attribution stands in ``block.text`` (start, end), if found."""
    quote_part: str = ""
    """For blockquotes: the part of ``block.text`` that is the quotation (for ``<blockquote>``,
    reST block quotes); the whole text when there is no attribution."""
    caption_part: str = ""
    """For blockquotes: the rest of ``block.text``, holding the attribution (for
    ``<figcaption>``, reST ``-- attribution``); empty when there is none."""
    caption_first: bool = False
    """For blockquotes: whether ``caption_part`` comes before ``quote_part`` in the text.
    In every case the text is ``caption_part + quote_part`` or ``quote_part + caption_part``."""
    blank: bool = False
    """Whether the block's text is empty or only whitespace (templates may skip the block:
    there are no words to lose, and some formats cannot hold an empty construct)."""


class SectionView(NamedTuple):
    """One section as a template renders it."""

    heading: SectionHeading | None
    """The section heading, or ``None`` for the opening section."""
    blocks: tuple[BlockView, ...]
    """The blocks to render, in order."""
    position: int
    """The section's position in the article (0-based)."""


def attribution_span(block: Blockquote) -> tuple[int, int] | None:
    """Where ``block.attribution`` stands in ``block.text``: first occurrence when it comes
    before the quotation, last when after; ``None`` when it is absent or not in the text."""
    attribution = block.attribution
    if not attribution or block.position == AttributionPosition.NONE:
        return None
    if block.position == AttributionPosition.BEFORE:
        start = block.text.find(attribution)
    else:
        start = block.text.rfind(attribution)
    if start < 0:
        return None
    return start, start + len(attribution)


def _split_quote(block: Blockquote, span: tuple[int, int] | None) -> tuple[str, str, bool]:
    """``(quote_part, caption_part, caption_first)`` for figure-like renderings."""
    text = block.text
    if span is None:
        return text, "", False
    start, end = span
    if block.position == AttributionPosition.BEFORE and start == 0:
        # The caption runs to the end of the attribution's word ("Hun Sen," keeps its comma)
        # and takes the whitespace after it, so the quotation starts at its opening mark.
        cut = end
        while cut < len(text) and not text[cut].isspace():
            cut += 1
        while cut < len(text) and text[cut].isspace():
            cut += 1
        if cut < len(text):
            return text[cut:], text[:cut], True
    elif (
        block.position == AttributionPosition.AFTER
        and start >= 2
        and text[start - 1] == " "
        and not text[start - 2].isspace()
    ):
        # Split only at exactly one space: reST's "-- attribution" keeps no trace of the
        # whitespace between quotation and attribution, and a reader puts back one space.
        return text[:start], text[start:], False
    return text, "", False


def _block_view(
    block: Block,
    kind: str,
    previous: str | None,
    previous_bullet: str | None,
    blank: bool,
) -> BlockView:
    """The view of a shown block other than a paragraph (whose view is made in
    :func:`section_views`, the common case)."""
    if isinstance(block, Blockquote):
        span = attribution_span(block)
        quote_part, caption_part, caption_first = _split_quote(block, span)
        return BlockView(
            kind,
            block,
            previous,
            span=span,
            quote_part=quote_part,
            caption_part=caption_part,
            caption_first=caption_first,
            blank=blank,
        )
    if kind == "list":
        bullet = LIST_BULLETS[1] if previous_bullet == LIST_BULLETS[0] else LIST_BULLETS[0]
        return BlockView(kind, block, previous, bullet=bullet, blank=blank)
    return BlockView(kind, block, previous, blank=blank)


def dateline_paragraph(article: Article, *, keep_chrome: bool) -> Paragraph | None:
    """The paragraph the article's dateline opens when rendered, or ``None`` (it stands alone).

    The dateline prints where it stood: opening the first rendered block of the body when that
    is a paragraph; otherwise opening the paragraph that starts on the dateline's own source
    line (a wire dateline after a photo caption); otherwise alone, before the body (a
    dateline-only line above a table of figures). ``None`` too when there is no dateline.
    """
    dateline = article.dateline
    if dateline is None or not dateline.text.strip():
        return None
    first = True
    for section in article.sections:
        for block in section.blocks:
            if not shown(block, keep_chrome=keep_chrome):
                continue
            if type(block) is Paragraph and (first or (block.line and block.line == dateline.line)):
                return block
            first = False
    return None


def section_views(
    article: Article, *, keep_chrome: bool, drop_chrome: bool = False
) -> tuple[list[SectionView], bool]:
    """The sections to render, and whether a paragraph carries the article's dateline
    (see :func:`dateline_paragraph`; when none does, it is rendered alone before the body).

    An aside that is not :func:`shown` is a view of type :data:`HIDDEN` (the ``previous`` of
    the block after it), or is left out with ``drop_chrome``."""
    dateline = article.dateline if article.dateline and article.dateline.text.strip() else None
    target = dateline_paragraph(article, keep_chrome=keep_chrome)
    pending = dateline if target is not None else None
    views = []
    for index, section in enumerate(article.sections):
        blocks: list[BlockView] = []
        previous: str | None = None
        previous_bullet: str | None = None
        for block in section.blocks:
            kind = BLOCK_TYPES.get(type(block))
            blank = not block.text or block.text.isspace()
            if kind == "paragraph":  # most blocks: always shown, no other field to compute
                if pending is not None and block is target:
                    view = BlockView(kind, block, previous, pending, blank=blank)
                    pending = None
                else:
                    view = BlockView(kind, block, previous, blank=blank)
                previous = kind
                previous_bullet = None
                blocks.append(view)
                continue
            if not shown(block, keep_chrome=keep_chrome):
                if not drop_chrome:
                    blocks.append(BlockView(HIDDEN, block, previous, blank=blank))
                    # A comment in reST takes an indented block after it: the next block must
                    # know one stands before it (a quote then opens with an empty comment).
                    previous, previous_bullet = HIDDEN, None
                continue
            if kind is None:
                # Never skip what we cannot render: a new node type needs a template, loudly.
                raise UnknownBlockTypeError(block)
            view = _block_view(block, kind, previous, previous_bullet, blank)
            previous = kind
            previous_bullet = view.bullet if kind == "list" else None
            blocks.append(view)
        views.append(SectionView(section.heading, tuple(blocks), index))
    return views, dateline is None or target is not None
