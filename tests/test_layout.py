"""The package's layout: which modules may import which, and names that shadow nothing."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsconvert"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of its code (lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_top_level_module_shadows_the_standard_library() -> None:
    """(The ``site`` subpackage does: renaming it is left for later.)"""
    names = {path.stem for path in PACKAGE.glob("*.py")}
    assert sorted(names & set(sys.stdlib_module_names)) == []


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "integrations").glob("*.py")), ids=lambda path: path.stem
)
def test_integrations_use_no_renderer_internals(path: Path) -> None:
    internals = {"newsconvert.renderers.context", "newsconvert.renderers.environment"}
    assert _imports(path) & internals == set()


@pytest.mark.parametrize("name", ["errors.py", "facts.py", "tree.py", "jsonmap.py", "formats.py"])
def test_the_shared_modules_import_no_front_end(name: str) -> None:
    """The tree, its facts, errors, formats and the JSON mapping sit below the renderers,
    readers and integrations: imports point one way."""
    above = ("newsconvert.renderers", "newsconvert.readers", "newsconvert.integrations")
    assert [m for m in _imports(PACKAGE / name) if m.startswith(above)] == []


SPECIFICATION = PACKAGE.parent / "docs" / "specification.rst"
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize(
    "path", MODULES, ids=lambda path: path.relative_to(PACKAGE).with_suffix("").as_posix()
)
def test_module_docstrings_are_a_paragraph_pointing_to_their_specification(path: Path) -> None:
    """A module docstring says what the module is for, in a paragraph (and a pointer); the rules
    it follows are in ``docs/specification.rst`` (or ``docs/format.rst``), where the docstring
    points, so that the docs and the code do not each keep a copy of them."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False)
    assert docstring, "no module docstring"
    assert len(docstring.strip().splitlines()) <= 10
    labels = set(re.findall(r"^\.\. _([\w.-]+):$", SPECIFICATION.read_text("utf-8"), re.M))
    for label in re.findall(r":ref:`([^`<>]+)`", docstring):
        assert label in labels, f"{label} is no section of docs/specification.rst"
