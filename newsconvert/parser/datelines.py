"""Wire datelines at the start of a first paragraph: ``NEW DELHI, Nov 13 (Reuters) -``.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-datelines`).
"""

from __future__ import annotations

import re

from newsconvert.parser.gazetteer import is_place
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.words import LETTER
from newsconvert.tree import Dateline

__all__ = ["match_dateline"]

# Every repetition below is bounded (words of at most 25 characters, at most five words), so a
# match never reads more than a couple of hundred characters whatever the paragraph's length.

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?"
)
# ``Nov 13`` as wire datelines print it, or a full date ``December 28, 2014``.
_DATE = rf"{_MONTH}\s\d{{1,2}}(?!\d)(?:,?\s\d{{4}}(?!\d))?"
_FULL_DATE = rf"{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}(?!\d)"

# A word of a place name: ``PHNOM``, ``Penh``, ``St.``, ``O'Hare``, ``Indonesia/JAKARTA``.
# Capitals and letters of the Latin alphabets (``SÃO PAULO``, ``Zürich``, ``MÉXICO``).
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# The letters of a word are possessive (``{0,24}+``): what may follow a word (space, comma,
# slash, hyphen, bracket, dash, colon) is never a letter, so giving letters back could never
# make a match, and refusing a sentence start would otherwise retry every shorter prefix of
# every word.
_PLACE_WORD = (
    rf"[{_UPPER}][{_LETTER}'\u2019.]{{0,24}}+(?:[/\-][{_UPPER}][{_LETTER}'\u2019.]{{0,24}}+){{0,2}}"
)
_PARTICLE = r"(?:of|de|da|del|di|do|du|des|la|le|el|al|am|an|upon|on|sur|en)"
_PLACE_PART = rf"{_PLACE_WORD}(?:\s(?:{_PARTICLE}\s)?{_PLACE_WORD}){{0,4}}"
# A second part for the state or country: ``, Wis.``, ``, Indonesia/JAKARTA``.
_PLACE = rf"(?P<place>{_PLACE_PART}(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD})?)?)"

# An agency in brackets: ``(AP)``, ``(Reuters)``, ``(News 1st)``, ``(REUTERS)``; or a press-release
# wire between slashes: ``NEW YORK, Nov. 27, 2019 /PRNewswire/ -- ``.
_AGENCY_NAME = (
    rf"[{_UPPER}][{_LETTER}0-9.&'\u2019\-]{{0,24}}+(?:\s[{_LETTER}0-9.&'\u2019\-]{{1,24}}+){{0,3}}"
)

# The separator: dashes (spaced or not) or a colon. After a bracketed agency a space alone will
# do (group ``sep`` is then ``None``); the conditional keeps that case from ending a match
# anywhere else, which would otherwise stop the regex at ``NEW DELHI, Nov`` + space.
# A hyphen must be spaced (``CLEVELAND, Feb 26 - ``): unspaced, it joins the words of a
# hyphenated name (``BROWN-FORMAN``, ``F-Squared``). Em and en dashes and ``--`` may be unspaced
# (``VATICAN CITY—Six``); a colon needs the space after it.
_SEPARATOR = (
    r"(?:(?P<sep>\s(?:-{1,2}|\u2013|\u2014{1,2})(?=\s|$)|(?:\u2014{1,2}|\u2013|--)(?=\S)"
    r"|\s?:(?=\s|$))"
    r"|(?(agency)(?=\s)|(?!)))"
)

_DATELINE = LazyPattern(
    rf"(?:{_PLACE}(?:,?\s(?P<date>{_DATE}))?"
    rf"(?:\s?\((?P<agency>{_AGENCY_NAME})\)|\s/(?P<wire>{_AGENCY_NAME})/)?"
    rf"|\((?P<lone_agency>{_AGENCY_NAME})\)"
    rf"|(?P<full_date>{_FULL_DATE})"
    rf"){_SEPARATOR}(?P<space>\s*)"
)

# Labels and section names printed in capitals before a colon or dash that are not places.
_LABEL_WORDS_TEXT = """
    UPDATE UPDATED BREAKING EXCLUSIVE WATCH VIDEO VIDEOS PHOTO PHOTOS PICTURES LIVE ANALYSIS
    OPINION EDITORIAL COMMENT REVIEW NOTE NB PS CORRECTION CLARIFICATION WARNING ALERT READ
    MORE ALSO SEE LISTEN SPOILER SPOILERS QUOTE QUESTION ANSWER Q A FAQ TLDR EDITOR EDITORS
    SOURCE SOURCES CREDIT CREDITS DISCLAIMER REPORT REPORTS FACT CHECK FACTBOX EXPLAINER INTERVIEW
    POLL UPDATES SUMMARY RECAP PREVIEW TRAILER ADVERTISEMENT SPONSORED PROMOTED FEATURE FEATURES
    INSIGHT TIMELINE GRAPHIC CHART TABLE MAP EXCERPT TRANSCRIPT THE AND OR BUT SO IF WHEN
    NEWS SPORT SPORTS WORLD BUSINESS POLITICS TECH TECHNOLOGY ENTERTAINMENT HEALTH SCIENCE
    LIFESTYLE TRAVEL MONEY MARKETS CULTURE ARTS STYLE FOOD BOOKS MUSIC FILM TV RESULT RESULTS
    MATCH STATS FULL TIME HALF SCORE SCORES TEAM TEAMS LINEUP LINEUPS BBC CNN AP REUTERS
"""
_LABEL_WORDS = frozenset(_LABEL_WORDS_TEXT.split())


_HAS_LOWERCASE = LazyPattern(r"[a-z]")
# A place in a script without capitals: one to four words of letters and combining marks
# (``नई दिल्ली``), then a colon, dash or full stop and a space.
_SCRIPT_WORD = rf"(?![A-Za-z]){LETTER}{{1,25}}+"
_SCRIPT_DATELINE = LazyPattern(
    rf"(?:(?P<desk>{_SCRIPT_WORD}(?:\s{_SCRIPT_WORD}){{0,2}}),\s)?"
    rf"(?P<place>{_SCRIPT_WORD}(?:\s{_SCRIPT_WORD}){{0,3}})"
    r"\s?(?P<sep>:|\.|\u0964|-|\u2013|\u2014)(?P<space>\s+)(?=\S)"
)
# Words that name a newsroom desk before the place (``जागरण संवाददाता, लखनऊ।``, ``राज्य ब्यूरो,
# पटना :``, ``ऑनलाइन डेस्क, नई दिल्ली।``): a correspondent, bureau, desk, agency or network.
_DESK_WORDS = frozenset(
    ["संवाददाता", "ब्यूरो", "डेस्क", "एजेंसी", "एजेंसियां", "नेटवर्क", "प्रतिनिधि", "जेएनएन", "टीम"]
)


def _match_script_dateline(text: str, line: int) -> tuple[Dateline, str] | None:
    """``नई दिल्ली: …``, ``लखनऊ। …``: a known place in a script other than Latin, alone before its
    separator, or after a newsroom desk's name and a comma (``जागरण संवाददाता, लखनऊ। …``)."""
    match = _SCRIPT_DATELINE.match(text)
    if match is None or not is_place(match["place"]):
        return None
    desk = match["desk"]
    if desk is not None and not any(word in _DESK_WORDS for word in desk.split()):
        return None  # ``उन्होंने कहा, दिल्ली। …``: words before the place that name no desk
    end = match.end("sep")
    return Dateline(text[:end], match["place"], None, None, line), text[match.end() :]


def match_dateline(text: str, *, line: int = 0) -> tuple[Dateline, str] | None:
    """The dateline opening paragraph ``text`` and the rest of the paragraph, or ``None``.

    ``text`` is the paragraph with its indentation removed. See the module docstring for the
    rules that tell a place from a sentence start.
    """
    if not text:
        return None
    if not (text[0].isupper() or text[0] == "("):
        if text[0].isalpha() and not text[0].isascii() and not text[0].islower():
            return _match_script_dateline(text, line)
        return None
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, date = match["place"], match["date"]
    rest = text[match.end() :]
    if not rest:
        # Reuters earnings copy prints the dateline alone above a table: accept that only
        # for the unmistakable ``PLACE, DATE -`` form.
        if not (place and date and match["sep"]):
            return None
    elif rest[0].islower() or not _HAS_LOWERCASE.search(rest):
        # A dateline starts a sentence; capitals after a dash are a headline
        # (``ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>``).
        return None
    agency = match["agency"] or match["lone_agency"] or match["wire"]
    separator = match["sep"] or ""
    if not separator and not (agency and match["space"]):
        # Only an agency in brackets may be followed by a bare space (``Panaji, Jun 18 (PTI) ``).
        return None
    if match["full_date"]:
        if not separator:
            return None
        date = match["full_date"]
    elif place is not None:
        main_part = place.split(",")[0]
        capitals = main_part.upper() == main_part
        # A place alone: in capitals, any place the gazetteer knows; in mixed case (where
        # towns share names with words and surnames: ``Campbell: …``, ``Drama - …``), a major
        # one before a colon (``Mumbai:``).
        if not (agency or date) and (
            _is_label(main_part)
            or not is_place(main_part, major=not capitals)
            or (not capitals and ":" not in separator)
        ):
            return None
        if agency and not separator and not (date or capitals):
            return None
    elif not separator:
        # ``(AP) The …``: an agency alone needs its dash or colon.
        return None
    dateline_text = text[: match.end() - len(match["space"])]
    return (
        Dateline(dateline_text, place, date, agency, line),
        rest,
    )


def _is_label(place: str) -> bool:
    words = re.split(r"[\s/,\-]+", place.rstrip("."))
    return any(word in _LABEL_WORDS for word in words)
