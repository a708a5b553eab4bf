"""Work grows linearly with the input for hostile text in every format (docs/security.rst).

Each pattern is converted at 100 KB and at 1 MB; ten times the input may take at most twenty
times as long. A quadratic path fails by far (a 64 KB line of backslashes took 16 s in reST, a
1 MB one would take half an hour). Times are the process's CPU time, which other processes on
a busy machine do not inflate; times under 50 ms count as 50 ms: below that, allocating and
touching a megabyte's fresh pages and the garbage collector's passes over a growing tree cost as
much as the work, and a ratio of milliseconds says nothing about growth.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import time
from collections.abc import Iterator

import pytest

from newsconvert import convert

PATTERNS = {
    "backslashes": "\\",
    "asterisks": "*",
    "backticks": "`",
    "underscores and bars": "_|",
    "markup characters": "<&>",
    "template braces": "{{ x }} ",
    "directives": ".. include:: /etc/passwd\n",
    "colons": "a:",
}
FORMATS = ("md", "html", "rst", "json")
SMALL, LARGE = 100_000, 1_000_000
FLOOR = 0.050
SMALL_BUDGET = 30.0
"""CPU seconds 100 KB may take: a quadratic path takes far longer."""


@contextlib.contextmanager
def deadline(budget: float, what: str) -> Iterator[None]:
    """Fail (instead of running on for hours) when the block takes over ``budget`` CPU
    seconds."""
    if sys.platform == "win32":
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"{what}: over {budget:.1f} CPU seconds")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def seconds(text: str, to: str, repeat: int, budget: float) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        with deadline(budget, f"-t {to}, {len(text):,} characters"):
            convert(text, to=to)
        best = min(best, time.process_time() - started)
    return max(best, FLOOR)


@pytest.mark.parametrize("unit", PATTERNS.values(), ids=list(PATTERNS))
def test_ten_times_the_input_takes_under_twenty_times_as_long(unit: str) -> None:
    for to in FORMATS:
        convert("Warm-up\n\nText.\n", to=to)
    small, large = ("Headline\n\n" + unit * (size // len(unit)) + "\n" for size in (SMALL, LARGE))
    for to in FORMATS:
        base = seconds(small, to, 3, SMALL_BUDGET)
        growth = seconds(large, to, 1, 20 * base) / base
        assert growth < 20, f"-t {to}: 1 MB took {growth:.1f} times as long as 100 KB"
