"""The few facts about an article that a site needs outside its page: title, dates, authors.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-metadata`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from newsconvert import facts
from newsconvert.tree import Article, Paragraph

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, spelled out here so that dates read the same under any locale."""


@dataclass(frozen=True, slots=True)
class PostMeta:
    """An article's metadata as a site generator sees it."""

    title: str
    """The headline."""
    published: datetime | None
    """When it was published (see the module doc), or ``None`` when the text gives no date."""
    modified: datetime | None
    """When it was last updated, or ``None`` when no ``Updated`` line says so."""
    published_zone: str | None
    """The zone abbreviation written with the publication time (``IST``), if any."""
    authors: tuple[str, ...]
    """The authors' names, from the bylines, in order."""
    summary: str | None
    """The standfirst, if any."""
    kicker: str | None
    """The rubric above the headline, if any."""
    dateline: str | None
    """The wire dateline as written, if any."""
    excerpt: str | None = None
    """The opening of the first paragraph (at most :data:`EXCERPT_LENGTH` characters, cut at a
    word), for listings of an article without a standfirst."""


EXCERPT_LENGTH = 200
"""The longest :attr:`PostMeta.excerpt`, before its ellipsis."""


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """``text`` on one line, cut after at most ``length`` characters at a space, with ``…``.

    Text with no space to cut at (Thai, Chinese, Japanese) is cut between characters, but never
    between a letter and the combining marks or joiners that belong to it (a Thai or Devanagari
    vowel sign, a virama's conjunct, an emoji sequence's zero-width joiner)."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    if " " in text[:length]:
        cut = text[: length + 1].rsplit(" ", 1)[0]
    else:
        end = length
        while end > 1 and (_joins_previous(text[end]) or _joins_next(text[end - 1])):
            end -= 1
        cut = text[:end]
    return cut.rstrip(" ,;:") + "…"


def _joins_next(char: str) -> bool:
    """Whether ``char`` binds the character after it: a zero-width joiner, or a virama
    (canonical combining class 9: Devanagari ``्`` joins two consonants into one conjunct)."""
    return char == "\u200d" or unicodedata.combining(char) == 9


def _joins_previous(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (a combining mark, a joiner, a
    variation selector)."""
    return (
        unicodedata.category(char)[0] == "M"
        or char in "\u200c\u200d"
        or ("\ufe00" <= char <= "\ufe0f")
    )


def _first_paragraph(article: Article) -> str | None:
    for section in article.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.text.strip():
                return block.text
    return None


def post_meta(article: Article) -> PostMeta:
    """The :class:`PostMeta` of ``article`` (its facts from :mod:`newsconvert.facts`)."""
    published = facts.listing_date(article)
    modified = facts.modified(article)
    if modified is published:  # the one update stands in for the publication time
        modified = None
    return PostMeta(
        title=article.title_label,
        published=published.value if published is not None else None,
        modified=modified.value if modified is not None else None,
        published_zone=published.zone if published is not None else None,
        authors=facts.authors(article),
        summary=facts.description(article),
        kicker=article.kicker.text if article.kicker is not None else None,
        dateline=article.dateline.text.strip() if article.dateline is not None else None,
        excerpt=excerpt(first) if (first := _first_paragraph(article)) else None,
    )


def display_date(value: datetime, zone: str | None = None) -> str:
    """A date for people, the same under every locale: ``27 November 2019, 19:17 IST``.

    The zone is the abbreviation the article used, else the numeric offset; a naive time gets
    neither, because the article did not say.
    """
    text = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if value.hour or value.minute:
        text += f", {value:%H:%M}"
        if zone:
            text += f" {zone}"
        elif value.utcoffset() is not None:
            text += f" UTC{format_offset(value)}"
    return text


def format_offset(value: datetime) -> str:
    """The UTC offset of an aware ``value`` as ``+05:30`` (``""`` for a naive one)."""
    offset = value.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def sort_timestamp(value: datetime | None) -> float | None:
    """Seconds since the epoch, for ordering articles newest first.

    A naive time is placed in UTC: articles that do not name their zone cannot be ordered more
    exactly than that, and the order is only used for listings.
    """
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()
