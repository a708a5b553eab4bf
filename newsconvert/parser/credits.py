"""Credits and sign-offs: ``(With AP inputs)``, ``(PTI)``, ``(Reporting by …)``, `` Reuter``.

A credit is a short line (or the end of a paragraph) that says where the copy came from:

- an agency alone, in brackets (``(PTI)``, ``(Kyodo)``) or bare (``Reuter``, ``Reuters``,
  ``— AFP``); bare only for a known agency, so that an ordinary one-word line is not a credit;
- a bracketed credit sentence that starts with a credit word: ``(With AP inputs)``,
  ``(With inputs from agencies)``, ``(Reporting by Jane Doe; Editing by John Roe)``,
  ``(Additional reporting by …)``, ``(Compiled by …)``, ``(Source: …)``;
- the same sentences unbracketed when they are the whole line (``Reporting by Jane Doe``,
  ``-- Reporting by …``, ``Compiled by the news desk``), and ``X contributed to this report.``

Photo credits (``(AP Photo/…)``) are captions, not credits, and are refused here.
"""

from __future__ import annotations

import re

from newsconvert.parser.bylines import AGENCIES
from newsconvert.tree import Credit

__all__ = ["match_credit", "split_trailing_credit"]

MAX_CREDIT_LENGTH = 300
"""Longer text is never a credit (the longest reporting/editing credits are ~150 characters)."""

_CREDIT_LEAD = (
    r"(?i:with\s+(?:inputs?|input|additional|reporting|agency|agencies|wire|contributions?)"
    r"|with\s+[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3}\s+inputs?"
    r"|(?:additional\s+)?reporting\s+by|reported\s+by|writing\s+by|written\s+by|editing\s+by"
    r"|edited\s+by|compiled\s+by|compiled\s+from|translated\s+by|translation\s+by"
    r"|inputs?\s+from|sources?\s*:|courtesy|via|agencies|research\s+by|graphics?\s+by"
    r"|this\s+(?:story|article|report)\s+(?:has|was|is|first)"
    r"|(?:[\w.\-]+\s){1,6}contributed\s+to\s+this\s+(?:report|story|article))(?![A-Za-z])"
)
_CREDIT_SENTENCE = re.compile(_CREDIT_LEAD)
_BROADCASTERS = frozenset({"cnn", "bbc", "news 1st", "bloomberg", "agency"})
_BRACKETED = re.compile(r"\((?P<inner>[^()]{1,280})\)\.?")
_DASHED = re.compile(r"(?:-{1,2}|\u2013|\u2014)\s*(?P<inner>.+)")
_PHOTO = re.compile(r"(?i:photo|photograph|picture|image|video|file)")
_TRAILING_BRACKETED = re.compile(r"\s*(?P<credit>\([^()]{1,280}\)\.?)\s*$")
_TRAILING_WORD = re.compile(r"\s+(?P<credit>\S{1,40})\s*$")
_SENTENCE_END = ".!?\"'\u201d\u2019)]"


def _is_credit_text(inner: str, *, bracketed: bool) -> bool:
    """Whether ``inner`` (without brackets or a leading dash) is a credit."""
    inner = inner.strip()
    if not inner or (_PHOTO.search(inner) and not _CREDIT_SENTENCE.match(inner)):
        return False
    name = inner.rstrip(".").lower()
    if name in AGENCIES:
        # Bare, a broadcaster's name is more often a logo or menu item than a sign-off.
        return bracketed or name not in _BROADCASTERS

    if bracketed and "/" in inner:
        # ``(AP/Reuters)``: several agencies.
        return all(part.strip().lower() in AGENCIES for part in inner.split("/"))
    return _CREDIT_SENTENCE.match(inner) is not None


def match_credit(text: str, *, line: int = 0) -> Credit | None:
    """The credit that ``text`` (a whole line or paragraph) is, or ``None``."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_CREDIT_LENGTH:
        return None
    bracketed = _BRACKETED.fullmatch(stripped)
    if bracketed is not None:
        inner = bracketed["inner"]
        return Credit(text=stripped, line=line) if _is_credit_text(inner, bracketed=True) else None
    dashed = _DASHED.fullmatch(stripped)
    inner = dashed["inner"] if dashed is not None else stripped
    if _is_credit_text(inner, bracketed=False):
        return Credit(text=stripped, line=line)
    return None


def split_trailing_credit(text: str, *, line: int = 0) -> tuple[str, Credit] | None:
    """Split a credit off the end of paragraph ``text``: ``… said. (PTI)`` or Reuters'
    ``… last year.  Reuter``. Returns the paragraph without it (trailing space removed) and
    the credit, or ``None``. The text before must end a sentence, so ``… according to a
    report (Reuters)`` is left alone."""
    if len(text) < 2:
        return None
    tail = text[-MAX_CREDIT_LENGTH:]
    offset = len(text) - len(tail)
    found = _TRAILING_BRACKETED.search(tail)
    if found is not None:
        credit = match_credit(found["credit"], line=line)
    else:
        found = _TRAILING_WORD.search(tail)
        credit = None
        if found is not None and found["credit"].lower() in ("reuter", "reuters"):
            credit = Credit(text=found["credit"], line=line)
    if found is None or credit is None:
        return None
    body = text[: offset + found.start()].rstrip()
    if not body or body[-1] not in _SENTENCE_END:
        return None
    return body, credit
