"""Photo captions and page chrome: the line-level tests of :mod:`newsconvert.parser.asides`.

The cases pin down the paths the speed work rewrote: an agency credit found at a slash
without a regex search of the whole line, and chrome words read one at a time.
"""

from __future__ import annotations

import pytest

from newsconvert.parser import asides
from newsconvert.parser.asides import is_caption, is_chrome
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters gather outside parliament. REUTERS/Jane Doe", True),
        ("Fans cheer in the stands. Getty Images/Jane Doe", True),
        ("AP/Jane Doe", True),
        ("A view of the site (AP Photo/John Roe)", True),
        ("View full size image", True),
        # A slash that no agency name stands right before is no credit.
        ("Prices rose to 1,750 dlrs/tonne, traders said.", False),
        ("Read the terms at example.com/terms.", False),
        # ``AP`` inside a word, a lowercase name after the slash, a lowercase agency.
        ("Shares of SNAP/Maker rose sharply.", False),
        ("A ruling on 12/11/2019, AFP/photo", False),
        ("Fans cheer. reuters/jane doe", False),
    ],
)
def test_photo_credit_inside_a_line(text: str, expected: bool) -> None:
    assert is_caption(text) is expected


def test_an_agency_credit_after_many_slashes_is_found() -> None:
    figures = "Rates " + ", ".join(f"{n}/{n + 1}" for n in range(30)) + "."
    assert len(figures) < 400
    assert not is_caption(figures)
    assert is_caption(f"{figures} REUTERS/Jane Doe")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Share this article", True),
        ("Tweet | Email | Print", True),
        ("Follow us on Twitter", True),
        ("Read more", True),
        # Only weak chrome words: no share button, comment prompt or network among them.
        ("Read the full article", False),
        # A weak first word, then a word no chrome line holds.
        ("The company said it would share the results with staff.", False),
    ],
)
def test_chrome_lines(text: str, expected: bool) -> None:
    assert is_chrome(text) is expected


def test_a_chrome_line_has_a_bounded_number_of_words() -> None:
    words = ["share"] + ["the"] * (DEFAULT_HEURISTICS.max_chrome_words - 1)
    assert is_chrome(" ".join(words))
    assert not is_chrome(" ".join([*words, "the"]))


@pytest.mark.parametrize("phrase", sorted({*asides._CHROME_LINES, *asides._CHROME_PHRASES}))
def test_a_chrome_line_or_phrase_passes_the_opening_word_test(phrase: str) -> None:
    # The quick refusal by the first word must let every listed line and phrase through,
    # capitalised as a page prints it, with the punctuation it may carry.
    for written in (phrase, phrase.capitalize(), phrase.upper() + ":", phrase.title() + " \u2014"):
        assert is_chrome(written), written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Opening words no chrome line opens with, but chrome by what follows.
        ("Business | Sport | Weather | Travel", True),
        ("Business \u2022 Sport \u2022 Weather \u2022 Travel", True),
        ("Click here for more trending news", True),
        ("Catch all the Business News and Latest News on Live Mint.", True),
        ("NIFTY 17532.05 -0.49 %", True),
        ("Cambodian PM\u2019s reputation", False),
        ("Cocoa prices rise", False),
    ],
)
def test_lines_the_opening_word_test_leaves_to_the_full_test(text: str, expected: bool) -> None:
    assert is_chrome(text) is expected
