"""Hostile text in an article FILE is inert in every output, end to end (text -> parse -> render).

The renderers' own tests put hostile strings into hand-built trees; these put them into the text
a scraper would hand us, in every role the parser can give a line (headline, standfirst, body
line, paragraph, quotation, heading, list item) and as whole lines, where reST and Markdown
markup is most dangerous. Each output is read back with its format's own parser, and:

- no markup came from the text: HTML has no element or attribute beyond what the templates
  write (no ``<img>``, ``<a>``, ``on*`` attributes, no second ``<script>``), the JSON-LD and
  ``<title>`` hold the headline exactly; Markdown has no raw HTML, link, image, autolink, code
  span or reference definition; reST has no reference, target, substitution, comment with text,
  raw node, footnote, citation, table, transition, field or option list, doctest block or
  literal block the tree does not call for; YAML front matter loads to the same mapping with
  the unsafe loader as with the safe one (no tag was honoured);
- nothing was lost: every text of the tree that the format shows is found, whitespace aside,
  in the text a reader of that output sees.
"""

from __future__ import annotations

import json
import re
from typing import Any

import docutils.nodes as dn
import html5lib
import pytest
import yaml
from docutils.core import publish_doctree
from markdown_it import MarkdownIt
from robustness_support import (
    assert_clean_characters,
    html_read,
    markdown_raw_html,
    rst_read,
    split_front_matter,
    tree_texts,
)

from newsconvert.escape.comment import escape_comment
from newsconvert.parser import parse
from newsconvert.renderers import render
from newsconvert.source import normalise_text
from newsconvert.tree import (
    HIDDEN_ASIDES,
    Article,
    Aside,
    Preformatted,
)

HOSTILE = {
    "attribute breakout": '"><img src=x onerror=alert(1)>',
    "single-quote breakout": "'><svg onload=alert(1)>",
    "script close": "</script><script>alert(1)</script>",
    "title close": "</title><script>alert(1)</script>",
    "comment open": "<!-- x",
    "cdata end": "]]> x",
    "entities": "&lt;b&gt; &#x3C; &amp; &nbsp",
    "javascript url": "javascript:alert(document.cookie)",
    "links": "[click](javascript:alert(1)) ![i](http://e.example/x.png) [x][] [x][y]",
    "autolinks": "<http://e.example> <a@b.example> www.e.example https://e.example",
    "reference definition": '[x]: http://e.example/ "title"',
    "raw directive": ".. raw:: html",
    "target": ".. _x:",
    "bare comment": "..",
    "substitution definition": ".. |x| replace:: pwned",
    "line block": "| x line block",
    "grid table border": "+-----+-----+",
    "grid table row": "| a | b |",
    "simple table": "===== =====",
    "punctuation underline": "~~~~~~~~~~",
    "literal marker": "Some words::",
    "bare literal marker": "::",
    "footnotes and citations": "[#]_ [*]_ [CIT2020]_ [1]_",
    "anonymous target": "__ http://e.example",
    "embedded uri": "`x <http://e.example>`__ x_ `y`_",
    "field": ":field: value",
    "doctest": ">>> import os",
    "option": "-a  an option list",
    "jinja": "{{ config }} {% include 'x' %} {# comment #}",
    "yaml document start": "---",
    "yaml document end": "...",
    "yaml mapping and comment": "key: value # comment",
    "yaml quotes": "'single' \"double\" \\ backslash",
    "yaml tag": "!!python/object/apply:os.system ['echo pwned']",
    "yaml anchor": "&anchor *alias",
    "tabs": "tab\tseparated\tfields",
    "long word": "x" * 2_000,  # 10,000 and more: see the long-word tests below
    "bidi overrides": "\u202eevil\u202c \u2066isolate\u2069 \u200fmark",
    # Combining marks that are East Asian Wide: docutils measures titles counting them as 1.
    "wide combining marks": "\u6f22\u302c\u5b57\u302d \u304b\u3099 \u00e9\u0301",
    "zero width": "zero\u200bwidth\u200djoiner\u2060word\ufeffbom",
}


def articles(hostile: str) -> dict[str, str]:
    """Article texts holding ``hostile`` in every role, in two layouts."""
    lines = [
        "Published 19:17 IST, November 27th 2019",
        f"Hostile {hostile} headline",
        f"Standfirst {hostile} sentence, which ends with a full stop.",
        hostile,
        f"Paragraph {hostile} text of the first body paragraph of the story.",
        f"\u201cQuoted {hostile} words of the speaker,\u201d Jane Doe said.",
        f"Heading {hostile}",
        f"- Item {hostile} one",
        "- Item two",
        hostile,
        "(With AP inputs)",
    ]
    return {
        "line per paragraph": "\n".join(lines),
        "blank separated": "\n\n".join(lines),
        "as headline": f"{hostile}\n{hostile}\nA plain paragraph of the story ends here.",
    }


CASES = [
    pytest.param(text, id=f"{name}-{layout}")
    for name, hostile in HOSTILE.items()
    for layout, text in articles(hostile).items()
]

# --- What the templates may write ---------------------------------------------------------------

HTML_ELEMENTS = {
    "html", "head", "body", "meta", "title", "style", "script", "article", "header", "h1", "h2",
    "p", "span", "time", "section", "figure", "blockquote", "figcaption", "ul", "li", "pre",
    "aside", "footer", "cite", "em", "strong", "b", "i",
}  # fmt: skip
HTML_ATTRIBUTES = {
    "lang",
    "charset",
    "name",
    "content",
    "class",
    "datetime",
    "type",
    "data-marker",
    "data-fallback",  # the <title> of an article without a headline
    "hidden",  # an aside kept out of sight (page chrome, a repeat) ...
    "data-set-aside",  # ... and its kind
}
FORBIDDEN_RST = (
    dn.reference, dn.target, dn.substitution_reference, dn.substitution_definition, dn.raw,
    dn.problematic, dn.footnote, dn.footnote_reference, dn.citation, dn.citation_reference,
    dn.title_reference, dn.literal, dn.table, dn.transition, dn.option_list, dn.doctest_block,
    dn.definition_list, dn.image, dn.pending,
)  # fmt: skip
_MARKDOWN = MarkdownIt("commonmark")
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """``text`` without any whitespace (outputs may wrap, join or indent lines)."""
    return _SPACE.sub("", text)


def shown_texts(article: Article) -> list[str]:
    """Every line of the tree's texts that Markdown, HTML and reST show (hidden asides left out;
    a list's items, an embed's or a table's lines, each on its own)."""
    texts = tree_texts(article, hidden=False)
    return [line for text in texts for line in text.split("\n") if line.strip()]


def hidden_comments(article: Article) -> list[str]:
    """The comments Markdown and reST keep the hidden asides in, in order."""
    return [
        f"hidden {block.kind}: {escape_comment(block.text)}"
        for block in article.blocks()
        if isinstance(block, Aside) and block.kind in HIDDEN_ASIDES
    ]


def assert_all_shown(article: Article, visible: str, fmt: str) -> None:
    seen = squeeze(visible)
    for text in shown_texts(article):
        assert squeeze(normalise_text(text)) in seen, f"{fmt} lost {text[:200]!r}"


# --- The checks, one per format -----------------------------------------------------------------


def check_html(article: Article, output: str, standalone: bool) -> None:
    assert_clean_characters("html", output)
    errors, visible = html_read(output, fragment=not standalone)
    assert errors == []
    root = html5lib.parse(output, namespaceHTMLElements=False)
    elements = list(root.iter())
    assert {element.tag for element in elements} <= HTML_ELEMENTS
    for element in elements:
        assert set(element.attrib) <= HTML_ATTRIBUTES, element.attrib
    # Hidden asides are there, out of sight (HTML joins their whitespace like any text's).
    hidden = [e for e in elements if "hidden" in e.attrib]
    assert [(e.get("data-set-aside"), squeeze("".join(e.itertext()))) for e in hidden] == [
        (block.kind, squeeze(normalise_text(block.text)))
        for block in article.blocks()
        if isinstance(block, Aside) and block.kind in HIDDEN_ASIDES
    ]
    scripts = root.findall(".//script")
    assert len(scripts) == (1 if standalone else 0)
    if standalone:
        assert scripts[0].get("type") == "application/ld+json"
        data = json.loads(scripts[0].text)
        assert data.get("headline") == (article.headline.text if article.headline else None)
        assert root.find(".//title").text == article.title_label
    assert_all_shown(article, visible, "html")


def check_markdown(article: Article, output: str, standalone: bool) -> None:
    assert_clean_characters("md", output)
    body = output
    if standalone:
        front, body = split_front_matter(output)
        assert front is not None
        assert front["title"] == article.title_label
        raw_front = output[: len(output) - len(body)].strip("-\n")
        assert yaml.load(raw_front, Loader=yaml.UnsafeLoader) == front
    assert markdown_raw_html(body) == []
    kept = re.findall(r"^<!-- (hidden [a-z]+: .*) -->$", body, re.MULTILINE)
    assert kept == hidden_comments(article)
    environment: dict[str, Any] = {}
    tokens = _MARKDOWN.parse(body, environment)
    assert not environment.get("references"), environment
    for token in tokens:
        for child in token.children or ():
            assert child.type not in ("link_open", "image", "code_inline", "html_inline"), child
        if token.type in ("fence", "code_block"):
            assert any(isinstance(block, Preformatted) for block in article.blocks()), body
    html = _MARKDOWN.render(body)
    assert_all_shown(article, html_read(html, fragment=True)[1], "md")


def check_rst(article: Article, output: str, standalone: bool) -> None:
    assert_clean_characters("rst", output)
    messages, visible = rst_read(output)
    assert messages == [], output[:3000]
    document = publish_doctree(
        output,
        settings_overrides={"report_level": 5, "file_insertion_enabled": False, "raw_enabled": 0},
    )
    found = list(document.findall(lambda node: isinstance(node, FORBIDDEN_RST)))
    assert found == [], output[:3000]
    # Our only comments: the marker of an article without a headline, and hidden asides.
    comments = [c.astext() for c in document.findall(dn.comment)]
    assert [c for c in comments if c not in ("", "no headline")] == hidden_comments(article)
    literal_blocks = len(list(document.findall(dn.literal_block)))
    assert literal_blocks == sum(isinstance(b, Preformatted) for b in article.blocks())
    headings = sum(section.heading is not None for section in article.sections)
    assert len(list(document.findall(dn.section))) == headings
    fields = list(document.findall(dn.field_list))
    assert fields == [], "a field list outside docinfo"
    assert_all_shown(article, visible, "rst")


def check_json(article: Article, output: str) -> None:
    assert_clean_characters("json", output)
    data = json.loads(output)
    assert data["headline"] == (article.headline.text if article.headline else None)
    strings: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(data)
    everything = squeeze("\n".join(strings))
    for block in article.blocks():
        assert squeeze(block.text) in everything  # hidden asides too: JSON is the whole tree


@pytest.mark.parametrize("text", CASES)
def test_hostile_text_is_inert_and_whole_in_every_format(text: str) -> None:
    article = parse(text, source="hostile.txt")
    for standalone in (False, True):
        check_html(article, render(article, "html", standalone=standalone), standalone)
        check_markdown(article, render(article, "md", standalone=standalone), standalone)
        check_rst(article, render(article, "rst", standalone=standalone), standalone)
    check_json(article, render(article, "json"))


LONG_TEXTS = {
    "word of 10,000 letters": "Headline\n\nBefore " + "x" * 10_000 + " after.\n",
    "paragraph of 200,000 characters": "Headline\n\n" + "Words and more words. " * 9_000,
}


@pytest.mark.parametrize("text", list(LONG_TEXTS.values()), ids=list(LONG_TEXTS))
def test_long_words_and_lines_are_kept_whole(text: str) -> None:
    article = parse(text, source="long.txt")
    check_json(article, render(article, "json"))
    for standalone in (False, True):
        check_html(article, render(article, "html", standalone=standalone), standalone)
        check_markdown(article, render(article, "md", standalone=standalone), standalone)


@pytest.mark.parametrize("text", list(LONG_TEXTS.values()), ids=list(LONG_TEXTS))
def test_long_words_and_lines_give_valid_rst(text: str) -> None:
    article = parse(text, source="long.txt")
    for standalone in (False, True):
        check_rst(article, render(article, "rst", standalone=standalone), standalone)
