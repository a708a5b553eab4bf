"""The parser's rules as data: each a :class:`Rule` with a name, the zone of the article where it
is tried, a cheap test that rules most chunks out, and the function that places a chunk. The
front and body readers are loops over the ordered lists in :mod:`.front` and :mod:`.blocks`;
the trace, ``newsconvert inspect --rules`` and the rule tables of the documentation are all read
from the same records, through :func:`rule_catalogue`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Generic, TypeVar

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
    # Set aside.
    CHROME_WORDS_ONLY = "chrome-words-only"
    PHOTO_CAPTION = "photo-caption"
    MENU_ITEMS_BEFORE_HEADLINE = "menu-items-before-headline"
    URL_SLUG_AFTER_BREADCRUMBS = "url-slug-after-breadcrumbs"
    REPEATS_LINE = "repeats-line-N"
    """Recorded as ``repeats-line-<line>``, naming the line repeated: see :meth:`repeats`."""
    CROSSLINK_LABEL = "crosslink-label"
    # The front.
    SHORT_TITLE_BEFORE_TITLE = "short-title-before-title"
    TITLE_AFTER_KICKER = "title-after-kicker"
    FIRST_TITLE_LINE = "first-title-line"
    NAME_AND_ROLE_NAMED_IN_HEADLINE = "name-and-role-named-in-headline"
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


@dataclass(frozen=True, slots=True)
class Rule(Generic[Reader, Item]):
    """One rule of a reader: tried in list order, the first whose :attr:`apply` fires decides."""

    name: RuleName
    """The name it records in the trace (its main one: see :attr:`also`)."""
    zone: Zone
    role: Role
    """What the chunk becomes."""
    summary: str
    """What it recognises, in a sentence (reST, for the documentation and ``inspect --rules``)."""
    quick: Callable[[Item, Heuristics], bool] | None
    """A cheap test of the chunk that rules most chunks out before :attr:`apply` looks closer
    (``None``: none cheaper than :attr:`apply`)."""
    apply: Callable[[Reader, Item], bool]
    """Place the chunk and advance the reader if the rule fires; ``False`` if it does not."""
    also: tuple[RuleName, ...] = ()
    """Other names the rule records (variants, and the chunks it places beside the first)."""


@dataclass(frozen=True, slots=True)
class RuleEntry:
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
