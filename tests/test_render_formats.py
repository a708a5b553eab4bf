"""Each block type in each format, fragments and standalone documents, read back by real parsers."""

from __future__ import annotations

import dataclasses
import json

import docutils.nodes
import pytest
import yaml
from render_support import (
    QUOTE_AFTER,
    QUOTE_BEFORE,
    element_text,
    html_document,
    markdown_text,
    markdown_to_html,
    markdown_tokens,
    rst_doctree,
    rst_messages,
    sample_article,
)

import newsconvert
from newsconvert.errors import ConfigError
from newsconvert.formats import format_for_suffix, output_format
from newsconvert.renderers import UnknownBlockTypeError, render
from newsconvert.tree import Article, Paragraph, Section, Standfirst

ARTICLE = sample_article()


# --- Formats and names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("md", "md"), ("Markdown", "md"), ("htm", "html"), ("REST", "rst"),
     ("restructuredtext", "rst"), ("json", "json")],
)  # fmt: skip
def test_format_aliases(name: str, fmt: str) -> None:
    assert output_format(name).name == fmt
    assert render(ARTICLE, name) == render(ARTICLE, fmt)


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown output format 'docx'"):
        render(ARTICLE, "docx")


def test_suffixes() -> None:
    suffixes = {fmt: output_format(fmt).suffix for fmt in newsconvert.FORMATS}
    assert suffixes == {"md": ".md", "html": ".html", "rst": ".rst", "json": ".json"}
    for fmt, suffix in suffixes.items():
        assert getattr(format_for_suffix(suffix), "name", None) == fmt
    assert getattr(format_for_suffix(".HTM"), "name", None) == "html"
    assert getattr(format_for_suffix("markdown"), "name", None) == "md"
    assert format_for_suffix(".txt") is None


def test_public_api_delegates() -> None:
    assert newsconvert.render(ARTICLE, "md") == render(ARTICLE, "md")
    assert newsconvert.render(ARTICLE, "html", standalone=True) == render(
        ARTICLE, "html", standalone=True
    )


def test_unknown_block_type_is_loud() -> None:
    @dataclasses.dataclass(frozen=True)
    class Table:
        text: str
        line: int = 0

    article = sample_article(sections=(Section(None, (Paragraph("x"), Table("a | b"))),))
    for fmt in ("md", "html", "rst", "json"):
        # A programming error, not bad input: a TypeError, never a one-line NewsconvertError.
        with pytest.raises(UnknownBlockTypeError, match=r"test_render_formats\..*Table") as info:
            render(article, fmt)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)
        assert not isinstance(info.value, newsconvert.NewsconvertError)
        assert info.value.block_type is Table


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_fragment_structure() -> None:
    text = render(ARTICLE, "md")
    tokens = markdown_tokens(text)
    kinds = [t.type for t in tokens if t.level == 0 and not t.type.endswith("_close")]
    assert kinds[:3] == ["paragraph_open", "heading_open", "paragraph_open"]  # kicker, h1, dek
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [("h1", "Cambodia PM accepts Trump's invitation"),
                        ("h2", "Cambodian PM's reputation")]  # fmt: skip
    assert kinds.count("hr") == 2  # end of the header, start of the credits
    # Standfirst in emphasis; timestamps and bylines as plain paragraphs, before the break.
    lines = text.split("\n\n")
    assert lines[2] == "*The PM of Cambodia has presented an offer.*"
    header = lines[3 : lines.index("* * *")]
    assert header == [
        "Published 19:17 IST, November 27th 2019",
        "Updated 19:34 IST, November 27th 2019",
        "Updated later that day",
        "By Jane Doe and John Roe",
        "Asha Rao &#124; PTI@asharao",  # a reference: Python-Markdown prints the "\\" of "\\|"
    ]
    assert "**NEW DELHI, Nov 13 (Reuters) -** The Prime Minister presented an offer." in lines
    assert "> \u201cI am reassured by your statement,\u201d *Hun Sen wrote*." in lines
    assert "> *Trump counselled Hun Sen*, \u201cAs a first step, re-evaluate\u201d." in lines
    assert "- first point\n- second point" in lines and "* another list" in lines  # two lists
    assert "```\nShr 34 cts vs 1.19 dlrs\n  Net 1.5 mln vs 2.0 mln\n```" in lines
    assert "<!-- aside crosslink -->\nAlso Read: another story" in lines
    assert lines[-2:] == ["(With AP inputs)", "Reuter\n"]
    # Chrome and duplicates are kept out of sight, in comments.
    assert "<!-- hidden chrome: Home | World | Share on Facebook -->" in lines
    assert "<!-- hidden duplicate: Printed twice -->" in lines
    assert "Facebook" not in markdown_text(text) and "Printed twice" not in markdown_text(text)
    rendered = markdown_to_html(text)
    assert rendered.count("<blockquote>") == 4  # three quotes and the embed
    assert rendered.count("<ul>") == 2


def test_markdown_blockquote_text_is_recoverable() -> None:
    text = markdown_text(render(ARTICLE, "md"))
    assert QUOTE_AFTER in text and QUOTE_BEFORE in text


def test_markdown_embed_keeps_its_lines() -> None:
    tokens = markdown_tokens(render(ARTICLE, "md"))
    start = next(i for i, t in enumerate(tokens) if t.type == "html_block" and "embed" in t.content)
    assert tokens[start + 1].type == "blockquote_open"
    inner = []
    for token in tokens[start + 2 :]:
        if token.type == "blockquote_close":
            break
        if token.type == "inline":
            inner.append(token.content)
    assert inner == [
        "Great day pic.twitter.com/AbCdEf",
        "\u2014 Jane Doe (@janedoe) November 19, 2019",
    ]


def test_markdown_standalone_front_matter() -> None:
    text = render(ARTICLE, "md", standalone=True)
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    assert yaml.safe_load(front) == {
        "title": "Cambodia PM accepts Trump's invitation",
        "date": "2019-11-27T19:17:00+05:30",
        "lastmod": "2019-11-27T19:34:00+05:30",
        "authors": ["Jane Doe", "John Roe", "Asha Rao"],
        "description": "The PM of Cambodia has presented an offer.",
        "dateline": "NEW DELHI, Nov 13 (Reuters) -",
    }
    assert body.lstrip("\n") == render(ARTICLE, "md")


@pytest.mark.parametrize(
    "title",
    ["---", "key: value", "'single' and \"double\" quotes", "line\nbreak\n---\nafter",
     "- item", "# comment", "&anchor *alias", "!!python/object:os.system", "null", "2019-11-27",
     "   spaces   ", "..."],
)  # fmt: skip
def test_front_matter_survives_yaml_breakers(title: str) -> None:
    article = sample_article(headline=dataclasses.replace(ARTICLE.headline, text=title))
    text = render(article, "md", standalone=True)
    lines = text.split("\n")
    end = lines.index("---", 1)  # the first line that is exactly '---' closes it
    assert yaml.safe_load("\n".join(lines[1:end]))["title"] == title


def test_markdown_without_metadata() -> None:
    article = sample_article(
        kicker=None, standfirst=None, published=None, updated=(), bylines=(), credits=(),
        dateline=None,
    )  # fmt: skip
    text = render(article, "md", standalone=True)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "Cambodia PM accepts Trump's invitation"}
    body = render(article, "md")
    assert body.startswith("# Cambodia PM accepts Trump's invitation\n\n* * *\n\n")
    assert [t.type for t in markdown_tokens(body)].count("hr") == 1


# --- HTML ---------------------------------------------------------------------------------------


def test_html_fragment_structure() -> None:
    text = render(ARTICLE, "html")
    tree, errors = html_document(text, fragment=True)
    assert errors == []
    article = tree.find("article")
    header = article.find("header")
    assert header.find("p[@class='kicker']").text == "International"
    assert header.find("h1").text == "Cambodia PM accepts Trump's invitation"
    assert (
        header.find("p[@class='standfirst']").text == "The PM of Cambodia has presented an offer."
    )
    published = header.find("p[@class='published']/time")
    assert published.get("datetime") == "2019-11-27T19:17:00+05:30"
    assert published.text == "Published 19:17 IST, November 27th 2019"
    updated = header.findall("p[@class='updated']")
    assert [u.find("time") is not None for u in updated] == [True, False]  # no value, no <time>
    assert element_text(updated[1]) == "Updated later that day"
    assert [b.text for b in header.findall("p[@class='byline']")] == [
        "By Jane Doe and John Roe", "Asha Rao | PTI@asharao",
    ]  # fmt: skip
    sections = article.findall("section")
    assert len(sections) == 2 and sections[1].find("h2").text == "Cambodian PM's reputation"
    first = sections[0].find("p")
    assert first.find("span[@class='dateline']").text == "NEW DELHI, Nov 13 (Reuters) -"
    assert (
        element_text(first)
        == "NEW DELHI, Nov 13 (Reuters) - The Prime Minister presented an offer."
    )
    figures = article.findall(".//figure[@class='quote']")
    assert len(figures) == 3
    # The two parts, in document order, are exactly the text.
    assert [element_text(f) .replace("\n", "") for f in figures] == [
        QUOTE_AFTER, "\u201cA quote alone.\u201d", QUOTE_BEFORE,
    ]  # fmt: skip
    assert figures[0].find("figcaption").text == "Hun Sen wrote."
    assert figures[2][0].tag == "figcaption" and figures[2][0].text == "Trump counselled Hun Sen, "
    assert figures[1].find("figcaption") is None
    lists = article.findall(".//ul")
    assert [[li.text for li in ul] for ul in lists] == [["first point", "second point"],
                                                        ["another list"]]  # fmt: skip
    assert article.find(".//pre").text == "Shr 34 cts vs 1.19 dlrs\n  Net 1.5 mln vs 2.0 mln"
    embed = article.find(".//blockquote[@class='embed']")
    assert [p.text for p in embed] == ["Great day pic.twitter.com/AbCdEf",
                                       "\u2014 Jane Doe (@janedoe) November 19, 2019"]  # fmt: skip
    assert article.find(".//p[@class='caption']").text == "(AP Photo/John Roe)"
    assert element_text(article.find(".//aside[@class='crosslink']")) == "Also Read: another story"
    assert element_text(article.find(".//aside[@class='other']")) == "Something else"
    # Chrome and duplicates are in the page, out of sight.
    for kind, text in (
        ("chrome", "Home | World | Share on Facebook"),
        ("duplicate", "Printed twice"),
    ):
        hidden = article.find(f".//aside[@class='{kind}']")
        assert "hidden" in hidden.attrib and hidden.get("data-set-aside") == kind
        assert element_text(hidden) == text
    assert [p.text for p in article.find("footer")] == ["(With AP inputs)", "Reuter"]


def test_html_keep_chrome() -> None:
    tree, _ = html_document(render(ARTICLE, "html", keep_chrome=True), fragment=True)
    assert (
        element_text(tree.find(".//aside[@class='chrome']")) == "Home | World | Share on Facebook"
    )
    assert element_text(tree.find(".//aside[@class='duplicate']")) == "Printed twice"


def test_html_standalone_page() -> None:
    text = render(ARTICLE, "html", standalone=True, lang="en-IN")
    tree, errors = html_document(text)
    assert errors == []
    assert tree.get("lang") == "en-IN"
    head = tree.find("head")
    assert head.find("meta[@charset]").get("charset") == "utf-8"
    assert "width=device-width" in head.find("meta[@name='viewport']").get("content")
    assert head.find("title").text == "Cambodia PM accepts Trump's invitation"
    assert "font" in head.find("style").text
    data = json.loads(head.find("script[@type='application/ld+json']").text)
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Cambodia PM accepts Trump's invitation",
        "datePublished": "2019-11-27T19:17:00+05:30",
        "dateModified": "2019-11-27T19:34:00+05:30",
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "John Roe"},
            {"@type": "Person", "name": "Asha Rao"},
            {"@type": "Organization", "name": "PTI"},
        ],
        "dateline": "NEW DELHI, Nov 13 (Reuters) -",
        "description": "The PM of Cambodia has presented an offer.",
        "inLanguage": "en-IN",
    }
    assert tree.find("body/article/header/h1") is not None


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed tree", "hand-made tree"])
def test_json_ld_holds_no_invalid_character(parsed: bool) -> None:
    # A parsed tree's text is known clean (JSON-LD takes it as it is); the language is an
    # option, and a hand-made tree's text may hold anything: both are cleaned.
    from newsconvert.renderers.context import build_context
    from newsconvert.renderers.metadata import json_ld

    text = "Published 10:42 IST, March 3rd 2025\nA headline\nBy Jane Doe\nThe first paragraph.\n"
    article = newsconvert.parse(text)
    if not parsed:
        article = dataclasses.replace(article, standfirst=Standfirst("bell\x07 and\u2028break"))
    assert article.characters_checked is parsed
    context = build_context(article, "html", standalone=True, keep_chrome=False, lang="en\x00")
    data = json_ld(context)
    assert data["inLanguage"] == "en\ufffd"
    assert data["headline"] == "A headline"
    assert parsed or data["description"] == "bell\ufffd and break"
    page = render(article, "html", standalone=True, lang="en\x00")
    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(script) == data


def test_html_preformatted_leading_newline_survives() -> None:
    from newsconvert.tree import Preformatted

    article = sample_article(sections=(Section(None, (Preformatted("\nafter a blank line"),)),))
    tree, _ = html_document(render(article, "html"), fragment=True)
    assert tree.find(".//pre").text == "\nafter a blank line"


# --- reStructuredText ---------------------------------------------------------------------------


@pytest.mark.parametrize("standalone", [False, True])
@pytest.mark.parametrize("keep_chrome", [False, True])
@pytest.mark.parametrize("level", [1, 2])
def test_rst_parses_without_messages(standalone: bool, keep_chrome: bool, level: int) -> None:
    text = render(ARTICLE, "rst", standalone=standalone, keep_chrome=keep_chrome)
    assert rst_messages(text, report_level=level) == []


def test_rst_structure() -> None:
    document, _ = rst_doctree(render(ARTICLE, "rst"))
    assert document["title"] == "Cambodia PM accepts Trump's invitation"
    docinfo = document.next_node(docutils.nodes.docinfo)
    fields = [(f[0].astext(), f[1].astext()) for f in docinfo.findall(docutils.nodes.field)]
    assert fields == [
        ("Kicker", "International"),
        ("Published", "Published 19:17 IST, November 27th 2019"),
        ("Updated", "Updated 19:34 IST, November 27th 2019"),
        ("Updated", "Updated later that day"),
        ("Dateline", "NEW DELHI, Nov 13 (Reuters) -"),
    ]
    authors = docinfo.next_node(docutils.nodes.authors)
    assert [a.astext() for a in authors] == ["By Jane Doe and John Roe", "Asha Rao | PTI@asharao"]
    containers = {
        " ".join(c["classes"]): c.astext() for c in document.findall(docutils.nodes.container)
    }
    assert containers == {
        "standfirst": "The PM of Cambodia has presented an offer.",
        "aside crosslink": "Also Read: another story",
        "embed": "Great day pic.twitter.com/AbCdEf\n\n\u2014 Jane Doe (@janedoe) November 19, 2019",
        "aside caption": "(AP Photo/John Roe)",
        "aside other": "Something else",
        "credits": "(With AP inputs)\n\nReuter",
    }
    embed = next(c for c in document.findall(docutils.nodes.container) if "embed" in c["classes"])
    assert [line.astext() for line in embed.findall(docutils.nodes.line)] == [
        "Great day pic.twitter.com/AbCdEf", "\u2014 Jane Doe (@janedoe) November 19, 2019",
    ]  # fmt: skip
    strong = next(iter(document.findall(docutils.nodes.strong)))
    assert strong.astext() == "NEW DELHI, Nov 13 (Reuters) -"
    assert (
        strong.parent.astext()
        == "NEW DELHI, Nov 13 (Reuters) - The Prime Minister presented an offer."
    )
    quotes = list(document.findall(docutils.nodes.block_quote))
    assert len(quotes) == 3
    assert quotes[0][0].astext() + " " + quotes[0][1].astext() == QUOTE_AFTER
    assert isinstance(quotes[0][1], docutils.nodes.attribution)
    assert quotes[1].astext() == "\u201cA quote alone.\u201d"
    assert quotes[2].astext() == QUOTE_BEFORE
    assert quotes[2].next_node(docutils.nodes.emphasis).astext() == "Trump counselled Hun Sen"
    lists = [[i.astext() for i in ul] for ul in document.findall(docutils.nodes.bullet_list)]
    assert lists == [["first point", "second point"], ["another list"]]
    literal = document.next_node(docutils.nodes.literal_block)
    assert literal.astext() == "Shr 34 cts vs 1.19 dlrs\n  Net 1.5 mln vs 2.0 mln"
    section = document.next_node(docutils.nodes.section)
    assert section[0].astext() == "Cambodian PM's reputation"


def test_rst_single_author_and_meta() -> None:
    article = sample_article(bylines=ARTICLE.bylines[:1])
    text = render(article, "rst", standalone=True)
    assert rst_messages(text) == []
    document, _ = rst_doctree(text)
    assert document.next_node(docutils.nodes.author).astext() == "By Jane Doe and John Roe"
    metas = {m["name"]: m["content"] for m in document.findall(docutils.nodes.meta)}
    assert metas == {
        "description": "The PM of Cambodia has presented an offer.",
        "author": "Jane Doe, John Roe",
    }


def test_rst_blockquote_after_every_kind_of_block() -> None:
    from newsconvert.tree import (
        Aside,
        AsideKind,
        Blockquote,
        BulletList,
        Embed,
        ListItem,
        Preformatted,
    )

    quote = Blockquote("\u201cQuoted.\u201d", "Quoted.")
    others = [
        BulletList((ListItem("item"),)),
        Preformatted("code"),
        Embed("post"),
        Aside("note", AsideKind.CROSSLINK),
        quote,
    ]
    blocks = tuple(b for other in others for b in (other, quote))
    for sections in (
        (Section(None, (quote, *blocks)),),
        (Section(None, ()), Section(None, blocks)),
    ):
        article = sample_article(sections=sections, standfirst=None)
        text = render(article, "rst")
        assert rst_messages(text) == [], text
        document, _ = rst_doctree(text)
        assert len(list(document.findall(docutils.nodes.block_quote))) == len(
            [b for s in sections for b in s.blocks if b is quote]
        )


def test_rst_lone_dateline_and_empty_blocks() -> None:
    from newsconvert.tree import Embed, Preformatted

    article = sample_article(
        sections=(Section(None, (Preformatted("  "), Embed(""))),), standfirst=None
    )
    text = render(article, "rst")
    assert rst_messages(text) == []
    document, _ = rst_doctree(text)
    assert document.next_node(docutils.nodes.strong).astext() == "NEW DELHI, Nov 13 (Reuters) -"


@pytest.mark.parametrize(
    "text",
    ["\u201cWe will win,\u201dsaid Jane Doe.", "\u201cWe will win,\u201d  Jane Doe said."],
)
def test_quote_is_split_only_at_exactly_one_space(text: str) -> None:
    from newsconvert.tree import AttributionPosition, Blockquote

    attribution = "said Jane Doe" if "said Jane" in text else "Jane Doe said"
    quote = Blockquote(text, "We will win,", attribution, AttributionPosition.AFTER)
    article = sample_article(sections=(Section(None, (Paragraph("x"), quote)),))
    output = render(article, "rst")
    assert rst_messages(output) == []
    document, _ = rst_doctree(output)
    block = document.next_node(docutils.nodes.block_quote)
    assert not list(block.findall(docutils.nodes.attribution))
    assert block.astext() == text
    assert block.next_node(docutils.nodes.emphasis).astext() == attribution
    tree, _ = html_document(render(article, "html"), fragment=True)
    assert element_text(tree.find(".//blockquote")) == text


@pytest.mark.parametrize("standalone", [False, True])
def test_headline_only_article_in_every_format(standalone: bool) -> None:
    from newsconvert.tree import Article, Headline

    article = Article(Headline("Only a headline"))
    assert rst_messages(render(article, "rst", standalone=standalone)) == []
    document, _ = rst_doctree(render(article, "rst", standalone=standalone))
    assert document["title"] == "Only a headline"
    tree, errors = html_document(
        render(article, "html", standalone=standalone), fragment=not standalone
    )
    assert errors == [] and tree.find(".//h1").text == "Only a headline"
    assert (
        markdown_text(render(article, "md", standalone=standalone))
        .strip()
        .endswith("Only a headline")
    )


# --- Where the dateline prints ------------------------------------------------------------------


def _dateline_article(*blocks: object) -> Article:
    from newsconvert.readers import recognise
    from newsconvert.tree import Headline

    # The dateline's parts as the readers find them, so that the trees compare equal.
    dateline = recognise.dateline_parts("SANTA CRUZ, Calif., Feb 26 -", line=2)
    return Article(
        Headline("COBANCO INC YEAR NET"),
        dateline=dateline,
        sections=(Section(None, blocks),),  # type: ignore[arg-type]
    )


def test_dateline_before_a_leading_table_stands_alone_before_it() -> None:
    from newsconvert.readers import read
    from newsconvert.tree import Preformatted

    table = Preformatted("Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000", line=3)
    article = _dateline_article(table, Paragraph("Note: year includes a gain.", line=6))
    md = render(article, "md")
    assert "**SANTA CRUZ, Calif., Feb 26 -**\n\n```\nShr 34" in md
    assert "\nNote: year includes a gain." in md  # the paragraph after the table is bare
    document, _ = rst_doctree(render(article, "rst"))
    body = [
        node
        for node in document.findall(
            lambda n: isinstance(n, (docutils.nodes.paragraph, docutils.nodes.literal_block))
        )
        if not isinstance(node.parent, docutils.nodes.field_body)
    ]
    assert [type(node).__name__ for node in body] == ["paragraph", "literal_block", "paragraph"]
    assert body[0].astext() == "SANTA CRUZ, Calif., Feb 26 -"
    tree, _ = html_document(render(article, "html"), fragment=True)
    first = tree.find(".//p/span[@class='dateline']/..")
    assert element_text(first) == "SANTA CRUZ, Calif., Feb 26 -"
    for fmt in ("md", "rst", "html"):
        assert read(render(article, fmt), fmt) == article, fmt


def test_dateline_opens_the_paragraph_on_its_own_line_after_a_caption() -> None:
    from newsconvert.readers import read
    from newsconvert.tree import Aside, AsideKind

    caption = Aside("1 of 4. Rescuers at work.", kind=AsideKind.CAPTION, line=1)
    lead = Paragraph("Countries stepped up the search.", line=2)
    article = _dateline_article(caption, lead, Paragraph("More.", line=4))
    md = render(article, "md")
    assert "\n**SANTA CRUZ, Calif., Feb 26 -** Countries stepped up the search.\n" in md
    for fmt in ("md", "rst", "html"):
        assert read(render(article, fmt), fmt) == article, fmt


def test_corpus_table_first_dateline_prints_before_the_table(corpus_dir: object) -> None:
    from pathlib import Path

    path = Path(str(corpus_dir)) / "reuters" / "reut2-000_newid00011.txt"
    article = newsconvert.parse(path.read_text(encoding="utf-8"))
    assert article.dateline is not None
    md = render(article, "md")
    dateline = f"**{article.dateline.text}**"
    assert md.index(dateline) < md.index("```")
    assert md.count(article.dateline.text) == 1


def test_rst_long_text_is_wrapped_and_a_huge_headline_kept_whole() -> None:
    from newsconvert.tree import Headline, SectionHeading

    headline = "Big " * 3_000 + "end"
    heading = "Huge " * 2_500 + "heading"
    body = "Words and more words. " * 50
    article = Article(
        Headline(headline),
        sections=(Section(None, (Paragraph(body),)), Section(SectionHeading(heading), ())),
    )
    text = render(article, "rst")
    # Only the titles (which cannot wrap, shortened to fit docutils' limit) are long lines.
    long_lines = [line for line in text.split("\n") if len(line) > 80]
    titles = [line for line in long_lines if not line.startswith(("=", "-"))]
    assert [line[:5] for line in titles] == ["Big B", "Huge "]
    assert all(line.endswith(" \u2026") and len(line) < 10_000 for line in titles)
    assert rst_messages(text) == []
    document, _ = rst_doctree(text)
    fields = {
        field[0].astext(): " ".join(field[1].astext().split("\n"))
        for field in document.findall(docutils.nodes.field)
    }
    assert fields["Headline"] == headline
    paragraphs = [
        " ".join(p.astext().split("\n")) for p in document.findall(docutils.nodes.paragraph)
    ]
    assert body.strip() in paragraphs and heading in paragraphs


def test_markdown_keeps_the_rule_under_an_empty_header() -> None:
    # Without the rule a reader cannot tell our layout from a person's Markdown, whose opening
    # paragraphs it reads by their words: this body would come back as a byline and a dateline.
    from newsconvert.readers import read
    from newsconvert.tree import Headline

    body = (Paragraph("By Jane Doe"), Paragraph("LONDON (Reuters) - Text."))
    article = Article(Headline("Title"), sections=(Section(None, body),))
    text = render(article, "md")
    assert text.startswith("# Title\n\n* * *\n\nBy Jane Doe\n")
    assert read(text, "md") == article
    without_rule = read(text.replace("* * *\n\n", "", 1), "md")
    assert without_rule.bylines and without_rule.dateline is not None
