"""``newsconvert build`` under faults: real build processes killed with real signals at points
chosen from the manifest's journal (so each kill lands mid-build), workers killed, then reruns
compared with clean builds of the same sources. Every wait is bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import files_of

from newsconvert.site.manifest import MANIFEST_NAME

ARTICLES = 240
TIMEOUT = 120
PARAGRAPH = (
    "The harbour authority said the storm wall held through the night, and that ferries "
    "would run to the islands again once divers had checked the berths for debris. "
)


def write_tree(source: Path, version: int, count: int = ARTICLES) -> None:
    """``count`` articles (about 12 KB each, so that a build takes a while); ``version`` changes
    every third article's text and date (so Jekyll posts move)."""
    source.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        edited = version if number % 3 == 0 else 0
        day = 1 + (number + edited) % 28
        text = (
            f"Published 19:17 IST, November {day}th 2019\n"
            f"Harbour reopens after storm, report {number}\n\n"
            + f"{PARAGRAPH * 6}\n\n" * 12
            + f"This is version {edited} of report {number}.\n"
        )
        folder = source / f"desk{number % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:04d}.txt").write_text(text, "utf-8")


LONG_ARTICLE = Path("zz") / "long.txt"


def add_long_article(source: Path) -> Path:
    """A ~8 MB article in the folder converted last, so that a build is still running, with this
    one article in progress, for a second or so after all the others are journaled: a build of a
    few changed articles alone can finish between two polls of its journal on a fast machine
    (and a 2 MB one, converted in 0.25 s once rendering got faster, did on a loaded CI run)."""
    path = source / LONG_ARTICLE
    path.parent.mkdir(exist_ok=True)
    path.write_text("Harbour log, the whole season\n\n" + f"{PARAGRAPH * 6}\n\n" * 8000, "utf-8")
    return path


def command(source: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsconvert", "build", str(source), "-o", str(out), "-q", *extra]


def build(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(source, out, *extra), capture_output=True, text=True, timeout=TIMEOUT
    )


def done_lines(out: Path) -> list[list[object]]:
    """The ``done`` lines appended to the manifest's journal so far."""
    try:
        lines = (out / MANIFEST_NAME).read_text("utf-8").split("\n")[1:-1]
    except OSError:
        return []
    return [value for value in map(json.loads, lines) if value[0] == "done"]


def start_and_wait(args: list[str], out: Path, converted: int) -> subprocess.Popen[str]:
    """Start a build and return once ``converted`` articles are journaled (mid-build)."""
    before = len(done_lines(out))
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + TIMEOUT
    while len(done_lines(out)) < before + converted:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    assert process.poll() is None, "the build ended before it could be interrupted"
    return process


def workers_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + TIMEOUT
    while True:
        found = [int(word) for word in path.read_text().split()]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.01)


@pytest.fixture(scope="module")
def clean_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, bytes]]:
    """The clean builds (HTML, ``--jobs 2``) of versions 1 and 2 of the tree."""
    folder = tmp_path_factory.mktemp("clean")
    clean = {}
    for version in (1, 2):
        write_tree(folder / f"v{version}", version)
        result = build(folder / f"v{version}", folder / f"out{version}", "-j", "2")
        assert result.returncode == 0, result.stderr
        clean[version] = files_of(folder / f"out{version}")
    return clean


@pytest.fixture
def trees(
    clean_builds: dict[int, dict[str, bytes]], tmp_path: Path
) -> tuple[Path, dict[int, dict[str, bytes]]]:
    """SRC at version 1, and the clean builds."""
    source = tmp_path / "src"
    write_tree(source, 1)
    return source, clean_builds


def test_kill_mid_build_then_revert_leaves_no_stale_page(
    trees: tuple[Path, dict[int, dict[str, bytes]]], tmp_path: Path
) -> None:
    source, clean = trees
    out = tmp_path / "out"
    assert build(source, out, "-j", "2").returncode == 0
    write_tree(source, 2)  # a third of the articles change
    long = add_long_article(source)
    process = start_and_wait(command(source, out, "-j", "2"), out, ARTICLES // 12)
    process.kill()
    process.communicate(timeout=TIMEOUT)
    # Some pages now hold version 2, and the sources go back to version 1 (git checkout).
    assert files_of(out) != clean[1]
    write_tree(source, 1)
    long.unlink()
    result = build(source, out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert files_of(out) == clean[1]  # no version-2 text, no temporary file, same manifest


def test_kill_mid_build_then_a_rerun_completes_it(
    trees: tuple[Path, dict[int, dict[str, bytes]]], tmp_path: Path
) -> None:
    source, clean = trees
    out = tmp_path / "out"
    process = start_and_wait(command(source, out, "-j", "1"), out, ARTICLES // 3)
    process.kill()
    process.communicate(timeout=TIMEOUT)
    result = build(source, out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert files_of(out) == clean[1]
    # What the killed build finished is not converted again.
    rerun = build(source, out, "-j", "2")
    assert rerun.returncode == 0 and files_of(out) == clean[1]


def resident_kb(pid: int) -> int:
    """The resident memory of process ``pid`` (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0
    )


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_dead_worker_fails_the_build_naming_its_article_and_frees_the_lock(
    trees: tuple[Path, dict[int, dict[str, bytes]]], tmp_path: Path
) -> None:
    source, clean = trees
    # A long article, converted last: once every other article is journaled, it is the one
    # article in progress, in the worker that holds the most memory, which is the worker the
    # out-of-memory killer picks. (Killed at a random moment, a worker may be between two
    # articles, or have journaled one it has not yet left.)
    long = add_long_article(source)
    out = tmp_path / "out"
    process = start_and_wait(command(source, out, "-j", "2"), out, ARTICLES)
    workers = workers_of(process.pid)
    assert len(workers) == 2
    os.kill(max(workers, key=resident_kb), signal.SIGKILL)
    _, err = process.communicate(timeout=TIMEOUT)  # ends, instead of hanging for ever
    assert process.returncode == 1
    named = f"{long}: a worker process died while converting this article"
    assert err.count("\n") == 1 and err.startswith(named), err
    assert LONG_ARTICLE.as_posix() not in {line[1] for line in done_lines(out)}  # not finished
    # The lock is free and the next build resumes: only what was left is converted.
    result = build(source, out, "-j", "2")
    assert result.returncode == 0, result.stderr
    long.unlink()
    result = build(source, out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert files_of(out) == clean[1]


def test_ctrl_c_while_jekyll_post_dates_change_leaves_no_old_post(tmp_path: Path) -> None:
    source, out, clean = tmp_path / "src", tmp_path / "out", tmp_path / "clean"
    jekyll = ("--to", "md", "--for", "jekyll", "-j", "2")
    write_tree(source, 1)
    assert build(source, out, *jekyll).returncode == 0
    write_tree(source, 2)  # a third of the posts get a new date, so a new file name
    long = add_long_article(source)
    process = start_and_wait(command(source, out, *jekyll), out, ARTICLES // 12)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the build and its workers
    _, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 130, err
    long.unlink()
    assert build(source, out, *jekyll, "--force").returncode == 0
    assert build(source, clean, *jekyll).returncode == 0
    assert files_of(out) == files_of(clean)
    assert len([path for path in (out / "_posts").rglob("*") if path.is_file()]) == ARTICLES
