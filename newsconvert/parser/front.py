"""The front of an article: the kicker, headline and standfirst, and the metadata, chrome and
captions around them. Each chunk before the body is tried against :data:`FRONT_RULES` in order;
the first chunk no rule places starts the body. Text with no title line has no headline (none is
invented, a diagnostic says so). The rules are described in ``docs/format.rst``.
"""

from __future__ import annotations

from newsconvert.errors import NewsconvertError
from newsconvert.parser.asides import (
    is_activity_line,
    is_caption,
    is_chrome,
    is_widget_header,
    may_be_activity_line,
    may_be_widget_header,
)
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.bylines import is_byline_label, parse_byline, split_glued_byline
from newsconvert.parser.credits import match_credit
from newsconvert.parser.datelines import match_dateline
from newsconvert.parser.heuristics import Heuristics
from newsconvert.parser.layouts import Chunk, has_digit
from newsconvert.parser.metadata import (
    may_be_time_line,
    take_byline,
    take_meta_line,
    take_timestamp,
)
from newsconvert.parser.metaline import read_relative_time
from newsconvert.parser.patterns import LazyPattern
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
from newsconvert.parser.timestamps import may_be_timestamp, parse_timestamp
from newsconvert.parser.timezones import ZoneTable
from newsconvert.parser.words import has_words
from newsconvert.tree import Aside, AsideKind, Byline, Headline, Kicker, Standfirst


def reads_as_title(text: str, h: Heuristics) -> bool:
    """Whether ``text`` reads as a title: short, and not ending like a sentence or a lead-in.

    A final full stop disqualifies, except after an abbreviation (``… talks with U.S.``).
    """
    if len(text) > h.max_title_length:
        return False
    spaces = text.count(" ")
    if spaces >= h.max_title_words and (
        spaces >= h.max_caseless_title_words or text[0].lower() != text[0].upper()
    ):
        return False
    last = text[-1]
    if last in ",;:-\u2013\u2014\u0964\u0965":  # ``।``, the danda, ends a Hindi sentence
        return False
    if "\u0964 " in text:
        return False  # a danda inside: two sentences or more, no title
    if last == ".":
        final_word = text.rsplit(" ", 1)[-1]
        if final_word.count(".") < 2 or final_word.endswith(".."):
            return False
    if text[0].islower() and not any(c.isupper() for c in text.split(" ", 1)[0]):
        return False
    # Most titles open with a letter: no need to look for one further on.
    return text[0].isalpha() or any(c.isalpha() for c in text)


# Words a rubric may hold in lowercase: ``CommBank Test Series v India``, ``Sport & Leisure``.
_KICKER_CONNECTORS = frozenset(
    ["v", "vs", "vs.", "v.", "of", "and", "&", "the", "in", "on", "at", "for", "de"]
)


def is_kicker_shaped(text: str, h: Heuristics) -> bool:
    """Whether ``text`` reads as a rubric: a few words, each capitalised or a connector.

    A headline is a sentence fragment with lowercase verbs and nouns (``Chelsea clinch cup``);
    a rubric names a section or series (``East Asia Pacific``, ``CommBank Test Series v India``).
    """
    if text.count(" ") >= h.max_kicker_words * 2:
        return False  # too many words whatever the spacing; saves the split
    words = text.split()
    if len(words) > h.max_kicker_words:
        return False
    # The capitals first: they rule out most headlines (``Chelsea clinch cup``) for less than
    # the title test costs.
    return all(
        word[0].isupper() or word[0].isdigit() or word in _KICKER_CONNECTORS for word in words
    ) and reads_as_title(text, h)


# ``11:30 PM, 01-Oct-2021 …``: a live blog's entry opens with its time; no title does.
_OPENS_WITH_TIME = LazyPattern(r"\d{1,2}[:.]\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?[,\s]")


def may_be_headline(text: str, h: Heuristics) -> bool:
    """Whether ``text`` could be the headline: it reads as a title, has two words or more and
    does not open with a clock time. (Captions, chrome and metadata were set aside before.)"""
    return (
        reads_as_title(text, h)
        and has_words(text, h.min_headline_words)
        and _OPENS_WITH_TIME.match(text) is None
    )


def _is_repeated_by(candidate: str, following: str, h: Heuristics) -> bool:
    """Whether ``following`` opens with (nearly) the words of ``candidate``.

    Words are compared with their punctuation: a repeated sentence repeats that too, and
    splitting on whitespace is several times cheaper than a word pattern.
    """
    if len(following) <= len(candidate) // 2:
        return False
    words = candidate.lower().split()
    if len(words) < h.min_repeat_words:
        return False
    opening = set(following[: len(candidate) * 3 // 2 + 20].lower().split())
    shared = sum(map(opening.__contains__, words))  # True counts 1; no Python-level loop
    return shared >= len(words) * h.repeat_overlap


def _may_be_credit(title: str) -> bool:
    """Whether a title-shaped line could be a credit: bracketed, dashed or one word."""
    return title[0] in "(-\u2013\u2014" or " " not in title


def _is_metadata(chunk: Chunk, zones: ZoneTable, h: Heuristics) -> bool:
    """Whether ``chunk`` is a timestamp or byline (without placing it)."""
    text = chunk.text
    if chunk.kind != "text" or len(text) > h.max_title_length:
        return False
    if is_byline_label(text) or parse_byline(text, h=h) is not None:
        return True
    try:
        return may_be_timestamp(text) and parse_timestamp(text, zones=zones) is not None
    except NewsconvertError:
        return True


def _is_time_line(chunk: Chunk, zones: ZoneTable) -> bool:
    """Whether ``chunk`` is one line that is a timestamp or a relative time (without placing
    it)."""
    text = chunk.text
    if chunk.kind != "text" or chunk.first != chunk.last or not may_be_time_line(text):
        return False
    if read_relative_time(text, chunk.first) is not None:
        return True
    try:
        return may_be_timestamp(text) and parse_timestamp(text, zones=zones) is not None
    except NewsconvertError:
        return True


def _names_the_writer(chunks: list[Chunk], index: int, zones: ZoneTable, h: Heuristics) -> bool:
    """Whether ``chunks[index]`` is a name alone, right above a timestamp (``Sreeparna
    Chakrabarty`` over ``Updated - … IST``): where a page prints its byline, without the
    ``By``. Two to four name words, no sentence."""
    if index + 1 >= len(chunks):
        return False
    chunk = chunks[index]
    text = chunk.text
    words = text.count(" ") + 1
    return (
        chunk.kind == "text"
        and chunk.first == chunk.last
        and 2 <= words <= h.max_bare_name_words
        and text[-1] not in ".!?:;,\u0964"
        and parse_byline(text, bare=True, h=h) is not None
        and _is_time_line(chunks[index + 1], zones)
    )


def _is_standfirst(
    chunks: list[Chunk], index: int, zones: ZoneTable, h: Heuristics
) -> RuleName | None:
    """The rule by which ``chunks[index]`` is a standfirst, or ``None``."""
    chunk = chunks[index]
    if chunk.kind != "text" or len(chunk.text) > h.max_standfirst_length:
        return None
    following = chunks[index + 1] if index + 1 < len(chunks) else None
    if following is None or following.kind != "text":
        return None
    if _is_repeated_by(chunk.text, following.text, h):
        return RuleName.REPEATED_BY_FIRST_PARAGRAPH
    if (
        _is_metadata(following, zones, h) or _names_the_writer(chunks, index + 1, zones, h)
    ) and match_dateline(chunk.text) is None:
        # Only front matter: the body must go on after the metadata (an ``Updated`` line at
        # the end of a one-paragraph story does not make that paragraph a standfirst).
        after = index + 2
        while (
            after < len(chunks)
            and after < index + h.front_limit
            and _is_metadata(chunks[after], zones, h)
        ):
            after += 1
        if after < len(chunks):
            return RuleName.BETWEEN_HEADLINE_AND_METADATA
    return None


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


def _names_a_section(text: str) -> bool:
    """``Sports``, ``Hindi News``, ``देश``: every word a section word, or ``<X> News``."""
    words = text.lower().split()
    return all(word in _SECTION_WORDS for word in words) or (
        len(words) == 2 and words[1] in ("news", "न्यूज़", "न्यूज")
    )


_CRUMB_SEPARATOR = LazyPattern(r"\s(?:/|>|\u00bb|\u203a)\s")


def _is_breadcrumb_line(text: str, h: Heuristics) -> bool:
    """``Home / India News``, ``होम / देश``, ``News > India``: a breadcrumb trail on one line,
    its items a few words each, none ending a sentence, one of them naming a site section."""
    if len(text) > h.max_chrome_length:
        return False
    items = _CRUMB_SEPARATOR.split(text)
    return (
        len(items) >= 2
        and all(
            item and item.count(" ") < h.max_menu_item_words and item[-1] not in ".!?:,"
            for item in items
        )
        and any(_names_a_section(item) for item in items)
    )


def _may_be_breadcrumb_line(text: str) -> bool:
    return " / " in text or " > " in text or " \u00bb " in text or " \u203a " in text


def _is_slug_title(text: str, following: Chunk | None, h: Heuristics) -> bool:
    """The URL slug printed as a title after a breadcrumb trail: every word capitalised
    (``Jammu Kashmir Abdul Rashid Dar Says …``), in the Latin script, followed by the real
    headline in another script or in the same words."""
    if following is None or following.kind != "text" or not may_be_headline(following.text, h):
        return False
    words = text.split()
    if len(words) < h.min_slug_words or not text.isascii():
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or word[0].isdigit())
    if capitalised < len(words) * h.slug_capitals:
        return False
    headline = following.text
    if not headline.isascii():
        return True
    shared = set(headline.lower().split())
    return sum(word.lower() in shared for word in words) >= len(words) * h.repeat_overlap


def _is_menu_item(chunk: Chunk, h: Heuristics) -> bool:
    text = chunk.text
    return (
        chunk.kind == "text"
        and len(text) <= h.max_menu_item_length
        and text.count(" ") < 3
        and text[-1] not in '.;:!?"\u201d'
        and "," not in text
        and not has_digit(text)  # a date or a score is not a menu entry
    )


def _menu_run_end(chunks: list[Chunk], index: int, zones: ZoneTable, h: Heuristics) -> int:
    """The end of a run of menu items starting at ``index`` (``index`` itself when none).

    ``Home`` / ``News`` / ``Sport`` / ``Weather`` one a line above the headline: three or more
    such lines in a row, followed by a title, are a menu, where one or two would be a kicker
    and a headline.
    """
    end = index
    while end < len(chunks) and _is_menu_item(chunks[end], h):
        end += 1
    if end - index < h.menu_run or end >= len(chunks):
        return index
    if not any(_names_a_section(chunk.text) for chunk in chunks[index:end]):
        return index
    following = chunks[end]
    # Only a menu above a headline: the line after it must read as a title (a timestamp or a
    # byline reads as one too, but then the short lines were a kicker, headline and body).
    if following.kind == "text" and reads_as_title(following.text, h):
        return index if _is_metadata(following, zones, h) else end
    if _is_slug_title(following.text, chunks[end + 1] if end + 1 < len(chunks) else None, h):
        return end
    return index


def _name_with_role(text: str, headline: str, line: int, h: Heuristics) -> Byline | None:
    """``शशि थरूर, पूर्व केंद्रीय मंत्री`` under ``शशि थरूर का कॉलम: …``: a columnist's name and
    role without a ``By``, the name printed in the headline too (how a column names its writer)."""
    if "," not in text or len(text) > h.max_named_role_length or text[-1] in ".!?\u0964":
        return None
    byline = parse_byline(text, line=line, bare=True, h=h)
    if byline is None or len(byline.names) != 1 or byline.names[0] not in headline:
        return None
    return byline


def read_front(
    chunks: list[Chunk], builder: ArticleBuilder, zones: ZoneTable, h: Heuristics
) -> int:
    """Place the front matter of ``chunks``; return the index of the first body chunk."""
    reader = _FrontReader(chunks, builder, zones, h)
    reader.read()
    if builder.headline is None:
        _no_headline(chunks, reader.index, builder)
    return reader.index


class _FrontReader:
    """The state of the pass over the front: the chunk being placed and how far to look."""

    __slots__ = ("builder", "chunks", "done", "h", "index", "limit", "zones")

    def __init__(
        self, chunks: list[Chunk], builder: ArticleBuilder, zones: ZoneTable, h: Heuristics
    ) -> None:
        self.chunks = chunks
        self.builder = builder
        self.zones = zones
        self.h = h
        self.index = 0
        """The chunk being placed: a rule that fires moves it past the chunks it used."""
        self.limit = min(len(chunks), h.front_limit)
        """Chunks from here on are body, whatever they look like."""
        self.done = False
        """Set by a rule that ends the front (a caption before any headline)."""

    def read(self) -> None:
        """Place chunks until one is no front matter (no rule fires) or a rule ends the front."""
        chunks = self.chunks
        before, after = _bound_rules(self.h)
        builder = self.builder
        while self.index < self.limit and not self.done:
            chunk = chunks[self.index]
            if chunk.kind != "text":
                return
            bands = before if builder.headline is None else after
            if not fire_first(bands, self, chunk, chunk.text):
                return

    def following(self) -> Chunk | None:
        """The chunk after the one being placed, if any."""
        index = self.index + 1
        return self.chunks[index] if index < len(self.chunks) else None

    def set_aside(self, chunk: Chunk, kind: AsideKind, role: Role, rule: RuleName) -> None:
        self.builder.add_block(Aside(chunk.text, kind, chunk.first))
        self.builder.mark(chunk.first, chunk.last, role, rule)


# The rules, in the order they are tried on a front chunk. Each ``_take_…`` function places the
# chunk at ``reader.index`` and moves ``reader.index`` past what it used when its rule fires.


def _take_timestamp(reader: _FrontReader, chunk: Chunk) -> bool:
    if take_timestamp(chunk, reader.builder, reader.zones, reader.h, unlabelled=True):
        reader.index += 1
        return True
    return False


def _take_meta_line(reader: _FrontReader, chunk: Chunk) -> bool:
    if take_meta_line(chunk, reader.builder, reader.zones, reader.h):
        reader.index += 1
        return True
    return False


def _take_byline(reader: _FrontReader, chunk: Chunk) -> bool:
    used = take_byline(reader.chunks, reader.index, reader.builder, reader.h)
    reader.index += used
    return used > 0


def _opens_with_by(text: str) -> bool:
    return text[:3] in ("By ", "BY ")


def _take_glued_byline(reader: _FrontReader, chunk: Chunk) -> bool:
    glued = split_glued_byline(chunk.text, line=chunk.first, h=reader.h)
    if glued is None:
        return False
    # The name goes to the bylines, the text after it stays to be read as what it is (the
    # reader stays on this chunk).
    reader.builder.bylines.append(glued[0])
    reader.builder.mark(chunk.first, chunk.first, Role.BYLINE, RuleName.BYLINE_GLUED_TO_TEXT)
    reader.chunks[reader.index] = chunk._replace(text=glued[1])
    return True


def _take_chrome(reader: _FrontReader, chunk: Chunk) -> bool:
    if not is_chrome(chunk.text, reader.h):
        return False
    reader.set_aside(chunk, AsideKind.CHROME, Role.CHROME, RuleName.CHROME_WORDS_ONLY)
    reader.index += 1
    return True


def _take_widget_header(reader: _FrontReader, chunk: Chunk) -> bool:
    if not is_widget_header(chunk.text, reader.h):
        return False
    reader.set_aside(chunk, AsideKind.CHROME, Role.CHROME, RuleName.RECOMMENDATION_WIDGET_HEADER)
    reader.index += 1
    return True


def _take_activity_line(reader: _FrontReader, chunk: Chunk) -> bool:
    if not is_activity_line(chunk.text, reader.h):
        return False
    reader.set_aside(chunk, AsideKind.CHROME, Role.CHROME, RuleName.SITE_ACTIVITY_LINE)
    reader.index += 1
    return True


def _take_caption(reader: _FrontReader, chunk: Chunk) -> bool:
    reader.set_aside(chunk, AsideKind.CAPTION, Role.CAPTION, RuleName.PHOTO_CAPTION)
    reader.index += 1
    # A page prints its headline above the lead picture: text that opens with a caption was
    # scraped without its headline, and the next line (a highlights box, a cast list) is none.
    reader.done = reader.builder.headline is None
    return True


def _take_menu(reader: _FrontReader, chunk: Chunk) -> bool:
    chunks = reader.chunks
    index = reader.index
    h = reader.h
    menu_end = _menu_run_end(chunks, index, reader.zones, h)
    if menu_end == index:
        return False
    for item in chunks[index:menu_end]:
        reader.set_aside(item, AsideKind.CHROME, Role.CHROME, RuleName.MENU_ITEMS_BEFORE_HEADLINE)
    reader.index = index = menu_end
    slug = chunks[index]
    if _is_slug_title(slug.text, reader.following(), h):
        reader.set_aside(slug, AsideKind.CHROME, Role.CHROME, RuleName.URL_SLUG_AFTER_BREADCRUMBS)
        reader.index += 1
    reader.limit = min(len(chunks), max(reader.limit, reader.index + h.front_limit // 2))
    return True


def _take_breadcrumb_line(reader: _FrontReader, chunk: Chunk) -> bool:
    if not _is_breadcrumb_line(chunk.text, reader.h):
        return False
    reader.set_aside(chunk, AsideKind.CHROME, Role.CHROME, RuleName.BREADCRUMB_LINE)
    reader.index += 1
    chunks = reader.chunks
    if reader.index < len(chunks):
        slug = chunks[reader.index]
        if slug.kind == "text" and _is_slug_title(slug.text, reader.following(), reader.h):
            reader.set_aside(
                slug, AsideKind.CHROME, Role.CHROME, RuleName.URL_SLUG_AFTER_BREADCRUMBS
            )
            reader.index += 1
    return True


def _is_credit(text: str, h: Heuristics) -> bool:
    """Whether title-shaped ``text`` is a credit (``(AP)``, ``Reuters``), which opens no
    article as its title or kicker."""
    return _may_be_credit(text) and match_credit(text, h=h) is not None


def _take_kicker(reader: _FrontReader, chunk: Chunk) -> bool:
    builder = reader.builder
    text = chunk.text
    h = reader.h
    if not is_kicker_shaped(text, h):
        return False
    following = reader.following()
    if (
        following is None
        or following.kind != "text"
        or following.text.count(" ") <= text.count(" ")
        or _is_credit(text, h)  # it reads as a title: is_kicker_shaped said so
        or not may_be_headline(following.text, h)
        or _is_metadata(following, reader.zones, h)
    ):
        return False
    builder.kicker = Kicker(text, chunk.first)
    builder.mark(chunk.first, chunk.last, Role.KICKER, RuleName.SHORT_TITLE_BEFORE_TITLE)
    builder.headline = Headline(following.text, following.first)
    builder.mark(following.first, following.last, Role.HEADLINE, RuleName.TITLE_AFTER_KICKER)
    reader.index += 2
    return True


def _is_lifted_from_lead(candidate: str, chunks: list[Chunk], index: int, h: Heuristics) -> bool:
    """Whether ``candidate`` is a sentence of the story's lead paragraph, written out again
    above it: a lead image's caption or a teaser, which a scraper put first.

    The lead is the first text chunk after ``index`` at least twice as long as ``candidate``.
    Only a repeat inside the lead counts: a lead that opens with the candidate repeats the
    headline (an extraction artefact, or the standfirst's test).
    """
    for chunk in chunks[index + 1 : index + h.front_limit]:
        if chunk.kind == "text" and len(chunk.text) >= 2 * len(candidate):
            # The words are counted last: a headline is seldom in its lead, and counting them
            # costs more than the search.
            return chunk.text.casefold().find(candidate.casefold()) > 0 and has_words(
                candidate, h.min_repeat_words
            )
    return False


def _take_headline(reader: _FrontReader, chunk: Chunk) -> bool:
    builder = reader.builder
    text = chunk.text
    h = reader.h
    if (
        not may_be_headline(text, h)  # which reads it as a title
        or _is_credit(text, h)
        or _is_lifted_from_lead(text, reader.chunks, reader.index, h)
    ):
        return False
    builder.headline = Headline(text, chunk.first)
    builder.mark(chunk.first, chunk.last, Role.HEADLINE, RuleName.FIRST_TITLE_LINE)
    reader.index += 1
    return True


def _take_named_writer(reader: _FrontReader, chunk: Chunk) -> bool:
    builder = reader.builder
    assert builder.headline is not None  # tried only after the headline
    named = _name_with_role(chunk.text, builder.headline.text, chunk.first, reader.h)
    if named is None:
        return False
    builder.bylines.append(named)
    builder.mark(chunk.first, chunk.last, Role.BYLINE, RuleName.NAME_AND_ROLE_NAMED_IN_HEADLINE)
    reader.index += 1
    return True


def _take_name_over_time(reader: _FrontReader, chunk: Chunk) -> bool:
    if not _names_the_writer(reader.chunks, reader.index, reader.zones, reader.h):
        return False
    named = parse_byline(chunk.text, line=chunk.first, bare=True, h=reader.h)
    assert named is not None  # read by _names_the_writer
    reader.builder.bylines.append(named)
    reader.builder.mark(chunk.first, chunk.last, Role.BYLINE, RuleName.NAME_OVER_TIMESTAMP)
    reader.index += 1
    return True


def _take_standfirst(reader: _FrontReader, chunk: Chunk) -> bool:
    builder = reader.builder
    if builder.standfirst is not None:
        return False
    rule = _is_standfirst(reader.chunks, reader.index, reader.zones, reader.h)
    if rule is None:
        return False
    builder.standfirst = Standfirst(chunk.text, chunk.first)
    builder.mark(chunk.first, chunk.last, Role.STANDFIRST, rule)
    reader.index += 1
    return True


FrontRule = Rule[_FrontReader, Chunk]

FRONT_RULES: tuple[FrontRule, ...] = (
    Rule(
        RuleName.LABELLED_TIMESTAMP,
        Zone.FRONT,
        Role.PUBLISHED,
        "a timestamp line, labelled (``Published …``, ``Updated: …``) or a bare date "
        "(``bare-date-line``), or a relative time, labelled or not (``2 hours ago``, ``Updated "
        "5 mins ago``, ``अपडेटेड 2 घंटे पहले``: ``relative-time``, a timestamp with no value)",
        _take_timestamp,
        also=(RuleName.BARE_DATE_LINE, RuleName.RELATIVE_TIME),
        quick=may_be_time_line,
    ),
    Rule(
        RuleName.PACKED_METADATA_LINE,
        Zone.FRONT,
        Role.METADATA,
        "a line that packs place, time and byline (``श्रीनगर 2 घंटे पहले लेखक: …``, "
        "``<desk>, <place> Published by: … Updated … IST``)",
        _take_meta_line,
        longest="max_metadata_length",
    ),
    Rule(
        RuleName.BYLINE,
        Zone.FRONT,
        Role.BYLINE,
        "a byline (``By Jane Doe``); a lone ``Written By`` with the name line after it "
        "(``byline-label-and-name``)",
        _take_byline,
        longest="max_metadata_length",
        also=(RuleName.BYLINE_LABEL_AND_NAME,),
    ),
    Rule(
        RuleName.BYLINE_GLUED_TO_TEXT,
        Zone.FRONT,
        Role.BYLINE,
        "a byline glued to the text by a scraper (``By Jane DoeThe ministry …``): split from "
        "it, the rest read again",
        _take_glued_byline,
        quick=_opens_with_by,
    ),
    Rule(
        RuleName.CHROME_WORDS_ONLY,
        Zone.FRONT,
        Role.CHROME,
        "page chrome, by what its words say in English and Hindi (``Live TV``, "
        "``ADVERTISEMENT``, ``कॉपी लिंक``, click prompts, slide counters, market tickers): set "
        "aside",
        _take_chrome,
    ),
    Rule(
        RuleName.RECOMMENDATION_WIDGET_HEADER,
        Zone.FRONT,
        Role.CHROME,
        "the header of a recommendation or shopping widget, by its words (``Top Picks For "
        "You``, ``Recommended Stories``, ``रेकमेंडेड खबरें``): set aside",
        _take_widget_header,
        longest="max_chrome_length",
        quick=may_be_widget_header,
    ),
    Rule(
        RuleName.SITE_ACTIVITY_LINE,
        Zone.FRONT,
        Role.CHROME,
        "a Q&A or comment widget's activity line (``<name> answered 2 days ago``): set aside",
        _take_activity_line,
        longest="max_activity_line_length",
        quick=may_be_activity_line,
    ),
    Rule(
        RuleName.PHOTO_CAPTION,
        Zone.FRONT,
        Role.CAPTION,
        "a photo caption: set aside; before any headline it ends the front (a page prints its "
        "headline above the lead picture)",
        _take_caption,
        quick=is_caption,
    ),
    Rule(
        RuleName.BREADCRUMB_LINE,
        Zone.FRONT,
        Role.CHROME,
        "a breadcrumb trail on one line before the headline, one of its items naming a site "
        "section (``Home / India News``, ``होम / देश``, ``News > India``): set aside, with "
        "the URL-slug title after it",
        _take_breadcrumb_line,
        also=(RuleName.URL_SLUG_AFTER_BREADCRUMBS,),
        after_headline=False,
        longest="max_chrome_length",
        quick=_may_be_breadcrumb_line,
    ),
    Rule(
        RuleName.MENU_ITEMS_BEFORE_HEADLINE,
        Zone.FRONT,
        Role.CHROME,
        "a run of two or more one-to-three-word lines right above a title, one of them naming "
        "a site section (``Home`` / ``News`` / ``Sport``): a menu or breadcrumb trail, set "
        "aside with the English URL-slug title a trail ends on (``url-slug-after-breadcrumbs``)",
        _take_menu,
        after_headline=False,
        also=(RuleName.URL_SLUG_AFTER_BREADCRUMBS,),
    ),
    Rule(
        RuleName.SHORT_TITLE_BEFORE_TITLE,
        Zone.FRONT,
        Role.KICKER,
        "a short line of a few capitalised words right before a longer title (``International``, "
        "``CommBank Test Series v India``): the kicker, and the title after it the headline "
        "(``title-after-kicker``)",
        _take_kicker,
        after_headline=False,
        also=(RuleName.TITLE_AFTER_KICKER,),
    ),
    Rule(
        RuleName.FIRST_TITLE_LINE,
        Zone.FRONT,
        Role.HEADLINE,
        "the first chunk that reads as a title (short, two words or more, not ending like a "
        "sentence or a lead-in, not opening with a clock time, not a sentence the lead "
        "paragraph holds further on): the headline",
        _take_headline,
        after_headline=False,
    ),
    Rule(
        RuleName.NAME_AND_ROLE_NAMED_IN_HEADLINE,
        Zone.FRONT,
        Role.BYLINE,
        "after the headline, ``Name, role`` where the headline names that writer (a column): "
        "a byline",
        _take_named_writer,
        holds=",",
        after_headline=True,
    ),
    Rule(
        RuleName.NAME_OVER_TIMESTAMP,
        Zone.FRONT,
        Role.BYLINE,
        "after the headline, a name alone (two to four name words) right above a timestamp "
        "line (``Sreeparna Chakrabarty`` over ``Updated - … IST``): a byline without its "
        "``By``",
        _take_name_over_time,
        after_headline=True,
        longest="max_byline_length",
    ),
    Rule(
        RuleName.BETWEEN_HEADLINE_AND_METADATA,
        Zone.FRONT,
        Role.STANDFIRST,
        "after the headline, a chunk followed by more front matter and then body text, or one "
        "the first paragraph repeats (``repeated-by-first-paragraph``): the standfirst",
        _take_standfirst,
        after_headline=True,
        also=(RuleName.REPEATED_BY_FIRST_PARAGRAPH,),
    ),
)
"""The front rules in the order they are tried; the first chunk none places starts the body."""


@per_heuristics
def _bound_rules(
    h: Heuristics,
) -> tuple[Bands[_FrontReader, Chunk], Bands[_FrontReader, Chunk]]:
    """The front rules bound to ``h``: those tried before the headline, and those after."""
    return bind(FRONT_RULES, h, after_headline=False), bind(FRONT_RULES, h, after_headline=True)


def _no_headline(chunks: list[Chunk], index: int, builder: ArticleBuilder) -> None:
    """Say that the text has no headline (none is invented: the body starts at ``index``)."""
    line = chunks[index].first if index < len(chunks) else (chunks[0].first if chunks else 1)
    builder.note("no line reads as a title; the article has no headline", line, "headline.none")
