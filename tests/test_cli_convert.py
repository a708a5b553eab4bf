"""Conversions through the command line: what is written where, with which exit status.

Every expected output is computed through the Python API (``newsconvert.convert``/``render``) on
the same input, so these tests check the CLI's plumbing (inputs, outputs, options, failures)
against the library instead of against hard-coded text.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import sys
from pathlib import Path

import markupsafe
import pytest
from conftest import one_line

from newsconvert.cli import run
from newsconvert.parser import parse
from newsconvert.readers import read
from newsconvert.renderers import render
from newsconvert.tree import HIDDEN_ASIDES, Aside

# The implementing functions, which newsconvert.parse/render/convert forward to.

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
BRIDGE = EXAMPLES / "bridge.txt"
SOURCE_DATA = Path(__file__).resolve().parent / "data" / "source"


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def expected(path: Path, to: str, *, source: str | None = None, **options: object) -> str:
    """What the CLI must write for ``path``: the API's conversion, ending with a newline."""
    parsing = {key: options.pop(key) for key in ("layout", "zones") if key in options}
    name = source or str(path)
    article = parse(text_of(path), source=name, **parsing)  # type: ignore[arg-type]
    output = render(article, to, **options)  # type: ignore[arg-type]
    return output if output.endswith("\n") else output + "\n"


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))


def test_readme_starts_with_the_two_commands_and_the_first_one_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = text_of(REPO / "README.md").splitlines()
    fence = lines.index("```sh")
    first, second = lines[fence + 1], lines[fence + 2]
    assert first == (
        "python3 -m venv .venv && .venv/bin/pip install -e . && "
        ".venv/bin/newsconvert examples/*.txt -t html --output-dir out"
    )
    assert second == (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
        ".venv/bin/python -m pytest -n auto"
    )
    # The newsconvert part, with the shell's glob expanded as a shell would, from the checkout.
    argv = shlex.split(first.split(".venv/bin/newsconvert ", 1)[1])
    monkeypatch.chdir(REPO)
    examples = sorted(str(p.relative_to(REPO)) for p in EXAMPLES.glob("*.txt"))
    assert len(examples) >= 3
    out = tmp_path / "out"
    argv = [*examples, *argv[1:-1], str(out)]
    assert argv[-3:-1] == ["html", "--output-dir"]
    assert run(argv) == 0
    assert capsys.readouterr() == ("", "")
    for name in examples:
        page = out / (Path(name).stem + ".html")
        assert text_of(page) == expected(REPO / name, "html")


@pytest.mark.parametrize("to", ["md", "html", "rst", "json"])
def test_one_file_to_stdout(to: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(BRIDGE), "-t", to]) == 0
    assert capsys.readouterr() == (expected(BRIDGE, to), "")


def test_markdown_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(BRIDGE)]) == 0
    assert capsys.readouterr().out == expected(BRIDGE, "md")


@pytest.mark.parametrize(
    ("name", "to"), [("a.md", "md"), ("a.html", "html"), ("a.rst", "rst"), ("a.json", "json")]
)
def test_output_format_follows_the_o_suffix(
    name: str, to: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([str(BRIDGE), "-o", str(tmp_path / name)]) == 0
    assert capsys.readouterr() == ("", "")
    assert text_of(tmp_path / name) == expected(BRIDGE, to)


def test_an_explicit_to_wins_over_the_suffix(tmp_path: Path) -> None:
    assert run([str(BRIDGE), "-t", "rst", "-o", str(tmp_path / "a.md")]) == 0
    assert text_of(tmp_path / "a.md") == expected(BRIDGE, "rst")


def test_dash_o_dash_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(BRIDGE), "-o", "-", "-t", "html"]) == 0
    assert capsys.readouterr().out == expected(BRIDGE, "html")


def test_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, BRIDGE.read_bytes())
    assert run(["-", "-t", "json"]) == 0
    out = capsys.readouterr().out
    assert out == expected(BRIDGE, "json", source="<stdin>")
    assert json.loads(out)["headline"].startswith("Varapur opens footbridge")


def test_no_input_reads_a_piped_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, BRIDGE.read_bytes())
    assert run(["-t", "rst"]) == 0
    assert capsys.readouterr().out == expected(BRIDGE, "rst")


def test_stdin_errors_name_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, b"   \n\n")
    assert run(["-"]) == 1
    assert one_line(capsys.readouterr().err) == "<stdin>: file holds only whitespace"


def test_standalone(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(BRIDGE), "-s", "-t", "html"]) == 0
    out = capsys.readouterr().out
    assert out == expected(BRIDGE, "html", standalone=True)
    assert out != expected(BRIDGE, "html")
    assert '<html lang="en"' in out


def test_lang_reaches_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(BRIDGE), "-s", "-t", "html", "--lang", "en-IN"]) == 0
    out = capsys.readouterr().out
    assert out == expected(BRIDGE, "html", standalone=True, lang="en-IN")
    assert '<html lang="en-IN"' in out


def test_several_inputs_into_an_output_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = sorted(EXAMPLES.glob("*.txt"))
    assert run([*map(str, inputs), "-t", "rst", "--output-dir", str(tmp_path / "out")]) == 0
    assert capsys.readouterr() == ("", "")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.stem + ".rst" for p in inputs)
    for path in inputs:
        assert text_of(tmp_path / "out" / (path.stem + ".rst")) == expected(path, "rst")


def test_dash_o_folder_with_a_slash_is_an_output_dir(tmp_path: Path) -> None:
    inputs = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))[:2]]
    assert run([*inputs, "-o", f"{tmp_path}/new/", "-t", "json"]) == 0
    assert sorted(p.suffix for p in (tmp_path / "new").iterdir()) == [".json", ".json"]


def test_a_failing_input_among_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1, the good inputs converted, nothing written for the bad one, one line about it."""
    (tmp_path / "examples").mkdir()
    good = []
    for example in sorted(EXAMPLES.glob("*.txt")):
        good.append(tmp_path / "examples" / example.name)
        good[-1].write_bytes(example.read_bytes())
    bad = tmp_path / "in" / "broken.txt"
    bad.parent.mkdir()
    bad.write_bytes((SOURCE_DATA / "tiny.png").read_bytes())
    out = tmp_path / "out"
    # An earlier version of the bad input's output must survive untouched.
    out.mkdir()
    (out / "broken.html").write_text("previous version\n", encoding="utf-8")
    argv = [str(good[0]), str(bad), *map(str, good[1:]), "-t", "html", "-o", f"{out}/"]
    assert run(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert one_line(captured.err) == f"{bad}:1: binary file (looks like PNG), not text"
    # Inputs from two folders keep their paths below the folder they share.
    for path in good:
        assert text_of(out / "examples" / (path.stem + ".html")) == expected(path, "html")
    assert not (out / "in").exists()
    assert text_of(out / "broken.html") == "previous version\n"
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    assert leftovers == []


def test_text_without_a_title_converts_and_says_it_has_no_headline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Text that holds words is never refused (issue 10): no headline is invented either.
    story = tmp_path / "dates-only.txt"
    story.write_text("Published 10:42 IST, March 3rd 2025\n", encoding="utf-8")
    target = tmp_path / "out.md"
    assert run([str(story), "-o", str(target)]) == 0
    err = one_line(capsys.readouterr().err)
    assert err == f"{story}:1: no line reads as a title; the article has no headline"
    written = target.read_text(encoding="utf-8")
    assert "Published 10:42 IST, March 3rd 2025" in written
    assert not any(line.startswith("# ") for line in written.splitlines())


def test_the_cli_says_how_many_lines_it_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "scraped.txt"
    story.write_text(
        "Home\nNews\nWorld\n\nFarmers get new scheme\n\nThe state announced a scheme.\n\n"
        "Share this article\n",
        encoding="utf-8",
    )
    assert run([str(story), "-t", "md"]) == 0
    captured = capsys.readouterr()
    assert one_line(captured.err) == (
        f"{story}: 4 lines set aside as page chrome or repeats, kept hidden (--keep-chrome "
        f"shows them; see newsconvert inspect {story})"
    )
    # Kept out of sight, not lost: a comment in Markdown, which --check reads back.
    assert "<!-- hidden chrome: Share this article -->" in captured.out
    assert run([str(story), "-t", "md", "--check"]) == 0
    capsys.readouterr()
    assert run([str(story), "-t", "md", "--keep-chrome"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "\nShare this article\n" in captured.out
    assert run([str(story), "-t", "html", "--drop-chrome", "--check"]) == 0
    captured = capsys.readouterr()
    assert "4 lines set aside as page chrome or repeats, left out" in one_line(captured.err)
    assert "Share this article" not in captured.out


def test_tz_override_changes_the_offset(
    reference_text: str, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = str(corpus_dir / "000_37575f6eff0020da.txt")
    assert run([reference, "-t", "json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert default["published"]["datetime"] == "2019-11-27T19:17:00+05:30"
    assert run([reference, "-t", "json", "--tz", "IST=Europe/Dublin"]) == 0
    dublin = json.loads(capsys.readouterr().out)
    assert dublin["published"]["datetime"] == "2019-11-27T19:17:00+00:00"
    assert dublin["updated"][0]["datetime"] == "2019-11-27T19:34:00+00:00"


def test_legacy_encoding_is_converted_with_one_warning(capsys: pytest.CaptureFixture[str]) -> None:
    latin1 = SOURCE_DATA / "latin1.txt"
    assert run([str(latin1), "-t", "md"]) == 0
    out, err = capsys.readouterr()
    assert "£2" in out and "René Okafor" in out
    assert one_line(err) == (
        f"{latin1}:3: not valid UTF-8; decoded as ISO-8859-1 (name the encoding with --encoding "
        "to silence this)"
    )
    assert run([str(latin1), "--encoding", "latin-1"]) == 0
    assert capsys.readouterr() == (out, "")
    assert run([str(latin1), "--quiet"]) == 0
    assert capsys.readouterr() == (out, "")


def test_layout_is_passed_to_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    wire = EXAMPLES / "toolworks.txt"
    assert run([str(wire), "-t", "json", "--layout", "lines"]) == 0
    forced = capsys.readouterr().out
    assert forced == expected(wire, "json", layout="lines")
    assert forced != expected(wire, "json")


def test_unknown_layout_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(BRIDGE), "--layout", "zigzag"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "zigzag" in one_line(captured.err)


@pytest.mark.parametrize("via", ["md", "rst", "html", "json"])
def test_any_format_back_in_through_the_suffix(
    via: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    middle = tmp_path / f"bridge.{via}"
    assert run([str(BRIDGE), "-s", "-o", str(middle)]) == 0
    assert run([str(middle), "-t", "md"]) == 0
    out = capsys.readouterr().out
    article = read(text_of(middle), via, source=str(middle))
    assert out == render(article, "md").rstrip("\n") + "\n"
    assert out == expected(BRIDGE, "md")


def test_from_overrides_the_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    disguised = tmp_path / "bridge.txt"
    assert run([str(BRIDGE), "-t", "json", "-o", "-"]) == 0
    disguised.write_text(capsys.readouterr().out, encoding="utf-8")
    assert run([str(disguised), "-f", "json", "-t", "md"]) == 0
    assert capsys.readouterr().out == expected(BRIDGE, "md")


@pytest.mark.parametrize("to", ["md", "html", "rst", "json"])
def test_check_passes_on_the_examples(to: str, tmp_path: Path) -> None:
    inputs = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    assert run([*inputs, "--check", "-t", to, "--output-dir", str(tmp_path)]) == 0
    assert len(list(tmp_path.iterdir())) == len(inputs)


def test_check_refuses_output_from_a_template_that_drops_blockquotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    (templates / "md" / "blocks").mkdir(parents=True)
    (templates / "md" / "blocks" / "blockquote.md.j2").write_text("", encoding="utf-8")
    target = tmp_path / "bridge.md"
    argv = [str(BRIDGE), "--check", "--template-dir", str(templates), "-o", str(target)]
    assert run(argv) == 1
    err = one_line(capsys.readouterr().err)
    assert err.startswith(f"{BRIDGE}: --check: the md output reads back differently: sections[0]")
    assert err.endswith("; nothing written")
    assert not target.exists()
    # Without --check the broken template is the user's business: the output is written.
    assert run(argv[:1] + argv[2:]) == 0
    assert "For years my children" not in text_of(target)


@pytest.mark.parametrize("to", ["md", "html", "rst", "json"])
def test_the_whole_corpus_converts_into_one_folder_and_passes_check(
    to: str, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every article, read back from what was written, gives the tree it was written from
    (what the format shows of it: page chrome only in JSON)."""
    files = sorted(p for p in corpus_dir.rglob("*.txt") if p.name != "README.TXT")
    argv = [*map(str, files), "-t", to, "--check", "--output-dir", str(tmp_path), "-q"]
    assert run(argv) == 0
    assert capsys.readouterr() == ("", "")
    written = sorted(tmp_path.rglob(f"*.{to}"))
    assert len(written) == len(files)
    assert sorted(p.relative_to(tmp_path).with_suffix("") for p in written) == sorted(
        p.relative_to(corpus_dir).with_suffix("") for p in files
    )


def test_an_impossible_date_is_one_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Published 10:42 IST, February 30th 2025\nA headline for a test story\n"
        "The first paragraph of the story.\n",
        encoding="utf-8",
    )
    assert run([str(story), "-o", str(tmp_path / "story.md")]) == 1
    err = one_line(capsys.readouterr().err)
    assert err.startswith(f"{story}:1: ")
    assert "February 30th 2025" in err
    assert not (tmp_path / "story.md").exists()


def test_parser_warnings_are_one_line_each_and_errors_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Published 10:42 XYZT, February 3rd 2025\nA headline for a test story\n"
        "The first paragraph of the story.\n",
        encoding="utf-8",
    )
    assert run([str(story), "-t", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["published"]["text"] == "Published 10:42 XYZT, February 3rd 2025"
    assert one_line(err).startswith(f"{story}:1: ")
    assert "XYZT" in err
    assert run([str(story), "-t", "json", "--quiet"]) == 0
    assert capsys.readouterr() == (out, "")
    target = tmp_path / "story.json"
    assert run([str(story), "--strict", "-o", str(target)]) == 1
    strict = one_line(capsys.readouterr().err)
    assert strict.startswith(f"{story}:1: ") and "XYZT" in strict
    assert not target.exists()


def test_keep_chrome_renders_what_the_parser_set_aside(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = corpus_dir / "newspaper" / "foxnews.com2.txt"
    article = parse(text_of(page), source=str(page))
    hidden = [b.text for b in article.blocks() if isinstance(b, Aside) and b.kind in HIDDEN_ASIDES]
    assert hidden, "the parser no longer sets chrome aside in this page; pick another"
    assert run([str(page), "-t", "html"]) == 0
    plain = capsys.readouterr().out
    assert run([str(page), "-t", "html", "--keep-chrome"]) == 0
    kept = capsys.readouterr().out
    assert kept == expected(page, "html", keep_chrome=True)
    assert run([str(page), "-t", "html", "--drop-chrome"]) == 0
    dropped = capsys.readouterr().out
    for text in hidden:
        shown = str(markupsafe.escape(text))  # as Jinja's autoescape writes it
        # By default in the page, out of sight; shown on request; left out on request.
        assert re.search(
            rf'<aside class="[a-z]+" hidden data-set-aside="[a-z]+"><p>{re.escape(shown)}</p>',
            plain,
        )
        assert f"<p>{shown}</p>" in kept and " hidden " not in kept
        assert shown not in dropped


def test_inspect_subcommand_runs_the_inspector(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["inspect", str(BRIDGE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    roles = {line.split()[1] for line in lines[1:] if line.split() and line.split()[0].isdigit()}
    assert {"headline", "timestamp.published", "paragraph"} <= roles


def test_build_subcommand_builds_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["build", str(EXAMPLES), "-o", str(tmp_path / "site"), "--jobs", "1"]) == 0
    capsys.readouterr()
    pages = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert "index.html" in pages
    assert {p.stem + ".html" for p in EXAMPLES.glob("*.txt")} <= set(pages)


def test_readme_links_point_at_files_in_the_checkout() -> None:
    links = re.findall(r"\]\(([^)#]+)\)", text_of(REPO / "README.md"))
    local = [link for link in links if "://" not in link]
    assert len(local) >= 8
    missing = [link for link in local if not (REPO / link).exists()]
    assert missing == []


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = text_of(REPO / "README.md")
    snippet = next(
        block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if "import" in block
    )
    (tmp_path / "story.txt").write_bytes(BRIDGE.read_bytes())
    monkeypatch.chdir(tmp_path)
    names: dict[str, object] = {"text": text_of(BRIDGE)}
    exec(compile(snippet, "README.md", "exec"), names)
    assert "<h1>Varapur opens footbridge" in str(names["html"])
    assert names["markdown"] == render(parse(text_of(BRIDGE)), "md")


def test_a_closed_stdout_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``newsconvert big.txt | head``: the reader went away; no traceback, status 1."""

    class ClosedPipe(io.BytesIO):
        def write(self, data: object) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    stdout = io.TextIOWrapper(ClosedPipe(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    assert run([str(BRIDGE), "-t", "html"]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_one_line() -> None:
    import subprocess

    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newsconvert", str(BRIDGE)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (result.returncode, result.stderr) == (
        1,
        "<stdout>: cannot write: No space left on device\n",
    )
