"""Helpers for the renderer tests: hand-built trees and readers of each output format.

Each output is checked with a real parser of its format (markdown-it-py, html5lib, docutils),
never by looking for strings in the markup alone.
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import docutils.core
import docutils.nodes
import html5lib
from markdown_it import MarkdownIt

from newsconvert.tree import (
    Article,
    Aside,
    AsideKind,
    AttributionPosition,
    Blockquote,
    BulletList,
    Byline,
    Credit,
    Dateline,
    Embed,
    Headline,
    Kicker,
    ListItem,
    Paragraph,
    Preformatted,
    Section,
    SectionHeading,
    Standfirst,
    Timestamp,
)

IST = timezone(timedelta(hours=5, minutes=30))

HOSTILE = (
    "<script>alert(1)</script>",
    "*x*",
    "`x`",
    ".. include:: /etc/passwd",
    "|sub|",
    "[a](javascript:x)",
    "{{ 1+1 }}",
    "{% raw %}",
    "#",
    "1.",
    ">",
    "-",
    "===",
    "::",
    "_target_ and word_",
    ":role:`x`",
    "<!-- comment -->",
    "&amp; &lt;",
    "a" * 300,
    "(a) item",
    "A. Smith",
    "+ plus",
    "\\ backslash \\",
    "ends with colons::",
    "__ anonymous",
    "[1]_",
)
"""Texts that are markup in at least one output format; every one must come out literally."""

QUOTE_AFTER = "\u201cI am reassured by your statement,\u201d Hun Sen wrote."
QUOTE_BEFORE = "Trump counselled Hun Sen, \u201cAs a first step, re-evaluate\u201d."


def sample_article(**changes: object) -> Article:
    """An article with every node type, hand-built (no parser involved)."""
    fields: dict[str, object] = {
        "headline": Headline("Cambodia PM accepts Trump's invitation", line=2),
        "kicker": Kicker("International", line=1),
        "standfirst": Standfirst("The PM of Cambodia has presented an offer.", line=3),
        "published": Timestamp(
            "Published 19:17 IST, November 27th 2019",
            datetime(2019, 11, 27, 19, 17, tzinfo=IST),
            line=1,
            zone="IST",
        ),
        "updated": (
            Timestamp(
                "Updated 19:34 IST, November 27th 2019",
                datetime(2019, 11, 27, 19, 34, tzinfo=IST),
                line=12,
                zone="IST",
            ),
            Timestamp("Updated later that day", None, line=13),
        ),
        "dateline": Dateline(
            "NEW DELHI, Nov 13 (Reuters) -", place="NEW DELHI", date="Nov 13", agency="Reuters"
        ),
        "bylines": (
            Byline("By Jane Doe and John Roe", names=("Jane Doe", "John Roe")),
            Byline("Asha Rao | PTI@asharao", names=("Asha Rao",), agency="PTI", handle="@asharao"),
        ),
        "credits": (Credit("(With AP inputs)", line=11), Credit("Reuter")),
        "sections": (
            Section(
                None,
                (
                    Paragraph("The Prime Minister presented an offer.", line=4),
                    Blockquote(
                        QUOTE_AFTER,
                        "I am reassured by your statement,",
                        "Hun Sen wrote",
                        AttributionPosition.AFTER,
                        line=6,
                    ),
                    BulletList(
                        (ListItem("first point"), ListItem("second point")), marker="\u2022"
                    ),
                    BulletList((ListItem("another list"),)),
                    Aside("Home | World | Share on Facebook", AsideKind.CHROME),
                    Aside("Also Read: another story", AsideKind.CROSSLINK),
                    Blockquote("\u201cA quote alone.\u201d", "A quote alone."),
                ),
            ),
            Section(
                SectionHeading("Cambodian PM's reputation", line=7),
                (
                    Blockquote(
                        QUOTE_BEFORE,
                        "As a first step, re-evaluate",
                        "Trump counselled Hun Sen",
                        AttributionPosition.BEFORE,
                        line=10,
                    ),
                    Preformatted("Shr 34 cts vs 1.19 dlrs\n  Net 1.5 mln vs 2.0 mln"),
                    Embed(
                        "Great day pic.twitter.com/AbCdEf\n"
                        "\u2014 Jane Doe (@janedoe) November 19, 2019",
                        author="Jane Doe",
                        handle="@janedoe",
                        date="November 19, 2019",
                        url="pic.twitter.com/AbCdEf",
                    ),
                    Aside("(AP Photo/John Roe)", AsideKind.CAPTION),
                    Aside("Printed twice", AsideKind.DUPLICATE),
                    Aside("Something else", AsideKind.OTHER),
                    Paragraph("Final words."),
                ),
            ),
        ),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def hostile_article(text: str) -> Article:
    """An article with ``text`` in every text field and in every block type."""
    stamp = Timestamp(text, None)
    return Article(
        headline=Headline(f"H {text} H"),
        kicker=Kicker(text),
        standfirst=Standfirst(text),
        published=stamp,
        updated=(stamp,),
        dateline=Dateline(f"D {text} D"),
        bylines=(Byline(text, names=(text,)),),
        credits=(Credit(text),),
        sections=(
            Section(
                None,
                (
                    Paragraph(text),
                    Blockquote(
                        f"\u201c{text}\u201d {text} said.",
                        text,
                        f"{text} said",
                        AttributionPosition.AFTER,
                    ),
                    BulletList((ListItem(text), ListItem(text))),
                    Preformatted(text),
                    Embed(f"{text}\n{text}"),
                    Aside(text, AsideKind.CAPTION),
                    Aside(text, AsideKind.CROSSLINK),
                ),
            ),
            Section(SectionHeading(f"S {text} S"), (Paragraph(text),)),
        ),
    )


# --- Reading outputs back ------------------------------------------------------------------------

_MD = MarkdownIt("commonmark")


def markdown_tokens(text: str) -> list:
    """markdown-it-py's block tokens for ``text`` (CommonMark)."""
    return _MD.parse(text)


def markdown_text(text: str) -> str:
    """The text content of Markdown ``text``: inline text and code, no markup, no HTML."""
    parts: list[str] = []
    for token in markdown_tokens(text):
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
            parts.append("\n")
        elif token.type in ("fence", "code_block"):
            parts.append(token.content)
    return "".join(parts)


def markdown_to_html(text: str) -> str:
    """Markdown ``text`` rendered to HTML by markdown-it-py (CommonMark)."""
    return _MD.render(text)


def html_document(text: str, *, fragment: bool = False) -> tuple[object, list]:
    """``(tree, parse errors)`` of HTML ``text`` with html5lib (an ElementTree)."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parseFragment(text) if fragment else parser.parse(text)
    return tree, parser.errors


def element_text(element: object) -> str:
    """All the text inside an ElementTree element (html5lib's tree)."""
    return "".join(element.itertext())  # type: ignore[attr-defined]


def html_text(text: str) -> str:
    """The text content of HTML ``text`` outside ``<script>`` and ``<style>``."""
    tree, _ = html_document(text)
    for parent in tree.iter():  # type: ignore[attr-defined]
        for child in list(parent):
            if child.tag in ("script", "style", "head"):
                parent.remove(child)
    return element_text(tree)


def rst_doctree(text: str, report_level: int = 1) -> tuple[docutils.nodes.document, str]:
    """``(doctree, warnings written)`` for reST ``text`` parsed by docutils."""
    stream = io.StringIO()
    document = docutils.core.publish_doctree(
        text,
        settings_overrides={
            "report_level": report_level,
            "halt_level": 5,
            "warning_stream": stream,
            "file_insertion_enabled": False,
            "raw_enabled": False,
        },
    )
    return document, stream.getvalue()


def rst_messages(text: str, report_level: int = 1) -> list[str]:
    """Every system message docutils reports for ``text`` at ``report_level`` (empty is good)."""
    document, written = rst_doctree(text, report_level)
    messages = [node.astext() for node in document.findall(docutils.nodes.system_message)]
    if written:
        messages.append(written)
    return messages


def rst_text(text: str) -> str:
    """The text content of reST ``text`` (docutils' ``astext`` of the whole doctree)."""
    document, _ = rst_doctree(text, report_level=5)
    return document.astext()
