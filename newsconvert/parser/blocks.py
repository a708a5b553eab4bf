"""The body: sections, headings, paragraphs, blockquotes, lists, tables, embeds and asides. Each
body chunk is tried against :data:`BODY_RULES` in order, the first that fires decides, and a chunk
no other rule claims is a paragraph; :data:`FINAL_RULES` then split a sign-off off the last
paragraph. The rules are described in ``docs/format.rst`` (a table generated from these lists).
"""

from __future__ import annotations

from newsconvert.parser.asides import (
    CROSSLINK_FIRST,
    Signature,
    find_signature,
    is_activity_line,
    is_caption,
    is_chrome,
    is_crosslink,
    is_widget_header,
    make_embed,
    may_be_activity_line,
    may_be_widget_header,
)
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.credits import (
    CREDIT_LABEL_FIRST,
    PICTURE_CREDIT_FIRST,
    is_credit_label,
    match_credit_names,
    match_picture_credit,
    may_be_credit,
    split_trailing_credit,
)
from newsconvert.parser.datelines import match_dateline
from newsconvert.parser.heuristics import Heuristics
from newsconvert.parser.layouts import Chunk
from newsconvert.parser.metadata import (
    may_be_time_line,
    take_byline,
    take_credit,
    take_timestamp,
)
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.quotes import match_blockquote
from newsconvert.parser.rules import (
    Bands,
    Role,
    Rule,
    RuleName,
    Zone,
    bind,
    fire_first,
    per_heuristics,
)
from newsconvert.parser.timezones import ZoneTable
from newsconvert.tree import (
    Aside,
    AsideKind,
    Blockquote,
    BulletList,
    Credit,
    Dateline,
    ListItem,
    Paragraph,
    Preformatted,
    SectionHeading,
)

# Words a title does not end on but a sentence broken across lines does.
_FRAGMENT_END_WORDS = (
    "a an the and or but nor as of to in on at by for from with that which who whose than if "
    "because while when where is are was were be been has have had will would can could"
)
_FRAGMENT_ENDS = frozenset(_FRAGMENT_END_WORDS.split())
_ENTRY_TIME = LazyPattern(r"\d{1,2}[.:]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,5})?")
_HEADING_RULES = {
    "caps": RuleName.ALL_CAPS_SUBHEAD,
    "time": RuleName.LIVE_BLOG_ENTRY_TIME,
    "short": RuleName.SHORT_LINE_BETWEEN_PARAGRAPHS,
}
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)")
_HEADING_END_REFUSED = frozenset(".,;:!?\"'\u201c\u201d\u2018\u2019)-\u2013\u2014")


def _has_quote_mark(text: str) -> bool:
    # Only double quotation marks open a blockquote (see :mod:`.quotes`).
    return '"' in text or "\u201c" in text


_BODY_PARAGRAPH = "paragraph"
_BODY_HEADING = "heading"
_BODY_OTHER = "other"


def _heading_shape(text: str, h: Heuristics) -> str | None:
    """``caps`` for an ALL-CAPS sub-head, ``time`` for a live blog's entry time, ``short`` for
    a short unpunctuated line, else ``None``."""
    if len(text) > h.max_heading_length or text.count(" ") >= h.max_heading_words:
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
    if len(words) >= h.sentence_like_words:
        lowercase = sum(1 for word in words if word[0].islower())
        if lowercase * 5 >= len(words) * 3:
            return None  # ``Kat will discover her uncle was …``: a sentence without its stop
    # Most such lines open with a capital letter: no need to look for one further on.
    return "short" if first.isalpha() or any(c.isalpha() for c in text) else None


def _is_body_paragraph(chunk: Chunk, h: Heuristics) -> bool:
    """Whether ``chunk`` is ordinary running text (what a heading must be followed by): not
    heading-shaped, and a sentence or several words long, so that a column of short labels
    (``16th PREM`` above ``WINNERS (six times)``) is not read as heading and body."""
    if chunk.kind != "text":
        return chunk.kind == "item"
    text = chunk.text
    if _heading_shape(text, h) is not None:
        return False
    return (
        text.count(" ") >= h.running_text_words - 1
        or text.rstrip("\"')]\u201d\u2019")[-1:] in ".!?:\u2026"
    )


def read_body(
    chunks: list[Chunk], start: int, builder: ArticleBuilder, zones: ZoneTable, h: Heuristics
) -> None:
    """Place every chunk from ``start`` on into the body (or the metadata it turns out to be)."""
    reader = _BodyReader(chunks, builder, zones, h)
    reader.read(start)
    for rule in FINAL_RULES:
        rule.apply(reader, None)


class _BodyReader:
    """The state of one pass over the body: what came before decides some rules."""

    __slots__ = (
        "builder",
        "certain",
        "chunks",
        "duplicates_until",
        "h",
        "heading_left",
        "index",
        "paragraphs",
        "previous",
        "refused_until",
        "seen",
        "tail_from",
        "zones",
    )

    def __init__(
        self, chunks: list[Chunk], builder: ArticleBuilder, zones: ZoneTable, h: Heuristics
    ) -> None:
        self.chunks = chunks
        self.builder = builder
        self.zones = zones
        self.h = h
        self.index = 0
        """The chunk being placed: a rule that fires moves it past the chunks it used."""
        self.tail_from = _tail_start(chunks, h)
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
        """Place the chunks from ``index`` on: each by the first rule of its kind that passes
        its quick test and fires (the last text rule, a paragraph, always does)."""
        chunks = self.chunks
        opening, closing = _bound_rules(self.h)
        tail_from = self.tail_from
        count = len(chunks)
        self.index = index
        while self.index < count:
            chunk = chunks[self.index]
            bands = (opening if self.index < tail_from else closing)[chunk.kind]
            fire_first(bands, self, chunk, chunk.text)

    def set_aside(self, chunk: Chunk, kind: AsideKind, role: Role, rule: str) -> bool:
        """Place ``chunk`` as an aside of ``kind`` and move past it."""
        self.builder.add_block(Aside(chunk.text, kind, chunk.first))
        self.builder.mark(chunk.first, chunk.last, role, rule)
        if kind is AsideKind.CAPTION:
            self.certain.setdefault(chunk.text, chunk.first)
        self.index += 1
        return True

    def heading_rule(self, index: int, shape: str) -> RuleName | None:
        """The rule by which the heading-shaped chunk at ``index`` is a heading, or ``None``.

        The whole run of short lines is judged at once: one or two (a heading and a
        sub-heading) before running text are headings; three or more are a list without
        markers or a table of sorts, and stay paragraphs.
        """
        if self.heading_left > 0:
            self.heading_left -= 1
            return RuleName.HEADING_AFTER_HEADING
        if index < self.refused_until:
            return None
        chunks = self.chunks
        h = self.h
        count = len(chunks)
        run_end = index + 1
        while (
            run_end < count
            and chunks[run_end].kind == "text"
            and _heading_shape(chunks[run_end].text, h) is not None
        ):
            run_end += 1
        length = run_end - index
        if (
            length <= 2
            and run_end < count
            and _is_body_paragraph(chunks[run_end], h)
            and not _continues_into(chunks[run_end])
            and (shape != "short" or self.previous == _BODY_PARAGRAPH)
            and not _ends_lead_in(self.builder)
        ):
            self.heading_left = length - 1
            return _HEADING_RULES[shape]
        self.refused_until = run_end
        return None


# The rules, in the order they are tried on a body chunk. Each ``_place_…`` function places the
# chunk at ``reader.index`` and moves ``reader.index`` past what it used when its rule fires.


def _place_table(reader: _BodyReader, chunk: Chunk) -> bool:
    reader.builder.add_block(Preformatted(chunk.text, chunk.first))
    reader.builder.mark(chunk.first, chunk.last, Role.PREFORMATTED, chunk.rule)
    reader.previous = _BODY_OTHER
    reader.index += 1
    return True


def _place_list(reader: _BodyReader, chunk: Chunk) -> bool:
    reader.index = _read_list(reader.chunks, reader.index, reader.builder)
    reader.previous = _BODY_PARAGRAPH
    return True


def _place_chrome(reader: _BodyReader, chunk: Chunk) -> bool:
    # Before the duplicate test: a share bar printed above and below the story is chrome both
    # times.
    return is_chrome(chunk.text, reader.h) and reader.set_aside(
        chunk, AsideKind.CHROME, Role.CHROME, RuleName.CHROME_WORDS_ONLY
    )


def _place_widget_header(reader: _BodyReader, chunk: Chunk) -> bool:
    return is_widget_header(chunk.text, reader.h) and reader.set_aside(
        chunk, AsideKind.CHROME, Role.CHROME, RuleName.RECOMMENDATION_WIDGET_HEADER
    )


def _place_activity_line(reader: _BodyReader, chunk: Chunk) -> bool:
    return is_activity_line(chunk.text, reader.h) and reader.set_aside(
        chunk, AsideKind.CHROME, Role.CHROME, RuleName.SITE_ACTIVITY_LINE
    )


def _place_labelled_credit(reader: _BodyReader, chunk: Chunk) -> bool:
    """``Graphics`` alone on its line, the names it credits on the next, after the story's
    last sentence: two credits, the label and the names, as the page prints them."""
    chunks = reader.chunks
    index = reader.index
    if index + 1 >= len(chunks) or chunk.first != chunk.last:
        return False
    names = chunks[index + 1]
    if names.kind != "text" or names.first != names.last:
        return False
    credit = match_credit_names(names.text, line=names.first, h=reader.h)
    if credit is None or not _story_has_ended(chunks, index + 2, reader.h):
        return False
    builder = reader.builder
    builder.credits.append(Credit(chunk.text, chunk.first))
    builder.credits.append(credit)
    builder.mark(chunk.first, chunk.last, Role.CREDIT, RuleName.CREDIT_LABEL_AND_NAMES)
    builder.mark(names.first, names.last, Role.CREDIT, RuleName.CREDIT_LABEL_AND_NAMES)
    reader.index += 2
    return True


def _place_duplicate(reader: _BodyReader, chunk: Chunk) -> bool:
    """Set the chunk aside when it repeats an earlier one as an extraction artefact: certainly
    when it repeats the front matter or a caption, or the chunk just before it, or when a run of
    chunks is printed twice back to back; a line that merely recurs (a fixture list's ``Winners
    meet in final match``) is text."""
    text = chunk.text
    index = reader.index
    chunks = reader.chunks
    earlier = reader.seen.get(text)
    reader.seen[text] = index
    line = reader.certain.get(text)
    if line is None:
        if earlier is None:
            return False
        span = index - earlier
        if index >= reader.duplicates_until:
            if not (
                span <= reader.h.max_repeated_run
                and index + span <= len(chunks)
                and all(
                    chunks[earlier + offset].text == chunks[index + offset].text
                    for offset in range(1, span)
                )
            ):
                return False
            reader.duplicates_until = index + span
        line = chunks[earlier].first
    return reader.set_aside(chunk, AsideKind.DUPLICATE, Role.DUPLICATE, RuleName.repeats(line))


def _place_timestamp(reader: _BodyReader, chunk: Chunk) -> bool:
    if take_timestamp(
        chunk, reader.builder, reader.zones, reader.h, unlabelled=reader.index >= reader.tail_from
    ):
        reader.index += 1
        return True
    return False


def _place_credit(reader: _BodyReader, chunk: Chunk) -> bool:
    if take_credit(chunk, reader.builder, reader.h):
        reader.index += 1
        return True
    return False


def _place_picture_credit(reader: _BodyReader, chunk: Chunk) -> bool:
    if chunk.first != chunk.last:
        return False
    credit = match_picture_credit(chunk.text, line=chunk.first)
    if credit is None:
        return False
    reader.builder.credits.append(credit)
    reader.builder.mark(
        chunk.first, chunk.last, Role.CREDIT, RuleName.PICTURE_CREDIT_CLOSING_THE_STORY
    )
    reader.index += 1
    return True


def _place_closing_byline(reader: _BodyReader, chunk: Chunk) -> bool:
    used = take_byline(reader.chunks, reader.index, reader.builder, reader.h, closing=True)
    reader.index += used
    return used > 0


def _place_crosslink(reader: _BodyReader, chunk: Chunk) -> bool:
    if not is_crosslink(chunk.text):
        return False
    reader.previous = _BODY_OTHER
    return reader.set_aside(chunk, AsideKind.CROSSLINK, Role.CROSSLINK, RuleName.CROSSLINK_LABEL)


def _place_caption(reader: _BodyReader, chunk: Chunk) -> bool:
    return reader.set_aside(chunk, AsideKind.CAPTION, Role.CAPTION, RuleName.PHOTO_CAPTION)


def _place_signed_post(reader: _BodyReader, chunk: Chunk) -> bool:
    signature = find_signature(chunk.text)
    if signature is None:
        return False
    _place_embed(chunk, signature, reader.builder)
    reader.previous = _BODY_PARAGRAPH
    reader.index += 1
    return True


def _place_dateline(reader: _BodyReader, chunk: Chunk) -> bool:
    builder = reader.builder
    if reader.paragraphs >= reader.h.dateline_paragraphs or builder.dateline is not None:
        return False
    first = chunk.first
    opened = _match_dateline(chunk.text, first, reader.h)
    if opened is None:
        return False
    builder.dateline, text = opened
    reader.paragraphs += 1
    reader.index += 1
    if not text:
        builder.mark(first, chunk.last, Role.DATELINE, RuleName.WIRE_DATELINE)
        return True
    builder.add_block(Paragraph(text, first))
    builder.mark(first, chunk.last, Role.PARAGRAPH, RuleName.OPENS_WITH_WIRE_DATELINE)
    reader.previous = _BODY_PARAGRAPH
    return True


def _place_heading(reader: _BodyReader, chunk: Chunk) -> bool:
    shape = _heading_shape(chunk.text, reader.h)
    if shape is None:
        return False
    rule = reader.heading_rule(reader.index, shape)
    if rule is None:
        return False
    reader.builder.start_section(SectionHeading(chunk.text, chunk.first))
    reader.builder.mark(chunk.first, chunk.last, Role.HEADING, rule)
    reader.previous = _BODY_HEADING
    reader.index += 1
    return True


def _place_blockquote(reader: _BodyReader, chunk: Chunk) -> bool:
    quote = match_blockquote(chunk.text, line=chunk.first, h=reader.h)
    if quote is None:
        return False
    reader.paragraphs += 1
    reader.previous = _BODY_PARAGRAPH
    reader.builder.blocks.append(quote)
    reader.builder.spans.append(
        (chunk.first, chunk.last, Role.BLOCKQUOTE, RuleName.QUOTATION_WITH_ATTRIBUTION)
    )
    reader.index += 1
    return True


def _place_paragraph(reader: _BodyReader, chunk: Chunk) -> bool:
    reader.paragraphs += 1
    reader.previous = _BODY_PARAGRAPH
    text = chunk.text
    builder = reader.builder
    builder.blocks.append(Paragraph(text, chunk.first))
    rule = chunk.rule
    builder.spans.append(
        (chunk.first, chunk.last, _PARAGRAPH, rule if rule != _ONE_LINE else _RUNNING_TEXT)
    )
    reader.index += 1
    if text[-1] == ":":
        reader.index = _read_unmarked_list(reader.chunks, reader.index, builder, reader.h)
    return True


# The most frequent trace entry, bound once (reading an Enum class's attribute is slow on 3.11):
# a paragraph is traced by its chunk's layout rule, a one-line chunk as running text.
_PARAGRAPH = Role.PARAGRAPH
_ONE_LINE = RuleName.ONE_LINE
_RUNNING_TEXT = RuleName.RUNNING_TEXT


def _split_final_credit_rule(reader: _BodyReader, chunk: None) -> bool:
    return _split_final_credit(reader.builder, reader.h)


BodyRule = Rule[_BodyReader, Chunk]

TABLE_RULES: tuple[BodyRule, ...] = (
    Rule(
        RuleName.COLUMN_ALIGNED_LINES,
        Zone.BODY,
        Role.PREFORMATTED,
        "lines aligned like a table (``indented-figure-lines`` in wrapped wire copy; found by "
        "the layout): a preformatted block",
        _place_table,
        also=(RuleName.INDENTED_FIGURE_LINES,),
    ),
)
LIST_RULES: tuple[BodyRule, ...] = (
    Rule(
        RuleName.LIST_MARKER,
        Zone.BODY,
        Role.LIST_ITEM,
        "a run of list items (lines starting with a marker, found by the layout): one list",
        _place_list,
    ),
)
TEXT_RULES: tuple[BodyRule, ...] = (
    Rule(
        RuleName.CREDIT_LABEL_AND_NAMES,
        Zone.BODY,
        Role.CREDIT,
        "a credit label alone on its line (``Graphics``, ``Photos``, ``Video``, ``ग्राफिक्स``, "
        "``फोटो``) with a line of names after it, once the story's last sentence is past: "
        "two credits, the label and the names",
        _place_labelled_credit,
        opens=CREDIT_LABEL_FIRST,
        quick=is_credit_label,
    ),
    Rule(
        RuleName.CHROME_WORDS_ONLY,
        Zone.BODY,
        Role.CHROME,
        "share bars, menus, follow prompts, tag lists: set aside as chrome (even when printed "
        "twice)",
        _place_chrome,
        longest="max_chrome_length",
    ),
    Rule(
        RuleName.RECOMMENDATION_WIDGET_HEADER,
        Zone.BODY,
        Role.CHROME,
        "the header of a recommendation or shopping widget, by its words (``Swirlster Picks "
        "Sports Bras For You``, ``Recommended Stories``, ``रेकमेंडेड खबरें``): set aside",
        _place_widget_header,
        longest="max_chrome_length",
        quick=may_be_widget_header,
    ),
    Rule(
        RuleName.SITE_ACTIVITY_LINE,
        Zone.BODY,
        Role.CHROME,
        "a Q&A or comment widget's activity line: a name, what they did and a relative time "
        "(``<name> edited question 3 years ago``, ``<name> answered 2 days ago``): set aside",
        _place_activity_line,
        longest="max_activity_line_length",
        quick=may_be_activity_line,
    ),
    Rule(
        RuleName.REPEATS_LINE,
        Zone.BODY,
        Role.DUPLICATE,
        "an extraction artefact repeating the chunk at line *N*: a repeat of the chunk just "
        "before, of a run of chunks just before (``A B A B``), of a caption or of the front "
        "matter: set aside as a duplicate. A line that merely recurs (a fixture list) stays text",
        _place_duplicate,
        shortest="min_duplicate_length",
    ),
    Rule(
        RuleName.LABELLED_TIMESTAMP,
        Zone.BODY,
        Role.UPDATED,
        "a timestamp line (``Updated …``, ``Updated 5 mins ago``); a bare date "
        "(``bare-date-line``) or a relative time without a label (``3 hours ago``: "
        "``relative-time``) only among the closing chunks",
        _place_timestamp,
        also=(RuleName.BARE_DATE_LINE, RuleName.RELATIVE_TIME),
        longest="max_short_length",
        quick=may_be_time_line,
    ),
    Rule(
        RuleName.CREDIT_LINE,
        Zone.BODY,
        Role.CREDIT,
        "a credit or sign-off line (``(With AP inputs)``, ``Reuter``)",
        _place_credit,
        longest="max_short_length",
        quick=may_be_credit,
    ),
    Rule(
        RuleName.PICTURE_CREDIT_CLOSING_THE_STORY,
        Zone.TAIL,
        Role.CREDIT,
        "among the closing chunks, a labelled credit for the pictures (``Photo Credit: …``, "
        "``फोटो साभार: …``); mid-text such a line belongs to its picture",
        _place_picture_credit,
        longest="max_short_length",
        opens=PICTURE_CREDIT_FIRST,
    ),
    Rule(
        RuleName.DASH_AND_NAME_CLOSING_THE_STORY,
        Zone.TAIL,
        Role.BYLINE,
        "among the closing chunks, a byline (``byline``, ``byline-label-and-name``), and a "
        "dash and a name signing the story off (``-- Jane Doe``)",
        _place_closing_byline,
        also=(RuleName.BYLINE, RuleName.BYLINE_LABEL_AND_NAME),
        longest="max_short_length",
    ),
    Rule(
        RuleName.CROSSLINK_LABEL,
        Zone.BODY,
        Role.CROSSLINK,
        "``Also Read: …``, ``READ MORE: …``: a cross-link",
        _place_crosslink,
        opens=CROSSLINK_FIRST,
    ),
    Rule(
        RuleName.PHOTO_CAPTION,
        Zone.BODY,
        Role.CAPTION,
        "``1 of 4. …``, ``(AP Photo/…)``, ``… Photo: Jane Doe``: a caption",
        _place_caption,
        quick=is_caption,
    ),
    Rule(
        RuleName.POST_SIGNATURE,
        Zone.BODY,
        Role.EMBED,
        "``— Jane Doe (@janedoe) November 19, 2019`` closing a flattened social-media post: an "
        "embed, with the post before it (``post-before-signature``)",
        _place_signed_post,
        also=(RuleName.POST_BEFORE_SIGNATURE,),
        holds="@",
    ),
    Rule(
        RuleName.OPENS_WITH_WIRE_DATELINE,
        Zone.BODY,
        Role.PARAGRAPH,
        "a dateline opening one of the first paragraphs (``wire-dateline`` when it stands alone "
        "on its line)",
        _place_dateline,
        also=(RuleName.WIRE_DATELINE,),
    ),
    Rule(
        RuleName.SHORT_LINE_BETWEEN_PARAGRAPHS,
        Zone.BODY,
        Role.HEADING,
        "a short line without final punctuation between paragraphs (``Cambodian PM's "
        "reputation``), a short line in capitals (``all-caps-subhead``) or a time of day "
        "(``live-blog-entry-time``: ``9:45 am``, ``17.00``) before body text: a heading; a "
        "second short line after one is a sub-heading (``heading-after-heading``)",
        _place_heading,
        also=(
            RuleName.ALL_CAPS_SUBHEAD,
            RuleName.LIVE_BLOG_ENTRY_TIME,
            RuleName.HEADING_AFTER_HEADING,
        ),
        longest="max_heading_length",
    ),
    Rule(
        RuleName.QUOTATION_WITH_ATTRIBUTION,
        Zone.BODY,
        Role.BLOCKQUOTE,
        "a paragraph that is mostly one quotation: a blockquote",
        _place_blockquote,
        quick=_has_quote_mark,
    ),
    Rule(
        RuleName.RUNNING_TEXT,
        Zone.BODY,
        Role.PARAGRAPH,
        "any other chunk: a paragraph (a joined one is named by its layout's rule, such as "
        "``hard-wrapped-lines-joined``); two or more short lines after a paragraph ending in "
        "``:`` are a list without markers (``short-lines-after-colon``)",
        _place_paragraph,
        also=(
            RuleName.BLANK_SEPARATED_BLOCK,
            RuleName.HARD_WRAPPED_LINES_JOINED,
            RuleName.INDENTED_PARAGRAPH_JOINED,
            RuleName.SHORT_LINES_AFTER_COLON,
        ),
    ),
)
BODY_RULES: tuple[BodyRule, ...] = TABLE_RULES + LIST_RULES + TEXT_RULES
"""The body rules in the order they are tried (a chunk's kind picks its share of them)."""


@per_heuristics
def _bound_rules(
    h: Heuristics,
) -> tuple[dict[str, Bands[_BodyReader, Chunk]], dict[str, Bands[_BodyReader, Chunk]]]:
    """The body rules for each kind of chunk, bound to ``h``: before the closing chunks (no
    :attr:`Zone.TAIL` rule), and among them."""
    table, item = bind(TABLE_RULES, h), bind(LIST_RULES, h)
    return (
        {"table": table, "item": item, "text": bind(TEXT_RULES, h, tail=False)},
        {"table": table, "item": item, "text": bind(TEXT_RULES, h)},
    )


FINAL_RULES: tuple[Rule[_BodyReader, None], ...] = (
    Rule(
        RuleName.PARAGRAPH_WITH_TRAILING_CREDIT,
        Zone.TAIL,
        Role.CREDIT,
        "after the last chunk, a sign-off ending the last paragraph (``… said. (PTI)``) is split "
        "off as a credit (``credit-line`` when the paragraph is nothing else); what is left is "
        "tried as a blockquote again (``quotation-with-trailing-credit``): the credit, not the "
        "quotation, is what kept it a paragraph",
        _split_final_credit_rule,
        also=(RuleName.QUOTATION_WITH_TRAILING_CREDIT, RuleName.CREDIT_LINE),
    ),
)


def _tail_start(chunks: list[Chunk], h: Heuristics) -> int:
    """Where the closing metadata of the text may start: the last ``h.tail_chunks`` chunks,
    reaching back over short lines that end no sentence after the story's last sentence (a
    scraped page prints share buttons and teasers after the byline that closes its story), at
    most ``h.max_tail_chunks`` from the end."""
    count = len(chunks)
    start = count
    floor = max(0, count - h.max_tail_chunks)
    while start > floor:
        before = chunks[start - 1]
        text = before.text
        if before.kind != "text" or len(text) > h.max_short_length or text[-1] in _SENTENCE_END:
            break
        start -= 1
    return min(start, count - h.tail_chunks)


def _story_has_ended(chunks: list[Chunk], start: int, h: Heuristics) -> bool:
    """Whether no chunk from ``start`` on is a sentence of the story: only lists, tables and
    short lines that are no sentence (a references list, teasers, a credit) follow."""
    for chunk in chunks[start:]:
        text = chunk.text
        if chunk.kind == "text" and (
            len(text) > h.max_short_length
            or (text[-1] in _STORY_SENTENCE_END and text.count(" ") >= h.running_text_words - 1)
        ):
            return False
    return True


_STORY_SENTENCE_END = frozenset(".!?\"'\u201d\u2019\u0964")


def _match_dateline(text: str, line: int, h: Heuristics) -> tuple[Dateline, str] | None:
    """A dateline opening ``text`` (``rest`` may be empty: ``CHICAGO, Feb 26 -`` alone on
    its line, the figures of a wire table below it)."""
    opening = text[: h.dateline_reach]
    if not (
        " -" in opening
        or ":" in opening
        or "(" in opening
        or "\u2014" in opening
        or "\u2013" in opening
        or "--" in opening
        or (not text[0].isascii() and (". " in opening or "\u0964 " in opening))  # ``लखनऊ। …``
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


def _is_unmarked_item(chunk: Chunk, h: Heuristics) -> bool:
    text = chunk.text
    return (
        chunk.kind == "text"
        and len(text) <= h.max_unmarked_item_length
        and text.count(" ") < h.max_unmarked_item_words
        and text[-1] not in ":?!"
        # Two sentences (``Got it? Good.``) are prose after the list, not an item of it.
        and ". " not in text
        and "? " not in text
        and "! " not in text
    )


def _read_unmarked_list(
    chunks: list[Chunk], index: int, builder: ArticleBuilder, h: Heuristics
) -> int:
    """Short lines after a lead-in ending in ``:`` are the items of a list without markers.

    ``… segments of visitors based on:`` then ``user type``, ``visit count`` …: read as
    paragraphs they would be a column of one-word paragraphs. Two items at least.
    """
    end = index
    while end < len(chunks) and _is_unmarked_item(chunks[end], h):
        end += 1
    if end - index < 2:
        return index
    items = []
    for chunk in chunks[index:end]:
        items.append(ListItem(chunk.text, chunk.first))
        builder.mark(chunk.first, chunk.last, Role.LIST_ITEM, RuleName.SHORT_LINES_AFTER_COLON)
    builder.add_block(BulletList(tuple(items), "", chunks[index].first))
    return end


def _read_list(chunks: list[Chunk], index: int, builder: ArticleBuilder) -> int:
    """Gather the run of list items starting at ``chunks[index]`` into one list."""
    items: list[ListItem] = []
    first = chunks[index]
    while index < len(chunks) and chunks[index].kind == "item":
        item = chunks[index]
        items.append(ListItem(item.text, item.first))
        builder.mark(item.first, item.last, Role.LIST_ITEM, RuleName.LIST_MARKER)
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
        _retag(builder, post.line, Role.EMBED, RuleName.POST_BEFORE_SIGNATURE)
    builder.add_block(make_embed(text, signature, line))
    builder.mark(chunk.first, chunk.last, Role.EMBED, RuleName.POST_SIGNATURE)


def _retag(builder: ArticleBuilder, first: int, role: Role, rule: RuleName) -> None:
    """Change the recorded role of the span starting at ``first`` (a later rule reread it)."""
    spans = builder.spans
    for position in range(len(spans) - 1, -1, -1):
        if spans[position][0] == first:
            spans[position] = (first, spans[position][1], role, rule)
            return


def _split_final_credit(builder: ArticleBuilder, h: Heuristics) -> bool:
    """Split a sign-off run into the last paragraph (``… said. (PTI)``, ``… REUTER``); whether
    there was one."""
    blocks = builder.blocks
    for position in range(len(blocks) - 1, -1, -1):
        block = blocks[position]
        if isinstance(block, Aside):
            continue
        if not isinstance(block, Paragraph):
            return False
        split = split_trailing_credit(block.text, line=block.line, h=h)
        if split is None:
            return False
        rest, credit = split
        builder.credits.append(credit)
        if rest:
            # With the sign-off gone, the rest may be a quotation with its attribution, which
            # the blockquote rule refused while ``(PTI)`` followed the attribution.
            quote = match_blockquote(rest, line=block.line, h=h) if _has_quote_mark(rest) else None
            if quote is not None:
                blocks[position] = quote
                _retag(
                    builder, block.line, Role.BLOCKQUOTE, RuleName.QUOTATION_WITH_TRAILING_CREDIT
                )
            else:
                blocks[position] = Paragraph(rest, block.line)
                _retag(builder, block.line, Role.PARAGRAPH, RuleName.PARAGRAPH_WITH_TRAILING_CREDIT)
        else:
            del blocks[position]
            _retag(builder, block.line, Role.CREDIT, RuleName.CREDIT_LINE)
        return True
    return False
