"""Property-based tests: on any text the parser raises only its own error type, the tree holds
exactly the words of the input, and a string parses as the same text read from a file."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from robustness_support import tree_texts

from newsconvert.errors import InputError, NewsconvertError
from newsconvert.parser import LAYOUTS, parse, parse_with_trace
from newsconvert.parser.lines import clean_text
from newsconvert.source import decode_source, normalise_text

_WORD = re.compile(r"\w+")

# Lines built from the pieces articles are made of, so that the rules actually fire.
PIECES = [
    "Published 19:17 IST, November 27th 2019",
    "Updated - November 28, 2021 11:09 am IST",
    "By Jane Doe and John Roe",
    "Written By",
    "(With AP inputs)",
    " Reuter",
    "NEW DELHI, Nov 13 (Reuters) - Talks resumed.",
    "\u201cWe will act,\u201d the minister said.",
    "- a list item",
    "\u2022 another item",
    "Also Read: a different story",
    "1 of 4. A caption.",
    "Share | Tweet | Email | Print",
    "\u2014 Jane Doe (@janedoe) November 19, 2019",
    "    Shr 34 cts vs 1.19 dlrs",
    "         Natl   Loan    Rate",
    "SUBHEAD IN CAPITALS",
    "Short heading",
    "",
    "   ",
    "#",
    "1.",
    ">",
]

line = st.one_of(
    st.sampled_from(PIECES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.text(alphabet="ab (@)\u201c\u201d\"'-:.,|\u2014 \t", max_size=60),
)
articles = st.lists(line, max_size=25).map("\n".join)
newlines = st.sampled_from(["\n", "\r\n", "\r"])


def tree_words(text: str, **options: object) -> Counter[str]:
    article = parse(text, **options)  # type: ignore[arg-type]
    return Counter(_WORD.findall("\n".join(tree_texts(article))))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, newlines, st.sampled_from([None, *LAYOUTS]))
def test_only_our_errors_and_no_word_lost(text: str, newline: str, layout: str | None) -> None:
    text = text.replace("\n", newline)
    try:
        words = tree_words(text, layout=layout)
    except NewsconvertError as error:
        assert "\n" not in error.message
        assert error.line is not None
        return
    assert words == Counter(_WORD.findall(normalise_text(text)))


@settings(max_examples=150, deadline=None)
@given(articles)
def test_trace_has_one_role_per_line(text: str) -> None:
    try:
        _, trace = parse_with_trace(text)
    except NewsconvertError:
        return
    lines = normalise_text(text).split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # a final line break ends the last line, it starts none
    assert [row.line for row in trace] == list(range(1, len(lines) + 1))
    assert all(row.role != "unassigned" for row in trace)


@settings(max_examples=100, deadline=None)
@given(articles)
def test_parsing_is_deterministic(text: str) -> None:
    try:
        first = parse(text)
    except NewsconvertError:
        return
    assert parse(text) == first


# Every kind of line break and the characters normalisation removes or replaces, among words.
_AWKWARD = st.lists(
    st.sampled_from(
        [
            *"ab Z.,:\u201c\u201d-\t",
            "Jane",
            "\n",
            "\r\n",
            "\r",
            "\f",
            "\x0b",
            "\x1c",
            "\x1e",
            "\x85",
            "\u2028",
            "\u2029",
            "\x01",
            "\x1b",
            "\x7f",
            "\x9f",
            "\ufeff",
            "\ufdd0",
            "\uffff",
            "\U0001fffe",
            "\u00e9",
        ]
    ),
    max_size=60,
).map("".join)


def _parsed(text: str) -> tuple[object, ...] | str:
    try:
        article, trace = parse_with_trace(text)
    except NewsconvertError as error:
        return error.message
    return article, trace


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), _AWKWARD), min_size=1, max_size=8))
@example(["\ufeff\ufeffHeadline here", "Body\fthen \x85more\u2028text."])
@example(["\ufeff\x01\ufeffHeadline here\r\nBody\x0btext\r\n"])
def test_a_string_parses_as_the_same_text_read_from_a_file(pieces: list[str]) -> None:
    raw = "\n".join(pieces)
    try:
        decoded = decode_source(raw.encode("utf-8"), name="article.txt")
    except InputError:
        return  # nothing but whitespace: refused as a file; parse() refuses it too (below)
    assert _parsed(raw) == _parsed(decoded.text)


@settings(max_examples=100, deadline=None)
@given(_AWKWARD, st.sampled_from(["\ud800", "\udfff", "x\udc80y"]))
def test_lone_surrogates_are_replaced_as_normalise_text_does(text: str, surrogate: str) -> None:
    raw = f"Headline here\n{text}{surrogate}{text}\nMore text."
    assert _parsed(raw) == _parsed(normalise_text(raw))


def test_whitespace_only_text_is_refused_both_ways() -> None:
    with pytest.raises(InputError):
        decode_source(b" \f\r\n\x0b ", name="article.txt")
    with pytest.raises(NewsconvertError):
        parse(" \f\r\n\x0b \u2028")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *["a", " ", "\n", "\u00a3", "\u00a0", "\u00bf", "\u043f", "\ufffd", "\U0001f600"],
                *["\x85", "\x9f", "\x80", "\ufdd0", "\uffff", "\U0001fffe", "\U0010ffff", "\x0c"],
            ]
        ),
        max_size=80,
    ).map("".join)
)
def test_the_fast_path_never_skips_a_needed_normalisation(text: str) -> None:
    # Many pound signs and no-break spaces before a C1 control character or a non-character
    # exercise the byte-by-byte visits and the regex that takes over after them.
    padded = "\u00a3\u00a0" * 20 + text
    for candidate in (text, padded):
        assert clean_text(candidate) == normalise_text(candidate)
