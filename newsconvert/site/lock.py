"""One build at a time per output folder.

Two builds writing into the same OUT at once would each delete what the other just wrote as
"no longer produced", and their journal lines would mix in one manifest. So a build holds an
exclusive lock on :data:`LOCK_NAME` in OUT for its whole run, and a second build into the same
OUT is refused at once (with an error saying so) rather than queued: a build that silently
waits looks hung.

The lock is :mod:`filelock`'s operating-system file lock (``flock`` on POSIX, ``msvcrt`` on
Windows), not the mere existence of a file: the system releases it when the process ends,
however it ends, so a killed build never leaves a stale lock behind. The lock file itself stays;
it is a dot-file, which web servers and site generators leave alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from newsconvert.errors import NewsconvertError

LOCK_NAME = ".newsconvert-build.lock"
"""The lock file's name inside OUT."""


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    """Hold the build lock of ``out_dir`` (which must exist) for the ``with`` block.

    Raises :class:`NewsconvertError` naming the folder when another build holds it, or when the
    lock file cannot be created.
    """
    path = out_dir / LOCK_NAME
    # Not thread-local and not reentrant: a second build in the same process is refused too.
    lock = FileLock(path, timeout=0, thread_local=False, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise NewsconvertError(
            "another newsconvert build is writing into this folder; wait for it to finish",
            source=str(out_dir),
        ) from None
    except OSError as error:
        raise NewsconvertError(
            f"cannot create the build lock: {error.strerror or error}", source=str(path)
        ) from None
    try:
        yield
    finally:
        lock.release()
