"""The Atom feed and the index page, from index entries built by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import defusedxml.ElementTree as SafeET
import html5lib

from newsconvert.site.feed import ATOM_NAMESPACE, render_feed
from newsconvert.site.index import IndexEntry, newest_first, render_index
from newsconvert.site.metadata import PostMeta

A = f"{{{ATOM_NAMESPACE}}}"
IST = timezone(timedelta(hours=5, minutes=30))


def entry(slug: str, published: datetime | None, *, headline: str = "Headline") -> IndexEntry:
    meta = PostMeta(
        title=headline,
        published=published,
        modified=published,
        published_zone="IST" if published and published.tzinfo else None,
        authors=("Jane Doe",) if published else (),
        summary=f"Summary of {slug} <b>&",
        kicker=None,
        dateline=None,
    )
    return IndexEntry.from_meta(slug, f"{slug}.html", meta)


def sample() -> list[IndexEntry]:
    entries = [entry(f"day{day:02d}", datetime(2020, 1, day, 9, tzinfo=IST)) for day in range(1, 8)]
    entries.append(entry("undated", None))
    entries.append(entry("naive", datetime(2020, 1, 4, 12)))
    return newest_first(entries)


def test_order_is_newest_first_with_undated_last() -> None:
    slugs = [item.slug for item in sample()]
    assert slugs[:4] == ["day07", "day06", "day05", "naive"]
    assert slugs[-1] == "undated"


def test_feed_is_atom_with_the_newest_n_dated_entries() -> None:
    root = SafeET.fromstring(render_feed(sample(), title="Wire", size=5))
    assert root.tag == f"{A}feed"
    entries = root.findall(f"{A}entry")
    assert [e.find(f"{A}link").get("href") for e in entries] == [
        "day07.html",
        "day06.html",
        "day05.html",
        "naive.html",
        "day04.html",
    ]
    for element in entries:
        for required in ("id", "title", "updated"):
            assert element.find(f"{A}{required}") is not None
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    assert entries[0].find(f"{A}published").text == "2020-01-07T09:00:00+05:30"
    # A time without a zone is placed in UTC, as RFC 3339 requires an offset.
    assert entries[3].find(f"{A}published").text == "2020-01-04T12:00:00Z"
    assert root.find(f"{A}updated").text == "2020-01-07T09:00:00+05:30"
    assert entries[0].find(f"{A}summary").text == "Summary of day07 <b>&"


def test_base_url_makes_links_and_ids_absolute() -> None:
    root = SafeET.fromstring(render_feed(sample(), title="W", base_url="https://x.test/news/"))
    first = root.find(f"{A}entry")
    assert first.find(f"{A}id").text == "https://x.test/news/day07.html"
    assert first.find(f"{A}link").get("href") == "https://x.test/news/day07.html"
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://x.test/news/feed.xml"


def test_feed_ids_are_stable_between_builds() -> None:
    assert render_feed(sample(), title="W") == render_feed(list(sample()), title="W")


def test_an_empty_feed_is_still_valid_atom() -> None:
    root = SafeET.fromstring(render_feed([], title="Nothing yet"))
    assert root.find(f"{A}updated") is not None and root.findall(f"{A}entry") == []


def test_characters_xml_cannot_carry_do_not_break_the_feed() -> None:
    odd = [entry("odd", datetime(2020, 1, 1, tzinfo=IST), headline="Bell\x07 and \x1b escape")]
    root = SafeET.fromstring(render_feed(odd, title="W"))
    assert root.find(f"{A}entry/{A}title").text == "Bell\ufffd and \ufffd escape"


def test_index_lists_every_entry_with_escaped_text() -> None:
    entries = [*sample(), entry("evil", None, headline="<script>alert(1)</script>")]
    page = render_index(entries, title="Wire <&>")
    document = html5lib.parse(page, namespaceHTMLElements=False)
    links = document.findall(".//li//a")
    assert [a.get("href") for a in links] == [f"{item.slug}.html" for item in entries]
    assert links[-1].text == "<script>alert(1)</script>"
    assert document.find(".//script") is None
    times = document.findall(".//time")
    assert times[0].get("datetime") == "2020-01-07T09:00:00+05:30"
    assert times[0].text == "7 January 2020, 09:00 IST"
