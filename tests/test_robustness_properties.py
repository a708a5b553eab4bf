"""Property-based tests: on any text the parser gives an article or our error, never a crash, and
every output it leads to is valid in its format, holds every word of the input and is the same
on every run.

The budget is modest for CI (a few hundred examples per property). For a long run outside CI::

    NEWSCONVERT_HYPOTHESIS_PROFILE=long python -m pytest tests/test_robustness_properties.py \\
        --hypothesis-show-statistics

The validity and word checks themselves live in :mod:`robustness_support`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from robustness_support import (
    FORMATS,
    arbitrary_text,
    article_text,
    check_outputs,
    markup_lines,
    markup_text,
    parse_or_error,
    render_all,
)

from newsconvert.parser import parse
from newsconvert.renderers import render

settings.register_profile(
    "newsconvert-ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "newsconvert-long", settings.get_profile("newsconvert-ci"), max_examples=5_000
)
PROFILE = settings.get_profile(
    "newsconvert-" + os.environ.get("NEWSCONVERT_HYPOTHESIS_PROFILE", "ci")
)
"""The budget of every property here: ``ci`` unless the environment asks for ``long``."""


@PROFILE
@given(article_text())
def test_generated_articles_convert_to_valid_outputs_holding_every_word(text: str) -> None:
    article = parse(text, source="<generated>")
    check_outputs(text, render_all(article))


@PROFILE
@given(arbitrary_text)
@example("\ud800 headline \udfff\n\x00body\x85more\u2028text\ufffe\U0010ffff")
@example("\u202eevil\u202c \u200dzero\u200bwidth\n\u2066isolate")
def test_any_text_parses_to_valid_outputs_or_raises_our_error(text: str) -> None:
    article = parse_or_error(text)
    if article is not None:
        check_outputs(text, render_all(article))


@PROFILE
@given(markup_text)
def test_markup_like_text_is_inert_in_every_output(text: str) -> None:
    article = parse_or_error(text)
    if article is not None:
        check_outputs(text, render_all(article))


@PROFILE
@given(markup_lines)
@example("#\n1.\n>\n* * *\n---\n..\n.. _x:\n|x|\n[x]: http://e\n::\n===\n+--+\n{{ x }}")
@example("Title\n=====\n\n.. include:: /etc/passwd\n\n:field: value\n\n[#]_ `x`_ x_ |x|")
def test_markup_lines_are_inert_in_every_output(text: str) -> None:
    article = parse_or_error(text)
    if article is not None:
        check_outputs(text, render_all(article))


@PROFILE
@given(st.one_of(article_text(), markup_lines))
def test_parsing_and_rendering_are_deterministic(text: str) -> None:
    first = parse_or_error(text)
    if first is None:
        return
    second = parse(text, source="<generated>")
    assert first == second
    assert first.diagnostics == second.diagnostics
    for fmt in FORMATS:
        for standalone in (False, True):
            assert render(first, fmt, standalone=standalone) == render(
                second, fmt, standalone=standalone
            )


DETERMINISM_SAMPLE = """\
Updated - November 28, 2021 11:09 am IST
Published - November 19, 2019 08:56 pm IST - COLOMBO
Business
Markets <b>rally</b> as {{ rates }} fall
Shares rose on *Tuesday* after the `central` bank's [decision](javascript:x).
By Jane Doe and John Roe
NEW DELHI, Nov 13 (Reuters) - Traders said the move was expected.
“We will keep rates steady until inflation falls,” the governor said.
Outlook
- Growth | 6% & rising
- Inflation .. under control
Also Read: Rupee gains
(Reporting by Jane Doe; Editing by John Roe)
"""

_RENDER_IN_A_CHILD = """
import json, sys
from newsconvert.parser import parse
from newsconvert.renderers import render
texts = json.loads(sys.stdin.read())
outputs = [
    [render(parse(text), fmt, standalone=standalone) for fmt in ("md", "html", "rst", "json")
     for standalone in (False, True)]
    for text in texts
]
sys.stdout.write(json.dumps(outputs))
"""


def test_outputs_are_identical_across_processes_with_different_hash_seeds() -> None:
    # Set and dict iteration order of strings changes with the hash seed: an output that
    # depended on it would differ between these two processes.
    texts = [DETERMINISM_SAMPLE, DETERMINISM_SAMPLE.replace("\n", "\n\n")]
    runs = []
    for seed in ("1", "2"):
        environment = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-c", _RENDER_IN_A_CHILD],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=environment,
            cwd=Path(__file__).resolve().parents[1],
            check=True,
        )
        runs.append(json.loads(result.stdout))
    assert runs[0] == runs[1]
    here = [
        [render(parse(text), fmt, standalone=s) for fmt in FORMATS for s in (False, True)]
        for text in texts
    ]
    assert here == runs[0]
