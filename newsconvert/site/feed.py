"""The Atom 1.0 feed (RFC 4287) of a site's newest articles.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-feed`).
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from newsconvert import __version__
from newsconvert.options import Options
from newsconvert.site.index import IndexEntry

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
"""The Atom 1.0 XML namespace."""

FEED_NAME = "feed.xml"
"""The feed's file name inside OUT."""

DEFAULT_FEED_SIZE: int = Options.feed_size
"""How many entries a feed holds unless ``--feed-size`` says otherwise."""

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsconvert.invalid/articles")

# XML 1.0 allows no C0 control characters but tab, newline and carriage return (nor surrogates
# or U+FFFE/U+FFFF): ElementTree would write them and produce a file no parser accepts.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def rfc3339(value: datetime) -> str:
    """``value`` in RFC 3339, with ``Z`` for UTC; a naive value is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    text = value.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _instant(value: datetime) -> datetime:
    # Compare times with different offsets (or none) on one scale.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def absolute_url(base_url: str | None, href: str) -> str:
    """``href`` (relative to the site root) under ``base_url``, or ``href`` when there is none."""
    if not base_url:
        return href
    return base_url.rstrip("/") + "/" + href.lstrip("/")


def entry_id(entry: IndexEntry, base_url: str | None) -> str:
    """The permanent Atom id of ``entry`` (see the module doc)."""
    if base_url:
        return absolute_url(base_url, entry.href)
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, entry.slug)}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def feed_entries(entries: Sequence[IndexEntry], size: int) -> list[IndexEntry]:
    """The newest ``size`` dated entries of ``entries`` (which are ordered newest first)."""
    return [entry for entry in entries if entry.published is not None][: max(size, 0)]


def render_feed(
    entries: Sequence[IndexEntry],
    *,
    title: str,
    base_url: str | None = None,
    size: int = DEFAULT_FEED_SIZE,
    lang: str = "en",
) -> str:
    """The Atom document for the newest ``size`` dated ``entries`` (ordered newest first)."""
    chosen = feed_entries(entries, size)
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE, _XML_LANG: lang})
    _add(feed, "title", title)
    if base_url:
        _add(feed, "id", absolute_url(base_url, FEED_NAME))
        _add(feed, "link", rel="self", href=absolute_url(base_url, FEED_NAME))
        _add(feed, "link", rel="alternate", type="text/html", href=absolute_url(base_url, ""))
    else:
        _add(feed, "id", f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed:' + title)}")
        _add(feed, "link", rel="alternate", type="text/html", href="index.html")
    updates = [entry.modified_datetime() or entry.published_datetime() for entry in chosen]
    known = [value for value in updates if value is not None]
    newest = rfc3339(max(known, key=_instant)) if known else None
    # The feed's <updated> is the newest entry's: the feed changes exactly when an entry does,
    # so a rebuild with nothing new writes the same bytes. An empty feed has no such date; the
    # epoch says "never" without making the output depend on the clock.
    _add(feed, "updated", newest or "1970-01-01T00:00:00Z")
    # Atom requires an author for every entry; one on the feed covers entries without a byline.
    _add(_add(feed, "author"), "name", title)
    _add(feed, "generator", "newsconvert", version=__version__)
    for entry, updated in zip(chosen, updates, strict=True):
        element = _add(feed, "entry")
        _add(element, "title", entry.headline, type="text")
        _add(element, "id", entry_id(entry, base_url))
        _add(
            element,
            "link",
            rel="alternate",
            type="text/html",
            href=absolute_url(base_url, entry.href),
        )
        published = entry.published_datetime()
        if published is not None:
            _add(element, "published", rfc3339(published))
        if updated is not None:
            _add(element, "updated", rfc3339(updated))
        for name in entry.authors:
            _add(_add(element, "author"), "name", name)
        if entry.summary:
            _add(element, "summary", entry.summary, type="text")
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'
