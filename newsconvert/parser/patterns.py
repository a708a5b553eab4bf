"""The parser's regular expressions are compiled on first use: importing the parser compiles none
of them, and a process pays only for the patterns its articles reach. :class:`LazyPattern` is
shared with the escapers, in :mod:`newsconvert.patterns`.
"""

from __future__ import annotations

from newsconvert.patterns import LazyPattern

__all__ = ["LazyPattern"]
