"""Bylines: ``By Jane Doe and John Roe``, ``By JANE DOE, Reuters``, ``Jane Doe | PTI@JaneDoe``.

A byline is a whole line (or the joined ``Written By`` + name lines) and nothing but names:

- ``By``/``Written by``/``Reported by``/``Posted by``/``Author:`` followed by one or more names
  separated by ``,``, ``and``, ``&``; a comma part that is a news agency (``Reuters``) becomes
  :attr:`Byline.agency`, a part that is a job title (``Special Correspondent``) stays only in
  the text; a name that is itself an agency (``By Associated Press``) is both a name and the
  agency;
- or ``Name | Agency@handle`` / ``Name | Role | 5 days ago``: a name, then ``|``-separated
  parts that are each an agency, a handle, a job title or a date.

A name is one to five words, each capitalised or in capitals (``JANE DOE``), with initials
(``J.K.``) and the lowercase particles of names (``de``, ``van``, ``bin``). That rule is what
keeps sentences out: ``By the end of the year`` (``the``), ``By 2020 the …`` (a digit),
``By January, prices …`` (a month or weekday is never a name's first word) and
``By Kevin Mazur/WireImage.`` (a photo credit: ``/`` is not part of a name) are all refused.
"""

from __future__ import annotations

import re

from newsconvert.tree import Byline

__all__ = ["AGENCIES", "is_byline_label", "parse_byline"]

MAX_BYLINE_LENGTH = 160

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
"""
_ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
"""Words of job titles printed after a name (``Special Correspondent``)."""

_NOT_NAME_START_TEXT = """
    the a an this that these those then now its it his her their our my your when while after
    before during since until if as in on at of for from with without about around over under
    far late early now way contrast comparison comparison default design definition law
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
    midnight noon dawn night day morning evening afternoon week month year decade end start
"""
_NOT_FIRST_NAME_WORDS = frozenset(_NOT_NAME_START_TEXT.split())
"""Capitalised words that start sentences after ``By`` but never a name (``By January, …``)."""

_LABEL = re.compile(
    r"(?i:(?:written|reported|posted|compiled|words|story|text|report)\s+by|by|author|authors"
    r"|byline)\s*:?",
)
_LEAD = re.compile(
    r"(?i:(?:written|reported|posted|words|story|text|report)\s+by|by)\s*:?\s+"
    r"|(?i:authors?|byline)\s*:\s*"
)
_NAME_PARTICLES = (
    r"(?:de|da|del|della|di|do|dos|du|van|von|der|den|le|la|al|el|bin|ibn|binti|ter|zu|y)"
)
_NAME_WORD = (
    r"(?:[A-Z][A-Za-z'\u2019\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|[a-z]{1,3}[A-Z][A-Za-z'\u2019\-]*"
    rf"|{_NAME_PARTICLES}(?=\s[A-Z]))"
)
_NAME = re.compile(rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,4}}")
_HANDLE = re.compile(r"@[A-Za-z0-9_]{1,30}")
_AGENCY_HANDLE = re.compile(
    r"(?P<agency>[A-Za-z][\w .&\-]{0,40}?)\s*(?P<handle>@[A-Za-z0-9_]{1,30})"
)
_RELATIVE_DATE = re.compile(
    r"(?i:\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just\s+now|yesterday|today)"
)
_NAME_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
_DIGIT = re.compile(r"\d")


def is_byline_label(text: str) -> bool:
    """Whether ``text`` is only a byline label (``Written By``, ``By``, ``Author:``) whose name
    is on the next line."""
    stripped = text.strip()
    return len(stripped) <= 20 and _LABEL.fullmatch(stripped) is not None


def parse_byline(text: str, *, line: int = 0) -> Byline | None:
    """The byline on ``text`` (a line, or a label line joined with the next), or ``None``."""
    stripped = " ".join(text.split())
    if not stripped or len(stripped) > MAX_BYLINE_LENGTH:
        return None
    lead = _LEAD.match(stripped)
    if lead is not None:
        return _parse_by_form(stripped, stripped[lead.end() :], line)
    if "|" in stripped:
        return _parse_pipe_form(stripped, line)
    return None


def _is_name(text: str) -> bool:
    if _NAME.fullmatch(text) is None:
        return False
    return text.split()[0].lower().rstrip(".") not in _NOT_FIRST_NAME_WORDS


def _is_role(text: str) -> bool:
    words = re.split(r"[\s\-]+", text.lower())
    return (
        0 < len(words) <= 5
        and any(word in _ROLE_WORDS for word in words)
        and _NAME.fullmatch(text.title()) is not None
    )


def _is_agency(text: str) -> bool:
    return text.lower() in AGENCIES


def _parse_by_form(whole: str, names_text: str, line: int) -> Byline | None:
    names_text = names_text.rstrip(" .;")
    if not names_text or _DIGIT.search(names_text):
        return None
    names: list[str] = []
    agency: str | None = None
    handle: str | None = None
    for part in re.split(r"\s*[|,]\s*", names_text):
        if not part:
            return None
        agency_handle = _AGENCY_HANDLE.fullmatch(part)
        if _HANDLE.fullmatch(part):
            handle = part
        elif agency_handle is not None and (_is_agency(agency_handle["agency"]) or not names):
            agency, handle = agency_handle["agency"], agency_handle["handle"]
        elif names and _is_agency(part):
            agency = part
        elif names and _is_role(part):
            continue
        else:
            people = [name for name in _NAME_SEPARATOR.split(part) if name]
            if not people or not all(_is_name(name) for name in people):
                return None
            names.extend(people)
    if not names:
        return None
    if agency is None and len(names) == 1 and _is_agency(names[0]):
        agency = names[0]
    return Byline(text=whole, names=tuple(names), agency=agency, handle=handle, line=line)


def _parse_pipe_form(whole: str, line: int) -> Byline | None:
    first, *others = (part.strip() for part in whole.split("|"))
    if not others or not _is_name(first) or (len(first.split()) < 2 and not _is_agency(first)):
        return None
    agency: str | None = None
    handle: str | None = None
    for part in others:
        if not part:
            return None
        agency_handle = _AGENCY_HANDLE.fullmatch(part)
        if _HANDLE.fullmatch(part):
            handle = part
        elif agency_handle is not None:
            agency, handle = agency_handle["agency"], agency_handle["handle"]
        elif _is_agency(part):
            agency = part
        elif _is_role(part) or _RELATIVE_DATE.fullmatch(part):
            continue
        else:
            return None
    return Byline(text=whole, names=(first,), agency=agency, handle=handle, line=line)
