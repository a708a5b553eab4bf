"""``newsconvert inspect FILE``: the role the parser gave each source line, and why.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-inspection`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from newsconvert.errors import NewsconvertError
from newsconvert.options import add_arguments, from_arguments

PROG = "newsconvert inspect"
TEXT_WIDTH = 60
"""Characters of each line shown in the table."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _UsageExit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _ArgumentParser(argparse.ArgumentParser):
    """An argument parser that returns instead of calling ``sys.exit`` (for ``run``)."""

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            sys.stderr.write(message)
        raise _UsageExit(status)


def build_parser() -> argparse.ArgumentParser:
    """The ``newsconvert inspect`` command line."""
    parser = _ArgumentParser(
        prog=PROG,
        description="Show the role the parser gave each line of FILE and the rule that fired.",
        epilog="example: newsconvert inspect story.txt --layout wrapped --tz IST=Asia/Kolkata",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="article text file (- for stdin)")
    parser.add_argument("--json", action="store_true", help="print a JSON list for tools")
    parser.add_argument(
        "--rules",
        action="store_true",
        help="list the parser's rules (zone, names, role, what each recognises) instead",
    )
    add_arguments(parser, "inspect")
    return parser


def format_table(roles: Sequence[object], stream: TextIO) -> None:
    """Write ``roles`` (:class:`~newsconvert.parser.trace.LineRole`) as an aligned table."""
    from newsconvert.parser.trace import LineRole

    rows = [role for role in roles if isinstance(role, LineRole)]
    role_width = max((len(row.role) for row in rows), default=4)
    rule_width = max((len(row.rule) for row in rows), default=4)
    number_width = max(len(str(rows[-1].line)) if rows else 1, 4)
    stream.write(
        f"{'line':>{number_width}}  {'role':<{role_width}}  {'rule':<{rule_width}}  text\n"
    )
    for row in rows:
        text = row.text if len(row.text) <= TEXT_WIDTH else row.text[: TEXT_WIDTH - 1] + "\u2026"
        stream.write(
            f"{row.line:>{number_width}}  {row.role:<{role_width}}  {row.rule:<{rule_width}}  "
            f"{text}".rstrip()
            + "\n"
        )


def format_rules(stream: TextIO, as_json: bool) -> None:
    """Write the rule vocabulary: every rule's zone, names, role and summary, in order."""
    from newsconvert.parser.rules import rule_catalogue

    records = [
        {
            "zone": entry.zone.value,
            "rules": [name.value for name in entry.names],
            "role": entry.role.value,
            "recognises": entry.summary.replace("``", ""),
        }
        for entry in rule_catalogue()
    ]
    if as_json:
        stream.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        return
    for record in records:
        names = ", ".join(record["rules"])
        stream.write(f"{record['zone']:<7} {names}  \u2192 {record['role']}\n")
        stream.write(f"        {record['recognises']}\n")


def _report(problem: NewsconvertError) -> None:
    where = problem.source or "newsconvert"
    if problem.line:
        where = f"{where}:{problem.line}"
    message = " ".join(problem.message.split())
    sys.stderr.write(f"{where}: {message}\n")


def run(argv: Sequence[str]) -> int:
    """Run ``newsconvert inspect`` with ``argv`` (the arguments after ``inspect``)."""
    try:
        arguments = build_parser().parse_args(list(argv))
    except _UsageExit as stop:
        return stop.status
    if arguments.rules:
        format_rules(sys.stdout, arguments.json)
        return EXIT_OK
    if arguments.file is None:
        sys.stderr.write(f"{PROG}: error: FILE is required (or --rules)\n")
        return EXIT_USAGE
    from newsconvert.parser import parse_with_trace
    from newsconvert.source import read_source

    options = from_arguments(arguments, "inspect")
    try:
        source = read_source(
            arguments.file,
            encoding=options.encoding,
            strict=options.strict,
            max_size=options.max_size,
        )
        for warning in source.warnings:
            sys.stderr.write(f"{warning}\n")
        article, roles = parse_with_trace(
            source.text,
            source=source.name,
            zones=options.zones,
            layout=options.layout,
            strict=options.strict,
        )
    except NewsconvertError as error:
        _report(error)
        return EXIT_FAILED
    out = sys.stdout
    if arguments.json:
        records = [
            {"line": row.line, "role": row.role, "rule": row.rule, "text": row.text}
            for row in roles
        ]
        out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    else:
        format_table(roles, out)
    for diagnostic in article.diagnostics:
        sys.stderr.write(f"{source.name}:{diagnostic.line}: {diagnostic.message}\n")
    return EXIT_OK


def main() -> int:
    """Entry point for ``python -m newsconvert.inspection``."""
    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
