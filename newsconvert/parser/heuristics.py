"""The parser's thresholds, in one frozen :class:`Heuristics` record with the tuned defaults:
passed to :func:`newsconvert.parser.parse` (``heuristics=``) and on to every rule, so that
``benchmarks/accuracy.py --sweep NAME=A,B,C`` can score other values without editing code.
"""

# No ``from __future__ import annotations`` here: a named tuple turns each string annotation into
# a typing.ForwardRef, compiling it, which for this record's fields cost every process more than
# its own construction.
from typing import NamedTuple


class Heuristics(NamedTuple):
    """Lengths are in characters, word counts in words, shares between 0 and 1.

    A named tuple rather than a dataclass: a frozen dataclass of this many fields costs every
    process several milliseconds of generated code at import, a named tuple a fraction of one.
    """

    # The layout.
    max_wrap_width: int = 100
    """Text whose lines are mostly longer than this is not hard-wrapped."""
    max_table_width: int = 132
    """Wider lines are prose, whatever their spacing (a line printer's width)."""

    # The front (headline, kicker, standfirst).
    front_limit: int = 12
    """Chunks examined before the body must have started (keeps the front search bounded)."""
    max_title_length: int = 200
    max_title_words: int = 30
    max_caseless_title_words: int = 40
    """Hindi and other scripts without capitals write postpositions as words: more words a
    title."""
    min_headline_words: int = 2
    """A one-word line (``दावा``, ``Highlights``) is a label or a section head, never a
    headline."""
    max_kicker_words: int = 6
    max_standfirst_length: int = 500
    repeat_overlap: float = 0.6
    """Share of a standfirst's words the first paragraph's opening must repeat to count as a
    repeat (also: of a URL-slug title's words its headline must repeat)."""
    min_repeat_words: int = 5
    """A standfirst shorter than this many words is not tested for a repeat, nor a title
    for being a sentence lifted from the lead paragraph."""
    menu_run: int = 2
    """Consecutive one-to-three-word lines before the headline that make a navigation menu or
    a breadcrumb trail (one of them at least must name a section)."""
    max_menu_item_length: int = 30
    min_slug_words: int = 3
    slug_capitals: float = 0.8
    """Share of a URL-slug title's words that are capitalised (``By election`` keeps one
    lower)."""
    max_named_role_length: int = 100
    max_bare_name_words: int = 4
    """Most words of a name alone over the timestamp, read as a byline without ``By``."""
    """Longest ``Name, role`` line read as a columnist's byline under the headline."""

    # The body.
    max_heading_length: int = 90
    max_heading_words: int = 12
    sentence_like_words: int = 9
    """A heading-length line of this many words, mostly lowercase, reads as a sentence."""
    running_text_words: int = 6
    """A paragraph of this many words reads as running text even without a final full stop."""
    min_duplicate_length: int = 12
    """Shorter repeats (``Reuter``, ``* * *``) are ordinary, not duplicated captions."""
    max_repeated_run: int = 10
    """Longest run of chunks whose back-to-back repeat is hidden as a duplicate
    (``A B C A B C``)."""
    dateline_reach: int = 90
    """Characters from the start of a paragraph within which a dateline's separator must
    appear."""
    dateline_paragraphs: int = 3
    """A dateline is looked for in this many opening paragraphs (captions may come first)."""
    tail_chunks: int = 3
    """Bylines and bare dates are metadata only among the last chunks of the text."""
    max_tail_chunks: int = 10
    """The closing metadata is looked for in at most this many chunks from the end."""
    max_short_length: int = 200
    """Longer body chunks are never tried as timestamps, credits or closing bylines."""
    max_unmarked_item_length: int = 120
    max_unmarked_item_words: int = 16

    # Asides.
    max_chrome_length: int = 120
    """Longer lines are never chrome."""
    max_chrome_words: int = 12
    menu_items: int = 4
    """A line of at least this many short ``|``/``•``-separated items is a navigation menu."""
    max_menu_item_words: int = 3
    max_activity_line_length: int = 100
    """Longest line read as a widget's activity line (``<name> edited question 3 years ago``)."""
    max_widget_header_words: int = 8
    """Most words in a recommendation widget's header (``Swirlster Picks Sports Bras For You``)."""

    # Blockquotes.
    min_quote_share: float = 0.6
    """Share of the paragraph's characters that must be inside quotation marks."""
    max_attribution_words: int = 12
    """Longest attribution, in words (``said John Smith, a spokesman for the ministry`` is 8)."""
    max_blockquote_length: int = 5000
    """Longer paragraphs are not examined (a blockquote is one paragraph of speech)."""

    # Metadata.
    max_metadata_length: int = 200
    """Longer chunks are never timestamps, bylines or credits (those are one short line)."""
    max_byline_length: int = 160
    min_glued_rest: int = 20
    """Characters of running text that must follow a byline glued to it (a sentence)."""
    max_credit_length: int = 300
    max_hindi_credit_length: int = 160
    max_credit_names_length: int = 80
    """Longest line of names read as the credit under a lone credit label (``Graphics``)."""
    max_meta_line_length: int = 200
    max_prefix_words: int = 8
    """Longest desk-and-place prefix of a packed metadata line, in words."""

    def with_values(self, **values: str) -> "Heuristics":
        """A copy with the named fields set from text (``max_title_words="25"``)."""
        converted: dict[str, int | float] = {}
        for name, value in values.items():
            if name not in self._fields:
                raise KeyError(name)
            default = self._field_defaults[name]  # every field is an int or a float
            converted[name] = float(value) if isinstance(default, float) else int(value)
        return self._replace(**converted)  # type: ignore[arg-type]


DEFAULT_HEURISTICS = Heuristics()
"""The tuned defaults, used wherever no :class:`Heuristics` is given."""
