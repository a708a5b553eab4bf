"""Worst cases for the parser's regular expressions, huge lines, and deep-looking input.

No test here is timed (speed is measured by ``benchmarks/scale.py``); each asserts that the
input parses correctly. A pattern that backtracked catastrophically would not finish: these
inputs are built to make each pattern of ``newsconvert/parser/`` repeat what it repeats (runs of
``(``, curly quotes, spaces, digits, capitals, name-like words, separators) over lines of 100,000
characters, and timestamps that nearly match, so a regression shows up as a test that hangs.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest
from docutils import nodes
from docutils.core import publish_doctree
from markdown_it import MarkdownIt
from robustness_support import rst_read, tree_texts, words

from newsconvert import read_article
from newsconvert.parser import parse
from newsconvert.renderers import render
from newsconvert.tree import Article

LINE = 100_000
"""Characters in each hostile line."""

# What the parser's patterns repeat: character classes and groups under * / + / {m,n}.
ATOMS = {
    "open parens": "(",
    "close parens": ")",
    "curly quotes": "\u201c",
    "straight quotes": '"',
    "spaces": " ",
    "tabs": "\t",
    "digits": "1",
    "capitals": "A",
    "capital words": "Aa ",
    "initials": "A. ",
    "hyphenated name parts": "Ab-",
    "apostrophes": "a'",
    "at signs": "a@",
    "handles": "A @ab ",
    "pipes": "a | ",
    "bullets": "\u2022 ",
    "dashes": "- ",
    "em dashes": "\u2014 ",
    "commas": "a, ",
    "colons": "1:",
    "times": "11:11 ",
    "times with zone": "11:11 IST ",
    "month names": "November ",
    "dates": "November 27, 2019 ",
    "ordinal dates": "27th ",
    "by": "By ",
    "and": "A and ",
    "with inputs": "With AP ",
    "contributed": "Ab contributed ",
    "reporting by": "Reporting by ",
    "said": "A said, ",
    "slides": "1 of 4. ",
    "urls": "https://a.example/",
    "dateline": "NEW DELHI, Nov 13 (",
    "zone offsets": "+05:30",
    "photo": "Photo: A ",
}

POSITIONS = {
    "alone": "{line}\n",
    "headline": "{line}\nThe body of the story ends here.\n",
    "body": "Headline of the story\n\n{line}\n\nThe last paragraph ends here.\n",
    "after a timestamp": "Published 19:17 IST, November 27th 2019\nHeadline here\n{line}\n",
    "last line": "Headline of the story\nA short paragraph.\n{line}",
}


def tree_words(article: Article) -> Counter[str]:
    """Every word of the tree's texts, hidden asides included (derived fields left out)."""
    return words("\n".join(tree_texts(article)))


def assert_whole(text: str, article: Article) -> None:
    lost = words(text) - tree_words(article)
    assert not lost, f"lost {dict(list(lost.items())[:10])!r}"


@pytest.mark.parametrize("lead", ["", "x"], ids=["run-first", "x-first"])
@pytest.mark.parametrize("position", list(POSITIONS))
@pytest.mark.parametrize("atom", list(ATOMS.values()), ids=list(ATOMS))
def test_long_runs_of_what_the_patterns_repeat_parse_whole(
    atom: str, position: str, lead: str
) -> None:
    # The run opens the line (for patterns anchored at its start) or follows a letter (for
    # searches); the final "!" makes a pattern anchored at the end fail only after the run.
    line = lead + atom * (LINE // len(atom)) + "!"
    text = POSITIONS[position].format(line=line)
    # Text that holds words is never refused, not even a run of list items or captions alone
    # (it then has no headline).
    assert_whole(text, parse(text, source="worst.txt"))


NEAR_TIMESTAMPS = {
    "label then times": "Published " + "19:17 " * 20_000,
    "label then zones": "Published 19:17 " + "IST " * 20_000,
    "label then months": "Updated - " + "November " * 12_000 + "28",
    "label then ordinals": "Published 19:17 IST, November " + "27th " * 20_000 + "2019",
    "label then separators": "Updated:" + ", " * 50_000 + "7:47 PM IST",
    "numbers and separators": "28-11-2019 | " * 8_000,
    "at and on": "Published Jul 23, 2019 " + "at " * 30_000 + "4:20pm",
    "weekday run": "Friday, " * 15_000 + "29 November 2019 - 13:22",
    "by staff": "by Staff Writer " * 6_000 + "28-11-2019 | 9:18 AM",
    "impossible but long": "Published 99:99 XYZ, Smarch 32nd 0000 " * 2_500,
    "offsets": "Published 2019-11-27T19:17:00" + "+05:30" * 15_000,
}


@pytest.mark.parametrize("line", list(NEAR_TIMESTAMPS.values()), ids=list(NEAR_TIMESTAMPS))
def test_long_nearly_matching_timestamps_parse_whole(line: str) -> None:
    for text in (f"{line}\nHeadline here\nBody.\n", f"Headline here\n{line}\nBody.\n"):
        article = parse(text, source="stamps.txt")
        assert_whole(text, article)


@pytest.mark.parametrize("count", [1, 160, 161, 5_000, 5_001])
def test_lines_at_and_just_past_every_length_limit_parse_whole(count: int) -> None:
    # The recognisers skip lines longer than their limits (160, 200, 300, 500, 5,000); a line
    # right at a limit gets the full treatment, the slowest case for its patterns.
    for atom in ("\u201ca ", "By A ", "Published ", "(With ", "A @ab "):
        line = (atom * (count // len(atom) + 1))[:count]
        text = f"Headline here\n{line}\n{line}.\u201d A said.\n"
        assert_whole(text, parse(text, source="limits.txt"))


# --- Deep-looking input builds a shallow tree ----------------------------------------------------

DEEP = {
    "quote markers": "\n".join(">" * depth + " text" for depth in range(1, 1_001)),
    "one line of quote markers": "> " * 20_000 + "text",
    "list markers": "\n".join("- " * depth + "item" for depth in range(1, 1_001)),
    "bullets": "\n".join("\u2022 " * depth + "item" for depth in range(1, 1_001)),
    "numbered": "\n".join("1. " * depth + "item" for depth in range(1, 1_001)),
    "indentation": "\n".join(" " * depth + "line of text" for depth in range(0, 2_000)),
    "headings": "\n".join("#" * depth + " heading" for depth in range(1, 1_001)),
    "parentheses": "(" * 50_000 + "text" + ")" * 50_000,
    "quotes in quotes": "\u201c" * 20_000 + "text" + "\u201d" * 20_000 + " A said.",
}

MAX_HTML_DEPTH = 12
"""html > body > article > section > figure > blockquote > p, with room to spare."""
MAX_MARKDOWN_LEVEL = 4
MAX_RST_DEPTH = 8


def _html_depth(element: Any, depth: int = 0) -> int:
    return max([depth, *(_html_depth(child, depth + 1) for child in element)])


def _rst_depth(node: nodes.Node, depth: int = 0) -> int:
    children = [child for child in node.children if isinstance(child, nodes.Element)]
    return max([depth, *(_rst_depth(child, depth + 1) for child in children)])


@pytest.mark.parametrize("body", list(DEEP.values()), ids=list(DEEP))
def test_deep_looking_input_builds_a_shallow_tree(body: str) -> None:
    text = f"Headline of the story\n\n{body}\n"
    article = parse(text, source="deep.txt")
    assert_whole(text, article)
    html = render(article, "html", standalone=True)
    assert _html_depth(html5lib.parse(html, namespaceHTMLElements=False)) <= MAX_HTML_DEPTH
    tokens = MarkdownIt("commonmark").parse(render(article, "md"))
    assert max(token.level for token in tokens) <= MAX_MARKDOWN_LEVEL
    rst = render(article, "rst")
    if max(len(line) for line in rst.splitlines()) <= 10_000:  # see test_robustness_hostile
        messages, _ = rst_read(rst)
        assert messages == []
        doctree = publish_doctree(rst, settings_overrides={"report_level": 5})
        assert _rst_depth(doctree) <= MAX_RST_DEPTH


def test_a_huge_line_made_at_test_time_converts_whole(tmp_path: Path) -> None:
    # 5 MB on one line, through the file reader: decoding, normalising, parsing and rendering
    # (the 10 MB and 100 MB figures are in benchmarks/scale.py).
    sentence = "The council met on Tuesday and \u201cagreed\u201d to 3 of 4 proposals. "
    body = sentence * (5_000_000 // len(sentence))
    path = tmp_path / "huge.txt"
    path.write_text(f"Council agrees budget\n{body}\n", encoding="utf-8")
    article = read_article(path)
    assert_whole(path.read_text(encoding="utf-8"), article)
    html = render(article, "html")
    assert html.count("agreed") == body.count("agreed")
    assert render(article, "md").count("agreed") == body.count("agreed")
