"""The article tree as docutils nodes (newsconvert.doctree), on hand-built trees."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from docutils import nodes
from docutils.core import publish_doctree, publish_string
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document

from newsconvert.integrations.doctree import (
    DoctreeBuilder,
    Placement,
    article_metadata,
    article_nodes,
    fill_document,
    news_time,
)
from newsconvert.options import Options
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
    ".. include:: /etc/passwd",
    ".. raw:: html",
    '<script>alert("x")</script>',
    ":ref:`x`",
    "|x|",
    "*stars* and `ticks`",
    "{{ 1+1 }}",
)


def full_article() -> Article:
    """An article using every node type, written for these tests."""
    return Article(
        headline=Headline("Harbour bridge reopens after repairs", line=2),
        kicker=Kicker("City", line=1),
        standfirst=Standfirst("Commuters return to the old route.", line=3),
        published=Timestamp(
            "Published 08:15 IST, March 2nd 2021",
            datetime(2021, 3, 2, 8, 15, tzinfo=IST),
            line=4,
            zone="IST",
        ),
        updated=(Timestamp("Updated 09:00, March 2nd 2021", datetime(2021, 3, 2, 9, 0), line=5),),
        dateline=Dateline("PORTVILLE, March 2 (Wire) - ", "PORTVILLE", "March 2", "Wire", line=7),
        bylines=(Byline("By Ann Lee and Raj Rao", names=("Ann Lee", "Raj Rao"), line=6),),
        credits=(Credit("(Reporting by Ann Lee)", line=20),),
        sections=(
            Section(
                None,
                (
                    Paragraph("The bridge opened at dawn.", line=7),
                    Blockquote(
                        "“It is a relief,” a driver said.",
                        "It is a relief,",
                        "a driver said",
                        AttributionPosition.AFTER,
                        line=8,
                    ),
                ),
            ),
            Section(
                SectionHeading("What changed", line=9),
                (
                    BulletList((ListItem("New rails", 10), ListItem("Wider lanes", 11)), line=10),
                    Preformatted("Cost   12 mln\nSpan    300 m", line=12),
                    Embed("Open at last! pic.twitter.com/x\n— Ann (@ann) March 2", line=14),
                    Aside("(Photo: City council)", AsideKind.CAPTION, line=16),
                    Aside("Share on Facebook", AsideKind.CHROME, line=17),
                    Aside("(Photo: City council)", AsideKind.DUPLICATE, line=18),
                ),
            ),
        ),
    )


def empty_document() -> nodes.document:
    settings = get_default_settings(RstParser)
    settings.report_level = 5
    return new_document("<test>", settings)


def test_every_block_type_maps_to_a_standard_node() -> None:
    document = empty_document()
    (section,) = article_nodes(full_article(), document)
    assert isinstance(section, nodes.section)
    assert section[0].astext() == "Harbour bridge reopens after repairs"
    quote = next(section.findall(nodes.block_quote))
    # Quotation and attribution exactly as written: marks and punctuation included.
    assert quote[0].astext() == "“It is a relief,”"
    assert next(quote.findall(nodes.attribution)).astext() == "a driver said."
    items = [item.astext() for item in section.findall(nodes.list_item)]
    assert items == ["New rails", "Wider lanes"]
    (literal,) = section.findall(nodes.literal_block)
    assert literal.astext() == "Cost   12 mln\nSpan    300 m"
    lines = [line.astext() for line in section.findall(nodes.line)]
    assert lines == ["Open at last! pic.twitter.com/x", "— Ann (@ann) March 2"]
    (subsection,) = section.findall(nodes.section, include_self=False)
    assert subsection[0].astext() == "What changed"
    assert subsection["ids"] == ["what-changed"]


def test_header_holds_kicker_times_and_bylines_as_written() -> None:
    (section,) = article_nodes(full_article(), empty_document())
    header = next(
        node for node in section.findall(nodes.container) if "newsconvert-header" in node["classes"]
    )
    assert [child.astext() for child in header.children] == [
        "City",
        "Published 08:15 IST, March 2nd 2021",
        "Updated 09:00, March 2nd 2021",
        "By Ann Lee and Raj Rao",
    ]
    times = list(header.findall(nodes.inline))
    assert times[0]["datetime"] == "2021-03-02T08:15:00+05:30"
    # No zone in the text: the value stays naive, no offset is invented.
    assert times[1]["datetime"] == "2021-03-02T09:00:00"


def test_no_header_leaves_out_metadata_but_keeps_the_standfirst() -> None:
    placement = Placement(include_header=False)
    (section,) = article_nodes(full_article(), empty_document(), placement=placement)
    text = section.astext()
    assert "Published 08:15" not in text
    assert "By Ann Lee" not in text
    assert "Commuters return to the old route." in text


def test_dateline_opens_its_paragraph() -> None:
    (section,) = article_nodes(full_article(), empty_document())
    paragraph = next(
        node
        for node in section.findall(nodes.paragraph)
        if node.astext().endswith("The bridge opened at dawn.")
    )
    assert paragraph[0]["classes"] == ["newsconvert-dateline"]
    assert paragraph.astext() == "PORTVILLE, March 2 (Wire) - The bridge opened at dawn."


def test_hidden_asides_are_comments_unless_kept_or_dropped() -> None:
    article = full_article()
    (root,) = DoctreeBuilder(empty_document()).article(article)
    comments = list(root.findall(nodes.comment))
    assert [c.astext() for c in comments] == [
        "hidden chrome: Share on Facebook",
        "hidden duplicate: (Photo: City council)",
    ]
    assert [c["classes"] for c in comments] == [
        ["newsconvert-hidden", "newsconvert-chrome"],
        ["newsconvert-hidden", "newsconvert-duplicate"],
    ]
    for comment in comments:
        comment.parent.remove(comment)
    assert "Share on Facebook" not in root.astext()
    assert root.astext().count("(Photo: City council)") == 1
    dropped_options = Options(drop_chrome=True)
    (dropped,) = DoctreeBuilder(empty_document(), dropped_options).article(article)
    assert not list(dropped.findall(nodes.comment)) and "Share on" not in dropped.astext()
    kept_options = Options(keep_chrome=True)
    kept = DoctreeBuilder(empty_document(), kept_options).article(article)[0].astext()
    assert "Share on Facebook" in kept
    assert kept.count("(Photo: City council)") == 2


def test_credits_close_the_last_section() -> None:
    (section,) = article_nodes(full_article(), empty_document())
    last = section[-1]
    assert isinstance(last, nodes.section)
    assert last[-1]["classes"] == ["newsconvert-credits"]
    assert last[-1].astext() == "(Reporting by Ann Lee)"


@pytest.mark.parametrize(
    "placement", [Placement(heading_offset=1), Placement(sections_allowed=False)]
)
def test_headings_become_rubrics_where_sections_cannot_go(placement: Placement) -> None:
    roots = article_nodes(full_article(), empty_document(), placement=placement)
    assert not any(isinstance(node, nodes.section) for root in roots for node in root.findall())
    rubrics = [root for root in roots if isinstance(root, nodes.rubric)]
    assert [rubric.astext() for rubric in rubrics] == [
        "Harbour bridge reopens after repairs",
        "What changed",
    ]
    assert rubrics[0]["classes"] == ["newsconvert-heading", "newsconvert-h1"]


def test_time_node_class_is_configurable() -> None:
    placement = Placement(time_node=news_time)
    (section,) = article_nodes(full_article(), empty_document(), placement=placement)
    stamps = list(section.findall(news_time))
    assert [stamp.astext() for stamp in stamps] == [
        "Published 08:15 IST, March 2nd 2021",
        "Updated 09:00, March 2nd 2021",
    ]


def test_parts_without_words_are_left_out() -> None:
    article = Article(
        Headline("Quiet day"),
        kicker=Kicker("  "),
        bylines=(Byline(" "),),
        sections=(Section(None, (Paragraph(" "), Paragraph("Nothing happened."))),),
    )
    (section,) = article_nodes(article, empty_document())
    assert [node.astext() for node in section.children] == ["Quiet day", "Nothing happened."]


def test_meta_tags_for_the_html_head() -> None:
    tags = DoctreeBuilder(empty_document()).meta_tags(full_article())
    assert [tag.non_default_attributes() for tag in tags] == [
        {"name": "description", "content": "Commuters return to the old route."},
        {"name": "author", "content": "Ann Lee, Raj Rao"},
        {"property": "article:published_time", "content": "2021-03-02T08:15:00+05:30"},
        {"property": "article:modified_time", "content": "2021-03-02T09:00:00"},
    ]


def test_meta_tags_escape_article_text() -> None:
    article = Article(Headline("Vote"), standfirst=Standfirst('"><script>alert(1)</script>'))
    output, warnings = publish("html5", article)
    assert warnings == ""
    assert "<script>" not in output
    assert 'content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in output


def test_metadata_for_sphinx_pages() -> None:
    data = article_metadata(full_article())
    assert data == {
        "headline": "Harbour bridge reopens after repairs",
        "kicker": "City",
        "standfirst": "Commuters return to the old route.",
        "published": "Published 08:15 IST, March 2nd 2021",
        "published_datetime": "2021-03-02T08:15:00+05:30",
        "updated": "Updated 09:00, March 2nd 2021",
        "updated_datetime": "2021-03-02T09:00:00",
        "authors": ["Ann Lee", "Raj Rao"],
        "dateline": "PORTVILLE, March 2 (Wire) -",
        "dateline_place": "PORTVILLE",
        "dateline_agency": "Wire",
        "credits": "(Reporting by Ann Lee)",
    }


def test_byline_without_names_is_still_the_author() -> None:
    article = Article(Headline("Tides"), bylines=(Byline("by Staff Writer"),))
    assert article_metadata(article)["authors"] == ["by Staff Writer"]


def test_hostile_text_stays_text() -> None:
    article = Article(
        Headline(HOSTILE[4]),
        standfirst=Standfirst(HOSTILE[0]),
        sections=(
            Section(None, tuple(Paragraph(text) for text in HOSTILE)),
            Section(SectionHeading(HOSTILE[1]), (BulletList((ListItem(HOSTILE[2]),)),)),
        ),
    )
    document = empty_document()
    roots = article_nodes(article, document)
    for root in roots:
        for node in root.findall():
            assert not isinstance(
                node,
                nodes.raw | nodes.reference | nodes.substitution_reference | nodes.emphasis,
            )
    text = roots[0].astext()
    for hostile in HOSTILE:
        assert hostile in text


class ArticleParser(RstParser):
    """A docutils parser that ignores its input and fills the document with a given tree."""

    article: Article = full_article()

    def parse(self, inputstring: str, document: nodes.document) -> None:
        self.setup_parse(inputstring, document)
        fill_document(document, self.article)
        self.finish_parse()


def publish(writer: str, article: Article | None = None) -> tuple[str, str]:
    """Publish ``article`` with ``writer``; returns the output and the warning stream."""
    parser = ArticleParser()
    if article is not None:
        parser.article = article
    warnings = io.StringIO()
    output = publish_string(
        "",
        parser=parser,
        writer=writer,
        settings_overrides={
            "warning_stream": warnings,
            "report_level": 1,
            "halt_level": 5,
            # Settings whose defaults change in docutils 1.0 (set to silence the notice).
            "use_latex_citations": True,
            "legacy_column_widths": False,
        },
    )
    return output.decode("utf-8") if isinstance(output, bytes) else output, warnings.getvalue()


def test_docutils_promotes_headline_and_docinfo() -> None:
    doctree = publish_doctree("", parser=ArticleParser(), settings_overrides={"report_level": 5})
    assert doctree["title"] == "Harbour bridge reopens after repairs"
    assert isinstance(doctree[0], nodes.title)
    (docinfo,) = doctree.findall(nodes.docinfo)
    assert doctree.index(docinfo) == 1 + len(list(doctree.findall(nodes.meta)))
    authors = next(docinfo.findall(nodes.authors))
    assert [author.astext() for author in authors] == ["Ann Lee", "Raj Rao"]
    fields = {field[0].astext(): field[1].astext() for field in docinfo.findall(nodes.field)}
    assert fields["Published"] == "Published 08:15 IST, March 2nd 2021"
    assert fields["Dateline"] == "PORTVILLE, March 2 (Wire) -"


@pytest.mark.parametrize("writer", ["html5", "html4", "latex", "manpage", "xml", "pseudoxml"])
def test_every_docutils_writer_renders_without_a_message(writer: str) -> None:
    output, warnings = publish(writer)
    assert warnings == ""
    assert "Harbour bridge reopens after repairs" in output
    assert "a driver said" in output


def test_html_has_the_headline_blockquote_and_escaped_text() -> None:
    article = Article(
        Headline("Vote on <b>bold</b> |x|"),
        sections=(Section(None, (Paragraph('<script>alert("x")</script> .. raw:: html'),)),),
    )
    output, warnings = publish("html5", article)
    assert warnings == ""
    assert '<h1 class="title">Vote on &lt;b&gt;bold&lt;/b&gt; |x|</h1>' in output
    assert "<script>" not in output
    assert "&lt;script&gt;" in output
    html, _ = publish("html5")
    assert '<blockquote class="newsconvert-quote">' in html
    assert '<p class="attribution">—a driver said.</p>' in html


def test_attribution_before_the_quotation_keeps_every_character() -> None:
    text = "The mayor told reporters, “We will rebuild it.”"
    block = Blockquote(
        text, "We will rebuild it.", "The mayor told reporters", AttributionPosition.BEFORE
    )
    article = Article(Headline("Rebuild"), sections=(Section(None, (block,)),))
    (section,) = article_nodes(article, empty_document())
    quote = next(section.findall(nodes.block_quote))
    assert quote[0].astext() == "“We will rebuild it.”"
    assert quote[1].astext() == "The mayor told reporters,"
    assert sorted((quote[1].astext() + " " + quote[0].astext()).split()) == sorted(text.split())


def test_quotation_without_attribution_is_the_whole_paragraph() -> None:
    block = Blockquote("“Enough,” came the reply.", "Enough,")
    article = Article(Headline("Reply"), sections=(Section(None, (block,)),))
    (section,) = article_nodes(article, empty_document())
    quote = next(section.findall(nodes.block_quote))
    assert quote.astext() == "“Enough,” came the reply."
    assert not list(quote.findall(nodes.attribution))


def test_importing_newsconvert_never_imports_sphinx() -> None:
    code = (
        "import sys, newsconvert, newsconvert.integrations.doctree, newsconvert.docutils_parser, "
        "newsconvert.tree; assert 'sphinx' not in sys.modules, 'sphinx imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_doctree_options_still_import_with_a_deprecation_warning() -> None:
    with pytest.warns(DeprecationWarning, match="DoctreeOptions is deprecated"):
        from newsconvert.integrations.doctree import DoctreeOptions
    old = DoctreeOptions(keep_chrome=True, include_header=False)
    new = article_nodes(
        full_article(), empty_document(), Options(keep_chrome=True), Placement(include_header=False)
    )
    assert article_nodes(full_article(), empty_document(), old)[0].astext() == new[0].astext()
