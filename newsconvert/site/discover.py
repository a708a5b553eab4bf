"""Finding the article files under SRC, with include and exclude globs.

A glob without ``/`` matches a file's name at any depth (``*.txt``); a glob with ``/`` matches
the path relative to SRC (``bbc/*/*.txt``; ``*`` there also crosses folders, as in
:mod:`fnmatch`). Hidden files and folders (a leading ``.``) are skipped: they hold editors'
backups and version-control data, never articles. Symbolic links to folders are not followed,
so a link loop cannot make the walk endless.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

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


def discover(
    source_dir: Path,
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> Iterator[str]:
    """Yield the POSIX paths, relative to ``source_dir``, of the article files, in an order
    that depends only on the names (folders sorted, files sorted within each folder).

    A file is taken when it matches ``include`` and does not match ``exclude``; a folder that
    matches ``exclude`` is not entered.
    """
    for folder, dirnames, filenames in os.walk(source_dir):
        relative_folder = Path(folder).relative_to(source_dir).as_posix()
        prefix = "" if relative_folder == "." else f"{relative_folder}/"
        # Pruning and sorting dirnames in place steers os.walk: sorted order makes the walk
        # (and so every build) independent of the file system's listing order.
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".") and not matches(prefix + name, exclude)
        )
        for name in sorted(filenames):
            relative_path = prefix + name
            if name.startswith("."):
                continue
            if matches(relative_path, include) and not matches(relative_path, exclude):
                yield relative_path
