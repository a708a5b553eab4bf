"""How fast each format reads back into the tree, next to the plain-text parser on the same article.

    python benchmarks/readers.py [--corpus PATH] [--repeat N] [--standalone]

For every article of the corpus: parse the plain text (timed: the ``text`` column), render it
to Markdown, reST, HTML and JSON (not timed), then time reading each output back with
:func:`newsconvert.readers.read`. Each figure is the median of ``--repeat`` runs of one article
in microseconds; the reference article gets five times as many runs and is shown on its own,
then the median and 90th percentile of the per-article medians over the corpus. A read that
does not give back the parsed tree is counted and reported, so a fast wrong reader shows.

Everything runs on one core with the garbage collector paused while timing, as ``timeit`` does.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported
from core import time_call  # noqa: E402  (the same timer as the core benchmark)

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
REFERENCE_NAME = "000_37575f6eff0020da.txt"
FORMATS = ("md", "rst", "html", "json")
COLUMNS = ("text", *FORMATS)


def measure(path: Path, repeat: int, *, standalone: bool) -> tuple[dict[str, float], list[str]]:
    """Per-format median read times for one article, and the formats that read back wrong."""
    import dataclasses

    from newsconvert import parse, render
    from newsconvert.readers import first_difference, read
    from newsconvert.source import read_source
    from newsconvert.tree import HIDDEN_ASIDES, Aside

    text = read_source(path).text
    article = parse(text, source=str(path))
    times = {"text": time_call(lambda: parse(text), repeat)}
    wrong: list[str] = []
    for fmt in FORMATS:
        output = render(article, fmt, standalone=standalone)
        times[fmt] = time_call(lambda output=output, fmt=fmt: read(output, fmt), repeat)
        expected = article
        if fmt != "json":  # the other formats leave page chrome out unless asked
            expected = dataclasses.replace(
                article,
                sections=tuple(
                    dataclasses.replace(
                        section,
                        blocks=tuple(
                            b
                            for b in section.blocks
                            if not (isinstance(b, Aside) and b.kind in HIDDEN_ASIDES)
                        ),
                    )
                    for section in article.sections
                ),
            )
            expected = dataclasses.replace(
                expected,
                sections=tuple(s for s in expected.sections if s.blocks or s.heading),
            )
        if first_difference(expected, read(output, fmt)) is not None:
            wrong.append(fmt)
    return times, wrong


def row(label: str, figures: dict[str, float]) -> str:
    cells = "".join(f"{figures[column]:>10.0f}" for column in COLUMNS)
    return f"{label:<28}{cells}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=20, help="runs per article (default 20)")
    parser.add_argument("--standalone", action="store_true", help="read standalone documents")
    options = parser.parse_args(argv)
    if not options.corpus.is_dir():
        print(f"no corpus at {options.corpus}", file=sys.stderr)
        return 1
    paths = sorted(p for p in options.corpus.rglob("*.txt") if p.name != "README.TXT")
    kind = "standalone" if options.standalone else "fragment"
    print(f"Python {platform.python_version()} on {platform.machine()}; {kind} outputs")
    print(f"{'median µs per article':<28}" + "".join(f"{c:>10}" for c in COLUMNS))

    reference = options.corpus / REFERENCE_NAME
    if reference.is_file():
        figures, wrong = measure(reference, options.repeat * 5, standalone=options.standalone)
        print(row("reference article", figures))
    per_article: dict[str, list[float]] = {column: [] for column in COLUMNS}
    failures: dict[str, int] = {fmt: 0 for fmt in FORMATS}
    for path in paths:
        figures, wrong = measure(path, options.repeat, standalone=options.standalone)
        for column in COLUMNS:
            per_article[column].append(figures[column])
        for fmt in wrong:
            failures[fmt] += 1
    print(
        row(
            f"corpus median ({len(paths)})",
            {c: statistics.median(v) for c, v in per_article.items()},
        )
    )
    print(
        row(
            "corpus 90th percentile",
            {c: statistics.quantiles(v, n=10)[-1] for c, v in per_article.items()},
        )
    )
    ratio = {
        fmt: statistics.median(
            r / t for r, t in zip(per_article[fmt], per_article["text"], strict=True)
        )
        for fmt in FORMATS
    }
    print(
        "read time / parse time (median over articles): "
        + ", ".join(f"{fmt} {ratio[fmt]:.2f}x" for fmt in FORMATS)
    )
    if any(failures.values()):
        print(
            "did not read back as parsed: "
            + ", ".join(f"{fmt} {count}/{len(paths)}" for fmt, count in failures.items() if count)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
