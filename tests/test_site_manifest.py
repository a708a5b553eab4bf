"""The build manifest: written record by record, read back to the same records."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from newsconvert.errors import NewsconvertError
from newsconvert.site.index import IndexEntry
from newsconvert.site.manifest import (
    MANIFEST_NAME,
    ArticleRecord,
    Manifest,
    load_manifest,
    save_manifest,
)


def record(number: int) -> ArticleRecord:
    entry = IndexEntry(
        slug=f"story-{number}",
        href=f"desk/story-{number}.html",
        headline=f"Harbour \u201creopens\u201d {number} <b>&",
        standfirst=None if number % 2 else "A standfirst.\nTwo lines.",
        published="2019-11-27T19:17:00+05:30" if number % 3 else None,
        modified=None,
        date_display="27 November 2019, 19:17 IST" if number % 3 else None,
        authors=("Jane Doe", "Ian Roe") if number % 2 else (),
        sort_key=1574862420.0 if number % 3 else None,
    )
    return ArticleRecord(
        source_hash=f"{number:064x}",
        slug=entry.slug,
        outputs=(entry.href,),
        fingerprint="f" * 64,
        entry=entry,
    )


def test_a_saved_manifest_loads_back_to_the_same_records(tmp_path: Path) -> None:
    manifest = Manifest(
        articles={f"desk/{n:03d} story.txt": record(n) for n in range(7)},
        site_outputs=("index.html", "feed.xml"),
        site_fingerprint="s" * 64,
    )
    save_manifest(tmp_path, manifest)
    path = tmp_path / MANIFEST_NAME
    text = path.read_text("utf-8")
    assert text == manifest.to_text()
    assert json.loads(text)["format"] == 1
    # One line per article, so that two builds' manifests diff readably.
    assert len(text.splitlines()) == 2 + len(manifest.articles)
    assert load_manifest(tmp_path) == manifest
    # Ordinary permissions (not mkstemp's owner-only), and no temporary file left behind.
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME]


def test_a_manifest_that_cannot_be_written_keeps_the_previous_one(tmp_path: Path) -> None:
    first = Manifest(articles={"a.txt": record(1)})
    save_manifest(tmp_path, first)
    missing = tmp_path / "gone"
    with pytest.raises(NewsconvertError, match=f"{MANIFEST_NAME}: cannot write"):
        save_manifest(missing, first)
    assert load_manifest(tmp_path) == first


@pytest.mark.parametrize(
    "text",
    ["", "{", "[]", '{"format": 1, "articles": {"a.txt": {"hash": "x"}}}', '{"format": 99}'],
)
def test_an_unreadable_manifest_means_a_full_rebuild(tmp_path: Path, text: str) -> None:
    (tmp_path / MANIFEST_NAME).write_text(text, "utf-8")
    assert load_manifest(tmp_path) == Manifest()
