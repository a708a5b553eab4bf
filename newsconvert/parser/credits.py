"""Credits and sign-offs: ``(With AP inputs)``, ``(PTI)``, ``(Reporting by …)``, `` Reuter``.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-credits`).
"""

from __future__ import annotations

import re
from unicodedata import normalize

from newsconvert.parser.bylines import AGENCIES, parse_byline
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.patterns import LazyPattern
from newsconvert.tree import Credit

__all__ = [
    "CREDIT_LABEL_FIRST",
    "is_credit_label",
    "match_credit",
    "match_credit_names",
    "match_picture_credit",
    "may_be_credit",
    "split_trailing_credit",
]

# The first word of a credit sentence; anything else is refused before a regex runs.
_LEAD_WORDS = frozenset(
    {
        "with",
        "additional",
        "reporting",
        "reported",
        "writing",
        "written",
        "editing",
        "edited",
        "compiled",
        "translated",
        "translation",
        "inputs",
        "input",
        "source",
        "sources",
        "source:",
        "sources:",
        "courtesy",
        "via",
        "agencies",
        "research",
        "graphics",
        "graphic",
        "this",
        "except",
    }
)
_CREDIT_LEAD = LazyPattern(
    r"(?i:with\s+(?:inputs?|additional|reporting|agency|agencies|wire|contributions?)"
    r"|with\s+[A-Z][\w.\-]{0,30}(?:\s[A-Z][\w.\-]{0,30}){0,3}\s+inputs?"
    r"|(?:additional\s+)?reporting\s+by|reported\s+by|writing\s+by|written\s+by|editing\s+by"
    r"|edited\s+by|compiled\s+by|compiled\s+from|translated\s+by|translation\s+by"
    r"|inputs?\s+from|sources?\s*:|courtesy|via|agencies|research\s+by|graphics?\s+by"
    r"|(?:except\s+for\s+the\s+headline,\s+)?this\s+(?:story|article|report)\s+"
    r"(?:has|was|is|first))(?![A-Za-z])"
)
# Hindi credits (matched in NFC): a source label and its names, or a note that the story was
# written with someone's inputs (``इनपुट``) or taken from a source.
_HINDI_CREDIT_LABEL = LazyPattern(
    normalize("NFC", r"(?:इनपुट्?स?|सोर्स|स्रोत|साभार)\s*[-:\u2013\u2014]\s*\S")
)
_HINDI_INPUTS = LazyPattern(
    normalize("NFC", r"इनपुट्?स?.{0,60}?(?:के\s+साथ|से\s+लिया|से\s+लिए|लिया\s+गया)")
)
_HINDI_AGENCIES = frozenset({"भाषा", "एजेंसी", "एजेंसियां", "आईएएनएस", "पीटीआई", "एएनआई"})


def _is_hindi_credit(inner: str, h: Heuristics) -> bool:
    """``इनपुट- …``, ``(… के इनपुट्स के साथ)``, ``(भाषा)``: see the module docstring."""
    if len(inner) > h.max_hindi_credit_length:
        return False
    inner = normalize("NFC", inner.strip())
    return (
        inner in _HINDI_AGENCIES
        or _HINDI_CREDIT_LABEL.match(inner) is not None
        or _HINDI_INPUTS.search(inner) is not None
    )


# ``The Associated Press contributed to this report.``
_CONTRIBUTED = LazyPattern(
    r"(?:[\w.&'\u2019\-]{1,40}\s){1,8}contributed\s+(?:reporting\s+)?to\s+this\s+"
    r"(?:report|story|article)\.?",
    re.IGNORECASE,
)
_BROADCASTERS = frozenset({"cnn", "bbc", "news 1st", "bloomberg", "agency"})
_DASH = LazyPattern(r"(?:-{1,2}|\u2013|\u2014)\s*")
_PHOTO = LazyPattern(r"(?i:photo|picture|image|video|file)")
_SENTENCE_END = ".!?\"'\u201d\u2019)]\u0964\u0965"  # with Hindi's ``।`` and ``॥``
_SIGN_OFFS = frozenset({"reuter", "reuters", "pti", "ians", "ani", "afp"})
"""Words that sign off wire copy at the end of its last paragraph (``… Das said. pti``)."""


def _is_credit_text(inner: str, *, bracketed: bool, h: Heuristics) -> bool:
    """Whether ``inner`` (without brackets or a leading dash) is a credit."""
    inner = inner.strip()
    if not inner:
        return False
    if "\u0900" <= inner[0] <= "\u097f":  # Devanagari
        return _is_hindi_credit(inner, h)
    name = inner.rstrip(".").lower()
    if name in AGENCIES:
        # Bare, a broadcaster's name is more often a logo or menu item than a sign-off.
        return bracketed or name not in _BROADCASTERS
    if bracketed and "/" in inner and len(inner) <= 60:
        # ``(AP/Reuters)``: several agencies; ``(AP Photo/…)`` is a caption.
        return all(part.strip().lower() in AGENCIES for part in inner.split("/"))
    if inner.startswith("\u00a9") or inner[:10].lower() in ("copyright ", "copyright\u00a9"):
        return len(inner) <= 200  # ``Copyright 2019 The Associated Press. All rights reserved.``
    first_word = inner.split(None, 1)[0].lower()
    if first_word in _LEAD_WORDS:
        return _CREDIT_LEAD.match(inner) is not None and not (
            first_word == "via" and _PHOTO.search(inner)
        )
    if inner.endswith((".", "report", "story", "article")) and "contributed" in inner:
        return _CONTRIBUTED.fullmatch(inner) is not None
    return False


# Words an unbracketed, undashed credit can start with (lower case): the lead words, the first
# word of every agency. Anything else (but a copyright line or a ``… contributed to this
# report``) is refused after one split.
_FIRST_WORDS = frozenset({*_LEAD_WORDS, *(name.split()[0] for name in AGENCIES)} - {"the"})


def may_be_credit(text: str) -> bool:
    """A quick necessary condition for :func:`match_credit` on stripped, non-empty ``text``:
    it opens with a bracket, a dash, ``©``, ``Copyright`` or a credit's first word, or it says
    ``contributed``, or it names an agency alone."""
    return (
        text[0] in "(-\u2013\u2014\u00a9\u0907\u0938"  # ``इ``, ``स``: ``इनपुट``, ``सोर्स``
        or text.split(None, 1)[0].rstrip(".").lower() in _FIRST_WORDS
        or text[:9].lower() == "copyright"
        or "contributed" in text
        or text.rstrip(".").lower() in AGENCIES  # ``The Associated Press``
    )


def match_credit(text: str, *, line: int = 0, h: Heuristics = DEFAULT_HEURISTICS) -> Credit | None:
    """The credit that ``text`` (a whole line or paragraph) is, or ``None``."""
    stripped = text.strip()
    if not stripped or len(stripped) > h.max_credit_length or not may_be_credit(stripped):
        return None
    if stripped[0] == "(":
        inner = stripped[1:].removesuffix(".")
        if not inner.endswith(")") or "(" in inner or ")" in inner[:-1]:
            return None
        return Credit(stripped, line) if _is_credit_text(inner[:-1], bracketed=True, h=h) else None
    dash = _DASH.match(stripped)
    inner = stripped[dash.end() :] if dash is not None else stripped
    return Credit(stripped, line) if _is_credit_text(inner, bracketed=False, h=h) else None


_PICTURE_CREDIT = LazyPattern(
    r"\(?(?i:(?:photos?|pictures?|pics?|images?|videos?|graphics?|illustrations?|"
    r"फोटो|फ़ोटो|तस्वीरें|तस्वीर|ग्राफिक्स)\s*(?:credits?|courtesy|साभार|क्रेडिट)"
    r"|(?:credits?|courtesy)\s+(?:for\s+)?(?:photos?|pictures?|images?))"
    r"\s*[:\-\u2013\u2014]\s*(?P<who>[^()\n]{1,80}?)\)?"
)
PICTURE_CREDIT_FIRST = frozenset("(PpIiVvGgCc\u092b\u0924\u0917")
"""First characters of a picture credit line (a cheap test before the pattern)."""


def match_picture_credit(text: str, *, line: int = 0) -> Credit | None:
    """``Photo Credit: Head & Shoulders``, ``(Image courtesy: Reuters)``, ``फोटो साभार: …``: a
    credit for the pictures, labelled as a credit, when ``text`` (a closing line of the story)
    is one; else ``None``. The names after the label are short and end no sentence. A bare
    ``Photo: …`` or ``Video: …`` is not enough (a teaser, a caption)."""
    stripped = text.strip()
    found = _PICTURE_CREDIT.fullmatch(stripped)
    if found is None or stripped.startswith("(") != stripped.endswith(")"):
        return None
    who = found["who"].strip()
    if not who or len(who.split()) > 8 or who[-1] in _SENTENCE_END.replace(")", ""):
        return None
    return Credit(stripped, line)


# A label that stands alone on its line over the names it credits (``Graphics`` / ``Jane Doe
# and John Roe``, ``ग्राफिक्स`` / ``पुनीत श्रीवास्तव``): what was made (pictures, graphics,
# video, design, research) and by whom, on the next line. Compared in NFC, lowercase, without
# a closing colon or dash.
_CREDIT_LABELS = frozenset(
    normalize("NFC", label)
    for label in (
        "graphics",
        "graphic",
        "infographics",
        "infographic",
        "photos",
        "photo",
        "photographs",
        "pictures",
        "images",
        "illustration",
        "illustrations",
        "video",
        "videos",
        "design",
        "visuals",
        "animation",
        "research",
        "ग्राफिक्स",
        "ग्राफिक",
        "इन्फोग्राफिक्स",
        "फोटो",
        "फ़ोटो",
        "फोटोज",
        "तस्वीरें",
        "इलस्ट्रेशन",
        "वीडियो",
        "डिजाइन",
        "रिसर्च",
    )
)
_LONGEST_CREDIT_LABEL = max(map(len, _CREDIT_LABELS)) + 2
CREDIT_LABEL_FIRST = frozenset(
    first for label in _CREDIT_LABELS for first in (label[0], label[0].upper())
)
"""First characters of a credit label line (a cheap test before :func:`is_credit_label`)."""


def is_credit_label(text: str) -> bool:
    """Whether ``text`` is only the label of a credit whose names are on the next line
    (``Graphics``, ``Photos:``, ``ग्राफिक्स``)."""
    if len(text) > _LONGEST_CREDIT_LABEL:
        return False
    key = text.rstrip(" :-\u2013\u2014").lower()
    return (key if key.isascii() else normalize("NFC", key)) in _CREDIT_LABELS


def match_credit_names(
    text: str, *, line: int = 0, h: Heuristics = DEFAULT_HEURISTICS
) -> Credit | None:
    """The line of names under a credit label (``Jane Doe and John Roe``, ``पुनीत श्रीवास्तव
    रथिन सरकार``) as a credit: short, no sentence, and nothing but names (the byline
    recogniser's rules for names); else ``None``."""
    stripped = text.strip()
    if (
        not stripped
        or len(stripped) > h.max_credit_names_length
        or stripped[-1] in ".!?:\u0964"
        or parse_byline(stripped, line=line, bare=True, h=h) is None
    ):
        return None
    return Credit(stripped, line)


def split_trailing_credit(
    text: str, *, line: int = 0, h: Heuristics = DEFAULT_HEURISTICS
) -> tuple[str, Credit] | None:
    """Split a credit off the end of paragraph ``text``: ``… said. (PTI)`` or Reuters'
    ``… last year.  Reuter``. Returns the paragraph without it (trailing space removed) and
    the credit, or ``None``. The text before must end a sentence, so ``… according to a
    report (Reuters)`` is left alone."""
    stripped = text.rstrip()
    core = stripped.removesuffix(".")
    if core.endswith(")"):
        start = core.rfind("(", max(0, len(core) - h.max_credit_length))
        if start < 0 or ")" in core[start:-1]:
            return None
        credit = match_credit(stripped[start:], line=line, h=h)
    else:
        last_space = stripped.rfind(" ")
        start = last_space + 1
        if last_space < 0 or stripped[start:].lower() not in _SIGN_OFFS:
            return None
        credit = Credit(stripped[start:], line)
    if credit is None:
        return None
    body = stripped[:start].rstrip()
    if not body or body[-1] not in _SENTENCE_END:
        return None
    return body, credit
