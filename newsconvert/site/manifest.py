"""The build manifest: what the builds made, so the next one redoes only what changed.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-manifest`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsconvert.errors import NewsconvertError
from newsconvert.output import atomic_text_file, cannot_write
from newsconvert.site.index import IndexEntry

MANIFEST_NAME = ".newsconvert-manifest.jsonl"
"""The manifest's file name inside OUT."""

LEGACY_MANIFEST_NAME = ".newsconvert-manifest.json"
"""The manifest of newsconvert before the journal (one JSON object); read once, to know the
files it recorded, and removed by the next compaction."""

MANIFEST_FORMAT = 2
"""Bumped when the manifest's layout changes; a manifest of another format is not trusted."""


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What one source file produced in the last build."""

    source_hash: str
    """SHA-256 (hex) of the source file's bytes; empty when its files may have been replaced
    since (a build was interrupted while writing them), which no source matches."""
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
    _text: str = field(default="", init=False, repr=False, compare=False)
    """:meth:`json_text`, once made or known."""

    def to_json(self) -> dict[str, Any]:
        """The record as JSON data."""
        return {
            "hash": self.source_hash,
            "slug": self.slug,
            "outputs": list(self.outputs),
            "fingerprint": self.fingerprint,
            "entry": self.entry.to_json(),
        }

    def json_text(self) -> str:
        """:meth:`to_json` as the manifest writes it, made once: a record is journaled when it
        is made and written again when the manifest is compacted, maybe by another process
        (see :meth:`remember_text`)."""
        if not self._text:
            object.__setattr__(self, "_text", _dumps(self.to_json()))
        return self._text

    def remember_text(self, text: str) -> None:
        """Take ``text`` as :meth:`json_text`: what the process that made this record made of
        it (a worker sends it with the record)."""
        object.__setattr__(self, "_text", text)

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
    need not be written again. Empty after an interrupted build."""
    stale: set[str] = field(default_factory=set)
    """Files a build wrote that a record may no longer claim: removed at the end of a build
    unless a record claims them then."""
    problem: str | None = field(default=None, compare=False)
    """Why the manifest could not be trusted (``file:line: message``), or ``None``."""
    journaled: bool = field(default=False, compare=False)
    """Whether lines were appended since the last compaction (a build did not finish)."""

    def begin(self, path: str, outputs: Iterable[str]) -> None:
        """The article at ``path`` is about to write ``outputs``: its record no longer vouches
        for its files, and those files are known."""
        previous = self.articles.get(path)
        if previous is not None and previous.source_hash:
            self.articles[path] = dataclasses.replace(previous, source_hash="")
        self.stale.update(outputs)

    def land(self, path: str, record: ArticleRecord) -> None:
        """The article at ``path`` wrote all of ``record``'s files."""
        previous = self.articles.get(path)
        if previous is not None:
            self.stale.update(previous.outputs)
        self.articles[path] = record

    def forget(self, path: str) -> None:
        """The source at ``path`` is gone: its files are stale."""
        previous = self.articles.pop(path, None)
        if previous is not None:
            self.stale.update(previous.outputs)

    def claimed(self) -> set[str]:
        """Every file some record claims."""
        return {output for record in self.articles.values() for output in record.outputs}

    def lines(self) -> Iterator[str]:
        """The compacted manifest, one line each, keys sorted so that the same build gives the
        same bytes; no copy of the whole manifest is held."""
        head = {
            "format": MANIFEST_FORMAT,
            "records": len(self.articles),
            "site_fingerprint": self.site_fingerprint,
            "site_outputs": list(self.site_outputs),
            "stale": sorted(self.stale),
        }
        yield _dumps(head) + "\n"
        for path in sorted(self.articles):
            yield done_line(path, self.articles[path])

    def to_text(self) -> str:
        """The compacted manifest as text (what :func:`save_manifest` writes)."""
        return "".join(self.lines())


_ENCODER = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False
)
"""Made once: :func:`json.dumps` with these options makes an encoder per call, twice per
article of a build (its journal lines). The values are plain JSON data made here, never
circular: the encoder need not keep track of the containers it is in."""


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def begin_line(path: str, outputs: Iterable[str]) -> str:
    """The journal line saying the article at ``path`` is about to write ``outputs``."""
    return _dumps(["begin", path, list(outputs)]) + "\n"


def done_line(path: str, record: ArticleRecord) -> str:
    """The journal line recording that the article at ``path`` wrote ``record``'s files."""
    # What _dumps(["done", path, record.to_json()]) gives, with the record's text made once.
    return f'["done",{_dumps(path)},{record.json_text()}]\n'


class Journal:
    """Appends lines to the manifest in ``out_dir``; one per process that converts articles.

    Each line goes out in one ``write`` to a file opened with ``O_APPEND``: the system puts it
    at the end whole, whatever other processes append at the same time.
    """

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        try:
            self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as error:
            raise cannot_write(self.path, error) from None

    def append(self, line: str) -> None:
        """Append ``line`` (which ends with a newline); raises :class:`NewsconvertError` if it
        cannot be written."""
        if self._fd is None:
            raise NewsconvertError("the journal is closed", source=str(self.path))
        data = line.encode("utf-8")
        try:
            written = os.write(self._fd, data)
            if written != len(data):  # only a full disk makes a regular file take less
                raise OSError(28, os.strerror(28))
        except OSError as error:
            raise cannot_write(self.path, error) from None

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def load_manifest(out_dir: Path) -> Manifest:
    """The manifest in ``out_dir`` with its journal replayed; an empty one if there is none.

    A manifest that cannot be read or trusted is not an error: the records that can be read are
    returned with their hashes cleared (every article is converted again, and the files of
    sources now gone are still removed), and :attr:`Manifest.problem` says what was wrong.
    """
    path = out_dir / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _load_legacy(out_dir)
    except OSError as error:
        return Manifest(problem=f"{path}: cannot read: {error.strerror or error}")
    return parse_manifest(data, str(path))


def parse_manifest(data: bytes, path: str) -> Manifest:
    """The manifest whose bytes are ``data`` (named ``path`` in problems), journal replayed;
    see :func:`load_manifest`."""
    manifest = Manifest()
    lines = data.split(b"\n")
    lines.pop()  # empty after the final newline; else a line cut short by a kill
    compacted = 0
    shared: dict[str, str] = {}  # every record of a build shares one fingerprint string
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line)
            if number == 1:
                if not isinstance(value, dict) or value.get("format") != MANIFEST_FORMAT:
                    raise ValueError("not a manifest of this version of newsconvert")
                compacted = int(value["records"])
                manifest.site_outputs = tuple(str(path) for path in value["site_outputs"])
                manifest.site_fingerprint = str(value["site_fingerprint"])
                manifest.stale.update(str(path) for path in value["stale"])
                continue
            kind, source, detail = value
            if kind == "done":
                print_ = detail["fingerprint"]
                detail["fingerprint"] = shared.setdefault(print_, print_)
                manifest.land(str(source), ArticleRecord.from_json(detail))
            elif kind == "begin":
                manifest.begin(str(source), (str(output) for output in detail))
            else:
                raise ValueError(f"unknown line kind {kind!r}")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            if manifest.problem is None:
                # A ValueError of this loop's own says what it found; anything else is damage.
                reason = error if type(error) is ValueError else "corrupt line"
                manifest.problem = f"{path}:{number}: {reason}"
    if len(lines) > 1 + compacted:
        manifest.journaled = True
        manifest.site_fingerprint = ""
    elif len(lines) < 1 + compacted and manifest.problem is None:
        # A compacted manifest is written whole (renamed into place): only damage shortens it.
        manifest.problem = f"{path}:{len(lines) + 1}: cut short, {compacted} records expected"
    if manifest.problem is not None:
        _distrust(manifest)
    return manifest


def _distrust(manifest: Manifest) -> None:
    # Keep the records for the files they name, but match no source with them.
    for path, record in manifest.articles.items():
        manifest.articles[path] = dataclasses.replace(record, source_hash="")
    manifest.site_fingerprint = ""


def _load_legacy(out_dir: Path) -> Manifest:
    """The manifest of an older newsconvert (:data:`LEGACY_MANIFEST_NAME`), or an empty one."""
    path = out_dir / LEGACY_MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data["articles"].items()
        manifest = Manifest(
            articles={str(path): ArticleRecord.from_json(record) for path, record in records},
            site_outputs=tuple(str(path) for path in data.get("site_outputs", ())),
        )
    except FileNotFoundError:
        return Manifest()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest(problem=f"{path}: cannot be read")
    _distrust(manifest)
    return manifest


def save_manifest(out_dir: Path, manifest: Manifest) -> None:
    """Write the compacted manifest atomically into ``out_dir``
    (:func:`newsconvert.output.atomic_text_file`: temporary file + rename), streaming it record
    by record: a build's manifest is about a kilobyte per article, and it is written once the
    build holds every record, when memory is at its highest. This also ends the journal. Raises
    :class:`NewsconvertError` naming the file if it cannot be written; the previous manifest and
    its journal are then untouched."""
    target = out_dir / MANIFEST_NAME
    with atomic_text_file(target) as handle:
        handle.writelines(manifest.lines())
    with contextlib.suppress(OSError):
        (out_dir / LEGACY_MANIFEST_NAME).unlink()


def hash_file(path: Path) -> str | None:
    """SHA-256 (hex) of the file's bytes, or ``None`` if it cannot be read (the conversion
    will then report why)."""
    try:
        # Without waiting, and only a regular file: a pipe put in a source's place must not
        # hang the build (the conversion then reports what it is).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
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
