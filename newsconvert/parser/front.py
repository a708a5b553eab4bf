"""The front of an article: kicker, headline, standfirst, and the metadata around them.

Rules, in the order they are tried on each chunk before the body starts:

1. a timestamp line (``Published …``, a bare date) is metadata;
2. a byline (``By …``, ``Written By`` + a name line) is metadata;
3. page chrome and photo captions are set aside;
4. the first chunk that *reads as a title* is the headline (``first-title-line``); a short title
   line right before a longer one is a kicker (``short-title-before-title``);
5. after the headline, a chunk is the standfirst when more front matter follows it
   (``between-headline-and-metadata``) or when the next paragraph repeats it
   (``repeated-by-first-paragraph``).

The first chunk that fits none of these starts the body. Text with no title line at all (body
text scraped without its headline) takes its first paragraph as the headline, with a diagnostic,
so that nothing is lost and the guess is visible.
"""

from __future__ import annotations

from newsconvert.errors import NewsconvertError, ParseError
from newsconvert.parser.asides import is_caption, is_chrome
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.bylines import is_byline_label, parse_byline
from newsconvert.parser.credits import match_credit
from newsconvert.parser.datelines import match_dateline
from newsconvert.parser.layouts import Chunk
from newsconvert.parser.metadata import take_byline, take_timestamp
from newsconvert.parser.timestamps import may_be_timestamp, parse_timestamp
from newsconvert.parser.timezones import ZoneTable
from newsconvert.tree import Aside, AsideKind, Headline, Kicker, Standfirst

FRONT_LIMIT = 12
"""Chunks examined before the body must have started (keeps the front search bounded)."""

MAX_TITLE_LENGTH = 200
MAX_TITLE_WORDS = 30
MAX_KICKER_WORDS = 6
MAX_STANDFIRST_LENGTH = 500
REPEAT_OVERLAP = 0.6
"""Share of a standfirst's words the first paragraph's opening must repeat to count as a repeat."""


def reads_as_title(text: str) -> bool:
    """Whether ``text`` reads as a title: short, and not ending like a sentence or a lead-in.

    A final full stop disqualifies, except after an abbreviation (``… talks with U.S.``).
    """
    if len(text) > MAX_TITLE_LENGTH or text.count(" ") >= MAX_TITLE_WORDS:
        return False
    last = text[-1]
    if last in ",;:-\u2013\u2014":
        return False
    if last == ".":
        final_word = text.rsplit(" ", 1)[-1]
        if final_word.count(".") < 2 or final_word.endswith(".."):
            return False
    if text[0].islower() and not any(c.isupper() for c in text.split(" ", 1)[0]):
        return False
    return any(c.isalpha() for c in text)


# Words a rubric may hold in lowercase: ``CommBank Test Series v India``, ``Sport & Leisure``.
_KICKER_CONNECTORS = frozenset(
    ["v", "vs", "vs.", "v.", "of", "and", "&", "the", "in", "on", "at", "for", "de"]
)


def is_kicker_shaped(text: str) -> bool:
    """Whether ``text`` reads as a rubric: a few words, each capitalised or a connector.

    A headline is a sentence fragment with lowercase verbs and nouns (``Chelsea clinch cup``);
    a rubric names a section or series (``East Asia Pacific``, ``CommBank Test Series v India``).
    """
    if text.count(" ") >= MAX_KICKER_WORDS * 2:
        return False  # too many words whatever the spacing; saves the split
    words = text.split()
    if len(words) > MAX_KICKER_WORDS:
        return False
    # The capitals first: they rule out most headlines (``Chelsea clinch cup``) for less than
    # the title test costs.
    return all(
        word[0].isupper() or word[0].isdigit() or word in _KICKER_CONNECTORS for word in words
    ) and reads_as_title(text)


def _is_repeated_by(candidate: str, following: str) -> bool:
    """Whether ``following`` opens with (nearly) the words of ``candidate``.

    Words are compared with their punctuation: a repeated sentence repeats that too, and
    splitting on whitespace is several times cheaper than a word pattern.
    """
    if len(following) <= len(candidate) // 2:
        return False
    words = candidate.lower().split()
    if len(words) < 5:
        return False
    opening = set(following[: len(candidate) * 3 // 2 + 20].lower().split())
    shared = sum(map(opening.__contains__, words))  # True counts 1; no Python-level loop
    return shared >= len(words) * REPEAT_OVERLAP


def _may_be_credit(title: str) -> bool:
    """Whether a title-shaped line could be a credit: bracketed, dashed or one word."""
    return title[0] in "(-\u2013\u2014" or " " not in title


def _is_metadata(chunk: Chunk, zones: ZoneTable) -> bool:
    """Whether ``chunk`` is a timestamp or byline (without placing it)."""
    text = chunk.text
    if chunk.kind != "text" or len(text) > MAX_TITLE_LENGTH:
        return False
    if is_byline_label(text) or parse_byline(text) is not None:
        return True
    try:
        return may_be_timestamp(text) and parse_timestamp(text, zones=zones) is not None
    except NewsconvertError:
        return True


def _is_standfirst(chunks: list[Chunk], index: int, zones: ZoneTable) -> str | None:
    """The rule by which ``chunks[index]`` is a standfirst, or ``None``."""
    chunk = chunks[index]
    if chunk.kind != "text" or len(chunk.text) > MAX_STANDFIRST_LENGTH:
        return None
    following = chunks[index + 1] if index + 1 < len(chunks) else None
    if following is None or following.kind != "text":
        return None
    if _is_repeated_by(chunk.text, following.text):
        return "repeated-by-first-paragraph"
    if _is_metadata(following, zones) and match_dateline(chunk.text) is None:
        # Only front matter: the body must go on after the metadata (an ``Updated`` line at
        # the end of a one-paragraph story does not make that paragraph a standfirst).
        after = index + 2
        while (
            after < len(chunks)
            and after < index + FRONT_LIMIT
            and _is_metadata(chunks[after], zones)
        ):
            after += 1
        if after < len(chunks):
            return "between-headline-and-metadata"
    return None


MENU_RUN = 3
"""Consecutive one-to-three-word lines before the headline that make a navigation menu."""
MAX_MENU_ITEM_LENGTH = 30


def _is_menu_item(chunk: Chunk) -> bool:
    text = chunk.text
    return (
        chunk.kind == "text"
        and len(text) <= MAX_MENU_ITEM_LENGTH
        and text.count(" ") < 3
        and text[-1] not in '.;:!?"\u201d'
        and "," not in text
        and not any(c.isdigit() for c in text)  # a date or a score is not a menu entry
    )


def _menu_run_end(chunks: list[Chunk], index: int, zones: ZoneTable) -> int:
    """The end of a run of menu items starting at ``index`` (``index`` itself when none).

    ``Home`` / ``News`` / ``Sport`` / ``Weather`` one a line above the headline: three or more
    such lines in a row, followed by a title, are a menu, where one or two would be a kicker
    and a headline.
    """
    end = index
    while end < len(chunks) and _is_menu_item(chunks[end]):
        end += 1
    if end - index < MENU_RUN or end >= len(chunks):
        return index
    following = chunks[end]
    # Only a menu above a headline: the line after it must read as a title (a timestamp or a
    # byline reads as one too, but then the short lines were a kicker, headline and body).
    if following.kind == "text" and reads_as_title(following.text):
        return index if _is_metadata(following, zones) else end
    return index


def _set_aside(chunk: Chunk, builder: ArticleBuilder) -> bool:
    """Set page chrome or a photo caption aside; ``False`` if ``chunk`` is neither."""
    text = chunk.text
    if is_chrome(text):
        builder.add_block(Aside(text, AsideKind.CHROME, chunk.first))
        builder.mark(chunk.first, chunk.last, "chrome", "chrome-words-only")
        return True
    if is_caption(text):
        builder.add_block(Aside(text, AsideKind.CAPTION, chunk.first))
        builder.mark(chunk.first, chunk.last, "caption", "photo-caption")
        return True
    return False


def read_front(chunks: list[Chunk], builder: ArticleBuilder, zones: ZoneTable) -> int:
    """Place the front matter of ``chunks``; return the index of the first body chunk."""
    index = 0
    count = len(chunks)
    limit = min(count, FRONT_LIMIT)
    while index < limit:
        chunk = chunks[index]
        if chunk.kind != "text":
            break
        text = chunk.text
        if (
            chunk.first == chunk.last
            and may_be_timestamp(text)
            and take_timestamp(chunk, builder, zones, unlabelled=True)
        ):
            index += 1
            continue
        used = take_byline(chunks, index, builder)
        if used:
            index += used
            continue
        if _set_aside(chunk, builder):
            index += 1
            continue
        if builder.headline is None:
            menu_end = _menu_run_end(chunks, index, zones)
            if menu_end > index:
                for item in chunks[index:menu_end]:
                    builder.add_block(Aside(item.text, AsideKind.CHROME, item.first))
                    builder.mark(item.first, item.last, "chrome", "menu-items-before-headline")
                index = menu_end
                limit = min(count, max(limit, index + FRONT_LIMIT // 2))
                continue
            if not reads_as_title(text) or (_may_be_credit(text) and match_credit(text)):
                break
            following = chunks[index + 1] if index + 1 < count else None
            if (
                following is not None
                and following.kind == "text"
                and is_kicker_shaped(text)
                and following.text.count(" ") > text.count(" ")
                and reads_as_title(following.text)
                and not _is_metadata(following, zones)
            ):
                builder.kicker = Kicker(text, chunk.first)
                builder.mark(chunk.first, chunk.last, "kicker", "short-title-before-title")
                builder.headline = Headline(following.text, following.first)
                builder.mark(following.first, following.last, "headline", "title-after-kicker")
                index += 2
                continue
            builder.headline = Headline(text, chunk.first)
            builder.mark(chunk.first, chunk.last, "headline", "first-title-line")
            index += 1
            continue
        if builder.standfirst is None:
            rule = _is_standfirst(chunks, index, zones)
            if rule is not None:
                builder.standfirst = Standfirst(text, chunk.first)
                builder.mark(chunk.first, chunk.last, "standfirst", rule)
                index += 1
                continue
        break
    if builder.headline is None:
        index = _fallback_headline(chunks, index, builder)
    return index


def _fallback_headline(chunks: list[Chunk], index: int, builder: ArticleBuilder) -> int:
    """Use the first paragraph as the headline when no line reads as a title."""
    for position in range(index, min(len(chunks), index + FRONT_LIMIT)):
        chunk = chunks[position]
        if chunk.kind != "text":
            continue
        text = chunk.text
        opened = match_dateline(text, line=chunk.first)
        if opened is not None and opened[1]:
            builder.dateline, text = opened
        builder.headline = Headline(text, chunk.first)
        builder.mark(chunk.first, chunk.last, "headline", "first-paragraph-fallback")
        builder.note(
            "no line reads as a title; the first paragraph is used as the headline",
            chunk.first,
            "headline.guess",
        )
        # Chunks skipped on the way (tables, list items) stay in the body, in order.
        del chunks[position]
        return index
    first = chunks[0].first if chunks else 1
    raise ParseError("no headline: no line of the text can serve as a title", line=first)
