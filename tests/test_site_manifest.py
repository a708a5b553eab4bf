"""The build manifest: written record by record, read back to the same records."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newsconvert.errors import NewsconvertError
from newsconvert.site.index import IndexEntry
from newsconvert.site.manifest import (
    LEGACY_MANIFEST_NAME,
    MANIFEST_NAME,
    ArticleRecord,
    Journal,
    Manifest,
    begin_line,
    done_line,
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
    assert json.loads(text.splitlines()[0])["format"] == 2
    # One line per article, so that two builds' manifests diff readably.
    assert len(text.splitlines()) == 1 + len(manifest.articles)
    assert load_manifest(tmp_path) == manifest
    # Ordinary permissions (not mkstemp's owner-only), and no temporary file left behind.
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME]


def test_a_done_line_is_the_json_of_its_record() -> None:
    for number in range(6):
        made = record(number)
        expected = json.dumps(
            ["done", f"desk/{number} \u201cstory\u201d.txt", made.to_json()],
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        assert done_line(f"desk/{number} \u201cstory\u201d.txt", made) == expected + "\n"
        # A record changed by replace() makes its own text, not the one it was made from.
        cleared = replace(made, source_hash="")
        assert json.loads(cleared.json_text())["hash"] == ""
        assert json.loads(made.json_text())["hash"] == made.source_hash


def test_a_manifest_that_cannot_be_written_keeps_the_previous_one(tmp_path: Path) -> None:
    first = Manifest(articles={"a.txt": record(1)})
    save_manifest(tmp_path, first)
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    with pytest.raises(NewsconvertError, match=f"{MANIFEST_NAME}: cannot write"):
        save_manifest(not_a_folder, first)
    assert load_manifest(tmp_path) == first


def test_no_manifest_is_an_empty_one(tmp_path: Path) -> None:
    manifest = load_manifest(tmp_path)
    assert manifest == Manifest() and manifest.problem is None


@pytest.mark.parametrize(
    "text",
    ["{\n", "[]\n", '{"format": 1, "articles": {}}\n', '{"format": 99}\n', "\x00\x01\n"],
)
def test_a_manifest_of_unknown_shape_is_reported_and_trusted_for_nothing(
    tmp_path: Path, text: str
) -> None:
    (tmp_path / MANIFEST_NAME).write_text(text, "utf-8")
    manifest = load_manifest(tmp_path)
    assert manifest.articles == {}
    assert manifest.problem is not None and manifest.problem.startswith(
        f"{tmp_path / MANIFEST_NAME}:1: "
    )


def test_the_journal_replays_to_the_state_of_the_files(tmp_path: Path) -> None:
    save_manifest(tmp_path, Manifest(articles={"a.txt": record(1), "b.txt": record(2)}))
    moved = replace(record(5), outputs=("_posts/2020-01-01-story-5.md",))
    with Journal(tmp_path) as journal:
        journal.append(begin_line("a.txt", ["desk/story-1.html"]))  # killed while writing
        journal.append(begin_line("b.txt", moved.outputs))
        journal.append(done_line("b.txt", moved))  # b's page moved to a new name
        journal.append(begin_line("c.txt", ["desk/new.html"]))  # a new article, never finished
    manifest = load_manifest(tmp_path)
    assert manifest.problem is None and manifest.journaled
    # a's record no longer vouches for its page: no source hash matches it.
    assert manifest.articles["a.txt"] == replace(record(1), source_hash="")
    assert manifest.articles["b.txt"] == moved
    assert "c.txt" not in manifest.articles
    # What may be on disk that no record claims: b's old page and c's unfinished one.
    assert manifest.stale - manifest.claimed() == {"desk/story-2.html", "desk/new.html"}
    assert manifest.site_fingerprint == ""  # the index must be written again


def test_a_line_cut_short_by_a_kill_is_ignored(tmp_path: Path) -> None:
    save_manifest(tmp_path, Manifest(articles={"a.txt": record(1)}))
    with Journal(tmp_path) as journal:
        journal.append(begin_line("a.txt", ["desk/story-1.html"]))
        journal.append(done_line("a.txt", record(3))[:-40])  # no newline: cut short
    manifest = load_manifest(tmp_path)
    assert manifest.problem is None
    assert manifest.articles == {"a.txt": replace(record(1), source_hash="")}


def test_a_corrupt_line_keeps_every_readable_record_untrusted(tmp_path: Path) -> None:
    save_manifest(tmp_path, Manifest(articles={f"{n}.txt": record(n) for n in range(5)}))
    path = tmp_path / MANIFEST_NAME
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3][:30] + b"\xff garbage" + lines[3][30:]
    path.write_bytes(b"\n".join(lines))
    manifest = load_manifest(tmp_path)
    assert manifest.problem == f"{path}:4: corrupt line"
    assert sorted(manifest.articles) == ["0.txt", "1.txt", "3.txt", "4.txt"]
    assert not any(record.source_hash for record in manifest.articles.values())


def test_the_manifest_of_an_older_version_is_read_for_its_files(tmp_path: Path) -> None:
    old = {
        "format": 1,
        "site_fingerprint": "s",
        "site_outputs": ["index.html"],
        "articles": {"a.txt": record(1).to_json()},
    }
    (tmp_path / LEGACY_MANIFEST_NAME).write_text(json.dumps(old), "utf-8")
    manifest = load_manifest(tmp_path)
    assert manifest.articles == {"a.txt": replace(record(1), source_hash="")}
    save_manifest(tmp_path, manifest)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME]


APPENDER = """
import sys
from pathlib import Path
from newsconvert.site.manifest import Journal, begin_line
journal = Journal(Path(sys.argv[1]))
for number in range(2000):
    journal.append(begin_line(f"{sys.argv[2]}-{number}.txt", ["x" * (number % 300)]))
"""


def test_processes_appending_at_once_never_mix_their_lines(tmp_path: Path) -> None:
    save_manifest(tmp_path, Manifest())
    writers = [
        subprocess.Popen([sys.executable, "-c", APPENDER, str(tmp_path), name])
        for name in ("left", "right", "middle")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0, 0]
    lines = (tmp_path / MANIFEST_NAME).read_text("utf-8").splitlines()[1:]
    assert len(lines) == 6000
    assert all(json.loads(line)[0] == "begin" for line in lines)
    assert load_manifest(tmp_path).problem is None


def test_a_manifest_cut_short_is_reported_not_taken_for_a_killed_write(tmp_path: Path) -> None:
    save_manifest(tmp_path, Manifest(articles={f"{n}.txt": record(n) for n in range(3)}))
    path = tmp_path / MANIFEST_NAME
    path.write_bytes(path.read_bytes()[:-100])  # the last record loses its end and newline
    manifest = load_manifest(tmp_path)
    assert manifest.problem == f"{path}:4: cut short, 3 records expected"
    assert sorted(manifest.articles) == ["0.txt", "1.txt"]
    assert not any(record.source_hash for record in manifest.articles.values())
