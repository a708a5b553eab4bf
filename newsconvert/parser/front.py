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
text scraped without its headline) has no headline: none is invented, a diagnostic says so.
"""

from __future__ import annotations

import re

from newsconvert.errors import NewsconvertError
from newsconvert.parser.asides import is_caption, is_chrome
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.bylines import is_byline_label, parse_byline, split_glued_byline
from newsconvert.parser.credits import match_credit
from newsconvert.parser.datelines import match_dateline
from newsconvert.parser.layouts import Chunk
from newsconvert.parser.metadata import take_byline, take_meta_line, take_timestamp
from newsconvert.parser.timestamps import may_be_timestamp, parse_timestamp
from newsconvert.parser.timezones import ZoneTable
from newsconvert.parser.words import count_words
from newsconvert.tree import Aside, AsideKind, Byline, Headline, Kicker, Standfirst

FRONT_LIMIT = 12
"""Chunks examined before the body must have started (keeps the front search bounded)."""

MAX_TITLE_LENGTH = 200
MAX_TITLE_WORDS = 30
MAX_CASELESS_TITLE_WORDS = 40
"""Hindi and other scripts without capitals write postpositions as words: more words a title."""
MIN_HEADLINE_WORDS = 2
"""A one-word line (``दावा``, ``Highlights``) is a label or a section head, never a headline."""
MAX_KICKER_WORDS = 6
MAX_STANDFIRST_LENGTH = 500
REPEAT_OVERLAP = 0.6
"""Share of a standfirst's words the first paragraph's opening must repeat to count as a repeat."""


def reads_as_title(text: str) -> bool:
    """Whether ``text`` reads as a title: short, and not ending like a sentence or a lead-in.

    A final full stop disqualifies, except after an abbreviation (``… talks with U.S.``).
    """
    if len(text) > MAX_TITLE_LENGTH:
        return False
    spaces = text.count(" ")
    if spaces >= MAX_TITLE_WORDS and (
        spaces >= MAX_CASELESS_TITLE_WORDS or text[0].lower() != text[0].upper()
    ):
        return False
    last = text[-1]
    if last in ",;:-\u2013\u2014\u0964\u0965":  # ``।``, the danda, ends a Hindi sentence
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


# ``11:30 PM, 01-Oct-2021 …``: a live blog's entry opens with its time; no title does.
_OPENS_WITH_TIME = re.compile(r"\d{1,2}[:.]\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?[,\s]")


def may_be_headline(text: str) -> bool:
    """Whether ``text`` could be the headline: it reads as a title, has two words or more and
    does not open with a clock time. (Captions, chrome and metadata were set aside before.)"""
    return (
        reads_as_title(text)
        and count_words(text) >= MIN_HEADLINE_WORDS
        and _OPENS_WITH_TIME.match(text) is None
    )


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


MENU_RUN = 2
"""Consecutive one-to-three-word lines before the headline that make a navigation menu or a
breadcrumb trail (one of them at least must name a section: :data:`_SECTION_WORDS`)."""
MAX_MENU_ITEM_LENGTH = 30
# What menus and breadcrumb trails name: sections of a news site, in English and Hindi. A run of
# short lines none of which is a section name is not a menu (``Winners``/``Runners-up``/…).
_SECTION_WORDS_TEXT = """
    home news latest top world national nation international india local city cities states
    state politics business economy markets money finance tech technology science health
    sport sports cricket football tennis hockey entertainment bollywood hollywood movies
    music tv television lifestyle life style fashion food travel auto autos education career
    careers jobs opinion opinions editorial blogs blog videos video photos photo gallery
    weather astrology religion trending viral explained elections
    होम न्यूज़ न्यूज खबरें समाचार देश विदेश दुनिया राज्य शहर राजनीति बिजनेस बिज़नेस कारोबार
    खेल क्रिकेट मनोरंजन बॉलीवुड टेक लाइफस्टाइल सेहत धर्म करियर शिक्षा वीडियो फोटो
"""
_SECTION_WORDS = frozenset(_SECTION_WORDS_TEXT.split())
MIN_SLUG_WORDS = 3
SLUG_CAPITALS = 0.8
"""Share of a URL-slug title's words that are capitalised (``By election`` keeps one lower)."""


def _names_a_section(text: str) -> bool:
    """``Sports``, ``Hindi News``, ``देश``: every word a section word, or ``<X> News``."""
    words = text.lower().split()
    return all(word in _SECTION_WORDS for word in words) or (
        len(words) == 2 and words[1] in ("news", "न्यूज़", "न्यूज")
    )


def _is_slug_title(text: str, following: Chunk | None) -> bool:
    """The URL slug printed as a title after a breadcrumb trail: every word capitalised
    (``Jammu Kashmir Abdul Rashid Dar Says …``), in the Latin script, followed by the real
    headline in another script or in the same words."""
    if following is None or following.kind != "text" or not may_be_headline(following.text):
        return False
    words = text.split()
    if len(words) < MIN_SLUG_WORDS or not text.isascii():
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or word[0].isdigit())
    if capitalised < len(words) * SLUG_CAPITALS:
        return False
    headline = following.text
    if not headline.isascii():
        return True
    shared = set(headline.lower().split())
    return sum(word.lower() in shared for word in words) >= len(words) * REPEAT_OVERLAP


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
    if not any(_names_a_section(chunk.text) for chunk in chunks[index:end]):
        return index
    following = chunks[end]
    # Only a menu above a headline: the line after it must read as a title (a timestamp or a
    # byline reads as one too, but then the short lines were a kicker, headline and body).
    if following.kind == "text" and reads_as_title(following.text):
        return index if _is_metadata(following, zones) else end
    if _is_slug_title(following.text, chunks[end + 1] if end + 1 < len(chunks) else None):
        return end
    return index


def _name_with_role(text: str, headline: str, line: int) -> Byline | None:
    """``शशि थरूर, पूर्व केंद्रीय मंत्री`` under ``शशि थरूर का कॉलम: …``: a columnist's name and
    role without a ``By``, the name printed in the headline too (how a column names its writer)."""
    if "," not in text or len(text) > 100 or text[-1] in ".!?\u0964":
        return None
    byline = parse_byline(text, line=line, bare=True)
    if byline is None or len(byline.names) != 1 or byline.names[0] not in headline:
        return None
    return byline


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
        ) or take_meta_line(chunk, builder, zones):
            index += 1
            continue
        used = take_byline(chunks, index, builder)
        if used:
            index += used
            continue
        glued = split_glued_byline(text, line=chunk.first) if text[:3] in ("By ", "BY ") else None
        if glued is not None:
            # The name goes to the bylines, the text after it stays to be read as what it is.
            builder.bylines.append(glued[0])
            builder.mark(chunk.first, chunk.first, "byline", "byline-glued-to-text")
            chunks[index] = chunk._replace(text=glued[1])
            continue
        if _set_aside(chunk, builder):
            index += 1
            last = builder.blocks[-1]
            if (
                builder.headline is None
                and isinstance(last, Aside)
                and last.kind is AsideKind.CAPTION
            ):
                # A page prints its headline above the lead picture: text that opens with a
                # caption was scraped without its headline, and the next line (a highlights
                # box, a cast list) is none.
                break
            continue
        if builder.headline is None:
            menu_end = _menu_run_end(chunks, index, zones)
            if menu_end > index:
                for item in chunks[index:menu_end]:
                    builder.add_block(Aside(item.text, AsideKind.CHROME, item.first))
                    builder.mark(item.first, item.last, "chrome", "menu-items-before-headline")
                index = menu_end
                slug = chunks[index]
                if _is_slug_title(slug.text, chunks[index + 1] if index + 1 < count else None):
                    builder.add_block(Aside(slug.text, AsideKind.CHROME, slug.first))
                    builder.mark(slug.first, slug.last, "chrome", "url-slug-after-breadcrumbs")
                    index += 1
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
                and may_be_headline(following.text)
                and not _is_metadata(following, zones)
            ):
                builder.kicker = Kicker(text, chunk.first)
                builder.mark(chunk.first, chunk.last, "kicker", "short-title-before-title")
                builder.headline = Headline(following.text, following.first)
                builder.mark(following.first, following.last, "headline", "title-after-kicker")
                index += 2
                continue
            if not may_be_headline(text):
                break
            builder.headline = Headline(text, chunk.first)
            builder.mark(chunk.first, chunk.last, "headline", "first-title-line")
            index += 1
            continue
        named = _name_with_role(text, builder.headline.text, chunk.first)
        if named is not None:
            builder.bylines.append(named)
            builder.mark(chunk.first, chunk.last, "byline", "name-and-role-named-in-headline")
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
        _no_headline(chunks, index, builder)
    return index


def _no_headline(chunks: list[Chunk], index: int, builder: ArticleBuilder) -> None:
    """Say that the text has no headline (none is invented: the body starts at ``index``)."""
    line = chunks[index].first if index < len(chunks) else (chunks[0].first if chunks else 1)
    builder.note("no line reads as a title; the article has no headline", line, "headline.none")
