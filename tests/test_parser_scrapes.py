"""Scraped articles of every kind (issue 10): no invented headline, one-line texts, Indian and
Hindi conventions, nothing hidden unless it is certainly an artefact.

The inputs are invented for these tests, in the layouts Indian news sites print (see
``../shared/corpus/indian/SOURCES.md``); the corpus itself is scored at the end.
"""

from __future__ import annotations

import unicodedata

import pytest

from newsconvert import parse, read, render
from newsconvert.parser import parse_with_trace
from newsconvert.parser.words import count_words, word_list
from newsconvert.tree import UNTITLED, AsideKind

BODY_ONLY = (
    "The state government on Monday announced a new scheme for farmers in the district.\n\n"
    "Officials said the first payments would be made next month.\n"
)


def roles(text: str) -> list[tuple[str, str]]:
    """``(line text, role)`` for every non-blank line."""
    return [(row.text, row.role) for row in parse_with_trace(text)[1] if row.text]


# --- 1. No invented headline --------------------------------------------------------------------


def test_body_only_text_has_no_headline_and_says_so() -> None:
    article = parse(BODY_ONLY)
    assert article.headline is None
    assert [d.code for d in article.diagnostics] == ["headline.none"]
    assert article.blocks()[0].text.startswith("The state government")
    assert article.title_label == "Untitled: The state government on Monday announced a new\u2026"


@pytest.mark.parametrize(
    "first",
    [
        "A still from the film. (courtesy: studio)",
        "Priyanka at the premiere (courtesy priyankachopra)",
        "A woman stands in front of an empty frame at the museum (AFP)",
        "प्रतीकात्मक तस्वीर - फोटो : Istock",
        "1 of 18",
        "दावा",  # one word: a label, not a headline
        "11:30 PM, 01-Oct-2021 पंजाब ने कोलकाता को 5 विकेट से हराया",  # a live blog's entry
    ],
)
def test_captions_counters_labels_and_entries_are_never_headlines(first: str) -> None:
    article = parse(f"{first}\n\n{BODY_ONLY}")
    assert article.headline is None
    assert any(first in block.text for block in article.blocks())


def test_the_line_after_a_lead_caption_is_not_taken_for_a_headline() -> None:
    text = (
        "A still from the film. (courtesy: studio)\n\n"
        "Cast: Radhika Madan, Sunny Kaushal, Diana Penty\n\n" + BODY_ONLY
    )
    article = parse(text)
    assert article.headline is None
    assert article.blocks()[0].kind is AsideKind.CAPTION


def test_a_title_line_is_still_the_headline() -> None:
    article = parse("Farmers get new scheme\n\n" + BODY_ONLY)
    assert article.headline is not None and article.headline.text == "Farmers get new scheme"


LEAD = (
    "Petrol stations saw long queues again on Thursday. A rider found an old-school answer "
    "to the fuel shortage and trotted up to a pump on horseback, witnesses said.\n\n"
    "Footage of the ride has been shared widely online.\n"
)


@pytest.mark.parametrize(
    "first",
    [
        "A rider found an old-school answer to the fuel shortage",
        "A RIDER FOUND AN OLD-SCHOOL ANSWER TO THE FUEL SHORTAGE",
    ],
)
def test_a_sentence_of_the_lead_written_out_above_it_is_no_headline(first: str) -> None:
    # A lead image's caption or a teaser that repeats a sentence from inside the lead.
    article = parse(f"{first}\n\n{LEAD}")
    assert article.headline is None
    assert [d.code for d in article.diagnostics] == ["headline.none"]
    assert first in render(article, "md")  # kept, visible


@pytest.mark.parametrize(
    "first",
    [
        "Petrol stations saw long queues again on Thursday",  # the lead opens with it
        "Rider answers the fuel shortage on horseback",  # the lead's words, not its sentence
        "Old-school answer to shortage",  # too short to tell
    ],
)
def test_a_title_the_lead_opens_with_or_only_echoes_is_the_headline(first: str) -> None:
    article = parse(f"{first}\n\n{LEAD}")
    assert article.headline is not None and article.headline.text == first


def test_a_long_hindi_headline_is_a_headline_and_a_danda_ends_a_sentence() -> None:
    headline = (
        "छत्तीसगढ़ में जवानों से भरी बस पलटी: 38 जवानों को ड्यूटी के लिए ले जा रही बस मैनपाट के पास "
        "15 फीट गहरी खाई में गिरी; 12 घायल, 4 गंभीर, राहत कार्य जारी"
    )
    assert headline.count(" ") >= 30  # the limit for a title in a script with capitals
    body = "पुलिस ने बताया कि हादसा सुबह हुआ। घायलों को अस्पताल भेजा गया।"
    assert parse(f"{headline}\n\n{body}\n").headline.text == headline  # type: ignore[union-attr]
    sentence = "पुलिस ने बताया कि हादसा सुबह हुआ।"
    assert parse(f"{sentence}\n\n{body}\n").headline is None


@pytest.mark.parametrize("to", ["md", "html", "rst", "json"])
@pytest.mark.parametrize("standalone", [False, True])
def test_no_headline_renders_without_a_title_and_reads_back(to: str, standalone: bool) -> None:
    text = "By Jane Doe\n\n" + BODY_ONLY + "\nA heading here\n\nMore of the story follows.\n"
    article = parse(text)
    assert article.headline is None and article.bylines
    output = render(article, to, standalone=standalone)
    # Only a page's <title> and front matter's title carry the fallback label.
    assert (UNTITLED in output) == (standalone and to in ("html", "md"))
    if to == "md":
        assert not any(line.startswith("# ") for line in output.splitlines())
    if to == "html":
        assert "<h1>" not in output
        if standalone:
            assert f'<title data-fallback="no headline">{UNTITLED}: The state' in output
    if to == "json":
        assert '"headline": null' in output
    again = read(output, to)
    assert again == article
    assert again.headline is None


def test_the_fallback_label_is_never_written_into_the_tree() -> None:
    article = parse(BODY_ONLY, source="scrapes/story.txt")
    label = article.title_label
    assert label.startswith(UNTITLED)
    assert article.headline is None  # deriving the label changed nothing
    empty = parse("Published 10:42 IST, March 3rd 2025\n", source="scrapes/dates-only.txt")
    assert empty.headline is None and empty.published is not None
    assert empty.title_label == "Untitled: dates-only.txt"


def test_site_metadata_and_front_matter_use_the_visible_fallback() -> None:
    from newsconvert.renderers.context import build_context
    from newsconvert.renderers.metadata import front_matter, json_ld
    from newsconvert.site.metadata import post_meta

    article = parse(BODY_ONLY, source="a.txt")
    context = build_context(article, "md", standalone=True, keep_chrome=False, lang="en")
    assert front_matter(context)["title"].startswith(UNTITLED)
    assert "headline" not in json_ld(context)
    assert post_meta(article).title.startswith(UNTITLED)


def test_sphinx_style_doctree_gets_the_fallback_as_page_title() -> None:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    from newsconvert.integrations.doctree import fill_document

    document = new_document("<test>", get_default_settings(Parser))
    fill_document(document, parse(BODY_ONLY))
    titles = [node.astext() for node in document.findall() if node.tagname == "title"]
    assert titles and titles[0].startswith(UNTITLED)


# --- 2. Single-line and run-together text -------------------------------------------------------


def test_a_whole_article_on_one_line_is_body_with_its_dateline_and_credit() -> None:
    sentences = " ".join(
        f"Officials said step {n} of the plan would cost more than expected." for n in range(30)
    )
    text = f"New Delhi: {sentences} (With PTI inputs)"  # no final newline, about 2 kB
    assert len(text) > 1900 and "\n" not in text
    article = parse(text)
    assert article.headline is None
    assert article.dateline is not None and article.dateline.place == "New Delhi"
    assert [credit.text for credit in article.credits] == ["(With PTI inputs)"]
    assert article.blocks()[0].text.startswith("Officials said step 0")


def test_text_that_holds_words_is_never_refused() -> None:
    for text in ("1 of 18", "कॉपी लिंक", "Published 10:42 IST, March 3rd 2025"):
        parse(text)


# --- 3. Site chrome -----------------------------------------------------------------------------

BHASKAR_LIKE = """Hindi News
National
Jammu Kashmir Leader Says Party Will Win Next Election
जम्मू-कश्मीर में नेता का दावा: अगले चुनाव में पार्टी जीतेगी, तैयारी पूरी
श्रीनगर 2 घंटे पहले लेखक: मुदस्सिर कुल्लू
कॉपी लिंक
नेता ने कहा कि पार्टी हर सीट पर चुनाव लड़ेगी और जीत हासिल करेगी। कार्यकर्ता उत्साहित हैं।
विज्ञापन
ये भी पढ़ें: चुनाव आयोग ने तारीखों का ऐलान किया
पार्टी की बैठक अगले हफ्ते होगी।
"""


def test_breadcrumbs_slug_share_prompt_and_ads_are_chrome_by_their_words() -> None:
    article, trace = parse_with_trace(BHASKAR_LIKE)
    set_aside = [row.text for row in trace if row.role in ("chrome", "crosslink")]
    assert set_aside == [
        "Hindi News",
        "National",
        "Jammu Kashmir Leader Says Party Will Win Next Election",
        "कॉपी लिंक",
        "विज्ञापन",
        "ये भी पढ़ें: चुनाव आयोग ने तारीखों का ऐलान किया",
    ]
    assert article.headline is not None and article.headline.text.startswith("जम्मू-कश्मीर")
    assert article.dateline is not None and article.dateline.place == "श्रीनगर"
    assert [b.names for b in article.bylines] == [("मुदस्सिर कुल्लू",)]
    assert article.published is not None and article.published.text == "2 घंटे पहले"


def test_short_lines_without_menu_words_are_not_a_menu() -> None:
    text = "Winners\nRunners-up\nThird place\n\nFinal standings announced\n\n" + BODY_ONLY
    hidden = [text for text, role in roles(text) if role == "chrome"]
    assert hidden == []


@pytest.mark.parametrize(
    "line",
    [
        "Live TV",
        "WATCH LIVE TV",
        "ADVERTISEMENT",
        "Promoted",
        "Click for more trending news",
        "बिजनेस से जुड़ी अन्य खबरें पढ़ने के लिए यहां क्लिक करें",
        "लाइव टीवी",
        "NIFTY 17532.05 -0.49 %",
        "Topics mentioned in this article Tennis Sania Mirza",
        "View this post on Instagram A post shared by Jane (@jane)",
    ],
)
def test_chrome_in_english_and_hindi(line: str) -> None:
    text = BODY_ONLY + f"\n{line}\n\nThe scheme was welcomed by farmers' groups on Tuesday.\n"
    assert (line, "chrome") in roles(text)


@pytest.mark.parametrize(
    "line",
    [
        "3 min read",
        "5 मिनट में पढ़ें",
        "AA",
        "Text Size",
        "Start a Conversation",
        "Catch all the Business News, Market News and Latest News Updates on Live Mint.",
        "Get Latest India News along with Latest News and Top Headlines from India.",
    ],
)
def test_reading_times_text_size_comment_and_promo_widgets_are_chrome(line: str) -> None:
    text = BODY_ONLY + f"\n{line}\n\nThe scheme was welcomed by farmers' groups on Tuesday.\n"
    assert (line, "chrome") in roles(text)


def test_a_sentence_opening_like_a_promo_is_text() -> None:
    line = "Get the news to every village, the minister told the news agency."
    text = BODY_ONLY + f"\n{line}\n\nThe scheme was welcomed by farmers' groups on Tuesday.\n"
    assert (line, "paragraph") in roles(text)


@pytest.mark.parametrize(
    ("crumbs", "headline"),
    [
        ("Home / India News", "Centre extends free ration scheme"),
        ("होम / देश", "संसद का शीतकालीन सत्र 1 दिसंबर से"),
        ("News > India > Delhi", "Metro fares to rise from April"),
    ],
)
def test_a_breadcrumb_trail_on_one_line_is_chrome(crumbs: str, headline: str) -> None:
    article, trace = parse_with_trace(f"{crumbs}\n\n{headline}\n\n{BODY_ONLY}")
    assert [(row.role, row.rule) for row in trace if row.text == crumbs] == [
        ("chrome", "breadcrumb-line")
    ]
    assert article.headline is not None and article.headline.text == headline


def test_slashes_between_words_that_name_no_section_are_no_breadcrumb() -> None:
    article = parse(f"Salt / Pepper\n\n{BODY_ONLY}")
    assert article.headline is not None and article.headline.text == "Salt / Pepper"


# --- 4. Datelines, bylines, credits -------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("Mumbai: The city", "Mumbai"),
        ("NEW DELHI : The capital", "NEW DELHI"),
        ("Bengaluru, Nov 27 (PTI): The city", "Bengaluru"),
        ("नई दिल्ली: राजधानी में", "नई दिल्ली"),
        ("लखनऊ. प्रदेश सरकार ने", "लखनऊ"),
    ],
)
def test_datelines_of_the_region(opening: str, place: str) -> None:
    article = parse(f"{opening} said on Monday that work would start soon.\n")
    assert article.dateline is not None and article.dateline.place == place


@pytest.mark.parametrize("opening", ["However:", "MM:", "Ward office (File photo) Photo :"])
def test_words_before_a_colon_that_are_no_place_are_no_dateline(opening: str) -> None:
    article = parse(f"{opening} I think the work will start soon, and it will.\n")
    assert article.dateline is None


@pytest.mark.parametrize(
    "first",
    [
        "By Jane DoeThe ministry said on Monday that it would review the rules.",
        "By Jane Doe The ministry said on Monday that it would review the rules.",
    ],
)
def test_a_byline_glued_to_the_text_is_split(first: str) -> None:
    article = parse(f"{first}\n\n{BODY_ONLY}")
    assert [b.text for b in article.bylines] == ["By Jane Doe"]
    assert article.blocks()[0].text == "The ministry said on Monday that it would review the rules."


def test_edited_by_is_no_byline() -> None:
    assert parse(f"Edited by John Roe\n\n{BODY_ONLY}").bylines == ()


def test_a_desk_line_gives_dateline_byline_and_update_time() -> None:
    text = (
        "वीडियो डेस्क, अमर उजाला.कॉम, मुंबई Published by: रचना शर्मा Updated Sun, 19 Sep 2021 "
        "02:49 PM IST\n\nअभिनेत्री ने सोशल मीडिया पर अपनी नई फिल्म का पोस्टर साझा किया है।\n"
    )
    article = parse(text)
    assert article.dateline is not None and article.dateline.place == "मुंबई"
    assert [b.names for b in article.bylines] == [("रचना शर्मा",)]
    assert article.updated and article.updated[0].value is not None
    assert article.headline is None


@pytest.mark.parametrize(
    "credit",
    [
        "(Except for the headline, this story has not been edited by Site staff and is "
        "published from a syndicated feed.)",
        "(अनुष्का श्रीवास के इनपुट्स के साथ)",
        "इनपुट- संध्या द्विवेदी और पूनम कौशल",
        "सोर्स: रिसर्च, अमेरिकन हार्ट एसोसिएशन",
        "(With agency inputs)",
    ],
)
def test_credits_in_english_and_hindi(credit: str) -> None:
    article = parse(f"{BODY_ONLY}\n{credit}\n")
    assert [c.text for c in article.credits] == [credit]


def test_a_sign_off_run_into_the_last_paragraph_is_a_credit() -> None:
    article = parse(BODY_ONLY + "\nThe talks will resume next week, Das said. pti\n")
    assert [c.text for c in article.credits] == ["pti"]
    assert article.blocks()[-1].text.endswith("Das said.")


def test_a_place_before_the_timestamp_is_the_dateline_not_a_byline() -> None:
    text = (
        "Why the monsoon is late\n\nWritten by Amitabh Sinha\n\n"
        "New Delhi | Updated: October 3, 2023 10:15 IST\n\n" + BODY_ONLY
    )
    article = parse(text)
    assert article.dateline is not None and article.dateline.place == "New Delhi"
    assert [b.names for b in article.bylines] == [("Amitabh Sinha",)]
    assert article.updated[0].iso == "2023-10-03T10:15:00+05:30"


def test_a_name_before_the_timestamp_is_still_a_byline() -> None:
    article = parse(f"Farmers get new scheme\n\nJane Doe | Nov 27, 2019\n\n{BODY_ONLY}")
    assert [b.names for b in article.bylines] == [("Jane Doe",)] and article.dateline is None


def test_a_place_after_the_name_in_a_byline_is_no_name() -> None:
    article = parse(f"Farmers get new scheme\n\nBy Saubhadra Chatterji, New Delhi\n\n{BODY_ONLY}")
    assert [(b.text, b.names) for b in article.bylines] == [
        ("By Saubhadra Chatterji, New Delhi", ("Saubhadra Chatterji",))
    ]


@pytest.mark.parametrize(
    ("line", "credit", "updated"),
    [
        (
            "Edited By राहुल पाण्डेय | नवभारतटाइम्स.कॉम | Updated: 14 Nov 2025, 8:15 pm",
            "Edited By राहुल पाण्डेय | नवभारतटाइम्स.कॉम",
            "Updated: 14 Nov 2025, 8:15 pm",
        ),
        (
            "Edited By: Ravi Kumar | Last Updated: November 14, 2025, 20:15 IST",
            "Edited By: Ravi Kumar",
            "Last Updated: November 14, 2025, 20:15 IST",
        ),
        (
            "Edited By: Ravi Kumar | Updated: 2 hours ago",
            "Edited By: Ravi Kumar",
            "Updated: 2 hours ago",
        ),
    ],
)
def test_an_editor_and_the_update_time_on_one_line(line: str, credit: str, updated: str) -> None:
    article = parse(f"Farmers get new scheme\n\n{line}\n\n{BODY_ONLY}")
    assert [c.text for c in article.credits] == [credit]
    assert [stamp.text for stamp in article.updated] == [updated]
    assert article.bylines == ()  # an editor is no byline


def test_a_name_alone_over_the_timestamp_is_a_byline() -> None:
    text = (
        "Centre notifies data rules\n\nCompanies get 18 months to comply with the new rules\n\n"
        "Sreeparna Chakrabarty\n\nUpdated - November 14, 2025 09:12 pm IST - NEW DELHI\n\n"
        + BODY_ONLY
    )
    article, trace = parse_with_trace(text)
    assert [b.names for b in article.bylines] == [("Sreeparna Chakrabarty",)]
    assert [row.rule for row in trace if row.text == "Sreeparna Chakrabarty"] == [
        "name-over-timestamp"
    ]
    assert article.standfirst is not None and article.standfirst.text.startswith("Companies")


def test_a_short_line_over_the_timestamp_that_is_no_name_is_no_byline() -> None:
    text = "Farmers get new scheme\n\nPrices rise sharply\n\n3 hours ago\n\n" + BODY_ONLY
    assert parse(text).bylines == ()


@pytest.mark.parametrize(
    ("opening", "place"),
    [("जागरण संवाददाता, लखनऊ।", "लखनऊ"), ("राज्य ब्यूरो, पटना :", "पटना"), ("लखनऊ।", "लखनऊ")],
)
def test_a_desk_and_place_dateline_in_hindi(opening: str, place: str) -> None:
    article = parse(f"{opening} राजधानी में मेट्रो के दूसरे चरण को मंजूरी मिल गई है।\n")
    assert article.dateline is not None
    assert (article.dateline.text, article.dateline.place) == (opening, place)


def test_words_before_a_place_that_name_no_desk_are_no_dateline() -> None:
    assert parse("उन्होंने कहा, दिल्ली। आगे की बात कल होगी।\n").dateline is None


@pytest.mark.parametrize(
    "crosslink", ["Also Watch | Rescue operations continue", "ये भी देखें: वीडियो"]
)
def test_watch_crosslinks_in_english_and_hindi(crosslink: str) -> None:
    assert (crosslink, "crosslink") in roles(f"{BODY_ONLY}\n{crosslink}\n\n{BODY_ONLY}")


def test_a_hindi_sign_off_after_a_danda_is_a_credit() -> None:
    # On one line, as a JSON cell gives it: two sentences are no headline either.
    article = parse("नई दिल्ली: संसद का सत्र सोमवार से शुरू होगा। विपक्ष ने सवाल उठाए हैं। (भाषा)")
    assert article.headline is None
    assert [c.text for c in article.credits] == ["(भाषा)"]
    assert article.blocks()[-1].text.endswith("उठाए हैं।")


@pytest.mark.parametrize(
    ("note", "names"),
    [
        # "… written by Anjali Verma, who is interning with us": the name after the description.
        ("(ये स्टोरी हमारे साथ इंटर्नशिप कर रहीं अंजलि वर्मा ने लिखी है)", ("अंजलि वर्मा",)),
        ("(यह ख़बर समीर ठाकुर ने लिखी है।)", ("समीर ठाकुर",)),
        ("(यह \u0916\u093cबर समीर ठाकुर ने लिखी है।)", ("समीर ठाकुर",)),
    ],
)
def test_a_note_naming_who_wrote_the_story_is_a_byline(note: str, names: tuple[str]) -> None:
    article = parse(f"{BODY_ONLY}\n{note}\n")
    assert [(b.text, b.names) for b in article.bylines] == [(note, names)]
    assert note not in " ".join(block.text for block in article.blocks())


@pytest.mark.parametrize(
    "sentence",
    [
        "(ये स्टोरी हमारे साथी ने लिखी है)",  # names nobody
        "ये स्टोरी लिखी गई है ताकि लोग जानें।",  # a sentence about a story
    ],
)
def test_a_note_that_names_nobody_stays_text(sentence: str) -> None:
    article = parse(f"{BODY_ONLY}\n{sentence}\n")
    assert article.bylines == () and article.blocks()[-1].text == sentence


@pytest.mark.parametrize(
    "credit",
    ["Photo Credit: Head & Shoulders", "(Image courtesy: Reuters)", "फोटो साभार: सोशल मीडिया"],
)
def test_a_picture_credit_closing_the_story_is_a_credit(credit: str) -> None:
    article = parse(f"{BODY_ONLY}\n{credit}\n")
    assert [c.text for c in article.credits] == [credit]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: PTI",  # a bare label: a caption's credit, not the article's
        "Video: How the fire spread",  # a teaser
        "Photo credits: the minister said the pictures were taken last week.",  # a sentence
    ],
)
def test_unlabelled_or_sentence_picture_lines_are_no_credit(line: str) -> None:
    assert parse(f"{BODY_ONLY}\n{line}\n").credits == ()


def test_a_picture_credit_in_mid_text_belongs_to_its_picture() -> None:
    middle = "\n\n".join(f"Paragraph {n} of the story goes on for a while here." for n in range(8))
    article = parse(f"{BODY_ONLY}\nPhoto Credit: Jane Doe\n\n{middle}\n")
    assert article.credits == ()
    body = [s.heading.text for s in article.sections if s.heading] + [
        block.text for block in article.blocks()
    ]
    assert "Photo Credit: Jane Doe" in body


@pytest.mark.parametrize(
    ("label", "names", "after"),
    [
        ("ग्राफिक्स", "पुनीत श्रीवास्तव रथिन सरकार", "संदर्भ\n\n1. https://example.org/a\n"),
        ("Graphics", "Jane Doe and Arjun Rao", ""),
        ("Photos:", "Ravi Kumar, Meena Iyer", "Click for more trending news\n"),
        ("Video", "Anil Sharma", ""),
    ],
)
def test_a_credit_label_over_names_after_the_story_gives_two_credits(
    label: str, names: str, after: str
) -> None:
    article, trace = parse_with_trace(f"{BODY_ONLY}\n{label}\n\n{names}\n\n{after}")
    assert [c.text for c in article.credits] == [label, names]
    assert {row.rule for row in trace if row.text in (label, names)} == {"credit-label-and-names"}
    assert read(render(article, "json"), "json") == article


def test_a_credit_label_with_the_story_going_on_after_it_is_text() -> None:
    # Mid-story, ``Photos`` over a title-case line is a gallery's heading, not a credit.
    more = "\n\n".join(f"Paragraph {n} of the story goes on for a while here." for n in range(3))
    article = parse(f"{BODY_ONLY}\nPhotos\n\nFlood Waters Rise In Assam\n\n{more}\n")
    assert article.credits == ()


def test_a_credit_label_over_a_sentence_is_no_credit() -> None:
    article = parse(f"{BODY_ONLY}\nGraphics\n\nThe charts were drawn by the desk.\n")
    assert article.credits == ()


@pytest.mark.parametrize(
    "line",
    [
        "Swirlster Picks Sports Bras For You",
        "Top Picks For You",
        "Recommended Stories",
        "Trending Videos",
        "रेकमेंडेड खबरें",
        "आपके लिए चुनिंदा खबरें",
    ],
)
def test_a_recommendation_widget_header_is_chrome(line: str) -> None:
    text = BODY_ONLY + f"\n{line}\n\nThe scheme was welcomed by farmers' groups on Tuesday.\n"
    article, trace = parse_with_trace(text)
    assert [(row.role, row.rule) for row in trace if row.text == line] == [
        ("chrome", "recommendation-widget-header")
    ]
    assert line in render(article, "md")  # hidden, not lost


@pytest.mark.parametrize(
    "line",
    [
        "What the Budget Means For You",  # addressed to the reader, but no widget word
        "Netflix picks Indian stories",  # a widget word, but a sentence about it
        "Why These Picks Work For You.",  # a sentence
    ],
)
def test_headings_that_merely_share_widget_words_stay(line: str) -> None:
    text = BODY_ONLY + f"\n{line}\n\nThe scheme was welcomed by farmers' groups on Tuesday.\n"
    assert [role for text_, role in roles(text) if text_ == line] != ["chrome"]


@pytest.mark.parametrize(
    "line",
    [
        "कुमार ऋषभ edited question 3 years ago",
        "Jane Doe answered 2 days ago",
        "Ravi Kumar commented on this post 5 hours ago",
    ],
)
def test_a_widget_activity_line_is_chrome(line: str) -> None:
    article, trace = parse_with_trace(f"{BODY_ONLY}\n{line}\n")
    assert [(row.role, row.rule) for row in trace if row.text == line] == [
        ("chrome", "site-activity-line")
    ]
    assert article.bylines == () and article.published is None


@pytest.mark.parametrize(
    "line",
    [
        "The minister edited the bill 3 years ago",  # a sentence: no name before the verb
        "Jane Doe posted 3 hours ago",  # how a blog prints its own byline and time
    ],
)
def test_sentences_and_bylines_with_a_relative_time_are_no_activity_line(line: str) -> None:
    assert [role for text, role in roles(f"{BODY_ONLY}\n{line}\n") if text == line] != ["chrome"]


def test_a_bare_name_after_the_story_stays_text() -> None:
    # No label, no ``By``: a name alone could be a photo's subject or a tag (bhaskar/473).
    article = parse(f"{BODY_ONLY}\nब्रायन चेन\n")
    assert article.bylines == () and article.blocks()[-1].text == "ब्रायन चेन"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("3 hours ago", "published"),
        ("2 घंटे पहले", "published"),
        ("Published 2 days ago", "published"),
        ("Updated 5 mins ago", "updated"),
        ("Updated: 2 hours ago", "updated"),
        ("अपडेटेड 2 घंटे पहले", "updated"),
    ],
)
def test_a_relative_time_is_a_timestamp_with_no_date(line: str, kind: str) -> None:
    article, trace = parse_with_trace(f"Farmers get new scheme\n\n{line}\n\n{BODY_ONLY}")
    stamp = article.published if kind == "published" else article.updated[0]
    assert stamp is not None and stamp.text == line and stamp.value is None  # no invented date
    assert [row.rule for row in trace if row.text == line] == ["relative-time"]
    for to in ("md", "html", "rst", "json"):
        assert read(render(article, to), to) == article, to


def test_a_labelled_relative_time_in_the_body_is_an_update() -> None:
    article = parse(f"{BODY_ONLY}\nUpdated 3 hours ago\n\n{BODY_ONLY}\n{BODY_ONLY}")
    assert [stamp.text for stamp in article.updated] == ["Updated 3 hours ago"]


def test_a_bare_relative_time_inside_the_story_stays_text() -> None:
    # A live blog prints ``2 hours ago`` over each entry: only among the closing lines is a
    # bare relative time the story's own.
    more = "\n\n".join(f"Entry {n} of the live blog says something new." for n in range(6))
    article, trace = parse_with_trace(f"{BODY_ONLY}\n2 hours ago\n\n{more}\n")
    assert article.published is None
    assert [row.role for row in trace if row.text == "2 hours ago"] in (["heading"], ["paragraph"])


# --- 5. Hidden only when certain ----------------------------------------------------------------


def test_a_line_recurring_in_a_fixture_list_is_kept() -> None:
    text = (
        "Cup draw made\n\nMauritius v Madagascar\n\nWinners meet in final match\n\n"
        "Namibia v Botswana\n\nWinners meet in final match\n\nZambia v Malawi\n\n"
        "Winners meet in final match\n"
    )
    article = parse(text)
    assert [b.text for b in article.blocks()].count("Winners meet in final match") == 3
    assert not any(getattr(b, "kind", None) is AsideKind.DUPLICATE for b in article.blocks())


def test_back_to_back_repeats_and_repeated_captions_are_hidden() -> None:
    text = (
        "Scheme announced\n\n"
        "The plan covers every district of the state.\n\n"
        "The plan covers every district of the state.\n\n"
        "First paragraph of a run.\n\nSecond paragraph of a run.\n\n"
        "First paragraph of a run.\n\nSecond paragraph of a run.\n\n"
        "Farmers at the launch (Photo: Jane Doe)\n\nMore words here for the story.\n\n"
        "Farmers at the launch (Photo: Jane Doe)\n"
    )
    kinds = [(b.text, getattr(b, "kind", None)) for b in parse(text).blocks()]
    duplicates = [t for t, kind in kinds if kind is AsideKind.DUPLICATE]
    assert duplicates == [
        "The plan covers every district of the state.",
        "First paragraph of a run.",
        "Second paragraph of a run.",
        "Farmers at the launch (Photo: Jane Doe)",
    ]


def test_three_menu_lines_need_menu_words() -> None:
    text = "Home\nNews\nSport\n\nFarmers get new scheme\n\n" + BODY_ONLY
    assert [t for t, role in roles(text) if role == "chrome"] == ["Home", "News", "Sport"]


# --- 6. Encodings and 7. scripts ----------------------------------------------------------------


def test_c1_controls_are_read_as_windows_1252() -> None:
    article = parse("Talks end\n\nThey don\x92t agree \x96 yet.\n")
    assert article.blocks()[0].text == "They don\u2019t agree \u2013 yet."


def test_unicode_words_count_in_any_script() -> None:
    assert word_list("नई दिल्ली में") == ["नई", "दिल्ली", "में"]
    assert count_words("जम्मू-कश्मीर के नेता, O'Neil") == 4


def test_both_spellings_of_the_nukta_letters_survive_byte_for_byte() -> None:
    precomposed = "\u095c"  # ड़ as one code point
    decomposed = "\u0921\u093c"  # ड + nukta
    assert unicodedata.normalize("NFC", precomposed) == decomposed  # NFC decomposes it
    text = f"पहाड{chr(0x93C)} और पहा{precomposed} दोनों लिखे गए हैं।\n\nदूसरा अनुच्छेद यहां है।\n"
    article = parse(text)
    for to in ("md", "html", "rst", "json"):
        output = render(article, to)
        assert precomposed in output and decomposed in output
    assert decomposed in article.blocks()[0].text and precomposed in article.blocks()[0].text


def test_fix_text_repairs_mojibake_only_on_request(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    from newsconvert.cli import run

    story = Path(str(tmp_path)) / "mojibake.txt"
    story.write_text("Talks end\n\nThe minister said it doesnâ€™t matter.\n", encoding="utf-8")
    assert run([str(story), "-t", "md"]) == 0
    assert "doesnâ€™t" in capsys.readouterr().out  # never repaired by default
    assert run([str(story), "-t", "md", "--fix-text"]) == 0
    captured = capsys.readouterr()
    assert "doesn\u2019t" in captured.out and "â€" not in captured.out
    assert f"{story}:3: --fix-text repaired mojibake on 1 line" in captured.err


def test_legacy_cyrillic_and_japanese_files_are_identified(
    tmp_path: pytest.TempPathFactory,
) -> None:
    from pathlib import Path

    from newsconvert.source import read_source

    russian = "Переговоры продолжатся\n\nПрезидент заявил, что переговоры продолжатся.\n"  # noqa: RUF001
    japanese = "会議が開かれた\n\n首相は新しい経済政策を発表しました。市場は好意的に反応した。\n"
    for text, codec in ((russian, "cp1251"), (japanese, "shift_jis")):
        path = Path(str(tmp_path)) / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        source = read_source(path)
        assert source.text == text
        assert len(source.warnings) == 1 and "not valid UTF-8; decoded as" in source.warnings[0]


def test_the_gazetteer_knows_places_in_both_scripts_and_no_initials() -> None:
    from newsconvert.parser.gazetteer import extract, is_place

    for name in ("Mumbai", "NEW DELHI", "नई दिल्ली", "लखनऊ", "Srinagar", "India"):
        assert is_place(name), name
    for name in ("MM", "However", "Hindi News", "National", "Ward office"):
        assert not is_place(name), name
    # The extraction keeps names and Indic and Latin alternates, drops codes and short forms.
    city = {"name": "Lucknow", "alternatenames": ["LKO", "Lakhnau", "लखनऊ", "ラクナウ", "Lk"]}
    assert extract([city], [{"name": "India"}]) == ["india", "lakhnau", "lucknow", "लखनऊ"]
