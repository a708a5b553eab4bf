"""Properties of newsconvert.source over arbitrary bytes and text (Hypothesis)."""

from __future__ import annotations

import contextlib
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from newsconvert.errors import InputError
from newsconvert.parser.lines import clean_text
from newsconvert.source import CleanText, decode_source, normalise_text

# What no output format can carry: C0/C1 controls other than tab and newline, DEL, lone
# surrogates, non-characters; and every line boundary other than \n.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)


def assert_clean(text: str) -> None:
    assert FORBIDDEN.search(text) is None
    # \n is the only line boundary left: the parser's lines are everyone's lines.
    expected = text.split("\n") if text else []
    if text.endswith("\n"):
        expected.pop()
    assert text.splitlines() == expected


def is_plain(char: str) -> bool:
    """Whether ``char`` passes normalisation unchanged (see the module docstring of source)."""
    return FORBIDDEN.search(char) is None and char not in "\r\x85\ufeff"


@settings(max_examples=400)
@given(st.binary(max_size=400))
@example(b"\xff\xfe\x00")
@example(b"\x00\x00\xfe\xff\x00")
@example(b"\xef\xbb\xbf")
@example(b"\x81\x8d\x8f\x90\x9d")
@example(b"\xef\xbb\xbf\x01\xef\xbb\xbfA\r\nB\xc2\x85C")
def test_any_bytes_give_clean_text_or_an_input_error(data: bytes) -> None:
    try:
        source = decode_source(data, name="fuzz.txt")
    except InputError as error:
        assert error.source == "fuzz.txt"
        assert "\n" not in str(error)
        return
    assert_clean(source.text)
    assert source.text.strip()
    for warning in source.warnings:
        assert warning.startswith("fuzz.txt:")
        assert "\n" not in warning
    # Text marked clean is what the parser's own cleaning, which it skips, would make of it.
    if isinstance(source.text, CleanText):
        assert clean_text(str(source.text)) == source.text
    else:
        assert source.text.startswith("\ufeff")


@settings(max_examples=400)
@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_any_text_normalises_to_clean_text(text: str) -> None:
    assert_clean(normalise_text(text))


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")).filter(is_plain),
        min_size=1,
        max_size=200,
    ).filter(str.strip),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_clean_text_survives_every_unicode_encoding_and_line_ending(
    text: str, newline: str, encoding: str
) -> None:
    lines = [text, "second line", text]
    data = newline.join(lines).encode(encoding)
    source = decode_source(data, name="t.txt")
    assert source.text == "\n".join(lines)
    assert source.warnings == ()


@given(st.text(alphabet="abcé £\n", min_size=1, max_size=100).filter(str.strip))
def test_latin1_text_decodes_to_itself_with_one_warning(text: str) -> None:
    data = text.encode("iso8859-1")
    # Some Latin-1 byte sequences happen to be valid UTF-8 ("é££" is E9 A3 A3, one CJK
    # character); UTF-8 comes first, so those read as UTF-8. Real text almost never forms them.
    with contextlib.suppress(UnicodeDecodeError):
        assume(data.decode("utf-8") == text)
    source = decode_source(data, name="l.txt")
    assert source.text == text
    expected = 0 if data.isascii() else 1
    assert len(source.warnings) == expected


def reference_normalisation(text: str) -> str:
    """The rules of newsconvert.source, one character at a time (slow, obviously right)."""
    out: list[str] = []
    text = text.replace("\r\n", "\n")
    for char in text:
        code = ord(char)
        if char in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
            out.append("\n")
        elif char in "\t\n":
            out.append(char)
        elif 0x80 <= code <= 0x9F and code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
            out.append(bytes([code]).decode("cp1252"))  # C1 read as Windows-1252
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            continue
        elif 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


SPECIAL = st.sampled_from(
    [
        *"\r\n\t\x00\x01\x1b\x1c\x7f\x85\x9f\u2028\u2029\ud800\udfff\ufdd0\ufffe\uffff\ufeff",
        *("\U0001fffe", "\U0010ffff", "\U0001f600", "é", "a", " "),
    ]
)


@settings(max_examples=500)
@given(st.text(alphabet=SPECIAL | st.characters(codec=None), max_size=60))
def test_normalise_text_matches_the_character_by_character_rules(text: str) -> None:
    assert normalise_text(text) == reference_normalisation(text)


@settings(max_examples=300)
@given(st.text(alphabet=SPECIAL, max_size=40))
def test_decode_matches_the_rules_and_reports_lines_of_the_result(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        source = decode_source(data, name="s.txt")
    except InputError as error:
        assert error.line is None or error.line >= 1
        return
    # Lone surrogates are not UTF-8: such bytes take the 8-bit fallback instead.
    if source.encoding == "utf-8":
        assert source.text == reference_normalisation(text.lstrip("\ufeff"))
    assert_clean(source.text)
