"""Benchmark ``newsconvert build`` on Dask against the local process pool.

Usage::

    python benchmarks/dask_build.py                  # 10,000 articles, 3 rounds
    python benchmarks/dask_build.py -n 2000 --rounds 1

Generates N distinct articles from the corpus (as ``site_build.py`` does, folders of 500) in a
temporary folder (on ``/dev/shm`` where it exists, so the disk does not set the pace), then, in
interleaved rounds, builds them to HTML into a fresh folder with the local ``--jobs 2`` pool and
with a ``LocalCluster`` of two single-threaded worker processes. Each build runs in a child
process that reports its wall time (the cluster's start-up apart), and the peak memory of the
process that plans and writes the index and manifest (the client), measured at N/10 and N to
show how it grows with the archive. Prints medians; the per-article overhead of Dask is the
difference of the two builds' times divided by N.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from site_build import generate


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(source: str, out: str, mode: str) -> None:
    """One build in this process; prints its figures as JSON."""
    from newsconvert.site.builder import build

    started = time.perf_counter()
    if mode == "local":
        setup = 0.0
        client_cpu, workers_cpu = cpu_seconds(), cpu_seconds(resource.RUSAGE_CHILDREN)
        summary = build(Path(source), Path(out), jobs=2)
        seconds = time.perf_counter() - started
        client_cpu = cpu_seconds() - client_cpu
        workers_cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - workers_cpu  # the pool, reaped
    else:
        from newsconvert.dask import DaskExecutor, cluster_client

        with cluster_client(workers=2) as client:
            setup = time.perf_counter() - started
            before = client.run(cpu_seconds)
            client_cpu = cpu_seconds()
            started = time.perf_counter()
            summary = build(Path(source), Path(out), executor=DaskExecutor(client))
            seconds = time.perf_counter() - started
            client_cpu = cpu_seconds() - client_cpu
            after = client.run(cpu_seconds)
            workers_cpu = sum(after[key] - before[key] for key in before)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "setup": setup,
                "client_cpu": client_cpu,
                "workers_cpu": workers_cpu,
                "converted": summary.converted,
                "client_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


def run_build(source: Path, out: Path, mode: str) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(source), str(out), mode],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    scratch = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=scratch) as temporary:
        root = Path(temporary)
        small = max(1, args.articles // 10)
        generate(root / "src", args.articles)
        generate(root / "small", small)
        results: dict[str, list[dict[str, float]]] = {"local": [], "dask": []}
        for _ in range(args.rounds):
            for mode in ("local", "dask"):
                figures = run_build(root / "src", root / "out", mode)
                assert figures["converted"] == args.articles, figures
                results[mode].append(figures)
        memory = {
            mode: run_build(root / "small", root / "out", mode)["client_kib"] / 1024
            for mode in ("local", "dask")
        }

    def median(mode: str, key: str) -> float:
        return statistics.median(figures[key] for figures in results[mode])

    n = args.articles
    print(f"{n} articles, {args.rounds} interleaved rounds, medians")
    for mode, label in (("local", "local --jobs 2"), ("dask", "LocalCluster, 2 workers")):
        seconds = median(mode, "seconds")
        print(
            f"  {label:24} {seconds:7.2f} s  {n / seconds:7.0f} articles/s  "
            f"start-up {median(mode, 'setup'):5.2f} s  "
            f"CPU us/article: client {median(mode, 'client_cpu') / n * 1e6:5.0f}, "
            f"workers {median(mode, 'workers_cpu') / n * 1e6:5.0f}  "
            f"client peak {memory[mode]:6.1f} MiB at {small}, "
            f"{median(mode, 'client_kib') / 1024:6.1f} MiB at {n}"
        )
    overhead = (median("dask", "seconds") - median("local", "seconds")) / n * 1e6
    growth = (median("dask", "client_kib") / 1024 - memory["dask"]) / (n - small) * 1024
    cpu = {
        mode: (median(mode, "client_cpu") + median(mode, "workers_cpu")) / n * 1e6
        for mode in ("local", "dask")
    }
    print(f"  Dask's overhead: {overhead:.0f} us per article (2 workers, wall time)")
    print(f"  Dask's overhead: {cpu['dask'] - cpu['local']:.0f} us CPU per article (all processes)")
    print(f"  client memory growth on Dask: {growth:.2f} KiB per article")


if __name__ == "__main__":
    main()
