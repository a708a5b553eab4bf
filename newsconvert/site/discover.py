"""Finding the article files under SRC, with include and exclude globs.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-discover`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from newsconvert.source import file_kind

DEFAULT_INCLUDE = ("*.txt", "*.news")
"""What a build takes when no ``--include`` is given: plain-text files and ``.news`` files.

Markdown, reST, HTML and JSON articles are read too (through :mod:`newsconvert.readers`), but
only when asked for (``--include '*.md'``): a folder of articles often holds a README, notes
or a saved web page, which must not become pages of the site by surprise."""


def matches(relative_path: str, patterns: Sequence[str]) -> bool:
    """Whether the POSIX ``relative_path`` matches any of ``patterns`` (see the module doc)."""
    name = relative_path.rsplit("/", 1)[-1]
    for pattern in patterns:
        subject = relative_path if "/" in pattern else name
        if fnmatchcase(subject, pattern):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in SRC that is not taken, one line ``path: message``."""

    message: str
    """What was found and what was done about it."""
    error: bool
    """An error (the build fails) rather than a warning."""
    folder: str | None = None
    """For a folder that cannot be read: its path relative to SRC with a final ``/``; what the
    last build made from it is kept."""


def discover(
    source_dir: Path,
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    follow_symlinks: bool = False,
    problems: list[Problem] | None = None,
) -> Iterator[str]:
    """Yield the POSIX paths, relative to ``source_dir``, of the article files, in an order
    that depends only on the names (folders sorted, files sorted within each folder).

    A file is taken when it matches ``include`` and does not match ``exclude``; a folder that
    matches ``exclude`` is not entered. What is not taken for another reason (see the module
    doc) is added to ``problems``.
    """
    found = problems if problems is not None else []
    root = os.path.realpath(source_dir)
    pending = [""]  # folders to list, as prefixes relative to SRC; depth first, sorted
    while pending:
        prefix = pending.pop()
        folder = os.path.join(source_dir, prefix[:-1]) if prefix else os.fspath(source_dir)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            message = f"cannot read the folder: {error.strerror or error}; its pages are kept"
            found.append(Problem(f"{_shown(folder)}: {message}", True, prefix))
            continue
        folders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            relative_path = prefix + name
            if not _valid_name(name):
                message = "the name is not valid UTF-8; skipped (rename it)"
                found.append(Problem(f"{_shown(entry.path)}: {message}", True))
            elif entry.is_dir(follow_symlinks=False):
                if not matches(relative_path, exclude):
                    folders.append(relative_path + "/")
            elif matches(relative_path, include) and not matches(relative_path, exclude):
                refusal = _refusal(entry, root, follow_symlinks)
                if refusal is None:
                    yield relative_path
                else:
                    found.append(Problem(f"{_shown(entry.path)}: {refusal}", False))
        pending.extend(reversed(folders))


def _valid_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes, held as surrogates
        return False
    return True


def _shown(path: str) -> str:
    """A path for a message, its undecodable bytes written as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([root, path]) == root
    except ValueError:  # another drive (Windows)
        return False


def _refusal(entry: os.DirEntry[str], root: str, follow_symlinks: bool) -> str | None:
    """Why the file ``entry`` is not an article, or ``None`` to take it."""
    if entry.is_file(follow_symlinks=False):
        return None
    if entry.is_symlink():
        try:
            mode = os.stat(entry.path).st_mode
        except OSError:
            return None  # a broken link: reading it reports why
        if not stat.S_ISREG(mode):
            return f"a symbolic link to {file_kind(mode)}, not a file; skipped"
        target = os.path.realpath(entry.path)
        if not follow_symlinks and not _inside(target, root):
            return (
                f"a symbolic link to {_shown(target)}, outside the source folder; skipped "
                "(--follow-symlinks takes it)"
            )
        return None
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return None
    return f"{file_kind(mode)}, not a file; skipped"
