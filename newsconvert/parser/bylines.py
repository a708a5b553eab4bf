"""Bylines: ``By Jane Doe and John Roe``, ``By JANE DOE, Reuters``, ``Jane Doe | PTI@JaneDoe``.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-bylines`).
"""

from __future__ import annotations

import re
from typing import NamedTuple
from unicodedata import normalize

from newsconvert.parser.gazetteer import is_place
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.words import LETTER
from newsconvert.tree import Byline

__all__ = ["AGENCIES", "is_byline_label", "parse_byline"]

AGENCIES = frozenset(
    name.lower()
    for name in (
        "AP",
        "Associated Press",
        "The Associated Press",
        "Reuters",
        "Reuter",
        "AFP",
        "Agence France-Presse",
        "Agence France-Press",
        "PTI",
        "Press Trust of India",
        "ANI",
        "IANS",
        "UNI",
        "Kyodo",
        "Kyodo News",
        "Xinhua",
        "Bloomberg",
        "dpa",
        "EFE",
        "ANSA",
        "Yonhap",
        "TASS",
        "Interfax",
        "PA",
        "Press Association",
        "PA Media",
        "AAP",
        "Australian Associated Press",
        "CP",
        "The Canadian Press",
        "Canadian Press",
        "UPI",
        "Bernama",
        "Antara",
        "CNA",
        "Anadolu",
        "Anadolu Agency",
        "Sputnik",
        "RIA Novosti",
        "Agencies",
        "News Agencies",
        "Agency",
        "TNN",
        "Express News Service",
        "ENS",
        "NNA",
        "WAM",
        "SPA",
        "KUNA",
        "APP",
        "BSS",
        "RSS",
        "News 1st",
        "CNN",
        "BBC",
    )
)
"""News agencies and wire services, lower case (shared with the credits recogniser)."""

_ROLE_WORDS_TEXT = """
    correspondent correspondents writer writers reporter reporters editor editors staff bureau
    desk contributor contributors columnist chief senior special associate contributing political
    sports business foreign diplomatic legal science health technology tech news online digital
    team web agency agencies analyst producer anchor critic photographer journalist journalists
    author
    समीक्षक संपादक संवाददाता लेखक पत्रकार स्तंभकार मंत्री सांसद विधायक प्रोफेसर विशेषज्ञ
    अध्यक्ष निदेशक प्रवक्ता विश्लेषक
"""
_ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
"""Words of job titles printed after a name (``Special Correspondent``)."""

_NOT_NAME_START_TEXT = """
    the this that these those then now its it his her their my your when while after
    before during since until if as in on at of for from with without about around over under
    far late early now way contrast comparison comparison default design definition law
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
    midnight noon dawn night day morning evening afternoon week month year decade end start
"""
_NOT_FIRST_NAME_WORDS = frozenset(_NOT_NAME_START_TEXT.split())
"""Capitalised words that start sentences or titles after ``By`` but never a name
(``By January, …``, ``By The Numbers``). ``A`` and ``Our`` are not among them: after a capital
``By`` they start bylines (``By A Staff Reporter``, ``By Our Correspondent``)."""

# ``लेखक:`` is Hindi's ``Author:``; ``Published by:`` names the desk editor who put the story
# out, the only person some sites name.
_LABEL = LazyPattern(
    r"(?i:(?:written|reported|posted|published|compiled|words|story|text|report)\s+by|by|author"
    r"|authors|byline)\s*:?|\u0932\u0947\u0916\u0915\s*:",
)
_LEAD = LazyPattern(
    r"(?i:(?:written|reported|posted|published|words|story|text|report)\s+by|by)\s*:?\s+"
    r"|(?i:authors?|byline)\s*:\s*|\u0932\u0947\u0916\u0915\s*:\s*"
)
_NAME_PARTICLES_TEXT = (
    "de da del della di do dos das du van von der den le la al el bin ibn binti ter zu y"
)
_NAME_PARTICLES = frozenset(_NAME_PARTICLES_TEXT.split())
"""Lowercase words inside names (``Rio de Janeiro``, ``Ludwig van Beethoven``)."""
# A word of a name: letters (any alphabet), with apostrophes, hyphens and a final full stop
# (``O'Neil``, ``Jean-Paul``, ``Jr.``), or initials (``J.K.``).
_NAME_WORD = LazyPattern(rf"{LETTER}{{1,31}}(?:['\u2019\-]{LETTER}{{1,30}}){{0,3}}\.?")
_INITIALS = LazyPattern(r"(?:[^\W\d_]\.){1,4}")
_HANDLE = LazyPattern(r"@[A-Za-z0-9_]{1,30}")
_NAME_AND_HANDLE = LazyPattern(r"(?P<name>.{1,80}?)\s*(?P<handle>@[A-Za-z0-9_]{1,30})")
_RELATIVE_DATE = LazyPattern(
    r"(?i:\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just\s+now|yesterday|today)"
)
_PART_SEPARATOR = LazyPattern(r"\s*[|,;]\s*")
_NAME_SEPARATOR = LazyPattern(r"\s+(?:and|&)\s+|^and\s+")
_DIGIT = LazyPattern(r"\d")


# A Hindi note naming who wrote the story, often closing it in brackets: ``(ये स्टोरी … रौनक भैड़ा
# ने लिखी है)`` ("… wrote this story"; the English ``(This story was written by …)`` is read as
# a credit). The name comes last, after any description of the writer (``हमारे यहाँ इंटर्नशिप कर
# रहे``, "interning with us"), which ends in a participle or a postposition: the name is the
# words after the last of those.
_WRITTEN_BY_NOTE = LazyPattern(
    r"\(?(?:ये|यह|इस|इसे)\s+(?:स्टोरी|खबर|\u0959बर|\u0916\u093cबर|लेख|रिपोर्ट|आर्टिकल)\s+"
    r"(?P<who>[^()]{1,100}?)\s+ने\s+लिख(?:ी|ा|े)\s+(?:है|हैं|थी|था|थे)[.।]?\)?[.।]?"
)
_HINDI_DESCRIPTION_ENDS_TEXT = """
    रहे रही रहा रहीं वाले वाली वाला हुए हुई हुआ के की का हमारे हमारी हमारा में से पर को साथी
"""
_HINDI_DESCRIPTION_ENDS = frozenset(_HINDI_DESCRIPTION_ENDS_TEXT.split())
"""Words that end a description of the writer before the name (participles, postpositions)."""


def _written_by_note(text: str, line: int) -> Byline | None:
    """``(ये स्टोरी … ने लिखी है)``: see :data:`_WRITTEN_BY_NOTE`."""
    note = _WRITTEN_BY_NOTE.fullmatch(text)
    if note is None:
        return None
    words = note["who"].split()
    ends = [i for i, word in enumerate(words) if normalize("NFC", word) in _HINDI_DESCRIPTION_ENDS]
    name = " ".join(words[ends[-1] + 1 if ends else 0 :])
    return Byline(text, (name,), line=line) if name and _is_name(name) else None


class _Parts(NamedTuple):
    names: tuple[str, ...]
    agency: str | None
    handle: str | None


def is_byline_label(text: str) -> bool:
    """Whether ``text`` is only a byline label (``Written By``, ``By``, ``Author:``) whose name
    is on the next line."""
    stripped = text.strip()
    return len(stripped) <= 20 and _LABEL.fullmatch(stripped) is not None


def parse_byline(
    text: str, *, line: int = 0, bare: bool = False, h: Heuristics = DEFAULT_HEURISTICS
) -> Byline | None:
    """The byline on ``text`` (a line, or a label line joined with the next), or ``None``.

    With ``bare``, names without a ``By`` are accepted too (``Jane Doe and John Roe``): for a
    caller that already knows the text stands where a byline does, such as the words before a
    timestamp (:attr:`~newsconvert.parser.timestamps.TimestampMatch.prefix`) or the line after
    a lone ``Written By``. The same rules for names apply.
    """
    if len(text) > h.max_byline_length:
        return None
    written = text.strip()
    if written[:1] in "(\u092f\u0907":  # ``(``, ``ये``/``यह``, ``इस``
        note = _written_by_note(written, line)
        if note is not None:
            return note
    if not bare and "|" not in written and _LEAD.match(written) is None:
        # Neither a ``By``-style label nor the ``|`` form (the lead pattern allows any run
        # of whitespace, so it matches the line as written whenever it matches it collapsed).
        return None
    # Read with runs of spaces collapsed; ``Byline.text`` keeps the line as written.
    normalised = " ".join(written.split())
    lead = _LEAD.match(normalised)
    parts: _Parts | None = None
    if lead is not None:
        parts = _read_by_form(normalised[lead.end() :])
    elif "|" in normalised:
        parts = _read_pipe_form(normalised)
    elif bare:
        parts = _read_by_form(normalised)
    if parts is None:
        return None
    return Byline(written, parts.names, parts.agency, parts.handle, line)


def _is_name(text: str) -> bool:
    """One to five name words, each capitalised, in capitals, initials, ``deCasparis``-style,
    or a particle between two of them; the first word is not a sentence word (``The``)."""
    words = text.split()
    if not 0 < len(words) <= 5 or words[0].lower().rstrip(".") in _NOT_FIRST_NAME_WORDS:
        return False
    for position, word in enumerate(words):
        if _INITIALS.fullmatch(word):
            continue
        if _NAME_WORD.fullmatch(word) is None:
            return False
        if word[0].isupper() or word[0].lower() == word[0].upper():
            continue  # capitalised, or in a script without capitals (``शशि थरूर``)
        if 0 < position < len(words) - 1 and word in _NAME_PARTICLES:
            continue  # ``Vincent van Gogh``
        if position > 0 and any(letter.isupper() for letter in word[1:4]):
            continue  # ``Lena deCasparis``
        return False
    return True


def _is_role(text: str) -> bool:
    words = re.split(r"[\s\-]+", text.lower())
    return (
        0 < len(words) <= 5
        and any(word in _ROLE_WORDS for word in words)
        and all(_NAME_WORD.fullmatch(word) or word in ("of", "for", "and", "और") for word in words)
    )


def _is_agency(text: str) -> bool:
    return text.lower() in AGENCIES


def _read_by_form(names_text: str) -> _Parts | None:
    """``Jane Doe and John Roe, Reuters``: names, then agency, role or handle parts."""
    names_text = names_text.rstrip(" .;")
    first = names_text[:1]
    if (
        not first
        or not (first.isupper() or first.lower() == first.upper())
        or (_DIGIT.search(names_text))
    ):
        # ``By the end of …``, ``By 2020 …``: a sentence, refused before any splitting.
        return None
    names: list[str] = []
    agency: str | None = None
    handle: str | None = None
    for part in _PART_SEPARATOR.split(names_text):
        if not part:
            return None
        with_handle = _NAME_AND_HANDLE.fullmatch(part)
        if _HANDLE.fullmatch(part):
            handle = part
            continue
        if with_handle is not None:
            part, handle = with_handle["name"], with_handle["handle"]
        if names and _is_agency(part):
            agency = part
        elif names and (_is_role(part) or is_place(part, major=not part.isupper())):
            continue  # ``Special Correspondent``, ``New Delhi``: stays in the text only
        else:
            people = [name for name in _NAME_SEPARATOR.split(part) if name]
            if not people or not all(_is_name(name) for name in people):
                return None
            names.extend(people)
    if not names:
        return None
    if agency is None and len(names) == 1 and _is_agency(names[0]):
        agency = names[0]
    return _Parts(tuple(names), agency, handle)


def _read_pipe_form(whole: str) -> _Parts | None:
    """``Jane Doe | PTI@JaneDoe``, ``Jane Doe | Contributing Writer | 5 days ago``."""
    first, *others = (part.strip() for part in whole.split("|"))
    if not others or not _is_name(first) or (len(first.split()) < 2 and not _is_agency(first)):
        return None
    agency: str | None = None
    handle: str | None = None
    for part in others:
        if not part:
            return None
        with_handle = _NAME_AND_HANDLE.fullmatch(part)
        if _HANDLE.fullmatch(part):
            handle = part
        elif with_handle is not None and _is_name(with_handle["name"]):
            agency, handle = with_handle["name"], with_handle["handle"]
        elif _is_agency(part):
            agency = part
        elif _is_role(part) or _RELATIVE_DATE.fullmatch(part):
            continue
        else:
            return None
    return _Parts((first,), agency, handle)


# ``By Jane DoeThe ministry said …``: a scraper dropped the line break after the name, so a
# lowercase letter runs into the capital that starts the sentence. Name prefixes written that
# way (``McDonald``, ``DeSantis``) are not breaks.
_GLUED_AT_CAPITAL = LazyPattern(
    r"(?:By|BY)\s+(?P<name>(?:[A-Z][\w.'\u2019\-]*\s){1,3}[A-Z][a-z'\u2019\-]*[a-z])"
    r"(?=[A-Z][a-z])"
)
_CAMEL_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'", "O\u2019")


def split_glued_byline(
    text: str, *, line: int = 0, h: Heuristics = DEFAULT_HEURISTICS
) -> tuple[Byline, str] | None:
    """A byline run into the text after it by a scraper, and that text: ``By Jane DoeThe
    ministry said …`` or ``By Jane Doe Cloud security is …`` (the capitalised words before
    the first lowercase one are the name and the sentence's first word). ``None`` when the
    line is a byline itself or does not open with a name after ``By``."""
    if not text.startswith(("By ", "BY ")) or len(text) < h.min_glued_rest + 8:
        return None
    if parse_byline(text, line=line, h=h) is not None:
        return None
    glued = _GLUED_AT_CAPITAL.match(text)
    if glued is not None:
        last = glued["name"].rsplit(" ", 1)[-1]
        if len(last) >= 3 and not last.startswith(_CAMEL_NAME_PREFIXES):
            cut = glued.end()
            return _glued(text, cut, cut, line, h)
    words = text.split(" ")
    run = 0
    while run + 1 < len(words) and run < 5 and words[run + 1][:1].isupper():
        run += 1
    # ``By`` + name words + the sentence's capitalised first word, then a lowercase word.
    if not 3 <= run <= 5 or run + 1 >= len(words) or not words[run + 1][:1].islower():
        return None
    cut = len(" ".join(words[:run]))
    return _glued(text, cut, cut + 1, line, h)


def _glued(
    text: str, cut: int, rest_start: int, line: int, h: Heuristics
) -> tuple[Byline, str] | None:
    head, rest = text[:cut], text[rest_start:]
    byline = parse_byline(head, line=line, h=h)
    if byline is None or len(rest) < h.min_glued_rest or not rest[0].isupper():
        return None
    return byline, rest
