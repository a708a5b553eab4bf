"""Parsing accuracy on the development corpus, scored against its labels.

Usage::

    python benchmarks/accuracy.py [CORPUS_DIR] [--misses N] [--set NAME=VALUE ...]
    python benchmarks/accuracy.py [CORPUS_DIR] --sweep NAME=A,B,C [--set NAME=VALUE ...]

``--set`` changes a parser threshold (a field of :class:`newsconvert.parser.Heuristics`) for
the run; ``--sweep`` scores each value of one threshold in turn and prints, per source and
field, the rate for every value side by side (the default value marked ``*``).

``CORPUS_DIR`` defaults to ``../shared/corpus`` beside the checkout. Scores, per source and per
field (targets from issue 6):

- ``headline``: exact match with the label (BBC line 1; Reuters SGML ``<TITLE>``);
- ``dateline`` (Reuters): place and date as in the label's ``<DATELINE>``;
- ``signoff`` (Reuters, where the label says the story ends with ``Reuter``): recognised as a
  credit;
- ``paragraphs`` (BBC): body units equal to ``paragraph_lines`` (the non-blank lines after the
  headline). A unit is a paragraph, blockquote, heading, embed, aside or list item (list items
  counted as lines), a table counting its lines; a line taken as a standfirst, byline, credit
  or timestamp, or two lines joined into one paragraph, is a miss;
- ``dateline`` (newspaper): for files whose first paragraphs open with a wire dateline by a
  yardstick pattern kept deliberately independent of the parser's own rules (a place in
  capitals and/or an agency in brackets, then a dash), ``Article.dateline`` must be found;
- ``indian/<site>`` (from ``indian/labels.jsonl``, issue 10): ``headline`` exact or ``null``;
  ``dateline`` the place only (or ``null``); ``byline`` the name among the bylines' names (or no
  byline); ``credit`` the exact credit line among the credits (or no credit); ``chrome`` the
  lines set aside as chrome or cross-links, in file order, equal to ``chrome_lines``. Texts are
  compared in NFC, since the scrapes write the nukta letters both ways.

Prints a table and the misses; exits 1 when a target is not met.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsconvert.errors import NewsconvertError
from newsconvert.parser import Heuristics, parse, parse_with_trace
from newsconvert.tree import Article, BulletList, Preformatted

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

TARGETS: dict[tuple[str, str], float] = {
    ("bbc", "headline"): 1.0,
    ("reuters", "headline"): 1.0,
    ("reuters", "dateline"): 1.0,
    ("reuters", "signoff"): 1.0,
    ("bbc", "paragraphs"): 0.97,
    ("newspaper", "dateline"): 1.0,
}
INDIAN_FIELDS = ("headline", "dateline", "byline", "credit", "chrome")
INDIAN_SITES = ("amarujala", "bhaskar", "lallantop", "ndtv", "zeenews")
TARGETS.update(
    {(f"indian/{site}", name): 1.0 for site in INDIAN_SITES for name in INDIAN_FIELDS}
)  # issue 10: every label right
SET_ASIDE_ROLES = frozenset({"chrome", "crosslink"})
"""Trace roles that count as a line set aside from the body as site furniture."""

# The yardstick for "this file opens with a wire dateline": capitals then an optional
# ``, State`` and an optional ``(Agency)``, then a dash; or ``(Agency)`` and a dash alone.
_YARDSTICK = re.compile(
    r"(?:[A-Z][A-Z.'/ ]{1,40}[A-Z.](?:, [A-Z][A-Za-z./ ]{1,30})?(?: \([A-Za-z0-9 ]{2,20}\))?"
    r"|\([A-Za-z0-9 ]{2,20}\)) ?(?:--|\u2014|\u2013|-) \S"
)


@dataclass
class Score:
    """Hits and misses for one (source, field)."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        if ok:
            self.hits += 1
        else:
            self.misses.append(miss)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0


def read_text(path: Path) -> str:
    """The file's text: UTF-8, else ISO-8859-1 (one BBC file is Latin-1)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def body_units(article: Article) -> int:
    """Body units as the BBC label counts lines (see the module docstring)."""
    units = 0
    for section in article.sections:
        if section.heading is not None:
            units += 1
        for block in section.blocks:
            if isinstance(block, BulletList):
                units += len(block.items)
            elif isinstance(block, Preformatted):
                units += block.text.count("\n") + 1
            else:
                units += 1
    return units


def _dateline_matches(article: Article, label: str) -> bool:
    """Whether the dateline found gives the label's place and date.

    The label is the dateline as printed, without its dash: ``PORTLAND, Ore., Feb 26`` but
    also ``RICHMOND, Va. Feb 26`` (no comma before the date).
    """
    dateline = article.dateline
    if dateline is None:
        return False
    written = dateline.text.rstrip(" -\u2013\u2014:")
    joined = ", ".join(part for part in (dateline.place, dateline.date) if part)
    return label in (written, joined)


def opens_with_dateline(text: str) -> bool:
    """The yardstick: one of the first three non-blank lines opens with a wire dateline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:3]
    return any(_YARDSTICK.match(line) for line in lines)


def score(corpus: Path, h: Heuristics | None = None) -> dict[tuple[str, str], Score]:
    """Parse every labelled file (and every newspaper file) and score it."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text().splitlines()]
    for label in labels:
        path = corpus / label["file"]
        source = label["source"]
        name = label["file"]
        try:
            article = parse(read_text(path), source=name, heuristics=h)
        except NewsconvertError as error:
            for key in ("headline", "dateline", "signoff", "paragraphs"):
                if key in label or (key == "paragraphs" and "paragraph_lines" in label):
                    scores[source, key].add(False, f"{name}: {error}")
            continue
        headline = article.headline.text if article.headline is not None else None
        scores[source, "headline"].add(
            headline == label["headline"], f"{name}: {headline!r} != {label['headline']!r}"
        )
        if "dateline" in label:
            found = article.dateline
            scores[source, "dateline"].add(
                _dateline_matches(article, label["dateline"]),
                f"{name}: {found!r} != {label['dateline']!r}",
            )
        if label.get("signoff"):
            credits = [credit.text for credit in article.credits]
            scores[source, "signoff"].add(
                any("reuter" in text.lower() for text in credits), f"{name}: credits {credits}"
            )
        if "paragraph_lines" in label:
            units = body_units(article)
            scores[source, "paragraphs"].add(
                units == label["paragraph_lines"],
                f"{name}: {units} body units != {label['paragraph_lines']} lines",
            )
    for path in sorted((corpus / "newspaper").glob("*.txt")):
        text = read_text(path)
        if not opens_with_dateline(text):
            continue
        name = path.relative_to(corpus).as_posix()
        try:
            article = parse(text, source=name, heuristics=h)
        except NewsconvertError as error:
            scores["newspaper", "dateline"].add(False, f"{name}: {error}")
            continue
        scores["newspaper", "dateline"].add(
            article.dateline is not None, f"{name}: no dateline found"
        )
    score_indian(corpus, scores, h)
    return scores


def _nfc(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFC", text)


def score_indian(
    corpus: Path, scores: dict[tuple[str, str], Score], h: Heuristics | None = None
) -> None:
    """Score ``indian/labels.jsonl`` (see the module docstring), one source per site folder."""
    labels_path = corpus / "indian" / "labels.jsonl"
    if not labels_path.is_file():
        return
    for raw in labels_path.read_text(encoding="utf-8").splitlines():
        label = json.loads(raw)
        name = label["file"]
        source = "indian/" + name.split("/", 1)[0]
        try:
            article, roles = parse_with_trace(
                read_text(corpus / "indian" / name), source=name, heuristics=h
            )
        except NewsconvertError as error:
            for key in INDIAN_FIELDS:
                scores[source, key].add(False, f"{name}: {error}")
            continue
        headline = article.headline.text if article.headline is not None else None
        _add(scores[source, "headline"], name, headline, label["headline"])
        place = article.dateline.place if article.dateline is not None else None
        _add(scores[source, "dateline"], name, place, label["dateline"])
        names = [_nfc(person) for byline in article.bylines for person in byline.names]
        wanted = _nfc(label["byline"])
        scores[source, "byline"].add(
            wanted in names if wanted is not None else not names,
            f"{name}: {names} != {label['byline']!r}",
        )
        credits = [_nfc(credit.text) for credit in article.credits]
        wanted = _nfc(label["credit"])
        scores[source, "credit"].add(
            wanted in credits if wanted is not None else not credits,
            f"{name}: {credits} != {label['credit']!r}",
        )
        chrome = [_nfc(role.text) for role in roles if role.role in SET_ASIDE_ROLES]
        expected = [_nfc(line) for line in label["chrome_lines"]]
        missing = [line for line in expected if line not in chrome]
        extra = [line for line in chrome if line not in expected]
        scores[source, "chrome"].add(
            chrome == expected, f"{name}: not set aside {missing}; set aside wrongly {extra}"
        )


def _add(result: Score, name: str, found: str | None, wanted: str | None) -> None:
    result.add(_nfc(found) == _nfc(wanted), f"{name}: {found!r} != {wanted!r}")


def report(scores: dict[tuple[str, str], Score], misses: int) -> bool:
    """Print the table and the misses; return whether every target is met."""
    print(f"{'source':<17} {'field':<11} {'hits':>5} {'total':>5} {'rate':>7} {'target':>7}")
    met = True
    for (source, name), result in sorted(scores.items()):
        target = TARGETS.get((source, name))
        ok = target is None or result.rate >= target
        met &= ok
        target_text = f"{target:.0%}" if target is not None else "-"
        flag = "" if ok else "  MISSED"
        print(
            f"{source:<17} {name:<11} {result.hits:>5} {result.total:>5} "
            f"{result.rate:>7.1%} {target_text:>7}{flag}"
        )
    for (source, name), result in sorted(scores.items()):
        if result.misses:
            print(f"\nmisses: {source} {name}")
            for miss in result.misses[:misses]:
                print(f"  {miss}")
    return met


def main(argv: Sequence[str] | None = None) -> int:
    """Score the corpus; exit status 0 when every target is met."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--misses", type=int, default=20, help="misses listed per field")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a parser threshold (a Heuristics field) for the run; repeatable",
    )
    parser.add_argument(
        "--sweep", metavar="NAME=A,B,C", help="score each value of one threshold in turn"
    )
    options = parser.parse_args(argv)
    if not (options.corpus / "labels.jsonl").is_file():
        print(f"{options.corpus}: no labels.jsonl here", file=sys.stderr)
        return 2
    try:
        h = Heuristics().with_values(**dict(_pair(item) for item in options.set))
        if options.sweep:
            name, values = _pair(options.sweep)
            runs = {value: h.with_values(**{name: value}) for value in values.split(",")}
    except (KeyError, ValueError) as error:
        names = ", ".join(Heuristics._fields)
        print(f"not a threshold or not a number: {error} (thresholds: {names})", file=sys.stderr)
        return 2
    if options.sweep:
        sweep_report(name, {value: score(options.corpus, run) for value, run in runs.items()}, h)
        return 0
    return 0 if report(score(options.corpus, h), options.misses) else 1


def _pair(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals:
        raise ValueError(text)
    return name.strip(), value.strip()


def sweep_report(name: str, runs: dict[str, dict[tuple[str, str], Score]], h: Heuristics) -> None:
    """Print, per source and field, the rate for each value of threshold ``name``."""
    default = getattr(h, name)
    labels = [f"{value}{'*' if float(value) == default else ''}" for value in runs]
    print(f"{name}: " + ", ".join(labels) + "  (* the value without --sweep)")
    print(f"{'source':<17} {'field':<11} " + " ".join(f"{label:>9}" for label in labels))
    keys = sorted({key for scores in runs.values() for key in scores})
    for source, measure in keys:
        rates = [scores.get((source, measure)) for scores in runs.values()]
        cells = [f"{rate.hits:>4}/{rate.total:<4}" if rate else f"{'-':>9}" for rate in rates]
        print(f"{source:<17} {measure:<11} " + " ".join(cells).rstrip())


if __name__ == "__main__":
    sys.exit(main())
