"""Every convention FORMAT.md lists, placed in a small article of our own, gets its role."""

from __future__ import annotations

import pytest

from newsconvert.parser import parse, parse_with_trace
from newsconvert.tree import (
    Aside,
    AsideKind,
    AttributionPosition,
    Blockquote,
    BulletList,
    Embed,
    Paragraph,
)

HEADLINE = "Council votes to rebuild the old river bridge"
FIRST = (
    "The city council voted on Monday to rebuild the old river bridge, which has been closed "
    "to traffic since the floods of last winter damaged two of its piers."
)
SECOND = (
    "Work is due to begin in the summer, and the council expects the new bridge to open to "
    "cyclists and pedestrians before it carries any cars."
)
THIRD = (
    "Residents on both banks have campaigned for the repair, saying the detour adds half an "
    "hour to the journey to the hospital and the secondary school."
)


def article_text(*lines: str) -> str:
    return "\n".join(lines)


def roles_of(text: str) -> dict[str, str]:
    _, trace = parse_with_trace(text)
    return {row.text: row.role for row in trace if row.text}


# --- Timestamps ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "field", "iso"),
    [
        ("Published 19:17 IST, November 27th 2019", "published", "2019-11-27T19:17:00+05:30"),
        ("Updated 19:34 IST, November 27th 2019", "updated", "2019-11-27T19:34:00+05:30"),
        ("Updated:November 29, 2019, 7:47 PM IST", "updated", "2019-11-29T19:47:00+05:30"),
        ("Updated: 7:28am, 28 Nov, 2019", "updated", "2019-11-28T07:28:00"),
        ("Published Jul 23, 2019 at 4:20pm", "published", "2019-07-23T16:20:00"),
        ("November 27, 2019 08:29 AM", "published", "2019-11-27T08:29:00"),
        ("Friday, 29 November 2019 - 13:22", "published", "2019-11-29T13:22:00"),
    ],
)
def test_timestamp_lines(line: str, field: str, iso: str) -> None:
    article = parse(article_text(HEADLINE, line, FIRST, SECOND))
    stamp = article.published if field == "published" else article.updated[0]
    assert stamp is not None
    assert stamp.iso == iso
    assert stamp.text == line
    assert roles_of(article_text(HEADLINE, line, FIRST, SECOND))[line] == f"timestamp.{field}"
    assert [b.text for b in article.blocks()] == [FIRST, SECOND]


def test_updated_before_published_and_a_place_after_the_time() -> None:
    article = parse(
        article_text(
            HEADLINE,
            "Updated - November 28, 2021 11:09 am IST",
            "Published - November 19, 2019 08:56 pm IST - COLOMBO",
            FIRST,
            SECOND,
        )
    )
    assert article.published is not None
    assert article.published.iso == "2019-11-19T20:56:00+05:30"
    assert article.published.place == "COLOMBO"
    assert [stamp.iso for stamp in article.updated] == ["2021-11-28T11:09:00+05:30"]


def test_a_byline_run_into_a_timestamp() -> None:
    article = parse(article_text(HEADLINE, "by Staff Writer 28-11-2019 | 9:18 AM", FIRST))
    assert article.published is not None
    assert article.published.iso == "2019-11-28T09:18:00"
    assert [byline.names for byline in article.bylines] == [("Staff Writer",)]


def test_zone_overrides_and_unknown_zones() -> None:
    text = article_text(HEADLINE, "Published 19:17 IST, November 27th 2019", FIRST)
    dublin = parse(text, zones={"IST": "Europe/Dublin"})
    assert dublin.published is not None and dublin.published.iso == "2019-11-27T19:17:00+00:00"
    unknown = parse(article_text(HEADLINE, "Published 19:17 XYZT, November 27th 2019", FIRST))
    codes = [d.code for d in unknown.diagnostics]
    if unknown.published is not None:  # the line is a timestamp whose zone is unknown
        assert unknown.published.value is None
        assert "timestamp.zone" in codes


# --- Headline, kicker, standfirst ------------------------------------------------------------


@pytest.mark.parametrize(
    "kicker", ["International", "East Asia Pacific", "CommBank Test Series v India"]
)
def test_kicker_before_the_headline(kicker: str) -> None:
    article = parse(article_text(kicker, HEADLINE, FIRST, SECOND))
    assert article.kicker is not None and article.kicker.text == kicker
    assert article.headline.text == HEADLINE
    assert article.headline.line == 2


def test_wire_headline_with_tickers_stays_whole() -> None:
    text = article_text(
        "TALKING POINT/ACME <ACM> EQUITY OFFER",
        "    NEW YORK, Feb 26 - Acme Corp is not under pressure to act",
        "quickly on its proposed equity offering, analysts said.",
        "    The company declined to comment on the timing of the offer",
        "or on its size.",
        " Reuter",
    )
    article = parse(text)
    assert article.headline.text == "TALKING POINT/ACME <ACM> EQUITY OFFER"
    assert article.kicker is None
    assert article.dateline is not None and article.dateline.place == "NEW YORK"
    assert [credit.text for credit in article.credits] == ["Reuter"]


def test_standfirst_between_headline_and_byline() -> None:
    dek = "A flood-damaged crossing will reopen to walkers first."
    article = parse(article_text(HEADLINE, dek, "By Jane Doe", FIRST, SECOND))
    assert article.standfirst is not None and article.standfirst.text == dek
    assert [byline.names for byline in article.bylines] == [("Jane Doe",)]


def test_a_lone_paragraph_before_closing_metadata_is_not_a_standfirst() -> None:
    article = parse(article_text(HEADLINE, FIRST, "Updated 19:34 IST, November 27th 2019"))
    assert article.standfirst is None
    assert [b.text for b in article.blocks()] == [FIRST]
    assert len(article.updated) == 1


def test_no_standfirst_when_the_second_line_is_body() -> None:
    article = parse("\n\n".join([HEADLINE, FIRST, SECOND]))
    assert article.standfirst is None
    assert [b.text for b in article.blocks()] == [FIRST, SECOND]


def test_body_without_a_title_line_has_no_headline() -> None:
    article = parse("\n\n".join([FIRST, SECOND, THIRD]))
    assert article.headline is None  # none is invented
    assert [b.text for b in article.blocks()] == [FIRST, SECOND, THIRD]
    assert [d.code for d in article.diagnostics] == ["headline.none"]


# --- Datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "place", "agency"),
    [
        ("WASHINGTON (AP) \u2014 ", "WASHINGTON", "AP"),
        ("NEW DELHI, Nov 13 (Reuters) - ", "NEW DELHI", "Reuters"),
        ("Panaji, Jun 18 (PTI) ", "Panaji", "PTI"),
        ("New Delhi, Nov 30 (IANS): ", "New Delhi", "IANS"),
        ("PHNOM PENH (REUTERS) - ", "PHNOM PENH", "REUTERS"),
        ("COLOMBO: ", "COLOMBO", None),
        ("Colombo (News 1st): ", "Colombo", "News 1st"),
        ("(CNN) -- ", None, "CNN"),
    ],
)
def test_wire_datelines(dateline: str, place: str | None, agency: str | None) -> None:
    article = parse("\n\n".join([HEADLINE, dateline + FIRST, SECOND]))
    assert article.dateline is not None
    assert article.dateline.place == place
    assert article.dateline.agency == agency
    assert article.dateline.text == dateline.strip()
    assert article.blocks()[0] == Paragraph(FIRST)


def test_indented_wire_dateline() -> None:
    article = parse(
        article_text(
            "STANDARD WIDGET <SWC> TO FORM UNIT",
            "    CLEVELAND, Feb 26 - Standard Widget Co said it plans to",
            "form a venture to manage its money market borrowing.",
            "    The venture will be operated under a joint committee.",
            " Reuter",
        )
    )
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.date) == ("CLEVELAND", "Feb 26")
    assert article.blocks()[0].text.startswith("Standard Widget Co said it plans to form")


def test_dateline_after_a_caption_in_body_only_text() -> None:
    article = parse(
        "\n\n".join(
            ["1 of 4. Rescuers search the river bank.", HEADLINE, "MUMBAI (Reuters) - " + FIRST]
        )
    )
    assert article.dateline is not None and article.dateline.place == "MUMBAI"


# --- Bylines and credits -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (["By Associated Press"], ("Associated Press",)),
        (["By Jane Doe and John Roe"], ("Jane Doe", "John Roe")),
        (["by Staff Writer"], ("Staff Writer",)),
        (["Written By", "Associated Press"], ("Associated Press",)),
        (["Jane Doe | PTI@JaneDoe"], ("Jane Doe",)),
    ],
)
def test_bylines(lines: list[str], names: tuple[str, ...]) -> None:
    text = article_text(HEADLINE, *lines, FIRST, SECOND)
    article = parse(text)
    assert [byline.names for byline in article.bylines] == [names]
    assert article.bylines[0].text == " ".join(lines)
    assert [b.text for b in article.blocks()] == [FIRST, SECOND]
    assert {roles_of(text)[line] for line in lines} == {"byline"}


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Doe | Nov 27, 2019 10:00 AM IST", ("Jane Doe",)),
        ("Jane Doe and John Roe | 27-11-2019 10:00", ("Jane Doe", "John Roe")),
    ],
)
def test_names_before_a_timestamp_are_read_as_a_byline(line: str, names: tuple[str, ...]) -> None:
    for text in (article_text(HEADLINE, line, FIRST, SECOND), article_text(HEADLINE, FIRST, line)):
        article = parse(text)
        assert [byline.names for byline in article.bylines] == [names]
        assert article.published is not None
        assert [b.text for b in article.blocks()] == [t for t in (FIRST, SECOND) if t in text]


def test_the_name_line_after_written_by_is_read_for_names() -> None:
    article = parse(article_text(HEADLINE, "Written By", "Jane Doe | 5 days ago", FIRST, SECOND))
    assert [(b.text, b.names) for b in article.bylines] == [
        ("Written By Jane Doe | 5 days ago", ("Jane Doe",))
    ]


def test_a_byline_closing_the_story_before_page_chrome() -> None:
    text = article_text(
        HEADLINE,
        FIRST,
        SECOND,
        THIRD,
        "By Jane Doe",
        "Share | Tweet | Email | Print",
        "Most popular",
        "Storm closes the coast road",
        "Schools reopen after the floods",
    )
    article = parse(text)
    assert [byline.names for byline in article.bylines] == [("Jane Doe",)]
    assert roles_of(text)["By Jane Doe"] == "byline"


def test_a_bare_date_inside_the_body_stays_a_paragraph() -> None:
    later = [FIRST.replace("Monday", "Friday"), SECOND.replace("summer", "autumn")]
    text = article_text(HEADLINE, FIRST, SECOND, "November 27, 2019", THIRD, *later)
    assert parse(text).published is None
    assert not roles_of(text)["November 27, 2019"].startswith("timestamp")


@pytest.mark.parametrize("dash", ["--", "\u2014"])
def test_a_dash_and_a_name_closing_the_story_is_a_byline(dash: str) -> None:
    text = article_text(HEADLINE, FIRST, SECOND, THIRD, f"{dash} Jane Doe")
    article = parse(text)
    assert [(b.text, b.names) for b in article.bylines] == [(f"{dash} Jane Doe", ("Jane Doe",))]
    assert roles_of(text)[f"{dash} Jane Doe"] == "byline"


def test_a_dash_and_a_name_inside_the_story_is_not_a_byline() -> None:
    later = [FIRST.replace("Monday", "Friday"), SECOND.replace("summer", "autumn")]
    text = article_text(HEADLINE, FIRST, SECOND, "-- Jane Doe", THIRD, *later)
    assert parse(text).bylines == ()


def test_byline_with_agency_and_handle() -> None:
    article = parse(article_text(HEADLINE, "Jane Doe | PTI@JaneDoe", FIRST))
    assert article.bylines[0].agency == "PTI"
    assert article.bylines[0].handle == "@JaneDoe"


@pytest.mark.parametrize(
    "credit",
    [
        "(With AP inputs)",
        "(With inputs from agencies)",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "(Kyodo)",
        "Reuter",
    ],
)
def test_credit_lines(credit: str) -> None:
    article = parse(article_text(HEADLINE, FIRST, SECOND, credit))
    assert [c.text for c in article.credits] == [credit]
    assert [b.text for b in article.blocks()] == [FIRST, SECOND]


@pytest.mark.parametrize("agency", ["(PTI)", "(ANI)"])
def test_trailing_credit_leaves_the_paragraph(agency: str) -> None:
    article = parse(article_text(HEADLINE, FIRST, f"{SECOND} {agency}"))
    assert [c.text for c in article.credits] == [agency]
    assert article.blocks()[-1].text == SECOND


@pytest.mark.parametrize("agency", ["(PTI)", "(AP)."])
def test_a_quotation_before_a_trailing_credit_is_a_blockquote(agency: str) -> None:
    quotation = (
        "\u201cWe will not step back from this, whatever happens next,\u201d the minister said."
    )
    text = article_text(HEADLINE, FIRST, SECOND, f"{quotation} {agency}")
    article = parse(text)
    assert [c.text for c in article.credits] == [agency]
    last = article.blocks()[-1]
    assert isinstance(last, Blockquote)
    assert last.text == quotation
    assert last.quote == "We will not step back from this, whatever happens next"
    assert last.attribution == "the minister said"
    assert last.position == AttributionPosition.AFTER
    assert roles_of(text)[f"{quotation} {agency}"] == "blockquote"


def test_a_paragraph_quoting_in_passing_before_a_trailing_credit_stays_a_paragraph() -> None:
    closing = "He called the plan \u201ca step\u201d and left the hall without a question. (PTI)"
    article = parse(article_text(HEADLINE, FIRST, SECOND, closing))
    assert [c.text for c in article.credits] == ["(PTI)"]
    assert article.blocks()[-1] == Paragraph(closing.removesuffix(" (PTI)"))


# --- Sections and blocks -----------------------------------------------------------------------


def test_short_line_between_paragraphs_is_a_heading() -> None:
    article = parse(article_text(HEADLINE, FIRST, "Swift outreach", SECOND, THIRD))
    assert [s.heading.text if s.heading else None for s in article.sections] == [
        None,
        "Swift outreach",
    ]
    assert [b.text for b in article.sections[1].blocks] == [SECOND, THIRD]


def test_all_caps_subheads() -> None:
    article = parse("\n\n".join([HEADLINE, FIRST, "THE VERDICT", SECOND, "PRICE", THIRD]))
    headings = [s.heading.text for s in article.sections if s.heading]
    assert headings == ["THE VERDICT", "PRICE"]


def test_live_blog_entry_times_are_headings() -> None:
    article = parse("\n\n".join([HEADLINE, "17.00", FIRST, "16:45", SECOND, "4:30 pm", THIRD]))
    headings = [s.heading.text for s in article.sections if s.heading]
    assert headings == ["17.00", "16:45", "4:30 pm"]
    assert [len(s.blocks) for s in article.sections] == [1, 1, 1]


def test_a_short_sentence_without_its_full_stop_is_not_a_heading() -> None:
    line = "The mayor said the works would start once the river level had fallen"
    article = parse(article_text(HEADLINE, FIRST, line, SECOND))
    assert all(section.heading is None for section in article.sections)
    broken = "The old bridge was closed in the winter after engineers found cracks in"
    assert all(
        s.heading is None for s in parse(article_text(HEADLINE, FIRST, broken, SECOND)).sections
    )


def test_a_line_the_next_paragraph_continues_is_not_a_heading() -> None:
    # A sentence whose bold opening words were set on their own line.
    lead = "Furry recyclers"
    rest = "have already had one outing on the big screen, and the sequel is due in May."
    article = parse("\n\n".join([HEADLINE, FIRST, lead, rest, SECOND]))
    assert all(section.heading is None for section in article.sections)
    assert [b.text for b in article.blocks()] == [FIRST, lead, rest, SECOND]


def test_a_short_line_before_a_short_label_is_not_a_heading() -> None:
    text = "\n\n".join([HEADLINE, FIRST, "16th Premiership", "WINNERS (six times)", SECOND])
    assert all(section.heading is None for section in parse(text).sections)
    lead_in = "\n\n".join([HEADLINE, FIRST, "Composition", "Atmosphere (by volume):", SECOND])
    assert [s.heading.text for s in parse(lead_in).sections if s.heading] == ["Composition"]


def test_a_run_of_short_lines_is_not_a_heading() -> None:
    article = parse(article_text(HEADLINE, FIRST, "Apples", "Pears", "Plums", SECOND))
    assert all(section.heading is None for section in article.sections)
    assert "Pears" in [b.text for b in article.blocks()]


def test_blockquotes_with_attribution_after_and_before() -> None:
    after = "\u201cWe will not wait another winter for this bridge,\u201d the mayor said."
    before = (
        "The mayor told residents, \u201cWe will not wait another winter for this bridge.\u201d"
    )
    merely = (
        "The council, which the mayor said was \u201cout of patience\u201d with delays, also "
        "approved a budget for temporary ferries across the river."
    )
    article = parse(article_text(HEADLINE, FIRST, after, before, merely))
    quotes = [b for b in article.blocks() if isinstance(b, Blockquote)]
    assert [(q.attribution, q.position) for q in quotes] == [
        ("the mayor said", AttributionPosition.AFTER),
        ("The mayor told residents", AttributionPosition.BEFORE),
    ]
    assert quotes[0].text == after
    assert isinstance(article.blocks()[-1], Paragraph)


@pytest.mark.parametrize("marker", ["- ", " - ", "\u2022 ", "\u25a0 ", "  \u2022 "])
def test_bullet_lists_in_every_marker(marker: str) -> None:
    items = ["New lighting on the footpath", "A second lane for cyclists", "Wider pavements"]
    text = "\n\n".join([HEADLINE, FIRST, "\n".join(marker + item for item in items), SECOND])
    article = parse(text)
    lists = [b for b in article.blocks() if isinstance(b, BulletList)]
    assert len(lists) == 1
    assert [item.text for item in lists[0].items] == items
    assert lists[0].marker == marker.strip()
    assert {roles_of(text)[marker.strip() + " " + items[0]]} == {"list-item"}


def test_short_lines_after_a_colon_are_a_list_without_markers() -> None:
    lead = "The council will target the money at districts based on:"
    items = ["household income", "distance to the bridge", "age of housing"]
    text = "\n\n".join([HEADLINE, FIRST, lead, *items, "Is that fair? Critics say no.", SECOND])
    article = parse(text)
    lists = [b for b in article.blocks() if isinstance(b, BulletList)]
    assert [[item.text for item in lst.items] for lst in lists] == [items]
    assert lists[0].marker == ""
    assert roles_of(text)["household income"] == "list-item"
    assert roles_of(text)["Is that fair? Critics say no."] == "paragraph"


def test_flattened_post_on_two_lines_is_one_embed() -> None:
    post = "The bridge is finally getting fixed! pic.twitter.com/AbCdEf1234"
    signature = "\u2014 Jane Doe (@janedoe) November 19, 2019"
    article = parse(article_text(HEADLINE, FIRST, post, signature, SECOND))
    embeds = [b for b in article.blocks() if isinstance(b, Embed)]
    assert len(embeds) == 1
    embed = embeds[0]
    assert embed.text == f"{post}\n{signature}"
    assert (embed.author, embed.handle, embed.date) == ("Jane Doe", "@janedoe", "November 19, 2019")
    assert embed.url == "pic.twitter.com/AbCdEf1234"
    assert embed.line == 3


def test_flattened_post_that_quotes_someone_is_still_one_embed() -> None:
    post = "\u201cOpen at last,\u201d says the mayor. pic.twitter.com/QwErTy"
    signature = "\u2014 City Hall (@cityhall) May 2, 2020"
    article = parse(article_text(HEADLINE, FIRST, post, signature, SECOND))
    embeds = [b for b in article.blocks() if isinstance(b, Embed)]
    assert [e.text for e in embeds] == [f"{post}\n{signature}"]


def test_flattened_post_on_one_line_is_one_embed() -> None:
    post = (
        "Traffic is back on the bridge pic.twitter.com/XyZ987 "
        "\u2014 John Roe (@johnroe) December 27, 2014"
    )
    article = parse(article_text(HEADLINE, FIRST, post, SECOND))
    embed = next(b for b in article.blocks() if isinstance(b, Embed))
    assert (embed.author, embed.handle, embed.url) == (
        "John Roe",
        "@johnroe",
        "pic.twitter.com/XyZ987",
    )


@pytest.mark.parametrize(
    "line", ["Also Read: Ferries to run until spring", "READ MORE: How the floods hit the city"]
)
def test_cross_links_are_asides(line: str) -> None:
    article = parse(article_text(HEADLINE, FIRST, line, SECOND))
    assert Aside(line, AsideKind.CROSSLINK) in article.blocks()


@pytest.mark.parametrize(
    "caption",
    [
        "The old bridge after the floods. Photo: Jane Doe",
        "Workers inspect a damaged pier. (AP Photo/John Roe)",
        "1 of 4. Workers inspect a damaged pier of the bridge.",
    ],
)
def test_photo_captions_and_their_duplicates(caption: str) -> None:
    article = parse(article_text(HEADLINE, caption, FIRST, caption, SECOND))
    asides = [b for b in article.blocks() if isinstance(b, Aside)]
    assert [a.kind for a in asides] == [AsideKind.CAPTION, AsideKind.DUPLICATE]
    assert [a.text for a in asides] == [caption, caption]
    assert [b.text for b in article.blocks() if isinstance(b, Paragraph)] == [FIRST, SECOND]


def test_exact_duplicate_paragraph_is_marked() -> None:
    article = parse("\n\n".join([HEADLINE, FIRST, SECOND, SECOND]))
    assert article.blocks()[-1] == Aside(SECOND, AsideKind.DUPLICATE)


@pytest.mark.parametrize(
    "chrome", ["Share This Video", "Share | Tweet | Email | Print", "Advertisement"]
)
def test_page_chrome_is_kept_and_marked(chrome: str) -> None:
    article = parse(article_text(HEADLINE, chrome, FIRST, chrome + " ", SECOND, "Comments"))
    asides = [b for b in article.blocks() if isinstance(b, Aside)]
    assert [a.kind for a in asides] == [AsideKind.CHROME, AsideKind.CHROME, AsideKind.CHROME]


@pytest.mark.parametrize(
    "chrome",
    [
        "Home | World | Business | Sport | Opinion",
        "Your email address will not be published.",
        "You must be logged in to post a comment.",
        "Donate today",
        "Most Popular",
        "Skip to main content",
        "Follow us on Twitter & Instagram",
        "Follow Jane Doe on Twitter: @janedoe",
        "Like us on Facebook",
        "Topics: Housing, Transport",
    ],
)
def test_menus_comment_forms_and_pledge_boxes_are_chrome(chrome: str) -> None:
    text = article_text(HEADLINE, FIRST, SECOND, chrome)
    article = parse(text)
    assert article.blocks()[-1] == Aside(chrome, AsideKind.CHROME)
    assert roles_of(text)[chrome] == "chrome"


def test_an_invitation_to_follow_a_story_is_not_chrome() -> None:
    line = "Follow the rover Curiosity as it makes its way across the Martian terrain."
    assert parse(article_text(HEADLINE, FIRST, SECOND, line)).blocks()[-1] == Paragraph(line)


def test_a_menu_above_the_headline_is_not_the_headline() -> None:
    article = parse(article_text("Home | World | Business | Sport", HEADLINE, FIRST, SECOND))
    assert article.headline.text == HEADLINE
    assert article.blocks()[0] == Aside("Home | World | Business | Sport", AsideKind.CHROME)


def test_a_menu_one_item_a_line_above_the_headline_is_chrome() -> None:
    text = article_text("Home", "News", "Sport", "Weather", HEADLINE, FIRST, SECOND)
    article = parse(text)
    assert article.headline.text == HEADLINE
    assert [b.text for b in article.blocks()[:4]] == ["Home", "News", "Sport", "Weather"]
    assert {roles_of(text)[item] for item in ("Home", "News", "Sport", "Weather")} == {"chrome"}


def test_a_fixture_header_is_not_a_menu() -> None:
    text = "\n\n".join(["Rovers v United", "Ewood Park", "Tuesday, 1 March", FIRST, SECOND])
    assert parse(text).headline.text == "Rovers v United"


def test_ordinary_short_words_are_not_chrome() -> None:
    article = parse(article_text(HEADLINE, FIRST, "More to come", SECOND))
    assert not any(isinstance(b, Aside) for b in article.blocks())
