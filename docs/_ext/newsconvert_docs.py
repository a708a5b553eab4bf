"""Directives for newsconvert's own documentation, so that reference pages never go stale.

``.. command-output:: newsconvert inspect gallery/cambodia.news``
    runs the command line through :func:`newsconvert.cli.run` (in-process, from the source
    folder, 96 columns) and shows what it printed as a literal block. Files named on the line
    are recorded as dependencies.

``.. zone-table::``
    the built-in time-zone table (:data:`newsconvert.parser.timezones.DEFAULT_ZONES`).

``.. options-table::``
    every option and what each front end calls it (:mod:`newsconvert.options`).

``.. rule-table:: body``
    the parser's rules of one zone (``layout``, ``front``, ``body`` or ``tail``), in the order
    they are tried, from the rule lists themselves
    (:func:`newsconvert.parser.rules.rule_catalogue`).

``.. template-context::``
    lists the names every template receives (:data:`newsconvert.renderers.context.CONTEXT`) and the
    fields of the per-block view (:class:`newsconvert.facts.BlockView`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import shlex
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


class CommandOutput(SphinxDirective):
    """Show what a ``newsconvert`` command line prints."""

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        from newsconvert.cli import run as run_cli

        argv = shlex.split(self.arguments[0])
        if not argv or argv[0] != "newsconvert":
            raise self.error("command-output runs newsconvert command lines only")
        srcdir = Path(self.env.srcdir)
        for argument in argv[1:]:
            if (srcdir / argument).is_file():
                self.env.note_dependency(str(srcdir / argument))
        captured = io.StringIO()
        previous_dir = Path.cwd()
        previous_columns = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "96"  # argparse wraps help to this width
        try:
            os.chdir(srcdir)
            with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
                status = run_cli(argv[1:])
        finally:
            os.chdir(previous_dir)
            if previous_columns is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = previous_columns
        if status != 0:
            logger.warning(
                "%r exited with status %s: %s",
                self.arguments[0],
                status,
                captured.getvalue().strip(),
                location=self.get_location(),
            )
        text = f"$ {self.arguments[0]}\n{captured.getvalue().rstrip()}"
        block = nodes.literal_block(text, text, language="text")
        self.set_source_info(block)
        return [block]


class TemplateContext(SphinxDirective):
    """A definition list of the template context and of the block view's fields."""

    def run(self) -> list[nodes.Node]:
        from newsconvert.facts import BlockView
        from newsconvert.renderers.context import CONTEXT

        context = nodes.definition_list()
        for name, meaning in CONTEXT.items():
            context += _term(name, meaning)
        view = nodes.definition_list()
        for name in _field_names(BlockView):
            view += _term(f"view.{name}", _attribute_doc(BlockView, name))
        intro = nodes.paragraph(
            "", "Each block template also receives view (a BlockView) and block (view.block):"
        )
        return [context, intro, view]


class ZoneTable(SphinxDirective):
    """The built-in abbreviation → zone table, as a two-column table."""

    def run(self) -> list[nodes.Node]:
        from newsconvert.parser.timezones import DEFAULT_ZONES

        group = nodes.tgroup(cols=2)
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        group += nodes.thead("", _row("abbreviation", "zone"))
        body = nodes.tbody()
        for abbreviation, zone in DEFAULT_ZONES.items():
            body += _row(abbreviation, zone)
        group += body
        return [nodes.table("", group)]


class OptionsTable(SphinxDirective):
    """Every option and its name in each front end (:func:`newsconvert.options.options_table`)."""

    def run(self) -> list[nodes.Node]:
        from newsconvert.options import options_table

        header, *rows = options_table()
        group = nodes.tgroup(cols=len(header))
        for _ in header:
            group += nodes.colspec(colwidth=1)
        group += nodes.thead("", _row(*header))
        body = nodes.tbody()
        for cells in rows:
            body += _row(*cells)
        group += body
        return [nodes.table("", group)]


class RuleTable(SphinxDirective):
    """The rules of one zone: the names each records, what a chunk becomes, what it recognises."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from newsconvert.parser.rules import Zone, rule_catalogue

        try:
            zone = Zone(self.arguments[0])
        except ValueError:
            raise self.error(f"rule-table: no zone {self.arguments[0]!r}") from None
        group = nodes.tgroup(cols=3)
        for width in (3, 2, 6):
            group += nodes.colspec(colwidth=width)
        group += nodes.thead("", _row("rule", "becomes", "what it recognises"))
        body = nodes.tbody()
        for entry in rule_catalogue():
            if entry.zone is not zone:
                continue
            row = nodes.row()
            names = nodes.paragraph()
            for position, name in enumerate(entry.names):
                if position:
                    names += nodes.Text(", ")
                names += nodes.literal(name.value, name.value)
            row += nodes.entry("", names)
            row += nodes.entry("", nodes.paragraph(entry.role.value, entry.role.value))
            summary, problems = self.state.inline_text(entry.summary, self.lineno)
            row += nodes.entry("", nodes.paragraph("", "", *summary), *problems)
            body += row
        group += body
        return [nodes.table("", group)]


def _row(*cells: str) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph(cell, cell))
    return row


def _field_names(cls: type) -> list[str]:
    """The fields of a dataclass or a named tuple, in order."""
    if dataclasses.is_dataclass(cls):
        return [field.name for field in dataclasses.fields(cls)]
    return list(cls._fields)  # type: ignore[attr-defined]


def _term(name: str, meaning: str) -> nodes.definition_list_item:
    return nodes.definition_list_item(
        "",
        nodes.term("", "", nodes.literal(name, name)),
        nodes.definition("", nodes.paragraph(meaning, meaning)),
    )


def _attribute_doc(cls: type, name: str) -> str:
    """The docstring written under a dataclass field (read from the source, as autodoc does)."""
    from sphinx.pycode import ModuleAnalyzer

    analyzer = ModuleAnalyzer.for_module(cls.__module__)
    docs = analyzer.find_attr_docs()
    lines = docs.get((cls.__qualname__, name), [])
    text = " ".join(line.strip() for line in lines if line.strip())
    # The docstrings use reST literals; shown as plain text here, drop the doubled backticks.
    return text.replace("``", "") or name


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("command-output", CommandOutput)
    app.add_directive("options-table", OptionsTable)
    app.add_directive("rule-table", RuleTable)
    app.add_directive("template-context", TemplateContext)
    app.add_directive("zone-table", ZoneTable)
    # Nothing is stored in the environment, and chdir in command-output is per process.
    return {"parallel_read_safe": True, "parallel_write_safe": True}
