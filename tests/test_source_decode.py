"""newsconvert.source on real files: every encoding and defect under tests/data/source/.

The fixtures are written by tests/data/source/make_fixtures.py; each test states the exact text
or the exact error its file must give.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from newsconvert.errors import ConfigError, InputError
from newsconvert.source import SourceText, decode_source, read_source

DATA = Path(__file__).resolve().parent / "data" / "source"

PLAIN = (
    "Harbour ferry fares to rise in spring\n"
    "\n"
    "The council approved a rise of £2 in the harbour ferry fare on Tuesday.\n"
    "\n"
    "Councillor René Okafor said the service would add two evening crossings.\n"
)


def read(name: str, **options: object) -> SourceText:
    return read_source(DATA / name, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8.txt", "utf-8"),
        ("utf8_bom.txt", "utf-8"),
        ("utf16le_bom.txt", "utf-16-le"),
        ("utf16be_bom.txt", "utf-16-be"),
        ("utf32le_bom.txt", "utf-32-le"),
        ("utf32be_bom.txt", "utf-32-be"),
        ("crlf.txt", "utf-8"),
        ("cr_only.txt", "utf-8"),
    ],
)
def test_unicode_files_decode_to_the_same_text_without_warnings(name: str, encoding: str) -> None:
    source = read(name)
    assert source.text == PLAIN
    assert source.encoding == encoding
    assert source.warnings == ()
    assert source.name == str(DATA / name)


def test_latin1_is_detected_and_warned_about_once_with_file_and_line() -> None:
    source = read("latin1.txt")
    assert source.text == PLAIN
    assert source.encoding == "iso8859-1"
    # The first non-UTF-8 byte (the pound sign) is on line 3.
    assert source.warnings == (
        f"{DATA / 'latin1.txt'}:3: not valid UTF-8; decoded as ISO-8859-1 (name the encoding "
        "with --encoding to silence this)",
    )


def test_latin1_named_explicitly_gives_no_warning() -> None:
    source = read("latin1.txt", encoding="latin-1")
    assert (source.text, source.encoding, source.warnings) == (PLAIN, "iso8859-1", ())


def test_latin1_is_an_error_with_strict() -> None:
    with pytest.raises(InputError) as caught:
        read("latin1.txt", strict=True)
    assert caught.value.source == str(DATA / "latin1.txt")
    assert caught.value.line == 3
    assert "decoded as ISO-8859-1" in caught.value.message
    assert "--strict" in caught.value.message


def test_cp1252_curly_quotes_are_detected_by_their_c1_bytes() -> None:
    source = read("cp1252_quotes.txt")
    assert source.text == (
        "Harbour ferry fares to rise in spring\n\n"
        "“It is the first rise in six years,” said councillor René Okafor — and the last, "
        "he hoped.\n"
    )
    assert source.encoding == "cp1252"
    assert len(source.warnings) == 1
    assert ":3: not valid UTF-8; decoded as Windows-1252" in source.warnings[0]


def test_the_corpus_latin1_file_reads_with_one_warning(corpus_dir: Path) -> None:
    source = read_source(corpus_dir / "bbc" / "sport" / "199.txt")
    assert source.encoding == "iso8859-1"
    assert "a £15.8m signing" in source.text
    assert len(source.warnings) == 1
    assert source.warnings[0].endswith(
        "199.txt:5: not valid UTF-8; decoded as ISO-8859-1 (name the encoding with --encoding "
        "to silence this)"
    )


def test_every_other_corpus_file_is_utf8_without_warnings(corpus_dir: Path) -> None:
    files = sorted(p for p in corpus_dir.rglob("*.txt") if p.name != "README.TXT")
    assert len(files) > 150
    for path in files:
        source = read_source(path)
        if path.name == "199.txt" and path.parent.name == "sport":
            continue
        assert (source.encoding, source.warnings) == ("utf-8", ()), path
        assert source.text == path.read_text(encoding="utf-8"), path


def test_form_feed_becomes_a_line_break() -> None:
    source = read("form_feed.txt")
    assert source.text == PLAIN.replace("\n\n", "\n\n\n", 1)
    assert source.warnings == ()


def test_control_characters_are_removed_and_non_characters_replaced() -> None:
    source = read("controls.txt")
    assert source.text == (
        "Harbour ferry fares to rise in spring\n\n"
        "The council[1m approved a rise.\n"
        "Fares\ufffd go up \ufffd in May.\n"
    )
    path = DATA / "controls.txt"
    assert source.warnings == (
        f"{path}:3: removed 3 control characters (the first is U+001B)",
        f"{path}:4: replaced 2 non-characters or lone surrogates with U+FFFD (the first is U+FFFE)",
    )


def test_controls_are_an_error_with_strict() -> None:
    with pytest.raises(InputError) as caught:
        read("controls.txt", strict=True)
    assert (caught.value.line, caught.value.message) == (
        3,
        "removed 3 control characters (the first is U+001B) (an error with --strict)",
    )


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("tiny.png", 1, "binary file (looks like PNG), not text"),
        ("tiny.txt.gz", 1, "binary file (looks like gzip), not text"),
        ("nul.txt", 3, "binary file (contains NUL characters), not text"),
        (
            "utf16le_no_bom.txt",
            1,
            "binary file (contains NUL characters), not text (UTF-16 without a byte-order "
            "mark? try --encoding utf-16-le)",
        ),
        ("empty.txt", None, "empty file"),
        ("whitespace_only.txt", None, "file holds only whitespace"),
    ],
)
def test_refused_files_give_one_input_error(name: str, line: int | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(name)
    error = caught.value
    assert (error.source, error.line, error.message) == (str(DATA / name), line, message)
    where = f"{DATA / name}:{line}" if line else str(DATA / name)
    assert str(error) == f"{where}: {message}"


def test_utf16_without_bom_reads_when_named() -> None:
    source = read("utf16le_no_bom.txt", encoding="utf-16-le")
    assert source.text == PLAIN


def test_named_encoding_that_fails_reports_the_line_of_the_first_bad_byte() -> None:
    with pytest.raises(InputError) as caught:
        read("latin1.txt", encoding="utf-8")
    assert caught.value.line == 3
    assert caught.value.message == "cannot decode as utf-8: 0xA3 (invalid start byte)"


def test_truncated_utf16_is_an_input_error_on_its_line() -> None:
    data = (DATA / "utf16le_bom.txt").read_bytes()[:-1]
    with pytest.raises(InputError) as caught:
        decode_source(data, name="cut.txt")
    assert caught.value.source == "cut.txt"
    assert caught.value.line == 5
    assert "truncated data" in caught.value.message


@pytest.mark.parametrize("name", ["klingon", "rot13", "base64"])
def test_unknown_or_non_text_encoding_is_a_config_error(name: str) -> None:
    with pytest.raises(ConfigError):
        read("utf8.txt", encoding=name)


def test_bom_wins_over_a_contradicting_encoding_with_a_warning() -> None:
    source = read("utf16le_bom.txt", encoding="latin-1")
    assert source.text == PLAIN
    assert source.encoding == "utf-16-le"
    assert source.warnings == (
        f"{DATA / 'utf16le_bom.txt'}:1: the file starts with a UTF-16-LE byte-order mark; "
        "decoded as utf-16-le, not latin-1",
    )


def test_bom_agreeing_with_the_encoding_gives_no_warning() -> None:
    assert read("utf8_bom.txt", encoding="utf-8-sig").warnings == ()
    assert read("utf16be_bom.txt", encoding="utf-16").warnings == ()


def test_a_directory_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        read_source(DATA)
    assert caught.value.source == str(DATA)
    assert caught.value.message == "cannot read: Is a directory"


def test_a_missing_file_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        read_source(DATA / "absent.txt")
    assert str(caught.value) == f"{DATA / 'absent.txt'}: cannot read: No such file or directory"


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root reads files whatever their permissions",
)
def test_an_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert caught.value.message == "cannot read: Permission denied"


def test_an_unreadable_file_is_an_input_error_even_for_root(tmp_path: Path) -> None:
    # A FIFO nobody writes to would block, so use a path through a regular file instead: the
    # OS refuses it as "Not a directory" for every user, root included.
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_source(tmp_path / "plain" / "inner.txt")
    assert caught.value.message == "cannot read: Not a directory"


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    fake = io.TextIOWrapper(io.BytesIO((DATA / "latin1.txt").read_bytes()), encoding="ascii")
    monkeypatch.setattr(sys, "stdin", fake)
    source = read_source("-")
    assert (source.name, source.text, source.encoding) == ("<stdin>", PLAIN, "iso8859-1")
    assert source.warnings[0].startswith("<stdin>:3: not valid UTF-8")


@pytest.mark.parametrize(
    ("start", "kind"),
    [
        (b"ID3\x03\x00\x00\x00\x00\x00\x00", "MP3"),
        (b"fLaC\x00\x00\x00\x22\x10\x00", "FLAC"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP (or DOCX, ODT, EPUB)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"BZh91AY&SY\x00", "bzip2"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WEBP"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4/QuickTime"),
    ],
)
def test_known_magic_numbers_are_refused(start: bytes, kind: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_source(start + b"rest of the file", name="x.bin")
    assert caught.value.message == f"binary file (looks like {kind}), not text"


@pytest.mark.parametrize(
    "text", ["ID3 tags explained\n\nBody.", "fLaC is not FLAC\n\nBody.", "GIF makers\n\nBody."]
)
def test_articles_that_begin_like_a_magic_number_are_text(text: str) -> None:
    assert decode_source(text.encode(), name="t.txt").text == text


def test_a_small_file_is_read_without_allocating_the_size_limit(tmp_path: Path) -> None:
    # Reading "up to max_size" in one call would allocate max_size bytes (256 MB by default)
    # for every file first: a site build reads thousands of small ones.
    import tracemalloc

    from newsconvert.source import DEFAULT_MAX_SIZE, read_bytes

    path = tmp_path / "small.txt"
    path.write_bytes(b"Headline\n\nOne paragraph.\n")
    tracemalloc.start()
    try:
        data = read_bytes(path, max_size=DEFAULT_MAX_SIZE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == b"Headline\n\nOne paragraph.\n"
    assert peak < 1_000_000


def test_a_file_is_read_whole_up_to_the_limit(tmp_path: Path) -> None:
    from newsconvert.source import read_bytes

    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, max_size=100) == b"x" * 100
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError, match="too large"):
        read_bytes(path, max_size=100)
