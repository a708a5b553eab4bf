"""The article dataset: ``newsconvert.dask.to_parquet`` and ``newsconvert build --to parquet``,
read back with pyarrow (and DuckDB when installed)."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from conftest import BROKEN_NAME, Stderr, article_tree  # noqa: E402

import newsconvert  # noqa: E402
from newsconvert.dask import parquet_schema, to_parquet  # noqa: E402
from newsconvert.site.cli import run  # noqa: E402


@pytest.fixture
def tree(corpus_dir: Path, tmp_path: Path) -> Path:
    return article_tree(corpus_dir, tmp_path / "src", per_folder=4)


def read_back(folder: Path) -> Any:
    return pq.read_table(folder, schema=parquet_schema())


def test_dataset_has_one_typed_row_per_article(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    summary = to_parquet(tree, out, chunk_size=3)
    assert summary.rows == 21
    assert len(summary.errors) == 1 and f"{tree / BROKEN_NAME}:" in summary.errors[0]
    # Partitioned like the input: the files sit in the sources' folders.
    parts = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.parquet"))
    assert "bbc/sport/part-00000.parquet" in parts and "bbc/sport/part-00001.parquet" in parts
    assert "part-00000.parquet" in parts and "reuters/part-00001.parquet" in parts
    table = read_back(out)
    assert table.num_rows == 21
    assert table.schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("bylines").type == pa.list_(pa.string())
    rows = {Path(row["source"]).relative_to(tree).as_posix(): row for row in table.to_pylist()}
    assert len(rows) == 21
    reference = tree / "000_37575f6eff0020da.txt"
    article = newsconvert.read_article(reference)
    row = rows[reference.name]  # at the top of the tree
    assert row["headline"] == article.headline.text
    assert article.published is not None and article.published.value is not None
    assert row["published"] == article.published.value.astimezone(UTC)
    assert row["published_local"] == article.published.value.replace(tzinfo=None)
    assert row["bylines"] == [byline.text for byline in article.bylines]
    assert row["credits"] == [credit.text for credit in article.credits]
    sections = json.loads(row["sections"])
    assert len(sections) == len(article.sections)
    # Nothing is lost: every paragraph's text is in the body.
    for block in article.blocks():
        assert block.text in row["body"]


def test_duckdb_queries_the_dataset(tree: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "dataset"
    to_parquet(tree, out)
    count, dated = duckdb.sql(
        f"select count(*), count(published) from read_parquet('{out}/**/*.parquet')"
    ).fetchall()[0]
    assert count == 21 and 0 < dated <= 21
    kind = duckdb.sql(
        f"select typeof(published) from read_parquet('{out}/**/*.parquet') limit 1"
    ).fetchall()[0][0]
    assert kind == "TIMESTAMP WITH TIME ZONE"


def test_cli_writes_the_dataset_and_removes_stale_parts(tree: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "dataset"
    stale = out / "gone" / "part-00000.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    err = Stderr()
    code = run([str(tree), "-o", str(out), "--to", "parquet", "--jobs", "2"], stderr=err)
    assert code == 1  # the broken article, reported
    assert f"{tree / BROKEN_NAME}:" in err.getvalue()
    assert "21 articles written, 1 failed" in err.getvalue()
    assert not stale.exists()
    assert read_back(out).num_rows == 21
