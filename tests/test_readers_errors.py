"""Bad input to a reader: one clear error naming the file and line, never a traceback."""

from __future__ import annotations

import pytest

from newsconvert.errors import ConfigError, ParseError
from newsconvert.readers import FORMATS, infer_format, read


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("story.md", "md"),
        ("STORY.MARKDOWN", "md"),
        ("a/b/story.rst", "rst"),
        ("page.html", "html"),
        ("page.HTM", "html"),
        ("tree.json", "json"),
        ("story.txt", None),
        ("story", None),
        ("-", None),
        ("archive.md.gz", None),
    ],
)
def test_infer_format_from_the_suffix(path: str, expected: str | None) -> None:
    assert infer_format(path) == expected


def test_every_inferred_format_is_readable() -> None:
    assert {"md", "rst", "html", "json"} <= set(FORMATS)


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown input format 'docx'"):
        read("x", "docx", source="a.docx")


def test_format_names_are_case_insensitive_with_aliases() -> None:
    assert read("# T\n", "Markdown").headline.text == "T"


@pytest.mark.parametrize(
    ("fmt", "text", "words"),
    [
        ("md", "Just a paragraph.\n\nAnother.\n", ["Just a paragraph.", "Another."]),
        ("md", "\n\n## Only a subheading\n\nText.\n", ["Text."]),
        ("rst", "Just a paragraph.\n", ["Just a paragraph."]),
        ("html", "<p>x</p>", ["x"]),
    ],
)
def test_a_document_without_a_title_is_an_article_without_a_headline(
    fmt: str, text: str, words: list[str]
) -> None:
    article = read(text, fmt, source="a.md")
    assert article.headline is None
    assert [block.text for block in article.blocks()] == words


def test_a_document_without_a_title_or_text_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        read("", "md", source="a.md")
    assert str(caught.value) == "a.md: no title and no text: the document holds no article"


def test_front_matter_that_is_not_yaml() -> None:
    text = "---\ntitle: ok\nauthors: [unclosed\n---\n# T\n"
    with pytest.raises(ParseError) as caught:
        read(text, "md", source="a.md")
    error = caught.value
    assert error.source == "a.md" and error.line in (3, 4)
    assert "invalid YAML front matter" in error.message
    assert "\n" not in str(error)


def test_front_matter_never_closed() -> None:
    with pytest.raises(
        ParseError, match=r"a\.md:1: front matter opened with '---' is never closed"
    ):
        read("---\ntitle: T\n\nBody.\n", "md", source="a.md")


def test_front_matter_builds_no_python_objects() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['true']\n---\n\nBody.\n"
    # BaseLoader refuses no tag, builds nothing: the value is just not a usable title, so the
    # article has none, and its body is the body.
    article = read(text, "md")
    assert article.headline is None
    assert [block.text for block in article.blocks()] == ["Body."]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Title\n=====\n\n.. include:: /etc/passwd\n", 4, '"include" directive disabled'),
        ("Title\n=====\n\n.. raw:: html\n\n   <script>x</script>\n", 4, '"raw" directive disabled'),
        ("Title\n=====\n\nText |sub| here.\n", 4, "Undefined substitution"),
        ("Title\n=====\n\n.. nonesuch::\n", 4, 'Unknown directive type "nonesuch"'),
    ],
)
def test_rst_errors_and_disabled_directives_are_refused(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        read(text, "rst", source="a.rst")
    assert caught.value.source == "a.rst"
    assert caught.value.line == line
    assert message in caught.value.message


def test_rst_warnings_are_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    # A short underline is only a warning: the document is read, and nothing reaches stderr.
    article = read("A long title\n=====\n\nText.\n", "rst")
    assert article.headline.text == "A long title"
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
