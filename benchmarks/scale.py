"""How newsconvert scales: time and peak memory on huge articles, and pattern worst cases.

    python benchmarks/scale.py                   # 10/25/50/100 MB articles, 10 MB line, patterns
    python benchmarks/scale.py --sizes 10 25     # only some article sizes (MB)
    python benchmarks/scale.py --no-patterns     # skip the regular-expression probe
    python benchmarks/scale.py --tracemalloc     # also peak Python allocations (much slower)

Each measurement runs in a fresh child process, so that its peak resident memory (``VmHWM``;
``ru_maxrss`` where there is no ``/proc``) is its own: the child reads the file
(``newsconvert.source.read_source``), parses it and renders it to Markdown, HTML,
reStructuredText and JSON, timing each stage, and
reports its peak memory next to the memory it had before reading (interpreter and imports).

The articles are generated here (invented words, a fixed seed): a front matter of timestamp,
kicker, headline, standfirst and byline, then paragraphs, headings, quotations, lists and
credits, blank-line separated, up to the requested size. The single line is a headline and one
10 MB paragraph.

The pattern probe times every compiled regular expression in ``newsconvert/parser/`` on runs of
the characters it repeats at two lengths: a ratio near 4 for 4x the length is linear, near 16
quadratic. A quadratic pattern is safe only where the parser applies it to bounded lines; the
second table runs the whole parser on 25k/100k-character lines of each run to show that.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000

_CHILD = r"""
import json, resource, sys, time
import newsconvert.parser, newsconvert.renderers, newsconvert.source
from newsconvert.parser import parse
from newsconvert.renderers import render
from newsconvert.source import read_source
import docutils, jinja2, markdown_it  # imported before the baseline, as in a long-lived process

path, use_tracemalloc = sys.argv[1], sys.argv[2] == "1"
if use_tracemalloc:
    import tracemalloc
    tracemalloc.start()
def rss_mb():
    # Peak RSS of this process. VmHWM, not ru_maxrss: Linux carries the parent's RSS at fork
    # time into the child's ru_maxrss across exec, which would hide the child's own peak.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
result = {"baseline_mb": rss_mb()}
start = time.perf_counter()
source = read_source(path)
result["read_s"] = time.perf_counter() - start
start = time.perf_counter()
article = parse(source.text, source=source.name)
result["parse_s"] = time.perf_counter() - start
result["parse_peak_mb"] = rss_mb()
for fmt in ("md", "html", "rst", "json"):
    start = time.perf_counter()
    output = render(article, fmt, standalone=True)
    result[fmt + "_s"] = time.perf_counter() - start
    result[fmt + "_mb_out"] = len(output) / 1e6
    del output
result["peak_mb"] = rss_mb()
result["blocks"] = len(article.blocks())
if use_tracemalloc:
    result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
print(json.dumps(result))
"""

_VOCABULARY = (
    "council city harbour ferry budget minister police court market shares rail station "
    "school hospital election voters report plan week year month people officials said "
    "would could after before during while since under about there their which other more "
    "water power price rates growth bank company workers union strike talks deal team match "
    "season coach players fans league title record storm flood road bridge airport tunnel"
)
_WORDS = _VOCABULARY.split()
_NAMES = ("Dana Moss", "Ravi Menon", "Ana Lima", "Tom Okafor", "Lena Berg", "Sam Ito")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(8, 22))
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 9999)))
    return " ".join(words) + "."


def generate_article(size: int, *, seed: int = 5) -> str:
    """An invented article of about ``size`` characters, in blank-line separated paragraphs."""
    rng = random.Random(seed)
    parts = [
        "Published 19:17 IST, November 27th 2019",
        "International",
        "City council agrees harbour budget after long debate",
        "The council approved the harbour budget on Tuesday after a debate of nine hours.",
        "By Dana Moss and Ravi Menon",
    ]
    total = sum(len(part) + 2 for part in parts)
    while total < size:
        roll = rng.random()
        if roll < 0.75:
            part = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        elif roll < 0.85:
            part = (
                f"\u201c{_sentence(rng)[:-1]},\u201d {rng.choice(_NAMES)} said."
                if rng.random() < 0.5
                else f"{rng.choice(_NAMES)} said, \u201c{_sentence(rng)}\u201d"
            )
        elif roll < 0.92:
            part = " ".join(rng.choices(_WORDS, k=rng.randint(2, 4))).capitalize()
        else:
            part = "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 5)))
        parts.append(part)
        total += len(part) + 2
    parts.append("(With AP inputs)")
    parts.append("Updated 19:34 IST, November 27th 2019")
    return "\n\n".join(parts) + "\n"


def generate_single_line(size: int) -> str:
    """A headline and one paragraph of about ``size`` characters on a single line."""
    rng = random.Random(10)
    sentences: list[str] = []
    total = 0
    while total < size:
        sentence = _sentence(rng)
        sentences.append(sentence)
        total += len(sentence) + 1
    return "Council agrees budget\n" + " ".join(sentences) + "\n"


def measure(path: Path, *, use_tracemalloc: bool) -> dict[str, float]:
    """Run the child on ``path``; returns its timings and memory figures."""
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), "1" if use_tracemalloc else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(completed.stdout)
    return result


def _row(label: str, size_mb: float, result: dict[str, float]) -> str:
    render_s = sum(result[f"{fmt}_s"] for fmt in ("md", "html", "rst", "json"))
    traced = result.get("traced_peak_mb")
    cells = [
        f"{label:<22}",
        f"{size_mb:7.1f}",
        f"{result['read_s']:7.2f}",
        f"{result['parse_s']:7.2f}",
        *(f"{result[f'{fmt}_s']:7.2f}" for fmt in ("md", "html", "rst", "json")),
        f"{result['read_s'] + result['parse_s'] + render_s:8.2f}",
        f"{(result['read_s'] + result['parse_s']) / size_mb:8.3f}",
        f"{result['parse_peak_mb'] - result['baseline_mb']:9.0f}",
        f"{result['peak_mb'] - result['baseline_mb']:9.0f}",
        f"{traced:9.0f}" if traced is not None else "",
    ]
    return " ".join(cells)


HEADER = (
    f"{'input':<22} {'MB':>7} {'read s':>7} {'parse s':>7} {'md s':>7} {'html s':>7} "
    f"{'rst s':>7} {'json s':>7} {'total s':>8} {'s/MB':>8} {'parse MB':>9} {'peak MB':>9}"
)
"""Columns: stage times; read+parse seconds per input MB; peak RSS above the baseline after
parsing and after rendering every format (the render peak includes the tree and one output)."""


# --- Regular expressions ----------------------------------------------------------------------

PROBE_ATOMS = (
    "(", "\u201c", " ", "\t", "1", "A", "a", "A.", "Aa ", "A. ", "a'", "a-", "@", "A @ab ", "a | ",
    "- ", "\u2014 ", ", ", "1:", "11:11 ", "IST ", "November ", "27th ", "By ", "A and ",
    "With AP ", "Ab contributed ", "1 of 4. ", "+05:30", "Photo: A ",
)  # fmt: skip


def parser_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled text pattern at module level in ``newsconvert.parser``."""
    import newsconvert.parser as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"newsconvert.parser.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


def _time(function: object, *args: object) -> float:
    start = time.perf_counter()
    function(*args)  # type: ignore[operator]
    return time.perf_counter() - start


def _pattern_time(pattern: re.Pattern[str], text: str, *, repeat: int) -> float:
    return min(
        _time(pattern.search, text) + _time(pattern.match, text) + _time(pattern.fullmatch, text)
        for _ in range(repeat)
    )


def probe_patterns(short: int = 1_000, long: int = 4_000) -> None:
    """Print the worst growth of each parser pattern over the probe runs."""
    print(f"\nPatterns: search+match+fullmatch on runs of {short:,} and {long:,} characters")
    print(f"{'pattern':<32} {'worst run':<14} {'ms at long':>10} {'ratio':>7}")
    rows = []
    for name, pattern in parser_patterns():
        worst = (0.0, 0.0, "")
        for atom in PROBE_ATOMS:
            for tail in ("", "!"):
                texts = [atom * (size // len(atom)) + tail for size in (short, long)]
                timings = [_pattern_time(pattern, text, repeat=1) for text in texts]
                if timings[1] > 0.001:  # worth a closer look: the best of three, both sizes
                    timings = [_pattern_time(pattern, text, repeat=3) for text in texts]
                if timings[1] > worst[0]:
                    worst = (timings[1], timings[1] / max(timings[0], 1e-7), atom + tail)
        rows.append((worst[0], name, worst[2], worst[1]))
    for seconds, name, atom, ratio in sorted(rows, reverse=True):
        flag = "  quadratic" if ratio > 10 and seconds > 0.005 else ""
        print(f"{name:<32} {atom!r:<14} {seconds * 1000:10.2f} {ratio:7.1f}{flag}")

    from newsconvert.parser import parse

    print("\nWhole parser on one line of each run (ms), 25k and 100k characters:")
    worst_ratio = 0.0
    for atom in PROBE_ATOMS:
        times = []
        for size in (25_000, 100_000):
            line = "x" + atom * (size // len(atom)) + "!"
            text = f"Headline of the story\n\n{line}\n\nThe end.\n"
            times.append(min(_time(parse, text) for _ in range(3)))
        worst_ratio = max(worst_ratio, times[1] / max(times[0], 1e-7))
        print(f"  {atom!r:<14} {times[0] * 1000:8.2f} {times[1] * 1000:8.2f}")
    print(f"  worst growth for 4x the length: {worst_ratio:.1f}x")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sizes", nargs="*", type=float, default=[10, 25, 50, 100])
    options.add_argument("--line", type=float, default=10, help="single-line size in MB")
    options.add_argument("--tracemalloc", action="store_true")
    options.add_argument("--no-patterns", action="store_true")
    args = options.parse_args(argv)

    print(HEADER + ("  traced MB" if args.tracemalloc else ""))
    with tempfile.TemporaryDirectory() as folder:
        results = []
        for size in args.sizes:
            path = Path(folder) / f"article-{size:g}mb.txt"
            path.write_text(generate_article(int(size * MB)), encoding="utf-8")
            actual = path.stat().st_size / MB
            result = measure(path, use_tracemalloc=args.tracemalloc)
            results.append((actual, result))
            print(_row(f"article ({result['blocks']:.0f} blocks)", actual, result), flush=True)
            path.unlink()
        if args.line:
            path = Path(folder) / "line.txt"
            path.write_text(generate_single_line(int(args.line * MB)), encoding="utf-8")
            result = measure(path, use_tracemalloc=args.tracemalloc)
            print(_row("single line", path.stat().st_size / MB, result), flush=True)
    if len(results) > 1:
        (small_mb, small), (big_mb, big) = results[0], results[-1]

        def total(result: dict[str, float]) -> float:
            stages = ("read", "parse", "md", "html", "rst", "json")
            return sum(result[f"{stage}_s"] for stage in stages)

        def memory(result: dict[str, float]) -> float:
            return result["peak_mb"] - result["baseline_mb"]

        print(
            f"\nGrowth from {small_mb:.0f} to {big_mb:.0f} MB ({big_mb / small_mb:.1f}x input): "
            f"time {total(big) / total(small):.1f}x, "
            f"peak memory above baseline {memory(big) / memory(small):.1f}x"
        )
    if not args.no_patterns:
        probe_patterns()
    return 0


if __name__ == "__main__":
    sys.exit(main())
