"""What a template sees: the article plus a few values computed once in Python.

The context is a public interface: users' templates (``--template-dir``) rely on it. Every
template of every format receives the names in :data:`CONTEXT`; block templates
(``<format>/blocks/<type>.<ext>.j2``) are included by the article template's block loop and
also see ``view`` (a :class:`BlockView`) and ``block`` (``view.block``).

Computing these here, not in the templates, keeps the templates short. The part that depends
only on the article (:func:`article_context`) is computed once per article, whatever the number
of formats rendered from it.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar

from newsconvert import facts
from newsconvert.renderers import UnknownBlockTypeError
from newsconvert.tree import (
    Article,
    Aside,
    AttributionPosition,
    Block,
    Blockquote,
    BulletList,
    Dateline,
    Embed,
    Kicker,
    Paragraph,
    Preformatted,
    SectionHeading,
    Standfirst,
    Timestamp,
)

CONTEXT: dict[str, str] = {
    "article": "the newsconvert.tree.Article being rendered (every field, unfiltered)",
    "headline": "article.headline (a Headline; .text), or None when the article has none",
    "title_label": "the headline's text, or a visible fallback label (Untitled: …) if none",
    "kicker": "article.kicker, or None when absent or blank",
    "standfirst": "article.standfirst, or None when absent or blank",
    "published": "article.published (a Timestamp: .text, .value, .iso), or None if absent or blank",
    "updated": "article.updated without blank ones (a tuple of Timestamp)",
    "bylines": "article.bylines without blank ones (a tuple of Byline; .text, .names)",
    "credits": "article.credits without blank ones (a tuple of Credit)",
    "sections": "tuple of SectionView: the sections to render; a hidden aside (chrome, repeat) "
    "is a view of type 'hidden', to keep out of sight (HTML hidden element, md/reST comment)",
    "dateline": "the article's Dateline if it has a non-empty one, else None",
    "orphan_dateline": "the Dateline when no paragraph carries it (render it alone), else None",
    "standalone": "True for a whole document, False for a fragment",
    "keep_chrome": "True when chrome and duplicate asides are shown like other asides",
    "lang": "the document language (BCP 47 tag, e.g. 'en')",
    "format": "the output format: 'md', 'html' or 'rst'",
    "authors": "tuple of author names from the bylines (a byline naming nobody gives its text)",
    "description": "the standfirst text, or None",
    "date_published": "ISO 8601 publication time, or None",
    "date_modified": "ISO 8601 time of the last resolvable update, or None",
    "front_matter": "standalone Markdown: the front matter dict (render with |yaml), else None",
    "json_ld": "standalone HTML: the schema.org NewsArticle dict (|script_json), else None",
    "site": "Markdown for a site generator's post: its name ('hugo', 'jekyll', 'pelican', "
    "'mkdocs', 'zola'), whose front matter carries the header; else None",
    "home": "a page of a built site: the URL of the site's index relative to it, else None",
}
"""Every name the templates receive, with what it holds."""

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
    previous: str | None,
    dateline: Dateline | None,
    previous_bullet: str | None,
) -> BlockView:
    kind = BLOCK_TYPES.get(type(block))
    if kind is None:
        # Never skip what we cannot render: a new node type needs a template, loudly.
        raise UnknownBlockTypeError(block)
    blank = not block.text or block.text.isspace()
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
    return BlockView(kind, block, previous, dateline, blank=blank)


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
            if not facts.shown(block, keep_chrome=keep_chrome):
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

    An aside that is not shown (see :func:`newsconvert.facts.shown`) is a view of type
    :data:`HIDDEN`, or is left out with ``drop_chrome``. It does not count as the block before
    the next one (``previous``): the visible blocks render as they would without it."""
    dateline = article.dateline if article.dateline and article.dateline.text.strip() else None
    target = dateline_paragraph(article, keep_chrome=keep_chrome)
    pending = dateline if target is not None else None
    views = []
    for index, section in enumerate(article.sections):
        blocks: list[BlockView] = []
        previous: str | None = None
        previous_bullet: str | None = None
        for block in section.blocks:
            if not facts.shown(block, keep_chrome=keep_chrome):
                if not drop_chrome:
                    blank = not block.text or block.text.isspace()
                    blocks.append(BlockView(HIDDEN, block, previous, blank=blank))
                continue
            if pending is not None and block is target:
                view = _block_view(block, previous, pending, previous_bullet)
                pending = None
            else:
                view = _block_view(block, previous, None, previous_bullet)
            previous = view.type
            previous_bullet = view.bullet if previous == "list" else None
            blocks.append(view)
        views.append(SectionView(section.heading, tuple(blocks), index))
    return views, dateline is None or target is not None


_Node = TypeVar("_Node", Kicker, Standfirst, Timestamp)


def _present(node: _Node | None) -> _Node | None:
    """``node`` unless it is absent or its text is blank (nothing to render)."""
    return node if node is not None and node.text.strip() else None


def _iso(stamp: Timestamp | None) -> str | None:
    return stamp.iso if stamp is not None else None


def article_context(
    article: Article, *, keep_chrome: bool, drop_chrome: bool = False
) -> dict[str, Any]:
    """The part of the context (see :data:`CONTEXT`) that depends only on ``article``,
    ``keep_chrome`` and ``drop_chrome``: computed once per article and shared by every format
    rendered from it (:func:`build_context` copies it)."""
    sections, dateline_placed = section_views(
        article, keep_chrome=keep_chrome, drop_chrome=drop_chrome
    )
    dateline = article.dateline if article.dateline and article.dateline.text.strip() else None
    return {
        "article": article,
        "headline": article.headline,
        "title_label": article.title_label,
        "kicker": _present(article.kicker),
        "standfirst": _present(article.standfirst),
        "published": _present(article.published),
        "updated": tuple(stamp for stamp in article.updated if stamp.text.strip()),
        "bylines": tuple(byline for byline in article.bylines if byline.text.strip()),
        "credits": tuple(credit for credit in article.credits if credit.text.strip()),
        "sections": tuple(sections),
        "dateline": dateline,
        "orphan_dateline": None if dateline_placed else dateline,
        "keep_chrome": keep_chrome,
        "authors": facts.authors(article),
        "description": facts.description(article),
        "date_published": _iso(facts.published(article)),
        "date_modified": _iso(facts.modified(article)),
    }


def build_context(
    article: Article,
    fmt: str,
    *,
    standalone: bool,
    keep_chrome: bool,
    lang: str,
    shared: dict[str, Any] | None = None,
    drop_chrome: bool = False,
) -> dict[str, Any]:
    """The template context for ``article`` (see :data:`CONTEXT`), a new dictionary each call.
    ``shared`` is the :func:`article_context` of the same article and ``keep_chrome``, when the
    caller renders it to several formats; it is computed here otherwise."""
    if shared is None:
        shared = article_context(article, keep_chrome=keep_chrome, drop_chrome=drop_chrome)
    context = dict(shared)
    context["standalone"] = standalone
    context["lang"] = lang
    context["format"] = fmt
    return context
