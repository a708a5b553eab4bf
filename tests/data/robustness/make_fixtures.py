"""Write the bad and odd input files for tests/test_robustness_*.py (the outputs are committed).

    python tests/data/robustness/make_fixtures.py

Every file is built byte by byte here, so that what each holds is stated in one place. The text
is an invented article; each file spoils it in one way. ``FIXTURES`` maps each file name to what
it holds, for the tests' parametrisation.
"""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

ARTICLE = (
    "Published 09:05 IST, March 4th 2020\n"
    "Tram line to reach the airport by winter\n"
    "The city's new tram line will reach the airport terminal before winter, planners said.\n"
    "“The tunnel is finished and the rails are going in,” chief engineer Dana Moss said.\n"
    "Work on the last two stations starts next month.\n"
)
"""The article the good-but-odd files hold (invented)."""


def png() -> bytes:
    """A valid 2x1 RGB PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def gzipped() -> bytes:
    """The article, gzip-compressed (a ``.txt.gz`` passed as if it were text)."""
    return gzip.compress(ARTICLE.encode("utf-8"), mtime=0)


def zipped() -> bytes:
    """The article inside a ZIP archive (the shape of a DOCX or ODT)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("article.txt", date_time=(2020, 3, 4, 9, 5, 0))
        archive.writestr(info, ARTICLE)
    return buffer.getvalue()


def pdf_header() -> bytes:
    """The start of a PDF file: a header and one object, enough to be recognised."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def cesu8(text: str) -> bytes:
    """``text`` in CESU-8: astral characters as two 3-byte surrogates (invalid UTF-8)."""
    return b"".join(
        _surrogate_pair(char) if ord(char) > 0xFFFF else char.encode("utf-8") for char in text
    )


def _surrogate_pair(char: str) -> bytes:
    code = ord(char) - 0x10000
    high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
    return chr(high).encode("utf-8", "surrogatepass") + chr(low).encode("utf-8", "surrogatepass")


FIXTURES: dict[str, bytes] = {
    # Refused: not text at all.
    "image.png": png(),
    "article.txt.gz": gzipped(),
    "article.docx": zipped(),
    "document.pdf": pdf_header(),
    "utf16le_no_bom.txt": ARTICLE.encode("utf-16-le"),
    "utf16be_no_bom.txt": ARTICLE.encode("utf-16-be"),
    "nul_in_line_3.txt": ARTICLE.replace("planners", "plan\x00ners").encode("utf-8"),
    # Refused: no text.
    "empty.txt": b"",
    "whitespace_only.txt": b" \t\r\n\n\x0c  \r\n\t\n",
    "controls_only.txt": b"\x01\x02\x1b\x7f\n\x08\n\x1f",
    # Refused: text, but no article in it.
    "timestamp_only.txt": b"Published 09:05 IST, March 4th 2020\n",
    "february_30th.txt": ARTICLE.replace("March 4th", "February 30th").encode("utf-8"),
    # Converted, with a warning naming the file and line (an error with --strict).
    "latin1.txt": ARTICLE.replace("“", '"')
    .replace("”", '"')
    .replace("Dana Moss", "Dana Mossé")
    .encode("iso8859-1"),
    "cesu8_surrogates.txt": cesu8(ARTICLE.replace("winter,", "winter \U0001f687,")),
    "surrogateescape.txt": ARTICLE.replace("rails", "rails\udcff\udc80").encode(
        "utf-8", "surrogateescape"
    ),
    "noncharacters.txt": ARTICLE.replace("tunnel", "tun\ufffenel\U0001ffff").encode("utf-8"),
    "controls.txt": ARTICLE.replace("stations", "sta\x1b[1mtions\x07").encode("utf-8"),
    "unknown_zone.txt": ARTICLE.replace("IST", "XST").encode("utf-8"),
    # Converted without a word lost: characters a careless renderer would pass on unescaped.
    "bidi_and_joiners.txt": (
        "Published 09:05 IST, March 4th 2020\n"
        "Tram \u202eenil\u202c to reach the airport\n"
        "Planners\u200b said the line\u2066 opens\u2069 in winter,"
        " ZWJ \U0001f468\u200d\U0001f469.\n"
    ).encode("utf-8"),
    "crlf_cr_mixed.txt": "".join(
        line + ending
        for line, ending in zip(
            ARTICLE.splitlines(), ["\r\n", "\r", "\n", "\x0c", "\u2028"], strict=True
        )
    ).encode("utf-8"),
}


def main() -> None:
    """Write every fixture next to this script."""
    for name, data in FIXTURES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
