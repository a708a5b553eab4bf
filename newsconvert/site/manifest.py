"""The build manifest: what the last build made, so the next one redoes only what changed.

It lives in OUT as :data:`MANIFEST_NAME` (a dot-file, which Hugo, Jekyll, MkDocs and web
servers all leave alone) and records, per source file: the SHA-256 of its bytes, its slug, the
files it produced and its index entry. A rerun hashes each source and compares: an unchanged
article is neither read by the parser nor rendered. Each record also holds the *fingerprint*
of everything else that shaped the output: the options, the contents of every template folder,
and the newsconvert version; when it differs from the current one, the article is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsconvert.errors import NewsconvertError
from newsconvert.site.index import IndexEntry

MANIFEST_NAME = ".newsconvert-manifest.json"
"""The manifest's file name inside OUT."""

MANIFEST_FORMAT = 1
"""Bumped when the manifest's layout changes; a manifest of another format is ignored."""


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What one source file produced in the last build."""

    source_hash: str
    """SHA-256 (hex) of the source file's bytes."""
    slug: str
    """The slug the article was built under."""
    outputs: tuple[str, ...]
    """Files written for it, POSIX paths relative to OUT."""
    fingerprint: str
    """The fingerprint of the options and templates it was built with (see
    :func:`fingerprint`). Kept per article: one that failed under new options keeps its old
    record, and so is retried by the next build."""
    entry: IndexEntry
    """Its index entry: what the index page and the feed show of it."""

    def to_json(self) -> dict[str, Any]:
        """The record as JSON data."""
        return {
            "hash": self.source_hash,
            "slug": self.slug,
            "outputs": list(self.outputs),
            "fingerprint": self.fingerprint,
            "entry": self.entry.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ArticleRecord:
        """A record from :meth:`to_json`'s data; raises ``KeyError``/``TypeError`` if malformed."""
        return cls(
            source_hash=str(data["hash"]),
            slug=str(data["slug"]),
            outputs=tuple(str(path) for path in data["outputs"]),
            fingerprint=str(data["fingerprint"]),
            entry=IndexEntry.from_json(data["entry"]),
        )


@dataclass(slots=True)
class Manifest:
    """The records of a build, keyed by source path (POSIX, relative to SRC)."""

    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    """One record per source file that was built successfully."""
    site_outputs: tuple[str, ...] = ()
    """Files written for the whole site (``index.html``, ``feed.xml``)."""
    site_fingerprint: str = ""
    """The fingerprint of everything that shaped the site files besides the articles (title,
    base URL, feed size, options, templates); with the same articles and this unchanged, they
    need not be written again."""

    def lines(self) -> Iterator[str]:
        """The manifest as JSON text, one piece per article, keys sorted so that the same build
        gives the same bytes."""
        # One line per article, encoded record by record: readable in a diff, and no copy of
        # the whole manifest (as dicts, or as one string) is ever held.
        head = {
            "format": MANIFEST_FORMAT,
            "site_fingerprint": self.site_fingerprint,
            "site_outputs": list(self.site_outputs),
        }
        yield _dumps(head)[:-1] + ',"articles":{'
        for index, path in enumerate(sorted(self.articles)):
            comma = "," if index else ""
            yield f"\n{comma}{_dumps(path)}:{_dumps(self.articles[path].to_json())}"
        yield "\n}}\n"

    def to_text(self) -> str:
        """The manifest as JSON text (what :func:`save_manifest` writes)."""
        return "".join(self.lines())


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def load_manifest(out_dir: Path) -> Manifest:
    """The manifest in ``out_dir``, or an empty one if there is none or it cannot be read.

    An unreadable manifest only costs a full rebuild, so it is not an error.
    """
    try:
        return parse_manifest((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest()


def parse_manifest(text: str) -> Manifest:
    """The manifest written as ``text`` (see :meth:`Manifest.lines`), or an empty one if it
    cannot be read."""
    try:
        data = json.loads(text)
        if data.get("format") != MANIFEST_FORMAT:
            return Manifest()
        # Every record of a build shares one fingerprint: keep one string, not one per record.
        shared: dict[str, str] = {}
        for record in data["articles"].values():
            record["fingerprint"] = shared.setdefault(record["fingerprint"], record["fingerprint"])
        return Manifest(
            articles={
                str(path): ArticleRecord.from_json(record)
                for path, record in data["articles"].items()
            },
            site_outputs=tuple(str(path) for path in data.get("site_outputs", ())),
            site_fingerprint=str(data.get("site_fingerprint", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return Manifest()


def save_manifest(out_dir: Path, manifest: Manifest) -> None:
    """Write the manifest atomically into ``out_dir`` (temporary file + rename, as
    :func:`newsconvert.output.write_atomic` does), streaming it record by record: a build's
    manifest is about a kilobyte per article, and it is written once the build holds every
    record, when memory is at its highest. Raises :class:`NewsconvertError` naming the file
    if it cannot be written; the previous manifest is then untouched."""
    target = out_dir / MANIFEST_NAME
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(dir=out_dir, prefix=f".{MANIFEST_NAME}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(manifest.lines())
        # mkstemp creates files readable by the owner only; give it ordinary permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise NewsconvertError(
            f"cannot write: {error.strerror or error}", source=str(target)
        ) from None


def hash_file(path: Path) -> str | None:
    """SHA-256 (hex) of the file's bytes, or ``None`` if it cannot be read (the conversion
    will then report why)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _hash_tree(digest: Any, folder: Path) -> None:
    # Every file's relative path and bytes, in sorted order: adding, removing, renaming or
    # editing any template changes the digest.
    digest.update(b"\0folder\0")
    if not folder.is_dir():
        return
    for root, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(root) / name
            digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\0unreadable")


def fingerprint(options: Mapping[str, Any], template_folders: Iterable[Path]) -> str:
    """A digest of the build ``options`` (JSON-able) and the contents of ``template_folders``."""
    digest = hashlib.sha256()
    digest.update(json.dumps(options, sort_keys=True).encode("utf-8"))
    for folder in template_folders:
        _hash_tree(digest, folder)
    return digest.hexdigest()
