"""Recognising text that is not body prose: page chrome, cross-links, photo captions, embeds.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-asides`).
"""

from __future__ import annotations

import re
from typing import NamedTuple
from unicodedata import normalize

from newsconvert.parser.bylines import parse_byline
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.metaline import RELATIVE
from newsconvert.parser.patterns import LazyPattern
from newsconvert.tree import Embed

# --- Page chrome ---------------------------------------------------------------------------------

# Words that make up menus, share bars and comment prompts. A line is chrome when every word of it
# is one of these and at least one is a *strong* chrome word: ``Share This Video`` is chrome, ``More
# to come`` is not (``to``, ``come`` are not chrome words), and ``This is it`` is not (no strong
# word).
_STRONG_CHROME_WORDS = """
    share shares shared tweet tweets pin email e-mail print comments comment advertisement
    advertisements ad ads sponsored subscribe subscribers unsubscribe signup login logout
    facebook twitter linkedin whatsapp reddit pinterest instagram youtube google+ tumblr
    galleries gallery newsletter newsletters bookmark permalink embed donate pledge
    advertise advertising cookies cookie google messenger telegram flipboard sms enlarge
    slideshow"""
_WEAK_CHROME_WORDS = """
    this it on more view full size image images video videos photo photos sign up in log
    out follow us like save read leave post add a an the our your to view close menu home
    next previous prev back top skip content report buy now click here copy link watch
    listen download related story stories article articles show hide all see options
    via with by and or & of for page loading address will not be published required fields
    are marked name website submit cancel reply notify me new posts is you must logged
    support become member today now free trial accept policy privacy terms"""
_STRONG_CHROME = frozenset(_STRONG_CHROME_WORDS.split())
_WEAK_CHROME = frozenset(_WEAK_CHROME_WORDS.split())
_CHROME_WORD = LazyPattern(r"[^\s|•·/,:;!?()\[\]]+")
"""A word of a chrome line: what lies between separators."""
# Whole lines that head teaser boxes or navigation; compared in lowercase, without punctuation.
_CHROME_PHRASES = frozenset(
    (
        "most popular",
        "most read",
        "most viewed",
        "trending",
        "trending now",
        "top stories",
        "latest news",
        "latest stories",
        "recommended for you",
        "editor's picks",
        "editors' picks",
        "skip to content",
        "skip to main content",
        "back to top",
        "menu",
        "search",
        "read more",
        "sign up",
        "follow us",
        "sponsored content",
        "more videos",
        "watch more",
        "more on this story",
        "around the web",
        "from our partners",
        "text size",
        "font size",
        "start a conversation",
        "join the conversation",
    )
)
_MENU_SEPARATOR = LazyPattern(r"\s[|•·]\s")


def _has_menu_mark(text: str) -> bool:
    """Whether ``text`` holds one of the marks :data:`_MENU_SEPARATOR` separates items with."""
    return "|" in text or "\u2022" in text or "\u00b7" in text


_NETWORK = (
    r"(?:Twitter|Facebook|Instagram|LinkedIn|YouTube|Google\+?|TikTok|Pinterest|Tumblr"
    r"|Flipboard|Telegram|WhatsApp|Threads|Bluesky|Mastodon|X)"
)
# ``Follow Jane on Twitter: @jane``, ``Like us on Facebook``: a prompt to follow someone.
_FOLLOW_PROMPT = LazyPattern(
    r"(?:Follow|Like|Find)\s+(?:us|[A-Z][\w'\u2019.\-]{0,30}(?:\s[A-Z][\w'\u2019.\-]{0,30}){0,2})"
    rf"\s+on\s+{_NETWORK}(?:\s*(?:,|&|and)\s*{_NETWORK}){{0,4}}"
    r"(?:\s*[:\-\u2013\u2014]?\s*@\w{1,30})?\s*[.!]?"
)
# ``Topics: Immigration, Unauthorized Immigration``: the tags a page files the story under.
_TAG_LIST = LazyPattern(r"(?i:topics|tags|tagged|filed\s+under|categories)\s*:\s*\S")
_FOLLOW_FIRST = frozenset("FL")
"""Letters a follow prompt starts with."""
_TAG_LIST_FIRST = frozenset("FT")
"""Letters a tag list is looked for after (``Topics:``, ``Tags:``, ``Filed under:``)."""


# Page furniture by what the words say, in English and Hindi (compared in NFC, lowercase,
# without closing punctuation): share prompts, ad labels, video placeholders, live-TV links.
_CHROME_LINES = frozenset(
    normalize("NFC", phrase)
    for phrase in (
        "copy link",
        "live tv",
        "watch live tv",
        "live updates",
        "promoted",
        "advertisement",
        "sponsored",
        "video",
        "watch video",
        "watch the video",
        "कॉपी लिंक",
        "लिंक कॉपी करें",
        "शेयर करें",
        "विज्ञापन",
        "वीडियो",
        "विडियो",
        "वीडियो देखें",
        "लाइव टीवी",
        "लाइव टीवी देखें",
        "aa",  # the text-size toggle
    )
)
# ``3 min read``, ``5 मिनट में पढ़ें``: a reading-time estimate.
_READING_TIME = LazyPattern(
    normalize("NFC", r"\d{1,3}\s?(?:min|mins|minutes?)\.?\s+read|\d{1,3}\s+मिनट\s+(?:में\s+)?पढ़ें")
)
# ``Catch all the Business News, Market News … on Live Mint.``, ``Get Latest India News along
# with Latest News and Top Headlines …``: a site's promotion of its own news, closing a story.
_PROMO_OPENINGS = ("catch ", "get ", "track ", "stay updated ", "download ", "read all ")
# ``Click for more trending news``, ``To shop fashion on Amazon, click here.``,
# ``… खबरें पढ़ने के लिए यहां क्लिक करें``: a call to click is a link, not the story.
_CLICK_PROMPT = LazyPattern(
    normalize(
        "NFC",
        r"(?i:.{0,150}\bclick\s+(?:here|for\s+more)\b.{0,60}"
        r"|.{0,150}(?:यहां|यहाँ)\s+क्लिक\s+कर.{0,100})",
    )
)


def _may_prompt_click(lowered: str) -> bool:
    """Whether lower-case ``lowered`` holds a word :data:`_CLICK_PROMPT` needs: the cheap test
    before it."""
    return "lick" in lowered or "\u0915\u094d\u0932\u093f\u0915" in lowered  # क्लिक


# ``1 of 18``: a gallery's slide counter alone on its line.
_SLIDE_COUNTER = LazyPattern(r"\d{1,3}\s?(?:of|/)\s?\d{1,3}")
# ``NIFTY 17532.05 -0.49 %``: a market ticker's figures.
_TICKER = LazyPattern(r"(?:[A-Z][A-Z0-9&() .]{0,30}\s)?-?[\d,]+(?:\.\d+)?\s-?\d+(?:\.\d+)?\s?%")
# ``View this post on Instagram A post shared by …``: what is left of an embedded post.
_EMBED_REMNANT = LazyPattern(r"(?i:view this post on instagram|a post shared by\s)")
_TOPICS = LazyPattern(r"(?i:topics\s+mentioned\s+in\s+this\s+article)\b")
_EMBED_REMNANT_FIRST = frozenset("VvAa")
_TOPICS_FIRST = frozenset("Tt")


_CHROME_WORD_ENDS = ".-\u2013\u2014'\""
"""Punctuation a chrome word may carry at either end (``Share.``, ``"Subscribe"``)."""


def _first_chrome_word(phrase: str) -> str:
    """The first word of one of the phrases below, as :data:`_CHROME_WORD` reads it (their
    words are separated by spaces only)."""
    return phrase.split(None, 1)[0].strip(_CHROME_WORD_ENDS)


# Every word a chrome line of plain ASCII letters can open with, beyond the patterns tried by
# its first letter: the chrome words themselves and the first words of the chrome lines,
# phrases and promotions. A line opening with any other word is no chrome (see is_chrome).
_CHROME_OPENERS = frozenset(
    {
        *_STRONG_CHROME,
        *_WEAK_CHROME,
        *(_first_chrome_word(phrase) for phrase in (*_CHROME_LINES, *_CHROME_PHRASES)),
        *(_first_chrome_word(opening) for opening in _PROMO_OPENINGS),
    }
)
_PATTERN_FIRST = _EMBED_REMNANT_FIRST | _TOPICS_FIRST | _FOLLOW_FIRST | _TAG_LIST_FIRST
"""Letters that a line some pattern of :func:`is_chrome` matches can open with."""


def is_chrome(text: str, h: Heuristics = DEFAULT_HEURISTICS) -> bool:
    """Whether ``text`` is page furniture: share buttons, menus, comment prompts, prompts to
    follow someone on a network, a page's tag list, ad labels, click prompts, slide counters,
    market tickers, embed remnants."""
    if len(text) > h.max_chrome_length:
        return False
    # Most lines are ruled out by their first word, when nothing else can make them chrome: a
    # line opening with a letter no pattern starts with, without a menu's separators, a
    # ticker's ``%`` or a click prompt, is chrome only if it opens with a chrome word or the
    # first word of a chrome line, phrase or promotion. The full test below would refuse the
    # others all the same, one check at a time.
    first = text[0]
    if (
        first.isalpha()
        and first not in _PATTERN_FIRST
        and text[-1] != "%"
        and not _has_menu_mark(text)
    ):
        lowered = (text if text.isascii() else normalize("NFC", text)).lower()
        if not _may_prompt_click(lowered):
            found = _CHROME_WORD.match(lowered)
            if found is None or found.group().strip(_CHROME_WORD_ENDS) not in _CHROME_OPENERS:
                return False
    if _is_menu(text, h):
        return True
    ticker = text[-1] == "%"  # a ticker's figures end in a percentage
    if text[0].isdigit() or text[0] == "-":
        if (
            _SLIDE_COUNTER.fullmatch(text) is not None
            or (ticker and _TICKER.fullmatch(text) is not None)
            or _READING_TIME.fullmatch(normalize("NFC", text.lower())) is not None
        ):
            return True
    elif ticker and text[0].isupper() and _TICKER.fullmatch(text) is not None:
        return True
    if not text.isascii():
        text = normalize("NFC", text)
    lowered = text.lower()
    key = lowered.rstrip(" .:!|-\u2013\u2014")
    if key in _CHROME_LINES:
        return True
    if _may_prompt_click(key) and _CLICK_PROMPT.fullmatch(key) is not None:
        return True
    # Each pattern is tried only on a line that opens with a letter it can start with.
    first = text[0]
    if (first in _EMBED_REMNANT_FIRST and _EMBED_REMNANT.match(text) is not None) or (
        first in _TOPICS_FIRST and _TOPICS.match(text) is not None
    ):
        return True
    if (first in _FOLLOW_FIRST and _FOLLOW_PROMPT.fullmatch(text) is not None) or (
        first in _TAG_LIST_FIRST and _TAG_LIST.match(text) is not None
    ):
        return True
    if len(text) <= 40 and lowered.strip(" .:!|-\u2013\u2014") in _CHROME_PHRASES:
        return True
    if lowered.startswith(_PROMO_OPENINGS) and "latest" in lowered and lowered.count("news") >= 2:
        return True
    # The words are read one at a time, so that a line is ruled out at its first word that is
    # no chrome word (most lines open with a weak word: ``The``, ``In``, ``More``), or at its
    # thirteenth word, without splitting all of it. One search a word: most lines need one,
    # and starting an iterator over the matches costs more than that search.
    strong = False
    position = 0
    for _ in range(h.max_chrome_words):
        found = _CHROME_WORD.search(lowered, position)
        if found is None:
            return strong
        word = found.group().strip(_CHROME_WORD_ENDS)
        if word in _STRONG_CHROME:
            strong = True
        elif word and word not in _WEAK_CHROME:
            return False
        position = found.end()
    return strong and _CHROME_WORD.search(lowered, position) is None


def _is_menu(text: str, h: Heuristics) -> bool:
    """``Home | World | Business | Sport``: several short items between separators."""
    if not _has_menu_mark(text):
        return False
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= h.menu_items and all(
        item and item.count(" ") < h.max_menu_item_words and item[-1] not in ".!?" for item in items
    )


# ``कुमार ऋषभ edited question 3 years ago``, ``Jane Doe answered 2 days ago``: what a Q&A or
# comment widget prints about its own activity (a name, what they did, a relative time). The
# verbs are those of readers' and moderators' activity; ``posted``/``updated`` are left out,
# since ``Jane Doe posted 3 hours ago`` is how a blog prints its own byline and time.
_ACTIVITY = LazyPattern(
    r"(?P<name>[^\d:|,()]{2,60}?)\s+"
    r"(?i:edited|answered|asked|commented(?:\s+on)?|replied(?:\s+to)?|upvoted|reviewed)"
    r"(?:\s+(?i:(?:a|an|the|this|his|her|their)\s+)?"
    r"(?i:question|answer|comment|post|reply|review|thread))?"
    rf"\s+(?:{RELATIVE})"
)


def may_be_activity_line(text: str) -> bool:
    """A quick necessary condition for :func:`is_activity_line`: a relative time's word."""
    return "ago" in text or "\u092a\u0939\u0932\u0947" in text  # ``पहले``


def is_activity_line(text: str, h: Heuristics = DEFAULT_HEURISTICS) -> bool:
    """Whether ``text`` is a widget's activity line: ``<name> edited question 3 years ago``,
    ``<name> answered 2 days ago`` (a name, an activity and a relative time, nothing else)."""
    if len(text) > h.max_activity_line_length:
        return False
    found = _ACTIVITY.fullmatch(text)
    return found is not None and parse_byline(found["name"], bare=True, h=h) is not None


# What recommendation and shopping widgets call themselves: ``Swirlster Picks Sports Bras For
# You``, ``Top Picks For You``, ``Recommended Stories``, ``रेकमेंडेड खबरें``, ``आपके लिए चुनिंदा
# खबरें``. A header holds a widget word and is addressed to the reader (``for you``, ``आपके
# लिए``), or is a widget word and what the widget lists (``Trending Videos``). Compared in NFC,
# lowercase.
_WIDGET_WORDS_TEXT = """
    picks pick picked recommended recommendations recommends suggested suggestions
    deals offers curated handpicked hand-picked trending popular
    रेकमेंडेड रिकमेंडेड सुझाव सुझाई सुझाए चुनिंदा ट्रेंडिंग लोकप्रिय
"""
_WIDGET_WORDS = frozenset(normalize("NFC", word) for word in _WIDGET_WORDS_TEXT.split())
# What a widget lists, named right after its widget word (``Recommended Stories``).
_WIDGET_LISTS_TEXT = """
    stories articles news videos reads posts products
    खबरें ख़बरें स्टोरी स्टोरीज वीडियो आर्टिकल
"""
_WIDGET_LISTS = frozenset(normalize("NFC", word) for word in _WIDGET_LISTS_TEXT.split())
_FOR_YOU = normalize("NFC", "आपके लिए")


def may_be_widget_header(text: str) -> bool:
    """A quick necessary condition for :func:`is_widget_header`: it is short, and addressed to
    the reader (``you``, ``आपके``) or three words at most."""
    return len(text) <= 80 and (
        text.count(" ") <= 2 or "You" in text or "you" in text or "YOU" in text or "आपके" in text
    )


def is_widget_header(text: str, h: Heuristics = DEFAULT_HEURISTICS) -> bool:
    """Whether ``text`` is the header of a recommendation or shopping widget (see
    :data:`_WIDGET_WORDS`): a short line that is no sentence, holds a widget word, and is
    addressed to the reader (``… For You``) or names what the widget lists right after the
    widget word, in three words at most (``Recommended Stories``)."""
    if text[-1] in ".!?:;,\u0964" or '"' in text:
        return False
    if not text.isascii():
        text = normalize("NFC", text)
    words = text.lower().split()
    if len(words) > h.max_widget_header_words:
        return False
    widget = [i for i, word in enumerate(words) if word in _WIDGET_WORDS]
    if not widget:
        return False
    if words[-2:] == ["for", "you"] or (_FOR_YOU in text and len(words) > 2):
        return True
    # The widget word right before what it lists, last, in three words at most:
    # ``Recommended Stories``, ``Most Popular Stories``.
    return 2 <= len(words) <= 3 and words[-1] in _WIDGET_LISTS and len(words) - 2 in widget


# --- Cross-links ---------------------------------------------------------------------------------

_CROSSLINK = LazyPattern(
    r"(?:also\s+read|read\s+more|read\s+also|see\s+also|also\s+see|also\s+watch|more\s+on\s+this"
    r"|related(?:\s+(?:stor(?:y|ies)|articles?|news|coverage|links?|content|reading))?"
    r"|more\s+from\s[^:\n]{1,40}|recommended(?:\s+reading)?|must\s+read|don'?t\s+miss"
    r"|more\s+stories|you\s+may\s+also\s+like)"
    r"\s*(?::|\s[-\u2013\u2014|]|$)",
    re.IGNORECASE,
)
# Hindi: ``ये भी पढ़ें:``, ``यह भी पढ़ें -``, ``ये भी देखें:``, ``इसे भी पढ़ें``, ``और पढ़ें``,
# ``पढ़ें:``; and the
# related-video line ``वीडियो- …`` / ``वीडियो: …`` (also spelt ``विडियो``). In NFC, which writes
# ``ढ़`` as ``ढ`` + nukta whichever way the text has it.
_HINDI_CROSSLINK = LazyPattern(
    normalize(
        "NFC",
        r"(?:(?:ये|यह|इसे|इन्हें|ये\s+खबर)\s+भी\s+(?:पढ़ें|देखें)|और\s+पढ़ें|पढ़ें|संबंधित\s+खबरें?"
        r"|(?:वीडियो|विडियो)(?=\s*[-:\u2013\u2014]\s*\S))"
        r"\s*[-:\u2013\u2014]",
    )
)
CROSSLINK_FIRST = frozenset("ARSMDYarsmdy\u092f\u0907\u0914\u092a\u0938\u0935")
"""Letters a cross-link label starts with (callers may test this first to save a call)."""


def is_crosslink(text: str) -> bool:
    """Whether ``text`` points to another story: ``Also Read: …``, ``READ MORE: …``,
    ``ये भी पढ़ें: …``, ``वीडियो- …``."""
    if text[0] not in CROSSLINK_FIRST:
        return False
    if text.isascii():
        return _CROSSLINK.match(text) is not None
    return (
        _CROSSLINK.match(text) is not None
        or _HINDI_CROSSLINK.match(normalize("NFC", text)) is not None
    )


# --- Photo captions ------------------------------------------------------------------------------

# ``1 of 4. Authorities monitor …``: a slideshow caption.
_SLIDE = LazyPattern(r"\d{1,3} of \d{1,3}[.:] ")
# ``Photo: Jane Doe``, ``Credit: NASA/ESA``, ``Image: …`` opening a line.
_CREDIT_LABEL = LazyPattern(
    r"(?:photo(?:graph)?|credit|image|picture|pic)s?\s*:\s*\S", re.IGNORECASE
)
# ``By Jane Doe/WireImage.``: a photographer and a picture agency, alone on a line.
_PHOTOGRAPHER = LazyPattern(
    r"(?:By|Photo by|Photograph by) [A-Z][^/\n]{1,60}/[A-Z][\w .&-]{1,40}\.?"
)
# ``(AP Photo/Jane Doe)``, ``REUTERS/Jane Doe``, ``Photo: Jane Doe`` inside a line.
_PHOTO_CREDIT = LazyPattern(
    r"\((?:[A-Z]{2,10} )?Photos?(?:/| by )|\b(?:REUTERS|AFP|AP|EPA|Getty Images)/[A-Z]"
    r"|\bPhoto(?:graph)?s?(?: by| ?:) [A-Z]|\bView full size image\b"
)
# A caption's closing credit: ``… (courtesy: studio)``, ``… (courtesy priyankachopra)``.
_COURTESY = LazyPattern(r"\((?i:photo\s+)?(?i:courtesy)\b[^()]{0,60}\)\s*$")
# ``… the Kunsten Museum (AFP)``: a picture agency in brackets closing a line that is no
# sentence (a sign-off after a sentence, ``… said. (PTI)``, is a credit instead).
_PICTURE_AGENCY = LazyPattern(
    r"[^.!?\"'\u201d\u2019\s]\s\((?:AFP|AP|Reuters|REUTERS|PTI|ANI|IANS|EPA|Getty Images"
    r"|(?i:file(?:\s+(?:photo|image|pic))?|representational(?:\s+(?:image|photo|picture))?"
    r"|photo|image|picture))\)\s*$"
)
# Hindi: ``… - फोटो : Istock``, ``… - फाइल फोटो।``, ``प्रतीकात्मक तस्वीर``.
_HINDI_PHOTO = LazyPattern(
    r"(?:^|\s)[-\u2013\u2014]\s*(?:फाइल\s+|सांकेतिक\s+|प्रतीकात्मक\s+)?(?:फोटो|तस्वीर|चित्र)"
    r"(?:\s*:\s*\S.{0,60})?\s*[\u0964.]?$"
)


# The one form of ``_PHOTO_CREDIT`` that holds neither ``Photo`` nor ``View full``.
_AGENCY_SLASH = LazyPattern(r"\b(?:REUTERS|AFP|AP|EPA|Getty Images)/[A-Z]")
_AGENCY_REACH = len("Getty Images")
"""How far before its slash an ``_AGENCY_SLASH`` match can start."""


def is_caption(text: str) -> bool:
    """Whether ``text`` is a photo caption or photo credit."""
    first = text[0]
    if first.isdigit():
        return _SLIDE.match(text) is not None
    if first in "PCIpci" and _CREDIT_LABEL.match(text) is not None:
        return True
    if len(text) > 400:
        return False
    if text[-1] == ")" and (
        _COURTESY.search(text) is not None
        or (". " not in text and _PICTURE_AGENCY.search(text) is not None)
    ):
        return True
    if (
        not text.isascii()
        and ("फोटो" in text or "तस्वीर" in text or "चित्र" in text)
        and _HINDI_PHOTO.search(text) is not None
    ):
        return True
    if first in "BP" and "/" in text and _PHOTOGRAPHER.fullmatch(text) is not None:
        return True
    # A multi-character ``in`` scans several times slower than a one-character (memchr) one,
    # so each phrase is first looked for by its rarest letter.
    if ("P" in text and "Photo" in text) or ("V" in text and "View full" in text):
        return _PHOTO_CREDIT.search(text) is not None
    # Without those words only ``REUTERS/Jane Doe`` can match, and only at a slash: searching
    # the few characters before each slash replaces a regex search from every position of
    # the text (wire copy is full of ``dlrs/tonne``).
    slash = text.find("/")
    while slash >= 0:
        if _AGENCY_SLASH.search(text, max(0, slash - _AGENCY_REACH), slash + 2) is not None:
            return True
        slash = text.find("/", slash + 1)
    return False


# --- Embedded posts ------------------------------------------------------------------------------

# ``— Jane Doe (@janedoe) November 19, 2019`` ending a line: the signature of a flattened post.
_SIGNATURE = LazyPattern(
    r"(?:^|\s)(?:[\u2014\u2013]|--?|&mdash;)\s?(?P<author>[^\u2014\u2013()@\n]{1,60}?)\s?"
    r"\(@(?P<handle>\w{1,30})\)(?: {1,3}(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}))?$"
)
_URL = LazyPattern(r"(?:https?://|pic\.twitter\.com/)[^\s<>\"\u201d]{1,300}")


class Signature(NamedTuple):
    """The signature found at the end of a flattened post."""

    start: int
    """Where the signature starts in the text (0 when the line is only the signature)."""
    author: str
    handle: str
    date: str | None


def find_signature(text: str) -> Signature | None:
    """The post signature ending ``text``, if any."""
    if "@" not in text or "(@" not in text:  # the first, memchr-fast, rules out most lines
        return None
    # Only the tail can hold the signature; searching it alone keeps long lines linear.
    tail_start = max(0, text.rfind("(@") - 70)
    match = _SIGNATURE.search(text, tail_start)
    if match is None:
        return None
    start = match.start() if match.start() == 0 or text[match.start()] != " " else match.start() + 1
    return Signature(start, match["author"].strip(), "@" + match["handle"], match["date"])


def make_embed(text: str, signature: Signature, line: int) -> Embed:
    """The :class:`Embed` for a post whose lines are ``text`` (joined by ``\\n``)."""
    url_match = _URL.search(text)
    url = url_match.group().rstrip(".,;") if url_match is not None else None
    return Embed(
        text=text,
        author=signature.author or None,
        handle=signature.handle,
        date=signature.date,
        url=url,
        line=line,
    )
