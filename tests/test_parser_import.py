"""Importing the parser is cheap: its regular expressions are compiled on first use
(:class:`~newsconvert.parser.patterns.LazyPattern`), and they then answer as compiled ones do."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsconvert.parser.patterns import LazyPattern

# In a fresh process: every module-level pattern of the parser, and whether it is compiled yet.
_CHILD = """
import json, re, sys
import newsconvert.parser
from newsconvert.parser.patterns import LazyPattern
found = {"lazy": [], "compiled": [], "eager": []}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("newsconvert.parser"):
        continue
    for attribute, value in vars(module).items():
        where = f"{name}.{attribute}"
        if isinstance(value, re.Pattern):
            found["eager"].append(where)
        elif isinstance(value, LazyPattern):
            found["compiled" if "match" in vars(value) else "lazy"].append(where)
if sys.argv[1:]:
    newsconvert.parser.parse(open(sys.argv[1], encoding="utf-8").read())
    found["after_parse"] = [
        f"{name}.{attribute}"
        for name, module in sorted(sys.modules.items()) if name.startswith("newsconvert.parser")
        for attribute, value in vars(module).items()
        if isinstance(value, LazyPattern) and "match" in vars(value)
    ]
print(json.dumps(found))
"""


def _patterns(*argv: str) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv], capture_output=True, text=True, check=True
    )
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


def test_importing_the_parser_compiles_no_regular_expression() -> None:
    found = _patterns()
    assert found["eager"] == []
    assert found["compiled"] == []
    # The parser has patterns at all (the test would pass vacuously otherwise).
    assert "newsconvert.parser.timestamps._DATE" in found["lazy"]
    assert len(found["lazy"]) > 50


def test_a_parse_compiles_only_the_patterns_it_meets(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Published 19:17 IST, November 27th 2019\nA headline about a letter\n"
        "The first paragraph of the story, which says what happened.\n",
        encoding="utf-8",
    )
    found = _patterns(str(article))
    compiled = set(found["after_parse"])
    assert "newsconvert.parser.timestamps._DATE" in compiled
    assert 0 < len(compiled) < len(found["lazy"]) // 2


_TEXTS = ["", "abc", "Nov 27, 2019 and Dec 1, 2020", "a-b c_d", "ABC abc Abc", "x" * 50]


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"[a-z]+", 0),
        (r"(?P<month>[A-Z][a-z]{2}) (?P<day>\d{1,2})", 0),
        (r"abc", re.IGNORECASE),
        (r"\s|-", 0),
        (r"^$", 0),
    ],
)
def test_a_lazy_pattern_answers_as_the_compiled_one(pattern: str, flags: int) -> None:
    compiled = re.compile(pattern, flags)
    for text in _TEXTS:
        # A fresh pattern per method: the first call (which compiles) must answer right too.
        for method in ("match", "fullmatch", "search"):
            found = getattr(LazyPattern(pattern, flags), method)(text)
            expected = getattr(compiled, method)(text)
            assert (found and (found.span(), found.groups())) == (
                expected and (expected.span(), expected.groups())
            )
        lazy = LazyPattern(pattern, flags)
        assert lazy.findall(text) == compiled.findall(text)
        assert [m.span() for m in lazy.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert lazy.split(text) == compiled.split(text)
        assert lazy.sub("_", text) == compiled.sub("_", text)
        # Positions are passed through.
        found = LazyPattern(pattern, flags).search(text, 1, 4)
        expected = compiled.search(text, 1, 4)
        assert (found and found.span()) == (expected and expected.span())


def test_a_lazy_pattern_compiles_once_and_binds_the_compiled_methods() -> None:
    lazy = LazyPattern(rb"\xc2[\x80-\x9f]")
    assert "search" not in vars(lazy)
    assert lazy.search(b"a\xc2\x85b") is not None
    assert vars(lazy)["search"].__self__ is vars(lazy)["match"].__self__
    assert isinstance(vars(lazy)["search"].__self__, re.Pattern)


def test_a_lazy_pattern_has_no_other_attributes() -> None:
    lazy = LazyPattern("a")
    with pytest.raises(AttributeError):
        _ = lazy.groupindex  # type: ignore[attr-defined]
    assert "match" not in vars(lazy)  # asking for something else compiles nothing
