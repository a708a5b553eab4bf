"""Wire datelines at the start of a paragraph, and sentence starts that are not datelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsconvert.parser.datelines import match_dateline

# paragraph, Dateline.text, place, date, agency, rest
CASES = [
    # A press release
    (
        "NEW YORK, Nov. 27, 2019 /PRNewswire/ -- Acme Corp said",
        "NEW YORK, Nov. 27, 2019 /PRNewswire/ --",
        "NEW YORK",
        "Nov. 27, 2019",
        "PRNewswire",
        "Acme Corp said",
    ),
    (
        "BEIJING, Nov 27 (Xinhua) -- China's",
        "BEIJING, Nov 27 (Xinhua) --",
        "BEIJING",
        "Nov 27",
        "Xinhua",
        "China's",
    ),
    # Places with accented capitals
    (
        "S\u00c3O PAULO (Reuters) - Brazil's central bank",
        "S\u00c3O PAULO (Reuters) -",
        "S\u00c3O PAULO",
        None,
        "Reuters",
        "Brazil's central bank",
    ),
    (
        "Montr\u00e9al, Jan 3 (AFP) - Le maire",
        "Montr\u00e9al, Jan 3 (AFP) -",
        "Montr\u00e9al",
        "Jan 3",
        "AFP",
        "Le maire",
    ),
    # FORMAT.md
    (
        "WASHINGTON (AP) \u2014 The president said",
        "WASHINGTON (AP) \u2014",
        "WASHINGTON",
        None,
        "AP",
        "The president said",
    ),
    (
        "NEW DELHI, Nov 13 (Reuters) - India's economy",
        "NEW DELHI, Nov 13 (Reuters) -",
        "NEW DELHI",
        "Nov 13",
        "Reuters",
        "India's economy",
    ),
    (
        "Panaji, Jun 18 (PTI) The Goa government",
        "Panaji, Jun 18 (PTI)",
        "Panaji",
        "Jun 18",
        "PTI",
        "The Goa government",
    ),
    (
        "New Delhi, Nov 30 (IANS): The Centre",
        "New Delhi, Nov 30 (IANS):",
        "New Delhi",
        "Nov 30",
        "IANS",
        "The Centre",
    ),
    (
        "PHNOM PENH (REUTERS) - Cambodia's leader",
        "PHNOM PENH (REUTERS) -",
        "PHNOM PENH",
        None,
        "REUTERS",
        "Cambodia's leader",
    ),
    (
        "COLOMBO: Sri Lanka's new president",
        "COLOMBO:",
        "COLOMBO",
        None,
        None,
        "Sri Lanka's new president",
    ),
    (
        "Colombo (News 1st): The Cabinet",
        "Colombo (News 1st):",
        "Colombo",
        None,
        "News 1st",
        "The Cabinet",
    ),
    ("(CNN) -- A man was arrested", "(CNN) --", None, None, "CNN", "A man was arrested"),
    (
        "CLEVELAND, Feb 26 - Standard Oil Co and BP",
        "CLEVELAND, Feb 26 -",
        "CLEVELAND",
        "Feb 26",
        None,
        "Standard Oil Co and BP",
    ),
    (
        "MUMBAI (Reuters) - The BSE Sensex",
        "MUMBAI (Reuters) -",
        "MUMBAI",
        None,
        "Reuters",
        "The BSE Sensex",
    ),
    # Corpus forms (newspaper/ and reuters/)
    (
        "GREEN BAY, Wis. -- Here we go again.",
        "GREEN BAY, Wis. --",
        "GREEN BAY, Wis.",
        None,
        None,
        "Here we go again.",
    ),
    (
        "TRENTON \u2014 Gov. Chris Christie's speech",
        "TRENTON \u2014",
        "TRENTON",
        None,
        None,
        "Gov. Chris Christie's speech",
    ),
    (
        "VATICAN CITY\u2014Six years ago",
        "VATICAN CITY\u2014",
        "VATICAN CITY",
        None,
        None,
        "Six years ago",
    ),
    (
        "SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers",
        "SURABAYA, Indonesia/JAKARTA (Reuters) -",
        "SURABAYA, Indonesia/JAKARTA",
        None,
        "Reuters",
        "Indonesian rescuers",
    ),
    (
        "PORTLAND, Ore., Feb 26 - Red Lion Inns",
        "PORTLAND, Ore., Feb 26 -",
        "PORTLAND, Ore.",
        "Feb 26",
        None,
        "Red Lion Inns",
    ),
    (
        "COLUMBUS, IND., Feb 26 - Arvin Industries",
        "COLUMBUS, IND., Feb 26 -",
        "COLUMBUS, IND.",
        "Feb 26",
        None,
        "Arvin Industries",
    ),
    (
        "RIO DE JANEIRO, Feb 26 - Brazil's plan",
        "RIO DE JANEIRO, Feb 26 -",
        "RIO DE JANEIRO",
        "Feb 26",
        None,
        "Brazil's plan",
    ),
    (
        "Port of Spain, Jan 3 (AFP) - Trinidad",
        "Port of Spain, Jan 3 (AFP) -",
        "Port of Spain",
        "Jan 3",
        "AFP",
        "Trinidad",
    ),
    (
        "December 28, 2014: Markets opened lower",
        "December 28, 2014:",
        None,
        "December 28, 2014",
        None,
        "Markets opened lower",
    ),
    (
        "LONDON, Dec. 30 (Reuters) \u2013 Oil prices",
        "LONDON, Dec. 30 (Reuters) \u2013",
        "LONDON",
        "Dec. 30",
        "Reuters",
        "Oil prices",
    ),
]


@pytest.mark.parametrize(("text", "written", "place", "date", "agency", "rest"), CASES)
def test_dateline_forms(
    text: str, written: str, place: str | None, date: str | None, agency: str | None, rest: str
) -> None:
    found = match_dateline(text, line=4)
    assert found is not None
    dateline, remainder = found
    assert (dateline.text, dateline.place, dateline.date, dateline.agency) == (
        written,
        place,
        date,
        agency,
    )
    assert remainder == rest
    assert dateline.line == 4
    # Nothing is lost: the dateline and the rest are the paragraph, give or take the space.
    assert text.startswith(dateline.text)
    assert text[len(dateline.text) :].strip() == rest


NOT_DATELINES = [
    "However: the court ruled otherwise.",
    "In 2019 - a year of protests - the city",
    "Mr Smith (AP) said the plan had failed.",
    "UPDATE: The story has been corrected.",
    "EXCLUSIVE: The minister resigned.",
    "BBC SPORT: The match was abandoned.",
    "MATCH REPORT - Arsenal beat Chelsea",
    "NEW DELHI said it would respond.",
    "The Prime Minister of Cambodia, Hun Sen has presented the United States with an offer",
    "Cambodian PM's reputation",
    "COLOMBO: the city",  # a dateline starts a sentence
    "(AP) The wire said",  # an agency alone needs its dash or colon
    "Sources: Reuters, AP",
    "Note - this is a draft",
    "",
    # real corpus lines
    "F-Squared Paid $35 Million In A Settlement (The Wall Street Journal)",
    "Russia's Problems Are A Huge Warning Sign About Emerging Markets (Morningstar)",
    "BROWN-FORMAN INC <BFD> 4TH QTR NET",
    "NATIONAL AVERAGE PRICES FOR FARMER-OWNED RESERVE",
    "ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>",
    "BRAZIL ANTI-INFLATION PLAN LIMPS TO ANNIVERSARY",
    "Ad sales boost Time Warner profit",
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (\u00a3600m)",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_sentence_starts_are_not_datelines(text: str) -> None:
    assert match_dateline(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A" * 100_000,
        "NEW DELHI, " * 10_000 + "- x",
        "(" * 100_000,
        "WASHINGTON " * 10_000 + "(AP) - The",
        "PORT-" * 20_000,
    ],
)
def test_worst_case_long_inputs(text: str) -> None:
    assert match_dateline(text) is None


def _labels(corpus_dir: Path) -> list[dict[str, object]]:
    lines = (corpus_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _first_paragraph(text: str) -> str:
    """The Reuters body's first paragraph: the line after the headline, indentation removed,
    with the hard-wrapped lines that follow it (up to the next indented line)."""
    lines = text.splitlines()[1:]
    paragraph = [lines[0].strip()]
    for line in lines[1:]:
        if not line.strip() or line.startswith(" "):
            break
        paragraph.append(line.strip())
    return " ".join(paragraph)


def test_every_reuters_dateline_label(corpus_dir: Path) -> None:
    labelled = [label for label in _labels(corpus_dir) if "dateline" in label]
    assert labelled
    for label in labelled:
        text = (corpus_dir / str(label["file"])).read_text(encoding="utf-8")
        found = match_dateline(_first_paragraph(text))
        assert found is not None, label["file"]
        dateline = found[0]
        # The label is the dateline without its separator (``RICHMOND, Va. Feb 26``).
        assert dateline.text.removesuffix("-").rstrip() == label["dateline"], label["file"]
        assert dateline.place is not None and dateline.date is not None
        assert str(label["dateline"]).startswith(dateline.place)
        assert str(label["dateline"]).endswith(dateline.date)


@pytest.mark.parametrize(
    ("name", "place", "agency"),
    [
        ("reuters.com1.txt", "MUMBAI", "Reuters"),
        ("reuters.com2.txt", "JAKARTA", "Reuters"),
        ("reuters.com3.txt", "SURABAYA, Indonesia/JAKARTA", "Reuters"),
        ("mlive.com2.txt", "GREEN BAY, Wis.", None),
        ("nj.com1.txt", "TRENTON", None),
        ("thedailybeast.com1.txt", "VATICAN CITY", None),
    ],
)
def test_newspaper_files_that_open_with_a_dateline(
    corpus_dir: Path, name: str, place: str, agency: str | None
) -> None:
    text = (corpus_dir / "newspaper" / name).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    found = [match_dateline(p) for p in paragraphs[:4]]
    opened = [f[0] for f in found if f is not None]
    assert [(d.place, d.agency) for d in opened] == [(place, agency)]


def test_no_bbc_paragraph_is_a_dateline(corpus_dir: Path) -> None:
    fired = []
    for path in sorted((corpus_dir / "bbc").rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for paragraph in text.split("\n\n"):
            if match_dateline(paragraph.strip()) is not None:
                fired.append((path.name, paragraph[:40]))
    assert fired == []
