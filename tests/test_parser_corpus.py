"""The whole corpus: every file parses, no word is lost or doubled, every line has a role,
and the accuracy targets of issue 6 hold."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, corpus_id
from robustness_support import tree_texts

from newsconvert.parser import parse_with_trace
from newsconvert.tree import Article

# Words in any script: ``\w`` alone cuts Devanagari at every vowel sign and virama, so the marks
# of the combining and Indic blocks belong to the word too (dandas and digits excepted).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0963\u0971-\u0dff\u200c\u200d])+")
REPO = Path(__file__).resolve().parents[1]


def article_words(article: Article) -> Counter[str]:
    """Every word the tree holds, each counted once per place it appears."""
    return Counter(_WORD.findall("\n".join(tree_texts(article))))


def read_corpus_file(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # bbc/sport/199.txt is ISO-8859-1
        return data.decode("latin-1")


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[corpus_id(p) for p in CORPUS_FILES])
def test_every_word_lands_in_exactly_one_place(path: Path) -> None:
    text = read_corpus_file(path)
    article, trace = parse_with_trace(text, source=corpus_id(path))
    assert article_words(article) == Counter(_WORD.findall(text))
    assert len(trace) == len(text.splitlines())
    assert [row.line for row in trace] == list(range(1, len(trace) + 1))
    for row in trace:
        assert (row.role == "blank") == (not row.text), row
        assert row.role != "unassigned", row


def test_corpus_is_present_or_skipped(corpus_dir: Path) -> None:
    assert len(CORPUS_FILES) >= 190


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("accuracy", REPO / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("accuracy", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_accuracy_targets_of_issue_6(corpus_dir: Path) -> None:
    accuracy = _accuracy_module()
    scores = accuracy.score(corpus_dir)
    for key, target in accuracy.TARGETS.items():
        if key[0].startswith("indian/"):
            continue  # issue 10's targets: the floor below
        result = scores[key]
        assert result.total > 0, key
        assert result.rate >= target, (key, result.misses)


# What the parser scores on indian/ today (issue 10 targets 100% on every field; at the start
# of that work 4 of 62 headlines were right). A drop below this floor is a regression.
INDIAN_FLOOR = 0.9


def test_indian_scrapes_score_at_least_the_floor(corpus_dir: Path) -> None:
    accuracy = _accuracy_module()
    scores = accuracy.score(corpus_dir)
    keys = [key for key in accuracy.TARGETS if key[0].startswith("indian/")]
    assert len(keys) == 25
    for key in keys:
        result = scores[key]
        assert result.total > 0, key
        assert result.rate >= INDIAN_FLOOR, (key, result.misses)
    headlines = [scores[key] for key in keys if key[1] == "headline"]
    assert sum(result.hits for result in headlines) >= 61  # of 62


def test_yardstick_finds_the_datelines_it_should(corpus_dir: Path) -> None:
    accuracy = _accuracy_module()
    assert accuracy.opens_with_dateline("MUMBAI (Reuters) - Shares rose.")
    assert accuracy.opens_with_dateline("(CNN) -- The storm hit.")
    assert accuracy.opens_with_dateline("Caption line.\n\nGREEN BAY, Wis. -- Here we go.")
    assert not accuracy.opens_with_dateline("The markets rose - and fell - today.")
