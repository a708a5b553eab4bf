"""Sphinx configuration for newsconvert's documentation, built with newsconvert's own extension.

sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

from newsconvert import __version__

project = "newsconvert"
author = "The newsconvert developers"
copyright = "2026, The newsconvert developers"
version = release = __version__

extensions = [
    "newsconvert.sphinx",  # .news pages and the news-article directive (the gallery)
    "sphinx.ext.autodoc",  # the API reference, from docstrings
    "newsconvert_docs",  # docs/_ext: command output and the template context, never stale
]

# Article pages: files ending in .news are articles; the gallery's .txt files are included by
# the directive and are not pages of their own.
newsconvert_suffixes = [".news"]
newsconvert_timezones = {"IST": "Asia/Kolkata"}

# samples/ holds hand-written articles that reading.rst converts; they are not pages.
exclude_patterns = ["_build", "samples"]
html_theme = "alabaster"
html_static_path: list[str] = []
html_css_files: list[str] = []

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}

# Sphinx's own check of reST text stays strict; article text never goes through it.
nitpicky = False
