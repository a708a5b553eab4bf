"""Turning a markup document's parts into an :class:`~newsconvert.tree.Article`.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-readers-assemble`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsconvert.errors import ParseError
from newsconvert.readers import recognise
from newsconvert.readers.parts import Metadata, Part, PartKind
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

if TYPE_CHECKING:
    from newsconvert.parser.timezones import ZoneTable

_KICKER_MAX_WORDS = 8
"""A paragraph before the title longer than this is body text, not a rubric."""

_BULLETS = frozenset({"-", "*"})
"""The bullets our Markdown and reST writers alternate between adjacent lists."""

_TIME_MAX_WORDS = 12
"""A paragraph holding a ``<time>`` is a timestamp line only if it is about this short."""

_ASIDE_ROLES = {kind.value: kind for kind in AsideKind}
_BODY_ROLES = frozenset({None, "dateline", "embed", *_ASIDE_ROLES})
"""Labels of body blocks; any other label on a body paragraph names article metadata."""


@dataclass
class _Header:
    zones: ZoneTable
    kicker: Kicker | None = None
    standfirst: Standfirst | None = None
    published: Timestamp | None = None
    updated: list[Timestamp] = field(default_factory=list)
    dateline: Dateline | None = None
    bylines: list[Byline] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)


def assemble(
    parts: Sequence[Part],
    metadata: Metadata,
    *,
    zones: ZoneTable,
    source: str | None = None,
    labelled: bool = False,
) -> Article:
    """Build the article that ``parts`` and ``metadata`` describe.

    ``labelled`` says the document labels every piece of metadata (``Part.role``), as our own
    output does: then nothing is guessed from the words (no byline or credit recognised in an
    unlabelled paragraph, no dateline split off the first paragraph), so a paragraph that
    merely reads like a credit stays the paragraph it was. A document without a title is an
    article without a headline. ``zones`` resolves the time-zone abbreviations of timestamps
    that carry only their words.
    """
    header = _Header(zones)
    headline, body = _split_headline(parts, metadata, header, source, labelled=labelled)
    body = _take_header(body, metadata, header, labelled=labelled)
    if not labelled:
        body = _take_trailer(body, header, timestamps=True)
    elif not any(part.role == "credit" for part in body):
        # A labelled document that labels no credits (a person's reST with docinfo fields)
        # may still end with sign-offs; the words tell them, as in plain text.
        body = _take_trailer(body, header, timestamps=False)
    _take_metadata(metadata, header)
    # Where the document marks a dateline (a label, or in ours the bold opening the first
    # paragraph), that is the dateline; where it marks none, the first paragraph's words may
    # still open with one, as in plain text.
    marked = header.dateline is not None or any(
        part.role == "dateline"
        or "dateline" in part.details
        or (labelled and "lead_strong" in part.details)
        for part in body
    )
    sections = _sections(body, header, find_dateline=not marked, labelled=labelled)
    return Article(
        headline=headline,
        kicker=header.kicker,
        standfirst=header.standfirst,
        published=header.published,
        updated=tuple(header.updated),
        dateline=header.dateline,
        bylines=tuple(header.bylines),
        credits=tuple(header.credits),
        sections=sections,
        source=source,
    )


def _split_headline(
    parts: Sequence[Part],
    metadata: Metadata,
    header: _Header,
    source: str | None,
    *,
    labelled: bool,
) -> tuple[Headline | None, list[Part]]:
    """Find the headline; what stood before it is the kicker or, failing that, body text.

    ``None`` for a document that says it has none (:attr:`Metadata.untitled`) or has no title.
    """
    if metadata.untitled:
        return None, list(parts)
    for index, part in enumerate(parts):
        if part.role == "headline" or (
            part.kind is PartKind.HEADING and part.level == 1 and part.role is None
        ):
            before = list(parts[:index])
            if (
                len(before) == 1
                and before[0].kind is PartKind.PARAGRAPH
                and before[0].role in (None, "kicker")
                and (labelled or before[0].role == "kicker" or _is_short(before[0].text))
                and metadata.kicker is None
            ):
                header.kicker = Kicker(before[0].text, line=before[0].line)
                before = []
            return Headline(part.text, line=part.line), [*before, *parts[index + 1 :]]
        if part.kind is PartKind.HEADING:
            break
    if metadata.title is not None:
        return Headline(metadata.title, line=metadata.title_line), list(parts)
    if not parts:
        raise ParseError("no title and no text: the document holds no article", source=source)
    return None, list(parts)


def _is_short(text: str, limit: int = _KICKER_MAX_WORDS) -> bool:
    return 0 < len(text.split()) <= limit and "\n" not in text


def _take_header(
    body: list[Part], metadata: Metadata, header: _Header, *, labelled: bool
) -> list[Part]:
    """Take the labelled or recognisable metadata paragraphs that follow the headline."""
    index = 0
    while index < len(body):
        part = body[index]
        if part.kind is not PartKind.PARAGRAPH:
            break
        if part.role is not None:
            if not _take_labelled(part, header):
                break
        elif labelled and not part.has_value:
            break
        elif not _take_recognised(part, header, metadata, standfirst_allowed=not labelled):
            # (In a labelled page, an unlabelled ``<time datetime>`` line is still a timestamp:
            # our writers label every timestamp, so this only reads other sites' pages.)
            break
        index += 1
    return body[index:]


def _take_labelled(part: Part, header: _Header) -> bool:
    """Store a paragraph the writer labelled as metadata; ``False`` if it is a body label."""
    role = part.role
    if role == "kicker" and header.kicker is None:
        header.kicker = Kicker(part.text, line=part.line)
    elif role == "standfirst" and header.standfirst is None:
        header.standfirst = Standfirst(part.text, line=part.line)
    elif role in ("published", "updated"):
        stamp = _timestamp(part, header.zones)
        if role == "published" and header.published is None:
            header.published = stamp
        else:
            header.updated.append(stamp)
    elif role == "byline":
        header.bylines.append(_byline(part))
    elif role == "credit":
        header.credits.append(Credit(part.text, line=part.line))
    elif role == "dateline" and header.dateline is None:
        header.dateline = recognise.dateline_parts(part.text, line=part.line)
    else:
        return False
    return True


def _take_recognised(
    part: Part, header: _Header, metadata: Metadata, *, standfirst_allowed: bool
) -> bool:
    """Store a paragraph that reads as metadata; ``False`` when it reads as body text."""
    if _is_timestamp(part, header.zones):
        # A short line with a machine-readable time (``<time datetime>``) is a timestamp even
        # when its words are in a form the recognisers do not know.
        stamp = _timestamp(part, header.zones)
        if recognise.is_update(stamp, zones=header.zones) or header.published is not None:
            header.updated.append(stamp)
        else:
            header.published = stamp
        return True
    found = recognise.byline(part.text, line=part.line)
    if found is not None:
        header.bylines.append(found)
        return True
    if (
        standfirst_allowed
        and part.emphasised
        and header.standfirst is None
        and metadata.standfirst is None
    ):
        header.standfirst = Standfirst(part.text, line=part.line)
        return True
    return False


def _take_trailer(body: list[Part], header: _Header, *, timestamps: bool) -> list[Part]:
    """Take credits (and, if ``timestamps``, update times) from the end of the document."""
    trailer: list[Part] = []
    while body and body[-1].kind is PartKind.PARAGRAPH and body[-1].role is None:
        part = body[-1]
        is_credit = recognise.credit(part.text, line=part.line) is not None
        if not is_credit and not (timestamps and _is_timestamp(part, header.zones)):
            break
        trailer.insert(0, body.pop())
    for part in trailer:
        if timestamps and _is_timestamp(part, header.zones):
            stamp = _timestamp(part, header.zones)
            if header.published is None and not recognise.is_update(stamp, zones=header.zones):
                header.published = stamp
            else:
                header.updated.append(stamp)
        else:
            header.credits.append(Credit(part.text, line=part.line))
    return body


def _is_timestamp(part: Part, zones: ZoneTable) -> bool:
    """Whether a paragraph reads as a timestamp line, or is a short one holding a ``<time>``."""
    return recognise.timestamp(part.text, line=part.line, zones=zones) is not None or (
        part.has_value and _is_short(part.text, _TIME_MAX_WORDS)
    )


def _take_metadata(metadata: Metadata, header: _Header) -> None:
    """Fill what the body did not say from document metadata (front matter, docinfo, JSON-LD)."""
    lines = metadata.line_of
    if header.kicker is None and metadata.kicker is not None:
        header.kicker = Kicker(metadata.kicker, line=lines.get("kicker", 0))
    if header.standfirst is None and metadata.standfirst is not None:
        header.standfirst = Standfirst(metadata.standfirst, line=lines.get("standfirst", 0))
    if header.published is None and metadata.published is not None:
        header.published = _timestamp_from_metadata(
            metadata.published, metadata.published_value, lines.get("published", 0), header.zones
        )
    if not header.updated and metadata.updated:
        values = [*metadata.updated_values, *([None] * len(metadata.updated))]
        header.updated = [
            _timestamp_from_metadata(text, value, lines.get("updated", 0), header.zones)
            for text, value in zip(metadata.updated, values, strict=False)
        ]
    if not header.bylines:
        # An author the metadata names is a byline known to be one, read as our writers' byline
        # lines are read back (``Jane Doe`` names Jane Doe), so the first read of a person's
        # front matter gives the bylines a trip through any format gives.
        header.bylines = [
            _byline(Part(PartKind.PARAGRAPH, text, line=lines.get("authors", 0)))
            for text in metadata.authors
        ]
    if not header.credits:
        header.credits = [Credit(text, line=lines.get("credits", 0)) for text in metadata.credits]
    if header.dateline is None and metadata.dateline is not None:
        header.dateline = recognise.dateline_parts(metadata.dateline, line=lines.get("dateline", 0))


def _timestamp_from_metadata(text: str, value: object, line: int, zones: ZoneTable) -> Timestamp:
    recognised = recognise.timestamp(text, line=line, zones=zones)
    if recognised is not None and (value is None or recognised.value == value):
        return recognised
    from datetime import datetime

    return Timestamp(text, value if isinstance(value, datetime) else None, line=line)


def _timestamp(part: Part, zones: ZoneTable) -> Timestamp:
    """A labelled timestamp: its text, with the machine-readable value the markup carried."""
    recognised = recognise.timestamp(part.text, line=part.line, zones=zones)
    if recognised is not None and (not part.has_value or recognised.value == part.value):
        return recognised
    return Timestamp(
        part.text,
        part.value,
        line=part.line,
        zone=part.details.get("zone") or (recognised.zone if recognised else None),
        place=part.details.get("place") or (recognised.place if recognised else None),
    )


def _byline(part: Part) -> Byline:
    """A labelled byline, its names read as the parser reads them where the byline stood."""
    return recognise.labelled_byline(part.text, line=part.line) or Byline(part.text, line=part.line)


def _sections(
    body: list[Part], header: _Header, *, find_dateline: bool, labelled: bool
) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: SectionHeading | None = None
    blocks: list[Block] = []
    first_paragraph_seen = False
    bold_dateline_seen = False
    for part in body:
        if part.kind is PartKind.HEADING:
            if heading is not None or blocks:
                sections.append(Section(heading, tuple(blocks)))
            heading, blocks = SectionHeading(part.text, line=part.line), []
            continue
        if (
            part.kind is PartKind.PARAGRAPH
            and part.role not in _BODY_ROLES
            and _take_labelled(part, header)
        ):
            continue
        if (
            labelled
            and not bold_dateline_seen
            and part.kind is PartKind.PARAGRAPH
            and part.role is None
            and "lead_strong" in part.details
        ):
            # Our Markdown and reST open the paragraph the dateline opens (the first, or the
            # one after a caption and a paragraph) with the dateline in bold; their escaping
            # keeps article text from ever starting with bold, so this is unambiguous.
            bold_dateline_seen = True
            part.details["dateline"] = part.details["lead_strong"]
            part.text = part.details.get("after_strong") or ""
        if labelled and part.kind is PartKind.LIST and part.details.get("marker") in _BULLETS:
            # Our writers bullet a list right after another with ``*`` only to keep the two
            # apart: the bullet is theirs, not the source's marker, which they do not carry.
            part.details["marker"] = "-"
        block = _block(part)
        if isinstance(block, Paragraph) and (
            not first_paragraph_seen or "dateline" in part.details
        ):
            first_paragraph_seen = True
            block = _split_dateline(block, part, header, find_dateline=find_dateline)
            if not block.text and "dateline" in part.details:
                continue  # the dateline stood alone: it is the article's, not a paragraph
        blocks.append(block)
    if heading is not None or blocks:
        sections.append(Section(heading, tuple(blocks)))
    return tuple(sections)


def _split_dateline(
    block: Paragraph, part: Part, header: _Header, *, find_dateline: bool
) -> Paragraph:
    """Give the first paragraph's wire dateline to the article, as the plain-text parser does."""
    if header.dateline is not None:
        return block  # already known (a docinfo field); the markup took it out of the text
    marked = part.details.get("dateline")
    if marked is not None:
        header.dateline = recognise.dateline_parts(marked, line=part.line)
        return block
    if find_dateline:
        found = recognise.dateline(block.text, line=part.line)
        if found is not None:
            header.dateline, rest = found
            return Paragraph(rest, line=block.line)
    return block


def _block(part: Part) -> Block:
    if part.kind is PartKind.QUOTE:
        return _blockquote(part)
    if part.kind is PartKind.LIST:
        return BulletList(
            tuple(ListItem(item, line=part.line) for item in part.items),
            marker=part.details.get("marker", "-") or "",
            line=part.line,
        )
    if part.kind is PartKind.LITERAL:
        return Preformatted(part.text, line=part.line)
    if part.role in _ASIDE_ROLES:
        return Aside(part.text, kind=_ASIDE_ROLES[part.role], line=part.line)
    if part.role == "embed":
        return recognise.embed(part.text, line=part.line)
    return Paragraph(part.text, line=part.line)


_DASHED_ATTRIBUTION = re.compile(
    r"\A(?P<quote>.*\S)[ \t]+(?:\u2014|\u2015|\u2013|--)[ \t]+(?P<who>[^\s\u2014\u2015\u2013].*)\Z",
    re.DOTALL,
)
"""A quotation signed off after a spaced dash (em dash, bar, en dash or ``--``): ``Q — Name``."""

_QUOTATION_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
"""Marks that put words in quotation: an attribution never holds one."""


def quote_from_words(text: str, *, line: int = 0) -> Blockquote | None:
    """A quote's quotation and attribution as its words give them, or ``None``.

    The plain-text parser's reading comes first; failing that, a quotation signed off after a
    spaced dash (``We sail at dawn. — Ravi Menon``), the way a person marks an attribution in
    Markdown, reST or HTML and the way our writers then print it inside the text. Every reader
    reads both the person's marked attribution and our printed one through this one function,
    so reading our output of a person's file gives back the tree the file gave.
    """
    found = recognise.quote(text, line=line)
    if found is not None:
        return found
    match = _DASHED_ATTRIBUTION.match(text)
    if match is None:
        return None
    who = match["who"].rstrip()
    # Words in quotation marks after the dash are the quotation going on, not who said it.
    if not who or any(mark in _QUOTATION_MARKS for mark in who):
        return None
    return Blockquote(
        text, quote=match["quote"], attribution=who, position=AttributionPosition.AFTER, line=line
    )


def _blockquote(part: Part) -> Blockquote:
    """A quote; read from its words (which hold a marked attribution after a dash) where they
    give one, else the markup's attribution if it marked one, else the whole text quoted."""
    found = quote_from_words(part.text, line=part.line)
    if found is not None:
        return found
    if part.attribution is not None:
        quote = part.quote if part.quote is not None else part.text
        position = (
            AttributionPosition.BEFORE if part.attribution_first else AttributionPosition.AFTER
        )
        return Blockquote(
            part.text, quote=quote, attribution=part.attribution, position=position, line=part.line
        )
    return Blockquote(part.text, quote=part.quote or part.text, line=part.line)
