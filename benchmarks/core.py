"""How fast newsconvert reads, parses and renders articles, next to the cost of reading the file.

    python benchmarks/core.py [--corpus PATH] [--repeat N] [--read-back]
    python benchmarks/core.py --scale [--scale-mb 1,10,100]

The first form times, per article, each stage on its own: reading and decoding the file (the
floor: no conversion can be faster), parsing, and rendering each format (fragments, as the API
renders by default); and parse + render to Markdown, HTML and reST together, the project's
target (< 150 µs for the reference article on one core). Each figure is the median of ``--repeat``
runs of one article (the reference article gets 25 times as many, its figures being the headline
numbers); over the corpus it reports the median and the 90th percentile of those per-article
medians. ``--read-back`` adds the readers: each format read back into the tree.

The second form converts large generated articles (paragraphs of the corpus repeated up to each
size, and one single line of 10 MB) to HTML in a fresh process each, and reports the time of
each stage and the peak memory, to show that both grow linearly.

Everything runs on one core, with the garbage collector paused while timing, as ``timeit`` does.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
REFERENCE_NAME = "000_37575f6eff0020da.txt"
FORMATS = ("md", "html", "rst", "json")
TARGET_MICROSECONDS = 150.0


def time_call(function: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``function()`` over ``repeat`` calls, in microseconds."""
    function()  # warm up: first-use imports, template compilation, caches
    samples: list[int] = []
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter_ns()
            function()
            samples.append(time.perf_counter_ns() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return statistics.median(samples) / 1000


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def stages(path: Path, read_back: bool) -> dict[str, Callable[[], object]]:
    """The stages to time for the article at ``path``, each a function of no arguments."""
    # The implementing functions, without the package's forwarding wrappers.
    from newsconvert.parser import parse
    from newsconvert.renderers import render, render_formats
    from newsconvert.source import read_source

    source = read_source(path)
    article = parse(source.text, source=source.name)
    timed: dict[str, Callable[[], object]] = {
        "read+decode (floor)": lambda: read_source(path),
        "parse": lambda: parse(source.text, source=source.name),
    }
    for fmt in FORMATS:
        timed[f"render {fmt}"] = lambda fmt=fmt: render(article, fmt)

    def parse_and_render_three() -> None:
        parsed = parse(source.text, source=source.name)
        render_formats(parsed, ("md", "html", "rst"))

    timed["parse + md + html + rst"] = parse_and_render_three
    if read_back:
        from newsconvert.readers import read

        for fmt in FORMATS:
            output = render(article, fmt)
            timed[f"read back {fmt}"] = lambda output=output, fmt=fmt: read(output, fmt)
    return timed


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt") if p.name != "README.TXT")


def run_core(corpus: Path, repeat: int, read_back: bool) -> int:
    from newsconvert import NewsconvertError, __version__

    files = corpus_files(corpus)
    reference = corpus / REFERENCE_NAME
    if not reference.is_file():
        print(f"benchmark: no reference article at {reference}", file=sys.stderr)
        return 2
    print(
        f"newsconvert {__version__} · Python {platform.python_version()} · "
        f"{platform.system()} {platform.machine()} · {len(files)} corpus articles · "
        f"median of {repeat} runs per article ({repeat * 25} for the reference)"
    )
    reference_times = {
        stage: time_call(function, repeat * 25)
        for stage, function in stages(reference, read_back).items()
    }
    per_stage: dict[str, list[float]] = {stage: [] for stage in reference_times}
    failures: list[str] = []
    for path in files:
        try:
            timed = stages(path, read_back)
        except NewsconvertError as error:
            failures.append(str(error))
            continue
        for stage, function in timed.items():
            per_stage[stage].append(time_call(function, repeat))

    header = f"{'stage':<26}{'reference µs':>14}{'corpus median µs':>18}{'corpus p90 µs':>16}"
    print(header)
    print("-" * len(header))
    for stage, reference_time in reference_times.items():
        values = per_stage[stage]
        median = statistics.median(values) if values else float("nan")
        p90 = percentile(values, 0.9) if values else float("nan")
        print(f"{stage:<26}{reference_time:>14.1f}{median:>18.1f}{p90:>16.1f}")
    total = reference_times["parse + md + html + rst"]
    verdict = "met" if total < TARGET_MICROSECONDS else "NOT met"
    print(
        f"\ntarget: parse + md + html + rst < {TARGET_MICROSECONDS:.0f} µs on the reference "
        f"article: {total:.1f} µs, {verdict}"
    )
    for failure in failures:
        print(f"not converted: {failure}")
    return 0


# --- Scale ---------------------------------------------------------------------------------------

_SCALE_CHILD = r"""
import resource, sys, time
from newsconvert.source import read_source
from newsconvert.parser import parse
from newsconvert.renderers import render
path = sys.argv[1]
start = time.perf_counter()
source = read_source(path)
decoded = time.perf_counter()
article = parse(source.text, source=source.name)
parsed = time.perf_counter()
html = render(article, "html")
rendered = time.perf_counter()
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
blocks = sum(len(section.blocks) for section in article.sections)
print(decoded - start, parsed - decoded, rendered - parsed, peak_kib, len(html), blocks)
"""


def _paragraphs(corpus: Path) -> list[str]:
    """Body paragraphs of the blank-line separated corpus articles, to build big articles from."""
    paragraphs: list[str] = []
    for path in corpus_files(corpus / "bbc"):
        blocks = path.read_bytes().decode("utf-8", errors="replace").split("\n\n")
        paragraphs.extend(block.strip() for block in blocks[1:] if len(block.strip()) > 80)
    return paragraphs


def run_scale(corpus: Path, sizes_mb: list[int]) -> int:
    paragraphs = _paragraphs(corpus)
    if not paragraphs:
        print(f"benchmark: no BBC articles under {corpus}", file=sys.stderr)
        return 2
    print(
        f"{'input':<28}{'decode s':>10}{'parse s':>10}{'render s':>10}{'peak MiB':>10}"
        f"{'HTML MB':>10}{'blocks':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, Path]] = []
        for size in sizes_mb:
            path = Path(folder, f"article-{size}mb.txt")
            with path.open("w", encoding="utf-8") as handle:
                handle.write("A very long generated article\n\n")
                written, index = 0, 0
                while written < size * 1_000_000:
                    # Numbered, so that no paragraph repeats an earlier one: exact repeats
                    # are set aside as duplicates and not rendered.
                    paragraph = f"{paragraphs[index % len(paragraphs)]} (No. {index})"
                    handle.write(paragraph + "\n\n")
                    written += len(paragraph) + 2
                    index += 1
            cases.append((f"{size} MB, blank-line separated", path))
        line = Path(folder, "single-line-10mb.txt")
        words = " ".join(paragraphs)
        with line.open("w", encoding="utf-8") as handle:
            handle.write("A generated article on one line\n\n")
            handle.write((words * (10_000_000 // len(words) + 1))[:10_000_000])
        cases.append(("10 MB single line", line))
        for label, path in cases:
            done = subprocess.run(
                [sys.executable, "-c", _SCALE_CHILD, str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                last = (done.stderr.strip().splitlines() or ["?"])[-1]
                print(f"{label:<28} failed: {last}")
                continue
            decode, parse, render, peak_kib, size, blocks = done.stdout.split()
            print(
                f"{label:<28}{float(decode):>10.2f}{float(parse):>10.2f}"
                f"{float(render):>10.2f}{int(peak_kib) / 1024:>10.0f}"
                f"{int(size) / 1e6:>10.1f}{int(blocks):>10}"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--repeat", type=int, default=20, help="runs per article (default 20)")
    parser.add_argument("--read-back", action="store_true", help="also time the readers")
    parser.add_argument("--scale", action="store_true", help="time large generated articles")
    parser.add_argument(
        "--scale-mb", default="1,10,100", help="sizes for --scale, in MB (default 1,10,100)"
    )
    options = parser.parse_args(argv)
    if not options.corpus.is_dir():
        print(f"benchmark: no corpus at {options.corpus} (use --corpus)", file=sys.stderr)
        return 2
    if options.scale:
        return run_scale(options.corpus, [int(size) for size in options.scale_mb.split(",")])
    return run_core(options.corpus, max(1, options.repeat), options.read_back)


if __name__ == "__main__":
    # One core, as the target says: keep the benchmark off the others when the OS allows it.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.exit(main())
