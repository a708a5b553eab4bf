"""Reading article files: bytes in, clean text out, or one clear :class:`InputError`.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-source`).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from os import PathLike, fspath

from newsconvert.errors import ConfigError, InputError
from newsconvert.patterns import LazyPattern
from newsconvert.records import Record, record

__all__ = [
    "DEFAULT_MAX_SIZE",
    "CleanText",
    "SourceText",
    "check_encoding",
    "decode_source",
    "file_kind",
    "fix_mojibake",
    "is_url",
    "normalise_text",
    "parse_size",
    "read_bytes",
    "read_source",
]

STDIN_NAME = "<stdin>"
"""The name text read from standard input goes by in messages."""


class CleanText(str):
    """Text that needs no cleaning: line breaks are ``\\n``, no control character other than
    tab and line feed, no non-character or lone surrogate, no byte-order mark at the start.

    :func:`decode_source` makes it (having cleaned the text, and noted what it changed); the
    parser takes such text as it is instead of looking for all that again
    (:func:`newsconvert.parser.lines.clean_text`). Any other ``str`` is cleaned by the parser.
    """

    __slots__ = ()


@record()
class SourceText(Record):
    """The decoded, normalised text of one input file."""

    text: str
    """The text, with line breaks normalised to ``\\n`` and unsafe characters handled."""
    name: str
    """The file as the user named it (``<stdin>`` for standard input), for messages."""
    encoding: str
    """The Python codec the bytes were decoded with (``utf-8``, ``utf-16-le``, ``cp1252``…)."""
    warnings: tuple[str, ...] = ()
    """What was noticed and handled, each one line ``name:line: message``."""


# --- Binary detection --------------------------------------------------------------------------

# Magic numbers of the binary formats most likely to be passed by mistake. Each prefix is long or
# odd enough that no plain-text article starts with it.
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "ZIP (or DOCX, ODT, EPUB)"),
    (b"PK\x05\x06", "ZIP"),
    (b"%PDF-", "PDF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00asm", "WebAssembly"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
    (b"OggS\x00", "Ogg"),
)
# Formats whose magic is short or printable are matched with the bytes that must follow it, so
# that an article may begin with "ID3 tags explained" or "fLaC". The module's patterns are
# compiled on first use: reading an ordinary article meets few of them.
_BZIP2 = LazyPattern(rb"BZh[1-9]1AY&SY")
_MP3 = LazyPattern(rb"ID3[\x02-\x04]\x00")
_FLAC = LazyPattern(rb"fLaC[\x00\x80]\x00\x00\x22")
_RIFF = LazyPattern(rb"RIFF....(WEBP|WAVE|AVI )", re.DOTALL)


def _binary_kind(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts like, or ``None``."""
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    if _BZIP2.match(data):
        return "bzip2"
    if _MP3.match(data):
        return "MP3"
    if _FLAC.match(data):
        return "FLAC"
    riff = _RIFF.match(data)
    if riff:
        return riff.group(1).decode("ascii").strip()
    if data[:2] == b"\x00\x00" and data[4:8] == b"ftyp":
        return "MP4/QuickTime"
    return None


def _looks_like_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` if ``data`` looks like BOM-less UTF-16 text, else ``None``.

    ASCII text in UTF-16 has a NUL in every other byte; used only to improve the message for a
    file that is refused because it contains NUL characters.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls > 0.4 * pairs and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.4 * pairs and odd_nuls == 0:
        return "utf-16-be"
    return None


# --- Decoding ------------------------------------------------------------------------------------

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, frozenset[str]], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", frozenset({"utf-32", "utf-32-le"})),
    (codecs.BOM_UTF32_BE, "utf-32-be", frozenset({"utf-32", "utf-32-be"})),
    (codecs.BOM_UTF8, "utf-8", frozenset({"utf-8", "utf-8-sig"})),
    (codecs.BOM_UTF16_LE, "utf-16-le", frozenset({"utf-16", "utf-16-le"})),
    (codecs.BOM_UTF16_BE, "utf-16-be", frozenset({"utf-16", "utf-16-be"})),
)

# Windows-1252 as browsers decode it (WHATWG): the five bytes the standard leaves undefined map
# to the ISO-8859-1 code points instead of failing. They are C1 controls, removed later.
_CP1252_TABLE = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256)
)
_C1_BYTES = LazyPattern(rb"[\x80-\x9f]")


def check_encoding(encoding: str) -> str:
    """Return the canonical codec name for ``encoding``; :class:`ConfigError` if unknown.

    Only text encodings count: ``rot13`` or ``base64`` are codecs, but not ones bytes can be
    decoded to text with.
    """
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ConfigError(f"unknown encoding {encoding!r}") from None
    # CodecInfo marks bytes-to-bytes and str-to-str codecs as not text encodings.
    if not getattr(info, "_is_text_encoding", True):
        raise ConfigError(f"{encoding!r} is not a text encoding")
    return info.name


def _count_line(text: str) -> int:
    """The 1-based line that the end of not yet normalised ``text`` falls on."""
    return _unify_line_breaks(text).count("\n") + 1


def _undecodable(error: UnicodeDecodeError, data: bytes, codec: str, name: str) -> InputError:
    """An :class:`InputError` for bytes ``codec`` cannot decode, at the line they are on."""
    # The prefix decoded without error: the failure is at error.start, not before.
    prefix = data[: error.start].decode(codec, errors="replace")
    bad = data[error.start : error.end][:4]
    shown = " ".join(f"0x{byte:02X}" for byte in bad) or "end of file"
    return InputError(
        f"cannot decode as {codec}: {shown} ({error.reason})",
        source=name,
        line=_count_line(prefix),
    )


# What charset-normalizer may name for Western text: those files keep the fixed rule below
# (Windows-1252 when its punctuation bytes occur, else ISO-8859-1), which is right for them and
# does not depend on a statistical guess about a few accented letters.
_WESTERN = frozenset(
    {"ascii", "utf_8", "latin_1", "iso8859_1", "cp1252", "iso8859_15", "cp1250", "iso8859_2"}
    | {"mac_roman", "mac_latin2", "cp850", "cp437", "iso8859_9", "cp1254"}
)


MIN_DETECTION_BYTES = 16
"""Non-ASCII bytes a file needs before charset-normalizer's guess is taken: Cyrillic, Greek or
Japanese text is nearly all such bytes, Western text only its accents."""


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` for a non-UTF-8 file in a non-Western legacy encoding (Windows-1251,
    Shift-JIS, GB18030, KOI8-R …), as charset-normalizer identifies it, in a language it
    recognises; ``None`` when it finds none, or a Western encoding is among its candidates."""
    if sum(1 for byte in data if byte > 0x7F) < MIN_DETECTION_BYTES:
        return None  # a few accented letters: too little for a guess to beat the fixed rule
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if (
        best is None
        or best.encoding in _WESTERN
        or best.language == "Unknown"
        or any(match.encoding in _WESTERN for match in results)
    ):
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _decode(
    data: bytes, *, name: str, encoding: str | None, notes: list[tuple[int, str]]
) -> tuple[str, str]:
    """Decode ``data`` as described in the module docstring: ``(text, codec name)``."""
    for bom, codec, family in _BOMS:
        if data.startswith(bom):
            if encoding is not None and check_encoding(encoding) not in family:
                notes.append(
                    (
                        1,
                        f"the file starts with a {codec.upper()} byte-order mark; decoded as "
                        f"{codec}, not {encoding}",
                    )
                )
            body = data[len(bom) :]
            try:
                return body.decode(codec), codec
            except UnicodeDecodeError as error:
                raise _undecodable(error, body, codec, name) from None
    if encoding is not None:
        codec = check_encoding(encoding)
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as error:
            raise _undecodable(error, data, codec, name) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    detected = _detect_legacy(data)
    if detected is not None:
        text, codec = detected
        label = codec
    elif _C1_BYTES.search(data):
        text = codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0]
        codec, label = "cp1252", "Windows-1252"
    else:
        text, codec, label = data.decode("iso8859-1"), "iso8859-1", "ISO-8859-1"
    line = _count_line(data[:first_bad].decode("utf-8"))
    notes.append(
        (
            line,
            f"not valid UTF-8; decoded as {label} (name the encoding with --encoding to "
            "silence this)",
        )
    )
    return text, codec


# --- Normalisation ------------------------------------------------------------------------------
# Speed matters here (a 100 MB file must convert): str.replace and the "in" operator run at
# memory speed, a regular expression with a character class at about 250 MB/s, and a class that
# lists characters beyond U+FFFF is many times slower (no bitmap). So line breaks are found with
# "in", the astral non-characters with "in", and one BMP-only class finds everything else.

# Everything str.splitlines() treats as a line boundary besides \n and \r, so that the parser's
# lines and any consumer's splitlines() agree.
_OTHER_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# C0 and C1 controls and DEL, except \t and \n (the line breaks among them are already \n).
_CONTROL_CLASS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f"
_CONTROL = LazyPattern(f"[{_CONTROL_CLASS}]")
# Lone surrogates and the non-characters of the Basic Multilingual Plane.
_BMP_INVALID_CLASS = "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_BMP_INVALID = LazyPattern(f"[{_BMP_INVALID_CLASS}]")
# Either kind: what _remove_unsafe looks for first in text that is not ASCII.
_SUSPECT = LazyPattern(f"[{_CONTROL_CLASS}{_BMP_INVALID_CLASS}]")
# C1 controls in decoded text are Windows-1252 punctuation decoded as ISO-8859-1 (U+0092 for
# U+2019): mapped as Windows-1252, as HTML5 decoders map them. U+0085 stays a line break (as
# ``str.splitlines`` reads it); the five code points Windows-1252 leaves undefined are removed.
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code != 0x85 and code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_C1_MAPPED = LazyPattern("[" + "".join(map(chr, _C1_AS_CP1252)) + "]")
# U+1FFFE, U+1FFFF, ... U+10FFFF: the last two code points of every other plane.
_ASTRAL_NONCHARACTERS = tuple(
    chr(plane << 16 | last) for plane in range(1, 17) for last in (0xFFFE, 0xFFFF)
)


def _unify_line_breaks(text: str) -> str:
    """Every line boundary (``\\r\\n``, ``\\r``, form feed, U+2028, ...) as ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char in _OTHER_LINE_BREAKS:
        if char in text:
            text = text.replace(char, "\n")
    return text


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _remove_unsafe(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove controls and replace non-characters in line-normalised ``text``.

    Returns the new text and one ``(line, message)`` note per kind of change made.
    """
    notes: list[tuple[int, str]] = []
    plain = text.isascii()  # O(1): no non-characters or surrogates can occur
    suspect = (_CONTROL if plain else _SUSPECT).search(text)
    if not plain and suspect is not None:
        mapped = _C1_MAPPED.search(text, suspect.start())
        if mapped is not None:
            line = _line_of(text, mapped.start())
            count = len(_C1_MAPPED.findall(text))
            text = text.translate(_C1_AS_CP1252)
            s = "s" if count > 1 else ""
            notes.append(
                (
                    line,
                    f"read {count} C1 control character{s} as Windows-1252 punctuation (the "
                    f"first is {_describe(mapped[0])}, read as {_C1_AS_CP1252[ord(mapped[0])]})",
                )
            )
            suspect = _SUSPECT.search(text)
    control = _CONTROL.search(text, suspect.start()) if suspect is not None else None
    if control is not None:
        line = _line_of(text, control.start())
        text, count = _CONTROL.subn("", text)
        s = "s" if count > 1 else ""
        notes.append(
            (line, f"removed {count} control character{s} (the first is {_describe(control[0])})")
        )
    if plain:
        return text, notes
    positions = [text.find(char) for char in _ASTRAL_NONCHARACTERS if char in text]
    bmp = _BMP_INVALID.search(text) if suspect is not None else None
    if bmp is not None:
        positions.append(bmp.start())
    if positions:
        first = min(positions)
        line, char = _line_of(text, first), text[first]
        text, count = _BMP_INVALID.subn("\ufffd", text)
        for astral in _ASTRAL_NONCHARACTERS:
            if astral in text:
                count += text.count(astral)
                text = text.replace(astral, "\ufffd")
        s = "s" if count > 1 else ""
        notes.append(
            (
                line,
                f"replaced {count} non-character{s} or lone surrogate{s} with U+FFFD (the "
                f"first is {_describe(char)})",
            )
        )
    return text, notes


def normalise_text(text: str) -> str:
    """Normalise line breaks and remove or replace unsafe characters in ``text``.

    The same rules as files get (see the module docstring), for text that did not come from a
    file: line breaks become ``\\n``, control characters other than ``\\t``/``\\n`` (NUL
    included) are removed, non-characters and lone surrogates become U+FFFD.
    """
    return _remove_unsafe(_unify_line_breaks(text))[0]


def _describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def decode_source(
    data: bytes, *, name: str, encoding: str | None = None, strict: bool = False
) -> SourceText:
    """Decode and normalise the bytes of one input, named ``name`` in messages.

    See the module docstring for the rules. Raises :class:`InputError` (with ``source=name``
    and the line where it means something) for binary, undecodable or empty input, and
    :class:`ConfigError` for an unknown ``encoding``. With ``strict``, any warning is raised as
    an :class:`InputError` instead.
    """
    if encoding is not None:
        check_encoding(encoding)
    if not data:
        raise InputError("empty file", source=name)
    kind = _binary_kind(data)
    if kind is not None:
        raise InputError(f"binary file (looks like {kind}), not text", source=name, line=1)

    notes: list[tuple[int, str]] = []
    text, codec = _decode(data, name=name, encoding=encoding, notes=notes)
    # A byte-order mark decoded as text (a file saved twice with one) is invisible: drop it.
    text = text.lstrip("\ufeff")
    text = _unify_line_breaks(text)

    nul = text.find("\x00")
    if nul >= 0:
        hint = _looks_like_utf16(data) if encoding is None else None
        advice = f" (UTF-16 without a byte-order mark? try --encoding {hint})" if hint else ""
        raise InputError(
            f"binary file (contains NUL characters), not text{advice}",
            source=name,
            line=_line_of(text, nul),
        )

    text, cleaned = _remove_unsafe(text)
    notes.extend(cleaned)

    if not text or text.isspace():
        raise InputError(
            "file holds only whitespace" if text else "file holds no text", source=name
        )
    if strict and notes:
        line, message = notes[0]
        raise InputError(f"{message} (an error with --strict)", source=name, line=line)
    warnings = tuple(f"{name}:{line}: {message}" for line, message in notes)
    # A byte-order mark that only a removed control character kept from the start (``\ufeff
    # \x01\ufeff``) stays in the text, as it was: the parser drops it, and so cleans such text.
    if not text.startswith("\ufeff"):
        text = CleanText(text)
    return SourceText(text=text, name=name, encoding=codec, warnings=warnings)


def fix_mojibake(source: SourceText) -> SourceText:
    """``source`` with mojibake repaired by ``ftfy`` (``â€™`` back to U+2019), on request only:
    a repair is a guess about how the text was mangled, so it is never made by default.

    Raises :class:`ConfigError` when ``ftfy`` is not installed (``pip install
    newsconvert[fix-text]``). A warning says how many lines changed.
    """
    try:
        import ftfy
    except ImportError:
        raise ConfigError(
            "--fix-text needs ftfy: pip install 'newsconvert[fix-text]'", source=source.name
        ) from None
    fixed = ftfy.fix_encoding(source.text)  # mojibake only: quotes, ligatures stay as written
    if fixed == source.text:
        return source
    before, after = source.text.split("\n"), fixed.split("\n")
    changed = sum(1 for old, new in zip(before, after, strict=False) if old != new)
    first = next((n for n, (o, w) in enumerate(zip(before, after, strict=False), 1) if o != w), 1)
    s = "s" if changed != 1 else ""
    note = f"{source.name}:{first}: --fix-text repaired mojibake on {changed} line{s}"
    return SourceText(
        text=normalise_text(fixed),
        name=source.name,
        encoding=source.encoding,
        warnings=(*source.warnings, note),
    )


DEFAULT_MAX_SIZE = 256 * 1024 * 1024
"""The largest input read by default (``--max-size``), in bytes: far above any real article,
low enough that ``/dev/zero`` or a runaway log cannot exhaust memory."""


def read_source(
    path: str | PathLike[str],
    *,
    encoding: str | None = None,
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> SourceText:
    """Read the file at ``path`` (``-`` for standard input; a URL such as ``s3://bucket/a.txt``
    through fsspec, see :mod:`newsconvert.storage`) and decode it.

    See :func:`decode_source` and :func:`read_bytes`. A missing, unreadable or directory
    ``path``, a device, or an input over ``max_size`` bytes is an :class:`InputError` carrying
    the reason.
    """
    name = fspath(path)
    if name == "-":
        data = _read_stdin(max_size)
        return decode_source(data, name=STDIN_NAME, encoding=encoding, strict=strict)
    if is_url(name):  # s3://, gs://, memory://... through fsspec
        from newsconvert.storage import read_url

        data = read_url(name)
        check_size(len(data), max_size, name)
        return decode_source(data, name=name, encoding=encoding, strict=strict)
    data = read_bytes(name, max_size=max_size)
    return decode_source(data, name=name, encoding=encoding, strict=strict)


_SCHEME = LazyPattern(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")


def is_url(path: str | PathLike[str]) -> bool:
    """Whether ``path`` names something other than a local file (a URL that is not ``file://``):
    read through fsspec (:mod:`newsconvert.storage`, imported only then)."""
    match = _SCHEME.match(fspath(path))
    return match is not None and match.group(1).lower() != "file"


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""How :func:`read_bytes` opens a file: without waiting (a pipe), as bytes (Windows)."""


def read_bytes(
    path: str | PathLike[str], *, max_size: int = DEFAULT_MAX_SIZE, regular_only: bool = False
) -> bytes:
    """The bytes of the file at ``path``, refusing before reading what cannot be an article.

    A regular file larger than ``max_size`` is refused from its size; a pipe (``<(command)``)
    is read up to ``max_size`` bytes and refused beyond; a device other than a terminal, a
    socket and a folder are refused, and with ``regular_only`` anything but a regular file (a
    site build reads only files: a pipe with no writer would hang it). The file is opened
    without waiting, so that even a pipe put in a file's place cannot hang the caller before
    that check. Raises :class:`InputError` naming the file.
    """
    name = fspath(path)
    try:
        fd = os.open(name, _READ_FLAGS)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
    status = os.fstat(fd)
    mode = status.st_mode
    if stat.S_ISREG(mode):
        # Every file of a site build: read with plain system calls, cheaper than the file
        # object a pipe needs below.
        try:
            check_size(status.st_size, max_size, name)
            data = _read_regular(fd, status.st_size, max_size)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
        finally:
            os.close(fd)
        check_size(len(data), max_size, name)
        return data
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise InputError("cannot read: Is a directory", source=name)
    with os.fdopen(fd, "rb") as handle:
        refused = regular_only or not (stat.S_ISFIFO(mode) or os.isatty(fd))
        if refused:
            raise InputError(f"cannot read: {file_kind(mode)}, not a file", source=name)
        os.set_blocking(fd, True)  # a pipe: wait for its writer
        try:
            # Up to max_size + 1 bytes, to tell an input over the limit.
            data = handle.read(max_size + 1)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
    check_size(len(data), max_size, name)
    return data


_CHUNK = 1 << 16
"""What :func:`_read_regular` asks for at a time once the size ``fstat`` gave is read."""


def _read_regular(fd: int, size: int, max_size: int) -> bytes:
    """The content of the regular file open as ``fd``, ``size`` bytes by ``fstat``: asked for
    whole (plus one byte, to notice a file that grew since), then until the end, but no more
    than ``max_size + 1`` bytes in all. Never asks for much more than there is to read: a read
    first allocates what it asks for."""
    parts: list[bytes] = []
    total = 0
    wanted = size + 1
    while total <= max_size:
        part = os.read(fd, min(wanted, max_size + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        wanted = max(size + 1 - total, _CHUNK)
    return b"".join(parts)  # one part (the usual case) is returned as it is, not copied


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """What a file of ``st_mode`` ``mode`` is, in words, when it is not a regular file."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(text: str) -> int:
    """A size in bytes from ``text``: a whole number, optionally followed by ``K``, ``M`` or
    ``G`` (powers of 1024), as ``--max-size`` takes it. Raises :class:`ValueError`."""
    spelled = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = spelled[-1:] if spelled[-1:] in _UNITS else ""
    number = spelled[: len(spelled) - len(unit)].strip()
    if not number.isdigit() or not number.isascii():
        raise ValueError(f"expected a size such as 256M, got {text!r}")
    size = int(number) * _UNITS[unit]
    if size < 1:
        raise ValueError("must be at least 1 byte")
    return size


def check_size(size: int, max_size: int, name: str) -> None:
    """Refuse ``size`` bytes over ``max_size`` with an :class:`InputError` naming ``name``."""
    if size > max_size:
        raise InputError(
            f"too large: over {max_size:,} bytes (--max-size raises the limit)", source=name
        )


def _read_stdin(max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("cannot read: there is no standard input", source=STDIN_NAME)
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read(max_size + 1)
        else:
            # A text stream without bytes underneath (an io.StringIO in tests): its text is final.
            data = stream.read(max_size + 1).encode("utf-8", errors="replace")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=STDIN_NAME) from None
    check_size(len(data), max_size, STDIN_NAME)
    return data
