"""Pausing Python's cyclic garbage collector while one article is parsed and rendered.

A conversion allocates many small objects that live as long as the article (lines, chunks,
nodes, template output) and form no reference cycles, so the collector, which starts a pass
every few hundred allocations and rescans everything still alive, finds nothing to free. On
a big article those rescans of a growing heap made the time superlinear. Reference counting
still frees everything as usual; the collector runs again when the article is done.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector for the ``with`` block, if it was enabled."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def without_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` run with the collector paused, as by :func:`gc_paused`: a plain wrapper,
    cheaper per call than the context manager used as a decorator."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused
