"""Adding an output format touches one Format record, one escaper and its templates.

A throwaway AsciiDoc format is made here from exactly those three parts: a record registered
with ``newsconvert.formats.register``, an escaping module and templates in a temporary folder.
The API, the command line (``-t``, ``-o`` suffix inference) and the site builder then write it,
with no other change to newsconvert.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from render_support import sample_article

from newsconvert import cli, facts, formats
from newsconvert.formats import Format
from newsconvert.renderers import reload_templates, render
from newsconvert.site import cli as site_cli
from newsconvert.tree import Paragraph

ESCAPER = '''
"""AsciiDoc escaping for the throwaway format: text is data, so markup characters are
escaped with a backslash."""

import re

_MARKUP = re.compile(r"([*_`#+^~\\[\\]{}<>|\\\\=:.-])")


def escape_adoc(text: str) -> str:
    return _MARKUP.sub(r"\\\\\\1", text)


FILTERS = {"adoc": escape_adoc}
'''

ARTICLE = """\
{% if headline %}= {{ headline.text|adoc }}
{% endif %}
{% for byline in bylines %}{{ byline.text|adoc }}
{% endfor %}
{% for section in sections %}
{% if section.heading %}== {{ section.heading.text|adoc }}

{% endif %}
{% for view in section.blocks %}
{% set block = view.block %}
{% include "adoc/blocks/" ~ view.type ~ ".adoc.j2" %}

{% endfor %}
{% endfor %}
"""

BLOCKS = {
    "paragraph": "{% if view.dateline %}*{{ view.dateline.text|adoc }}* {% endif %}"
    "{{ block.text|adoc }}",
    "blockquote": "____\n{{ block.text|adoc }}\n____",
    "list": "{% for item in block.items %}* {{ item.text|adoc }}\n{% endfor %}",
    "preformatted": "....\n{{ block.text }}\n....",
    "embed": "[quote]\n____\n{{ block.text|adoc }}\n____",
    "aside": "[.{{ block.kind }}]\n{{ block.text|adoc }}",
    "hidden": "// hidden {{ block.kind }}: {{ block.text|adoc }}",
}

ADOC = Format(
    name="adoc",
    label="AsciiDoc",
    aliases=("asciidoc",),
    suffixes=(".adoc", ".asciidoc"),
    template_extension="adoc",
    escaper="newsconvert_test_adoc",
    highlight="asciidoc",
)


@pytest.fixture
def asciidoc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Registers the format; gives the template folder."""
    code = tmp_path / "code"
    code.mkdir()
    (code / "newsconvert_test_adoc.py").write_text(textwrap.dedent(ESCAPER), encoding="utf-8")
    monkeypatch.syspath_prepend(str(code))
    templates = tmp_path / "templates"
    (templates / "adoc" / "blocks").mkdir(parents=True)
    (templates / "adoc" / "article.adoc.j2").write_text(ARTICLE, encoding="utf-8")
    (templates / "adoc" / "standalone.adoc.j2").write_text(
        ':lang: {{ lang }}\n{% include "adoc/article.adoc.j2" %}', encoding="utf-8"
    )
    for kind, source in BLOCKS.items():
        (templates / "adoc" / "blocks" / f"{kind}.adoc.j2").write_text(source, encoding="utf-8")
    formats.register(ADOC)
    reload_templates()
    try:
        yield templates
    finally:
        formats.unregister("adoc")
        reload_templates()


def test_the_api_renders_the_new_format(asciidoc: Path) -> None:
    from newsconvert_test_adoc import escape_adoc  # type: ignore[import-not-found]

    article = sample_article()
    text = render(article, "AsciiDoc", template_dirs=[asciidoc])
    assert text.startswith("= ")
    paragraphs = [block for block in facts.visible(article).blocks() if type(block) is Paragraph]
    assert paragraphs and all(escape_adoc(block.text) in text for block in paragraphs)
    assert render(article, "adoc", standalone=True, template_dirs=[asciidoc]).startswith(
        ":lang: en"
    )


def test_the_command_line_writes_it_by_name_and_by_suffix(asciidoc: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A *starred* headline\n\nBy Jane Doe\n\nThe body.\n", encoding="utf-8")
    by_name = tmp_path / "by-name.out"
    assert (
        cli.run([str(story), "-t", "adoc", "-o", str(by_name), "--template-dir", str(asciidoc)])
        == 0
    )
    by_suffix = tmp_path / "story.asciidoc"
    assert cli.run([str(story), "-o", str(by_suffix), "--template-dir", str(asciidoc)]) == 0
    assert by_name.read_text(encoding="utf-8") == by_suffix.read_text(encoding="utf-8")
    assert by_name.read_text(encoding="utf-8").startswith("= A \\*starred\\* headline\n")


def test_the_site_builder_builds_it(asciidoc: Path, tmp_path: Path) -> None:
    source = tmp_path / "articles"
    source.mkdir()
    for name in ("one", "two"):
        (source / f"{name}.txt").write_text(
            f"Headline {name}\n\nBy Jane Doe\n\nThe {name} body.\n", encoding="utf-8"
        )
    out = tmp_path / "site"
    argv = [str(source), "-o", str(out), "--to", "adoc", "--jobs", "1", "--quiet"]
    assert site_cli.run([*argv, "--template-dir", str(asciidoc)]) == 0
    pages = sorted(path.name for path in out.rglob("*.adoc"))
    assert pages == ["one.adoc", "two.adoc"]
    assert (out / "one.adoc").read_text(encoding="utf-8").startswith(":lang: en\n= Headline one")


def test_unregistered_it_is_unknown_again(asciidoc: Path) -> None:
    formats.unregister("adoc")
    with pytest.raises(Exception, match="unknown output format 'adoc'"):
        render(sample_article(), "adoc", template_dirs=[asciidoc])
    formats.register(ADOC)
