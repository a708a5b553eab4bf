"""Detecting the paragraph layout of a text and assembling its lines into chunks.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-layouts`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.lines import Line
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.rules import Role, RuleEntry, RuleName, Zone
from newsconvert.parser.timestamps import has_ascii_digit

LAYOUTS: tuple[str, ...] = ("lines", "blocks", "wrapped")
"""The layout names ``parse(layout=…)`` and ``--layout`` accept."""

# A list marker then whitespace. Numbers are not list markers here: ``1. Upsell`` reads as a
# heading and a numbered paragraph is still a paragraph. ``*`` is left out because it marks
# footnotes more often than list items.
_LIST_MARKER = LazyPattern(r"([-\u2013\u2022\u25a0\u25aa\u25cf\u25e6\u2023\u00b7])\s+(?=\S)")
_LIST_MARKERS = "-\u2013\u2022\u25a0\u25aa\u25cf\u25e6\u2023\u00b7"
_LIST_FIRST = frozenset(_LIST_MARKERS)
# Three spaces inside a line separate table columns (two follow a full stop in older copy).
_COLUMN_GAP = "   "
_COLUMN_GAPS = LazyPattern(" {3,}")
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)")


class Chunk(NamedTuple):
    """Lines assembled into one unit for classification (a tuple: one is built per paragraph,
    and a tuple is the cheapest record Python builds)."""

    first: int
    """Number of its first source line."""
    last: int
    """Number of its last source line."""
    text: str
    """Its text: lines joined with single spaces (a table keeps its line breaks)."""
    kind: str = "text"
    """``text``, ``item`` (a list item; ``text`` excludes the marker) or ``table``."""
    rule: str = RuleName.ONE_LINE
    """How the lines were assembled (for the trace)."""
    marker: str = ""
    """The list marker of an ``item``."""
    indent: int = 0
    """Indentation of the first line."""


def list_marker(text: str) -> str | None:
    """The list marker ``text`` starts with, or ``None``."""
    if not text or text[0] not in _LIST_FIRST:
        return None
    match = _LIST_MARKER.match(text)
    return match.group(1) if match is not None else None


def _ends_sentence(text: str) -> bool:
    return text[-1] in _SENTENCE_END


def typical_width(lines: Sequence[Line]) -> int | None:
    """The width 95% of the non-blank lines stay within, or ``None`` for fewer than 3 lines."""
    widths = sorted([line.width for line in lines if line.text])  # a list: no generator frames
    if len(widths) < 3:
        return None
    return widths[min(len(widths) - 1, (len(widths) * 95) // 100)]


def wrap_width(
    lines: Sequence[Line], typical: int | None = -1, h: Heuristics = DEFAULT_HEURISTICS
) -> int | None:
    """The width the text is hard-wrapped at, or ``None`` when it is not hard-wrapped.

    Evidence of wrapping: most lines followed by another non-blank line end mid-sentence, and
    the line widths are bounded by a width a typewriter or a wire service would use.
    ``typical`` is :func:`typical_width` when the caller has it already.
    """
    width = typical_width(lines) if typical == -1 else typical
    if width is None or width > h.max_wrap_width:
        return None
    followed = open_ended = 0
    for before, after in itertools.pairwise(lines):
        if before.text and after.text and after.indent == 0:
            followed += 1
            if not _ends_sentence(before.text):
                open_ended += 1
    if followed < 2 or open_ended * 2 < followed:
        return None
    return width


def _is_full(line: Line, following: Line, width: int) -> bool:
    """Whether ``following``'s first word would not have fitted on ``line`` (greedy wrapping)."""
    first_word = following.text.split(" ", 1)[0]
    return line.width + 1 + len(first_word) > width - 3


def detect_layout(
    lines: Sequence[Line], typical: int | None = -1, h: Heuristics = DEFAULT_HEURISTICS
) -> str:
    """Name the layout of ``lines``: ``wrapped``, ``blocks`` or ``lines`` (see the module).

    ``typical`` is :func:`typical_width` when the caller has it already.
    """
    width = typical_width(lines) if typical == -1 else typical
    has_blank_between = False
    content = 0
    indented_starts = 0
    continuations = 0
    open_continuations = 0
    seen_text = False
    previous: Line | None = None
    for line in lines:
        if not line.text:
            if seen_text:
                has_blank_between = True
            previous = line
            continue
        seen_text = True
        content += 1
        if line.indent > 0 and (line.text[0] not in _LIST_FIRST or list_marker(line.text) is None):
            indented_starts += 1
        elif (
            previous is not None
            and previous.text
            and previous.indent > 0
            and line.indent == 0
            and (previous.text[0] not in _LIST_FIRST or list_marker(previous.text) is None)
        ):
            continuations += 1
            if not _ends_sentence(previous.text):
                open_continuations += 1
        previous = line
    # Paragraphs that start with an indent: either indented lines run on, mid-sentence, into
    # unindented ones (wire copy), or nearly every line is indented (a wire table, one item a
    # line).
    if (
        width is not None
        and width <= h.max_wrap_width
        and indented_starts >= 2
        and (
            (continuations >= 1 and open_continuations * 2 >= continuations)
            or indented_starts * 3 >= content * 2
        )
    ):
        return "wrapped"
    if has_blank_between:
        return "blocks"
    return "lines"


def _is_columnar(line: Line, widest: int) -> bool:
    """Whether ``line`` looks like a table row: narrow, with column gaps of three spaces.

    Two gaps make a row (scraped prose may hold one stray run of spaces); one gap will do on
    an indented line, as in wire tables whose first column is blank.
    """
    text = line.text
    if _COLUMN_GAP not in text or line.width > widest:
        return False
    return line.indent > 0 or len(_COLUMN_GAPS.findall(text)) >= 2


def _table_chunk(run: list[Line], rule: str) -> Chunk:
    base = min(line.indent for line in run)
    text = "\n".join(" " * (line.indent - base) + line.text for line in run)
    return Chunk(run[0].number, run[-1].number, text, "table", rule, indent=base)


def _text_chunk(run: list[Line], rule: str) -> Chunk:
    first = run[0]
    text = first.text
    marker = list_marker(text) if text[0] in _LIST_FIRST else None
    if len(run) == 1 and marker is None:
        return Chunk(first.number, first.number, text, "text", rule, "", first.indent)
    # Spacing inside a line is kept as written (``NORTH YEMEN  -- USDA``); only the line
    # breaks of hard-wrapped text become single spaces.
    text = " ".join([line.text for line in run]) if len(run) > 1 else text
    if marker is not None:
        return Chunk(
            first.number,
            run[-1].number,
            text[len(marker) :].lstrip(),
            "item",
            RuleName.LIST_MARKER,
            marker,
            first.indent,
        )
    return Chunk(first.number, run[-1].number, text, "text", rule, "", first.indent)


def assemble(
    lines: Sequence[Line],
    layout: str,
    *,
    forced: bool = False,
    typical: int | None = -1,
    h: Heuristics = DEFAULT_HEURISTICS,
) -> list[Chunk]:
    """Assemble ``lines`` into chunks according to ``layout``.

    ``forced`` means the user named the layout: ``blocks`` then joins every line of a block,
    instead of only the lines that look hard-wrapped.
    """
    if typical == -1:
        typical = typical_width(lines)
    # Only a detected ``blocks`` layout asks whether lines are hard-wrapped.
    width = wrap_width(lines, typical, h) if layout == "blocks" and not forced else None
    widest = h.max_table_width
    chunks: list[Chunk] = []
    one_line = RuleName.ONE_LINE  # read once: an Enum attribute is a slow lookup on 3.11
    count = len(lines)
    index = 0
    while index < count:
        line = lines[index]
        text = line.text
        if not text:
            index += 1
            continue
        # A run of column-aligned lines is a table in every layout (in wire copy only when it
        # is indented: a continuation line may hold a gap before a trailing sign-off).
        # The width first: a three-space ``in`` scans a long paragraph at a cost (no memchr).
        columnar = line.width <= widest and _COLUMN_GAP in text and _is_columnar(line, widest)
        if (
            not columnar
            and text[0] not in _LIST_FIRST
            and (layout == "lines" or index + 1 == count or not lines[index + 1].text)
        ):
            # The common case of one paragraph a line (in every layout when a blank line or
            # the end follows: no run can grow), built without a helper call.
            number = line.number
            chunks.append(Chunk(number, number, text, "text", one_line, "", line.indent))
            index += 1
            continue
        if columnar and (line.indent > 0 or layout != "wrapped"):
            end = index + 1
            while end < count and lines[end].text and _is_columnar(lines[end], widest):
                end += 1
            if end - index >= 2:
                chunks.append(_table_chunk(list(lines[index:end]), RuleName.COLUMN_ALIGNED_LINES))
                index = end
                continue
        run = [line]
        index += 1
        if layout != "lines":
            while index < count:
                following = lines[index]
                after = following.text
                if not after or (after[0] in _LIST_FIRST and list_marker(after) is not None):
                    break
                if following.indent > 0 and _is_columnar(following, widest):
                    break
                if layout == "wrapped":
                    if following.indent > 0:
                        break
                elif not forced and (width is None or not _is_full(run[-1], following, width)):
                    break
                run.append(following)
                index += 1
        if len(run) == 1:
            rule = RuleName.ONE_LINE
        elif layout == "wrapped":
            rule = RuleName.INDENTED_PARAGRAPH_JOINED
        elif forced:
            rule = RuleName.BLANK_SEPARATED_BLOCK
        else:
            rule = RuleName.HARD_WRAPPED_LINES_JOINED
        chunks.append(_text_chunk(run, rule))
    if layout == "wrapped" and typical is not None:
        chunks = _group_short_figure_lines(chunks, typical)
    return chunks


def _figure_line(chunk: Chunk, width: int) -> bool:
    text = chunk.text
    return (
        chunk.kind == "text"
        and chunk.first == chunk.last
        and chunk.indent > 0
        and len(text) <= max(width, 60) * 0.8
        and text[-1] not in ".:;,-"
        and text.count(" ") < 10
    )


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit of any script (``str.isdigit``)."""
    # The ASCII test is memchr-fast; only non-ASCII text is looked at character by character.
    return has_ascii_digit(text) or (not text.isascii() and any(c.isdigit() for c in text))


def _group_short_figure_lines(chunks: list[Chunk], width: int) -> list[Chunk]:
    """Turn runs of short indented one-line paragraphs of figures into table chunks.

    Wire earnings reports print ``    Shr 34 cts vs 1.19 dlrs`` one item a line; joined into
    paragraphs they would read as one run-on sentence.
    """
    result: list[Chunk] = []
    index = 0
    while index < len(chunks):
        if not _figure_line(chunks[index], width):
            # Most chunks are prose: no run starts here.
            result.append(chunks[index])
            index += 1
            continue
        end = index
        while (
            end < len(chunks)
            and _figure_line(chunks[end], width)
            and (end == index or chunks[end].first == chunks[end - 1].last + 1)
        ):
            end += 1
        # A table opens and closes with figures: a sub-head (``Six mths``) may stand inside,
        # but a heading before it or a sign-off after it is not part of it.
        while end > index + 1 and not has_digit(chunks[end - 1].text):
            end -= 1
        start = index
        while start < end - 1 and not has_digit(chunks[start].text):
            start += 1
        result.extend(chunks[index:start])
        index = start
        run = chunks[index:end]
        with_digits = sum(1 for chunk in run if has_digit(chunk.text))
        if len(run) >= 2 and with_digits * 3 >= len(run) * 2:
            base = min(chunk.indent for chunk in run)
            text = "\n".join(" " * (chunk.indent - base) + chunk.text for chunk in run)
            rule = RuleName.INDENTED_FIGURE_LINES
            result.append(Chunk(run[0].first, run[-1].last, text, "table", rule, indent=base))
            index = end
            continue
        result.append(chunks[index])
        index += 1
    return result


CHUNK_RULES: tuple[RuleEntry, ...] = (
    RuleEntry(
        (RuleName.ONE_LINE,),
        Zone.LAYOUT,
        Role.PARAGRAPH,
        "a line that is a chunk on its own (a paragraph made of it is recorded as "
        "``running-text``)",
    ),
    RuleEntry(
        (RuleName.BLANK_SEPARATED_BLOCK,),
        Zone.LAYOUT,
        Role.PARAGRAPH,
        "in the ``blocks`` layout, lines between blank lines that are not hard-wrapped: a chunk",
    ),
    RuleEntry(
        (RuleName.HARD_WRAPPED_LINES_JOINED,),
        Zone.LAYOUT,
        Role.PARAGRAPH,
        "lines hard-wrapped at a fixed width, joined with single spaces into one chunk",
    ),
    RuleEntry(
        (RuleName.INDENTED_PARAGRAPH_JOINED,),
        Zone.LAYOUT,
        Role.PARAGRAPH,
        "in the ``wrapped`` layout, an indented line and the lines up to the next indent or "
        "blank line, joined",
    ),
    RuleEntry(
        (RuleName.COLUMN_ALIGNED_LINES, RuleName.INDENTED_FIGURE_LINES),
        Zone.LAYOUT,
        Role.PREFORMATTED,
        "runs of lines whose columns align like a table (``indented-figure-lines``: indented "
        "figures in wrapped wire copy, ``Shr 34 cts vs 1.19 dlrs``): one table chunk",
    ),
    RuleEntry(
        (RuleName.LIST_MARKER,),
        Zone.LAYOUT,
        Role.LIST_ITEM,
        f"a line starting {', '.join(f'``{mark}``' for mark in _LIST_MARKERS)} and a space "
        "(indented or not): a list item. Numbers and ``*`` are not markers: ``1. Upsell`` reads "
        "as a heading, and ``*`` marks footnotes more often",
    ),
    RuleEntry((RuleName.BLANK_LINE,), Zone.LAYOUT, Role.BLANK, "a blank line"),
    RuleEntry(
        (RuleName.NONE,),
        Zone.LAYOUT,
        Role.UNASSIGNED,
        "a line no rule placed (never expected: it would be a parser bug, shown rather than "
        "hidden)",
    ),
)
"""The names of how lines are assembled into chunks, for the rule vocabulary (the layout is a
pass over lines, not a list of rules tried in turn)."""
