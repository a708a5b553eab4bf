"""Writing output files so that a reader never sees a half-written one.

Every file newsconvert writes goes through :func:`write_atomic`: the text is written to a
temporary file in the destination's folder and renamed over the destination, so the previous
version stays intact if anything fails midway: a full disk, a killed process, an exception.

The data is not ``fsync``-ed: that would protect against a power cut between write and rename,
at the price of a disk flush per file (a site build writes thousands), and every output can be
rebuilt from its source.
"""

from __future__ import annotations

import contextlib
import errno
import io
import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO

from newsconvert.errors import NewsconvertError

_serial = itertools.count()
"""Numbers the temporary files of this process (with its id, a name no other writer uses)."""


def write_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (temporary file + rename), creating parent folders.

    Raises :class:`NewsconvertError` naming the path if the folder cannot be created or the file
    cannot be written; the destination is then untouched.
    """
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; see :func:`write_atomic`.

    With plain system calls (no file object): a site build writes one file per article, and
    the file object's set-up cost more than the writing."""
    target, temporary, fd = _create_temporary(path)
    try:
        try:
            written = os.write(fd, data)  # a regular file takes it all, but for a full disk
            if written < len(data):
                _write_rest(fd, memoryview(data)[written:])
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException as error:
        _discard(temporary, target, error)


def _write_rest(fd: int, view: memoryview) -> None:
    while view:
        written = os.write(fd, view)
        if not written:  # a regular file takes less only when the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into, piece by piece: it replaces ``path``
    when the block ends, and is removed (``path`` untouched) if the block raises.

    Raises :class:`NewsconvertError` naming ``path`` for a folder or file that cannot be made
    or written.
    """
    target, temporary, fd = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(temporary, target)
    except BaseException as error:
        _discard(temporary, target, error)


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create_temporary(path: str | os.PathLike[str]) -> tuple[str, str, int]:
    """``(target, temporary, fd)``: the temporary file that will replace ``path``, created
    beside it (making its folder if needed) with ``O_CREAT | O_EXCL``, under a name made of
    this process's id and a counter, with ordinary permissions (``0o666`` less the umask)."""
    target = os.fspath(path)
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}-{next(_serial)}.tmp")
    try:
        try:
            return target, temporary, os.open(temporary, _FLAGS, 0o666)
        except FileNotFoundError:
            Path(folder or ".").mkdir(parents=True, exist_ok=True)
            return target, temporary, os.open(temporary, _FLAGS, 0o666)
    except OSError as error:
        raise cannot_write(target, error) from None


def _discard(temporary: str, target: str, error: BaseException) -> NoReturn:
    """Remove ``temporary`` after ``error`` and raise it again (an :class:`OSError` as the
    error naming ``target``)."""
    with contextlib.suppress(OSError):
        os.unlink(temporary)
    if isinstance(error, OSError):
        raise cannot_write(target, error) from None
    raise error


@contextlib.contextmanager
def atomic_text_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """:func:`atomic_file` as a UTF-8 text stream (line breaks written as given): for output
    produced piece by piece, never held whole."""
    with atomic_file(path) as handle:
        stream = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()


def cannot_write(target: str | os.PathLike[str], error: OSError) -> NewsconvertError:
    """The error for a file that cannot be written: ``target: cannot write: <reason>``."""
    return NewsconvertError(f"cannot write: {error.strerror or error}", source=os.fspath(target))
