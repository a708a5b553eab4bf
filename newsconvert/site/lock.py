"""One build at a time per output folder.

Two builds writing into the same OUT at once would each delete what the other just wrote as
"no longer produced", and the last manifest written would forget the other's articles. So a
build holds an exclusive lock on :data:`LOCK_NAME` in OUT for its whole run, and a second build
into the same OUT is refused at once (with an error saying so) rather than queued: a build that
silently waits looks hung.

The lock is an operating-system file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows),
not the mere existence of a file: the system releases it when the process ends, however it
ends, so a killed build never leaves a stale lock behind. The lock file itself stays (removing
it would let a third build lock a fresh file while the second still holds the old one); it is a
dot-file, which web servers and site generators leave alone.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from newsconvert.errors import NewsconvertError

LOCK_NAME = ".newsconvert-build.lock"
"""The lock file's name inside OUT."""


def _try_lock(fd: int) -> bool:
    """Take the lock on the open file ``fd`` without waiting; whether it was free."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    """Hold the build lock of ``out_dir`` (which must exist) for the ``with`` block.

    Raises :class:`NewsconvertError` naming the folder when another build holds it, or when the
    lock file cannot be created.
    """
    path = out_dir / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise NewsconvertError(
            f"cannot create the build lock: {error.strerror or error}", source=str(path)
        ) from None
    try:
        if not _try_lock(fd):
            raise NewsconvertError(
                "another newsconvert build is writing into this folder; wait for it to finish",
                source=str(out_dir),
            )
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        # Windows wants a region unlocked before its file is closed (POSIX releases on close).
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
