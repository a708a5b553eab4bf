"""Escaping text for CommonMark, so that article text never becomes Markdown markup.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-escape-markdown`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from newsconvert.escape.characters import INVALID_CLASS, replace_invalid, replacement_of
from newsconvert.escape.specials import in_turn, replace_in_turn
from newsconvert.patterns import LazyPattern

INLINE_SPECIALS = "\\`*_[]<>#|~&{}\t"
"""Characters escaped wherever they stand (``&`` only before what reads as a reference)."""

PORTABLE_ESCAPES = frozenset("\\`*_{}[]()>#+-.!")
"""Characters whose backslash escape CommonMark, Python-Markdown and kramdown all read as the
bare character; this module backslash-escapes no other."""

# A tab too: Python-Markdown expands tabs to spaces before parsing.
_REFERENCES = {"<": "&lt;", "|": "&#124;", "~": "&#126;", "\t": "&#9;"}
_ESCAPES: dict[str, str] = {
    char: _REFERENCES.get(char, "\\" + char) for char in INLINE_SPECIALS if char != "&"
}
# An "&" followed by what would make it a character reference in any of the engines (they all
# require the semicolon): only then does the "&" itself need escaping.
_REFERENCE = LazyPattern(r"&(?=#?[0-9A-Za-z]+;)")
# One character class (not an alternation): the regular-expression engine scans it fastest.
_INLINE = LazyPattern("[" + re.escape(INLINE_SPECIALS) + INVALID_CLASS + "]")
# For text without invalid characters (see newsconvert.escape.specials): "&" first, decided on
# the text as written (before "<" becomes "&lt;"), then the others one after another.
_IN_TURN = in_turn(_ESCAPES)
_LINE_START_SPECIALS = frozenset("-+")
"""Characters that are markup at the start of a line: list bullets (and ``=``, setext
underlines, which gets a reference instead: Python-Markdown prints the backslash of ``\\=``)."""
_ORDERED_MARKER = LazyPattern(r"(\d{1,9})([.)])")

DIALECTS = ("hugo", "jekyll", "pelican", "mkdocs", "zola")
"""The site generators whose Markdown engine :func:`escape_markdown` can escape for."""

_DEFINITION = LazyPattern(r":[ \t]|:$")
_PYTHON_MARKDOWN_BLOCKS = {"!!!": "&#33;", "???": "&#63;", "///": "&#47;"}
_PYTHON_MARKDOWN = frozenset({"mkdocs", "pelican"})


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    escaped = _ESCAPES.get(char)
    if escaped is not None:
        return escaped
    if char == "&":
        return "&amp;" if _REFERENCE.match(match.string, match.start()) else "&"
    return replacement_of(char)


def _escape_specials(text: str) -> str:
    """What ``_INLINE.sub(_replace, text)`` gives for ``text`` without invalid characters."""
    if "&" in text:
        text = _REFERENCE.sub("&amp;", text)
    return replace_in_turn(text, _IN_TURN)


def _escape_span(text: str, checked: bool = False) -> str:
    """Inline specials and invalid characters (unless ``checked``: there are none) escaped; no
    stripping, no line-start rules."""
    if "\n" in text:
        text = text.replace("\n", " ")
    escaped = _escape_specials(text) if checked else _INLINE.sub(_replace, text)
    if "{%" in text:
        # "\{%" still holds "{%" for Jinja and Liquid, which know nothing of backslashes.
        escaped = escaped.replace("\\{%", "\\{&#37;")
    return escaped


def _escape_line_start(escaped: str) -> str:
    first = escaped[:1]
    if first in _LINE_START_SPECIALS:
        return "\\" + escaped
    if first == "=":
        return "&#61;" + escaped[1:]
    if first.isdigit():
        marker = _ORDERED_MARKER.match(escaped)
        if marker is not None:
            end = marker.end(1)
            return escaped[:end] + "\\" + escaped[end:]
    return escaped


def _for_dialect(escaped: str, dialect: str) -> str:
    """``escaped`` (CommonMark-safe) made safe for ``dialect``'s engine too (see the module doc)."""
    if dialect == "jekyll" and "$" in escaped:
        escaped = escaped.replace("$", "\\$")
    if _DEFINITION.match(escaped):
        return "&#58;" + escaped[1:]
    if dialect in _PYTHON_MARKDOWN:
        reference = _PYTHON_MARKDOWN_BLOCKS.get(escaped[:3])
        if reference is not None:
            return reference + escaped[1:]
    return escaped


def escape_markdown(text: str, dialect: str | None = None, *, checked: bool = False) -> str:
    """``text`` as one line of CommonMark inline content that renders to exactly ``text``.

    Safe at the start of a line (``# x``, ``- x``, ``1. x``, ``> x``, ``===`` stay literal) and
    in the middle of one. Line breaks become spaces; surrounding whitespace is dropped. With a
    ``dialect`` (a name in :data:`DIALECTS`), also safe in that generator's engine. ``checked``
    says that ``text`` holds no invalid character (see
    :attr:`newsconvert.tree.Article.characters_checked`): the same result, found faster.
    """
    escaped = _escape_line_start(_escape_span(text.strip(), checked))
    return escaped if dialect is None else _for_dialect(escaped, dialect)


def emphasize(
    text: str, start: int, end: int, dialect: str | None = None, *, checked: bool = False
) -> str:
    """``text`` escaped as by :func:`escape_markdown`, with ``text[start:end]`` in ``*…*``.

    When CommonMark would not read the asterisks as emphasis of exactly that span (see
    :func:`can_emphasize`), or ``text`` has surrounding whitespace, the text is returned without
    emphasis: the words always survive, the highlight is a bonus.
    """
    # Decide on the characters that will be printed (an invalid one becomes U+FFFD or a space).
    printed = text if checked else replace_invalid(text)
    if text != text.strip() or "\n" in text or not can_emphasize(printed, start, end):
        return escape_markdown(text, dialect, checked=checked)
    head = _escape_span(text[:start], checked)
    middle = _escape_span(text[start:end], checked)
    tail = _escape_span(text[end:], checked)
    escaped = _escape_line_start(f"{head}*{middle}*{tail}")
    return escaped if dialect is None else _for_dialect(escaped, dialect)


def escape_lines(text: str, dialect: str | None = None, *, checked: bool = False) -> list[str]:
    """Each line of ``text`` escaped with :func:`escape_markdown`, blank lines dropped.

    For text whose line breaks carry meaning (a flattened social-media post): the caller joins
    the lines with hard breaks or puts each in its own paragraph.
    """
    lines = [escape_markdown(line, dialect, checked=checked) for line in text.split("\n")]
    return [line for line in lines if line]


def can_emphasize(text: str, start: int, end: int) -> bool:
    """Whether ``*`` around ``text[start:end]`` makes CommonMark emphasis of exactly that span.

    CommonMark's flanking rules: the opening ``*`` must not be followed by whitespace, the
    closing one not preceded by it, and an inner punctuation character next to a delimiter needs
    whitespace or punctuation on the delimiter's outer side. When in doubt the answer is no.
    """
    if start >= end:
        return False
    inner_first, inner_last = text[start], text[end - 1]
    if inner_first.isspace() or inner_last.isspace():
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # Inner characters count as punctuation unless surely not (the strict side for them); outer
    # ones only when surely so.
    if _maybe_punctuation(inner_first) and not (_is_space(before) or _is_punctuation(before)):
        return False
    return not (_maybe_punctuation(inner_last) and not (_is_space(after) or _is_punctuation(after)))


def _maybe_punctuation(char: str) -> bool:
    # Letters, digits and combining marks never are: a Devanagari vowel sign (ा, U+093E) or
    # virama is a mark, and a word that ends in one must still take emphasis.
    return unicodedata.category(char)[0] not in "LNM"


def _is_punctuation(char: str) -> bool:
    # CommonMark 0.31: ASCII punctuation and Unicode categories P* and S*.
    return unicodedata.category(char)[0] in "PS"


def _is_space(char: str) -> bool:
    # CommonMark's Unicode whitespace: category Zs, tab, line feed, form feed, carriage return.
    return char in "\t\n\x0c\r" or unicodedata.category(char) == "Zs"


def code_fence(text: str, *, checked: bool = False) -> str:
    """``text`` as a fenced code block whose content is exactly ``text``, line for line.

    The fence is one backtick longer than the longest run of backticks in the text, so no line of
    the text can close it; invalid characters are replaced (see
    :func:`~newsconvert.escape.characters.replace_invalid`) unless ``checked``.
    """
    if not checked:
        text = replace_invalid(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = text if text.endswith("\n") or not text else text + "\n"
    return f"{fence}\n{body}{fence}"


def _emphasize_span(
    text: str,
    span: tuple[int, int] | None,
    dialect: str | None = None,
    *,
    checked: bool = False,
) -> str:
    if span:
        return emphasize(text, span[0], span[1], dialect, checked=checked)
    return escape_markdown(text, dialect, checked=checked)


def dialect_filters(dialect: str | None, *, checked: bool = False) -> dict[str, Any]:
    """The Jinja filters of the Markdown templates, escaping for ``dialect`` (a name in
    :data:`DIALECTS`) too if given; for text known to hold no invalid character if ``checked``
    (see :attr:`newsconvert.tree.Article.characters_checked`)."""
    # Closures rather than functools.partial: a partial with keywords copies them into a new
    # dictionary on every call, which costs more than the escaping of a short text.

    def md(text: str) -> str:
        return escape_markdown(text, dialect, checked=checked)

    def md_emphasize(text: str, span: tuple[int, int] | None) -> str:
        return _emphasize_span(text, span, dialect, checked=checked)

    def md_lines(text: str) -> list[str]:
        return escape_lines(text, dialect, checked=checked)

    def md_fence(text: str) -> str:
        return code_fence(text, checked=checked)

    return {"md": md, "md_emphasize": md_emphasize, "md_lines": md_lines, "md_fence": md_fence}


FILTERS = dialect_filters(None)
"""The Jinja filters of the Markdown templates (see :mod:`newsconvert.formats`)."""

CHECKED_FILTERS = dialect_filters(None, checked=True)
""":data:`FILTERS` for text known to hold no invalid character (see
:attr:`newsconvert.tree.Article.characters_checked`)."""
