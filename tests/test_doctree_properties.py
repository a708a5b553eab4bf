"""Properties of newsconvert.doctree over generated trees: every word arrives, as text only."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime

from docutils import nodes
from docutils.core import publish_from_doctree
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document
from hypothesis import given, settings
from hypothesis import strategies as st
from robustness_support import tree_texts

from newsconvert.escape.comment import escape_comment
from newsconvert.integrations.doctree import Placement, article_nodes, fill_document
from newsconvert.options import Options
from newsconvert.tree import (
    HIDDEN_ASIDES,
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

MARKUP = [
    ".. include:: /etc/passwd",
    ".. raw:: html",
    "<script>alert(1)</script>",
    ":ref:`x`",
    "|x|",
    "*x*",
    "`x`",
    "{{ 1+1 }}",
    "[a](javascript:x)",
    "#",
    "1.",
    ">",
    "--",
    '"quoted"',
]
# Printable text, plus the markup every format must keep literal. (Control characters never
# reach the tree: the source module removes them.)
plain = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
)
text = st.one_of(plain, st.sampled_from(MARKUP), st.lists(st.sampled_from(MARKUP)).map(" ".join))
stamps = st.builds(
    Timestamp,
    text,
    st.one_of(st.none(), st.datetimes(min_value=datetime(1980, 1, 1))),
    line=st.integers(0, 50),
)


@st.composite
def blockquotes(draw: st.DrawFn) -> Blockquote:
    quote, who = draw(text), draw(text)
    position = draw(st.sampled_from(list(AttributionPosition)))
    if position is AttributionPosition.BEFORE:
        whole = f"{who}, “{quote}”"
    elif position is AttributionPosition.AFTER:
        whole = f"“{quote},” {who}."
    else:
        whole, who = f"“{quote}”", None
    return Blockquote(whole, quote, who, position)


blocks = st.one_of(
    st.builds(Paragraph, text),
    blockquotes(),
    st.builds(BulletList, st.lists(st.builds(ListItem, text), min_size=1, max_size=3).map(tuple)),
    st.builds(Preformatted, text),
    st.builds(Embed, st.lists(text, min_size=1, max_size=3).map("\n".join)),
    st.builds(Aside, text, st.sampled_from(list(AsideKind))),
)
articles = st.builds(
    Article,
    st.builds(Headline, text),
    kicker=st.one_of(st.none(), st.builds(Kicker, text)),
    standfirst=st.one_of(st.none(), st.builds(Standfirst, text)),
    published=st.one_of(st.none(), stamps),
    updated=st.lists(stamps, max_size=2).map(tuple),
    dateline=st.one_of(st.none(), st.builds(Dateline, text)),
    bylines=st.lists(st.builds(Byline, text), max_size=2).map(tuple),
    credits=st.lists(st.builds(Credit, text), max_size=2).map(tuple),
    sections=st.tuples(
        st.builds(Section, st.none(), st.lists(blocks, max_size=4).map(tuple)),
        *[
            st.builds(
                Section,
                st.builds(SectionHeading, text),
                st.lists(blocks, max_size=3).map(tuple),
            )
        ]
        * 2,
    ),
)


def expected_words(article: Article, *, keep_chrome: bool) -> Counter[str]:
    """The words a rendering must show: everything but hidden asides (unless kept)."""
    return Counter(
        word for text in tree_texts(article, hidden=keep_chrome) for word in text.split()
    )


def shown_words(roots: list[nodes.Element]) -> Counter[str]:
    """The words of ``roots`` that writers show: comments (hidden asides) left out."""
    words: Counter[str] = Counter()
    for root in roots:
        copy = root.deepcopy()
        if isinstance(copy, nodes.comment):
            continue
        for comment in list(copy.findall(nodes.comment)):
            comment.parent.remove(comment)
        words.update(copy.astext().split())
    return words


def hidden_comments(roots: list[nodes.Element]) -> list[str]:
    return [comment.astext() for root in roots for comment in root.findall(nodes.comment)]


def document() -> nodes.document:
    settings_ = get_default_settings(RstParser)
    settings_.report_level = 5
    return new_document("<generated>", settings_)


UNSAFE = (nodes.raw, nodes.reference, nodes.substitution_reference, nodes.pending, nodes.target)


@settings(max_examples=150, deadline=None)
@given(articles, st.booleans(), st.booleans())
def test_every_word_arrives_as_text(article: Article, keep_chrome: bool, flat: bool) -> None:
    roots = article_nodes(
        article, document(), Options(keep_chrome=keep_chrome), Placement(heading_offset=int(flat))
    )
    assert shown_words(roots) == expected_words(article, keep_chrome=keep_chrome)
    # What is not shown is kept, in a comment, text made inert (what our reST writer writes).
    hidden = [
        f"hidden {block.kind}: {escape_comment(block.text)}"
        for block in article.blocks()
        if isinstance(block, Aside)
        and block.kind in HIDDEN_ASIDES
        and not keep_chrome
        and block.text.strip()  # a blank block has no words to keep, and is left out
    ]
    assert hidden_comments(roots) == hidden
    for root in roots:
        assert not any(isinstance(node, UNSAFE) for node in root.findall())


@settings(max_examples=60, deadline=None)
@given(articles)
def test_every_generated_article_publishes_as_html_without_a_message(article: Article) -> None:
    doc = document()
    fill_document(doc, article)
    warnings = io.StringIO()
    output = publish_from_doctree(
        doc,
        writer="html5",
        settings_overrides={"warning_stream": warnings, "report_level": 2},
    ).decode("utf-8")
    assert warnings.getvalue() == ""
    assert "<script>" not in output
