"""Building a folder of articles into a site: plan, convert in parallel, index, clean up.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-site-builder`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TextIO

import newsconvert
from newsconvert import __version__
from newsconvert.errors import ConfigError, NewsconvertError
from newsconvert.formats import input_format_for_path, output_format, template_path
from newsconvert.gcpause import without_gc
from newsconvert.options import Options
from newsconvert.renderers import RenderOptions, reload_templates, render
from newsconvert.site.discover import DEFAULT_INCLUDE, Problem
from newsconvert.site.feed import FEED_NAME, render_feed
from newsconvert.site.index import IndexEntry, newest_first, render_index
from newsconvert.site.lock import build_lock
from newsconvert.site.manifest import (
    MANIFEST_NAME,
    ArticleRecord,
    Journal,
    Manifest,
    begin_line,
    done_line,
    fingerprint,
    load_manifest,
    parse_manifest,
    save_manifest,
)
from newsconvert.site.metadata import post_meta
from newsconvert.site.slugs import assign_slugs
from newsconvert.source import decode_source
from newsconvert.storage import LocalStore, Store, open_store

INDEX_NAME = "index.html"
"""The front page of an HTML build."""


@dataclass(slots=True)
class Summary:
    """What a build did."""

    converted: int = 0
    """Articles parsed, rendered and written."""
    unchanged: int = 0
    """Articles skipped because nothing that shapes them changed."""
    failed: int = 0
    """Articles that could not be converted (reported on stderr)."""
    removed: int = 0
    """Sources gone since the last build, whose outputs were deleted."""
    seconds: float = 0.0
    """Wall-clock time of the whole build."""
    errors: list[str] = field(default_factory=list)
    """The failures, one ``file:line: message`` each."""

    def line(self) -> str:
        """The one-line report printed at the end of a build."""
        return (
            f"{self.converted} converted, {self.unchanged} unchanged, {self.failed} failed, "
            f"{self.removed} removed in {self.seconds:.2f} s"
        )


@dataclass(frozen=True, slots=True)
class Task:
    """One article to convert: what a worker receives."""

    relative_path: str
    """The source path relative to SRC (POSIX)."""
    source_path: str
    """The source path as the user would name it (SRC joined with ``relative_path``)."""
    slug: str
    """The article's slug."""

    def __reduce__(self) -> tuple[type[Task], tuple[str, str, str]]:
        # Pickled as a call with the three strings: the parent pickles one per article for the
        # workers, and the default of a slotted dataclass (a state dict through Python-level
        # __getstate__ and __setstate__) took ten times as long.
        return Task, (self.relative_path, self.source_path, self.slug)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back: a record on success, an error message on failure."""

    relative_path: str
    """The source path relative to SRC."""
    record: ArticleRecord | None = None
    """The new manifest record, on success."""
    error: str | None = None
    """``file:line: message``, on failure."""
    warnings: tuple[str, ...] = ()
    """Things noticed while reading the source (a legacy encoding), one line each."""
    begun: tuple[str, ...] = ()
    """On a failure while writing: the files it had announced in the journal (some may have
    been written)."""


# --- Checks before building ---------------------------------------------------------------------


def check_folders(source_dir: Path, out_dir: Path) -> None:
    """Refuse a build whose OUT is SRC or inside it (it would read its own output as input on
    the next run); :class:`ConfigError` explains why."""
    if not source_dir.is_dir():
        raise ConfigError("not a folder", source=str(source_dir))
    source = source_dir.resolve()
    target = out_dir.resolve()
    if target == source:
        raise ConfigError("the output folder is the source folder", source=str(out_dir))
    if source in target.parents:
        raise ConfigError(
            f"the output folder is inside the source folder {source_dir}", source=str(out_dir)
        )
    if target.exists() and not target.is_dir():
        raise ConfigError("exists and is not a folder", source=str(out_dir))


def protected_prefix(source_dir: Path, out_dir: Path) -> str | None:
    """When SRC lies inside OUT, SRC's POSIX path relative to OUT with a final ``/`` (see
    :attr:`Job.protected`); otherwise ``None``."""
    source, target = source_dir.resolve(), out_dir.resolve()
    if target not in source.parents:
        return None
    return source.relative_to(target).as_posix() + "/"


def options_fingerprint(options: Options) -> str:
    """The fingerprint recorded in the manifest: the options that shape articles, templates and
    version."""
    data = options.fingerprint("article")
    data["version"] = __version__
    return fingerprint(data, template_path(options.template_dirs))


# --- Converting one article (runs in a worker) ------------------------------------------------


def article_outputs(
    article: Any, slug: str, options: Options
) -> tuple[list[tuple[str, str]], IndexEntry, tuple[str, ...]]:
    """The files (path relative to OUT, text) for a parsed ``article``, its index entry and
    warnings about it."""
    if options.to == "md" and options.generator is not None:
        from newsconvert.site.frontmatter import make_post, parse_default_date

        post = make_post(
            article,
            options.generator,
            slug,
            default_date=parse_default_date(options.default_date),
            options=RenderOptions.of(options, standalone=False),
        )
        entry = IndexEntry.from_meta(slug, post.path, post.meta)
        return [(post.path, post.text)], entry, post.warnings
    path = slug + output_format(options.to).suffix
    # A page of the site links back to its index.
    home = "../" * slug.count("/") + INDEX_NAME if options.to == "html" else None
    text = render(article, options.to, RenderOptions.of(options, standalone=True, home=home))
    return [(path, text)], IndexEntry.from_meta(slug, path, post_meta(article)), ()


@dataclass(slots=True)
class _Prepared:
    """An article read, parsed and rendered, waiting for its files to be written."""

    task: Task
    files: list[tuple[str, str]]
    entry: IndexEntry
    source_hash: str
    warnings: tuple[str, ...]


def source_format(path: str) -> str:
    """How a source is read: ``md``, ``rst``, ``html`` or ``json`` by its suffix (see
    :func:`newsconvert.readers.infer_format`), plain text (``text``) for any other."""
    return input_format_for_path(path).name


def prepare_task(task: Task, options: Options, source_store: Store) -> _Prepared | Outcome:
    """Read (from ``source_store``, by :func:`source_format`), parse and render one article:
    the files to write, or a failed :class:`Outcome`. Never raises."""
    try:
        data = source_store.read(task.relative_path, max_size=options.max_size)
        files, entry, warnings = _convert(data, task, options)
    except NewsconvertError as error:
        return Outcome(task.relative_path, error=str(error.located(task.source_path)))
    except Exception as error:
        return _internal_error(task, error)
    return _Prepared(task, files, entry, hashlib.sha256(data).hexdigest(), warnings)


@without_gc
def _convert(
    data: bytes, task: Task, options: Options
) -> tuple[list[tuple[str, str]], IndexEntry, tuple[str, ...]]:
    """:func:`parse_source` and :func:`article_outputs` with the collector paused; the tree is
    freed here, before the collector runs again."""
    article, warnings = parse_source(data, task.source_path, options)
    files, entry, post_warnings = article_outputs(article, task.slug, options)
    if post_warnings:
        warnings += tuple(f"{task.source_path}: {warning}" for warning in post_warnings)
    return files, entry, warnings


def parse_source(data: bytes, name: str, options: Options) -> tuple[Any, tuple[str, ...]]:
    """The article in the source bytes ``data`` (named ``name``, read by :func:`source_format`)
    and the warnings about its text; raises :class:`NewsconvertError`."""
    source = decode_source(data, name=name, encoding=options.encoding)
    article = newsconvert.read(
        source.text, source_format(name), source=name, zones=dict(options.zones) or None
    )
    return article, source.warnings


def _internal_error(task: Task, error: Exception) -> Outcome:
    # A bug in a parser or renderer must cost one article, not the build: report it on one line
    # like any other failure.
    message = f"{task.source_path}: internal error: {type(error).__name__}: {error}"
    return Outcome(task.relative_path, error=message)


@dataclass(frozen=True, slots=True)
class Job:
    """What every task of one build shares; sent once to each worker process."""

    options: Options
    """How to convert."""
    source: Store
    """Where the sources are."""
    out: Store
    """Where to write (and journal)."""
    fingerprint: str
    """The options fingerprint to record with each article."""
    protected: str | None = None
    """When SRC lies inside OUT: SRC's POSIX path relative to OUT, plus ``/``. No output may
    be written under it, so that a build never writes into its own sources."""


def convert_chunk(tasks: Sequence[Task], job: Job) -> list[Outcome]:
    """Convert ``tasks`` in order with a journal of their own (an executor's task, as on a Dask
    worker); never raises.

    A journal that is written whole (``batched``: one object on an object store) gets every
    article's ``begin`` line in one write before any page is written, and the ``done`` lines
    when it is closed; the task's pages are held meanwhile (a few hundred at most)."""
    with job.out.journal() as journal:
        if not getattr(journal, "batched", False):
            return [convert_task(task, job, journal) for task in tasks]
        checked = [_prepare_checked(task, job) for task in tasks]
        for item in checked:
            if isinstance(item, _Prepared):
                outputs = (path for path, _ in item.files)
                journal.append(begin_line(item.task.relative_path, outputs))
        journal.flush()
        return [
            item if isinstance(item, Outcome) else _write_prepared(item, job, journal, False)
            for item in checked
        ]


def convert_task(task: Task, job: Job, journal: Journal) -> Outcome:
    """Read, parse, render and write one article, journaling it in ``journal``; never raises.
    An article counts as converted once all its files are written and journaled."""
    prepared = _prepare_checked(task, job)
    if isinstance(prepared, Outcome):
        return prepared
    return _write_prepared(prepared, job, journal, True)


def _prepare_checked(task: Task, job: Job) -> _Prepared | Outcome:
    prepared = prepare_task(task, job.options, job.source)
    if isinstance(prepared, Outcome):
        return prepared
    if job.protected and any(path.startswith(job.protected) for path, _ in prepared.files):
        message = f"{task.source_path}: its output would be written inside the source folder"
        return Outcome(task.relative_path, error=message)
    return prepared


def _write_prepared(prepared: _Prepared, job: Job, journal: Journal, announce: bool) -> Outcome:
    """Write an article's files between its ``begin`` line (unless already journaled:
    ``announce`` false) and its ``done`` line; never raises."""
    task = prepared.task
    outputs = tuple(path for path, _ in prepared.files)
    begun: tuple[str, ...] = () if announce else outputs
    try:
        if announce:
            journal.append(begin_line(task.relative_path, outputs))
            begun = outputs
        for path, text in prepared.files:
            job.out.write(path, text.encode("utf-8"))
        record = ArticleRecord(
            source_hash=prepared.source_hash,
            slug=task.slug,
            outputs=outputs,
            fingerprint=job.fingerprint,
            entry=prepared.entry,
        )
        journal.append(done_line(task.relative_path, record))
    except NewsconvertError as error:
        return Outcome(task.relative_path, error=str(error), begun=begun)
    except Exception as error:
        return replace(_internal_error(task, error), begun=begun)
    return Outcome(task.relative_path, record=record, warnings=prepared.warnings)


# Worker-process state, set once per process by the pool's initializer so tasks stay small.
_worker_job: Job | None = None
_worker_journal: Journal | None = None
# Which task each worker is converting (its index in the build's task list, -1 when none),
# in memory shared with the parent: when a worker dies, the parent names its article.
_worker_current: Any = None
_worker_slot = -1


def _init_worker(job: Job, current: Any, slots: Any) -> None:
    global _worker_job, _worker_journal, _worker_current, _worker_slot
    # Ctrl-C on a terminal reaches the whole process group: the parent alone decides, and lets
    # the workers finish the article they are writing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Forked while the parent's collector is paused (see build): a worker converts, and
    # collects between articles.
    gc.enable()
    with slots.get_lock():
        _worker_slot = slots.value
        slots.value += 1
    _worker_current, _worker_job = current, job
    _worker_journal = job.out.journal()
    # A worker outliving a killed build would keep the build lock (its file is inherited) and
    # work for no one: it watches its parent and ends when the parent is gone.
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    # The pool terminates the surviving workers when one dies: they leave their slot empty,
    # so that only the dead worker's article is left in the shared memory.
    signal.signal(signal.SIGTERM, _terminated)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.1)
    os._exit(1)


def _terminated(signum: int, frame: object) -> None:
    _worker_current[_worker_slot] = -1
    os._exit(128 + signum)


def _run_in_worker(start: int, tasks: Sequence[Task]) -> list[PackedOutcome]:
    assert _worker_job is not None and _worker_journal is not None
    if getattr(_worker_journal, "batched", False):
        _worker_current[_worker_slot] = start
        packed = [pack_outcome(outcome) for outcome in convert_chunk(tasks, _worker_job)]
        _worker_current[_worker_slot] = -1
        return packed
    outcomes = []
    for number, task in enumerate(tasks, start):
        _worker_current[_worker_slot] = number
        outcome = convert_task(task, _worker_job, _worker_journal)
        _worker_current[_worker_slot] = -1  # journaled: a death from here on names no article
        outcomes.append(pack_outcome(outcome))
    return outcomes


PackedOutcome = tuple[str, tuple[Any, ...] | None, str | None, tuple[str, ...], tuple[str, ...]]
"""An :class:`Outcome` as plain tuples, strings and numbers: what a worker sends the parent."""

_ENTRY_FIELDS = tuple(field.name for field in fields(IndexEntry))


def pack_outcome(outcome: Outcome) -> PackedOutcome:
    """``outcome`` as plain values, which unpickle several times faster than the dataclasses
    (the parent unpickles one per article, on the build's critical path). A record travels
    with its JSON text, which the worker made for the journal and the parent writes again in
    the manifest."""
    record = outcome.record
    packed = None
    if record is not None:
        entry = tuple(getattr(record.entry, name) for name in _ENTRY_FIELDS)
        packed = (
            record.source_hash,
            record.slug,
            record.outputs,
            record.fingerprint,
            entry,
            record.json_text(),
        )
    return (outcome.relative_path, packed, outcome.error, outcome.warnings, outcome.begun)


def unpack_outcome(packed: PackedOutcome) -> Outcome:
    """The :class:`Outcome` that :func:`pack_outcome` packed."""
    relative_path, record, error, warnings, begun = packed
    if record is None:
        return Outcome(relative_path, None, error, warnings, begun)
    source_hash, slug, outputs, fingerprint, entry, text = record
    article = ArticleRecord(source_hash, slug, outputs, fingerprint, IndexEntry(*entry))
    article.remember_text(text)
    return Outcome(relative_path, article, error, warnings, begun)


def _warm_up(options: Options) -> None:
    """Import the parser and compile the templates once, before the pool forks, so that each
    worker inherits them instead of spending its first ~0.3 s doing the same."""
    from newsconvert.tree import Article, Headline

    with contextlib.suppress(Exception):  # a real failure is reported per article later
        article_outputs(Article(headline=Headline("warm-up")), "warm-up", options)
        import newsconvert.parser  # noqa: F401


def run_tasks(tasks: Sequence[Task], job: Job, jobs: int) -> Iterator[Outcome]:
    """Convert ``tasks`` with ``jobs`` processes, yielding outcomes in task order.

    Raises :class:`NewsconvertError` naming the article being converted when a worker process
    dies; the articles yielded so far are journaled.
    """
    workers = max(1, min(jobs, len(tasks)))
    if workers == 1:
        with job.out.journal() as journal:
            if getattr(journal, "batched", False):
                for start in range(0, len(tasks), 64):
                    yield from convert_chunk(tasks[start : start + 64], job)
                return
            for task in tasks:
                yield convert_task(task, job, journal)
        return
    _warm_up(job.options)
    current = multiprocessing.RawArray("q", [-1] * workers)
    slots = multiprocessing.Value("i", 0)
    # A pool from concurrent.futures, not multiprocessing.Pool: when a worker dies it fails the
    # pending work (BrokenProcessPool) instead of waiting for it for ever.
    executor = ProcessPoolExecutor(
        workers, initializer=_init_worker, initargs=(job, current, slots)
    )
    try:
        futures = [
            executor.submit(_run_in_worker, start, tasks[start:end])
            for start, end in folder_chunks(tasks, workers)
        ]
        # In submission order: stderr messages come in a stable order whatever the scheduling.
        for future in futures:
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                executor.shutdown(wait=True)  # every worker gone: the dead one's slot is left
                raise _worker_died(tasks, current) from None
            for packed in outcomes:
                yield unpack_outcome(packed)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def folder_chunks(tasks: Sequence[Task], workers: int) -> list[tuple[int, int]]:
    """``tasks`` cut into chunks for ``workers`` processes, as ``(start, end)`` index pairs.

    A chunk holds whole folders where it can (several small ones, up to a share of the build
    that leaves every worker several chunks), so that two workers rarely create files in the
    same folder at once: on ext4 that contends for the folder's lock and inodes. A folder larger
    than that share is cut, as is a build of a single folder. Each chunk also amortises the
    round trip to its worker over many articles. Each article's pages are written before the
    next is rendered, so one page is the most text a worker holds.
    """
    limit = max(16, len(tasks) // (workers * 8))
    chunks: list[tuple[int, int]] = []
    start = end = 0  # the chunk being filled
    for run_start, run_end in _folder_runs(tasks):
        if run_end - run_start > limit:  # a big folder: in pieces of its own
            if end > start:
                chunks.append((start, end))
            chunks.extend(
                (piece, min(piece + limit, run_end)) for piece in range(run_start, run_end, limit)
            )
            start = end = run_end
            continue
        if run_end - start > limit:
            chunks.append((start, end))
            start = run_start
        end = run_end
    if end > start:
        chunks.append((start, end))
    return chunks


def _folder_runs(tasks: Sequence[Task]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of consecutive tasks from the same folder."""
    start = 0
    for index in range(1, len(tasks) + 1):
        if index == len(tasks) or _folder(tasks[index]) != _folder(tasks[index - 1]):
            yield start, index
            start = index


def _folder(task: Task) -> str:
    return task.relative_path.rpartition("/")[0]


def _worker_died(tasks: Sequence[Task], current: Sequence[int]) -> NewsconvertError:
    message = (
        "a worker process died while converting this article (killed, or out of memory?); "
        "what was converted is kept: run the build again to go on"
    )
    for number in current:
        if number >= 0:
            return NewsconvertError(message, source=tasks[number].source_path)
    return NewsconvertError(message.replace("while converting this article ", ""))


# --- The build --------------------------------------------------------------------------------


def _remove_temporaries(out_dir: Path, manifest: Manifest) -> None:
    """Delete the temporary files a killed build left beside the files it was writing.

    They are named ``.NAME.RANDOM.tmp`` after the file they were to replace (see
    :func:`newsconvert.output.write_atomic`); only those of files the manifest knows are
    touched, so a user's own files in OUT stay whatever their names.
    """
    known: dict[str, set[str]] = {"": {MANIFEST_NAME, *manifest.site_outputs}}
    for record in manifest.articles.values():
        for path in record.outputs:
            folder, _, name = path.rpartition("/")
            known.setdefault(folder, set()).add(name)
    for path in manifest.stale:
        folder, _, name = path.rpartition("/")
        known.setdefault(folder, set()).add(name)
    for folder, names in known.items():
        directory = out_dir / folder
        try:
            listing = os.listdir(directory)
        except OSError:
            continue
        for entry in listing:
            if entry[:1] == "." and entry.endswith(".tmp"):
                target = entry[1:-4].rpartition(".")[0]
                if target in names:
                    with contextlib.suppress(OSError):
                        os.unlink(directory / entry)


Executor = Callable[[Sequence[Task], Job], Iterable[Outcome]]
"""Runs a build's tasks: gets the tasks and the job, yields one outcome per task, in task order
(see :func:`run_tasks`, and :class:`newsconvert.dask.DaskExecutor` for a Dask cluster). An
executor with a ``hash_sources`` method (a :data:`SourceHasher`) also hashes the sources when
the build plans, where they are, so that the planning process need not read them."""

SourceHasher = Callable[[Store, Sequence[str]], dict[str, str | None]]
"""Hashes sources of a store: their SHA-256 by relative path (``None`` if unreadable)."""


@dataclass(slots=True)
class _Plan:
    tasks: list[Task]
    kept: int
    removed: list[str]
    problems: list[Problem]


def plan(
    source: Store,
    out: Store,
    manifest: Manifest,
    *,
    current_fingerprint: str,
    include: Sequence[str],
    exclude: Sequence[str],
    force: bool,
    hash_sources: SourceHasher | None = None,
    follow_symlinks: bool = False,
) -> _Plan:
    """Sort the sources into tasks (to convert) and kept records (unchanged), and list the
    sources that are gone (not those in a folder that cannot be read) and what was not taken.
    The sources that have a record are hashed by ``hash_sources`` (default: here, by
    ``source.hashes``)."""
    problems: list[Problem] = []
    found = source.files(include, exclude, follow_symlinks=follow_symlinks, problems=problems)
    relative_paths = list(found)
    slugs = assign_slugs(relative_paths)
    tasks: list[Task] = []
    kept = 0
    candidates = [] if force else [path for path in relative_paths if path in manifest.articles]
    hashes = hash_sources(source, candidates) if hash_sources else source.hashes(candidates)
    exists = out.contains()
    for relative_path in relative_paths:
        slug = slugs[relative_path]
        previous = manifest.articles.get(relative_path)
        if (
            not force
            and previous is not None
            and previous.source_hash
            and previous.fingerprint == current_fingerprint
            and previous.slug == slug
            and previous.source_hash == hashes[relative_path]
            and all(exists(path) for path in previous.outputs)
        ):
            kept += 1
        else:
            tasks.append(Task(relative_path, source.name(relative_path), slug))
    present = set(relative_paths)
    unread = tuple(problem.folder for problem in problems if problem.folder is not None)
    removed = [
        path for path in manifest.articles if path not in present and not path.startswith(unread)
    ]
    return _Plan(tasks, kept, removed, problems)


def _write_if_changed(out: Store, relative: str, text: str) -> None:
    # Rewriting identical bytes would only bump the modification time, which makes web servers
    # and feed readers think the file changed.
    data = text.encode("utf-8")
    with contextlib.suppress(NewsconvertError):
        if out.read(relative) == data:
            return
    out.write(relative, data)


def _make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsconvertError(
            f"cannot create the output folder: {error.strerror or error}", source=str(out_dir)
        ) from None


def _load_manifest(out: Store) -> Manifest:
    if isinstance(out, LocalStore):
        return load_manifest(out.root)
    try:
        data = out.read(MANIFEST_NAME)
    except NewsconvertError:
        return Manifest()
    # The journal of an object store: the tasks' own objects, replayed after the manifest.
    return parse_manifest(data + out.journal_text(), out.name(MANIFEST_NAME))


def _save_manifest(out: Store, manifest: Manifest) -> None:
    if isinstance(out, LocalStore):
        save_manifest(out.root, manifest)
    else:
        out.write_lines(MANIFEST_NAME, manifest.lines())
        out.clear_journal()  # what it said is in the manifest now


def _check_stores(source: Store, out: Store) -> str | None:
    """Refuse a build that would read its own output (see :func:`check_folders`); when SRC lies
    inside OUT, the prefix no output may take (see :attr:`Job.protected`)."""
    if isinstance(source, LocalStore) and isinstance(out, LocalStore):
        check_folders(source.root, out.root)
        return protected_prefix(source.root, out.root)
    source_name, out_name = source.name("").rstrip("/"), out.name("").rstrip("/")
    if out_name == source_name or out_name.startswith(source_name + "/"):
        raise ConfigError("the output folder is inside the source folder", source=out_name)
    if source_name.startswith(out_name + "/"):
        return source_name[len(out_name) + 1 :] + "/"
    return None


def _lock(out: Store) -> contextlib.AbstractContextManager[None]:
    if isinstance(out, LocalStore):
        _make_folder(out.root)
        return build_lock(out.root)
    # Object stores have no lock: one build at a time per OUT is the operator's to ensure.
    return contextlib.nullcontext()


def build(
    source_dir: Path | str | Store,
    out_dir: Path | str | Store,
    options: Options | None = None,
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    jobs: int = 1,
    force: bool = False,
    follow_symlinks: bool = False,
    progress: bool = False,
    warnings: bool = True,
    stderr: TextIO | None = None,
    executor: Executor | None = None,
    storage_options: dict[str, Any] | None = None,
) -> Summary:
    """Build the articles under ``source_dir`` into ``out_dir``; see the module doc.

    Either may be a URL read and written through fsspec (``s3://bucket/site``, see
    :mod:`newsconvert.storage`, with ``storage_options``). ``executor`` runs the conversions
    (default: :func:`run_tasks` with ``jobs`` processes; :class:`newsconvert.dask.DaskExecutor`
    on a Dask cluster).

    Failures of single articles are counted in the summary and printed to ``stderr`` (default
    :data:`sys.stderr`) as they happen, with warnings about the sources unless ``warnings`` is
    false; ``progress`` shows a progress bar there. Raises :class:`ConfigError` for folders
    that cannot be built (OUT inside SRC), and :class:`NewsconvertError` if another build is
    writing into ``out_dir`` (see :mod:`newsconvert.site.lock`), if a worker process dies, or
    if the index, feed or manifest cannot be written.
    """
    started = time.perf_counter()
    options = options or Options()
    options = replace(options, to=output_format(options.to or "html").name)
    stream = stderr if stderr is not None else sys.stderr
    source = open_store(source_dir, storage_options)
    out = open_store(out_dir, storage_options)
    protected = _check_stores(source, out)
    # Render with the templates as they are now, as fingerprinted below, even when an earlier
    # build in this process compiled older versions of them.
    reload_templates()
    # Held to the end: a second build into OUT would delete this one's files as stale.
    with _lock(out), _thawed_at_end():
        manifest = _load_manifest(out)
        if manifest.problem is not None:
            print(f"warning: {manifest.problem}; converting every article again", file=stream)
        if manifest.problem is not None or not out.contains()(MANIFEST_NAME):
            # The journal is appended to a manifest with a header: start one.
            _save_manifest(out, manifest)
        if isinstance(out, LocalStore):  # object stores are written whole, with no temporaries
            _remove_temporaries(out.root, manifest)
        current = options_fingerprint(options)
        work = plan(
            source,
            out,
            manifest,
            current_fingerprint=current,
            include=include,
            exclude=exclude,
            force=force,
            hash_sources=getattr(executor, "hash_sources", None),
            follow_symlinks=follow_symlinks,
        )
        summary = Summary(unchanged=work.kept)
        for problem in work.problems:
            if problem.error:
                summary.failed += 1
                summary.errors.append(problem.message)
                print(problem.message, file=stream)
            elif warnings:
                print(f"warning: {problem.message}", file=stream)
        bar = _progress_bar(len(work.tasks), stream) if progress and work.tasks else None

        def report(message: str) -> None:
            if bar is not None:
                bar.write(message, file=stream)
            else:
                print(message, file=stream)

        elsewhere = executor is not None or min(jobs, len(work.tasks)) > 1
        try:
            job = Job(options, source, out, current, protected)
            outcomes = executor(work.tasks, job) if executor else run_tasks(work.tasks, job, jobs)
            pause = _records_only() if elsewhere else contextlib.nullcontext()
            with pause:
                for outcome in outcomes:
                    for warning in outcome.warnings if warnings else ():
                        report(f"warning: {warning}")
                    if outcome.record is not None:
                        manifest.land(outcome.relative_path, outcome.record)
                        summary.converted += 1
                    else:
                        error = outcome.error or f"{outcome.relative_path}: failed"
                        summary.failed += 1
                        summary.errors.append(error)
                        report(error)
                        # Keep the previous build's output and record (nothing half-replaced): a
                        # hash that no longer matches makes the next build retry.
                        if outcome.begun:
                            manifest.begin(outcome.relative_path, outcome.begun)
                    if bar is not None:
                        bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        # The tasks are done with; the index and the manifest are built next, with every record
        # in memory at once, so drop them first.
        work.tasks.clear()

        # Delete what no current article produces: outputs of removed sources, and old outputs of
        # articles whose file name changed (a Jekyll post whose date changed).
        for path in work.removed:
            manifest.forget(path)
        summary.removed = len(work.removed)
        claimed = manifest.claimed()

        site_outputs: tuple[str, ...] = (INDEX_NAME, FEED_NAME) if options.to == "html" else ()
        site_values = f"{current}\0{options.fingerprint('site')!r}"
        site_print = hashlib.sha256(site_values.encode()).hexdigest()
        nothing_changed = (
            summary.converted == 0
            and not work.removed
            and not manifest.journaled
            and manifest.stale <= claimed
            and site_print == manifest.site_fingerprint
            and site_outputs == manifest.site_outputs
            and all(map(out.contains(), (*site_outputs, MANIFEST_NAME)))
        )
        if nothing_changed:
            # The common rerun: the index, feed and manifest would come out byte for byte the same,
            # so they are not even rendered.
            summary.seconds = time.perf_counter() - started
            return summary

        manifest.stale = {
            path for path in manifest.stale if path not in claimed and not out.remove(path)
        }
        site_error: NewsconvertError | None = None
        if site_outputs:
            try:
                _write_site_pages(out, manifest.articles, options)
            except NewsconvertError as error:
                site_error = error
        for path in manifest.site_outputs:
            if path not in site_outputs and path not in claimed:
                out.remove(path)

        # The manifest is written even when the index failed: it records exactly the articles whose
        # files were written, so the next build redoes only the rest.
        manifest.site_outputs = site_outputs
        manifest.site_fingerprint = "" if site_error else site_print
        _save_manifest(out, manifest)
        if site_error is not None:
            raise site_error
        summary.seconds = time.perf_counter() - started
        return summary


@contextlib.contextmanager
def _records_only() -> Iterator[None]:
    """The collector paused while this process only gathers the records of articles converted
    elsewhere, and what was made meanwhile frozen (:func:`gc.freeze`), never rescanned.

    The records live to the end of the build and form no cycles: each pass rescanned the growing
    heap for nothing (10k articles: 151 passes, one of them full, ~0.2 s of the CPU the workers
    need), and merely pausing left one long pass over all of them for the end of the build,
    when no worker runs. The frozen objects are given back to the collector (without a pass)
    when the build ends. A process that froze objects itself is left as it is."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def _thawed_at_end() -> Iterator[None]:
    """Give back to the collector what :func:`_records_only` froze during the block."""
    frozen_before = gc.get_freeze_count()
    try:
        yield
    finally:
        if not frozen_before and gc.get_freeze_count():
            gc.unfreeze()


def _write_site_pages(out: Store, records: dict[str, ArticleRecord], options: Options) -> None:
    """Write ``index.html`` and ``feed.xml`` from the records' index entries."""
    entries = newest_first(record.entry for record in records.values())
    index_text = render_index(
        entries, title=options.title, lang=options.lang, template_dirs=options.template_dirs
    )
    feed_text = render_feed(
        entries,
        title=options.title,
        base_url=options.base_url,
        size=options.feed_size,
        lang=options.lang,
    )
    _write_if_changed(out, INDEX_NAME, index_text)
    _write_if_changed(out, FEED_NAME, feed_text)


def _progress_bar(total: int, stream: TextIO) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, file=stream, unit="article", dynamic_ncols=True, leave=False)


def default_jobs() -> int:
    """The default ``--jobs``: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


__all__ = [
    "MANIFEST_NAME",
    "Summary",
    "build",
    "check_folders",
    "default_jobs",
]
