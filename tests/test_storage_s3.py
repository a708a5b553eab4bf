"""Sources and site in object storage: a real local S3 endpoint (moto in server mode, on a free
localhost port), read and written through s3fs, by the local build and by a Dask cluster."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("s3fs")
pytest.importorskip("distributed")
moto_server = pytest.importorskip("moto.server")

from conftest import BROKEN_NAME, Stderr, article_tree, files_of  # noqa: E402

import newsconvert  # noqa: E402
from newsconvert.dask import DaskExecutor  # noqa: E402
from newsconvert.site.builder import build  # noqa: E402
from newsconvert.site.cli import run  # noqa: E402
from newsconvert.site.manifest import MANIFEST_NAME  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on a free localhost port, for the whole module."""
    saved = {key: os.environ.get(key) for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port())
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def s3(s3_endpoint: str, corpus_dir: Path, tmp_path: Path) -> tuple[Any, dict[str, Any], str]:
    """A fresh bucket holding the article tree under ``articles/``: the file system, the
    storage options that reach it, and the bucket's URL."""
    import s3fs

    options = {"endpoint_url": s3_endpoint, "key": "testing", "secret": "testing"}
    fs = s3fs.S3FileSystem(**options)
    bucket = f"news-{tmp_path.name.lower().replace('_', '-')[-40:]}"
    fs.mkdir(bucket)
    fs.put(
        str(article_tree(corpus_dir, tmp_path / "src")) + "/", f"{bucket}/articles/", recursive=True
    )
    return fs, options, f"s3://{bucket}"


def bucket_files(fs: Any, prefix: str) -> dict[str, bytes]:
    fs.invalidate_cache()
    paths = fs.find(prefix)
    return {path[len(prefix) + 1 :]: fs.cat_file(path) for path in paths}


def test_local_build_reads_and_writes_s3(
    s3: tuple[Any, dict[str, Any], str], tmp_path: Path
) -> None:
    fs, options, bucket = s3
    err = Stderr()
    summary = build(
        f"{bucket}/articles", f"{bucket}/site", jobs=2, storage_options=options, stderr=err
    )
    assert (summary.converted, summary.failed) == (31, 1)
    assert f"{bucket}/articles/{BROKEN_NAME}:" in err.getvalue()
    reference = tmp_path / "reference"
    build(tmp_path / "src", reference, jobs=1, stderr=Stderr())
    expected = files_of(reference)
    got = bucket_files(fs, f"{bucket[5:]}/site")
    # The same pages, index and feed; the manifest differs only in where the sources were.
    assert got.keys() == expected.keys()
    assert {k: v for k, v in got.items() if k != MANIFEST_NAME} == {
        k: v for k, v in expected.items() if k != MANIFEST_NAME
    }
    again = build(f"{bucket}/articles", f"{bucket}/site", storage_options=options, stderr=err)
    assert (again.converted, again.unchanged) == (0, 31)


def test_cluster_build_survives_a_killed_worker_and_reruns_nothing(
    s3: tuple[Any, dict[str, Any], str], dask_client: Any, tmp_path: Path
) -> None:
    fs, options, bucket = s3
    executor = DaskExecutor(dask_client, 2)
    killed: list[int] = []

    def kill_a_worker_after_the_first_result(tasks: Any, job: Any) -> Any:
        for count, outcome in enumerate(executor(tasks, job)):
            if count == 0:
                # Both workers hold queued tasks by now; SIGKILL one process (the nanny starts
                # a new one, and the scheduler gives the lost tasks to the workers left).
                pids = dask_client.run(os.getpid)
                victim = max(pids.values())
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)
            yield outcome

    err = Stderr()
    summary = build(
        f"{bucket}/articles",
        f"{bucket}/site",
        executor=kill_a_worker_after_the_first_result,
        storage_options=options,
        stderr=err,
    )
    assert killed
    assert (summary.converted, summary.failed) == (31, 1), err.getvalue()
    reference = tmp_path / "reference"
    build(tmp_path / "src", reference, jobs=1, stderr=Stderr())
    got = bucket_files(fs, f"{bucket[5:]}/site")
    expected = files_of(reference)
    assert {k: v for k, v in got.items() if k != MANIFEST_NAME} == {
        k: v for k, v in expected.items() if k != MANIFEST_NAME
    }
    # The rerun needs no more than the worker left (the nanny restarts the other in time).
    rerun = build(
        f"{bucket}/articles",
        f"{bucket}/site",
        executor=executor,
        storage_options=options,
        stderr=Stderr(),
    )
    assert (rerun.converted, rerun.unchanged, rerun.failed) == (0, 31, 1)


def test_cli_and_read_article_take_s3_urls(
    s3: tuple[Any, dict[str, Any], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fs, options, bucket = s3
    err = Stderr()
    code = run(
        [
            f"{bucket}/articles",
            "-o",
            f"{bucket}/md",
            "--to",
            "md",
            "--storage-option",
            f"endpoint_url={options['endpoint_url']}",
        ],
        stderr=err,
    )
    assert code == 1 and "31 converted, 0 unchanged, 1 failed" in err.getvalue()
    assert f"{bucket[5:]}/md/000-37575f6eff0020da.md" in fs.find(f"{bucket[5:]}/md")
    # The single-file API and CLI read URLs with fsspec's usual configuration (environment).
    monkeypatch.setenv("AWS_ENDPOINT_URL", options["endpoint_url"])
    url = f"{bucket}/articles/000_37575f6eff0020da.txt"
    local = tmp_path / "src" / "000_37575f6eff0020da.txt"
    assert newsconvert.read_article(url).headline == newsconvert.read_article(local).headline
    from newsconvert.cli import main

    monkeypatch.setattr("sys.argv", ["newsconvert", f"{bucket}/articles/missing.txt"])
    assert main() != 0


def test_output_inside_the_source_prefix_is_refused(s3: tuple[Any, dict[str, Any], str]) -> None:
    _, options, bucket = s3
    err = Stderr()
    args = [f"{bucket}/articles", "-o", f"{bucket}/articles/site"]
    code = run([*args, "--storage-option", f"endpoint_url={options['endpoint_url']}"], stderr=err)
    assert code == 2 and "inside the source folder" in err.getvalue()


CHILD_BUILD = """
import sys
from newsconvert.site.builder import build
options = {"endpoint_url": sys.argv[3], "key": "testing", "secret": "testing"}
build(sys.argv[1], sys.argv[2], jobs=1, storage_options=options)
"""


def test_a_killed_client_then_reverted_sources_leave_no_stale_page(
    s3: tuple[Any, dict[str, Any], str], tmp_path: Path
) -> None:
    fs, options, bucket = s3
    source, site = f"{bucket}/articles", f"{bucket}/site"
    build(source, site, storage_options=options, stderr=Stderr())
    originals = bucket_files(fs, f"{bucket[5:]}/articles")
    # Every source changes; a build of the changes is killed once it has journaled a task
    # (some of its pages may be written, some not); then the sources are reverted.
    for name, data in originals.items():
        if name != BROKEN_NAME:
            fs.pipe_file(f"{bucket[5:]}/articles/{name}", data + b"\nWITHDRAWN PARAGRAPH.\n")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_BUILD, source, site, options["endpoint_url"]],
        stderr=subprocess.DEVNULL,
    )
    journal = f"{bucket[5:]}/site/.newsconvert-journal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        fs.invalidate_cache()
        if fs.exists(journal) and fs.find(journal):
            break
        time.sleep(0.02)
    child.kill()
    child.wait()
    assert fs.find(journal), "the build finished before it could be killed"
    for name, data in originals.items():
        fs.pipe_file(f"{bucket[5:]}/articles/{name}", data)
    fs.invalidate_cache()
    build(source, site, storage_options=options, stderr=Stderr())
    reference = tmp_path / "reference"
    build(tmp_path / "src", reference, jobs=1, stderr=Stderr())
    got = bucket_files(fs, f"{bucket[5:]}/site")
    expected = files_of(reference)
    assert not any(b"WITHDRAWN" in data for data in got.values())
    assert {k: v for k, v in got.items() if k != MANIFEST_NAME} == {
        k: v for k, v in expected.items() if k != MANIFEST_NAME
    }
