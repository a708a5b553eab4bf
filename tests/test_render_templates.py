"""Template folders: finding the built-ins, user overrides, and errors in users' templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_support import sample_article

from newsconvert.errors import ConfigError, TemplateError
from newsconvert.facts import BLOCK_TYPES
from newsconvert.formats import templates_dir
from newsconvert.renderers import render, template_environment
from newsconvert.renderers.context import CONTEXT, build_context

ARTICLE = sample_article()
REPO = Path(__file__).resolve().parents[1]


def test_builtin_templates_are_found_in_the_checkout() -> None:
    folder = templates_dir()
    assert folder == REPO / "templates"
    for fmt, ext in (("md", "md"), ("html", "html"), ("rst", "rst")):
        assert (folder / fmt / f"article.{ext}.j2").is_file()
        assert (folder / fmt / f"standalone.{ext}.j2").is_file()
        for kind in BLOCK_TYPES.values():
            assert (folder / fmt / "blocks" / f"{kind}.{ext}.j2").is_file()
    assert (folder / "html" / "style.css").is_file()


def _fake_templates(root: Path) -> None:
    (root / "md").mkdir(parents=True)
    (root / "md" / "article.md.j2").write_text("x", encoding="utf-8")


def test_packaged_templates_win_over_the_source_checkout(tmp_path: Path) -> None:
    package = tmp_path / "newsconvert"
    _fake_templates(tmp_path / "templates")
    assert templates_dir(package) == tmp_path / "templates"  # source checkout layout
    _fake_templates(package / "templates")
    assert templates_dir(package) == package / "templates"  # wheel layout wins


def test_missing_templates_are_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="built-in templates are missing"):
        templates_dir(tmp_path / "newsconvert")


def test_missing_template_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="template folder not found"):
        render(ARTICLE, "md", template_dirs=[tmp_path / "nowhere"])


def test_one_block_template_overrides_one_block_type(tmp_path: Path) -> None:
    (tmp_path / "md" / "blocks").mkdir(parents=True)
    (tmp_path / "md" / "blocks" / "blockquote.md.j2").write_text(
        "QUOTE[{{ (block.attribution or '')|md }}]: {{ block.quote|md }}\n", encoding="utf-8"
    )
    text = render(ARTICLE, "md", template_dirs=[tmp_path])
    assert "QUOTE[Hun Sen wrote]: I am reassured by your statement," in text
    assert "QUOTE[Trump counselled Hun Sen]: As a first step, re-evaluate" in text
    assert "> " not in text.split("<!-- embed -->")[0]  # the built-in quote is gone
    assert "Final words." in text  # everything else is the built-in
    assert "QUOTE" not in render(ARTICLE, "md")  # other folders, other environment


def test_first_folder_wins(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "html").mkdir(parents=True)
        (tmp_path / name / "html" / "article.html.j2").write_text(
            f"<p>{name}: {{{{ headline.text }}}}</p>\n", encoding="utf-8"
        )
    text = render(ARTICLE, "html", template_dirs=[tmp_path / "b", str(tmp_path / "a")])
    assert text == "<p>b: Cambodia PM accepts Trump&#39;s invitation</p>\n"
    page = render(ARTICLE, "html", standalone=True, template_dirs=[tmp_path / "a"])
    assert "<p>a: Cambodia PM" in page and "<!DOCTYPE html>" in page  # built-in page, user body


def test_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "rst").mkdir()
    broken = tmp_path / "rst" / "article.rst.j2"
    broken.write_text("title\n\n{% if headline %}\nno end\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(ARTICLE, "rst", template_dirs=[tmp_path])
    assert caught.value.source == str(broken)
    assert caught.value.line == 4  # the last line, where Jinja finds the "if" unclosed
    assert str(caught.value).startswith(f"{broken}:4: ")
    assert "\n" not in str(caught.value)


def test_undefined_variable_in_an_included_block_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "html" / "blocks").mkdir(parents=True)
    broken = tmp_path / "html" / "blocks" / "list.html.j2"
    broken.write_text("<ul>\n\n{{ no_such_thing }}</ul>\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(ARTICLE, "html", template_dirs=[tmp_path])
    assert caught.value.source == str(broken)
    assert caught.value.line == 3
    assert "no_such_thing" in caught.value.message


def test_syntax_error_in_an_included_block(tmp_path: Path) -> None:
    (tmp_path / "md" / "blocks").mkdir(parents=True)
    broken = tmp_path / "md" / "blocks" / "paragraph.md.j2"
    broken.write_text("ok\n{{ block.text|md \n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(ARTICLE, "md", template_dirs=[tmp_path])
    assert caught.value.source == str(broken)
    assert caught.value.line == 2


def test_error_inside_a_filter_call_is_a_template_error(tmp_path: Path) -> None:
    (tmp_path / "md").mkdir()
    broken = tmp_path / "md" / "article.md.j2"
    broken.write_text("# {{ headline.text|md }}\n{{ 1 // 0 }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(ARTICLE, "md", template_dirs=[tmp_path])
    assert (caught.value.source, caught.value.line) == (str(broken), 2)
    assert "ZeroDivisionError" in caught.value.message


def test_include_cycle_is_a_template_error(tmp_path: Path) -> None:
    (tmp_path / "md" / "blocks").mkdir(parents=True)
    looping = tmp_path / "md" / "blocks" / "aside.md.j2"
    looping.write_text('{% include "md/blocks/aside.md.j2" %}\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="RecursionError") as caught:
        render(ARTICLE, "md", template_dirs=[tmp_path])
    assert caught.value.source == str(looping)


def test_context_is_documented() -> None:
    context = build_context(ARTICLE, "md", standalone=False, keep_chrome=False, lang="en")
    assert set(context) | {"front_matter", "json_ld", "site", "home"} == set(CONTEXT)


def test_builtin_parts_are_pasted_and_a_users_part_is_included(tmp_path: Path) -> None:
    from newsconvert.renderers import template_environment

    builtin = template_environment("md")
    source = builtin.loader.get_source(builtin, "md/article.md.j2")[0]
    assert '{% include "md/blocks/' not in source  # compiled with the article template
    (tmp_path / "md" / "blocks").mkdir(parents=True)
    (tmp_path / "md" / "blocks" / "list.md.j2").write_text("LIST\n", encoding="utf-8")
    users = template_environment("md", (str(tmp_path),))
    source = users.loader.get_source(users, "md/article.md.j2")[0]
    assert source.count('{% include "md/blocks/') == 1
    assert '{% include "md/blocks/list.md.j2" %}' in source  # the user's own file, included


def test_jinja_globals_reach_user_templates_and_their_imported_macros(tmp_path: Path) -> None:
    # Each template's globals are one plain dictionary (Environment.make_globals), read once
    # per render instead of key by key through a ChainMap: Jinja's own globals still reach a
    # template and a macro imported without context, which sees nothing else.
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "macros.md.j2").write_text(
        "{% macro count(n) %}{% for i in range(n) %}{{ i }}{% endfor %}{% endmacro %}"
    )
    (tmp_path / "md" / "article.md.j2").write_text(
        '{% import "md/macros.md.j2" as m %}{% set ns = namespace(x=2) %}'
        "{{ m.count(ns.x) }} {{ cycler('a', 'b').next() }} {{ dict(k=1)['k'] }}"
    )
    assert render(ARTICLE, "md", template_dirs=[tmp_path]) == "01 a 1\n"
    env = template_environment("md", (str(tmp_path),))
    template = env.get_template("md/article.md.j2")
    assert type(template.globals) is dict and template.globals == env.globals
