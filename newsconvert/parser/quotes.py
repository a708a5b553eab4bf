"""Blockquotes: a paragraph that is mostly a direct quotation, with a short attribution.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-quotes`).
"""

from __future__ import annotations

from newsconvert.parser.heuristics import DEFAULT_HEURISTICS, Heuristics
from newsconvert.parser.patterns import LazyPattern
from newsconvert.parser.words import word_list
from newsconvert.tree import AttributionPosition, Blockquote

__all__ = ["match_blockquote"]

# Verbs that introduce speech, in the forms an attribution uses. Forms that are as often nouns
# (``note``, ``answer``, ``claims``, ``statement``) are left out: ``The answer, “…”`` and
# ``Note the wording: “…”`` introduce a quotation without saying who spoke.
_SPEECH_VERBS_TEXT = """
    say says said saying tell tells told telling write writes wrote written writing
    add adds added adding ask asks asked asking counselled counseled counsels urge urges urged
    warn warns warned declare declares declared announce announces announced stated explain
    explains explained insist insists insisted replied tweeted posted noted remarked
    argue argues argued continued quipped recalled recalls admitted admits conceded concedes
    acknowledged acknowledges claimed observed commented responded answered concluded
    cautioned advised emphasised emphasized stressed vowed promised predicted suggested
    suggests joked reiterated assured shouted exclaimed whispered testified confirmed
    confirms denied described called according
"""
_SPEECH_WORDS = frozenset(_SPEECH_VERBS_TEXT.split())
_SENTENCE_BREAK = LazyPattern(r"[.!?]\s+\S")
_ABBREVIATIONS_TEXT = "Mr Mrs Ms Dr Prof St Sr Jr Gen Gov Sen Rep Lt Col Capt Sgt Rev Hon Mt Co Inc"
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
"""Words whose full stop does not end a sentence (``Dr. Smith said``)."""
_OPENING = '\u201c"'
_QUOTE_PAIRS = {"\u201c": "\u201d", '"': '"'}
_CLOSING_PUNCTUATION = ".,;:!?\u2026)]"
_SPEAKER = LazyPattern(r"[A-Z][\w.'\u2019\-]{0,30}(?:\s[A-Z][\w.'\u2019\-]{0,30}){0,3}")
_DASH_FIRST = "-\u2013\u2014"
_NAME_AFTER_DASH = LazyPattern(
    r"(?:-{1,2}|\u2013|\u2014)\s?[A-Z][\w.'\u2019\-]{0,30}(?:\s[A-Z][\w.'\u2019\-]{0,30}){0,4}"
)


def _quotations(text: str) -> list[tuple[int, int]] | None:
    """Spans ``(open, close)`` of the double-quoted stretches, or ``None`` if unbalanced."""
    spans: list[tuple[int, int]] = []
    find = text.find
    position = 0
    while True:
        curly = find("\u201c", position)
        straight = find('"', position)
        stray_close = find("\u201d", position)
        if curly < 0:
            if straight < 0:
                # No opening mark left: a closing curly quote now is unbalanced.
                return None if stray_close >= 0 else spans
            start = straight
        else:
            start = curly if straight < 0 or curly < straight else straight
        if 0 <= stray_close < start:
            return None
        if start == curly:
            end = find("\u201d", start + 1)
            if end < 0:
                return None
            if find("\u201c", start + 1, end) >= 0:
                return None  # nested double quotes: leave the paragraph alone
        else:
            end = find('"', start + 1)
            if end < 0:
                return None
        spans.append((start, end))
        if len(spans) > 2:
            return spans  # more than the shapes allow; no need to read further
        position = end + 1


def _ends_sentence_inside(text: str) -> bool:
    """Whether ``text`` holds a sentence break (``he said. Reuter``), not counting the full
    stops of abbreviations and initials (``Dr.``, ``J.``, ``U.S.``)."""
    for found in _SENTENCE_BREAK.finditer(text):
        word = text[: found.start()].rsplit(None, 1)[-1].rstrip(".!?")
        if found.group()[0] != "." or not (word in _ABBREVIATIONS or len(word) <= 1 or "." in word):
            return True
    return False


def _is_attribution(text: str, h: Heuristics) -> bool:
    words = text.count(" ") + 1
    most = h.max_attribution_words
    if not text or words > most * 2 or len(text.split()) > most:
        return False
    if ("." in text or "!" in text or "?" in text) and _ends_sentence_inside(text):
        return False
    if text[0] in _DASH_FIRST and _NAME_AFTER_DASH.fullmatch(text):
        return True
    if text.isascii():  # lowering first is the same, and cheaper, only for ASCII text
        return not _SPEECH_WORDS.isdisjoint(word_list(text.lower()))
    return any(word.lower() in _SPEECH_WORDS for word in word_list(text))


def _clean_attribution(text: str) -> str:
    return text.strip().strip(",:;.\u2026 ").strip()


def _quoted_share(text: str, spans: list[tuple[int, int]]) -> float:
    inside = 0
    for start, end in spans:
        inside += end - start - 1
    return inside / max(1, len(text.strip()))


def match_blockquote(
    text: str, *, line: int = 0, h: Heuristics = DEFAULT_HEURISTICS
) -> Blockquote | None:
    """``text`` as a :class:`Blockquote` if it is mostly a direct quotation with a short
    attribution (rules in the module docstring), else ``None``."""
    if len(text) > h.max_blockquote_length or ('"' not in text and "\u201c" not in text):
        return None
    paragraph = text.strip()
    spans = _quotations(paragraph)
    if not spans or len(spans) > 2 or _quoted_share(paragraph, spans) < h.min_quote_share:
        return None
    first_start, first_end = spans[0]
    last_start, last_end = spans[-1]
    before = paragraph[:first_start]
    after = paragraph[last_end + 1 :]

    if len(spans) == 1 and not before.strip():
        # Q A: the attribution follows.
        attribution = _clean_attribution(after)
        if not attribution or not _is_attribution(attribution, h):
            return None
        return _blockquote(paragraph, [spans[0]], attribution, AttributionPosition.AFTER, line)

    if len(spans) == 1 and not after.strip(_CLOSING_PUNCTUATION + " "):
        # A Q: the attribution ends in "," or ":" right before the quotation.
        lead = before.rstrip()
        if not lead or lead[-1] not in ",:":
            return None
        attribution = _clean_attribution(lead)
        speaker_then_colon = lead[-1] == ":" and _SPEAKER.fullmatch(attribution) is not None
        if not (speaker_then_colon or _is_attribution(attribution, h)):
            return None
        return _blockquote(paragraph, [spans[0]], attribution, AttributionPosition.BEFORE, line)

    if len(spans) == 2 and not before.strip() and not after.strip(_CLOSING_PUNCTUATION + " "):
        # Q A Q: "A," he said. "B."
        middle = paragraph[first_end + 1 : last_start]
        attribution = _clean_attribution(middle)
        if not attribution or not _is_attribution(attribution, h):
            return None
        return _blockquote(paragraph, spans, attribution, AttributionPosition.AFTER, line)
    return None


def _blockquote(
    paragraph: str,
    spans: list[tuple[int, int]],
    attribution: str,
    position: AttributionPosition,
    line: int,
) -> Blockquote:
    if len(spans) == 1:
        start, end = spans[0]
        quote = paragraph[start + 1 : end].strip()
    else:
        quote = " ".join(paragraph[start + 1 : end].strip() for start, end in spans)
    # A comma at the very end only joined the quotation to "he said"; it is no part of what was
    # said. Other final punctuation (. ? !) is.
    quote = quote.removesuffix(",").rstrip()
    return Blockquote(paragraph, quote, attribution, position, line)
