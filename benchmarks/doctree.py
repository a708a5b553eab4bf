"""What the docutils integration costs, next to docutils parsing the equivalent reST.

    python benchmarks/doctree.py [ARTICLE] [--repeat N]

For one article (default: the corpus's reference article) it times, median per call:

1. **nodes**: turning the parsed ``Article`` into docutils nodes (``newsconvert.doctree``), in a
   fresh document each time — what the Sphinx directive and source parser add to a build;
2. **reST parse**: docutils' own reST parser reading ``newsconvert.render(article, "rst",
   standalone=True)`` into a fresh document (parser only, no transforms);
3. **publish_doctree(reST)**: the whole docutils pipeline on that reST text (settings, reader,
   parser, transforms) — what a reST page costs;
4. **publish_doctree(article)**: the same pipeline with ``newsconvert.docutils_parser`` on the
   article's plain text (includes parsing the text into the tree).

and prints the ratios of (1) to (2) and to (3). The calls are interleaved in rounds, and the
garbage collector is paused while timing.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from docutils.core import publish_doctree
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document

import newsconvert
from newsconvert.integrations.doctree import article_nodes
from newsconvert.integrations.docutils_parser import Parser as NewsParser
from newsconvert.renderers import render as render_article

REPO = Path(__file__).resolve().parents[1]
REFERENCE_CANDIDATES = (
    REPO.parent / "shared" / "corpus" / "000_37575f6eff0020da.txt",
    REPO / "tests" / "roots" / "test-newsconvert" / "reference.news",  # a copy, for clean clones
)


def median_microseconds(
    functions: dict[str, Callable[[], object]], repeat: int, rounds: int = 10
) -> dict[str, float]:
    """Median wall time of each function over ``repeat`` calls, in microseconds.

    The calls are interleaved in ``rounds`` (each round calls every function ``repeat /
    rounds`` times), so that a machine that gets busier or quieter during the run shifts every
    figure alike instead of skewing the ratios.
    """
    for function in functions.values():
        function()  # warm up: first-use imports and caches
    samples: dict[str, list[int]] = {name: [] for name in functions}
    per_round = max(1, repeat // rounds)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for name, function in functions.items():
                for _ in range(per_round):
                    start = time.perf_counter_ns()
                    function()
                    samples[name].append(time.perf_counter_ns() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: statistics.median(values) / 1000 for name, values in samples.items()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a small table; returns the exit code."""
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("article", nargs="?", type=Path, help="plain-text article to time")
    arguments.add_argument("--repeat", type=int, default=500, help="calls per figure (500)")
    options = arguments.parse_args(argv)

    path = options.article or next((p for p in REFERENCE_CANDIDATES if p.is_file()), None)
    if path is None:
        print("no article given and the reference article is absent", file=sys.stderr)
        return 2
    text = path.read_text(encoding="utf-8")
    article = newsconvert.parse(text, source=str(path))
    rst = render_article(article, "rst", standalone=True)

    rst_settings = get_default_settings(RstParser)
    rst_settings.report_level = 5
    quiet = {"report_level": 5}

    def build_nodes() -> object:
        return article_nodes(article, new_document(str(path), rst_settings))

    def parse_rst() -> object:
        document = new_document(str(path), rst_settings)
        RstParser().parse(rst, document)
        return document

    figures = median_microseconds(
        {
            "nodes (Article -> docutils nodes)": build_nodes,
            "reST parse (parser only)": parse_rst,
            "publish_doctree(reST)": lambda: publish_doctree(rst, settings_overrides=quiet),
            "publish_doctree(article text)": lambda: publish_doctree(
                text, parser=NewsParser(), settings_overrides=quiet
            ),
        },
        options.repeat,
    )
    print(f"{path.name}: {len(text)} characters, {len(rst)} characters of reST")
    print(f"Python {platform.python_version()}, {platform.machine()}, median of {options.repeat}")
    width = max(map(len, figures))
    for name, microseconds in figures.items():
        print(f"  {name:<{width}}  {microseconds:9.1f} µs")
    nodes_time = figures["nodes (Article -> docutils nodes)"]
    print(f"  nodes / reST parse       = {nodes_time / figures['reST parse (parser only)']:.3f}")
    print(f"  nodes / publish_doctree  = {nodes_time / figures['publish_doctree(reST)']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
