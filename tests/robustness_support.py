"""Checks and generators shared by the robustness tests, the fuzz runner and the scale benchmark.

Validity of each output format is judged by the tool a consumer would use on it:

- reST: docutils (``publish_doctree`` with every message reported and none halting, file
  insertion and raw content disabled) must produce no ``system_message`` node;
- Markdown: markdown-it-py (CommonMark) must produce no raw-HTML token except the renderer's own
  ``<!-- embed -->``/``<!-- aside KIND -->`` marker comments; standalone front matter must load
  with ``yaml.safe_load`` as a mapping whose ``title`` is the headline;
- HTML: html5lib's strict parser must report no parse error; the JSON-LD must load as JSON;
- JSON: ``json.loads``;
- every format: no control character but tab and newline, no lone surrogate, no U+FFFE/U+FFFF.

"Every word reaches every output" is checked on the text a reader sees, not on the markup: the
Markdown rendered by markdown-it-py, the HTML's text nodes, the reST document's ``astext()``, the
JSON's string values. A word is a maximal run of characters for which ``str.isalnum()`` holds
(letters and digits of any script), taken after the normalisation the decoder applies
(:func:`newsconvert.source.normalise_text`), so that a removed control character does not split
a word differently in the input and the output.
"""

from __future__ import annotations

import calendar
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import html5lib
import yaml
from docutils import nodes
from docutils.core import publish_doctree
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsconvert.errors import NewsconvertError
from newsconvert.parser import parse
from newsconvert.renderers import render
from newsconvert.source import normalise_text
from newsconvert.tree import HIDDEN_ASIDES, Article, Aside

FORMATS = ("md", "html", "rst", "json")

_WORD = re.compile(r"[^\W_]+")
_MARKER_COMMENT = re.compile(
    r"<!-- (?:embed|no headline|aside [a-z]+|hidden [a-z]+: [^\n<>{}]*) -->\n?"
)  # hidden asides' text is inert: no line break, no markup, no braces (escape/comment.py)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
_MARKDOWN = MarkdownIt("commonmark")
_DOCUTILS_SETTINGS = {
    "report_level": 1,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "warning_stream": io.StringIO(),
}


class InvalidOutput(AssertionError):
    """An output that its format's own tools reject, or that lost a word."""


def words(text: str) -> Counter[str]:
    """The multiset of words in ``text`` (see the module docstring)."""
    return Counter(_WORD.findall(normalise_text(text)))


def missing_words(expected: Counter[str], found: Counter[str]) -> Counter[str]:
    """The words (with multiplicity) of ``expected`` that ``found`` lacks."""
    return expected - found


# --- reStructuredText ------------------------------------------------------------------------


# Two sections with the same heading (two "Background" sections) make docutils note, at INFO
# level, that the second heading's implicit link target duplicates the first. That is the one
# message reST cannot avoid for a faithful rendering, and Sphinx does not report it either.
_DUPLICATE_HEADING = re.compile(r"Duplicate implicit target name: .*")


def rst_messages(source: str) -> list[str]:
    """Every system message docutils reports for ``source`` (at any level), as text.

    The one exception is the INFO note about two sections with the same heading.
    """
    return rst_read(source)[0]


def rst_read(source: str) -> tuple[list[str], str]:
    """``(system messages as in rst_messages, the text a reader sees)`` for ``source``."""
    settings = dict(_DOCUTILS_SETTINGS, warning_stream=io.StringIO())
    doctree = publish_doctree(source, settings_overrides=settings)
    found = []
    for message in doctree.findall(nodes.system_message):
        text = message.astext()
        if message["level"] == 1 and _DUPLICATE_HEADING.search(text):
            continue
        found.append(text)
    return found, doctree.astext()


# --- Markdown --------------------------------------------------------------------------------


def split_front_matter(markdown: str) -> tuple[dict[str, Any] | None, str]:
    """``(front matter mapping or None, body)`` of a Markdown document."""
    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return None, markdown
    data = yaml.safe_load(match.group(1))
    if not isinstance(data, dict):
        raise InvalidOutput(f"front matter is not a mapping: {data!r}")
    return data, markdown[match.end() :]


def markdown_raw_html(markdown: str) -> list[str]:
    """Raw-HTML tokens in ``markdown`` other than the renderer's own marker comments."""
    found: list[str] = []
    for token in _walk_tokens(_MARKDOWN.parse(markdown)):
        if token.type == "html_block" and _MARKER_COMMENT.fullmatch(token.content):
            continue
        if token.type in ("html_block", "html_inline"):
            found.append(token.content)
    return found


def _walk_tokens(tokens: list[Any]) -> Iterator[Any]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk_tokens(token.children)


def markdown_text(markdown: str) -> str:
    """The text a reader of the Markdown sees: markdown-it-py's HTML, reduced to text."""
    return html_text(_MARKDOWN.render(markdown), fragment=True)


# --- HTML ------------------------------------------------------------------------------------


def html_errors(document: str, *, fragment: bool = False) -> list[str]:
    """Parse errors html5lib reports for ``document`` (empty when it is valid)."""
    return html_read(document, fragment=fragment)[0]


def html_text(document: str, *, fragment: bool = False) -> str:
    """The text nodes of ``document`` (scripts and styles left out), joined by spaces."""
    return html_read(document, fragment=fragment)[1]


def html_read(document: str, *, fragment: bool = False) -> tuple[list[str], str]:
    """``(html5lib's parse errors, the text nodes outside scripts and styles)``."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    root = parser.parseFragment(document) if fragment else parser.parse(document)
    errors = [f"{position}: {code} {data}" for position, code, data in parser.errors]
    parts: list[str] = []

    def visit(element: Any) -> None:
        if not (isinstance(element.tag, str) and element.tag in ("script", "style")):
            if element.text:
                parts.append(element.text)
            for child in element:
                visit(child)
        if element.tail:
            parts.append(element.tail)

    if fragment:
        if root.text:
            parts.append(root.text)
        for child in root:
            visit(child)
    else:
        visit(root)
    return errors, " ".join(parts)


# --- JSON ------------------------------------------------------------------------------------


def json_strings(value: Any) -> Iterator[str]:
    """Every string in a loaded JSON value (keys left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


# --- All formats -----------------------------------------------------------------------------


@dataclass
class Outputs:
    """One article rendered in every format, fragment and standalone."""

    article: Article
    fragments: dict[str, str]
    documents: dict[str, str]


def render_all(article: Article) -> Outputs:
    """Render ``article`` to every format, as a fragment and as a standalone document."""
    return Outputs(
        article,
        {fmt: render(article, fmt) for fmt in FORMATS},
        {fmt: render(article, fmt, standalone=True) for fmt in FORMATS},
    )


def tree_texts(article: Article, *, hidden: bool = True) -> list[str]:
    """Every text the tree holds (fields derived from a text, such as a byline's names, left
    out): what "no word is lost" is counted on. ``hidden=False`` leaves out the asides the
    renderers hide (chrome, duplicates)."""
    texts = [article.headline.text] if article.headline else []
    for node in (article.kicker, article.standfirst, article.published, article.dateline):
        if node is not None:
            texts.append(node.text)
    texts += [node.text for node in (*article.updated, *article.bylines, *article.credits)]
    for section in article.sections:
        if section.heading is not None:
            texts.append(section.heading.text)
        texts += [
            block.text
            for block in section.blocks
            if hidden or not (isinstance(block, Aside) and block.kind in HIDDEN_ASIDES)
        ]
    return texts


def hidden_words(article: Article) -> Counter[str]:
    """Words of the asides the renderers leave out by default (chrome, duplicates)."""
    total: Counter[str] = Counter()
    for block in article.blocks():
        if isinstance(block, Aside) and block.kind in HIDDEN_ASIDES:
            total += words(block.text)
    return total


# Characters no output may hold: C0 controls but tab and newline (invalid in XML, markup noise in
# Markdown and reST), DEL and C1 controls, lone surrogates (not encodable as UTF-8) and the
# non-characters U+FFFE/U+FFFF (invalid in XML).
_INVALID_IN_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def assert_clean_characters(fmt: str, output: str) -> None:
    """Raise :class:`InvalidOutput` if ``output`` holds a character no output may hold."""
    bad = _INVALID_IN_OUTPUT.search(output)
    if bad is not None:
        raise InvalidOutput(f"{fmt} holds U+{ord(bad.group()):04X} at {bad.start()}")


def visible_text(fmt: str, output: str, *, standalone: bool) -> str:
    """The reader-visible text of one output, checking its validity on the way."""
    assert_clean_characters(fmt, output)
    if fmt == "rst":
        messages, text = rst_read(output)
        if messages:
            raise InvalidOutput(f"docutils reported {messages!r} for:\n{output}")
        return text
    if fmt == "md":
        front, body = split_front_matter(output) if standalone else (None, output)
        if standalone and front is None:
            raise InvalidOutput(f"standalone Markdown without front matter:\n{output}")
        raw = markdown_raw_html(body)
        if raw:
            raise InvalidOutput(f"raw HTML {raw!r} in Markdown:\n{output}")
        return markdown_text(body)
    if fmt == "html":
        errors, text = html_read(output, fragment=not standalone)
        if errors:
            raise InvalidOutput(f"html5lib reported {errors!r} for:\n{output}")
        if standalone:
            for script in _JSON_LD.findall(output):
                json.loads(script)
        return text
    return " ".join(json_strings(json.loads(output)))


def check_outputs(text: str, outputs: Outputs) -> None:
    """Assert every output of ``text`` is valid in its format and holds every word of ``text``.

    Words of chrome and duplicate asides may be missing from Markdown, HTML and reST (they are
    left out by default), never from JSON.
    """
    expected = words(text)
    visible = expected - hidden_words(outputs.article)
    for standalone, rendered in ((False, outputs.fragments), (True, outputs.documents)):
        for fmt, output in rendered.items():
            seen = words(visible_text(fmt, output, standalone=standalone))
            wanted = expected if fmt == "json" else visible
            lost = missing_words(wanted, seen)
            if lost:
                kind = "standalone" if standalone else "fragment"
                raise InvalidOutput(f"{fmt} {kind} lost {dict(lost)!r}:\n{output}")
    front, _ = split_front_matter(outputs.documents["md"])
    assert front is not None and front["title"] == outputs.article.title_label


def parse_or_error(text: str) -> Article | None:
    """``parse(text)``, or ``None`` when it raises :class:`NewsconvertError` (and only that)."""
    try:
        return parse(text, source="<generated>")
    except NewsconvertError as error:
        assert "\n" not in str(error), f"a multi-line error: {error!r}"
        assert error.source == "<generated>"
        return None


# --- Generated articles ----------------------------------------------------------------------
# Strategies that compose the structures of FORMAT.md, in each of its layouts, so that the
# properties run over text that exercises the recognisers and not only the paragraph fallback.

# Latin with diacritics, Greek (alpha, beta, gamma) and Cyrillic letters.
_LETTERS = "abcdefghijklmnopqrstuvwxyzéüçñøß\u03b1\u03b2\u03b3жщ"
MONTHS = tuple(calendar.month_name)[1:]  # English in the C locale the tests run in
WEEKDAYS = tuple(calendar.day_name)

word = st.text(alphabet=_LETTERS, min_size=1, max_size=9)
number = st.integers(min_value=0, max_value=99999).map(str)
name = st.builds(
    lambda first, last: f"{first.capitalize()} {last.capitalize()}",
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
)
_PUNCTUATION = st.sampled_from(["", "", "", ",", ";", ":", " -", " —", "'s", "!", "?"])
_MARKUP = st.sampled_from(["", "", "", "", "*", "_", "`", "<b>", "&amp;", "[x]", "|", "{{", "#"])


@st.composite
def sentence(draw: st.DrawFn, *, end: str = ".") -> str:
    """A sentence: capitalised words, some punctuation and the odd markup character."""
    count = draw(st.integers(min_value=2, max_value=14))
    parts = []
    for index in range(count):
        token = draw(st.one_of(word, word, word, number, name))
        if index == 0:
            token = token[:1].upper() + token[1:]
        parts.append(draw(_MARKUP) + token + draw(_PUNCTUATION))
    return " ".join(parts) + end


headline = st.builds(
    lambda ws: " ".join(w.capitalize() for w in ws), st.lists(word, min_size=3, max_size=10)
)
heading = st.builds(lambda ws: " ".join(ws).capitalize(), st.lists(word, min_size=2, max_size=5))
kicker = st.sampled_from(["International", "East Asia Pacific", "Business", "Sport", "Politics"])
paragraph = st.builds(" ".join, st.lists(sentence(), min_size=1, max_size=4))


@st.composite
def timestamp(draw: st.DrawFn, *, label: str = "Published") -> str:
    """A timestamp line in one of FORMAT.md's forms, for a real date."""
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    zone = draw(st.sampled_from(["IST", "GMT", "UTC", "ET", "BST", "CET", "PST", ""]))
    month, year = MONTHS[day.month - 1], day.year
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10 if day.day // 10 != 1 else 0, "th")
    twelve = f"{(hour % 12) or 12}:{minute:02d}"
    meridiem = "am" if hour < 12 else "pm"
    z = f" {zone}" if zone else ""
    forms = [
        f"{label} {hour:02d}:{minute:02d}{z}, {month} {day.day}{suffix} {year}",
        f"{label} - {month} {day.day}, {year} {twelve} {meridiem}{z}",
        f"{label}:{month} {day.day}, {year}, {twelve} {meridiem.upper()}{z}",
        f"{label}: {twelve}{meridiem}, {day.day} {month[:3]}, {year}",
        f"{label} {month[:3]} {day.day}, {year} at {twelve}{meridiem}",
        f"{month} {day.day}, {year} {twelve} {meridiem.upper()}",
        f"{WEEKDAYS[day.weekday()]}, {day.day} {month} {year} - {hour:02d}:{minute:02d}",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def quotation(draw: st.DrawFn) -> str:
    """A paragraph that is mostly a direct quotation, attributed before or after."""
    quote = draw(sentence(end=""))
    speaker = draw(name)
    verb = draw(st.sampled_from(["said", "wrote", "told reporters", "added"]))
    if draw(st.booleans()):
        return f"“{quote},” {speaker} {verb}."
    return f"{speaker} {verb}, “{quote}.”"


bullet_list = st.builds(
    lambda marker, items: "\n".join(f"{marker}{item}" for item in items),
    st.sampled_from(["- ", "• ", "■ ", " - "]),
    st.lists(sentence(), min_size=2, max_size=5),
)
credit = st.one_of(
    st.sampled_from(["(With AP inputs)", "(With inputs from agencies)", "(PTI)", "Reuter"]),
    st.builds(lambda a, b: f"(Reporting by {a}; Editing by {b})", name, name),
)
byline = st.builds(lambda n: f"By {n}", name)
LAYOUTS = ("line", "blank", "indented", "crlf")


def _hard_wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for token in text.split(" "):
        if current and len(current) + 1 + len(token) > width:
            lines.append(current)
            current = token
        else:
            current = f"{current} {token}" if current else token
    lines.append(current)
    return lines


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """A whole article: optional kicker and timestamps, headline, standfirst, body, credits."""
    front: list[str] = []
    if draw(st.booleans()):
        front.append(draw(timestamp()))
    if draw(st.integers(0, 3)) == 0:
        front.append(draw(kicker))
    front.append(draw(headline))
    if draw(st.booleans()):
        front.append(draw(sentence()))
    if draw(st.booleans()):
        front.append(draw(byline))
    body: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        body.append(
            draw(st.one_of(paragraph, paragraph, paragraph, quotation(), heading, bullet_list))
        )
    tail: list[str] = []
    if draw(st.booleans()):
        tail.append(draw(credit))
    if draw(st.booleans()):
        tail.append(draw(timestamp(label="Updated")))
    layout = draw(st.sampled_from(LAYOUTS))
    blocks = front + body + tail
    if layout == "indented":
        width = draw(st.integers(40, 72))
        wrapped = []
        for block in blocks:
            if block.count("\n") or len(block) <= width:
                wrapped.append(block)
            else:
                lines = _hard_wrap(block, width)
                wrapped.append("\n".join(["    " + lines[0], *lines[1:]]))
        text = "\n".join(wrapped)
    elif layout == "blank":
        text = "\n\n".join(blocks)
    else:
        text = "\n".join(blocks)
    if layout == "crlf":
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text += "\r\n" if layout == "crlf" else "\n"
    return text


# Arbitrary text: every code point, surrogates and controls included.
any_character = st.characters(codec=None, exclude_categories=())
arbitrary_text = st.text(any_character, max_size=400)
MARKUP_ALPHABET = "<>&*_`[]()#>!|:.-=+{}%\\\"' \n\tabcXYZ019“”@/;~^$"
markup_text = st.text(
    st.one_of(st.sampled_from(list(MARKUP_ALPHABET)), any_character), max_size=400
)
markup_lines = st.builds(
    "\n".join,
    st.lists(
        st.text(st.sampled_from(list(MARKUP_ALPHABET.replace("\n", ""))), max_size=40),
        min_size=1,
        max_size=12,
    ),
)
