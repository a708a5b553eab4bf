"""Slugs: the output path of each article, safe on every file system and stable between builds.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-slugs`).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

from newsconvert.formats import split_suffix

MAX_SEGMENT = 64
"""The longest segment a slug may have; leaves room for a suffix and ``.html`` under the
255-byte name limit of common file systems, and keeps URLs readable."""

EMPTY_SEGMENT = "article"
"""The segment used when nothing of a name survives transliteration (only punctuation or
symbols)."""

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
"""Names Windows refuses for a file or folder, whatever the extension (``nul.html`` too)."""

RESERVED_STEMS = frozenset({"index", "feed"})
"""File stems a build writes itself (``index.html``, ``feed.xml``), or that generators read as a
folder's own page (Hugo's and Zola's ``index.md``); an article never takes them."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _fold(text: str) -> str:
    """``text`` in ASCII letters (anyascii), after NFC and without the combining marks that
    anyascii writes as punctuation: a mark belongs to its letter and must not split a word."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)  # ढ़ (U+095D) decomposes: one spelling for both
    kept = (
        char
        for char in text
        if not (unicodedata.category(char)[0] == "M" and not anyascii(char).isalnum())
    )
    return anyascii("".join(kept))


def slugify(text: str, *, max_length: int = MAX_SEGMENT) -> str:
    """One slug segment for ``text``: ASCII letters, digits and single inner hyphens.

    >>> slugify("Café Déjà-vu: 2019 Review!")
    'cafe-deja-vu-2019-review'
    """
    # anyascii writes every script in ASCII letters (é -> e, ж -> zh, 北京 -> BeiJing), so a name
    # in any language keeps a readable, distinct slug.
    folded = _fold(text)
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        # Cut at the last hyphen so no word is chopped, unless that would leave too little.
        hyphen = cut.rfind("-")
        slug = (cut[:hyphen] if hyphen >= max_length // 2 else cut).strip("-")
    if not slug:
        slug = EMPTY_SEGMENT
    if slug in WINDOWS_RESERVED:
        slug = f"{slug}-{EMPTY_SEGMENT}"
    return slug


@lru_cache(maxsize=4096)
def _folder_slug(folder: str) -> str:
    # Many articles share a folder: slugify each folder path once.
    return "/".join(slugify(part) for part in folder.split("/"))


def path_slug(relative_path: str) -> str:
    """The slug for a source file at ``relative_path`` (POSIX, relative to SRC), before
    collisions are settled: one segment per folder, the file's stem last.

    >>> path_slug("World News/Asia/Story 1.txt")
    'world-news/asia/story-1'
    """
    folder, _, name = relative_path.rpartition("/")
    slug = slugify(split_suffix(name)[0])
    if slug in RESERVED_STEMS:
        slug = f"{slug}-{EMPTY_SEGMENT}"
    return f"{_folder_slug(folder)}/{slug}" if folder else slug


def _disambiguated(slug: str, relative_path: str, taken: set[str]) -> str:
    # A short hash of the source path: the same file always gets the same suffix, whatever other
    # files are in the build. Longer when even that is taken (a file named like another's
    # suffixed slug), then numbered: no two sources ever share a page.
    digest = hashlib.sha256(relative_path.encode("utf-8")).hexdigest()
    candidates = (f"{slug}-{digest[:length]}" for length in (8, 16, 64))
    numbered = (f"{slug}-{digest}-{number}" for number in itertools.count(2))
    for candidate in itertools.chain(candidates, numbered):
        folded = candidate.casefold()
        if folded not in taken and folded.replace("/", "-") not in taken:
            return candidate
    raise AssertionError("unreachable: the numbers never run out")


def assign_slugs(relative_paths: Iterable[str]) -> dict[str, str]:
    """Map every source path to a slug unique within the build (compared without case, since
    macOS and Windows file systems ignore case).

    Paths are taken in sorted order; the first path to claim a slug keeps it, later ones get a
    suffix derived from their own path. The result depends only on the set of paths. A slug's
    flat form (folders joined by ``-``: ``a/b-c`` and ``a-b/c`` are both ``a-b-c``) is unique
    too, since Jekyll, Pelican, Material's blog and Zola name posts by it
    (:func:`newsconvert.site.frontmatter.flat_slug`).
    """
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for relative_path in sorted(relative_paths):
        slug = path_slug(relative_path)
        flat = slug.replace("/", "-").casefold()
        if slug.casefold() in taken or flat in taken:
            slug = _disambiguated(slug, relative_path, taken)
            flat = slug.replace("/", "-").casefold()
        taken.update((slug.casefold(), flat))
        slugs[relative_path] = slug
    return slugs
