"""The parser stays plain typed code that mypyc compiles, the opt-in compiled wheel builds, and
its parser gives the same trees, traces and errors as the interpreted one on every corpus article
(``benchmarks/compiled_parser.py --check``, which also reports the speed-up without it)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def test_the_compiled_parser_gives_the_same_trees() -> None:
    if importlib.util.find_spec("hatch_mypyc") is None:
        pytest.skip("hatch-mypyc is not installed (it and mypyc come with the test extra)")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler")
    if not CORPUS.is_dir():
        pytest.skip("no ../shared/corpus")
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "compiled_parser.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "identical on every corpus article" in done.stdout
