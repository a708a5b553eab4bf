"""Bad input gets one located error; strange and huge input parses without losing a word."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from robustness_support import tree_texts

from newsconvert import parse as public_parse
from newsconvert.errors import ConfigError, NewsconvertError, ParseError
from newsconvert.parser import parse

_WORD = re.compile(r"\w+")
BODY = "The council met on Monday and agreed the budget for the coming year after a long debate."


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\r\n\r\n", "\x0c\n \x00 \n"])
def test_empty_text_is_a_parse_error_with_source_and_line(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(text, source="empty.txt")
    assert caught.value.source == "empty.txt"
    assert caught.value.line == 1
    assert str(caught.value).startswith("empty.txt:1: ")


def test_text_with_only_metadata_has_no_headline() -> None:
    article = parse("Published 19:17 IST, November 27th 2019\n", source="stamp.txt")
    assert article.headline is None
    assert article.published is not None and article.published.text.startswith("Published")
    assert [(d.code, d.line) for d in article.diagnostics] == [("headline.none", 1)]


def test_an_impossible_date_is_located() -> None:
    text = "Council approves budget\nPublished 19:17 IST, February 30th 2019\n" + BODY
    with pytest.raises(NewsconvertError) as caught:
        parse(text, source="feb30.txt")
    assert caught.value.source == "feb30.txt"
    assert caught.value.line == 2
    assert "\n" not in str(caught.value)


def test_strict_raises_the_first_diagnostic() -> None:
    body_only = f"{BODY}\n\n{BODY} Again."
    article = parse(body_only)
    assert [d.code for d in article.diagnostics] == ["headline.none"]
    with pytest.raises(ParseError, match="headline") as caught:
        parse(body_only, source="body.txt", strict=True)
    assert (caught.value.source, caught.value.line) == ("body.txt", 1)


def test_unknown_zone_is_a_diagnostic_and_strict_makes_it_an_error() -> None:
    text = "Council approves budget\nPublished 19:17 QQT, November 27th 2019\n" + BODY
    article = parse(text)
    if article.published is None:
        pytest.skip("the timestamp recogniser does not read unknown zones as timestamps")
    assert article.published.value is None
    assert [d.code for d in article.diagnostics] == ["timestamp.zone"]
    assert article.diagnostics[0].line == 2
    with pytest.raises(ParseError):
        parse(text, strict=True)


def test_bad_zone_override_is_a_config_error_naming_the_source() -> None:
    with pytest.raises(ConfigError) as caught:
        parse("Title\n\n" + BODY, zones={"IST": "Mars/Olympus_Mons"}, source="z.txt")
    assert caught.value.source == "z.txt"


def test_zone_overrides_apply_to_each_parse_alone() -> None:
    text = "Title of the story\nPublished 19:17 IST, November 27th 2019\n\n" + BODY
    dublin = {"IST": "Europe/Dublin"}
    for _ in range(2):  # the second round reuses the tables the first one built
        assert parse(text, zones=dublin).published.iso == "2019-11-27T19:17:00+00:00"
        assert parse(text).published.iso == "2019-11-27T19:17:00+05:30"
        with pytest.raises(ConfigError):
            parse(text, zones={"IST": "Mars/Olympus_Mons"})


def test_public_parse_delegates() -> None:
    article = public_parse("Council approves budget\n\n" + BODY, source="api.txt")
    assert article.headline.text == "Council approves budget"
    assert article.source == "api.txt"


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text))


def _tree_words(text: str) -> Counter[str]:
    return _words("\n".join(tree_texts(parse(text))))


HOSTILE = [
    "<script>alert(1)</script>",
    "*x* `x` .. include:: /etc/passwd |sub| [a](javascript:x) {{ 1+1 }}",
    "#",
    "1.",
    ">",
    "- ",
    "\u2014 (@) ",
    "(" * 5000,
    "\u201c" * 3000 + " said",
    "1 of 2. " * 2000,
    "Also Read: " * 1000,
    "(@x) " * 3000,
    "By " * 3000,
    "Published " * 2000,
    "   " * 3000 + "x",
    "\t\t- \t• ■",
    "A" * 100_000,
    "\u2014 A (@b)" + " " * 100_000 + "x",
    "\u2014 " + "a" * 100_000 + " (@b)",
    "- " + " " * 100_000,
    "By Jane" + "/" * 50_000,
    "Photo by " + "A" * 50_000 + "/" * 10,
    "Home | " * 20_000,
]


@pytest.mark.parametrize("line", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_lines_keep_every_word(line: str) -> None:
    text = f"Council approves budget\n{line}\n{BODY}\n{line}\n"
    assert _tree_words(text) == _words(text)


def test_a_multi_megabyte_single_line() -> None:
    line = "The budget \u201cwill pass\u201d, the mayor said (@mayor) \u2014 and more. " * 50_000
    text = "Council approves budget\n" + line
    assert len(text) > 3_000_000
    article = parse(text)
    assert len(article.blocks()) == 1
    assert _tree_words(text) == _words(text)


def test_many_lines_and_deep_structure_stay_flat() -> None:
    paragraph = "Budget talks resumed today, officials said after the meeting."
    lines = ["Council approves budget"]
    for number in range(20_000):
        lines.append(f"- item {number}" if number % 7 == 0 else paragraph + f" {number}")
    article = parse("\n".join(lines))
    # Nesting is bounded by construction: article > section > block > list item.
    assert all(len(section.blocks) > 0 for section in article.sections)
    assert sum(1 for _ in article.blocks()) > 10_000
