"""The performance table of the project's speed issue, each row next to its floor and pandoc.

    python benchmarks/table.py                          # this checkout's interpreter
    python benchmarks/table.py --python A/.venv/bin/python --python B/.venv/bin/python
    python benchmarks/table.py --rows oneshot,files --rounds 9

Rows (``--rows``, comma separated):

``oneshot``  ``newsconvert ref.txt -t html`` as a whole process, in ms: wall time, CPU time
             (user + system) and the wall time as a multiple of the floor's and of pandoc's.
``files``    the 190 articles of ``bbc/``, ``reuters/``, ``newspaper/`` and the reference, one
             process per file, in ms per file (the same columns).
``build``    ``newsconvert build`` of 10,000 generated articles to HTML with ``--jobs 2`` into a
             fresh output folder (on tmpfs when ``/dev/shm`` exists): articles/s, and the wall,
             user and system seconds of the whole build process and its workers.
``core``     parse + render Markdown, HTML and reST of the reference article in one process, in µs
             (median of many calls, garbage collector paused as ``timeit`` does).
``big``      a generated 10 MB and 100 MB article parsed and rendered to all four formats, each
             written to a file: seconds, and peak resident memory as a multiple of the input.

Every row also gives its floor, measured in the same run: reading and decoding the same input
(a process that only reads and decodes the file, for the process rows), since no conversion can
be faster; and pandoc (``pandoc -f markdown -t html``) on the same files where it is installed.

The machine may be shared: each row runs ``--rounds`` times, the interpreters and the floor
interleaved within each round (A, B, floor, pandoc, A, B, …), and every figure is the median
over the rounds. ``--python`` may be given several times to compare checkouts in one run (each
an interpreter with that checkout's newsconvert installed).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
REFERENCE = CORPUS / "000_37575f6eff0020da.txt"
ROWS = ("oneshot", "files", "build", "core", "big")

_FLOOR = "import sys\nfor p in sys.argv[1:]:\n    open(p, 'rb').read().decode('utf-8', 'replace')\n"

_CORE_CHILD = r"""
import gc, statistics, sys, time
from newsconvert.source import read_source
from newsconvert.parser import parse
from newsconvert.renderers import render
try:
    from newsconvert.renderers import render_formats
except ImportError:  # older checkouts: render() remembered the last article's context
    render_formats = None
path, repeat = sys.argv[1], int(sys.argv[2])
source = read_source(path)

def floor():
    read_source(path)

def convert():
    article = parse(source.text, source=source.name)
    if render_formats is not None:
        render_formats(article, ("md", "html", "rst"))
    else:
        for fmt in ("md", "html", "rst"):
            render(article, fmt)

def median_us(function):
    function()
    samples = []
    gc.disable()
    for _ in range(repeat):
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    gc.enable()
    return statistics.median(samples) / 1000

print(median_us(floor), median_us(convert))
"""

_BIG_CHILD = r"""
import os, resource, sys, time
from newsconvert.source import read_source
from newsconvert.parser import parse
from newsconvert.renderers import render
try:
    from newsconvert.renderers import render_to
except ImportError:  # older checkouts: no streaming, render to a string and write it
    render_to = None
path, out = sys.argv[1], sys.argv[2]
start = time.perf_counter()
source = read_source(path)
decoded = time.perf_counter()
article = parse(source.text, source=source.name)
for fmt in ("md", "html", "rst", "json"):
    with open(os.path.join(out, "out." + fmt), "w", encoding="utf-8") as handle:
        if render_to is not None:
            render_to(handle, article, fmt)
        else:
            handle.write(render(article, fmt))
done = time.perf_counter()
print(decoded - start, done - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""

_BUILD_CHILD = r"""
import sys, time
from pathlib import Path
from newsconvert.site.builder import build
started = time.perf_counter()
summary = build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]))
print(time.perf_counter() - started, summary.converted, summary.failed)
"""


def corpus_files() -> list[Path]:
    """The reference article and the blank-line/wire layouts: 190 files."""
    files = [REFERENCE]
    for folder in ("bbc", "reuters", "newspaper"):
        files.extend(sorted((CORPUS / folder).rglob("*.txt")))
    return files


def run(command: list[str]) -> tuple[float, str]:
    """Run ``command``; its wall time in seconds and its standard output."""
    started = time.perf_counter()
    # Run from a neutral folder: ``python -c`` puts the working folder first on sys.path, and
    # from a checkout it would import that checkout's newsconvert, whatever the interpreter.
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=tempfile.gettempdir()
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise SystemExit(f"benchmark: {' '.join(command[:3])} … failed: {last}")
    return seconds, done.stdout


def console_script(python: str) -> str:
    """The ``newsconvert`` command installed beside ``python``."""
    return str(Path(python).parent / "newsconvert")


def interleaved(variants: dict[str, Callable[[], object]], rounds: int) -> dict[str, list]:
    """Each variant's results over ``rounds`` rounds, the variants alternating within a round."""
    results: dict[str, list] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, function in variants.items():
            results[name].append(function())
    return results


def medians(rows: list) -> list[float]:
    """The median of each column of ``rows``."""
    return [statistics.median(column) for column in zip(*rows, strict=True)]


def label(python: str) -> str:
    return python if len(python) < 40 else "…" + python[-39:]


def timed(command: list[str]) -> tuple[float, float]:
    """The wall time of ``command`` and the CPU time (user + system) it used, in seconds. On a
    shared machine the CPU time varies less: it leaves out the time spent waiting for a CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, _ = run(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def print_process_rows(results: dict[str, list]) -> None:
    """Median wall and CPU milliseconds of each variant, and its ratio to the floor's and to
    pandoc's (wall time)."""
    walls = {name: medians(figures)[0] * 1000 for name, figures in results.items()}
    references = [name for name in walls if name.startswith(("floor", "pandoc"))]
    print(
        f"  {'':<46}{'wall':>8}{'cpu':>8}"
        + "".join(f"{'x ' + n.split()[0].rstrip(':'):>10}" for n in references)
    )
    for name, figures in results.items():
        wall, cpu = (value * 1000 for value in medians(figures))
        ratios = "".join(f"{wall / walls[reference]:>10.1f}" for reference in references)
        print(f"  {name:<46}{wall:>8.1f}{cpu:>8.1f}{ratios}")


def row_oneshot(pythons: list[str], rounds: int) -> None:
    variants: dict[str, Callable[[], object]] = {
        label(py): lambda py=py: timed([console_script(py), str(REFERENCE), "-t", "html"])
        for py in pythons
    }
    variants["floor: python reads + decodes"] = lambda: timed(
        [sys.executable, "-c", _FLOOR, str(REFERENCE)]
    )
    if shutil.which("pandoc"):
        variants["pandoc -f markdown -t html"] = lambda: timed(
            ["pandoc", "-f", "markdown", "-t", "html", str(REFERENCE)]
        )
    print(f"\n`newsconvert ref.txt -t html`, whole process (median of {rounds}, ms)")
    print_process_rows(interleaved(variants, rounds))


def row_files(pythons: list[str], rounds: int, every: int) -> None:
    files = corpus_files()[::every]

    def each(command: Callable[[Path], list[str]]) -> Callable[[], tuple[float, float]]:
        def per_file() -> tuple[float, float]:
            figures = [timed(command(path)) for path in files]
            return (
                sum(wall for wall, _ in figures) / len(files),
                sum(cpu for _, cpu in figures) / len(files),
            )

        return per_file

    variants = {
        label(py): each(lambda path, py=py: [console_script(py), str(path), "-t", "html"])
        for py in pythons
    }
    variants["floor: python reads + decodes"] = each(
        lambda path: [sys.executable, "-c", _FLOOR, str(path)]
    )
    if shutil.which("pandoc"):
        variants["pandoc -f markdown -t html"] = each(
            lambda path: ["pandoc", "-f", "markdown", "-t", "html", str(path)]
        )
    print(f"\n{len(files)} files, one process per file (median of {rounds}, ms per file)")
    print_process_rows(interleaved(variants, rounds))


def _scratch() -> Path:
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    return Path(tempfile.mkdtemp(prefix="newsconvert-table-", dir=base))


def row_build(pythons: list[str], rounds: int, count: int, jobs: int, scratch: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from site_build import generate

    source = scratch / "articles"
    if not source.exists():
        generate(source, count)
    files = [str(path) for path in sorted(source.rglob("*.txt"))]

    def build(py: str) -> tuple[float, float, float, float]:
        out = Path(tempfile.mkdtemp(dir=scratch))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, stdout = run([py, "-c", _BUILD_CHILD, str(source), str(out), str(jobs)])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        shutil.rmtree(out)
        seconds, converted, failed = stdout.split()
        if int(converted) != count:
            raise SystemExit(f"benchmark: build converted {converted} of {count} ({failed} failed)")
        user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
        return count / float(seconds), wall, user, system

    def floor() -> tuple[float, float, float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, _ = run([sys.executable, "-c", _FLOOR, *files])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
        return count / wall, wall, user, system

    variants: dict[str, Callable[[], object]] = {
        label(py): lambda py=py: build(py) for py in pythons
    }
    variants["floor: one process reads + decodes"] = floor
    print(
        f"\n`newsconvert build` of {count} articles to HTML, --jobs {jobs}, fresh output on "
        f"{scratch.parent} (median of {rounds})"
    )
    print(f"  {'':<46}{'articles/s':>10}{'wall s':>8}{'user s':>8}{'sys s':>8}")
    for name, figures in interleaved(variants, rounds).items():
        rate, wall, user, system = medians(figures)
        print(f"  {name:<46}{rate:>10.0f}{wall:>8.2f}{user:>8.2f}{system:>8.2f}")


def row_core(pythons: list[str], rounds: int, repeat: int) -> None:
    results = interleaved(
        {
            label(py): lambda py=py: run([py, "-c", _CORE_CHILD, str(REFERENCE), str(repeat)])[1]
            for py in pythons
        },
        rounds,
    )
    print(f"\nparse + render md, html, rst of the reference article (median of {rounds}, µs)")
    print(f"  {'':<46}{'convert':>10}{'floor':>10}")
    for name, outputs in results.items():
        floors, converts = zip(*(map(float, output.split()) for output in outputs), strict=True)
        print(f"  {name:<46}{statistics.median(converts):>10.1f}{statistics.median(floors):>10.1f}")


def write_big_article(path: Path, megabytes: int) -> None:
    """Paragraphs of the BBC articles, numbered so that none repeats, up to ``megabytes``."""
    paragraphs: list[str] = []
    for source in sorted((CORPUS / "bbc").rglob("*.txt")):
        blocks = source.read_bytes().decode("utf-8", "replace").split("\n\n")
        paragraphs.extend(block.strip() for block in blocks[1:] if len(block.strip()) > 80)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A very long generated article\n\n")
        written, index = 0, 0
        while written < megabytes * 1_000_000:
            paragraph = f"{paragraphs[index % len(paragraphs)]} (No. {index})"
            handle.write(paragraph + "\n\n")
            written += len(paragraph) + 2
            index += 1


def row_big(pythons: list[str], rounds: int, sizes: list[int], scratch: Path) -> None:
    print(f"\nbig articles, parse + all four formats written (median of {rounds})")
    print(f"  {'':<46}{'MB':>5}{'seconds':>10}{'floor s':>9}{'peak/input':>11}")
    for size in sizes:
        path = scratch / f"article-{size}mb.txt"
        if not path.exists():
            write_big_article(path, size)
        input_bytes = path.stat().st_size

        def convert(
            py: str, path: Path = path, input_bytes: int = input_bytes
        ) -> tuple[float, float, float]:
            out = Path(tempfile.mkdtemp(dir=scratch))
            _, stdout = run([py, "-c", _BIG_CHILD, str(path), str(out)])
            shutil.rmtree(out)
            floor, seconds, peak = map(float, stdout.split())
            return seconds, floor, peak / input_bytes

        results = interleaved({label(py): lambda py=py: convert(py) for py in pythons}, rounds)
        for name, figures in results.items():
            seconds, floor, ratio = medians(figures)
            print(f"  {name:<46}{size:>5}{seconds:>10.2f}{floor:>9.2f}{ratio:>10.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", action="append", help="interpreter to measure (repeatable)")
    parser.add_argument("--rows", default=",".join(ROWS), help=f"rows to run ({', '.join(ROWS)})")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per row")
    parser.add_argument("--articles", type=int, default=10_000, help="articles for the build row")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for the build row")
    parser.add_argument("--repeat", type=int, default=500, help="calls per child, core row")
    parser.add_argument("--big-mb", default="10,100", help="sizes of the big row, in MB")
    parser.add_argument(
        "--every", type=int, default=1, help="files row: only every N-th file (a loaded machine)"
    )
    options = parser.parse_args(argv)
    if not REFERENCE.is_file():
        print(f"benchmark: no corpus at {CORPUS}", file=sys.stderr)
        return 2
    pythons = [os.path.abspath(python) for python in options.python or [sys.executable]]
    rows = options.rows.split(",")
    rounds = max(1, options.rounds)
    pandoc = shutil.which("pandoc")
    print(
        f"{len(pythons)} interpreter(s) · {os.cpu_count()} CPUs · load {os.getloadavg()[0]:.1f} · "
        f"pandoc {'at ' + pandoc if pandoc else 'not installed'} · interleaved rounds, medians"
    )
    scratch = _scratch()
    try:
        if "oneshot" in rows:
            row_oneshot(pythons, rounds)
        if "files" in rows:
            row_files(pythons, max(1, rounds // 2), max(1, options.every))
        if "build" in rows:
            row_build(pythons, max(1, rounds // 2), options.articles, options.jobs, scratch)
        if "core" in rows:
            row_core(pythons, rounds, options.repeat)
        if "big" in rows:
            sizes = [int(size) for size in options.big_mb.split(",")]
            row_big(pythons, max(1, rounds // 3), sizes, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
