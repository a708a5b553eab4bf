"""What a one-file conversion (``newsconvert a.txt -t html``) loads: the parser, the HTML
renderer and Jinja, and none of the modules that only other paths need (readers of other
formats, the site builder, YAML, docutils, progress bars, encoding detection), so that their
import cost never creeps back into every run of the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = """\
Flood waters recede in the delta as relief arrives

Published 19:17 IST, November 27th 2019

By Jane Doe

NEW DELHI, Nov 27 (Reuters) - Relief teams reached the last cut-off villages on Wednesday, \
officials said, as the water began to fall.

"We have food for a week," said one district officer.

(Reporting by Jane Doe; Editing by John Roe)
"""

NOT_LOADED = (
    # Other paths' libraries.
    "anyascii",
    "calendar",
    "charset_normalizer",
    "docutils",
    "filelock",
    "ftfy",
    "markdown_it",
    "mdit_py_plugins",
    "tomli_w",
    "tqdm",
    "yaml",
    # Other paths' modules of newsconvert.
    "newsconvert.dask",
    "newsconvert.inspection",
    "newsconvert.integrations",
    "newsconvert.jsonmap",
    "newsconvert.readers",
    "newsconvert.renderers.json",
    "newsconvert.site",
    "newsconvert.storage",
)
"""Modules (and their submodules) the one-file conversion to HTML must not import."""

_PROBE = """
import json, sys
from newsconvert.cli import main
sys.argv = ["newsconvert", sys.argv[1], "-t", "html", "-o", sys.argv[2]]
status = main()
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def _convert(tmp_path: Path, text: str) -> tuple[set[str], str]:
    """The modules loaded by converting ``text`` to HTML in a new process, and the page."""
    article, page = tmp_path / "a.txt", tmp_path / "a.html"
    article.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(article), str(page)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["status"] == 0
    return set(found["modules"]), page.read_text(encoding="utf-8")


def test_a_one_file_conversion_imports_only_what_it_needs(tmp_path: Path) -> None:
    modules, page = _convert(tmp_path, ARTICLE)
    assert "Relief teams reached" in page
    # The conversion really ran through the parser and the templates.
    assert {"newsconvert.parser", "newsconvert.renderers.environment", "jinja2"} <= modules
    loaded = sorted(
        name for name in modules if any(name == m or name.startswith(m + ".") for m in NOT_LOADED)
    )
    assert loaded == []


def test_the_time_zone_database_is_loaded_only_for_an_article_naming_a_zone(
    tmp_path: Path,
) -> None:
    modules, page = _convert(tmp_path, ARTICLE)
    assert "zoneinfo" in modules
    assert "2019-11-27T19:17:00+05:30" in page

    without_zone = ARTICLE.replace("Published 19:17 IST, November 27th 2019\n\n", "")
    modules, page = _convert(tmp_path, without_zone)
    assert "Relief teams reached" in page
    assert "zoneinfo" not in modules
