"""The formats newsconvert reads and writes: one :class:`Format` record each, read by every
front end.

The command line (``-t``/``-f``, ``build --to``), the Python API (:func:`newsconvert.render`,
:func:`newsconvert.read`), the readers, the renderers, the site builder and the Sphinx directive
all look names, aliases and suffixes up here, so a name means the same thing everywhere. Adding
a format is adding a record (see ``docs/architecture.rst``).

This module imports nothing heavy: readers, writers and escapers are named by dotted path and
imported when first used.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from os import PathLike, fspath
from pathlib import Path
from typing import Any

from newsconvert.errors import ConfigError
from newsconvert.records import Record, record

__all__ = [
    "FORMATS",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "TEXT",
    "Format",
    "format_for_suffix",
    "input_format",
    "input_format_for_path",
    "output_format",
    "register",
    "template_path",
    "templates_dir",
    "unregister",
]


def _load(path: str) -> Any:
    module, _, name = path.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, name) if name else loaded


@record()
class Format(Record):
    """One format: its names, its file suffixes, and the code that reads and writes it."""

    name: str
    """The short name (``md``), used in option values and template folders."""
    label: str
    """What people call it (``Markdown``), for help texts and docs."""
    aliases: tuple[str, ...] = ()
    """Other accepted names (matched case-insensitively)."""
    suffixes: tuple[str, ...] = ()
    """File suffixes that mean this format; the first is the one written."""
    template_extension: str | None = None
    """Templates are ``templates/<name>/*.<template_extension>.j2``; ``None`` for a format
    written by :attr:`writer` instead of templates."""
    autoescape: bool = False
    """Whether Jinja escapes values itself (HTML), instead of the templates' filters."""
    escaper: str | None = None
    """The module of escaping functions for this format; its ``FILTERS`` become Jinja filters
    and its ``finalize`` (if any) Jinja's finalize hook."""
    writer: str | None = None
    """``module:function`` writing an article as this format without templates, to a text
    stream and without a final line break (``function(article, stream) -> None``)."""
    reader: str | None = None
    """``module:function`` reading this format back into a tree
    (``function(text, *, source, zones) -> Article``)."""
    highlight: str | None = None
    """The Pygments lexer for showing this format's source (Sphinx ``:format:``)."""
    standalone_metadata: str | None = None
    """A function of :mod:`newsconvert.renderers.metadata` whose result standalone documents
    get under the same name in the template context (``front_matter``, ``json_ld``)."""

    @property
    def suffix(self) -> str:
        """The suffix of files written in this format."""
        return self.suffixes[0]

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    @property
    def is_output(self) -> bool:
        """Whether newsconvert writes this format."""
        return self.template_extension is not None or self.writer is not None

    @property
    def is_input(self) -> bool:
        """Whether newsconvert reads this format."""
        return self.reader is not None

    def template(self, standalone: bool) -> str:
        """The name of the top template (``md/standalone.md.j2``)."""
        kind = "standalone" if standalone else "article"
        return f"{self.name}/{kind}.{self.template_extension}.j2"

    def load_reader(self) -> Callable[..., Any]:
        """The reading function (imported on first use)."""
        if self.reader is None:
            raise ConfigError(f"newsconvert does not read {self.name}")
        reader: Callable[..., Any] = _load(self.reader)
        return reader

    def load_writer(self) -> Callable[..., None] | None:
        """The writing function, or ``None`` for a format written through templates."""
        writer: Callable[..., None] | None = None if self.writer is None else _load(self.writer)
        return writer

    def load_escaper(self) -> Any:
        """The escaping module, or ``None``."""
        return None if self.escaper is None else _load(self.escaper)


TEXT = Format(
    name="text",
    label="plain-text article",
    aliases=("txt", "plain"),
    suffixes=(".txt",),
    reader="newsconvert.parser:parse",
    highlight="text",
)
"""Plain-text articles: the parser's input. Any suffix no other format claims is read as text."""

FORMATS: tuple[Format, ...] = (
    Format(
        name="md",
        label="Markdown",
        aliases=("markdown", "commonmark"),
        suffixes=(".md", ".markdown"),
        template_extension="md",
        escaper="newsconvert.escape.markdown",
        reader="newsconvert.readers.markdown:read_markdown",
        highlight="markdown",
        standalone_metadata="front_matter",
    ),
    Format(
        name="html",
        label="HTML",
        aliases=("htm", "html5"),
        suffixes=(".html", ".htm"),
        template_extension="html",
        autoescape=True,
        escaper="newsconvert.escape.html",
        reader="newsconvert.readers.html:read_html",
        highlight="html",
        standalone_metadata="json_ld",
    ),
    Format(
        name="rst",
        label="reStructuredText",
        aliases=("rest", "restructuredtext"),
        suffixes=(".rst", ".rest"),
        template_extension="rst",
        escaper="newsconvert.escape.rst",
        reader="newsconvert.readers.rst:read_rst",
        highlight="rst",
    ),
    Format(
        name="json",
        label="JSON",
        suffixes=(".json",),
        writer="newsconvert.renderers.json:write_json",
        reader="newsconvert.readers.json:read_json",
        highlight="json",
    ),
    TEXT,
)
"""Every format, output formats first in the order help texts list them."""

OUTPUT_FORMATS: tuple[Format, ...] = ()
"""The formats newsconvert writes (kept up to date by :func:`register`)."""

INPUT_FORMATS: tuple[Format, ...] = ()
"""The formats newsconvert reads, plain text first."""

_OUTPUT_NAMES: dict[str, Format] = {}
_INPUT_NAMES: dict[str, Format] = {}
_SUFFIXES: dict[str, Format] = {}


def _index() -> None:
    """Fill the lookup tables from :data:`FORMATS`."""
    global OUTPUT_FORMATS, INPUT_FORMATS
    OUTPUT_FORMATS = tuple(f for f in FORMATS if f.is_output)
    INPUT_FORMATS = (TEXT, *(f for f in FORMATS if f.is_input and f is not TEXT))
    _OUTPUT_NAMES.clear()
    _OUTPUT_NAMES.update((name, fmt) for fmt in OUTPUT_FORMATS for name in fmt.names)
    _INPUT_NAMES.clear()
    _INPUT_NAMES.update((name, fmt) for fmt in INPUT_FORMATS for name in fmt.names)
    _SUFFIXES.clear()
    _SUFFIXES.update((suffix, fmt) for fmt in FORMATS if fmt is not TEXT for suffix in fmt.suffixes)


_index()


def register(fmt: Format) -> None:
    """Add ``fmt`` to the formats every front end knows, at run time: ``render()``,
    ``newsconvert -t``/``-o`` suffixes, ``build --to`` and the Sphinx directive then take it.
    Its templates are found in the template folders given (``<dir>/<name>/…``), its escaper and
    writer or reader by their dotted paths. Raises :class:`ValueError` when a name or suffix is
    taken already."""
    global FORMATS
    taken = {name for known in FORMATS for name in known.names}
    taken |= {suffix for known in FORMATS for suffix in known.suffixes}
    clash = sorted(taken & {*fmt.names, *fmt.suffixes})
    if clash:
        raise ValueError(f"format {fmt.name!r}: {', '.join(clash)} already taken")
    FORMATS = (*FORMATS[:-1], fmt, FORMATS[-1])  # plain text stays last
    _index()


def unregister(name: str) -> None:
    """Forget the format called ``name`` (one :func:`register` added)."""
    global FORMATS
    FORMATS = tuple(fmt for fmt in FORMATS if fmt.name != name or fmt is TEXT)
    _index()


def output_format(name: str) -> Format:
    """The output format called ``name`` or one of its aliases (any case); :class:`ConfigError`
    if there is none."""
    fmt = _OUTPUT_NAMES.get(name) or _OUTPUT_NAMES.get(name.strip().lower())
    if fmt is None:
        known = ", ".join(f.name for f in OUTPUT_FORMATS)
        raise ConfigError(f"unknown output format {name!r} (choose from {known})")
    return fmt


def input_format(name: str) -> Format:
    """The input format called ``name`` or one of its aliases (any case); :class:`ConfigError`
    if there is none."""
    fmt = _INPUT_NAMES.get(name) or _INPUT_NAMES.get(name.strip().lower())
    if fmt is None:
        known = ", ".join(f.name for f in INPUT_FORMATS)
        raise ConfigError(f"unknown input format {name!r} (choose from {known})")
    return fmt


def format_for_suffix(suffix: str) -> Format | None:
    """The markup format a file suffix names (``.md``, ``.HTM``, ``markdown``), or ``None``
    (plain text, or a suffix no format claims)."""
    if not suffix.startswith("."):
        suffix = "." + suffix
    return _SUFFIXES.get(suffix.lower())


def split_suffix(name: str) -> tuple[str, str]:
    """A file name's stem and last suffix, as ``PurePath(name).stem`` and ``.suffix`` give them
    (a suffix is a dot, not the name's first character, and at least one character after it),
    without building a path: a site build asks for every article's."""
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return name[:dot], name[dot:]
    return name, ""


def input_format_for_path(path: str | PathLike[str]) -> Format:
    """How the file at ``path`` is read: the format its suffix names if newsconvert reads it,
    else plain text."""
    fmt = format_for_suffix(split_suffix(os.path.basename(fspath(path)))[1] or ".")
    return fmt if fmt is not None and fmt.is_input else TEXT


def templates_dir(package: Path | None = None) -> Path:
    """The folder of built-in templates (``templates/<format name>/…``).

    An installed wheel ships the repository's ``templates/`` as ``newsconvert/templates``
    (pyproject's ``force-include``); a source or editable checkout has it beside the package.
    This is the one function that knows both layouts; the packaged location wins when both
    exist. ``package`` is the ``newsconvert`` package folder (this installation's by default).
    Raises :class:`ConfigError` when neither holds the templates.
    """
    if package is None:
        package = Path(__file__).resolve().parent
    candidates = (package / "templates", package.parent / "templates")
    for candidate in candidates:
        if (candidate / "md" / "article.md.j2").is_file():
            return candidate
    looked = " and ".join(str(c) for c in candidates)
    raise ConfigError(f"the built-in templates are missing (looked in {looked})")


def template_path(template_dirs: Iterable[str | PathLike[str]] = ()) -> list[Path]:
    """Where templates are looked up, in order: the user's folders, then the built-in one."""
    folders = [Path(folder) for folder in template_dirs]
    builtin = templates_dir()
    return folders if builtin in folders else [*folders, builtin]
