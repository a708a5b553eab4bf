"""The parser's shortcuts give the answers of the long way round: the early-stopping word test,
and the rules bound once per :class:`Heuristics` record."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsconvert.parser import Heuristics, parse
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS
from newsconvert.parser.metaline import has_stamp_word
from newsconvert.parser.rules import per_heuristics
from newsconvert.parser.words import WORD, count_words, has_words, word_list

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _corpus_lines() -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip("no ../shared/corpus")
    lines: list[str] = []
    for path in sorted(CORPUS.rglob("*.txt"))[::3]:
        lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines()[:40])
    return lines


def test_has_words_agrees_with_counting_every_word() -> None:
    texts = [*_corpus_lines(), "", "दावा", "नई दिल्ली", "1 2 3", "O'Neil and जम्मू-कश्मीर"]
    for text in texts:
        count = count_words(text)
        for least in range(5):
            assert has_words(text, least) == (count >= least), (text, least)


def test_ascii_lines_have_the_words_of_the_unicode_pattern() -> None:
    # ASCII text is read with an ASCII pattern: the same words as the one definition.
    texts = [*_corpus_lines(), "O'Neil's co-op -- 'quoted' rock-'n'-roll", "a_b c1d x2 _y_"]
    for text in texts:
        assert word_list(text) == WORD.findall(text), text


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_any_ascii_text_has_the_words_of_the_unicode_pattern(text: str) -> None:
    assert word_list(text) == WORD.findall(text)
    assert count_words(text) == len(WORD.findall(text))


_STAMP_WORD_SEARCH = re.compile(r"(?i:updated|published)")
# The words' letters in both cases, the letters a case-insensitive search folds onto them
# (dotted and dotless i, long s), the Kelvin sign that lowers to k, and a few others.
_STAMP_LETTERS = "updatedpublishedUPDATEDPUBLISHED \u0130\u0131\u017f\u212a\u00e9x:"


def test_stamp_word_test_agrees_with_the_case_insensitive_search() -> None:
    texts = [
        *_corpus_lines(),
        "PUBL\u0130SHED",
        "publ\u0131shed",
        "Publi\u017fhed",
        "Up-dated",
        "UPDATED:",
    ]
    for text in texts:
        assert has_stamp_word(text) == bool(_STAMP_WORD_SEARCH.search(text)), text


@given(st.text(alphabet=st.sampled_from(_STAMP_LETTERS)) | st.text())
def test_any_text_has_a_stamp_word_as_the_search_finds(text: str) -> None:
    assert has_stamp_word(text) == bool(_STAMP_WORD_SEARCH.search(text))


def test_rules_are_bound_once_per_heuristics_record() -> None:
    made: list[Heuristics] = []

    @per_heuristics
    def bound(h: Heuristics) -> int:
        made.append(h)
        return h.max_title_words

    equal = Heuristics()
    other = DEFAULT_HEURISTICS.with_values(max_title_words="7")
    assert [bound(DEFAULT_HEURISTICS), bound(DEFAULT_HEURISTICS)] == [30, 30]
    assert bound(other) == 7
    assert bound(equal) == 30  # an equal record of its own is bound for itself
    assert made == [DEFAULT_HEURISTICS, other, equal]
    assert made[2] is equal


def test_parse_follows_the_heuristics_it_is_given_each_time() -> None:
    text = "Six words make up this title line\n\nThe body follows in a sentence of its own.\n"
    short = DEFAULT_HEURISTICS.with_values(max_title_words="3", max_caseless_title_words="3")
    for _ in range(2):  # the second time from the bound rules kept for each record
        assert parse(text).headline is not None
        assert parse(text, heuristics=short).headline is None
