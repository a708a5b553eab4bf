"""What the Dask, S3 and Parquet tests share: a small tree of real articles, a comparison of
output folders, and a real Dask cluster of two worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BROKEN_NAME = "broken/binary.txt"
"""A source in every tree that cannot be converted (binary bytes)."""


def article_tree(corpus: Path, target: Path, per_folder: int = 6) -> Path:
    """A copy of a few corpus articles from several folders (so tasks are cut per folder),
    plus :data:`BROKEN_NAME`."""
    folders = [corpus / "bbc" / name for name in ("business", "sport", "tech")]
    folders += [corpus / "newspaper", corpus / "reuters"]
    for folder in folders:
        for path in sorted(folder.rglob("*.txt"))[:per_folder]:
            destination = target / path.relative_to(corpus)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    shutil.copyfile(corpus / "000_37575f6eff0020da.txt", target / "000_37575f6eff0020da.txt")
    (target / BROKEN_NAME).parent.mkdir()
    (target / BROKEN_NAME).write_bytes(b"\x00\x01\x02binary\x00" * 20)
    return target


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (but the build lock) by POSIX relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".newsconvert-build.lock"
    }


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A client of a real :class:`distributed.LocalCluster`: two single-threaded worker
    processes, shared by a test module (starting one takes seconds)."""
    pytest.importorskip("distributed")
    from newsconvert.dask import cluster_client

    with cluster_client(workers=2) as client:
        yield client
