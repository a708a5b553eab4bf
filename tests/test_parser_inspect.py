"""``newsconvert inspect``: the line table, JSON, options and errors, through ``run``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsconvert.inspection import run

ARTICLE = (
    "Published 19:17 IST, November 27th 2019\n"
    "Council approves budget\n"
    "The council met on Monday and agreed the budget after a long debate in the chamber.\n"
    "Swift outreach\n"
    "Officials said the money would reach schools and clinics before the end of the year.\n"
    "(With AP inputs)\n"
)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_table_shows_line_role_rule_and_text(article_file: Path, capsys) -> None:
    assert run([str(article_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["line", "role", "rule", "text"]
    assert out[1].split()[:3] == ["1", "timestamp.published", "labelled-timestamp"]
    assert out[2].split()[:3] == ["2", "headline", "first-title-line"]
    assert out[4].split()[:3] == ["4", "heading", "short-line-between-paragraphs"]
    assert out[6].split()[:2] == ["6", "credit"]
    assert len(out) == 7


def test_json_lists_every_line(article_file: Path, capsys) -> None:
    assert run([str(article_file), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5, 6]
    assert records[1] == {
        "line": 2,
        "role": "headline",
        "rule": "first-title-line",
        "text": "Council approves budget",
    }
    assert {r["role"] for r in records} >= {"paragraph", "heading", "credit"}


def test_layout_and_zone_options(article_file: Path, capsys) -> None:
    assert run([str(article_file), "--json", "--layout", "lines", "--tz", "IST=Europe/Dublin"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["role"] == "timestamp.published"


def test_long_lines_are_shortened_in_the_table(tmp_path: Path, capsys) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Council approves budget\n" + "word " * 100 + "\n", encoding="utf-8")
    assert run([str(path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[2].endswith("\u2026")
    assert len(rows[2]) < 200


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.txt"
    assert run([str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(str(missing) + ":")


def test_unparseable_file_names_file_and_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n", encoding="utf-8")
    assert run([str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"{path}: file holds only whitespace\n"


def test_diagnostics_go_to_stderr(tmp_path: Path, capsys) -> None:
    path = tmp_path / "body.txt"
    path.write_text("A first paragraph without a title.\n\nA second one.\n", encoding="utf-8")
    assert run([str(path)]) == 0
    captured = capsys.readouterr()
    assert "headline" not in captured.out  # no line is taken for one
    assert captured.err == f"{path}:1: no line reads as a title; the article has no headline\n"
    assert run([str(path), "--strict"]) == 1


@pytest.mark.parametrize(
    "argv",
    [[], ["a.txt", "--layout", "columns"], ["a.txt", "--tz", "nonsense"], ["--bogus", "a.txt"]],
)
def test_bad_usage_exits_2(argv: list[str], capsys) -> None:
    assert run(argv) == 2
    assert capsys.readouterr().err


def test_cli_dispatches_inspect(article_file: Path, capsys) -> None:
    from newsconvert.cli import run as cli_run

    assert cli_run(["inspect", str(article_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[1]["role"] == "headline"
