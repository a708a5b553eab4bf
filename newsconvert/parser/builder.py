"""The article under construction: what the structural rules have found so far.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-parser-builder`).
"""

from __future__ import annotations

from newsconvert.errors import ParseError
from newsconvert.parser.trace import Span
from newsconvert.tree import (
    Article,
    Block,
    Byline,
    Credit,
    Dateline,
    Diagnostic,
    Headline,
    Kicker,
    Section,
    SectionHeading,
    Standfirst,
    Timestamp,
    mark_characters_checked,
)


class ArticleBuilder:
    """Mutable collector of the pieces that become an :class:`~newsconvert.tree.Article`.

    A plain class: the methods a dataclass would generate cost every process a millisecond or
    two at import, and a builder needs none of them."""

    __slots__ = (
        "blocks",
        "bylines",
        "credits",
        "dateline",
        "diagnostics",
        "heading",
        "headline",
        "kicker",
        "published",
        "sections",
        "source",
        "spans",
        "standfirst",
        "strict",
        "updated",
    )

    def __init__(self, source: str | None, strict: bool = False) -> None:
        self.source = source
        self.strict = strict
        self.kicker: Kicker | None = None
        self.headline: Headline | None = None
        self.standfirst: Standfirst | None = None
        self.published: Timestamp | None = None
        self.updated: list[Timestamp] = []
        self.dateline: Dateline | None = None
        self.bylines: list[Byline] = []
        self.credits: list[Credit] = []
        self.sections: list[Section] = []
        self.heading: SectionHeading | None = None
        self.blocks: list[Block] = []
        self.diagnostics: list[Diagnostic] = []
        self.spans: list[Span] = []

    def mark(self, first: int, last: int, role: str, rule: str) -> None:
        """Record the role of source lines ``first``..``last`` for the trace."""
        self.spans.append((first, last, role, rule))

    def note(self, message: str, line: int, code: str) -> None:
        """Record a diagnostic; in strict mode, raise it as a :class:`ParseError` instead."""
        if self.strict:
            raise ParseError(f"{message} [{code}]", source=self.source, line=line)
        self.diagnostics.append(Diagnostic(message, line, code))

    def add_block(self, block: Block) -> None:
        """Append ``block`` to the current section."""
        self.blocks.append(block)

    def start_section(self, heading: SectionHeading) -> None:
        """Close the current section and open one under ``heading``."""
        if self.heading is not None or self.blocks:
            self.sections.append(Section(self.heading, tuple(self.blocks)))
        self.heading = heading
        self.blocks = []

    def build(self) -> Article:
        """The finished :class:`~newsconvert.tree.Article` (its headline ``None`` if none was
        found)."""
        if self.heading is not None or self.blocks:
            self.sections.append(Section(self.heading, tuple(self.blocks)))
            self.heading = None
            self.blocks = []
        # Every text of the tree comes from lines that split_lines cleaned.
        article = Article(
            headline=self.headline,
            kicker=self.kicker,
            standfirst=self.standfirst,
            published=self.published,
            updated=tuple(self.updated),
            dateline=self.dateline,
            bylines=tuple(self.bylines),
            credits=tuple(sorted(self.credits, key=_line_of)),
            sections=tuple(self.sections),
            source=self.source,
            diagnostics=tuple(self.diagnostics),
        )
        return mark_characters_checked(article)


def _line_of(credit: Credit) -> int:
    return credit.line
