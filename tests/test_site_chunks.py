"""How a parallel build deals out its articles, and what a worker sends back."""

from __future__ import annotations

import dataclasses
import gc
import itertools
import pickle
from pathlib import Path

from newsconvert.site.builder import (
    Outcome,
    Task,
    build,
    folder_chunks,
    pack_outcome,
    unpack_outcome,
)
from newsconvert.site.index import IndexEntry
from newsconvert.site.manifest import ArticleRecord


def _tasks(folders: list[tuple[str, int]]) -> list[Task]:
    tasks = []
    for folder, count in folders:
        for number in range(count):
            relative = f"{folder}/{number:04d}.txt" if folder else f"{number:04d}.txt"
            tasks.append(Task(relative, "src/" + relative, relative[:-4]))
    return tasks


def _check_cover(tasks: list[Task], chunks: list[tuple[int, int]]) -> None:
    assert chunks[0][0] == 0 and chunks[-1][1] == len(tasks)
    for (_, end), (start, _) in itertools.pairwise(chunks):
        assert end == start  # every task once, in order
    assert all(end > start for start, end in chunks)


def test_chunks_hold_whole_folders() -> None:
    tasks = _tasks([(f"{number:03d}", 500) for number in range(20)])
    chunks = folder_chunks(tasks, 2)
    _check_cover(tasks, chunks)
    for start, end in chunks:
        folders = {task.relative_path.split("/")[0] for task in tasks[start:end]}
        assert len(folders) == 1  # so no two workers write into one folder at once
    assert len(chunks) >= 8  # and enough of them to keep both workers busy


def test_small_folders_share_a_chunk_and_a_big_one_is_cut() -> None:
    tasks = _tasks([("a", 3), ("b", 5), ("big", 2000), ("c", 7), ("d", 2)])
    chunks = folder_chunks(tasks, 2)
    _check_cover(tasks, chunks)
    first = {task.relative_path.split("/")[0] for task in tasks[slice(*chunks[0])]}
    assert first == {"a", "b"}
    for start, end in chunks:
        folders = {task.relative_path.split("/")[0] for task in tasks[start:end]}
        assert "big" not in folders or folders == {"big"}


def test_one_flat_folder_is_still_shared_between_workers() -> None:
    tasks = _tasks([("", 1000)])
    chunks = folder_chunks(tasks, 2)
    _check_cover(tasks, chunks)
    assert len(chunks) >= 4
    assert folder_chunks(_tasks([("", 1)]), 2) == [(0, 1)]


def test_tasks_cross_the_pipe_whole() -> None:
    tasks = _tasks([("a", 2), ("", 1)])
    assert pickle.loads(pickle.dumps(tasks)) == tasks


def test_outcomes_cross_the_pipe_as_plain_values() -> None:
    entry = IndexEntry(
        "world/story", "world/story.html", "Headline", None, "2024-05-01T10:00:00+00:00",
        None, "1 May 2024", ("Ana", "Bo"), 1714557600.0,
    )  # fmt: skip
    record = ArticleRecord("ab" * 32, "world/story", ("world/story.html",), "cd" * 32, entry)
    for outcome in (
        Outcome("world/story.txt", record=record, warnings=("legacy encoding",)),
        Outcome("world/bad.txt", error="world/bad.txt:3: no headline", begun=("x.html",)),
    ):
        packed = pack_outcome(outcome)
        unpacked = unpack_outcome(pickle.loads(pickle.dumps(packed)))
        assert unpacked == outcome
        assert "newsconvert" not in repr(packed)  # no dataclass of ours crosses
        if unpacked.record is not None:  # its JSON text comes along, as the record would make it
            remade = dataclasses.replace(unpacked.record)
            assert unpacked.record.json_text() == remade.json_text()


def test_a_parallel_build_gives_the_collector_back(tmp_path: Path) -> None:
    # The parent pauses the collector while it gathers the workers' records, and freezes them;
    # the pool's workers, forked meanwhile, enable their own.
    source = tmp_path / "src"
    examples = sorted((Path(__file__).parents[1] / "examples").glob("*.txt"))
    for number, example in enumerate(examples):
        (source / f"desk{number}").mkdir(parents=True)
        (source / f"desk{number}" / example.name).write_bytes(example.read_bytes())
    assert gc.isenabled() and gc.get_freeze_count() == 0
    summary = build(source, tmp_path / "out", jobs=2, warnings=False)
    assert summary.converted == 3 and summary.failed == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
