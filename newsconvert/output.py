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
import os
import tempfile
from pathlib import Path

from newsconvert.errors import NewsconvertError


def write_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (temporary file + rename), creating parent folders.

    Raises :class:`NewsconvertError` naming the path if the folder cannot be created or the file
    cannot be written; the destination is then untouched.
    """
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; see :func:`write_atomic`."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise NewsconvertError(
            f"cannot write: {error.strerror or error}", source=str(target)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates files readable by the owner only; give the output ordinary permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise NewsconvertError(
            f"cannot write: {error.strerror or error}", source=str(target)
        ) from None
