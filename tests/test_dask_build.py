"""``newsconvert build`` on a real Dask cluster (a LocalCluster of two worker processes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

from conftest import BROKEN_NAME, Stderr, article_tree, files_of

from newsconvert.dask import DaskExecutor, chunk_by_folder, read_articles
from newsconvert.options import Options
from newsconvert.site.builder import Task, build
from newsconvert.site.cli import run
from newsconvert.storage import LocalStore


@pytest.fixture
def tree(corpus_dir: Path, tmp_path: Path) -> Path:
    return article_tree(corpus_dir, tmp_path / "src")


def test_cluster_output_is_byte_for_byte_the_local_output(
    tree: Path, tmp_path: Path, dask_client: Any
) -> None:
    local, remote = tmp_path / "local", tmp_path / "dask"
    errors_local, errors_dask = Stderr(), Stderr()
    expected = build(tree, local, jobs=2, stderr=errors_local)
    # Small tasks, so that both workers get several and the order of completion varies.
    summary = build(tree, remote, executor=DaskExecutor(dask_client, 4), stderr=errors_dask)
    assert (summary.converted, summary.failed) == (expected.converted, expected.failed) == (31, 1)
    assert files_of(remote) == files_of(local)
    # The failed article is reported with its path, the same way, and the rest are built.
    assert errors_dask.getvalue() == errors_local.getvalue()
    assert f"{tree / BROKEN_NAME}:" in errors_dask.getvalue()


def test_incremental_rebuild_on_the_cluster_sends_only_changed_sources(
    tree: Path, tmp_path: Path, dask_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    executor = DaskExecutor(dask_client, 4)
    build(tree, out, executor=executor, stderr=Stderr())
    sent: list[str] = []

    def counting(tasks: Any, job: Any) -> Any:
        sent.extend(task.relative_path for task in tasks)
        return executor(tasks, job)

    story = tree / "bbc" / "tech" / sorted(p.name for p in (tree / "bbc" / "tech").iterdir())[0]
    story.write_text(story.read_text("utf-8") + "\nA closing paragraph added.\n", "utf-8")

    def no_hashing_here(self: Any, paths: Any) -> Any:
        raise AssertionError("the client hashed sources itself")

    # The workers hash the sources (the patch reaches only this, the client's, process).
    counting.hash_sources = executor.hash_sources  # type: ignore[attr-defined]
    monkeypatch.setattr(LocalStore, "hashes", no_hashing_here)
    summary = build(tree, out, executor=counting, stderr=Stderr())
    monkeypatch.undo()
    # The broken source is retried (it has no record); the edited one is rebuilt; nothing else.
    assert sorted(sent) == sorted([BROKEN_NAME, story.relative_to(tree).as_posix()])
    assert (summary.converted, summary.failed, summary.unchanged) == (1, 1, 30)
    page = out / story.relative_to(tree).with_suffix(".html")
    assert "A closing paragraph added." in page.read_text("utf-8")


def test_cli_runs_on_a_scheduler_by_address(tree: Path, tmp_path: Path, dask_client: Any) -> None:
    err = Stderr()
    address = dask_client.scheduler.address
    code = run([str(tree), "-o", str(tmp_path / "out"), "--scheduler", address], stderr=err)
    assert code == 1  # the broken article
    assert "31 converted, 0 unchanged, 1 failed" in err.getvalue()
    reference = tmp_path / "reference"
    build(tree, reference, jobs=1, stderr=Stderr())
    assert files_of(tmp_path / "out") == files_of(reference)


def test_tasks_are_cut_per_folder_and_by_size() -> None:
    names = ["a/1", "a/2", "a/3", "b/1", "c/d/1", "c/d/2", "top"]
    tasks = [Task(name, name, name) for name in names]
    chunks = chunk_by_folder(tasks, lambda task: task.relative_path.rpartition("/")[0], 2)
    assert [[t.relative_path for t in chunk] for chunk in chunks] == [
        ["a/1", "a/2"],
        ["a/3"],
        ["b/1"],
        ["c/d/1", "c/d/2"],
        ["top"],
    ]


def test_read_articles_gives_a_bag_of_trees_and_of_json(
    tree: Path, dask_client: Any, corpus_dir: Path
) -> None:
    (tree / BROKEN_NAME).unlink()
    bag = read_articles(tree, chunk_size=4)
    assert bag.npartitions >= 8  # at least one per folder
    headlines = sorted(bag.map(lambda article: repr(article.headline)).compute())
    reference = read_articles(tree, options=Options()).compute()
    assert headlines == sorted(repr(article.headline) for article in reference)
    assert len(headlines) == 31
    records = read_articles(tree, as_json=True).compute()
    first = next(r for r in records if r["source"].endswith("000_37575f6eff0020da.txt"))
    import newsconvert

    expected = newsconvert.read_article(corpus_dir / "000_37575f6eff0020da.txt")
    assert first["headline"] == expected.headline.text
    assert first["sections"] and first["bylines"] == [b.text for b in expected.bylines]


def test_read_articles_names_the_article_that_fails(tree: Path, dask_client: Any) -> None:
    from newsconvert.errors import NewsconvertError

    with pytest.raises(NewsconvertError, match=r"broken/binary\.txt"):
        read_articles(tree).compute()
