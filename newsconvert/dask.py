"""Archives on a Dask cluster: site builds, a bag of articles, a Parquet article dataset.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-dask`).
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsconvert.errors import NewsconvertError
from newsconvert.options import Options
from newsconvert.site.builder import (
    Job,
    Outcome,
    Task,
    convert_chunk,
    parse_source,
)
from newsconvert.site.discover import DEFAULT_INCLUDE
from newsconvert.storage import Store, open_store

CHUNK_SIZE = 256
"""Articles per Dask task: enough to make the scheduler's ~1 ms per task negligible, few enough
that a lost worker costs little to redo and the work spreads over many workers."""


IN_FLIGHT = 512
"""Tasks submitted ahead of the one whose results are awaited: enough to keep hundreds of
workers busy, while the scheduler never holds the whole archive's tasks."""

HASH_CHUNK_SIZE = 2048
"""Sources per hashing task when a rebuild plans (hashing is ~100 times cheaper than
converting)."""


def chunk_by_folder(
    items: Sequence[Any], folder_of: Any, size: int = CHUNK_SIZE
) -> list[list[Any]]:
    """``items`` (in order) cut into runs of at most ``size`` that share ``folder_of(item)``."""
    chunks: list[list[Any]] = []
    current: list[Any] = []
    folder: str | None = None
    for item in items:
        here = folder_of(item)
        if current and (here != folder or len(current) >= size):
            chunks.append(current)
            current = []
        current.append(item)
        folder = here
    if current:
        chunks.append(current)
    return chunks


def _folder(relative_path: str) -> str:
    return relative_path.rpartition("/")[0]


class DaskExecutor:
    """Runs a build's tasks on the cluster of a :class:`distributed.Client` (see the module doc);
    pass it as ``executor`` to :func:`newsconvert.site.builder.build`.

    A worker that dies has its tasks run again elsewhere by Dask (its writes are atomic, so a
    task run twice leaves the same files); a task that still fails (Dask gave up, or the
    cluster went away) is reported per article and the rest of the build goes on.
    """

    def __init__(
        self, client: Any, chunk_size: int = CHUNK_SIZE, in_flight: int = IN_FLIGHT
    ) -> None:
        self.client = client
        self.chunk_size = chunk_size
        self.in_flight = in_flight

    def __call__(self, tasks: Sequence[Task], job: Job) -> Iterator[Outcome]:
        if not tasks:
            return
        chunks = chunk_by_folder(tasks, lambda task: _folder(task.relative_path), self.chunk_size)
        # The job (options, stores, fingerprint) goes to every worker once, not with each task.
        [shared] = self.client.scatter([job], broadcast=True, hash=False)
        # A window of submitted tasks, topped up as results are taken in order: the scheduler
        # and this client hold at most in_flight tasks, however large the archive.
        pending: collections.deque[tuple[list[Task], Any]] = collections.deque()
        waiting = iter(chunks)
        try:
            while True:
                for chunk in itertools.islice(waiting, self.in_flight - len(pending)):
                    future = self.client.submit(
                        convert_chunk, chunk, shared, pure=False, key=_key(chunk)
                    )
                    pending.append((chunk, future))
                if not pending:
                    return
                chunk, future = pending.popleft()
                yield from _outcomes(chunk, future)
        finally:
            for _, future in pending:
                future.release()

    def hash_sources(self, store: Store, relative_paths: Sequence[str]) -> dict[str, str | None]:
        """The SHA-256 of each source, computed by the workers (the planning client reads no
        article): a :data:`newsconvert.site.builder.SourceHasher`."""
        if not relative_paths:
            return {}
        chunks = chunk_by_folder(relative_paths, _folder, HASH_CHUNK_SIZE)
        [shared] = self.client.scatter([store], broadcast=True, hash=False)
        futures = self.client.map(_hash_chunk, chunks, store=shared, pure=False)
        hashes: dict[str, str | None] = {}
        for future in futures:
            hashes.update(future.result())
            future.release()
        return hashes


def _outcomes(chunk: Sequence[Task], future: Any) -> list[Outcome]:
    """The outcomes of a finished task; every article of it failed if the task did."""
    try:
        outcomes: list[Outcome] = future.result()
    except Exception as error:
        reason = f"{type(error).__name__}: {error}".rstrip(": ")
        outcomes = [
            Outcome(task.relative_path, error=f"{task.source_path}: not built: {reason}")
            for task in chunk
        ]
    future.release()
    return outcomes


def _hash_chunk(relative_paths: Sequence[str], store: Store) -> dict[str, str | None]:
    return store.hashes(relative_paths)


def _key(chunk: Sequence[Task]) -> str:
    # Names in the dashboard: where the task starts.
    return f"newsconvert-{chunk[0].relative_path}-{os.urandom(4).hex()}"


@contextlib.contextmanager
def cluster_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Any]:
    """A :class:`distributed.Client` of the scheduler at ``scheduler`` (``tcp://host:8786``),
    or of a new :class:`distributed.LocalCluster` of ``workers`` single-threaded processes,
    closed at the end of the ``with`` block."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        from newsconvert.errors import ConfigError

        raise ConfigError(
            "the dask executor needs dask.distributed: pip install 'newsconvert[dask]'"
        ) from None
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


# --- Articles as data ---------------------------------------------------------------------------


def _sources(
    urlpath: str | os.PathLike[str] | Store,
    include: Sequence[str],
    exclude: Sequence[str],
    storage_options: Mapping[str, Any] | None,
    chunk_size: int,
) -> tuple[Store, list[list[str]]]:
    store = open_store(urlpath, storage_options)
    return store, chunk_by_folder(list(store.files(include, exclude)), _folder, chunk_size)


def read_chunk(
    store: Store,
    relative_paths: Sequence[str],
    options: Options,
    as_json: bool,
    errors: list[str] | None = None,
) -> list[Any]:
    """The articles (trees, or JSON data with ``as_json``) of ``relative_paths`` in ``store``.
    One that fails raises :class:`NewsconvertError` (``file:line: message``), or with an
    ``errors`` list is left out and its message appended there."""
    from newsconvert.renderers.json import article_to_dict

    articles: list[Any] = []
    for relative_path in relative_paths:
        name = store.name(relative_path)
        try:
            article, _ = parse_source(store.read(relative_path), name, options)
        except NewsconvertError as error:
            if errors is None:
                raise error.located(name) from None
            errors.append(str(error.located(name)))
            continue
        articles.append(article_to_dict(article) if as_json else article)
    return articles


def read_articles(
    urlpath: str | os.PathLike[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    as_json: bool = False,
    options: Options | None = None,
    storage_options: Mapping[str, Any] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Any:
    """A :class:`dask.bag.Bag` of the articles under ``urlpath`` (a folder or URL prefix; files
    taken as by ``newsconvert build``), one partition per folder chunk of at most
    ``chunk_size``. Items are :class:`newsconvert.tree.Article` trees, or with ``as_json`` the
    JSON data of :mod:`newsconvert.renderers.json`. Computing it raises
    :class:`NewsconvertError` naming the first article that cannot be read."""
    import dask
    import dask.bag

    store, chunks = _sources(urlpath, include, exclude, storage_options, chunk_size)
    read = dask.delayed(read_chunk, pure=True)
    options = options or Options()
    return dask.bag.from_delayed([read(store, chunk, options, as_json) for chunk in chunks])


def _utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return None
    return value.astimezone(UTC)


def _local(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=None) if value is not None else None


def _offset(value: datetime | None) -> str | None:
    from newsconvert.site.metadata import format_offset

    return format_offset(value) if value is not None and value.tzinfo is not None else None


def article_row(article: Any) -> dict[str, Any]:
    """One row of the article dataset (see :func:`parquet_schema`)."""
    from newsconvert.renderers.json import article_to_dict
    from newsconvert.site.metadata import post_meta

    meta = post_meta(article)
    data = article_to_dict(article)
    updated = article.updated[-1].value if article.updated else None
    body = []
    for section in article.sections:
        if section.heading is not None:
            body.append(section.heading.text)
        body.extend(block.text for block in section.blocks)
    return {
        "source": article.source,
        "headline": meta.title,
        "kicker": meta.kicker,
        "standfirst": meta.summary,
        "published": _utc(meta.published),
        "published_local": _local(meta.published),
        "published_offset": _offset(meta.published),
        "published_zone": meta.published_zone,
        "updated": _utc(updated),
        "updated_local": _local(updated),
        "updated_offset": _offset(updated),
        "dateline": meta.dateline,
        "bylines": data["bylines"],
        "authors": list(meta.authors),
        "credits": data["credits"],
        "body": "\n\n".join(body),
        "sections": json.dumps(data["sections"], ensure_ascii=False, sort_keys=True),
    }


def parquet_schema() -> Any:
    """The article dataset's Arrow schema: one row per article. ``published``/``updated`` are
    instants in UTC (null when the article gives no zone); ``*_local`` the wall-clock time as
    written, ``*_offset`` its UTC offset (``+05:30``), ``published_zone`` the zone as written
    (``IST``). ``updated`` is the last update stated. ``sections`` is the body's sections as
    JSON (the ``sections`` of :mod:`newsconvert.renderers.json`); ``body`` their plain text,
    blocks separated by blank lines."""
    import pyarrow as pa

    text = pa.string()
    stamp = pa.timestamp("us", tz="UTC")
    local = pa.timestamp("us")
    return pa.schema(
        [
            ("source", text),
            ("headline", text),
            ("kicker", text),
            ("standfirst", text),
            ("published", stamp),
            ("published_local", local),
            ("published_offset", text),
            ("published_zone", text),
            ("updated", stamp),
            ("updated_local", local),
            ("updated_offset", text),
            ("dateline", text),
            ("bylines", pa.list_(text)),
            ("authors", pa.list_(text)),
            ("credits", pa.list_(text)),
            ("body", text),
            ("sections", text),
        ]
    )


def write_parquet_chunk(
    store: Store,
    relative_paths: Sequence[str],
    out: Store,
    part: str,
    options: Options,
) -> tuple[int, list[str]]:
    """Convert ``relative_paths`` of ``store`` into one Parquet file ``part`` of ``out``
    (written in one piece); the number of rows, and the articles that failed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    errors: list[str] = []
    articles = read_chunk(store, relative_paths, options, False, errors)
    table = pa.Table.from_pylist([article_row(a) for a in articles], schema=parquet_schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    out.write(part, sink.getvalue().to_pybytes())
    return len(articles), errors


def parquet_parts(chunks: Sequence[Sequence[str]]) -> list[str]:
    """The file of each chunk: ``FOLDER/part-00000.parquet``, numbered within each folder."""
    parts: list[str] = []
    counts: dict[str, int] = {}
    for chunk in chunks:
        folder = _folder(chunk[0])
        number = counts.get(folder, 0)
        counts[folder] = number + 1
        parts.append(f"{folder}/part-{number:05d}.parquet".lstrip("/"))
    return parts


def to_parquet(
    urlpath: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    options: Options | None = None,
    storage_options: Mapping[str, Any] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> DatasetSummary:
    """Write the articles under ``urlpath`` as a Parquet dataset at ``out`` (see
    :func:`parquet_schema`): one file per task of at most ``chunk_size`` articles, in the
    input's folders; part files of an earlier run that this one did not write are removed.
    Articles that cannot be read are left out and listed in the summary. Runs on the current
    Dask scheduler (a :class:`distributed.Client` if one is active).
    """
    import dask

    store, chunks = _sources(urlpath, include, exclude, storage_options, chunk_size)
    target = open_store(out, storage_options)
    options = options or Options()
    parts = parquet_parts(chunks)
    write = dask.delayed(write_parquet_chunk, pure=False)
    results = dask.compute(
        *(
            write(store, chunk, target, part, options)
            for chunk, part in zip(chunks, parts, strict=True)
        )
    )
    written = set(parts)
    for stale in sorted(target.existing() - written):
        if _PART.fullmatch(stale.rpartition("/")[2]):
            target.remove(stale)
    summary = DatasetSummary()
    for rows, errors in results:
        summary.rows += rows
        summary.errors.extend(errors)
    return summary


_PART = re.compile(r"part-\d+\.parquet")


@dataclass(slots=True)
class DatasetSummary:
    """What :func:`to_parquet` wrote."""

    rows: int = 0
    """Articles written, one row each."""
    errors: list[str] = field(default_factory=list)
    """The articles left out, one ``file:line: message`` each."""


__all__ = [
    "CHUNK_SIZE",
    "DaskExecutor",
    "DatasetSummary",
    "article_row",
    "cluster_client",
    "parquet_schema",
    "read_articles",
    "to_parquet",
]
