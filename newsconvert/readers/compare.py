"""Naming the first difference between two article trees.

``Article.__eq__`` says *whether* two trees differ; :func:`first_difference` says *where*, as a
path a person can follow (``sections[2].blocks[0].attribution: 'Hun Sen wrote' != None``). It
walks the same fields equality does (those declared with ``compare=True``), so it reports a
difference exactly when ``a != b``: ``line`` numbers, ``source`` and diagnostics never count.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import Enum

_SHOWN_CHARACTERS = 60
"""How much of a long string a difference message quotes before cutting it short."""

_CONTEXT_BEFORE = 20
"""Characters shown before the first differing one when two long strings are compared."""


def first_difference(a: object, b: object) -> str | None:
    """Describe the first place where trees ``a`` and ``b`` differ, or ``None`` if they are equal.

    The description is ``path: left != right``; the path starts at the article's fields
    (``headline.text``, ``updated[1].value``, ``sections[0].blocks[3]``).
    """
    return _difference(a, b, "")


def _difference(a: object, b: object, path: str) -> str | None:
    if dataclasses.is_dataclass(a) or dataclasses.is_dataclass(b):
        if type(a) is not type(b):
            return _describe(path, a, b)
        for field in dataclasses.fields(a):  # type: ignore[arg-type]
            if not field.compare:
                continue
            found = _difference(
                getattr(a, field.name), getattr(b, field.name), _join(path, field.name)
            )
            if found is not None:
                return found
        return None
    if isinstance(a, tuple) and isinstance(b, tuple):
        for index, (left, right) in enumerate(zip(a, b, strict=False)):
            found = _difference(left, right, f"{path}[{index}]")
            if found is not None:
                return found
        if len(a) != len(b):
            index = min(len(a), len(b))
            left = a[index] if index < len(a) else _Absent()
            right = b[index] if index < len(b) else _Absent()
            return _describe(f"{path}[{index}]", left, right)
        return None
    # Scalars (str, None, enums, datetimes) compare as equality does; aware datetimes that name
    # the same instant through different tzinfo objects are equal, as they are for Article.
    if a == b and _aware(a) == _aware(b):
        return None
    return _describe(path, a, b)


class _Absent:
    """Stands for the missing element when one tuple is longer than the other."""

    def __repr__(self) -> str:
        return "<absent>"


def _aware(value: object) -> bool | None:
    return value.tzinfo is not None if isinstance(value, datetime) else None


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _describe(path: str, a: object, b: object) -> str:
    where = path or "article"
    if _is_text(a) and _is_text(b):
        return f"{where}: {_text_window(a, b)}"  # type: ignore[arg-type]
    return f"{where}: {_show(a)} != {_show(b)}"


def _is_text(value: object) -> bool:
    return isinstance(value, str) and not isinstance(value, Enum)


def _text_window(a: str, b: str) -> str:
    """Two differing strings, each cut to the same window around their first difference.

    Cutting both at their start would hide a difference past the cut behind two identical
    looking sides; the window opens a little before the first differing character instead,
    and ``…`` outside the quotes marks where a side goes on.
    """
    if len(a) <= _SHOWN_CHARACTERS and len(b) <= _SHOWN_CHARACTERS:
        return f"{a!r} != {b!r}"
    common = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        common += 1
    start = max(0, common - _CONTEXT_BEFORE)
    end = start + _SHOWN_CHARACTERS
    shown = f"{_cut(a, start, end)} != {_cut(b, start, end)}"
    return f"{shown} (from character {start})" if start else shown


def _cut(text: str, start: int, end: int) -> str:
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    return f"{before}{text[start:end]!r}{after}"


def _show(value: object) -> str:
    """A short, unambiguous rendering of one side of a difference."""
    if isinstance(value, str) and not isinstance(value, Enum):
        if len(value) > _SHOWN_CHARACTERS:
            return repr(value[:_SHOWN_CHARACTERS] + "…")
        return repr(value)
    if isinstance(value, Enum):
        return repr(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        first = next((f for f in dataclasses.fields(value) if f.compare and f.name != "line"), None)
        inner = "" if first is None else f"{first.name}={_show(getattr(value, first.name))}"
        if first is not None and isinstance(getattr(value, first.name), tuple):
            inner = f"{first.name}=({len(getattr(value, first.name))} items)"
        return f"{type(value).__name__}({inner}…)"
    if isinstance(value, tuple):
        return f"({len(value)} items)"
    return repr(value)
