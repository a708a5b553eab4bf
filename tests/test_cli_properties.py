"""Whatever a file holds, the command line converts it or reports one located line: never an
internal error, never a traceback, never a half-written output (Hypothesis)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsconvert.cli import run

REPORT = re.compile(r"[^\n]+?(:\d+)?: [^\n]+")

# Lines that look like the conventions the parser knows, mixed with arbitrary text, so that
# the examples reach deep into the parser rather than stopping at "no headline".
LINES = st.one_of(
    st.sampled_from(
        [
            "Published 19:17 IST, November 27th 2019",
            "Updated - November 28, 2021 11:09 am IST",
            "By Jane Doe and John Roe",
            "    NEW DELHI, Nov 13 (Reuters) - The council met.",
            "(With AP inputs)",
            " Reuter",
            "- a list item",
            "“A quotation that goes on for a while,” she said.",
            "A Short Heading",
            "",
            "   ",
            "#",
            "1.",
            ">",
            ".. include:: /etc/passwd",
            "<script>alert(1)</script>",
            "{{ 1 + 1 }}",
            "Published 10:00 XYZ, February 30th 2019",
        ]
    ),
    st.text(max_size=80),
)
ARTICLES = st.lists(LINES, max_size=12).map("\n".join)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(article=ARTICLES, newline=NEWLINES, to=st.sampled_from(["md", "html", "rst", "json"]))
def test_any_text_converts_or_fails_with_one_located_line(
    article: str,
    newline: str,
    to: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "story.txt"
    source.write_bytes(article.replace("\n", newline).encode("utf-8", errors="surrogatepass"))
    target = tmp_path / f"story.{to}"
    target.unlink(missing_ok=True)
    status = run([str(source), "-o", str(target), "-t", to])
    err = capsys.readouterr().err
    assert status in (0, 1), err
    assert "internal error" not in err
    for line in err.splitlines():
        assert REPORT.fullmatch(line), line
        assert line.startswith(str(source)), line
    if status == 0:
        assert target.read_text(encoding="utf-8").endswith("\n")
    else:
        assert err  # the reason, after any warnings
        assert not target.exists()


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.binary(max_size=300))
def test_any_bytes_convert_or_fail_with_one_located_line(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "blob.txt"
    source.write_bytes(data)
    target = tmp_path / "blob.html"
    target.unlink(missing_ok=True)
    status = run([str(source), "-o", str(target)])
    err = capsys.readouterr().err
    assert status in (0, 1), err
    assert "internal error" not in err
    assert all(REPORT.fullmatch(line) for line in err.splitlines()), err
    assert target.exists() == (status == 0)
