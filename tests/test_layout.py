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


DOCUMENTED_DESPITE_THE_UNDERSCORE = {"os._exit"}
"""Names of other libraries that start with ``_`` and are public all the same."""

INTERNALS = {"c_make_encoder", "root_render_func", "new_context"}
"""Other libraries' internals that were once used for speed, on whatever object (issue 13: the
C JSON encoder, Jinja's compiled render functions and contexts)."""

INTERNALS_OF_IMPORTED = {"modules", "__new__"}
"""The same, on an imported name (``sys.modules``, ``tuple.__new__``)."""


def _foreign_names(tree: ast.Module) -> set[str]:
    """The names a module binds to other libraries' modules and objects by importing them."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if not alias.name.startswith("newsconvert")
            )
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.update(
                alias.asname or alias.name
                for alias in node.names
                if not node.module.startswith("newsconvert")
            )
    return names | {"tuple", "object"}


@pytest.mark.parametrize(
    "path", MODULES, ids=lambda path: path.relative_to(PACKAGE).with_suffix("").as_posix()
)
def test_no_private_api_of_another_library_is_used(path: Path) -> None:
    """Speed comes from design, never from another library's private names (``_x``) or the
    internals listed in :data:`INTERNALS`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    foreign = _foreign_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            private = [a.name for a in node.names if a.name.startswith("_")]
            if private and not node.module.startswith("newsconvert"):
                found.append(f"from {node.module} import {', '.join(private)}")
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in INTERNALS:
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
            continue
        base = node.value
        while isinstance(base, ast.Attribute):
            base = base.value
        if not isinstance(base, ast.Name) or base.id not in foreign:
            continue
        name = ast.unparse(node)
        private = node.attr.startswith("_") and not node.attr.startswith("__")
        internal = private or node.attr in INTERNALS_OF_IMPORTED
        if internal and name not in DOCUMENTED_DESPITE_THE_UNDERSCORE:
            found.append(f"line {node.lineno}: {name}")
    assert found == []
