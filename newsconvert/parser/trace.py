"""The line trace: which role the parser gave each source line, and which rule decided it.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-trace`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from newsconvert.parser.lines import Line
from newsconvert.parser.rules import Role, RuleName

Span = tuple[int, int, str, str]
"""``(first line, last line, role, rule)`` as recorded by the parser."""


class LineRole(NamedTuple):
    """The role the parser gave one source line."""

    line: int
    """1-based source line number."""
    text: str
    """The line as normalised (leading and trailing whitespace removed)."""
    role: str
    """What the line became: ``headline``, ``timestamp.published``, ``paragraph``, ``blank`` …"""
    rule: str
    """Short name of the rule that decided it (``first-title-line``, ``blank-line`` …)."""


def expand_trace(lines: Sequence[Line], spans: Sequence[Span]) -> tuple[LineRole, ...]:
    """One :class:`LineRole` per line of ``lines``, from the recorded ``spans``.

    A line covered by no span is blank (or, should a rule ever forget one, reported as
    ``unassigned`` so the omission shows instead of hiding).
    """
    roles: list[tuple[str, str] | None] = [None] * (len(lines) + 1)
    for first, last, role, rule in spans:
        for number in range(first, last + 1):
            if 0 < number <= len(lines) and roles[number] is None:
                roles[number] = (role, rule)
    result = []
    for line in lines:
        assigned = roles[line.number]
        if assigned is None:
            assigned = (
                (Role.BLANK, RuleName.BLANK_LINE)
                if not line.text
                else (Role.UNASSIGNED, RuleName.NONE)
            )
        # Plain strings (the enums' values): a LineRole is data for tools.
        result.append(LineRole(line.number, line.text, str(assigned[0]), str(assigned[1])))
    return tuple(result)
