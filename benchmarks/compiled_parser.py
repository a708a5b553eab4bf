"""The parser compiled with mypyc next to the pure-Python parser: the same trees, and the speed.

    python benchmarks/compiled_parser.py [--rounds 5] [--check] [--keep DIR]

Builds the compiled wheel the way a user or a release does (``HATCH_BUILD_HOOK_ENABLE_MYPYC=true
pip wheel``, the hatch-mypyc hook configured in ``pyproject.toml``, which names the modules it
compiles) from a copy of the sources, installs it into a scratch folder next to a plain copy of
``newsconvert/``, and runs child processes of this interpreter on both:

- every article of the corpus (``../shared/corpus``) is parsed by both, with its trace: the
  trees, traces and errors must be identical, or the script exits 1;
- each round times, in CPU time (the machine may be shared), importing the parser and parsing
  the reference article and each corpus folder; the rounds alternate pure and compiled and the
  medians are printed.

``--check`` stops after the comparison (what ``tests/test_parser_compiled.py`` runs). Needs
hatchling and hatch-mypyc (in the test extra, the build runs without isolation) and a C compiler.
The scratch folder is removed afterwards unless ``--keep`` names a folder for it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
FOLDERS = ("indian", "bbc", "reuters", "newspaper")
BUILD_INPUTS = ("pyproject.toml", "README.md", "newsconvert", "templates")
"""What the wheel is built from (the rest of the checkout is not needed)."""

# Run in a child: every corpus article through parse_with_trace, printed as a repr per article.
_TREES = r"""
import sys
from pathlib import Path
from newsconvert.source import read_source
from newsconvert.parser import parse_with_trace
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = read_source(path).text
    for layout in (None, "lines", "blocks", "wrapped"):
        try:
            article, trace = parse_with_trace(text, source=path.name, layout=layout)
            print(path, layout, repr(article), repr(trace))
        except Exception as error:
            print(path, layout, type(error).__name__, error)
"""

# Run in a child: CPU milliseconds to import the parser (its dependencies outside the parser
# loaded first), to parse the reference article (per article, in microseconds) and each folder.
_TIMES = r"""
import sys, time
import newsconvert.errors, newsconvert.source, newsconvert.tree
started = time.process_time()
import newsconvert.parser
imported = (time.process_time() - started) * 1000
from pathlib import Path
from newsconvert.source import read_source
from newsconvert.parser import parse
corpus = Path(sys.argv[1])

def cpu(texts, repeat):
    for text in texts:  # first use: patterns compiled, data read
        parse(text)
    started = time.process_time()
    for _ in range(repeat):
        for text in texts:
            parse(text)
    return (time.process_time() - started) / repeat

reference = [read_source(corpus / "000_37575f6eff0020da.txt").text]
figures = [imported, cpu(reference, 200) * 1e6]
for folder in sys.argv[2:]:
    texts = [read_source(path).text for path in sorted((corpus / folder).rglob("*.txt"))]
    figures.append(cpu(texts, 3) * 1000)
print(*figures)
"""


def build_compiled(scratch: Path, target: Path) -> None:
    """Build the compiled wheel from a copy of the sources in ``scratch`` and install it into
    ``target``. The copy keeps the checkout clean: the hook leaves its extension modules beside
    the sources it compiled, where they would shadow later edits."""
    sources = scratch / "src"
    for name in BUILD_INPUTS:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, sources / name, ignore=_no_caches)
        else:
            sources.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, sources / name)
    wheels = scratch / "wheels"
    environment = {**os.environ, "HATCH_BUILD_HOOK_ENABLE_MYPYC": "true"}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(sources)],
        environment,
    )
    _run(
        [*pip, "install", "--no-deps", "--target", str(target), *map(str, wheels.glob("*.whl"))],
        environment,
    )


def _run(command: list[str], environment: dict[str, str]) -> None:
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"building the compiled wheel failed:\n{done.stderr[-3000:]}")


def compiled_modules(package: Path) -> list[Path]:
    """The parser modules that came out compiled (extension modules) in an installed copy."""
    return sorted((package / "parser").glob("*.so")) + sorted((package / "parser").glob("*.pyd"))


def _no_caches(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name == "__pycache__" or name.endswith(".so")]


def child(copy: Path, script: str, *argv: str) -> str:
    """Run ``script`` with the ``newsconvert`` of ``copy``; its standard output."""
    environment = {**os.environ, "PYTHONPATH": str(copy)}
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        env=environment,
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed: {done.stderr[-3000:]}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved timing rounds")
    parser.add_argument("--check", action="store_true", help="compare the trees only")
    parser.add_argument("--keep", type=Path, help="folder to build the copies in and keep")
    options = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"compiled_parser: no corpus at {CORPUS}", file=sys.stderr)
        return 2
    scratch = options.keep or Path(tempfile.mkdtemp(prefix="newsconvert-mypyc-"))
    pure, compiled = scratch / "pure", scratch / "compiled"
    try:
        shutil.copytree(REPO / "newsconvert", pure / "newsconvert", ignore=_no_caches)
        started = time.perf_counter()
        build_compiled(scratch, compiled)
        built = time.perf_counter() - started
        for copy in (pure, compiled):  # byte code for what stays interpreted, as installs have
            compileall.compile_dir(copy / "newsconvert", quiet=1)
        modules = len(compiled_modules(compiled / "newsconvert"))
        if modules == 0:
            print("compiled_parser: the wheel holds no compiled parser module", file=sys.stderr)
            return 1
        print(f"mypyc: {modules} parser modules compiled in {built:.0f} s (wall)")
        if child(pure, _TREES, str(CORPUS)) != child(compiled, _TREES, str(CORPUS)):
            print("compiled_parser: the compiled parser's trees differ", file=sys.stderr)
            return 1
        print("trees, traces and errors identical on every corpus article, in every layout")
        if options.check:
            return 0
        rows: dict[str, list[list[float]]] = {"pure": [], "compiled": []}
        for _ in range(max(1, options.rounds)):
            for name, copy in (("pure", pure), ("compiled", compiled)):
                output = child(copy, _TIMES, str(CORPUS), *FOLDERS)
                rows[name].append([float(figure) for figure in output.split()])
        load = os.getloadavg()[0]
        print(f"\nCPU time, median of {options.rounds} interleaved rounds, load {load:.1f}")
        header = ["import ms", "reference µs", *(f"{folder} ms" for folder in FOLDERS)]
        print(f"  {'':<10}" + "".join(f"{title:>14}" for title in header))
        medians = {
            name: [statistics.median(column) for column in zip(*runs, strict=True)]
            for name, runs in rows.items()
        }
        for name, figures in medians.items():
            print(f"  {name:<10}" + "".join(f"{figure:>14.1f}" for figure in figures))
        ratios = [c / p for p, c in zip(medians["pure"], medians["compiled"], strict=True)]
        print(f"  {'ratio':<10}" + "".join(f"{ratio:>14.2f}" for ratio in ratios))
    finally:
        if options.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
