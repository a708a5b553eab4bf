"""Finding article files: include/exclude globs, hidden files, a stable order."""

from __future__ import annotations

from pathlib import Path

from newsconvert.site.discover import discover


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_defaults_take_txt_and_news_files_at_any_depth(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.txt", "b.news", "notes.md", "x/y/c.txt", "x/labels.jsonl"])
    assert sorted(discover(tmp_path)) == ["a.txt", "b.news", "x/y/c.txt"]


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path, [".draft.txt", ".git/HEAD.txt", "ok.txt"])
    assert list(discover(tmp_path)) == ["ok.txt"]


def test_globs_with_a_slash_match_the_relative_path(tmp_path: Path) -> None:
    make_tree(tmp_path, ["bbc/tech/1.txt", "bbc/sport/2.txt", "reuters/3.txt"])
    assert list(discover(tmp_path, include=["bbc/*"])) == ["bbc/sport/2.txt", "bbc/tech/1.txt"]
    assert list(discover(tmp_path, exclude=["bbc/sport/*"])) == [
        "bbc/tech/1.txt",
        "reuters/3.txt",
    ]


def test_an_excluded_folder_is_not_entered(tmp_path: Path) -> None:
    make_tree(tmp_path, ["drafts/a.txt", "final/b.txt"])
    assert list(discover(tmp_path, exclude=["drafts"])) == ["final/b.txt"]


def test_order_is_sorted_within_each_folder(tmp_path: Path) -> None:
    make_tree(tmp_path, ["c.txt", "a.txt", "b/z.txt", "b/a.txt"])
    assert list(discover(tmp_path)) == ["a.txt", "c.txt", "b/a.txt", "b/z.txt"]
