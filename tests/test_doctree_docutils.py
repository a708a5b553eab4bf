"""docutils without Sphinx: newsconvert.docutils_parser through publish_* and the front end."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, corpus_id
from docutils import nodes
from docutils.core import publish_doctree, publish_string

from newsconvert.integrations.docutils_parser import Parser

ROOT = Path(__file__).resolve().parent / "roots" / "test-newsconvert"
REFERENCE = ROOT / "reference.news"  # a copy of the corpus's reference article
HEADLINE = "Cambodia PM Hun Sen accepts Trump's invitation, offers to renew relations"


def publish(text: str, writer: str = "html5", **settings: object) -> tuple[str, str]:
    """Publish ``text`` with our parser; returns the output and everything docutils reported."""
    warnings = io.StringIO()
    overrides = {"warning_stream": warnings, "report_level": 1, "halt_level": 5, **settings}
    output = publish_string(text, parser=Parser(), writer=writer, settings_overrides=overrides)
    return output.decode("utf-8"), warnings.getvalue()


def test_reference_article_as_a_docutils_page() -> None:
    output, warnings = publish(REFERENCE.read_text("utf-8"))
    assert warnings == ""
    assert f'<h1 class="title">{HEADLINE}</h1>' in output.replace("&#x27;", "'")
    assert '<dl class="docinfo simple">' in output
    assert "Published 19:17 IST, November 27th 2019" in output
    assert '<p class="attribution">—Hun Sen wrote.</p>' in output
    assert "<h2>Cambodian PM's reputation</h2>" in output.replace("&#x27;", "'")
    assert '<p class="newsconvert-credit">(With AP inputs)</p>' in output


def test_doctree_shape_and_times() -> None:
    doctree = publish_doctree(REFERENCE.read_text("utf-8"), parser=Parser())
    assert doctree["title"] == HEADLINE
    docinfo = next(doctree.findall(nodes.docinfo))
    times = [node["datetime"] for node in docinfo.findall(nodes.inline) if "datetime" in node]
    assert times == ["2019-11-27T19:17:00+05:30", "2019-11-27T19:34:00+05:30"]
    (section,) = (node for node in doctree.children if isinstance(node, nodes.section))
    assert section[0].astext() == "Cambodian PM's reputation"


def test_time_zone_setting_overrides_the_table() -> None:
    doctree = publish_doctree(
        REFERENCE.read_text("utf-8"),
        parser=Parser(),
        settings_overrides={"news_timezone": ["IST=Europe/Dublin"]},
    )
    stamps = [node for node in doctree.findall(nodes.inline) if "datetime" in node]
    assert stamps[0]["datetime"] == "2019-11-27T19:17:00+00:00"


def test_text_without_an_article_is_one_error_not_a_traceback() -> None:
    output, warnings = publish("   \n\n")
    lines = warnings.strip().splitlines()
    assert len(lines) == 1
    assert "(ERROR/3)" in lines[0]
    assert "empty article" in lines[0]
    assert "Traceback" not in output


def test_hostile_text_is_escaped() -> None:
    text = (
        "Council vote on |x| and :ref:`x`\n\n"
        ".. include:: /etc/passwd\n\n"
        '<script>alert("x")</script> and .. raw:: html and {{ 1+1 }}\n'
    )
    output, warnings = publish(text)
    assert warnings == ""
    assert "<script>" not in output
    assert "&lt;script&gt;" in output
    assert ".. include:: /etc/passwd" in output
    assert "root:" not in output


def test_docutils_front_end(tmp_path: Path) -> None:
    target = tmp_path / "reference.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "docutils",
            "--parser=newsconvert.docutils_parser",
            "--writer=html5",
            "--news-timezone=IST=Asia/Kolkata",
            str(REFERENCE),
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert '<h1 class="title">Cambodia PM Hun Sen' in target.read_text("utf-8")


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[corpus_id(p) for p in CORPUS_FILES])
def test_every_corpus_article_parses_without_a_message(path: Path) -> None:
    from newsconvert.source import read_source

    source = read_source(path)
    warnings = io.StringIO()
    doctree = publish_doctree(
        source.text,
        parser=Parser(),
        settings_overrides={"warning_stream": warnings, "report_level": 2},
    )
    assert warnings.getvalue() == ""
    assert doctree["title"]
    assert not list(doctree.findall(nodes.system_message))
