"""Regular expressions compiled on first use: importing the parser or an escaper compiles none of
them, and a process pays only for the patterns it reaches (a one-off conversion meets a fraction,
and the escapers of the formats it does not write are never used).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, AnyStr, Generic

__all__ = ["LazyPattern"]

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "split", "sub", "subn")


class LazyPattern(Generic[AnyStr]):
    """A regular expression that compiles itself the first time one of its methods is used.

    It has the methods of :class:`re.Pattern` that the parser calls. The first call compiles
    the pattern and stores the compiled pattern's own bound methods on the instance, so every
    later call goes straight to them, as fast as a pattern compiled at import.
    """

    match: Callable[..., re.Match[AnyStr] | None]
    fullmatch: Callable[..., re.Match[AnyStr] | None]
    search: Callable[..., re.Match[AnyStr] | None]
    finditer: Callable[..., Iterator[re.Match[AnyStr]]]
    findall: Callable[..., list[Any]]
    split: Callable[..., list[AnyStr | Any]]
    sub: Callable[..., AnyStr]
    subn: Callable[..., tuple[AnyStr, int]]

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self.pattern: AnyStr = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only while the methods are not yet on the instance: at the first use.
        if name not in _METHODS:
            raise AttributeError(name)
        return getattr(self.compile(), name)

    def compile(self) -> re.Pattern[AnyStr]:
        """The compiled pattern (compiling it, and binding its methods, on the first call)."""
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
