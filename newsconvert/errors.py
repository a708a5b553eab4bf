"""The one exception type newsconvert raises for bad input, and its few refinements.

Every error carries the file and line it concerns, so that the CLI, the site builder and the
Sphinx extension can all print it the same way: ``file:line: message``.
"""

from __future__ import annotations


class NewsconvertError(Exception):
    """Input newsconvert cannot convert. ``str(error)`` is one line: ``file:line: message``."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        """What went wrong, for a person, without the location."""
        self.source = source
        """The file (or ``<stdin>``, ``<string>``) the error concerns, if known."""
        self.line = line
        """The 1-based line the error concerns, if known."""

    def located(self, source: str | None = None, line: int | None = None) -> NewsconvertError:
        """Fill in the location where it is still unknown; returns ``self`` for ``raise … from``."""
        if self.source is None:
            self.source = source
        if self.line is None:
            self.line = line
        return self

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class InputError(NewsconvertError):
    """The bytes could not be read as article text: missing, binary, undecodable, empty."""


class ParseError(NewsconvertError):
    """The text was read but holds no article: no headline, an impossible date."""


class TemplateError(NewsconvertError):
    """A template (built-in or the user's) failed to render."""


class ConfigError(NewsconvertError):
    """An option is wrong: an unknown format, an unknown time-zone name."""


class UnknownBlockTypeError(TypeError):
    """A block in the tree is of a type no renderer knows: a programming error, not bad input.

    A :class:`TypeError` (not a :class:`NewsconvertError`) on purpose: the
    article text cannot cause it, only code that builds trees with a node class newsconvert does
    not have (or adds one without a renderer), so it must surface with its traceback instead of
    being reported as a one-line input error or caught with them. Nothing is ever skipped.
    """

    def __init__(self, block: object, fmt: str | None = None) -> None:
        kind = type(block)
        self.block_type = kind
        """The offending class."""
        self.format = fmt
        """The output format being written, when known."""
        target = f" as {fmt}" if fmt else ""
        super().__init__(
            f"cannot render a block of type {kind.__module__}.{kind.__qualname__}{target}: "
            "newsconvert renders only the block classes of newsconvert.tree (a new block type "
            "needs an entry in newsconvert.facts.BLOCK_TYPES, a template per format "
            "and a JSON mapping)"
        )
