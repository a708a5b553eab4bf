"""Property-based tests: any text at all survives each format's escaping exactly."""

from __future__ import annotations

import docutils.nodes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_support import markdown_tokens, rst_doctree, rst_messages

from newsconvert.escape.characters import INVALID_CHARACTERS
from newsconvert.escape.markdown import emphasize as md_emphasize
from newsconvert.escape.markdown import escape_markdown
from newsconvert.escape.rst import emphasize as rst_emphasize
from newsconvert.escape.rst import escape_rst

LINE_LIKE = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
MARKUP_HEAVY = st.text(
    alphabet=st.sampled_from(list("#*_`[]()<>!|\\:.-+=~{}%&;@/'\"1aZ \t\n\u00a0\u2022\u4e2d")),
    max_size=40,
)
ANY_TEXT = st.one_of(st.text(max_size=60), MARKUP_HEAVY)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def shown(text: str, *, tabs: bool) -> str:
    """What one line of ``text`` renders as: line breaks and line-like characters become spaces,
    invalid characters U+FFFD, surrounding whitespace dropped (and tabs spaces in reST)."""
    text = text.strip().replace("\n", " ")
    text = INVALID_CHARACTERS.sub(lambda m: " " if m.group() in LINE_LIKE else "\ufffd", text)
    return text if tabs else text.replace("\t", " ")


def markdown_inline_text(markdown: str) -> tuple[str, set[str]]:
    tokens = markdown_tokens(markdown)
    if not tokens:
        return "", set()
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], markdown
    children = tokens[1].children
    return "".join(c.content for c in children), {c.type for c in children}


@SETTINGS
@given(ANY_TEXT)
def test_markdown_round_trip(text: str) -> None:
    content, types = markdown_inline_text(escape_markdown(text))
    assert content == shown(text, tabs=True)
    assert types <= {"text"}


@SETTINGS
@given(ANY_TEXT)
def test_rst_round_trip(text: str) -> None:
    source = escape_rst(text)
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    expected = shown(text, tabs=False)
    if not expected:
        assert not document.children
        return
    assert [type(c) for c in document.children] == [docutils.nodes.paragraph], source
    paragraph = document.children[0]
    assert paragraph.astext() == expected
    assert all(isinstance(n, docutils.nodes.Text) for n in paragraph.children), source


@SETTINGS
@given(ANY_TEXT, ANY_TEXT, ANY_TEXT)
def test_emphasis_never_changes_the_text(head: str, middle: str, tail: str) -> None:
    text = head + middle + tail
    start, end = len(head), len(head) + len(middle)
    content, types = markdown_inline_text(md_emphasize(text, start, end))
    assert content == shown(text, tabs=True)
    assert types <= {"text", "em_open", "em_close"}
    source = rst_emphasize(text, start, end)
    assert rst_messages(source) == []
    document, _ = rst_doctree(source)
    assert document.astext() == shown(text, tabs=False)


@SETTINGS
@given(ANY_TEXT)
def test_markdown_means_the_same_in_python_markdown(text: str) -> None:
    # MkDocs and Pelican render with Python-Markdown, which prints the backslash of an escape it
    # does not know: the escaping must use none of those.
    import html
    import re

    import markdown

    rendered = markdown.markdown(escape_markdown(text))
    assert set(re.findall(r"</?([a-z0-9]+)", rendered)) <= {"p"}, rendered
    assert html.unescape(re.sub(r"</?p>", "", rendered)) == shown(text, tabs=True)


@SETTINGS
@given(ANY_TEXT, st.integers(min_value=20, max_value=40), st.sampled_from([0, 3]))
def test_rst_wrapping_never_changes_the_text(text: str, width: int, indent: int) -> None:
    from newsconvert.escape.rst import wrap

    escaped = escape_rst(text)
    if not escaped:
        return
    source = wrap(escaped, indent, first=indent, width=width)
    if indent:
        source = ".. container:: x\n\n" + " " * indent + source
    assert rst_messages(source) == [], source
    document, _ = rst_doctree(source)
    # A line break inside a paragraph reads as the one space it replaced.
    assert " ".join(document.astext().split("\n")) == shown(text, tabs=False)
