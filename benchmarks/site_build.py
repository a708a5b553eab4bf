"""Benchmark ``newsconvert build``: articles per second, the no-change rerun, peak memory.

Usage::

    python benchmarks/site_build.py                 # 10,000 articles, --jobs 1 and 2
    python benchmarks/site_build.py -n 2000 --jobs 2

It generates N articles from the corpus in ``../shared/corpus`` (each a corpus article with
one sentence added to its longest paragraph, so every one is distinct and parses like its
original), spread over folders of 500, into a temporary folder. Then, for each ``--jobs``
value, it builds them to HTML into a fresh folder, and (with the largest job count) reruns the
build with nothing changed. Every build runs in a child process, which reports its own time and
peak memory (``resource.getrusage``: the builder process itself and, separately, the largest of
its pool workers), so that each figure belongs to one build. Memory is also measured on a tenth
of the articles, to show whether it grows with N.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def generate(target: Path, count: int) -> None:
    """Write ``count`` distinct articles derived from the corpus under ``target``."""
    from newsconvert.source import read_source

    sources = sorted(CORPUS.rglob("*.txt"))
    if not sources:
        raise SystemExit(f"no corpus at {CORPUS}")
    texts = [read_source(path).text for path in sources]
    for number in range(count):
        original = texts[number % len(texts)]
        lines = original.split("\n")
        longest = max(range(len(lines)), key=lambda index: len(lines[index]))
        lines[longest] = f"{lines[longest]} This is edition {number} of the story."
        folder = target / f"{number // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        name = sources[number % len(sources)].stem
        (folder / f"{number:05d}-{name}.txt").write_text("\n".join(lines), encoding="utf-8")


def child(source: str, out: str, jobs: int) -> None:
    """Run one build in this process and print its figures as JSON."""
    from newsconvert.site.builder import build

    started = time.perf_counter()
    summary = build(Path(source), Path(out), jobs=jobs)
    seconds = time.perf_counter() - started
    own_usage = resource.getrusage(resource.RUSAGE_SELF)
    worker_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    own, workers = own_usage.ru_maxrss, worker_usage.ru_maxrss
    cpu = sum(usage.ru_utime + usage.ru_stime for usage in (own_usage, worker_usage))
    print(
        json.dumps(
            {
                "seconds": seconds,
                "converted": summary.converted,
                "unchanged": summary.unchanged,
                "failed": summary.failed,
                "builder_kib": own,
                "worker_kib": workers,
                "cpu": cpu,
            }
        )
    )


def run_build(source: Path, out: Path, jobs: int) -> dict[str, float]:
    """Build in a child process; its figures plus the wall time including start-up."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(source), str(out), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - started
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return

    workspace = Path(tempfile.mkdtemp(prefix="newsconvert-site-bench-"))
    try:
        small, large = workspace / "small", workspace / "large"
        started = time.perf_counter()
        generate(large, args.articles)
        generate(small, max(args.articles // 10, 1))
        print(
            f"generated {args.articles} articles in {time.perf_counter() - started:.1f} s "
            f"({sum(p.stat().st_size for p in large.rglob('*.txt')) / 1e6:.1f} MB)"
        )
        print(
            f"{'build':<34} {'seconds':>8} {'wall s':>7} {'art/s':>7} {'CPU s':>6} "
            f"{'builder MB':>10} {'worker MB':>9}"
        )

        def show(label: str, figures: dict[str, float], count: int) -> None:
            rate = count / figures["seconds"] if figures["seconds"] else float("inf")
            print(
                f"{label:<34} {figures['seconds']:>8.2f} {figures['wall']:>7.2f} {rate:>7.0f} "
                f"{figures['cpu']:>6.2f} "
                f"{figures['builder_kib'] / 1024:>10.1f} {figures['worker_kib'] / 1024:>9.1f}"
                + (f"  ({int(figures['failed'])} failed)" if figures["failed"] else "")
            )

        for jobs in args.jobs:
            out = workspace / f"out-{jobs}"
            figures = run_build(large, out, jobs)
            show(f"{args.articles} articles, --jobs {jobs}", figures, int(figures["converted"]))
        jobs = max(args.jobs)
        out = workspace / f"out-{jobs}"
        figures = run_build(large, out, jobs)
        assert figures["converted"] == 0, figures
        show(f"no-change rerun, --jobs {jobs}", figures, int(figures["unchanged"]))
        small_figures = run_build(small, workspace / "out-small", jobs)
        show(
            f"{max(args.articles // 10, 1)} articles, --jobs {jobs}",
            small_figures,
            int(small_figures["converted"]),
        )
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
