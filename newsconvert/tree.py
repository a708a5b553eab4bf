"""The article tree: the one language the parser, renderers, readers and integrations share.

Every node is a frozen, slotted dataclass. Every node records ``line``, the 1-based number of the
source line it starts on (0 when the node did not come from a source line, e.g. built by hand).
``line`` is provenance, not content: it takes no part in equality, so an article read back from
any output format equals the one that was rendered.
Text fields hold the article's words exactly as written (after whitespace normalisation and the
joining of hard-wrapped lines); they are data, never markup, and renderers escape them.

The parser guarantees that every word of the input reaches exactly one place in the tree.
"""

from __future__ import annotations

import enum
from dataclasses import field
from datetime import datetime

from newsconvert.records import Record, record
from newsconvert.records import set_field as _set

# Every node class is a record (see newsconvert.records) that writes out its __init__: the parser
# makes nodes by the thousand, faster so than through Record's generic one.


@record()
class TextNode(Record):
    """A node that is one piece of text and nothing else: :class:`Headline`, :class:`Kicker`,
    :class:`Standfirst`, :class:`Credit`, :class:`Paragraph`, :class:`ListItem`,
    :class:`Preformatted` and :class:`SectionHeading`, which differ only in the role of the text.

    They share this dataclass rather than each being one, since every dataclass costs start-up
    time. Nodes of two of those classes are never equal, whatever their text.
    """

    text: str
    """The text as written."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on (1-based; 0 when not from a source)."""

    def __init__(self, text: str, line: int = 0) -> None:
        _set(self, "text", text)
        _set(self, "line", line)


class Headline(TextNode):
    """The article's title, as written (ticker symbols such as ``<SRD>`` included)."""

    __slots__ = ()


class Kicker(TextNode):
    """A section label or rubric printed above the headline (``International``)."""

    __slots__ = ()


class Standfirst(TextNode):
    """The summary (dek) printed under the headline."""

    __slots__ = ()


@record()
class Timestamp(Record):
    """A publication or update time, e.g. ``Published 19:17 IST, November 27th 2019``."""

    text: str
    """The whole source line (or the part of it that is the timestamp), kept verbatim."""
    value: datetime | None
    """The resolved time: aware when the text names a known zone, naive when it names none,
    ``None`` when the text could not be resolved to a date at all."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""
    zone: str | None = None
    """The zone abbreviation or name as written (``IST``), if any."""
    place: str | None = None
    """A place printed with the time (``Published - … IST - COLOMBO``), if any."""

    def __init__(
        self,
        text: str,
        value: datetime | None,
        line: int = 0,
        zone: str | None = None,
        place: str | None = None,
    ) -> None:
        _set(self, "text", text)
        _set(self, "value", value)
        _set(self, "line", line)
        _set(self, "zone", zone)
        _set(self, "place", place)

    @property
    def iso(self) -> str | None:
        """``value`` in ISO 8601 (with its offset when aware), or ``None``."""
        return self.value.isoformat() if self.value is not None else None


@record()
class Dateline(Record):
    """A wire dateline opening the first paragraph, as in ``NEW DELHI, Nov 13 (Reuters) -``."""

    text: str
    """The dateline as written, including its trailing separator (``-``, ``—``, ``:``)."""
    place: str | None = None
    """The place (``NEW DELHI``), if the dateline names one."""
    date: str | None = None
    """The date as written (``Nov 13``), if any; datelines rarely carry a year."""
    agency: str | None = None
    """The agency (``Reuters``, ``AP``, ``PTI``), if any."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""

    def __init__(
        self,
        text: str,
        place: str | None = None,
        date: str | None = None,
        agency: str | None = None,
        line: int = 0,
    ) -> None:
        _set(self, "text", text)
        _set(self, "place", place)
        _set(self, "date", date)
        _set(self, "agency", agency)
        _set(self, "line", line)


@record()
class Byline(Record):
    """Who wrote the article: ``By Jane Doe and John Roe``, ``Jane Doe | PTI@JaneDoe``."""

    text: str
    """The byline as written (several source lines joined with a space if it spanned them)."""
    names: tuple[str, ...] = ()
    """The people or organisations named as authors."""
    agency: str | None = None
    """An agency named beside the author, if any."""
    handle: str | None = None
    """A social-media handle printed with the name (``@JaneDoe``), if any."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""

    def __init__(
        self,
        text: str,
        names: tuple[str, ...] = (),
        agency: str | None = None,
        handle: str | None = None,
        line: int = 0,
    ) -> None:
        _set(self, "text", text)
        _set(self, "names", names)
        _set(self, "agency", agency)
        _set(self, "handle", handle)
        _set(self, "line", line)


class Credit(TextNode):
    """A credit or sign-off: ``(With AP inputs)``, ``(Reporting by …)``, ``Reuter``."""

    __slots__ = ()


# --- Blocks -------------------------------------------------------------------------------------


class Paragraph(TextNode):
    """A paragraph of body text (hard-wrapped lines joined with single spaces)."""

    __slots__ = ()


class AttributionPosition(enum.StrEnum):
    """Where a blockquote's attribution stands relative to its quotation."""

    BEFORE = "before"
    AFTER = "after"
    NONE = "none"


@record()
class Blockquote(Record):
    """A paragraph that is mostly a direct quotation, with a short attribution.

    ``text`` keeps the paragraph exactly as written; ``quote`` and ``attribution`` are the two
    parts the parser found in it, so a renderer can show them apart without losing a word.
    """

    text: str
    """The whole paragraph as written (quotation marks, attribution and punctuation included)."""
    quote: str
    """The quotation, without its enclosing quotation marks."""
    attribution: str | None = None
    """Who said it, as written (``Hun Sen wrote``), or ``None``."""
    position: AttributionPosition = AttributionPosition.NONE
    """Where the attribution stands in ``text``."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""

    def __init__(
        self,
        text: str,
        quote: str,
        attribution: str | None = None,
        position: AttributionPosition = AttributionPosition.NONE,
        line: int = 0,
    ) -> None:
        _set(self, "text", text)
        _set(self, "quote", quote)
        _set(self, "attribution", attribution)
        _set(self, "position", position)
        _set(self, "line", line)


class ListItem(TextNode):
    """One item of a list, without its marker."""

    __slots__ = ()


@record()
class BulletList(Record):
    """A run of lines starting with list markers (``-``, ``•``, ``■`` followed by a space)."""

    items: tuple[ListItem, ...]
    """The items in order."""
    marker: str = field(default="-", compare=False)
    """The marker the source used for the first item. Provenance, like ``line``: Markdown and
    reST have their own markers, so it takes no part in equality."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""

    def __init__(self, items: tuple[ListItem, ...], marker: str = "-", line: int = 0) -> None:
        _set(self, "items", items)
        _set(self, "marker", marker)
        _set(self, "line", line)

    @property
    def text(self) -> str:
        """All items joined by newlines (for word counts and summaries)."""
        return "\n".join(item.text for item in self.items)


class Preformatted(TextNode):
    """Text whose line breaks and spacing carry meaning, such as an earnings table: the lines,
    common indentation removed, joined by ``\\n``."""

    __slots__ = ()


@record()
class Embed(Record):
    """A social-media post flattened to text, kept as one quoted block."""

    text: str
    """The post as written, all its lines joined by ``\\n``."""
    author: str | None = None
    """The author's display name, if found."""
    handle: str | None = None
    """The author's handle (``@janedoe``), if found."""
    date: str | None = None
    """The date as written, if found."""
    url: str | None = None
    """A link printed in the post (``pic.twitter.com/…``), if any."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""

    def __init__(
        self,
        text: str,
        author: str | None = None,
        handle: str | None = None,
        date: str | None = None,
        url: str | None = None,
        line: int = 0,
    ) -> None:
        _set(self, "text", text)
        _set(self, "author", author)
        _set(self, "handle", handle)
        _set(self, "date", date)
        _set(self, "url", url)
        _set(self, "line", line)


class AsideKind(enum.StrEnum):
    """Why the parser set a piece of text aside from the body."""

    CAPTION = "caption"
    """A photo caption or credit (``(AP Photo/…)``, ``1 of 4. …``)."""
    CROSSLINK = "crosslink"
    """A link to another story (``Also Read: …``, ``READ MORE: …``)."""
    CHROME = "chrome"
    """Page furniture scraped with the article: menus, share buttons, comment forms, teasers."""
    DUPLICATE = "duplicate"
    """An exact repeat of an earlier line (captions printed twice)."""
    OTHER = "other"
    """Text that belongs to no other role but must not be lost."""


HIDDEN_ASIDES = frozenset({AsideKind.CHROME, AsideKind.DUPLICATE})
"""Aside kinds that renderers leave out unless asked to keep them (``--keep-chrome``)."""


@record()
class Aside(Record):
    """Text the parser set aside from the body, kept so that nothing is lost."""

    text: str
    """The text as written."""
    kind: AsideKind = AsideKind.OTHER
    """What the text is."""
    line: int = field(default=0, compare=False)
    """Source line the node starts on."""

    def __init__(self, text: str, kind: AsideKind = AsideKind.OTHER, line: int = 0) -> None:
        _set(self, "text", text)
        _set(self, "kind", kind)
        _set(self, "line", line)


Block = Paragraph | Blockquote | BulletList | Preformatted | Embed | Aside
"""Any node that can stand in a section's body."""


class SectionHeading(TextNode):
    """A heading line between paragraphs (``Cambodian PM's reputation``)."""

    __slots__ = ()


@record()
class Section(Record):
    """A run of blocks, introduced by a heading except for the article's opening section."""

    heading: SectionHeading | None
    """The heading, or ``None`` for the text before the first heading."""
    blocks: tuple[Block, ...] = ()
    """The blocks in source order."""

    def __init__(self, heading: SectionHeading | None, blocks: tuple[Block, ...] = ()) -> None:
        _set(self, "heading", heading)
        _set(self, "blocks", blocks)

    @property
    def line(self) -> int:
        """Source line of the heading, or of the first block."""
        if self.heading is not None:
            return self.heading.line
        return self.blocks[0].line if self.blocks else 0


# --- Diagnostics and the article ----------------------------------------------------------------


@record()
class Diagnostic(Record):
    """Something the parser noticed but could handle: an unknown time-zone name, a guess."""

    message: str
    """One line, for a person."""
    line: int = field(default=0, compare=False)
    """Source line it concerns."""
    code: str = "parse"
    """A short machine-readable kind (``timestamp.zone``), usable to silence it."""

    def __init__(self, message: str, line: int = 0, code: str = "parse") -> None:
        _set(self, "message", message)
        _set(self, "line", line)
        _set(self, "code", code)


@record()
class Article(Record):
    """A news article: metadata plus sections of blocks."""

    headline: Headline | None
    """The title, or ``None`` when the text has none (body text scraped without its title).
    Never invented: consumers that need a label use :attr:`title_label`."""
    kicker: Kicker | None = None
    """A rubric above the headline, if any."""
    standfirst: Standfirst | None = None
    """The summary under the headline, if any."""
    published: Timestamp | None = None
    """When the article was first published, if stated."""
    updated: tuple[Timestamp, ...] = ()
    """Every update time stated, in source order."""
    dateline: Dateline | None = None
    """The wire dateline that opened the first body paragraph, if any. The paragraph's text no
    longer contains it; renderers print it before that paragraph."""
    bylines: tuple[Byline, ...] = ()
    """Authors, in source order."""
    credits: tuple[Credit, ...] = ()
    """Credits and sign-offs, in source order."""
    sections: tuple[Section, ...] = ()
    """The body."""
    source: str | None = field(default=None, compare=False)
    """Where the text came from (a file name), for messages. Not part of equality."""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """What the parser noticed on the way. Not part of equality."""
    characters_checked: bool = field(default=False, init=False, compare=False, repr=False)
    """True when every text of the tree is known to hold no character that an output cannot
    carry, because the tree was made by the parser from text it cleaned: renderers then skip
    checking them again. False on trees made by hand, by readers, or by
    :func:`dataclasses.replace` (which does not copy it): those are checked. Not part of
    equality; set by :func:`mark_characters_checked`."""

    def __init__(
        self,
        headline: Headline | None,
        kicker: Kicker | None = None,
        standfirst: Standfirst | None = None,
        published: Timestamp | None = None,
        updated: tuple[Timestamp, ...] = (),
        dateline: Dateline | None = None,
        bylines: tuple[Byline, ...] = (),
        credits: tuple[Credit, ...] = (),
        sections: tuple[Section, ...] = (),
        source: str | None = None,
        diagnostics: tuple[Diagnostic, ...] = (),
    ) -> None:
        _set(self, "headline", headline)
        _set(self, "kicker", kicker)
        _set(self, "standfirst", standfirst)
        _set(self, "published", published)
        _set(self, "updated", updated)
        _set(self, "dateline", dateline)
        _set(self, "bylines", bylines)
        _set(self, "credits", credits)
        _set(self, "sections", sections)
        _set(self, "source", source)
        _set(self, "diagnostics", diagnostics)
        _set(self, "characters_checked", False)

    def blocks(self) -> list[Block]:
        """Every block of every section, in order."""
        return [block for section in self.sections for block in section.blocks]

    @property
    def title_label(self) -> str:
        """The headline, or for an article without one a visible fallback label (see
        :func:`fallback_title`) for navigation: page titles, index and feed entries. Derived on
        each call, never stored in the tree."""
        if self.headline is not None:
            return self.headline.text
        return fallback_title(self)


UNTITLED = "Untitled"
"""Opens every fallback label, so that a reader can see the title was not the article's."""
FALLBACK_WORDS = 8
"""Opening words of the body a fallback label quotes."""


def fallback_title(article: Article) -> str:
    """``Untitled: <the first words of the body>…``, else ``Untitled: <source name>``.

    Words are whatever whitespace separates, in any script.
    """
    for block in article.blocks():
        if isinstance(block, Paragraph | Blockquote) and block.text.strip():
            words = block.text.split()
            opening = " ".join(words[:FALLBACK_WORDS])
            return f"{UNTITLED}: {opening}{'…' if len(words) > FALLBACK_WORDS else ''}"
    if article.source:
        name = article.source.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{UNTITLED}: {name}"
    return UNTITLED


def mark_characters_checked(article: Article) -> Article:
    """``article``, marked as holding only text cleaned of invalid characters (see
    :attr:`Article.characters_checked`). Only the code that built the tree from cleaned text
    may say so: the parser, on the tree it has just made."""
    object.__setattr__(article, "characters_checked", True)  # frozen: set once, by its maker
    return article


Node = (
    Article
    | Headline
    | Kicker
    | Standfirst
    | Timestamp
    | Dateline
    | Byline
    | Credit
    | Section
    | SectionHeading
    | Block
    | ListItem
)
"""Any node of the tree."""
