"""Where a build reads and writes: a local folder, or a folder of an fsspec file system.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-storage`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsconvert.errors import ConfigError, InputError, NewsconvertError
from newsconvert.output import write_bytes_atomic
from newsconvert.source import DEFAULT_MAX_SIZE, check_size, is_url, read_bytes

# Object stores where one PUT replaces an object whole: no temporary object needed.
_SINGLE_PUT = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "memory"}

_HASH_BATCH = 256


def local_path(path: str | os.PathLike[str]) -> Path:
    """A plain path or ``file://`` URL as a local :class:`Path`."""
    text = os.fspath(path)
    if text.lower().startswith("file://"):
        text = text[len("file://") :]
    return Path(text)


def parse_storage_option(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` from ``--storage-option``; VALUE is read as JSON when it is JSON
    (``true``, ``3``, ``{"endpoint_url": "..."}``) and as a string otherwise."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise ValueError(f"expected KEY=VALUE, got {text!r}")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def storage_options_from(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """``--storage-option`` pairs as the keyword arguments of an fsspec file system; dotted
    keys nest (``client_kwargs.endpoint_url=URL`` gives ``{"client_kwargs": {...}}``)."""
    options: dict[str, Any] = {}
    for key, value in pairs:
        target = options
        *parents, last = key.split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        target[last] = value
    return options


def filesystem(url: str, storage_options: Mapping[str, Any] | None = None) -> tuple[Any, str]:
    """The fsspec file system of ``url`` and the path inside it; a :class:`ConfigError` when
    fsspec or the scheme's package is not installed."""
    try:
        from fsspec.core import url_to_fs  # type: ignore[import-untyped]
    except ImportError:
        raise ConfigError(
            "reading or writing URLs needs fsspec: pip install 'newsconvert[dask]'", source=url
        ) from None
    try:
        found: tuple[Any, str] = url_to_fs(url, **dict(storage_options or {}))
        return found
    except (ImportError, ValueError) as error:
        raise ConfigError(f"cannot open: {error}", source=url) from None


def read_url(url: str, storage_options: Mapping[str, Any] | None = None) -> bytes:
    """The bytes of the object at ``url``; :class:`NewsconvertError` naming it on failure."""
    fs, path = filesystem(url, storage_options)
    try:
        data: bytes = fs.cat_file(path)
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read: {_reason(error)}", source=url) from None
    return data


def _reason(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "No such file or directory"
    if isinstance(error, IsADirectoryError):
        return "Is a directory"
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


class Store:
    """A folder that a build reads sources from or writes outputs to; paths are POSIX and
    relative to it."""

    def name(self, relative: str) -> str:
        """How the user would name ``relative`` (in messages and records)."""
        raise NotImplementedError

    def files(
        self,
        include: Sequence[str],
        exclude: Sequence[str],
        *,
        follow_symlinks: bool = False,
        problems: list[Any] | None = None,
    ) -> Iterator[str]:
        """The files taken by ``include``/``exclude`` (see :mod:`newsconvert.site.discover`),
        hidden ones skipped, in sorted order; what was not taken is added to ``problems``."""
        raise NotImplementedError

    def read(self, relative: str, *, max_size: int | None = None) -> bytes:
        """The bytes of ``relative`` (refused when over ``max_size``); :class:`InputError`
        naming it on failure."""
        raise NotImplementedError

    def hash(self, relative: str) -> str | None:
        """SHA-256 (hex) of ``relative``, or ``None`` if it cannot be read."""
        try:
            return hashlib.sha256(self.read(relative)).hexdigest()
        except NewsconvertError:
            return None

    def hashes(self, relatives: Iterable[str]) -> dict[str, str | None]:
        """:meth:`hash` of each of ``relatives``."""
        return {relative: self.hash(relative) for relative in relatives}

    def contains(self) -> Callable[[str], bool]:
        """A test of whether a file exists, for checking many at once."""
        raise NotImplementedError

    def write(self, relative: str, data: bytes) -> None:
        """Replace ``relative`` with ``data`` atomically; :class:`NewsconvertError` on failure."""
        raise NotImplementedError

    def write_lines(self, relative: str, pieces: Iterable[str]) -> None:
        """Replace ``relative`` with the UTF-8 text of ``pieces`` atomically, never holding the
        whole text (a manifest of millions of articles)."""
        raise NotImplementedError

    def remove(self, relative: str) -> bool:
        """Delete ``relative`` if it exists (and folders this empties); whether it is gone."""
        raise NotImplementedError

    def journal(self) -> Any:
        """Where a process converting articles journals them (see
        :class:`newsconvert.site.manifest.Journal`): a context manager with ``append(line)``."""
        raise NotImplementedError

    def existing(self) -> set[str]:
        """Every file under the folder (one listing, for checking many outputs at once)."""
        raise NotImplementedError


class LocalStore(Store):
    """A local folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __repr__(self) -> str:
        return f"LocalStore({str(self.root)!r})"

    def name(self, relative: str) -> str:
        # What ``str(self.root / relative)`` gives for the plain relative paths a build names
        # (see discover), without a path object per article.
        if not relative:
            return str(self.root)
        return self._prefix + relative.replace("/", os.sep)

    @functools.cached_property
    def _prefix(self) -> str:
        # The root as pathlib joins it: "src/", or "" for ".".
        return str(self.root / "_")[:-1]

    def files(
        self,
        include: Sequence[str],
        exclude: Sequence[str],
        *,
        follow_symlinks: bool = False,
        problems: list[Any] | None = None,
    ) -> Iterator[str]:
        from newsconvert.site.discover import discover

        return discover(
            self.root,
            include=include,
            exclude=exclude,
            follow_symlinks=follow_symlinks,
            problems=problems,
        )

    # os.path.join rather than pathlib in read and write: they run for every article.
    def read(self, relative: str, *, max_size: int | None = None) -> bytes:
        path = os.path.join(self.root, relative)
        return read_bytes(path, max_size=max_size or DEFAULT_MAX_SIZE, regular_only=True)

    def hash(self, relative: str) -> str | None:
        from newsconvert.site.manifest import hash_file

        return hash_file(self.root / relative)

    def contains(self) -> Callable[[str], bool]:
        # os.path rather than pathlib: this runs for every article of a no-change build.
        root = os.fspath(self.root)
        return lambda relative: os.path.isfile(os.path.join(root, relative))

    def write(self, relative: str, data: bytes) -> None:
        write_bytes_atomic(os.path.join(self.root, relative), data)

    def remove(self, relative: str) -> bool:
        path = self.root / relative
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            return False
        # Remove folders the build emptied, up to the root itself (which stays).
        parent = path.parent
        while parent != self.root and self.root in parent.parents:
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent
        return True

    def journal(self) -> Any:
        from newsconvert.site.manifest import Journal

        return Journal(self.root)

    def existing(self) -> set[str]:
        found: set[str] = set()
        for folder, _, names in os.walk(self.root):
            prefix = Path(folder).relative_to(self.root).as_posix()
            prefix = "" if prefix == "." else prefix + "/"
            found.update(prefix + name for name in names)
        return found


class RemoteStore(Store):
    """A folder (a prefix) of an fsspec file system. Picklable: workers get a copy."""

    def __init__(self, url: str, storage_options: Mapping[str, Any] | None = None) -> None:
        self.url = url.rstrip("/")
        self.storage_options = dict(storage_options or {})
        self._fs, root = filesystem(self.url, self.storage_options)
        self._pid = os.getpid()
        self.root = root.rstrip("/")
        protocol = self._fs.protocol
        protocols = {protocol} if isinstance(protocol, str) else set(protocol)
        self.single_put = bool(protocols & _SINGLE_PUT)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (RemoteStore, (self.url, self.storage_options))

    @property
    def fs(self) -> Any:
        """The file system; a new one in a forked worker (an async file system's event loop
        does not survive a fork)."""
        if self._pid != os.getpid():
            self._fs, _ = filesystem(self.url, self.storage_options)
            self._pid = os.getpid()
        return self._fs

    def _path(self, relative: str) -> str:
        return f"{self.root}/{relative}"

    def name(self, relative: str) -> str:
        return f"{self.url}/{relative}"

    def files(
        self,
        include: Sequence[str],
        exclude: Sequence[str],
        *,
        follow_symlinks: bool = False,
        problems: list[Any] | None = None,
    ) -> Iterator[str]:
        # Object stores have no symbolic links, special files or unreadable folders.
        from newsconvert.site.discover import matches

        try:
            found = self.fs.find(self.root)
        except FileNotFoundError:
            raise ConfigError("not found", source=self.url) from None
        start = len(self.root) + 1
        for path in sorted(found):
            relative = path[start:] if path.startswith(self.root + "/") else path
            parts = relative.split("/")
            if any(part.startswith(".") for part in parts):
                continue
            folders = ["/".join(parts[: depth + 1]) for depth in range(len(parts) - 1)]
            if any(matches(folder, exclude) for folder in folders):
                continue
            if matches(relative, include) and not matches(relative, exclude):
                yield relative

    def read(self, relative: str, *, max_size: int | None = None) -> bytes:
        try:
            data: bytes = self.fs.cat_file(self._path(relative))
        except (OSError, ValueError) as error:
            raise InputError(f"cannot read: {_reason(error)}", source=self.name(relative)) from None
        if max_size is not None:
            check_size(len(data), max_size, self.name(relative))
        return data

    def hashes(self, relatives: Iterable[str]) -> dict[str, str | None]:
        # fsspec fetches a batch of objects concurrently (s3fs: asynchronously); batches bound
        # the bytes held at once.
        result: dict[str, str | None] = {}
        pending = list(relatives)
        for start in range(0, len(pending), _HASH_BATCH):
            batch = pending[start : start + _HASH_BATCH]
            found = self.fs.cat([self._path(relative) for relative in batch], on_error="return")
            for relative in batch:
                data = found.get(self._path(relative))
                ok = isinstance(data, bytes)
                result[relative] = hashlib.sha256(data).hexdigest() if ok else None
        return result

    def contains(self) -> Callable[[str], bool]:
        return self.existing().__contains__

    def write(self, relative: str, data: bytes) -> None:
        target = self._path(relative)
        try:
            if self.single_put:
                self.fs.pipe_file(target, data)
            else:
                parent, _, leaf = target.rpartition("/")
                temporary = f"{parent}/.{leaf}.{os.urandom(6).hex()}.tmp"
                self.fs.makedirs(parent, exist_ok=True)
                self.fs.pipe_file(temporary, data)
                self.fs.mv(temporary, target)
        except (OSError, ValueError) as error:
            raise NewsconvertError(
                f"cannot write: {_reason(error)}", source=self.name(relative)
            ) from None

    def write_lines(self, relative: str, pieces: Iterable[str]) -> None:
        # An object store's file object uploads parts as its buffer fills and makes the object
        # appear whole when closed (S3's multipart upload); elsewhere a temporary + move.
        target = self._path(relative)
        parent, _, leaf = target.rpartition("/")
        temporary = target if self.single_put else f"{parent}/.{leaf}.{os.urandom(6).hex()}.tmp"
        try:
            with self.fs.open(temporary, "wb") as handle:
                for piece in pieces:
                    handle.write(piece.encode("utf-8"))
            if temporary != target:
                self.fs.mv(temporary, target)
        except (OSError, ValueError) as error:
            raise NewsconvertError(
                f"cannot write: {_reason(error)}", source=self.name(relative)
            ) from None

    def remove(self, relative: str) -> bool:
        try:
            self.fs.rm_file(self._path(relative))
        except FileNotFoundError:
            pass
        except OSError:
            return False
        return True

    def journal(self) -> Any:
        return ObjectJournal(self)

    def journal_text(self) -> bytes:
        """The lines of every journal object (oldest first by name), or nothing."""
        names = self._journal_objects()
        if not names:
            return b""
        found = self.fs.cat(names, on_error="return")
        return b"".join(
            data for name in names if isinstance(data := found.get(name), bytes) and data
        )

    def clear_journal(self) -> None:
        """Remove every journal object (once the manifest holds what they said)."""
        names = self._journal_objects()
        if names:
            with contextlib.suppress(FileNotFoundError):
                self.fs.rm(names)

    def _journal_objects(self) -> list[str]:
        folder = self._path(JOURNAL_FOLDER)
        self.fs.invalidate_cache(folder)
        try:
            return sorted(self.fs.find(folder))
        except FileNotFoundError:
            return []

    def existing(self) -> set[str]:
        start = len(self.root) + 1
        self.fs.invalidate_cache(self.root)  # workers wrote there, not this instance
        try:
            return {path[start:] for path in self.fs.find(self.root)}
        except FileNotFoundError:
            return set()


JOURNAL_FOLDER = ".newsconvert-journal"
"""Where a build into an object store keeps its journal: one object per converting task."""


class ObjectJournal(contextlib.AbstractContextManager["ObjectJournal"]):
    """The manifest's journal on an object store, where nothing can be appended to: each task
    keeps its lines in an object of its own under :data:`JOURNAL_FOLDER` (named by time, so
    replayed roughly in order), written whole by :meth:`flush`. ``batched``: the builder
    journals a task's articles with one write before their pages and one after."""

    batched = True

    def __init__(self, store: RemoteStore) -> None:
        self.store = store
        self.name = f"{JOURNAL_FOLDER}/{time.time_ns():020d}-{os.urandom(4).hex()}.jsonl"
        self.lines: list[str] = []
        self.written = 0

    def append(self, line: str) -> None:
        self.lines.append(line)

    def flush(self) -> None:
        """Write the lines so far (the object is replaced whole)."""
        if len(self.lines) > self.written:
            self.store.write(self.name, "".join(self.lines).encode("utf-8"))
            self.written = len(self.lines)

    def close(self) -> None:
        self.flush()

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_store(
    location: str | os.PathLike[str] | Store, storage_options: Mapping[str, Any] | None = None
) -> Store:
    """The :class:`Store` for a path or URL."""
    if isinstance(location, Store):
        return location
    if is_url(location):
        return RemoteStore(os.fspath(location), storage_options)
    return LocalStore(local_path(location))
