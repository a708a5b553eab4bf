"""Write the byte-level fixtures for tests/test_source_*.py (run once; the outputs are committed).

    python tests/data/source/make_fixtures.py

Each file holds the same short invented article in a different encoding or with a different
defect, so that a test can state the exact text (or the exact error) each must give. The PNG and
gzip files are real, minimal files of their formats, built here byte by byte.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Invented for these fixtures. Non-ASCII letters that Latin-1 can encode (é, £), and a variant
# with the curly quotes and dash only Windows-1252 (among 8-bit encodings) has.
PLAIN = (
    "Harbour ferry fares to rise in spring\n"
    "\n"
    "The council approved a rise of £2 in the harbour ferry fare on Tuesday.\n"
    "\n"
    "Councillor René Okafor said the service would add two evening crossings.\n"
)
CURLY = (
    "Harbour ferry fares to rise in spring\n"
    "\n"
    "“It is the first rise in six years,” said councillor René Okafor — and the last, he hoped.\n"
)


def png_1x1() -> bytes:
    """A valid 1x1 white greyscale PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # width, height, depth 8, greyscale
    pixels = zlib.compress(b"\x00\xff")  # filter byte 0, one white pixel
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


FIXTURES: dict[str, bytes] = {
    "utf8.txt": PLAIN.encode("utf-8"),
    "utf8_bom.txt": b"\xef\xbb\xbf" + PLAIN.encode("utf-8"),
    "utf16le_bom.txt": b"\xff\xfe" + PLAIN.encode("utf-16-le"),
    "utf16be_bom.txt": b"\xfe\xff" + PLAIN.encode("utf-16-be"),
    "utf32le_bom.txt": b"\xff\xfe\x00\x00" + PLAIN.encode("utf-32-le"),
    "utf32be_bom.txt": b"\x00\x00\xfe\xff" + PLAIN.encode("utf-32-be"),
    "utf16le_no_bom.txt": PLAIN.encode("utf-16-le"),
    "latin1.txt": PLAIN.encode("iso8859-1"),
    "cp1252_quotes.txt": CURLY.encode("cp1252"),
    "crlf.txt": PLAIN.replace("\n", "\r\n").encode("utf-8"),
    "cr_only.txt": PLAIN.replace("\n", "\r").encode("utf-8"),
    "form_feed.txt": PLAIN.replace("\n\n", "\n\f\n", 1).encode("utf-8"),
    "controls.txt": (
        "Harbour ferry fares to rise in spring\n\nThe council\x1b[1m approved a ri\x08se.\x7f\n"
        "Fares\ufffe go up \ufdd0 in May.\n"
    ).encode("utf-8"),
    "nul.txt": PLAIN.replace("Tuesday", "Tues\x00day").encode("utf-8"),
    "empty.txt": b"",
    "whitespace_only.txt": b" \n\t\n   \r\n",
    "tiny.png": png_1x1(),
    "tiny.txt.gz": gzip.compress(PLAIN.encode("utf-8"), mtime=0),
}


def main() -> None:
    for name, data in FIXTURES.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
