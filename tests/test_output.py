"""Atomic output files: the new content replaces the old whole, or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsconvert.errors import NewsconvertError
from newsconvert.output import atomic_file, atomic_text_file, write_atomic


def test_writes_with_ordinary_permissions_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "page.html"
    write_atomic(target, "<p>é</p>\n")
    assert target.read_bytes() == "<p>é</p>\n".encode()
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert os.listdir(target.parent) == ["page.html"]  # no temporary file left


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("killed midway")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["page.md"]


def test_streamed_text_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "big.txt"
    with atomic_text_file(target) as stream:
        for number in range(1000):
            stream.write(f"line {number} é\n")
        assert not target.exists()  # nothing visible before the end
    lines = target.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "line 0 é" and lines[-2] == "line 999 é" and len(lines) == 1001


def test_an_unwritable_destination_is_one_error_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "page.html"  # a folder that is a file
    with pytest.raises(NewsconvertError) as caught:
        write_atomic(target, "text")
    assert caught.value.source == str(target)
    assert "cannot write" in caught.value.message


def test_a_write_the_system_takes_in_parts_is_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    write_atomic(tmp_path / "out.txt", "héllo wörld")
    assert (tmp_path / "out.txt").read_text("utf-8") == "héllo wörld"


def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")
    real_write = os.write
    taken = iter([4, 0])  # a disk that fills after four bytes
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[: next(taken)])))
    with pytest.raises(NewsconvertError, match="cannot write"):
        write_atomic(target, "new text")
    assert target.read_text("utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.txt"]
