"""Shared test fixtures: the development corpus beside the checkout, and Sphinx's test helpers.

Tests that read ``../shared/corpus`` use the ``corpus_dir`` fixture (or ``CORPUS_FILES``), which
skip cleanly when the folder is absent, as on a machine without the shared data.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
REFERENCE_NAME = "000_37575f6eff0020da.txt"

CORPUS_FILES: list[Path] = (
    sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.TXT") if CORPUS.is_dir() else []
)
"""Every article of the corpus (empty when it is absent), for ``pytest.mark.parametrize``."""

if importlib.util.find_spec("sphinx") is not None:
    pytest_plugins = ("sphinx.testing.fixtures",)


def one_line(text: str) -> str:
    """The single line ``text`` must be (an error report is always exactly one line), without
    its line break."""
    assert text.endswith("\n") and text.count("\n") == 1, repr(text)
    return text[:-1]


def corpus_id(path: Path) -> str:
    """A short test id for a corpus file: its path inside the corpus."""
    return path.relative_to(CORPUS).as_posix()


@pytest.fixture
def corpus_dir() -> Path:
    """The corpus folder; skips the test when ``../shared/corpus`` is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture
def reference_text(corpus_dir: Path) -> str:
    """The reference article's text (FORMAT.md's table describes it line by line)."""
    return (corpus_dir / REFERENCE_NAME).read_text(encoding="utf-8")


RECOGNISER_CASES = REPO / "tests" / "data" / "recognisers"


def recogniser_cases(name: str) -> list[dict[str, str]]:
    """The cases of ``tests/data/recognisers/<name>.txt``: paragraphs of ``key: value`` lines
    (``#`` starts a comment; a value in double quotes is a JSON string), one dict per case.

    A module-level function rather than a fixture because ``parametrize`` needs the cases when
    the tests are collected.
    """
    import json

    cases: list[dict[str, str]] = []
    current: dict[str, str] = {}
    text = (RECOGNISER_CASES / f"{name}.txt").read_text(encoding="utf-8")
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if not line.strip():
            if current:
                cases.append(current)
            current = {}
            continue
        if line.startswith("#"):
            continue
        key, separator, value = line.partition(": ")
        if not separator or key in current:
            raise ValueError(f"{name}.txt:{number}: expected a new 'key: value' line")
        current[key] = json.loads(value) if value.startswith('"') else value
    return cases
