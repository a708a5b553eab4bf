"""Kill ``newsconvert build`` at random points and check that a rerun gives a clean build.

Usage::

    python benchmarks/kill_points.py                       # 100 trials over 2,000 articles
    python benchmarks/kill_points.py -n 500 --trials 20 --checkout /tmp/old-newsconvert

Three versions of a tree of N articles are generated (from ``../shared/corpus``, as in
``site_build.py``): the original, and two in which a different third of the articles carry a
changed sentence, a few are deleted and a few added. Each version is built once into a fresh
folder: the clean builds. Then each trial

1. switches SRC to a random version other than the one OUT was last built from, and starts
   ``newsconvert build SRC -o OUT --jobs 2`` in a child process;
2. kills it (``SIGKILL`` to the build, or with ``--signals``, sometimes ``SIGINT`` or ``SIGKILL``
   to one worker) after a random delay within the time such a build takes;
3. switches SRC to a random version (the one before: a revert; or another: a change) and reruns
   the build to the end;
4. compares OUT with the clean build of that version, byte for byte (the manifest and the lock
   file aside), and looks for temporary files.

``--checkout DIR`` runs the builds from another source tree of newsconvert (``PYTHONPATH=DIR``),
to measure an older commit (``git archive COMMIT | tar -x -C DIR``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_build import generate

IGNORED = {".newsconvert-build.lock", ".newsconvert-manifest.json", ".newsconvert-manifest.jsonl"}


def make_versions(workspace: Path, count: int) -> list[Path]:
    """The three versions of the tree (see the module doc)."""
    original = workspace / "v0"
    generate(original, count)
    files = sorted(original.rglob("*.txt"))
    versions = [original]
    for number in (1, 2):
        version = workspace / f"v{number}"
        shutil.copytree(original, version)
        rng = random.Random(number)
        for path in rng.sample(files, len(files) // 3):
            target = version / path.relative_to(original)
            text = target.read_text("utf-8")
            target.write_text(text + f"\n\nThis paragraph belongs to version {number}.\n", "utf-8")
        for path in rng.sample(files, max(1, len(files) // 50)):
            (version / path.relative_to(original)).unlink(missing_ok=True)
        for extra in range(max(1, len(files) // 50)):
            source = files[rng.randrange(len(files))]
            added = version / "added" / f"v{number}-{extra}.txt"
            added.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, added)
        versions.append(version)
    return versions


def switch(src: Path, version: Path) -> None:
    """Make SRC hold exactly ``version`` (as a checkout would: files replaced, removed, added)."""
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(version, src)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.name not in IGNORED
    }


def command(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "newsconvert", "build", str(src), "-o", str(out), "-j", "2", "-q"]


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(word) for word in text.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=2000)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--checkout", type=Path, help="run newsconvert from this source tree")
    parser.add_argument(
        "--signals", action="store_true", help="also Ctrl-C the build and kill -9 one worker"
    )
    parser.add_argument("--timeout", type=float, default=300, help="seconds a rerun may take")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.checkout:
        env["PYTHONPATH"] = str(args.checkout.resolve())
    rng = random.Random(args.seed)
    workspace = Path(tempfile.mkdtemp(prefix="newsconvert-kill-"))
    # Run from the workspace: "python -m" puts the current folder first on the path, which would
    # shadow --checkout when run from a checkout.
    os.chdir(workspace)
    try:
        versions = make_versions(workspace, args.articles)
        clean = []
        durations = []
        for number, version in enumerate(versions):
            target = workspace / f"clean{number}"
            started = time.perf_counter()
            subprocess.run(command(version, target), env=env, check=False)
            durations.append(time.perf_counter() - started)
            clean.append(snapshot(target))
        src, out = workspace / "src", workspace / "out"
        switch(src, versions[0])
        subprocess.run(command(src, out), env=env, check=False)
        built = 0
        # An incremental build converts a third of the articles; kill within its length.
        window = max(durations) * 0.6
        print(
            f"{args.articles} articles; clean builds {[round(d, 2) for d in durations]} s",
            flush=True,
        )
        equal = killed = leftovers = hung = 0
        for trial in range(args.trials):
            before = rng.choice([n for n in range(3) if n != built])
            switch(src, versions[before])
            how = "SIGKILL build"
            if args.signals:
                how = rng.choice(["SIGKILL build", "SIGKILL build", "SIGINT build", "kill worker"])
            delay = rng.uniform(0.0, window)
            process = subprocess.Popen(
                command(src, out),
                env=env,
                stderr=subprocess.DEVNULL,
                start_new_session=how == "SIGINT build",
            )
            time.sleep(delay)
            if process.poll() is None:
                killed += 1
                if how == "kill worker":
                    workers = children(process.pid)
                    if workers:
                        os.kill(rng.choice(workers), signal.SIGKILL)
                    else:
                        process.kill()
                elif how == "SIGINT build":
                    os.killpg(process.pid, signal.SIGINT)
                else:
                    process.kill()
            try:
                process.wait(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                hung += 1
                process.kill()
                process.wait()
            built = rng.choice(range(3))  # the same as before: a revert; another: a change
            switch(src, versions[built])
            try:
                subprocess.run(command(src, out), env=env, check=False, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                hung += 1
            result = snapshot(out)
            temporary = [path for path in result if path.endswith(".tmp")]
            same = {k: v for k, v in result.items() if not k.endswith(".tmp")} == clean[built]
            equal += same
            leftovers += bool(temporary)
            print(
                f"trial {trial}: {how} after {delay:.2f} s, v{before} -> v{built}: "
                f"{'equal' if same else 'DIFFERENT'}{', temporary files' if temporary else ''}; "
                f"so far {equal} of {trial + 1} equal",
                flush=True,
            )
            if not same:
                wrong = {
                    path
                    for path in set(result) | set(clean[built])
                    if result.get(path) != clean[built].get(path)
                }
                print(
                    f"trial {trial}: {how} after {delay:.2f} s, v{before} -> v{built}: "
                    f"{len(wrong)} files differ, e.g. {sorted(wrong)[:3]}"
                )
        print(
            f"{equal} of {args.trials} outputs equal to a clean build; {killed} builds killed "
            f"while running; {leftovers} with temporary files left; {hung} hung past "
            f"{args.timeout:.0f} s"
        )
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
