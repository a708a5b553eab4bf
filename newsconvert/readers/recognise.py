"""The plain-text parser's recognisers, seen from the readers.

When a markup document carries only the words of a timestamp, a byline or a dateline, the
reader re-derives the structured fields with the very recognisers the plain-text parser uses, so
that reading ``Published 19:17 IST, November 27th 2019`` from Markdown gives the same
:class:`~newsconvert.tree.Timestamp` as reading it from plain text. This module is the one place
that knows those recognisers' signatures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsconvert.errors import ParseError
from newsconvert.tree import Blockquote, Byline, Credit, Dateline, Embed, Timestamp

if TYPE_CHECKING:
    from newsconvert.parser.timezones import ZoneTable


def timestamp(text: str, *, zones: ZoneTable, line: int = 0) -> Timestamp | None:
    """``text`` as a whole timestamp line (``Published 19:17 IST, …``), or ``None``; ``zones``
    resolves its zone abbreviation (:func:`newsconvert.parser.timezones.zone_table`).

    A line with other words run into it (a byline before the time) is not one here: the
    readers' documents give bylines their own paragraph.
    """
    from newsconvert.parser.timestamps import parse_timestamp

    try:
        found = parse_timestamp(text, line=line, zones=zones)
    except ParseError:
        # A date that does not exist reads as words; the paragraph keeps them all.
        return None
    if found is None or found.prefix or found.timestamp.text != text.strip():
        from newsconvert.parser.metaline import relative_time

        return relative_time(text.strip(), line)  # ``2 hours ago``, ``2 घंटे पहले``
    return found.timestamp


def is_update(stamp: Timestamp, *, zones: ZoneTable) -> bool:
    """Whether a timestamp's label announces an update rather than the publication."""
    from newsconvert.parser.timestamps import parse_timestamp

    try:
        found = parse_timestamp(stamp.text, zones=zones)
    except ParseError:
        found = None
    if found is not None and found.kind is not None:
        return found.kind == "updated"
    from newsconvert.parser.metaline import read_relative_time

    relative = read_relative_time(stamp.text.strip(), 0)  # ``अपडेटेड 2 घंटे पहले``
    if relative is not None and relative[0] is not None:
        return relative[0] == "updated"
    return stamp.text.lstrip().lower().startswith(("updated", "last updated", "modified"))


def byline(text: str, *, line: int = 0) -> Byline | None:
    """``text`` as a byline (``By Jane Doe and John Roe``), or ``None`` if it is not one."""
    from newsconvert.parser.bylines import parse_byline

    return parse_byline(text, line=line)


_DASHES = "-\u2013\u2014"


def labelled_byline(text: str, *, line: int = 0) -> Byline | None:
    """``text`` read as the byline it is known to be (it stands where our writers put one).

    The plain-text parser reads a byline from its context as well as its words: a lone
    ``Written By`` joined with the name line after it, a story signed off ``-- Jane Doe``, the
    words before a timestamp. Those forms are tried in the parser's order, so the names come
    out as the parser found them. ``None`` when the text reads as a byline in none of them.
    """
    from newsconvert.parser.bylines import is_byline_label, parse_byline

    found = parse_byline(text, line=line)
    if found is not None:
        return found
    written = text.strip()
    # ``Written By`` + a name line: the parser joined the two with a space.
    words = written.split(" ")
    for cut in range(1, min(len(words), 4)):
        label, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if is_byline_label(label) and rest:
            bare = parse_byline(rest, line=line, bare=True)
            if bare is not None:
                return Byline(written, bare.names, bare.agency, bare.handle, line)
            return Byline(written, (rest,), line=line)
    # A story signed off with a dash and a name.
    if written[:1] in _DASHES:
        signed = parse_byline(written.lstrip(_DASHES + " "), line=line, bare=True)
        if signed is not None:
            return Byline(written, signed.names, signed.agency, signed.handle, line)
    # The words before a timestamp, read as bare names.
    return parse_byline(text, line=line, bare=True)


def credit(text: str, *, line: int = 0) -> Credit | None:
    """``text`` as a credit or sign-off (``(With AP inputs)``), or ``None``."""
    from newsconvert.parser.credits import match_credit

    found = match_credit(text, line=line)
    return found if found is not None and found.text == text else None


def dateline(text: str, *, line: int = 0) -> tuple[Dateline, str] | None:
    """Split a wire dateline off the start of a paragraph: ``(dateline, rest)``, or ``None``."""
    from newsconvert.parser.datelines import match_dateline

    return match_dateline(text, line=line)


def dateline_parts(text: str, *, line: int = 0) -> Dateline:
    """A dateline whose text alone is known (``NEW DELHI, Nov 13 (Reuters) - ``), with its parts.

    The recogniser reads datelines at the start of a paragraph, so it is shown the dateline
    followed by a stand-in sentence.
    """
    for sentence in (" The", "The"):  # ``VATICAN CITY—Pope …`` has no space after the dash
        found = dateline(text + sentence, line=line)
        if found is not None and found[0].text == text:
            return found[0]
    from newsconvert.parser.metaline import desk_dateline

    # The opening words of a packed metadata line: ``वीडियो डेस्क, अमर उजाला.कॉम, मुंबई``.
    return desk_dateline(text, line) or Dateline(text, line=line)


def quote(text: str, *, line: int = 0) -> Blockquote | None:
    """``text`` read as a quotation with its attribution, or ``None`` if it does not read so."""
    from newsconvert.parser.quotes import match_blockquote

    return match_blockquote(text, line=line)


def embed(text: str, *, line: int = 0) -> Embed:
    """A flattened social-media post, with the author, handle, date and link its text shows."""
    from newsconvert.parser.asides import find_signature, make_embed

    signature = find_signature(text)
    return Embed(text, line=line) if signature is None else make_embed(text, signature, line)
