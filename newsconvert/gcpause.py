"""Pausing Python's cyclic garbage collector while one article is parsed and rendered.

A conversion allocates many small objects that live as long as the article (lines, chunks,
nodes, template output) and form no reference cycles, so the collector, which starts a pass
every few hundred allocations and rescans everything still alive, finds nothing to free. On
a big article those rescans of a growing heap made the time superlinear. Reference counting
still frees everything as usual; the collector runs again when the article is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
