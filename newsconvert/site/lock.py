"""One build at a time per output folder.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-lock`).
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
