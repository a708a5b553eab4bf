"""The parser's rules as data: each a :class:`Rule` with a name, the zone of the article where it
is tried, a cheap test that rules most chunks out, and the function that places a chunk. The
front and body readers are loops over the ordered lists in :mod:`.front` and :mod:`.blocks`;
the trace, ``newsconvert inspect --rules`` and the rule tables of the documentation are all read
from the same records, through :func:`rule_catalogue`.
"""

from __future__ import annotations

import sys
from bisect import bisect_left
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Generic, NamedTuple, TypeAlias, TypeVar

from newsconvert.parser.heuristics import Heuristics


class Zone(Enum):
    """Where in the article a rule is tried."""

    LAYOUT = "layout"
    """While lines are assembled into chunks (:mod:`.layouts`)."""
    FRONT = "front"
    """On the chunks before the body starts (:mod:`.front`)."""
    BODY = "body"
    """On each body chunk (:mod:`.blocks`)."""
    TAIL = "tail"
    """Among the closing chunks of the text, and on the last paragraph once the body is read."""


class Role(StrEnum):
    """What a source line became: the ``role`` of the trace (``newsconvert inspect``)."""

    HEADLINE = "headline"
    KICKER = "kicker"
    STANDFIRST = "standfirst"
    PUBLISHED = "timestamp.published"
    UPDATED = "timestamp.updated"
    METADATA = "metadata"
    BYLINE = "byline"
    CREDIT = "credit"
    DATELINE = "dateline"
    CHROME = "chrome"
    CAPTION = "caption"
    CROSSLINK = "crosslink"
    DUPLICATE = "duplicate"
    EMBED = "embed"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BLOCKQUOTE = "blockquote"
    LIST_ITEM = "list-item"
    PREFORMATTED = "preformatted"
    BLANK = "blank"
    UNASSIGNED = "unassigned"


class RuleName(StrEnum):
    """The name of every rule the trace can record (its ``rule`` column)."""

    # Layout: how lines became a chunk (a paragraph keeps the name of its chunk's rule).
    ONE_LINE = "one-line"
    BLANK_SEPARATED_BLOCK = "blank-separated-block"
    HARD_WRAPPED_LINES_JOINED = "hard-wrapped-lines-joined"
    INDENTED_PARAGRAPH_JOINED = "indented-paragraph-joined"
    COLUMN_ALIGNED_LINES = "column-aligned-lines"
    INDENTED_FIGURE_LINES = "indented-figure-lines"
    LIST_MARKER = "list-marker"
    # Metadata, in the front and the body.
    LABELLED_TIMESTAMP = "labelled-timestamp"
    BARE_DATE_LINE = "bare-date-line"
    RELATIVE_TIME = "relative-time"
    PACKED_METADATA_LINE = "packed-metadata-line"
    BYLINE = "byline"
    BYLINE_LABEL_AND_NAME = "byline-label-and-name"
    BYLINE_GLUED_TO_TEXT = "byline-glued-to-text"
    DASH_AND_NAME_CLOSING_THE_STORY = "dash-and-name-closing-the-story"
    CREDIT_LINE = "credit-line"
    CREDIT_LABEL_AND_NAMES = "credit-label-and-names"
    PICTURE_CREDIT_CLOSING_THE_STORY = "picture-credit-closing-the-story"
    # Set aside.
    CHROME_WORDS_ONLY = "chrome-words-only"
    RECOMMENDATION_WIDGET_HEADER = "recommendation-widget-header"
    SITE_ACTIVITY_LINE = "site-activity-line"
    PHOTO_CAPTION = "photo-caption"
    MENU_ITEMS_BEFORE_HEADLINE = "menu-items-before-headline"
    BREADCRUMB_LINE = "breadcrumb-line"
    URL_SLUG_AFTER_BREADCRUMBS = "url-slug-after-breadcrumbs"
    REPEATS_LINE = "repeats-line-N"
    """Recorded as ``repeats-line-<line>``, naming the line repeated: see :meth:`repeats`."""
    CROSSLINK_LABEL = "crosslink-label"
    # The front.
    SHORT_TITLE_BEFORE_TITLE = "short-title-before-title"
    TITLE_AFTER_KICKER = "title-after-kicker"
    FIRST_TITLE_LINE = "first-title-line"
    NAME_AND_ROLE_NAMED_IN_HEADLINE = "name-and-role-named-in-headline"
    NAME_OVER_TIMESTAMP = "name-over-timestamp"
    BETWEEN_HEADLINE_AND_METADATA = "between-headline-and-metadata"
    REPEATED_BY_FIRST_PARAGRAPH = "repeated-by-first-paragraph"
    # The body.
    POST_SIGNATURE = "post-signature"
    POST_BEFORE_SIGNATURE = "post-before-signature"
    WIRE_DATELINE = "wire-dateline"
    OPENS_WITH_WIRE_DATELINE = "opens-with-wire-dateline"
    ALL_CAPS_SUBHEAD = "all-caps-subhead"
    LIVE_BLOG_ENTRY_TIME = "live-blog-entry-time"
    SHORT_LINE_BETWEEN_PARAGRAPHS = "short-line-between-paragraphs"
    HEADING_AFTER_HEADING = "heading-after-heading"
    QUOTATION_WITH_ATTRIBUTION = "quotation-with-attribution"
    RUNNING_TEXT = "running-text"
    SHORT_LINES_AFTER_COLON = "short-lines-after-colon"
    # The tail, once the body is read.
    PARAGRAPH_WITH_TRAILING_CREDIT = "paragraph-with-trailing-credit"
    QUOTATION_WITH_TRAILING_CREDIT = "quotation-with-trailing-credit"
    # The trace itself.
    BLANK_LINE = "blank-line"
    NONE = "none"

    @staticmethod
    def repeats(line: int) -> str:
        """The name recorded for a repeat of source line ``line`` (``repeats-line-12``)."""
        return f"repeats-line-{line}"


Reader = TypeVar("Reader")
Item = TypeVar("Item")
Made = TypeVar("Made")


class Rule(NamedTuple, Generic[Reader, Item]):
    """One rule of a reader: tried in list order, the first whose :attr:`apply` fires decides.

    Its quick test is :attr:`shortest`, :attr:`longest`, :attr:`opens`, :attr:`holds` and
    :attr:`quick`, all of which the chunk's text must pass before :attr:`apply` looks closer;
    the reader checks the first four itself, without a call (see :func:`bind`).
    """

    name: RuleName
    """The name it records in the trace (its main one: see :attr:`also`)."""
    zone: Zone
    role: Role
    """What the chunk becomes."""
    summary: str
    """What it recognises, in a sentence (reST, for the documentation and ``inspect --rules``)."""
    apply: Callable[[Reader, Item], bool]
    """Place the chunk and advance the reader if the rule fires; ``False`` if it does not."""
    also: tuple[RuleName, ...] = ()
    """Other names the rule records (variants, and the chunks it places beside the first)."""
    shortest: str | None = None
    """The :class:`Heuristics` field a text must be at least as long as."""
    longest: str | None = None
    """The :class:`Heuristics` field a text must be at most as long as."""
    opens: frozenset[str] = frozenset()
    """Characters one of which the text must start with (empty: any)."""
    holds: str = ""
    """A substring the text must contain (empty: any)."""
    quick: Callable[[str], bool] | None = None
    """Any further cheap test of the text."""
    after_headline: bool | None = None
    """A front rule tried only once the headline is found (``True``) or only before
    (``False``)."""


Bound: TypeAlias = tuple[
    int, frozenset[str], str, Callable[[str], bool] | None, Callable[[Reader, Item], bool]
]
"""A rule's quick test with its thresholds read from one :class:`Heuristics`: ``(shortest,
opens, holds, quick, apply)``, a plain tuple since the readers unpack one per rule tried."""


class Bands(NamedTuple, Generic[Reader, Item]):
    """Bound rules grouped by the length of text they take: a text of length ``n`` is tried
    against ``rules[bisect_left(uppers, n)]``, the rules whose longest text is ``n`` or more."""

    uppers: tuple[int, ...]
    rules: tuple[tuple[Bound[Reader, Item], ...], ...]


def fire_first(bands: Bands[Reader, Item], reader: Reader, item: Item, text: str) -> bool:
    """Offer ``item`` (whose text is ``text``) to the rules of ``bands`` that take text this
    long, in order, each only if its quick test passes: ``True`` once one fires."""
    length = len(text)
    for shortest, opens, holds, quick, apply in bands.rules[bisect_left(bands.uppers, length)]:
        if (
            shortest <= length
            and (not opens or text[0] in opens)
            and (not holds or holds in text)
            and (quick is None or quick(text))
            and apply(reader, item)
        ):
            return True
    return False


def bind(
    rules: tuple[Rule[Reader, Item], ...],
    h: Heuristics,
    *,
    after_headline: bool | None = None,
    tail: bool = True,
) -> Bands[Reader, Item]:
    """``rules`` bound to ``h`` and grouped by the longest text each takes, in order (the
    readers cache this per :class:`Heuristics`); with ``after_headline``, only the rules tried
    then; without ``tail``, none of the :attr:`Zone.TAIL` rules. A long paragraph is so never
    offered to the many rules for short lines, nor an opening chunk to the closing rules."""
    chosen = [
        rule
        for rule in rules
        if (after_headline is None or rule.after_headline in (None, after_headline))
        and (tail or rule.zone is not Zone.TAIL)
    ]
    longest = [getattr(h, rule.longest) if rule.longest else sys.maxsize for rule in chosen]
    uppers = tuple(sorted({*longest, sys.maxsize}))
    return Bands(
        uppers,
        tuple(
            tuple(
                (
                    getattr(h, rule.shortest) if rule.shortest else 0,
                    rule.opens,
                    rule.holds,
                    rule.quick,
                    rule.apply,
                )
                for rule, most in zip(chosen, longest, strict=True)
                if most >= upper
            )
            for upper in uppers
        ),
    )


_KEPT_HEURISTICS = 8
"""Distinct :class:`Heuristics` records whose bound rules are kept (a sweep tries a few)."""


def per_heuristics(make: Callable[[Heuristics], Made]) -> Callable[[Heuristics], Made]:
    """``make`` computed once per :class:`Heuristics` record (the readers' bound rules).

    Cached by identity, not by equality: hashing a record of fifty thresholds, as a cache keyed
    by value does on every call, costs more than trying the rules on a short chunk. Each entry
    keeps its record, so the identity it is filed under cannot pass to another object.
    """
    cache: dict[int, tuple[Heuristics, Made]] = {}

    def cached(h: Heuristics) -> Made:
        entry = cache.get(id(h))
        if entry is None or entry[0] is not h:
            if len(cache) >= _KEPT_HEURISTICS:
                cache.clear()
            entry = cache[id(h)] = (h, make(h))
        return entry[1]

    return cached


class RuleEntry(NamedTuple):
    """One row of the rule vocabulary: the names a rule records, where it is tried, what the
    chunk becomes and what the rule recognises."""

    names: tuple[RuleName, ...]
    zone: Zone
    role: Role
    summary: str


def rule_catalogue() -> tuple[RuleEntry, ...]:
    """Every rule the trace can name, in the order the parser tries them: the layout's chunk
    rules, the front rules, the body rules, then the tail rules (a rule tried in the front and
    in the body is listed in both)."""
    from newsconvert.parser.blocks import BODY_RULES, FINAL_RULES
    from newsconvert.parser.front import FRONT_RULES
    from newsconvert.parser.layouts import CHUNK_RULES

    entries = list(CHUNK_RULES)
    for rules in (FRONT_RULES, BODY_RULES, FINAL_RULES):
        entries.extend(
            RuleEntry((rule.name, *rule.also), rule.zone, rule.role, rule.summary) for rule in rules
        )
    return tuple(entries)
