"""Escaping text for reStructuredText, so that article text never becomes reST markup.

docutils lets a backslash escape any character. The policy:

- everywhere: ``\\``, ``*``, ````` (emphasis, literals, interpreted text, roles), ``|``
  (substitutions, line blocks), ``_`` (hyperlink references and targets, footnote references);
  ``:`` unless a space follows it, which keeps ``scheme:`` URIs such as ``javascript:x`` from
  becoming links and a final ``::`` from announcing a literal block; ``@`` inside a word,
  which keeps e-mail addresses from becoming links;
- at the start of the text: any ASCII punctuation or bullet character (``..`` directives and
  comments, ``-``/``+``/``*``/``•`` bullets, ``:field:`` lists, ``>>>`` doctests, ``===``
  transitions and section adornments, ``/V`` option lists) and list enumerators such as
  ``1.``, ``(a)``, ``iv)``, ``#.``.

Inline text is one line: line breaks become spaces and surrounding whitespace is dropped, since a
change of indentation is structure in reST. Titles get adornments as wide as the escaped title in
display columns (East Asian wide characters count twice, combining characters not at all), the
measure docutils uses to decide whether an underline is too short.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from newsconvert.escape.characters import INVALID_CLASS, REPLACEMENT, replace_invalid

# One character class (not an alternation): the regular-expression engine scans it fastest.
# A colon is escaped only when no space follows it (decided in _replace).
_INLINE = re.compile(r"[\\*`|_{}:@\t" + INVALID_CLASS + "]")
# ASCII punctuation and the bullets docutils knows (U+2022, U+2023, U+2043).
_LINE_START_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2022\u2023\u2043")
_ENUMERATOR = re.compile(r"\(?(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+|#)[.)](?:\s|$)")
_LINE_LIKE = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\t"  # and tab: docutils expands it


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char == ":":
        end = match.end()
        return ":" if match.string[end : end + 1] == " " else "\\:"
    if char == "@":  # only inside a word, where docutils would see an e-mail address
        start = match.start()
        return "\\@" if start and not match.string[start - 1].isspace() else "@"
    if char in "\\*`|_{}":
        return "\\" + char
    return " " if char in _LINE_LIKE else REPLACEMENT


def escape_rst(text: str) -> str:
    """``text`` as one line of reST inline text that renders to exactly ``text``.

    Safe at the start of a paragraph, a field body, a list item or a title, and in the middle of
    a line. Line breaks become spaces; surrounding whitespace is dropped.
    """
    if "\n" in text:
        text = text.replace("\n", " ")
    text = text.strip()
    first = text[:1]
    escaped = _INLINE.sub(_replace, text)
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


def title(text: str, adornment: str, *, overline: bool = False) -> str:
    """A section title: the escaped ``text`` under (and, with ``overline``, over) a rule.

    The rule is made of ``adornment`` and is as wide as the escaped line in display columns.
    Raises :class:`ValueError` for text that is empty once stripped: reST has no empty titles.
    """
    line = escape_rst(text)
    if not line:
        raise ValueError("a reST title cannot be empty")
    rule = adornment * max(column_width(line), 1)
    return f"{rule}\n{line}\n{rule}" if overline else f"{line}\n{rule}"


def literal_block(text: str, indent: str = "    ") -> str:
    """The lines of ``text`` indented for a literal block (after a ``::`` paragraph).

    The content is taken literally by docutils, so only invalid characters are replaced; blank
    lines stay blank (no trailing whitespace).
    """
    lines = replace_invalid(text).split("\n")
    return "\n".join(indent + line if line.strip() else "" for line in lines)


def line_block(text: str, indent: str = "") -> str:
    """``text`` as a reST line block (``| line``), one escaped line per line of text.

    Blank lines inside the text become empty line-block lines (``|``); blank lines before the
    first and after the last line of text are dropped.
    """
    rows = []
    for line in text.strip("\n").split("\n"):
        escaped = escape_rst(line)
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


def emphasize(text: str, start: int, end: int) -> str:
    """``text`` escaped as by :func:`escape_rst`, with ``text[start:end]`` in ``*…*``.

    Without emphasis when docutils would not read it as emphasis of exactly that span, or when
    ``text`` has surrounding whitespace or line breaks.
    """
    # Decide on the characters that will be printed: an invalid one becomes U+FFFD or a space
    # (str.isspace calls U+001F a space, docutils sees U+FFFD), a tab a space.
    if (
        text != text.strip()
        or "\n" in text
        or not can_emphasize(replace_invalid(text).replace("\t", " "), start, end)
    ):
        return escape_rst(text)
    head = _INLINE.sub(_replace, text[:start])
    middle = _INLINE.sub(_replace, text[start:end])
    tail = _INLINE.sub(_replace, text[end:])
    if (
        head
        and head[:1] != "\\"
        and (head[:1] in _LINE_START_PUNCTUATION or _ENUMERATOR.match(text))
    ):
        head = "\\" + head
    return f"{head}*{middle}*{tail}"
