"""Shared test fixtures (the development corpus beside the checkout, a Dask cluster, Sphinx's
test helpers) and the few plain helpers several test modules import from here.

Tests that read ``../shared/corpus`` use the ``corpus_dir`` fixture (or ``CORPUS_FILES``), which
skip cleanly when the folder is absent, as on a machine without the shared data.
"""

from __future__ import annotations

import importlib.util
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
REFERENCE_NAME = "000_37575f6eff0020da.txt"

CORPUS_FILES: list[Path] = (
    sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.TXT") if CORPUS.is_dir() else []
)
"""Every article of the corpus (empty when it is absent), for ``pytest.mark.parametrize``."""

if importlib.util.find_spec("sphinx") is not None:
    pytest_plugins = ("sphinx.testing.fixtures",)

# Hypothesis properties test behaviour, not time: no per-example deadline. Speed is measured
# with benchmarks/; on a loaded machine a first example that imports or compiles something
# lazily overran the 200 ms default (tests/test_source_properties, test_site_slugs).
settings.register_profile("newsconvert", deadline=None)
settings.load_profile("newsconvert")


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


class Stderr(io.StringIO):
    """A captured stderr that is not a terminal (like a pipe): no progress bar is drawn."""

    def isatty(self) -> bool:
        return False


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (but a build's lock) by POSIX relative path: what two builds
    that should agree are compared by."""
    from newsconvert.site.lock import LOCK_NAME

    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != LOCK_NAME
    }


BROKEN_NAME = "broken/binary.txt"
"""A source in every :func:`article_tree` that cannot be converted (binary bytes)."""


def article_tree(corpus: Path, target: Path, per_folder: int = 6) -> Path:
    """A copy of a few corpus articles from several folders (so that batch builds cut their
    tasks per folder), plus :data:`BROKEN_NAME`."""
    folders = [corpus / "bbc" / name for name in ("business", "sport", "tech")]
    folders += [corpus / "newspaper", corpus / "reuters"]
    for folder in folders:
        for path in sorted(folder.rglob("*.txt"))[:per_folder]:
            destination = target / path.relative_to(corpus)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    shutil.copyfile(corpus / REFERENCE_NAME, target / REFERENCE_NAME)
    (target / BROKEN_NAME).parent.mkdir()
    (target / BROKEN_NAME).write_bytes(b"\x00\x01\x02binary\x00" * 20)
    return target


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A client of a real :class:`distributed.LocalCluster`: two single-threaded worker
    processes, shared by a test module (starting one takes seconds)."""
    pytest.importorskip("distributed")
    from newsconvert.dask import cluster_client

    with cluster_client(workers=2) as client:
        yield client


RECOGNISER_CASES = REPO / "tests" / "data" / "recognisers"


def recogniser_cases(name: str, key: str = "line") -> list[dict[str, Any]]:
    """The cases of ``tests/data/recognisers/<name>.txt`` whose input is ``key``, one dict each.

    A case is a paragraph of ``key: value`` lines, its first key naming the input (and so the
    test it feeds), the others what the recogniser must make of it. A paragraph whose lines all
    have one key holds one case a line (``not: …`` lines the recogniser must refuse). ``#``
    starts a comment; a value that starts with ``"``, ``[`` or ``{`` is JSON (a string with
    edge spaces or escapes, a list, a mapping).

    A module-level function rather than a fixture because ``parametrize`` needs the cases when
    the tests are collected.
    """
    paragraphs: list[list[tuple[int, str, Any]]] = [[]]
    text = (RECOGNISER_CASES / f"{name}.txt").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            paragraphs.append([])
        elif not line.startswith("#"):
            field, separator, value = line.partition(": ")
            if not separator:
                raise ValueError(f"{name}.txt:{number}: expected a 'key: value' line")
            try:
                parsed = json.loads(value) if value[:1] in ('"', "[", "{") else value
            except ValueError as error:
                raise ValueError(f"{name}.txt:{number}: {error}") from None
            paragraphs[-1].append((number, field, parsed))
    cases: list[dict[str, Any]] = []
    for lines in filter(None, paragraphs):
        fields = [field for _, field, _ in lines]
        if len(lines) > 1 and len(set(fields)) == 1:
            cases += [{field: value} for _, field, value in lines]
            continue
        for number, field, _ in lines:
            if fields.count(field) > 1:
                raise ValueError(f"{name}.txt:{number}: '{field}' twice in one case")
        cases.append({field: value for _, field, value in lines})
    return [case for case in cases if next(iter(case)) == key]
