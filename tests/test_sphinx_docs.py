"""The project's documentation builds with its own Sphinx extension, warnings as errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_docs_build_without_a_warning(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    gallery = (tmp_path / "html" / "gallery" / "index.html").read_text("utf-8")
    # The gallery holds real articles converted by the directive, not placeholders.
    assert "STANDARD OIL &lt;SRD&gt; TO FORM FINANCIAL UNIT" in gallery
    assert "Shr 34 cts vs 1.19 dlrs" in gallery
    page = (tmp_path / "html" / "gallery" / "cambodia.html").read_text("utf-8")
    assert 'datetime="2019-11-27T19:17:00+05:30"' in page
    api = (tmp_path / "html" / "api.html").read_text("utf-8")
    assert 'id="newsconvert.parse"' in api
    assert 'id="newsconvert.tree.Article"' in api
