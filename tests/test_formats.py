"""One record per format: every front end accepts the same names and suffixes.

Before newsconvert.formats, each front end kept its own table and they disagreed:
``render(a, "commonmark")`` raised while ``-t commonmark`` worked, ``-t rest`` failed while
``render(a, "rest")`` worked, ``-t htm`` failed while ``render(a, "htm")`` worked.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from render_support import sample_article

import newsconvert
from newsconvert import cli, formats, readers
from newsconvert.errors import ConfigError
from newsconvert.site import cli as build_cli

ARTICLE = sample_article()
OUTPUT_NAMES = [(name, fmt.name) for fmt in formats.OUTPUT_FORMATS for name in fmt.names]
INPUT_NAMES = [(name, fmt.name) for fmt in formats.INPUT_FORMATS for name in fmt.names]


def test_the_names_users_type_are_all_there() -> None:
    names = dict(OUTPUT_NAMES)
    aliases = {"commonmark": "md", "markdown": "md", "rest": "rst", "restructuredtext": "rst",
               "htm": "html", "html5": "html"}  # fmt: skip
    for alias, fmt in aliases.items():
        assert names[alias] == fmt
    assert dict(INPUT_NAMES)["txt"] == "text"
    assert newsconvert.FORMATS == ("md", "html", "rst", "json")


@pytest.mark.parametrize(("name", "fmt"), OUTPUT_NAMES)
def test_every_output_name_means_the_same_in_every_front_end(name: str, fmt: str) -> None:
    expected = newsconvert.render(ARTICLE, fmt)
    for spelling in (name, name.upper()):
        assert newsconvert.render(ARTICLE, spelling) == expected
    assert cli.build_parser().parse_args(["-t", name, "a.txt"]).to == fmt
    assert build_cli.make_parser().parse_args(["src", "-o", "out", "-t", name]).to == fmt


@pytest.mark.parametrize(("name", "fmt"), INPUT_NAMES)
def test_every_input_name_means_the_same_in_every_front_end(name: str, fmt: str) -> None:
    assert cli.build_parser().parse_args(["-f", name, "a.txt"]).from_format == fmt
    assert formats.input_format(name.upper()).name == fmt


@pytest.mark.parametrize("fmt", [f for f in formats.INPUT_FORMATS if f is not formats.TEXT])
def test_every_suffix_is_read_and_written_as_its_format(
    fmt: formats.Format, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for suffix in fmt.suffixes:
        assert readers.infer_format(f"story{suffix.upper()}") == fmt.name
        assert formats.input_format_for_path(f"a/story{suffix}") is fmt
        # The CLI names the output format from the same suffixes.
        target = tmp_path / f"out{suffix}"
        source = tmp_path / "story.txt"
        source.write_text("Headline\n\nBody text.\n", encoding="utf-8")
        assert cli.run([str(source), "-o", str(target)]) == 0
        assert target.read_text(encoding="utf-8") == newsconvert.convert(
            "Headline\n\nBody text.\n", fmt.name, source=str(source)
        )
        # ... and reads it back by its suffix.
        assert (
            newsconvert.read_article(target).headline
            == newsconvert.parse("Headline\n\nBody text.\n").headline
        )
    capsys.readouterr()


def test_plain_text_is_what_no_format_claims() -> None:
    for path in ("story.txt", "story", "-", "story.news", "notes.TXT"):
        assert formats.input_format_for_path(path) is formats.TEXT
        assert readers.infer_format(path) is None


def test_unknown_names_fail_alike_everywhere() -> None:
    with pytest.raises(ConfigError, match=r"unknown output format 'docx' \(choose from md, html"):
        newsconvert.render(ARTICLE, "docx")
    with pytest.raises(ConfigError, match=r"unknown input format 'pdf' \(choose from text, md"):
        readers.read("x", "pdf")
    assert cli.run(["-t", "docx", "a.txt"]) == 2
    assert build_cli.run(["src", "-o", "out", "-t", "docx"]) == 2


def test_text_is_an_input_format_only() -> None:
    with pytest.raises(ConfigError):
        formats.output_format("text")
    assert not formats.TEXT.is_output
    assert all(fmt.is_input for fmt in formats.OUTPUT_FORMATS)


@pytest.mark.parametrize(
    "name", ["story.txt", "story.", "story..", ".hidden", "a.b.c", "story", "", "..", ".a.b"]
)
def test_split_suffix_reads_a_name_as_pathlib_does(name: str) -> None:
    path = PurePosixPath(name)
    assert formats.split_suffix(name) == (path.stem if name else "", path.suffix)
