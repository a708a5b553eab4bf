"""Layouts: the same article laid out every way gives the same body; tables stay tables."""

from __future__ import annotations

import textwrap

import pytest

from newsconvert.parser import LAYOUTS, parse, parse_with_trace
from newsconvert.parser.layouts import detect_layout
from newsconvert.parser.lines import split_lines
from newsconvert.tree import Article, BulletList, Paragraph, Preformatted

HEADLINE = "Harbour board approves second container terminal after long review"
PARAGRAPHS = [
    "The harbour board on Tuesday approved a second container terminal on the east quay, "
    "ending a review that lasted almost three years and drew more than four hundred "
    "submissions from residents, shipping lines and the fishing cooperative.",
    "Construction is expected to start in the spring and to take two years. The board said "
    "the terminal would double the port's capacity and create about three hundred jobs once "
    "it is running at full speed.",
    "Swift outreach",
    "Board members said they had met every group that objected to the plan, and that the "
    "final design moves the cranes further from the nearest houses than the first draft did.",
    "\u201cWe listened, and the plan is better for it,\u201d the board chair said.",
    "Opponents said they would study the decision before deciding whether to appeal it to "
    "the regional planning court, which has overturned two harbour schemes in the past.",
]


def line_per_paragraph() -> str:
    return "\n".join([HEADLINE, *PARAGRAPHS])


def blank_separated() -> str:
    return "\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n"


def hard_wrapped_indented() -> str:
    lines = [HEADLINE]
    for paragraph in PARAGRAPHS:
        lines.extend(textwrap.wrap(paragraph, 64, initial_indent="    "))
    return "\n".join(lines) + "\n"


def hard_wrapped_blocks() -> str:
    blocks = [HEADLINE] + ["\n".join(textwrap.wrap(p, 64)) for p in PARAGRAPHS]
    return "\n\n".join(blocks) + "\n"


def body(article: Article) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [
        (
            section.heading.text if section.heading else None,
            [(type(block).__name__, block.text) for block in section.blocks],
        )
        for section in article.sections
    ]


EXPECTED_LAYOUT = {
    "line per paragraph": "lines",
    "blank-line separated": "blocks",
    "hard-wrapped, indented": "wrapped",
    "hard-wrapped blocks": "blocks",
}

VARIANTS = {
    "line per paragraph": line_per_paragraph,
    "blank-line separated": blank_separated,
    "hard-wrapped, indented": hard_wrapped_indented,
    "hard-wrapped blocks": hard_wrapped_blocks,
}


@pytest.mark.parametrize("name", VARIANTS)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_every_layout_gives_the_same_body(name: str, newline: str) -> None:
    reference = parse(line_per_paragraph())
    text = VARIANTS[name]().replace("\n", newline)
    article = parse(text)
    assert article.headline == reference.headline
    assert body(article) == body(reference)
    assert body(reference)[1][0] == "Swift outreach"
    kinds = [kind for _, blocks in body(reference) for kind, _ in blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Blockquote", "Paragraph"]


@pytest.mark.parametrize("name", VARIANTS)
def test_layout_is_detected(name: str) -> None:
    assert detect_layout(split_lines(VARIANTS[name]())) == EXPECTED_LAYOUT[name]


def test_hard_wrapped_lines_are_joined_and_traced() -> None:
    _, trace = parse_with_trace(hard_wrapped_indented())
    joined = [row for row in trace if row.rule == "indented-paragraph-joined"]
    assert len(joined) > len(PARAGRAPHS)  # every line of a wrapped paragraph is traced
    assert {row.role for row in joined} <= {"paragraph", "blockquote"}


def test_forcing_lines_keeps_every_line_a_paragraph() -> None:
    article = parse(hard_wrapped_blocks(), layout="lines")
    paragraphs = [b for b in article.blocks() if isinstance(b, Paragraph)]
    assert len(paragraphs) > len(PARAGRAPHS)


def test_forcing_blocks_joins_every_line_of_a_block() -> None:
    text = "Title of the piece\n\nshort line\nanother short line\n\nA closing line.\n"
    auto = parse(text)
    forced = parse(text, layout="blocks")
    assert [b.text for b in forced.blocks()] == [
        "short line another short line",
        "A closing line.",
    ]
    assert "short line" in [b.text for b in auto.blocks()]


def test_forcing_wrapped_on_unindented_text_joins_blocks() -> None:
    article = parse(hard_wrapped_blocks(), layout="wrapped")
    assert body(article) == body(parse(line_per_paragraph()))


def test_unknown_layout_is_a_config_error() -> None:
    from newsconvert.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown layout"):
        parse("Title\n\nBody text.", layout="columns", source="x.txt")
    assert set(LAYOUTS) == {"lines", "blocks", "wrapped"}


EARNINGS = """\
ACME WIDGET CORP <ACW> 4TH QTR NET
    SPRINGFIELD, March 3 -
    Shr 41 cts vs 33 cts
    Net 5,120,000 vs 4,007,000
    Revs 88.4 mln vs 80.1 mln
    Year
    Shr 1.52 dlrs vs 1.20 dlrs
    Net 19.3 mln vs 15.2 mln
    NOTE: Year-ago results restated for a change in accounting
for inventories.
 Reuter
"""


def test_indented_earnings_table_is_preformatted_not_a_run_on_paragraph() -> None:
    article, trace = parse_with_trace(EARNINGS)
    assert article.headline.text == "ACME WIDGET CORP <ACW> 4TH QTR NET"
    assert article.dateline is not None and article.dateline.place == "SPRINGFIELD"
    blocks = article.blocks()
    assert isinstance(blocks[0], Preformatted)
    assert blocks[0].text.splitlines() == [
        "Shr 41 cts vs 33 cts",
        "Net 5,120,000 vs 4,007,000",
        "Revs 88.4 mln vs 80.1 mln",
        "Year",
        "Shr 1.52 dlrs vs 1.20 dlrs",
        "Net 19.3 mln vs 15.2 mln",
    ]
    assert isinstance(blocks[1], Paragraph)
    assert blocks[1].text.endswith("change in accounting for inventories.")
    assert [credit.text for credit in article.credits] == ["Reuter"]
    assert {row.role for row in trace if 3 <= row.line <= 8} == {"preformatted"}


COLUMNS = """\
Reserve prices for the week

The department published the following average prices -

         Avge   Loan    Release   Call
 Wheat   2.55   2.40       4.65     --
 Corn    1.35   1.92       3.15   3.15

Prices are in dollars per bushel.
"""


def test_column_aligned_lines_are_preformatted_with_their_spacing() -> None:
    article = parse(COLUMNS)
    tables = [b for b in article.blocks() if isinstance(b, Preformatted)]
    assert len(tables) == 1
    assert tables[0].text.splitlines()[1] == "Wheat   2.55   2.40       4.65     --"
    assert tables[0].text.splitlines()[0].startswith("        Avge")


def test_list_lines_are_not_joined_in_a_wrapped_block() -> None:
    text = (
        "Budget highlights for the year\n\n"
        "The minister announced:\n- more for schools\n - more for clinics\n"
    )
    lists = [b for b in parse(text).blocks() if isinstance(b, BulletList)]
    assert [item.text for item in lists[0].items] == ["more for schools", "more for clinics"]


def test_stray_spacing_in_prose_is_not_a_table() -> None:
    text = (
        "Council approves budget\n"
        "The council met on Monday   and agreed the budget after a long debate in the chamber.\n"
        "Officials said the money   would reach schools and clinics before the end of the year.\n"
    )
    blocks = parse(text).blocks()
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph"]
