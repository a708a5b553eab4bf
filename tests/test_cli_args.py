"""The command line's own behaviour: options, usage errors, exit codes, one-line reports.

These need neither the parser nor the renderers: every case here fails (or finishes) before an
article is parsed. Conversions are in test_cli_convert.py.
"""

from __future__ import annotations

import io
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import one_line

from newsconvert import __version__, cli
from newsconvert.cli import run

SOURCE_DATA = Path(__file__).resolve().parent / "data" / "source"
REPO = Path(__file__).resolve().parents[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"newsconvert {__version__}\n", "")


def test_help_has_examples_and_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("usage: newsconvert")
    assert "examples:\n  newsconvert story.txt " in out
    assert "newsconvert build SRC -o OUT" in out
    assert "newsconvert inspect FILE" in out
    for option in ("--to", "--output-dir", "--standalone", "--template-dir", "--tz", "--check"):
        assert option in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus", "a.txt"], "newsconvert: unrecognized arguments: --bogus"),
        (["-t", "docx", "a.txt"], "newsconvert: argument -t/--to: unknown output format 'docx'"),
        (["-f", "pdf", "a.txt"], "newsconvert: argument -f/--from: unknown input format 'pdf'"),
        (["a.txt", "b.txt"], "newsconvert: several inputs need --output-dir DIR"),
        (["a.txt", "-o", "a.docx"], "newsconvert: cannot tell the output format from 'a.docx'"),
        (["a.txt", "-o", "x.md", "--output-dir", "d"], "newsconvert: give either -o or"),
        (["--encoding", "klingon", "a.txt"], "newsconvert: argument --encoding: unknown encoding"),
        (["--lang", "en GB", "a.txt"], "newsconvert: argument --lang: not a language tag"),
        (["--template-dir", "/nonexistent/t", "a.txt"], "newsconvert: --template-dir "),
        (["-", "-", "--output-dir", "d"], "newsconvert: stdin (-) can be read only once"),
        (["--tz", "IST", "a.txt"], "newsconvert: argument --tz: bad time-zone override 'IST'"),
        (["--tz", "IST=Mars/Olympus_Mons", "a.txt"], "newsconvert: "),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert one_line(err).startswith(message)
    assert list(tmp_path.iterdir()) == []  # nothing converted, nothing written


def test_unknown_time_zone_names_the_zone(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--tz", "IST=Mars/Olympus_Mons", "a.txt"]) == 2
    assert "Mars/Olympus_Mons" in one_line(capsys.readouterr().err)


def test_two_inputs_with_one_output_name_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("story.txt", "story.md"):
        (tmp_path / name).write_text("Headline\n\nBody.\n", encoding="utf-8")
    inputs = [str(tmp_path / "story.txt"), str(tmp_path / "story.md")]
    assert run([*inputs, "-t", "html", "--output-dir", str(tmp_path / "out")]) == 2
    err = one_line(capsys.readouterr().err)
    assert err == (
        f"newsconvert: {inputs[0]} and {inputs[1]} would both be written to "
        f"{tmp_path / 'out' / 'story.html'} (see newsconvert --help)"
    )
    assert not (tmp_path / "out").exists()


def test_an_output_that_would_replace_its_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    story = tmp_path / "story.md"
    story.write_text("# Headline\n\nBody.\n", encoding="utf-8")
    assert run([str(story), "-t", "md", "--output-dir", str(tmp_path)]) == 2
    assert "would overwrite the input" in one_line(capsys.readouterr().err)
    assert story.read_text(encoding="utf-8") == "# Headline\n\nBody.\n"


def test_missing_input_exits_1_with_the_os_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["/nonexistent/story.txt"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert one_line(err) == "/nonexistent/story.txt: cannot read: No such file or directory"


def test_directory_input_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(SOURCE_DATA)]) == 1
    assert one_line(capsys.readouterr().err) == f"{SOURCE_DATA}: cannot read: Is a directory"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("tiny.png", ":1: binary file (looks like PNG), not text"),
        ("tiny.txt.gz", ":1: binary file (looks like gzip), not text"),
        ("nul.txt", ":3: binary file (contains NUL characters), not text"),
        ("empty.txt", ": empty file"),
    ],
)
def test_bad_input_files_exit_1_and_write_nothing(
    name: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.html"
    assert run([str(SOURCE_DATA / name), "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert one_line(err) == f"{SOURCE_DATA / name}{message}"
    assert list(tmp_path.iterdir()) == []


def test_latin1_with_strict_exits_1_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    assert run([str(SOURCE_DATA / "latin1.txt"), "--strict", "-o", str(target)]) == 1
    err = one_line(capsys.readouterr().err)
    assert err.startswith(f"{SOURCE_DATA / 'latin1.txt'}:3: not valid UTF-8; decoded as ISO-8859-1")
    assert not target.exists()


def test_stdin_binary_is_reported_as_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO((SOURCE_DATA / "tiny.png").read_bytes()))
    )
    assert run(["-"]) == 1
    assert one_line(capsys.readouterr().err) == "<stdin>:1: binary file (looks like PNG), not text"


def test_no_input_on_a_terminal_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert run([]) == 2
    assert one_line(capsys.readouterr().err).startswith("newsconvert: no input files")


def test_a_file_named_build_is_converted_as_dot_slash_build(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A PNG named "build": reaching the binary check proves it was read as an input file.
    (tmp_path / "build").write_bytes((SOURCE_DATA / "tiny.png").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert run(["./build"]) == 1
    assert one_line(capsys.readouterr().err) == "./build:1: binary file (looks like PNG), not text"


@pytest.mark.parametrize(("word", "module"), sorted(cli.SUBCOMMANDS.items()))
def test_subcommands_get_the_rest_of_the_command_line(
    word: str, module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    fake = types.ModuleType(module)
    fake.run = lambda argv: seen.append(list(argv)) or 3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module, fake)
    assert run([word, "SRC", "-o", "OUT", "--to", "html"]) == 3
    assert seen == [["SRC", "-o", "OUT", "--to", "html"]]


def test_a_missing_subcommand_module_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "newsconvert.inspection", None)
    assert run(["inspect", "story.txt"]) == 2
    err = one_line(capsys.readouterr().err)
    assert err.startswith("newsconvert: 'inspect' is not available: newsconvert.inspection")


def test_an_unexpected_exception_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug\nwith a second line")

    monkeypatch.setattr(cli, "read_source", broken)
    assert run(["story.txt"]) == 1
    assert one_line(capsys.readouterr().err) == (
        "newsconvert: internal error: story.txt: RuntimeError: simulated bug with a second line"
    )


def test_report_prints_errors_in_one_shape(capsys: pytest.CaptureFixture[str]) -> None:
    from newsconvert.errors import InputError, ParseError

    cli.report(ParseError("no headline", source="a.txt", line=4))
    cli.report(InputError("empty file", source="b.txt"))
    cli.report(ParseError("bad\ndate", line=2))
    assert capsys.readouterr().err == (
        "a.txt:4: no headline\nb.txt: empty file\nnewsconvert:2: bad date\n"
    )


def test_version_imports_no_heavy_module() -> None:
    """``python -m newsconvert --version`` loads neither the parser nor any markup library."""
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['newsconvert', '--version']\n"
        "try:\n"
        "    runpy.run_module('newsconvert', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as finished:\n"
        "    status = finished.code\n"
        "heavy = sorted(name for name in sys.modules if name.split('.')[0] in\n"
        "    {'docutils', 'markdown_it', 'jinja2', 'yaml', 'sphinx'}\n"
        "    or name.startswith(('newsconvert.parser', 'newsconvert.renderers',\n"
        "                        'newsconvert.readers')))\n"
        "print('status', status, 'heavy', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout == f"newsconvert {__version__}\n"
    assert done.stderr == "status 0 heavy []\n"


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsconvert", "--to", "nope", "x.txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert one_line(done.stderr).startswith("newsconvert: argument -t/--to: unknown output format")


def test_a_subcommand_that_exits_still_returns_a_status(monkeypatch: pytest.MonkeyPatch) -> None:
    def exits(argv: list[str]) -> int:
        raise SystemExit(2 if argv else None)

    fake = types.ModuleType("newsconvert.inspection")
    fake.run = exits  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsconvert.inspection", fake)
    assert run(["inspect", "--bogus"]) == 2
    assert run(["inspect"]) == 0


def test_an_output_that_would_replace_another_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a.txt would be written to out/a.md, which this run has yet to read as an input.
    first, second = tmp_path / "a.txt", tmp_path / "out" / "a.md"
    second.parent.mkdir()
    first.write_text("Headline\n\nBody.\n", encoding="utf-8")
    second.write_text("# Other\n\nText.\n", encoding="utf-8")
    assert run([str(first), str(second), "-t", "md", "--output-dir", str(second.parent)]) == 2
    assert one_line(capsys.readouterr().err) == (
        f"newsconvert: {first}: the output {second} would overwrite the input {second} "
        "(see newsconvert --help)"
    )
    assert second.read_text(encoding="utf-8") == "# Other\n\nText.\n"
    assert sorted(p.name for p in second.parent.iterdir()) == ["a.md"]


@pytest.mark.parametrize(
    "words", [["-t", "parquet"], ["--to=parquet"], ["-tparquet"], ["--to", "PARQUET"]]
)
def test_build_to_parquet_is_an_ordinary_option(words: list[str]) -> None:
    from newsconvert.options import from_arguments
    from newsconvert.site.cli import make_parser

    args = make_parser().parse_args(["src", "-o", "out", *words])
    assert from_arguments(args, "build").to == "parquet"


def test_only_build_writes_parquet(capsys: pytest.CaptureFixture[str]) -> None:
    from newsconvert.site.cli import run as build_run

    assert build_run(["src", "-o", "out", "--to", "xlsx"]) == 2
    assert "choose from md, html, rst, json, parquet" in capsys.readouterr().err
    assert run(["story.txt", "-t", "parquet"]) == 2
    assert "unknown output format 'parquet'" in capsys.readouterr().err
