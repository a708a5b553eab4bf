"""Output written piece by piece (render_to, the CLI's -o) is the same text render() returns,
and a conversion that fails midway leaves no file behind."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from render_support import sample_article

from newsconvert.cli import run
from newsconvert.renderers import render, render_formats, render_to

ARTICLE = sample_article()
BRIDGE = Path(__file__).resolve().parents[1] / "examples" / "bridge.txt"


@pytest.mark.parametrize("fmt", ["md", "html", "rst", "json"])
@pytest.mark.parametrize("standalone", [False, True])
def test_render_to_writes_what_render_returns(fmt: str, standalone: bool) -> None:
    stream = io.StringIO()
    render_to(stream, ARTICLE, fmt, standalone=standalone)
    assert stream.getvalue() == render(ARTICLE, fmt, standalone=standalone)


def test_render_formats_gives_each_format_as_render_does() -> None:
    texts = render_formats(ARTICLE, ["markdown", "html", "rest", "json"], keep_chrome=True)
    assert list(texts) == ["md", "html", "rst", "json"]
    for fmt, text in texts.items():
        assert text == render(ARTICLE, fmt, keep_chrome=True)


def test_trailing_line_breaks_left_by_a_template_become_one(tmp_path: Path) -> None:
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "article.md.j2").write_text(
        "# {{ headline.text|md }}\n\n\n{{ '' }}\n\n", encoding="utf-8"
    )
    stream = io.StringIO()
    render_to(stream, ARTICLE, "md", template_dirs=[tmp_path])
    assert stream.getvalue() == render(ARTICLE, "md", template_dirs=[tmp_path])
    assert stream.getvalue().endswith("invitation\n")


def test_a_template_failing_midway_leaves_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    (templates / "html").mkdir(parents=True)
    (templates / "html" / "article.html.j2").write_text(
        "<h1>{{ headline.text }}</h1>\n" * 2000 + "{{ no_such_name }}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    out.mkdir()
    target = out / "bridge.html"
    target.write_text("previous build", encoding="utf-8")
    assert run([str(BRIDGE), "-o", str(target), "--template-dir", str(templates)]) == 1
    assert "no_such_name" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "previous build"
    assert os.listdir(out) == ["bridge.html"]
