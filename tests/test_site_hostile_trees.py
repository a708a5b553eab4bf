"""``newsconvert build`` on source trees an operator meets on a real archive: named pipes,
devices and sockets among the articles, symbolic links out of SRC, unreadable folders, file
names that are not UTF-8, leftovers of killed builds, a damaged manifest. Each build is a real
process with a time limit, so a hang fails the test instead of stalling the suite."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newsconvert.site.lock import LOCK_NAME
from newsconvert.site.manifest import MANIFEST_NAME
from newsconvert.site.slugs import assign_slugs

TIMEOUT = 60
STORY = "Harbour reopens after storm, report {}\n\nThe harbour reopened on Wednesday ({}).\n"


def write(path: Path, number: int, edition: str = "first edition") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(STORY.format(number, edition), "utf-8")


def build(
    source: Path, out: Path, *extra: str, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "newsconvert", "build", str(source), "-o", str(out), *extra]
    return subprocess.run(
        [*prefix, *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=source.parent
    )


def pages(out: Path) -> dict[str, bytes]:
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != LOCK_NAME
    }


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    for number in range(3):
        write(folder / f"story{number}.txt", number)
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipes_devices_and_sockets_are_skipped_with_a_warning(source: Path, tmp_path: Path) -> None:
    os.mkfifo(source / "x.txt")  # reading it would wait for a writer for ever
    (source / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(source / "sock.txt"))
    try:
        result = build(source, tmp_path / "out")
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if str(source) in line]
    assert sorted(warnings) == [
        f"warning: {source / 'sock.txt'}: a socket, not a file; skipped",
        f"warning: {source / 'x.txt'}: a named pipe, not a file; skipped",
        f"warning: {source / 'zero.txt'}: a symbolic link to a character device, not a file; "
        "skipped",
    ]
    assert "3 converted" in result.stderr
    assert sorted(path for path in pages(tmp_path / "out") if path.endswith(".html")) == [
        "index.html",
        "story0.html",
        "story1.html",
        "story2.html",
    ]


def test_a_single_file_that_is_a_device_or_too_large_is_refused_before_reading(
    tmp_path: Path,
) -> None:
    command = [sys.executable, "-m", "newsconvert"]
    result = subprocess.run(
        [*command, "/dev/zero"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert (result.returncode, result.stderr) == (
        1,
        "/dev/zero: cannot read: a character device, not a file\n",
    )
    big = tmp_path / "big.txt"
    write(big, 1)
    result = subprocess.run(
        [*command, str(big), "--max-size", "20"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert result.returncode == 1
    assert result.stderr == f"{big}: too large: over 20 bytes (--max-size raises the limit)\n"
    # Standard input is bounded the same way (it could be /dev/zero too).
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [*command, "-", "--max-size", "1M"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    assert result.returncode == 1
    assert (
        result.stderr == "<stdin>: too large: over 1,048,576 bytes (--max-size raises the limit)\n"
    )


def test_a_source_over_max_size_fails_and_the_rest_is_built(source: Path, tmp_path: Path) -> None:
    (source / "huge.txt").write_text(STORY.format(9, "x" * 5000), "utf-8")
    result = build(source, tmp_path / "out", "--max-size", "1K")
    assert result.returncode == 1
    assert f"{source / 'huge.txt'}: too large: over 1,024 bytes" in result.stderr
    assert "3 converted" in result.stderr


def test_symlinks_out_of_src_are_skipped_unless_asked_for(source: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    (source / "passwd.txt").symlink_to(secret)
    (source / "alias.txt").symlink_to(source / "story1.txt")  # inside SRC: an article
    out = tmp_path / "out"
    result = build(source, out)
    assert result.returncode == 0, result.stderr
    assert (
        f"warning: {source / 'passwd.txt'}: a symbolic link to {secret}, outside the source "
        "folder; skipped (--follow-symlinks takes it)"
    ) in result.stderr
    assert not (out / "passwd.html").exists()
    assert "root:x:0" not in (out / "index.html").read_text("utf-8")
    assert (out / "alias.html").is_file()
    result = build(source, out, "--follow-symlinks")
    assert result.returncode == 0, result.stderr
    assert "root:x:0:0" in (out / "passwd.html").read_text("utf-8")


def _without_root_powers() -> tuple[str, ...] | None:
    """A command prefix under which permission bits apply (root ignores them), or ``None``."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return (setpriv, "--bounding-set", "-dac_override,-dac_read_search")


def test_an_unreadable_folder_is_an_error_and_keeps_its_pages(source: Path, tmp_path: Path) -> None:
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("root without setpriv reads every folder")
    write(source / "desk" / "inner.txt", 7)
    out = tmp_path / "out"
    assert build(source, out).returncode == 0
    before = pages(out)
    (source / "desk").chmod(0)
    try:
        result = build(source, out, prefix=prefix)
    finally:
        (source / "desk").chmod(0o755)
    assert result.returncode == 1
    assert (
        f"{source / 'desk'}: cannot read the folder: Permission denied; its pages are kept"
        in result.stderr
    )
    assert pages(out) == before  # desk/inner.html and its index entry are still there
    assert "Harbour reopens after storm, report 7" in (out / "index.html").read_text("utf-8")


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_built(
    source: Path, tmp_path: Path
) -> None:
    bad = os.path.join(os.fsencode(source), b"caf\xe9.txt")
    with open(bad, "wb") as handle:
        handle.write(STORY.format(5, "latin-1 name").encode())
    out = tmp_path / "out"
    result = build(source, out)
    assert result.returncode == 1
    assert f"{source}/caf\\xe9.txt: the name is not valid UTF-8; skipped (rename it)" in (
        result.stderr
    )
    assert "3 converted" in result.stderr
    assert not [path for path in pages(out) if path.endswith(".tmp")]
    # The manifest is whole: the next build converts nothing.
    again = build(source, out)
    assert "0 converted, 3 unchanged" in again.stderr


def test_temporary_files_of_a_killed_build_are_removed_and_nothing_else(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert build(source, out).returncode == 0
    leftovers = [".story1.html.k2j4_x9.tmp", ".index.html.abcd1234.tmp", f".{MANIFEST_NAME}.q.tmp"]
    mine = [".notes.tmp", ".drafts.html.x.tmp", "story1.html.tmp"]
    for name in leftovers + mine:
        (out / name).write_text("partial", "utf-8")
    write(source / "story1.txt", 1, "second edition")
    result = build(source, out)
    assert result.returncode == 0, result.stderr
    left = sorted(path.name for path in out.iterdir() if path.name.endswith(".tmp"))
    assert left == sorted(mine)


def test_a_corrupt_manifest_is_reported_and_removed_sources_still_lose_their_pages(
    source: Path, tmp_path: Path
) -> None:
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert build(source, out).returncode == 0
    (source / "story2.txt").unlink()
    manifest = out / MANIFEST_NAME
    lines = manifest.read_bytes().split(b"\n")
    lines[1] = lines[1][:20] + b"\x00\xff" + lines[1][20:]  # story0's record: damaged
    manifest.write_bytes(b"\n".join(lines))
    result = build(source, out)
    assert result.returncode == 0, result.stderr
    assert f"warning: {manifest}:2: corrupt line; converting every article again" in result.stderr
    assert "2 converted" in result.stderr
    assert not (out / "story2.html").exists()
    assert build(source, clean).returncode == 0
    assert pages(out) == pages(clean)


def test_a_contrived_slug_collision_loses_no_article(tmp_path: Path) -> None:
    suffix = hashlib.sha256(b"a.txt").hexdigest()[:8]
    names = ["A.txt", f"a-{suffix}.txt", "a.txt"]  # a.txt's suffixed slug is another's name
    slugs = assign_slugs(names)
    assert len({slug.casefold() for slug in slugs.values()}) == 3
    source = tmp_path / "src"
    for number, name in enumerate(names):
        write(source / name, number)
    result = build(source, tmp_path / "out")
    if sys.platform in ("darwin", "win32"):  # A.txt and a.txt are one file there
        return
    assert result.returncode == 0 and "3 converted" in result.stderr, result.stderr
    assert len([p for p in (tmp_path / "out").glob("*.html") if p.name != "index.html"]) == 3


def test_an_output_folder_that_cannot_be_created_is_one_line(source: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    result = build(source, blocker / "site")
    assert result.returncode == 1
    assert (
        result.stderr == f"{blocker / 'site'}: cannot create the output folder: Not a directory\n"
    )


def test_jobs_has_an_upper_bound(source: Path, tmp_path: Path) -> None:
    result = build(source, tmp_path / "out", "--jobs", "100000")
    assert result.returncode == 2
    assert "argument -j/--jobs: must be at most" in result.stderr
