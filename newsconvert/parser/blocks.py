"""The body: sections, headings, paragraphs, blockquotes, lists, tables, embeds and asides.

Each body chunk is tried against the rules below, cheapest and most specific first; the first
that fires decides. When none does, the chunk is a paragraph — always a safe answer.

=============================  ==========================================================
rule                           fires on
=============================  ==========================================================
``column-aligned-lines`` …     a table chunk (from :mod:`.layouts`) → ``Preformatted``
``list-marker``                consecutive list-item chunks → one ``BulletList``
``repeats-line-N``             an extraction artefact: an exact repeat of the chunk just
                               before, of a run of chunks just before (``A B A B``), of a
                               caption or of the front matter → ``Aside(DUPLICATE)``;
                               a line recurring elsewhere (a fixture list) stays
``labelled-timestamp`` …       timestamps, credits; bylines (``-- Jane Doe`` too) and bare
                               dates only among the closing chunks
``chrome-words-only``          share bars, menus, follow prompts, tag lists → ``Aside(CHROME)``
``crosslink-label``            ``Also Read: …``, ``READ MORE: …`` → ``Aside(CROSSLINK)``
``photo-caption``              ``1 of 4. …``, ``(AP Photo/…)``, ``Photo: …`` → ``Aside(CAPTION)``
``post-signature``             ``— Name (@handle) date`` → ``Embed`` (with the post before it)
``wire-dateline``              a dateline opening one of the first paragraphs
``all-caps-subhead``           a short line in capitals before body text → section heading
``short-line-between-paragraphs``  a short unpunctuated line between paragraphs → heading
                               (the next must be running text that starts a sentence)
``quotation-with-attribution`` a paragraph that is mostly a quotation → ``Blockquote``
=============================  ==========================================================

After the last chunk, a sign-off ending the last paragraph (``… said. (PTI)``) is split off as a
credit (``paragraph-with-trailing-credit``), and what is left is tried as a blockquote again
(``quotation-with-trailing-credit``): the credit, not the quotation, is what kept it a paragraph.
"""

from __future__ import annotations

import re

from newsconvert.parser.asides import (
    CROSSLINK_FIRST,
    MAX_CHROME_LENGTH,
    Signature,
    find_signature,
    is_caption,
    is_chrome,
    is_crosslink,
    make_embed,
)
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.credits import may_be_credit, split_trailing_credit
from newsconvert.parser.datelines import match_dateline
from newsconvert.parser.layouts import Chunk
from newsconvert.parser.metadata import take_byline, take_credit, take_timestamp
from newsconvert.parser.quotes import match_blockquote
from newsconvert.parser.timestamps import may_be_timestamp
from newsconvert.parser.timezones import ZoneTable
from newsconvert.tree import (
    Aside,
    AsideKind,
    Blockquote,
    BulletList,
    Dateline,
    ListItem,
    Paragraph,
    Preformatted,
    SectionHeading,
)

MAX_HEADING_LENGTH = 90
MAX_HEADING_WORDS = 12
SENTENCE_LIKE_WORDS = 9
"""A heading-length line of this many words, mostly lowercase, reads as a sentence."""
MIN_DUPLICATE_LENGTH = 12
"""Shorter repeats (``Reuter``, ``* * *``) are ordinary, not duplicated captions."""
MAX_REPEATED_RUN = 10
"""Longest run of chunks whose back-to-back repeat is hidden as a duplicate (``A B C A B C``)."""
DATELINE_REACH = 90
"""Characters from the start of a paragraph within which a dateline's separator must appear."""
DATELINE_PARAGRAPHS = 3
"""A dateline is looked for in this many opening paragraphs (captions may come first)."""
TAIL_CHUNKS = 3
"""Bylines and bare dates are metadata only among the last chunks of the text."""
MAX_TAIL_CHUNKS = 10
"""The closing metadata is looked for in at most this many chunks from the end."""
MAX_SHORT_LENGTH = 200

# Words a title does not end on but a sentence broken across lines does.
_FRAGMENT_END_WORDS = (
    "a an the and or but nor as of to in on at by for from with that which who whose than if "
    "because while when where is are was were be been has have had will would can could"
)
_FRAGMENT_ENDS = frozenset(_FRAGMENT_END_WORDS.split())
_ENTRY_TIME = re.compile(r"\d{1,2}[.:]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,5})?")
_HEADING_RULES = {
    "caps": "all-caps-subhead",
    "time": "live-blog-entry-time",
    "short": "short-line-between-paragraphs",
}
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)")
_HEADING_END_REFUSED = frozenset(".,;:!?\"'\u201c\u201d\u2018\u2019)-\u2013\u2014")


def _has_quote_mark(text: str) -> bool:
    # Only double quotation marks open a blockquote (see :mod:`.quotes`); substring tests are
    # memchr-fast where a character-class regex scans several times slower.
    return '"' in text or "\u201c" in text


_BODY_PARAGRAPH = "paragraph"
_BODY_HEADING = "heading"
_BODY_OTHER = "other"


def _heading_shape(text: str) -> str | None:
    """``caps`` for an ALL-CAPS sub-head, ``time`` for a live blog's entry time, ``short`` for
    a short unpunctuated line, else ``None``."""
    if len(text) > MAX_HEADING_LENGTH or text.count(" ") >= MAX_HEADING_WORDS:
        return None
    first = text[0]
    if not (first.isupper() or first.isdigit()):
        return None
    if first.isdigit() and len(text) <= 16 and _ENTRY_TIME.fullmatch(text) is not None:
        return "time"  # a live blog's entry time: ``17.00``, ``9:45 am``
    if "/" in text and ("://" in text or ".com/" in text or "www." in text):
        return None  # a line with a link is a post or a reference, not a heading
    if len(text) >= 3 and text.isupper() and text[-1] not in '.,;"\u201d':
        return "caps"
    if text[-1] in _HEADING_END_REFUSED:
        return None
    if text.rsplit(" ", 1)[-1] in _FRAGMENT_ENDS:
        return None  # ``… went to form in Sheffield as``: a sentence broken off, not a title
    words = text.split()
    if len(words) >= SENTENCE_LIKE_WORDS:
        lowercase = sum(1 for word in words if word[0].islower())
        if lowercase * 5 >= len(words) * 3:
            return None  # ``Kat will discover her uncle was …``: a sentence without its stop
    return "short" if any(c.isalpha() for c in text) else None


RUNNING_TEXT_WORDS = 6
"""A paragraph of this many words reads as running text even without a final full stop."""


def _is_body_paragraph(chunk: Chunk) -> bool:
    """Whether ``chunk`` is ordinary running text (what a heading must be followed by): not
    heading-shaped, and a sentence or several words long, so that a column of short labels
    (``16th PREM`` above ``WINNERS (six times)``) is not read as heading and body."""
    if chunk.kind != "text":
        return chunk.kind == "item"
    text = chunk.text
    if _heading_shape(text) is not None:
        return False
    return (
        text.count(" ") >= RUNNING_TEXT_WORDS - 1
        or text.rstrip("\"')]\u201d\u2019")[-1:] in ".!?:\u2026"
    )


def read_body(chunks: list[Chunk], start: int, builder: ArticleBuilder, zones: ZoneTable) -> None:
    """Place every chunk from ``start`` on into the body (or the metadata it turns out to be)."""
    _BodyReader(chunks, builder, zones).read(start)
    _split_final_credit(builder)


class _BodyReader:
    """The state of one pass over the body: what came before decides some rules."""

    __slots__ = (
        "builder",
        "certain",
        "chunks",
        "duplicates_until",
        "heading_left",
        "paragraphs",
        "previous",
        "refused_until",
        "seen",
        "tail_from",
        "zones",
    )

    def __init__(self, chunks: list[Chunk], builder: ArticleBuilder, zones: ZoneTable) -> None:
        self.chunks = chunks
        self.builder = builder
        self.zones = zones
        self.tail_from = _tail_start(chunks)
        self.seen: dict[str, int] = {}
        """Text of every chunk placed so far → its index in ``chunks`` (for exact repeats)."""
        self.certain: dict[str, int] = {}
        """Text whose repeat is certainly an artefact (the front matter, captions) → its line."""
        for placed in (builder.headline, builder.standfirst, builder.kicker, *builder.blocks):
            if placed is not None:
                self.certain.setdefault(placed.text, placed.line)
        self.duplicates_until = 0
        """End of a run of chunks already judged to repeat the run just before them."""
        self.paragraphs = 0
        """Paragraphs placed so far (a dateline is looked for in the first few only)."""
        self.previous = _BODY_OTHER
        """What the previous body block was: a paragraph, a heading or something else."""
        self.heading_left = 0
        """Lines still to place as headings from a run already judged to be headings."""
        self.refused_until = 0
        """End of a run of short lines already judged not to be headings."""

    def read(self, index: int) -> None:
        chunks = self.chunks
        builder = self.builder
        count = len(chunks)
        while index < count:
            chunk = chunks[index]
            if chunk.kind == "table":
                builder.add_block(Preformatted(chunk.text, chunk.first))
                builder.mark(chunk.first, chunk.last, "preformatted", chunk.rule)
                self.previous = _BODY_OTHER
                index += 1
            elif chunk.kind == "item":
                index = _read_list(chunks, index, builder)
                self.previous = _BODY_PARAGRAPH
            else:
                index = self.read_text(index)

    def read_text(self, index: int) -> int:
        """Place the text chunk at ``index``; return the index of the next unplaced chunk."""
        chunk = self.chunks[index]
        builder = self.builder
        text = chunk.text
        first = chunk.first
        length = len(text)
        if length <= MAX_CHROME_LENGTH and is_chrome(text):
            # Before the duplicate test: a share bar printed above and below the story is
            # chrome both times.
            self.set_aside(chunk, AsideKind.CHROME, "chrome", "chrome-words-only")
            return index + 1
        if length >= MIN_DUPLICATE_LENGTH:
            earlier = self.repeated_line(index, text)
            if earlier is not None:
                self.set_aside(chunk, AsideKind.DUPLICATE, "duplicate", f"repeats-line-{earlier}")
                return index + 1
        if length <= MAX_SHORT_LENGTH:
            at_tail = index >= self.tail_from
            # The recognisers' quick conditions first: most short paragraphs fail both.
            if (
                chunk.first == chunk.last
                and may_be_timestamp(text)
                and take_timestamp(chunk, builder, self.zones, unlabelled=at_tail)
            ):
                return index + 1
            if may_be_credit(text) and take_credit(chunk, builder):
                return index + 1
            if at_tail:
                used = take_byline(self.chunks, index, builder, closing=True)
                if used:
                    return index + used
        if text[0] in CROSSLINK_FIRST and is_crosslink(text):
            self.set_aside(chunk, AsideKind.CROSSLINK, "crosslink", "crosslink-label")
            self.previous = _BODY_OTHER
            return index + 1
        if is_caption(text):
            self.set_aside(chunk, AsideKind.CAPTION, "caption", "photo-caption")
            return index + 1
        if "@" in text:  # a one-character test is memchr-fast; ``"(@" in`` is not
            signature = find_signature(text)
            if signature is not None:
                _place_embed(chunk, signature, builder)
                self.previous = _BODY_PARAGRAPH
                return index + 1
        if self.paragraphs < DATELINE_PARAGRAPHS and builder.dateline is None:
            opened = _match_dateline(text, first)
            if opened is not None:
                builder.dateline, text = opened
                self.paragraphs += 1
                if not text:
                    builder.mark(first, chunk.last, "dateline", "wire-dateline")
                    return index + 1
                builder.add_block(Paragraph(text, first))
                builder.mark(first, chunk.last, "paragraph", "opens-with-wire-dateline")
                self.previous = _BODY_PARAGRAPH
                return index + 1
        if length <= MAX_HEADING_LENGTH:
            shape = _heading_shape(text)
            if shape is not None:
                rule = self.heading_rule(index, shape)
                if rule is not None:
                    builder.start_section(SectionHeading(text, first))
                    builder.mark(first, chunk.last, "heading", rule)
                    self.previous = _BODY_HEADING
                    return index + 1
        self.paragraphs += 1
        self.previous = _BODY_PARAGRAPH
        if '"' in text or "\u201c" in text:  # only double quotation marks open a blockquote
            quote = match_blockquote(text, line=first)
            if quote is not None:
                builder.blocks.append(quote)
                builder.spans.append(
                    (first, chunk.last, "blockquote", "quotation-with-attribution")
                )
                return index + 1
        builder.blocks.append(Paragraph(text, first))
        rule = chunk.rule
        builder.spans.append(
            (first, chunk.last, "paragraph", rule if rule != "one-line" else "running-text")
        )
        if text[-1] == ":":
            return _read_unmarked_list(self.chunks, index + 1, builder)
        return index + 1

    def repeated_line(self, index: int, text: str) -> int | None:
        """The line of the earlier chunk that the chunk at ``index`` repeats as an extraction
        artefact, or ``None``: certainly an artefact when it repeats the front matter or a
        caption, or the chunk just before it, or when a run of chunks is printed twice back to
        back; a line that merely recurs (a fixture list's ``Winners meet in final match``) is
        text."""
        chunks = self.chunks
        earlier = self.seen.get(text)
        self.seen[text] = index
        line = self.certain.get(text)
        if line is not None:
            return line
        if earlier is None:
            return None
        if index < self.duplicates_until:
            return chunks[earlier].first
        span = index - earlier
        if (
            span <= MAX_REPEATED_RUN
            and index + span <= len(chunks)
            and all(
                chunks[earlier + offset].text == chunks[index + offset].text
                for offset in range(1, span)
            )
        ):
            self.duplicates_until = index + span
            return chunks[earlier].first
        return None

    def set_aside(self, chunk: Chunk, kind: AsideKind, role: str, rule: str) -> None:
        self.builder.add_block(Aside(chunk.text, kind, chunk.first))
        self.builder.mark(chunk.first, chunk.last, role, rule)
        if kind is AsideKind.CAPTION:
            self.certain.setdefault(chunk.text, chunk.first)

    def heading_rule(self, index: int, shape: str) -> str | None:
        """The rule by which the heading-shaped chunk at ``index`` is a heading, or ``None``.

        The whole run of short lines is judged at once: one or two (a heading and a
        sub-heading) before running text are headings; three or more are a list without
        markers or a table of sorts, and stay paragraphs.
        """
        if self.heading_left > 0:
            self.heading_left -= 1
            return "heading-after-heading"
        if index < self.refused_until:
            return None
        chunks = self.chunks
        count = len(chunks)
        run_end = index + 1
        while (
            run_end < count
            and chunks[run_end].kind == "text"
            and _heading_shape(chunks[run_end].text) is not None
        ):
            run_end += 1
        length = run_end - index
        if (
            length <= 2
            and run_end < count
            and _is_body_paragraph(chunks[run_end])
            and not _continues_into(chunks[run_end])
            and (shape != "short" or self.previous == _BODY_PARAGRAPH)
            and not _ends_lead_in(self.builder)
        ):
            self.heading_left = length - 1
            return _HEADING_RULES[shape]
        self.refused_until = run_end
        return None


def _tail_start(chunks: list[Chunk]) -> int:
    """Where the closing metadata of the text may start: the last :data:`TAIL_CHUNKS` chunks,
    reaching back over short lines that end no sentence after the story's last sentence (a
    scraped page prints share buttons and teasers after the byline that closes its story), at
    most :data:`MAX_TAIL_CHUNKS` from the end."""
    count = len(chunks)
    start = count
    floor = max(0, count - MAX_TAIL_CHUNKS)
    while start > floor:
        before = chunks[start - 1]
        text = before.text
        if before.kind != "text" or len(text) > MAX_SHORT_LENGTH or text[-1] in _SENTENCE_END:
            break
        start -= 1
    return min(start, count - TAIL_CHUNKS)


def _match_dateline(text: str, line: int) -> tuple[Dateline, str] | None:
    """A dateline opening ``text`` (``rest`` may be empty: ``CHICAGO, Feb 26 -`` alone on
    its line, the figures of a wire table below it)."""
    opening = text[:DATELINE_REACH]
    if not (
        " -" in opening
        or ":" in opening
        or "(" in opening
        or "\u2014" in opening
        or "\u2013" in opening
        or "--" in opening
        or (". " in opening and not text[0].isascii())  # ``नई दिल्ली. …``
    ):
        # Every dateline ends in a dash or a colon or names an agency in brackets within its
        # first few dozen characters; most paragraphs are ruled out here, cheaply.
        return None
    return match_dateline(text, line=line)


def _continues_into(chunk: Chunk) -> bool:
    """Whether ``chunk`` carries on the sentence before it: it starts in lowercase
    (``Furry recyclers`` / ``have already had one big-screen outing …``: a sentence whose
    bold start was set apart, not a heading)."""
    return chunk.text[:1].islower()


def _ends_lead_in(builder: ArticleBuilder) -> bool:
    """Whether the last block ends in ``:``, announcing what follows (so not a heading)."""
    blocks = builder.blocks
    return bool(blocks) and isinstance(blocks[-1], Paragraph) and blocks[-1].text[-1] == ":"


MAX_UNMARKED_ITEM_LENGTH = 120
MAX_UNMARKED_ITEM_WORDS = 16


def _is_unmarked_item(chunk: Chunk) -> bool:
    text = chunk.text
    return (
        chunk.kind == "text"
        and len(text) <= MAX_UNMARKED_ITEM_LENGTH
        and text.count(" ") < MAX_UNMARKED_ITEM_WORDS
        and text[-1] not in ":?!"
        # Two sentences (``Got it? Good.``) are prose after the list, not an item of it.
        and ". " not in text
        and "? " not in text
        and "! " not in text
    )


def _read_unmarked_list(chunks: list[Chunk], index: int, builder: ArticleBuilder) -> int:
    """Short lines after a lead-in ending in ``:`` are the items of a list without markers.

    ``… segments of visitors based on:`` then ``user type``, ``visit count`` …: read as
    paragraphs they would be a column of one-word paragraphs. Two items at least.
    """
    end = index
    while end < len(chunks) and _is_unmarked_item(chunks[end]):
        end += 1
    if end - index < 2:
        return index
    items = []
    for chunk in chunks[index:end]:
        items.append(ListItem(chunk.text, chunk.first))
        builder.mark(chunk.first, chunk.last, "list-item", "short-lines-after-colon")
    builder.add_block(BulletList(tuple(items), "", chunks[index].first))
    return end


def _read_list(chunks: list[Chunk], index: int, builder: ArticleBuilder) -> int:
    """Gather the run of list items starting at ``chunks[index]`` into one list."""
    items: list[ListItem] = []
    first = chunks[index]
    while index < len(chunks) and chunks[index].kind == "item":
        item = chunks[index]
        items.append(ListItem(item.text, item.first))
        builder.mark(item.first, item.last, "list-item", "list-marker")
        index += 1
    builder.add_block(BulletList(tuple(items), first.marker, first.first))
    return index


def _place_embed(chunk: Chunk, signature: Signature, builder: ArticleBuilder) -> None:
    """An embedded post: the signature line, with the post text before it when split."""
    text = chunk.text
    line = chunk.first
    blocks = builder.blocks
    if signature.start == 0 and blocks and isinstance(blocks[-1], Paragraph | Blockquote):
        # ``— Name (@handle) date`` on its own line closes the post printed just before it.
        post = blocks.pop()
        text = f"{post.text}\n{text}"
        line = post.line
        _retag(builder, post.line, "embed", "post-before-signature")
    builder.add_block(make_embed(text, signature, line))
    builder.mark(chunk.first, chunk.last, "embed", "post-signature")


def _retag(builder: ArticleBuilder, first: int, role: str, rule: str) -> None:
    """Change the recorded role of the span starting at ``first`` (a later rule reread it)."""
    spans = builder.spans
    for position in range(len(spans) - 1, -1, -1):
        if spans[position][0] == first:
            spans[position] = (first, spans[position][1], role, rule)
            return


def _split_final_credit(builder: ArticleBuilder) -> None:
    """Split a sign-off run into the last paragraph (``… said. (PTI)``, ``… REUTER``)."""
    blocks = builder.blocks
    for position in range(len(blocks) - 1, -1, -1):
        block = blocks[position]
        if isinstance(block, Aside):
            continue
        if not isinstance(block, Paragraph):
            return
        split = split_trailing_credit(block.text, line=block.line)
        if split is None:
            return
        rest, credit = split
        builder.credits.append(credit)
        if rest:
            # With the sign-off gone, the rest may be a quotation with its attribution, which
            # the blockquote rule refused while ``(PTI)`` followed the attribution.
            quote = match_blockquote(rest, line=block.line) if _has_quote_mark(rest) else None
            if quote is not None:
                blocks[position] = quote
                _retag(builder, block.line, "blockquote", "quotation-with-trailing-credit")
            else:
                blocks[position] = Paragraph(rest, block.line)
                _retag(builder, block.line, "paragraph", "paragraph-with-trailing-credit")
        else:
            del blocks[position]
            _retag(builder, block.line, "credit", "credit-line")
        return
