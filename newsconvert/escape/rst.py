"""Escaping text for reStructuredText, so that article text never becomes reST markup.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-escape-rst`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from newsconvert.escape.characters import INVALID_CLASS, replace_invalid, replacement_of
from newsconvert.escape.specials import in_turn, replace_in_turn
from newsconvert.patterns import LazyPattern

_ESCAPES = {char: "\\" + char for char in "\\*`|_{}"} | {"\t": " "}  # docutils expands tabs
"""The characters escaped wherever they stand, and what they become."""
_BY_NEIGHBOURS = {
    ":": LazyPattern(":(?! )"),  # a colon unless a space follows it
    "@": LazyPattern(r"(?<=\S)@"),  # inside a word, where docutils would see an e-mail address
}
"""The characters escaped (with a backslash) only where their neighbours say so."""
# One character class (not an alternation): the regular-expression engine scans it fastest.
_INLINE = LazyPattern(
    "[" + re.escape("".join(_ESCAPES)) + "".join(_BY_NEIGHBOURS) + INVALID_CLASS + "]"
)
# For text without invalid characters (see newsconvert.escape.specials): the backslash first
# (the others' escapes add one), then ":" and "@", decided on the text as written (before a tab
# becomes a space), then the others one after another.
_IN_TURN = in_turn({char: escaped for char, escaped in _ESCAPES.items() if char != "\\"})
# ASCII punctuation and the bullets docutils knows (U+2022, U+2023, U+2043).
_LINE_START_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2022\u2023\u2043")
_ENUMERATOR = LazyPattern(r"\(?(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+|#)[.)](?:\s|$)")


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    escaped = _ESCAPES.get(char)
    if escaped is not None:
        return escaped
    neighbours = _BY_NEIGHBOURS.get(char)
    if neighbours is not None:
        return "\\" + char if neighbours.match(match.string, match.start()) else char
    return replacement_of(char)


def _escape_specials(text: str) -> str:
    """What ``_INLINE.sub(_replace, text)`` gives for ``text`` without invalid characters."""
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    for char, neighbours in _BY_NEIGHBOURS.items():
        if char in text:
            text = neighbours.sub("\\\\" + char, text)
    return replace_in_turn(text, _IN_TURN)


def _escape_inline(text: str, checked: bool) -> str:
    return _escape_specials(text) if checked else _INLINE.sub(_replace, text)


def escape_rst(text: str, *, checked: bool = False) -> str:
    """``text`` as one line of reST inline text that renders to exactly ``text``.

    Safe at the start of a paragraph, a field body, a list item or a title, and in the middle of
    a line. Line breaks become spaces; surrounding whitespace is dropped. ``checked`` says that
    ``text`` holds no invalid character (see
    :attr:`newsconvert.tree.Article.characters_checked`): the same result, found faster.
    """
    if "\n" in text:
        text = text.replace("\n", " ")
    text = text.strip()
    first = text[:1]
    escaped = _escape_inline(text, checked)
    if "{%" in text:  # "\{%" still holds "{%" for Jinja, which knows nothing of backslashes
        escaped = escaped.replace("\\{%", "\\{\\%")
    if not first:
        return escaped
    if not text.strip("\\"):
        # Only backslashes: escaped, they are a run of one punctuation character, which docutils
        # reads as a transition or a section adornment. An escaped space renders as nothing.
        return "\\ " + escaped
    if escaped[:1] != "\\" and (first in _LINE_START_PUNCTUATION or _ENUMERATOR.match(text)):
        return "\\" + escaped
    return escaped


WRAP_WIDTH = 78
"""The column reST text is wrapped at (:func:`wrap`)."""

LINE_LENGTH_LIMIT = 10_000
"""docutils' default ``line_length_limit``: a longer line makes the whole document an error."""

_TITLE_KEEP = 2_400
"""Characters of a headline kept in a title too long for docutils (see :func:`title`): escaped
(at most twice as long) and measured in columns (at most twice again), still under the limit."""

_TITLE_FITS = (LINE_LENGTH_LIMIT - 4) // 4
"""Characters of text that surely fit a title line, by the same measure (and the two characters
an escape may add in front): longer text is escaped and measured to find out."""


@functools.cache
def _chunk_pattern(room: int) -> re.Pattern[str]:
    # A line: up to ``room`` characters ending in non-space, followed by a single space and
    # non-space (the only places a line may break: a break reads back as exactly one space) or
    # by the end. Where there is none, the text up to the next such break (a long word).
    return re.compile(rf"(.{{0,{max(room - 1, 0)}}}\S)(?: (?=\S)|$)|(.+?)(?:(?<=\S) (?=\S)|$)")


# A line of one repeated punctuation character: docutils reads it as a title adornment when it
# is the second line of a paragraph.
_ADORNMENT = LazyPattern(r"([!-/:-@\[-`{-~])\1*")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _cut_allowed(text: str, cut: int, floor: int = 0) -> bool:
    """Whether ``text`` may be cut before index ``cut`` with an escaped line break: not inside a
    backslash escape, not before a space (the next line would be indented), and not next to an
    unescaped ``*`` (a markup delimiter of our own). ``floor`` is an index no escape straddles
    (the start of the word, or an earlier cut): backslashes are counted back to it only, which
    keeps a word of thousands of backslashes linear to cut."""
    if text[cut] == " ":
        return False
    if _escaped(text, cut, floor):
        return False  # the cut would separate a backslash from the character it escapes
    if text[cut - 1] == "*" and not _escaped(text, cut - 1, floor):
        return False
    return not (text[cut] == "*" and not _escaped(text, cut, floor))


def _escaped(text: str, index: int, floor: int = 0) -> bool:
    """Whether the character at ``index`` follows an odd run of backslashes (since ``floor``)."""
    before = text[floor:index]
    return bool((len(before) - len(before.rstrip("\\"))) % 2)


def _cut_word(word: str, width: int) -> list[str]:
    """A word too long for a line, in pieces of at most ``width`` characters, each but the last
    ending in a backslash: docutils removes an escaped line break, so the word reads whole."""
    pieces = []
    start = 0
    while len(word) - start > width:
        cut = start + width - 1  # room for the backslash
        while cut > start + 1 and not _cut_allowed(word, cut, start):
            cut -= 1
        if not _cut_allowed(word, cut, start):
            cut = start + width - 1
            while cut < len(word) - 1 and not _cut_allowed(word, cut, start):
                cut += 1
            if not _cut_allowed(word, cut, start):
                break
        pieces.append(word[start:cut] + "\\")
        start = cut
    pieces.append(word[start:])
    return pieces


def wrap(line: str, indent: int = 0, *, first: int = 0, width: int = WRAP_WIDTH) -> str:
    """One line of escaped reST text hard-wrapped at ``width`` columns.

    Continuation lines are indented by ``indent`` spaces (the indentation of the construct the
    text belongs to: 2 in a list item, 4 in a block quote); ``first`` is the column the text
    starts at on its first line (after a bullet or a field name). Lines break only at a single
    space between two non-space characters, which the break replaces; a word longer than a line
    is cut with escaped line breaks (see :func:`_cut_word`). A line that would be a title
    adornment (``====``, the over- or underline of its neighbour) is led with an escaped space,
    which docutils removes. A line break in ``line`` (a user's template may pass one) is a
    space, as :func:`escape_rst` makes it: every word stays.
    """
    if "\n" in line:
        line = line.replace("\n", " ")
    room = max(width - indent, 20)
    if len(line) + first <= width:
        return line
    lines: list[str] = []
    pos = 0
    if first > indent:
        # The first line is shorter by the difference: wrap a shorter first piece.
        match = _chunk_pattern(room - (first - indent)).match(line)
        if match is not None and match.group(1):
            lines.append(match.group(1))
            pos = match.end()
    # One scan: each match is a line, or (where no break falls within a line's width) the long
    # word up to the next break, to be cut.
    for piece, word in _chunk_pattern(room).findall(line, pos):
        if piece:
            lines.append(piece)
        else:
            lines.extend(_cut_word(word, room))
    if len(lines) > 1:
        for number, row in enumerate(lines):
            if row[0] in _ASCII_PUNCTUATION and _ADORNMENT.fullmatch(row):
                lines[number] = "\\ " + row
    return ("\n" + " " * indent).join(lines)


def _title_width(line: str) -> int | None:
    """The width in columns of the escaped ``line``, or ``None`` when it is too long for a
    title line (over :data:`LINE_LENGTH_LIMIT` characters or columns)."""
    if len(line) > LINE_LENGTH_LIMIT:
        return None
    width = column_width(line)
    return width if width <= LINE_LENGTH_LIMIT else None


def title_overflow(text: str, *, checked: bool = False) -> str:
    """``text`` stripped when it is too long for a reST title line (see :func:`title`), else
    the empty string."""
    if len(text) <= _TITLE_FITS:
        return ""
    if _title_width(escape_rst(text, checked=checked)) is not None:
        return ""
    return text.strip()


def column_width(text: str) -> int:
    """Display width of ``text`` in columns, counted the way docutils counts it."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if unicodedata.combining(char):
            # docutils counts a combining character's own width less one, not zero: the two
            # differ for the wide ones (U+302A-U+302D, U+3099, U+309A).
            width -= 1
    return width


def title(text: str, adornment: str, *, overline: bool = False, checked: bool = False) -> str:
    """A section title: the escaped ``text`` under (and, with ``overline``, over) a rule.

    The rule is made of ``adornment`` and is as wide as the escaped line in display columns.
    A title cannot wrap, and docutils refuses a line over :data:`LINE_LENGTH_LIMIT`: text too
    long for it (:func:`title_overflow`) is cut at a word boundary after about
    :data:`_TITLE_KEEP` characters and ends with `` …`` (the caller gives the whole text
    elsewhere). Raises :class:`ValueError` for text that is empty once stripped: reST has no
    empty titles.
    """
    line = escape_rst(text, checked=checked)
    if not line:
        raise ValueError("a reST title cannot be empty")
    width = _title_width(line)
    if width is None:
        kept = text.strip()[:_TITLE_KEEP]
        space = kept.rfind(" ")
        shortened = (kept[:space] if space > _TITLE_KEEP // 2 else kept) + " \u2026"
        line = escape_rst(shortened, checked=checked)
        width = column_width(line)
    rule = adornment * max(width, 1)
    return f"{rule}\n{line}\n{rule}" if overline else f"{line}\n{rule}"


def literal_block(text: str, indent: str = "    ", *, checked: bool = False) -> str:
    """The lines of ``text`` indented for a literal block (after a ``::`` paragraph).

    The content is taken literally by docutils, so only invalid characters are replaced (unless
    ``checked``: there are none); blank lines stay blank (no trailing whitespace).
    """
    lines = (text if checked else replace_invalid(text)).split("\n")
    return "\n".join(indent + line if line.strip() else "" for line in lines)


def line_block(text: str, indent: str = "", *, checked: bool = False) -> str:
    """``text`` as a reST line block (``| line``), one escaped line per line of text.

    Blank lines inside the text become empty line-block lines (``|``); blank lines before the
    first and after the last line of text are dropped. A long line is wrapped (:func:`wrap`),
    its continuation lines indented past the ``|``.
    """
    rows = []
    width = len(indent) + 2
    for line in text.strip("\n").split("\n"):
        escaped = wrap(escape_rst(line, checked=checked), width, first=width)
        rows.append(f"{indent}| {escaped}" if escaped else f"{indent}|")
    return "\n".join(rows)


@functools.cache
def _markup_context() -> tuple[re.Pattern[str], re.Pattern[str], Callable[[str, str], bool]]:
    """docutils' own definitions of what may stand before and after inline markup.

    Imported on first use: only reST emphasis needs them, and docutils is slow to import.
    """
    from docutils.utils import punctuation_chars as chars

    before = re.compile(f"[{chars.openers}{chars.delimiters}]")
    after = re.compile(f"[{chars.closing_delimiters}{chars.delimiters}{chars.closers}]")
    return before, after, chars.match_chars


def can_emphasize(text: str, start: int, end: int) -> bool:
    """Whether ``*`` around ``text[start:end]`` makes reST emphasis of exactly that span.

    docutils' inline markup recognition rules: the start-string follows whitespace, the start of
    the text or an opening or delimiting punctuation character and is followed by non-whitespace
    (but not by the closer matching a preceding opener); the end-string follows non-whitespace and
    is followed by whitespace, the end, or closing or delimiting punctuation.
    """
    if start >= end or text[start].isspace() or text[end - 1].isspace():
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    allowed_before, allowed_after, match_chars = _markup_context()
    if not before.isspace() and (
        allowed_before.match(before) is None or match_chars(before, text[start])
    ):
        return False
    return after.isspace() or allowed_after.match(after) is not None


def emphasize(text: str, start: int, end: int, *, checked: bool = False) -> str:
    """``text`` escaped as by :func:`escape_rst`, with ``text[start:end]`` in ``*…*``.

    Without emphasis when docutils would not read it as emphasis of exactly that span, or when
    ``text`` has surrounding whitespace or line breaks.
    """
    # Decide on the characters that will be printed: an invalid one becomes U+FFFD or a space
    # (str.isspace calls U+001F a space, docutils sees U+FFFD), a tab a space.
    printed = (text if checked else replace_invalid(text)).replace("\t", " ")
    if text != text.strip() or "\n" in text or not can_emphasize(printed, start, end):
        return escape_rst(text, checked=checked)
    head = _escape_inline(text[:start], checked)
    middle = _escape_inline(text[start:end], checked)
    tail = _escape_inline(text[end:], checked)
    if (
        head
        and head[:1] != "\\"
        and (head[:1] in _LINE_START_PUNCTUATION or _ENUMERATOR.match(text))
    ):
        head = "\\" + head
    return f"{head}*{middle}*{tail}"


def _emphasize_span(text: str, span: tuple[int, int] | None, *, checked: bool = False) -> str:
    return emphasize(text, *span, checked=checked) if span else escape_rst(text, checked=checked)


def _filters(*, checked: bool) -> dict[str, Callable[..., str]]:
    # Closures rather than functools.partial: a partial with keywords copies them into a new
    # dictionary on every call, which costs more than the escaping of a short text.

    def rst(text: str) -> str:
        return escape_rst(text, checked=checked)

    def rst_emphasize(text: str, span: tuple[int, int] | None) -> str:
        return _emphasize_span(text, span, checked=checked)

    def rst_title(text: str, adornment: str, *, overline: bool = False) -> str:
        return title(text, adornment, overline=overline, checked=checked)

    def rst_title_overflow(text: str) -> str:
        return title_overflow(text, checked=checked)

    def rst_literal(text: str, indent: str = "    ") -> str:
        return literal_block(text, indent, checked=checked)

    def rst_line_block(text: str, indent: str = "") -> str:
        return line_block(text, indent, checked=checked)

    return {
        "rst": rst,
        "rst_emphasize": rst_emphasize,
        "rst_title": rst_title,
        "rst_title_overflow": rst_title_overflow,
        "rst_wrap": wrap,
        "rst_literal": rst_literal,
        "rst_line_block": rst_line_block,
    }


FILTERS = _filters(checked=False)
"""The Jinja filters of the reStructuredText templates (see :mod:`newsconvert.formats`)."""

CHECKED_FILTERS = _filters(checked=True)
""":data:`FILTERS` for text known to hold no invalid character (see
:attr:`newsconvert.tree.Article.characters_checked`)."""
