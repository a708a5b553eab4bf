"""Bad input gets one clear error, in the API and in the CLI, and never a half-written file.

The files are real bytes under ``tests/data/robustness/`` (written by ``make_fixtures.py`` there):
binary formats, UTF-16 without a byte-order mark, NUL characters, empty and blank files, text
without an article, an impossible date; and files that convert with a warning (legacy 8-bit
text, CESU-8 surrogates, non-characters, control characters, an unknown zone abbreviation),
which ``--strict`` turns into an error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from robustness_support import check_outputs, render_all

import newsconvert
from newsconvert.cli import run
from newsconvert.errors import ConfigError, InputError, NewsconvertError, ParseError
from newsconvert.source import read_source

DATA = Path(__file__).resolve().parent / "data" / "robustness"

REFUSED: list[tuple[str, type[NewsconvertError], int | None, str]] = [
    ("image.png", InputError, 1, "binary file (looks like PNG), not text"),
    ("article.txt.gz", InputError, 1, "binary file (looks like gzip), not text"),
    ("article.docx", InputError, 1, "binary file (looks like ZIP (or DOCX, ODT, EPUB)), not text"),
    ("document.pdf", InputError, 1, "binary file (looks like PDF), not text"),
    (
        "utf16le_no_bom.txt",
        InputError,
        1,
        "binary file (contains NUL characters), not text (UTF-16 without a byte-order mark? "
        "try --encoding utf-16-le)",
    ),
    (
        "utf16be_no_bom.txt",
        InputError,
        1,
        "binary file (contains NUL characters), not text (UTF-16 without a byte-order mark? "
        "try --encoding utf-16-be)",
    ),
    ("nul_in_line_3.txt", InputError, 3, "binary file (contains NUL characters), not text"),
    ("empty.txt", InputError, None, "empty file"),
    ("whitespace_only.txt", InputError, None, "file holds only whitespace"),
    ("controls_only.txt", InputError, None, "file holds only whitespace"),
    ("february_30th.txt", ParseError, 1, "not a real date: 'February 30th 2020'"),
]
"""Files that cannot be converted: name, error type, line, message."""

WARNED: list[tuple[str, int, str]] = [
    ("latin1.txt", 4, "not valid UTF-8; decoded as ISO-8859-1"),
    ("cesu8_surrogates.txt", 3, "not valid UTF-8; decoded as Windows-1252"),
    ("surrogateescape.txt", 4, "not valid UTF-8; decoded as Windows-1252"),
    ("noncharacters.txt", 4, "replaced 2 non-characters or lone surrogates with U+FFFD"),
    ("controls.txt", 5, "removed 2 control characters (the first is U+001B)"),
    ("unknown_zone.txt", 1, "unknown time-zone abbreviation 'XST'"),
]
"""Files that convert with a warning (an error with ``--strict``): name, line, message start."""


def stderr_lines(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    captured = capsys.readouterr()
    return captured.out, captured.err.splitlines()


# --- Refused files -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind", "line", "message"), REFUSED)
def test_api_refuses_with_our_error_naming_file_and_line(
    name: str, kind: type[NewsconvertError], line: int | None, message: str
) -> None:
    path = DATA / name
    with pytest.raises(NewsconvertError) as caught:
        newsconvert.read_article(path)
    error = caught.value
    assert type(error) is kind
    assert (error.source, error.line, error.message) == (str(path), line, message)
    where = f"{path}:{line}" if line else str(path)
    assert str(error) == f"{where}: {message}"


@pytest.mark.parametrize(("name", "kind", "line", "message"), REFUSED)
@pytest.mark.parametrize("to", ["md", "html", "rst", "json"])
def test_cli_refuses_with_one_line_and_writes_nothing(
    name: str,
    kind: type[NewsconvertError],
    line: int | None,
    message: str,
    to: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DATA / name
    target = tmp_path / f"out.{to}"
    assert run([str(path), "-s", "-o", str(target)]) == 1
    out, err = stderr_lines(capsys)
    where = f"{path}:{line}" if line else str(path)
    assert (out, err) == ("", [f"{where}: {message}"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "kind", "line", "message"), REFUSED)
def test_cli_to_stdout_prints_nothing_for_a_refused_file(
    name: str,
    kind: type[NewsconvertError],
    line: int | None,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run([str(DATA / name), "-t", "html"]) == 1
    out, err = stderr_lines(capsys)
    assert out == ""
    assert len(err) == 1 and err[0].endswith(message)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\t \r\n \x0c \u2028", "\x00\x01\x1b\x7f", "\ufeff"],
    ids=["empty", "space", "newlines", "mixed-blank", "controls", "bom"],
)
def test_parse_refuses_text_without_words(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        newsconvert.parse(text, source="story.txt")
    assert caught.value.source == "story.txt"
    assert "\n" not in str(caught.value)


# --- Files that convert with a warning ---------------------------------------------------------


@pytest.mark.parametrize(("name", "line", "message"), WARNED)
def test_warned_files_convert_to_valid_complete_outputs(name: str, line: int, message: str) -> None:
    source = read_source(DATA / name)
    article = newsconvert.read_article(DATA / name)
    check_outputs(source.text, render_all(article))


@pytest.mark.parametrize(("name", "line", "message"), WARNED)
def test_strict_turns_the_warning_into_an_api_error(name: str, line: int, message: str) -> None:
    path = DATA / name
    with pytest.raises(NewsconvertError) as caught:
        newsconvert.read_article(path, strict=True)
    assert (caught.value.source, caught.value.line) == (str(path), line)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize(("name", "line", "message"), WARNED)
def test_cli_warns_once_naming_file_and_line_then_converts(
    name: str, line: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / name
    target = tmp_path / "out.html"
    assert run([str(path), "-s", "-o", str(target)]) == 0
    out, err = stderr_lines(capsys)
    assert out == ""
    assert err[0].startswith(f"{path}:{line}: {message}")
    assert len(err) == len(set(err))  # each kind of problem reported once
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("name", "line", "message"), WARNED)
def test_cli_strict_fails_with_one_line_and_writes_nothing(
    name: str, line: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / name
    target = tmp_path / "out.md"
    assert run([str(path), "--strict", "-o", str(target)]) == 1
    out, err = stderr_lines(capsys)
    assert out == ""
    assert len(err) == 1
    assert err[0].startswith(f"{path}:{line}: {message}")
    assert list(tmp_path.iterdir()) == []


def test_naming_the_legacy_encoding_silences_the_warning_even_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    argv = [str(DATA / "latin1.txt"), "--encoding", "latin-1", "--strict", "-o", str(target)]
    assert run(argv) == 0
    assert stderr_lines(capsys) == ("", [])
    assert "Dana Mossé" in target.read_text(encoding="utf-8")


def test_a_named_zone_silences_the_unknown_abbreviation_even_with_strict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [str(DATA / "unknown_zone.txt"), "--tz", "XST=Asia/Kolkata", "--strict", "-t", "json"]
    assert run(argv) == 0
    out, err = stderr_lines(capsys)
    assert err == []
    assert '"datetime": "2020-03-04T09:05:00+05:30"' in out


# --- Paths that are not readable files -----------------------------------------------------------


def _dangling(tmp_path: Path) -> Path:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    return link


def _loop(tmp_path: Path) -> Path:
    link = tmp_path / "loop.txt"
    link.symlink_to(link)
    return link


def _through_a_file(tmp_path: Path) -> Path:
    (tmp_path / "plain.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    return tmp_path / "plain.txt" / "inner.txt"


def _too_long(tmp_path: Path) -> Path:
    return tmp_path / ("x" * 300 + ".txt")


def _directory(tmp_path: Path) -> Path:
    (tmp_path / "folder.txt").mkdir()
    return tmp_path / "folder.txt"


UNREADABLE = {
    "dangling symlink": (_dangling, "cannot read: No such file or directory"),
    "symlink loop": (_loop, "cannot read: Too many levels of symbolic links"),
    "path through a file": (_through_a_file, "cannot read: Not a directory"),
    "name too long": (_too_long, "cannot read: File name too long"),
    "directory": (_directory, "cannot read: Is a directory"),
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX error names")
@pytest.mark.parametrize("case", list(UNREADABLE))
def test_unreadable_paths_are_one_error_in_the_api_and_the_cli(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = UNREADABLE[case]
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        newsconvert.read_article(path)
    assert (caught.value.source, caught.value.line, caught.value.message) == (
        str(path),
        None,
        message,
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert run([str(path), "-o", str(out_dir / "story.md")]) == 1
    assert stderr_lines(capsys) == ("", [f"{path}: {message}"])
    assert list(out_dir.iterdir()) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="root reads a file whatever its permission bits",
)
def test_a_file_without_read_permission_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")
    path.chmod(0)
    assert run([str(path)]) == 1
    assert stderr_lines(capsys) == ("", [f"{path}: cannot read: Permission denied"])


# --- Options -----------------------------------------------------------------------------------


def test_an_unknown_zone_name_is_a_config_error_in_the_api() -> None:
    with pytest.raises(ConfigError) as caught:
        newsconvert.parse("Headline\n\nBody.", zones={"IST": "Asia/Atlantis"}, source="a.txt")
    assert "Asia/Atlantis" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("spec", ["IST=Asia/Atlantis", "IST=", "=Asia/Kolkata", "IST=../../etc"])
def test_an_unknown_tz_is_a_usage_error_and_converts_nothing(
    spec: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    assert run([str(DATA / "latin1.txt"), "--tz", spec, "-o", str(target)]) == 2
    out, err = stderr_lines(capsys)
    assert out == "" and len(err) == 1
    assert not target.exists()


def test_cli_errors_never_show_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    names = [str(DATA / name) for name, *_ in REFUSED]
    assert run([*names, "--output-dir", "/nonexistent-dir/out"]) == 1
    out, err = stderr_lines(capsys)
    assert out == ""
    assert len(err) == len(names)
    assert not any("Traceback" in line or "Error:" in line.split(": ")[0] for line in err)


def test_a_timestamp_alone_converts_without_a_headline(capsys: pytest.CaptureFixture[str]) -> None:
    # Text that holds words is never refused (issue 10), and no headline is made up for it.
    assert run([str(DATA / "timestamp_only.txt"), "-t", "json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] is None
    assert data["published"]["text"] == "Published 09:05 IST, March 4th 2020"
