"""HTML escaping beyond autoescape: invalid characters and JSON inside <script>."""

from __future__ import annotations

import json

import pytest
from markupsafe import Markup
from render_support import html_document

from newsconvert.escape.html import clean_text, escape_attribute, script_json

NASTY = ["</script><script>alert(1)</script>", "<!--", "]]>", "a\u2028b\u2029c", "&amp;", "'\""]


@pytest.mark.parametrize("text", NASTY)
def test_script_json_cannot_end_the_script_and_reads_back(text: str) -> None:
    data = {"headline": text, "list": [text]}
    encoded = script_json(data)
    assert isinstance(encoded, Markup)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(str(encoded)) == data
    page = f'<!DOCTYPE html><title>t</title><script type="application/ld+json">{encoded}</script>'
    tree, errors = html_document(page)
    assert errors == []
    scripts = tree.findall(".//script")
    assert len(scripts) == 1 and json.loads(scripts[0].text) == data


def test_clean_text_replaces_invalid_characters_and_passes_markup() -> None:
    assert clean_text("a\x00b\x1fc\x7fd\ud800e") == "a\ufffdb\ufffdc\ufffdd\ufffde"
    assert clean_text("tab\tand\nnewline") == "tab\tand\nnewline"
    markup = Markup("<b>\x00</b>")
    assert clean_text(markup) is markup
    assert clean_text(3) == 3


def test_escape_attribute() -> None:
    value = escape_attribute('"><script>x</script>\x01')
    assert value == "&#34;&gt;&lt;script&gt;x&lt;/script&gt;\ufffd"
    tree, errors = html_document(f'<p title="{value}">x</p>', fragment=True)
    assert errors == [] and tree.find("p").get("title") == '"><script>x</script>\ufffd'
