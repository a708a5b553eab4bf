"""Placing timestamps, bylines and credits: the recognisers (:mod:`.timestamps`,
:mod:`.bylines`, :mod:`.credits`) decide what a line *is*; the ``take_…`` functions here, called
by the front and body rules, decide where it *goes* (published or updated, which byline), record
the trace, and turn recogniser errors into located ones.
"""

from __future__ import annotations

from newsconvert.errors import NewsconvertError
from newsconvert.parser.builder import ArticleBuilder
from newsconvert.parser.bylines import is_byline_label, parse_byline
from newsconvert.parser.credits import match_credit
from newsconvert.parser.gazetteer import is_place
from newsconvert.parser.heuristics import Heuristics
from newsconvert.parser.layouts import Chunk
from newsconvert.parser.metaline import may_be_relative_time, read_meta_line, read_relative_time
from newsconvert.parser.rules import Role, RuleName
from newsconvert.parser.timestamps import may_be_timestamp, parse_timestamp
from newsconvert.parser.timezones import ZoneTable
from newsconvert.tree import Byline, Dateline


def take_timestamp(
    chunk: Chunk, builder: ArticleBuilder, zones: ZoneTable, h: Heuristics, *, unlabelled: bool
) -> bool:
    """Place ``chunk`` as a timestamp if it is one; ``unlabelled`` admits bare dates.

    A labelled ``Published`` line fills ``published`` (once); ``Updated`` lines append to
    ``updated``. A bare date (no label) is taken only where ``unlabelled`` says metadata is
    expected (before the body, at its end), as the publication time if none is known yet.
    """
    text = chunk.text
    if chunk.first != chunk.last or len(text) > h.max_metadata_length:
        return False
    try:
        found = parse_timestamp(text, line=chunk.first, zones=zones)
    except NewsconvertError as error:
        raise error.located(builder.source, chunk.first) from None
    if found is None:
        return _take_relative_time(chunk, builder, unlabelled=unlabelled)
    kind = found.kind
    if kind is None:
        if not unlabelled or builder.published is not None:
            return False
        kind = "published"
    elif kind == "published" and builder.published is not None:
        return False
    timestamp = found.timestamp
    if found.unknown_zone is not None:
        builder.note(
            f"unknown time-zone abbreviation {found.unknown_zone!r}; "
            f"name it with --tz {found.unknown_zone}=Area/City",
            chunk.first,
            "timestamp.zone",
        )
    if found.prefix:
        # The words before a timestamp stand where a byline does, so names without a ``By``
        # are read as names (``Jane Doe | Nov 27, 2019``); a known place is the dateline
        # (``New Delhi | Updated: …``); anything else is kept as written.
        prefix = found.prefix
        if builder.dateline is None and is_place(prefix, major=not prefix.isupper()):
            builder.dateline = Dateline(prefix, prefix, None, None, chunk.first)
        else:
            byline = parse_byline(prefix, line=chunk.first, bare=True, h=h)
            builder.bylines.append(byline or Byline(prefix, line=chunk.first))
    if kind == "published":
        builder.published = timestamp
    else:
        builder.updated.append(timestamp)
    rule = RuleName.LABELLED_TIMESTAMP if found.kind else RuleName.BARE_DATE_LINE
    builder.mark(
        chunk.first, chunk.last, Role.PUBLISHED if kind == "published" else Role.UPDATED, rule
    )
    return True


def may_be_time_line(text: str) -> bool:
    """A quick necessary condition for :func:`take_timestamp`: a date's digit or a relative
    time's word."""
    return may_be_timestamp(text) or may_be_relative_time(text)


def _take_relative_time(chunk: Chunk, builder: ArticleBuilder, *, unlabelled: bool) -> bool:
    """Place a relative time alone on its line (``Updated 5 mins ago``, ``2 घंटे पहले``) as a
    timestamp with no value: an ``Updated`` one among the updates, any other as the
    publication time if none is known yet; an unlabelled one only where ``unlabelled``."""
    found = read_relative_time(chunk.text, chunk.first)
    if found is None:
        return False
    kind, stamp = found
    if kind == "updated":
        builder.updated.append(stamp)
    elif (kind is None and not unlabelled) or builder.published is not None:
        return False
    else:
        builder.published = stamp
    role = Role.UPDATED if kind == "updated" else Role.PUBLISHED
    builder.mark(chunk.first, chunk.last, role, RuleName.RELATIVE_TIME)
    return True


def take_meta_line(chunk: Chunk, builder: ArticleBuilder, zones: ZoneTable, h: Heuristics) -> bool:
    """Place a packed metadata line (place, time, byline: see :mod:`.metaline`) if ``chunk``
    is one."""
    text = chunk.text
    if chunk.kind != "text" or chunk.first != chunk.last or len(text) > h.max_metadata_length:
        return False
    found = read_meta_line(text, chunk.first, zones, h)
    if found is None or (found.published is not None and builder.published is not None):
        return False
    if found.dateline is not None:
        if builder.dateline is not None:
            return False
        builder.dateline = found.dateline
    if found.byline is not None:
        builder.bylines.append(found.byline)
    if found.published is not None:
        builder.published = found.published
    if found.updated is not None:
        builder.updated.append(found.updated)
    if found.credit is not None:
        builder.credits.append(found.credit)
    builder.mark(chunk.first, chunk.last, Role.METADATA, RuleName.PACKED_METADATA_LINE)
    return True


def take_byline(
    chunks: list[Chunk],
    index: int,
    builder: ArticleBuilder,
    h: Heuristics,
    *,
    closing: bool = False,
) -> int:
    """Place ``chunks[index]`` (and a name line after a lone ``Written By``) as a byline.

    ``closing`` says the chunk is among the last of the story, where a reporter signs off with
    a dash and a name (``-- Jane Doe``, ``— Jane Doe, Staff Writer``). Returns how many chunks
    were used (0 when the chunk is not a byline).
    """
    chunk = chunks[index]
    text = chunk.text
    if chunk.kind != "text" or len(text) > h.max_metadata_length:
        return 0
    if is_byline_label(text) and index + 1 < len(chunks):
        following = chunks[index + 1]
        if following.kind == "text" and len(following.text) <= h.max_metadata_length:
            joined = f"{text} {following.text}"
            # ``Written By`` + ``Associated Press`` reads as the one line ``Written By …``.
            named = parse_byline(joined, line=chunk.first, h=h)
            if named is None:
                # The line after a lone label is the name line whatever its shape: read its
                # names, agency and handle if it has them, and keep it whole as the name if not.
                bare = parse_byline(following.text, line=chunk.first, bare=True, h=h)
                if bare is not None:
                    named = Byline(joined, bare.names, bare.agency, bare.handle, chunk.first)
                else:
                    named = Byline(joined, (following.text,), line=chunk.first)
            builder.bylines.append(named)
            builder.mark(chunk.first, following.last, Role.BYLINE, RuleName.BYLINE_LABEL_AND_NAME)
            return 2
    byline = parse_byline(text, line=chunk.first, h=h)
    rule = RuleName.BYLINE
    if byline is None and closing and text[0] in _DASHES:
        signed = parse_byline(text.lstrip(_DASHES + " "), line=chunk.first, bare=True, h=h)
        if signed is not None:
            byline = Byline(text, signed.names, signed.agency, signed.handle, chunk.first)
            rule = RuleName.DASH_AND_NAME_CLOSING_THE_STORY
    if byline is None:
        return 0
    builder.bylines.append(byline)
    builder.mark(chunk.first, chunk.last, Role.BYLINE, rule)
    return 1


_DASHES = "-\u2013\u2014"


def take_credit(chunk: Chunk, builder: ArticleBuilder, h: Heuristics) -> bool:
    """Place ``chunk`` as a credit or sign-off if it is one."""
    if chunk.kind != "text" or len(chunk.text) > h.max_metadata_length:
        return False
    credit = match_credit(chunk.text, line=chunk.first, h=h)
    if credit is None:
        return False
    builder.credits.append(credit)
    builder.mark(chunk.first, chunk.last, Role.CREDIT, RuleName.CREDIT_LINE)
    return True
