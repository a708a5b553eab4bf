"""Every option of newsconvert, declared once: :class:`Options`, and what each front end makes
of it.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-options`).
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from types import MappingProxyType
from typing import Any, NamedTuple

from newsconvert.errors import ConfigError
from newsconvert.formats import INPUT_FORMATS, OUTPUT_FORMATS, Format
from newsconvert.records import Record, record
from newsconvert.source import DEFAULT_MAX_SIZE

__all__ = [
    "FRONTS",
    "Option",
    "Options",
    "add_arguments",
    "docutils_settings_spec",
    "fields_for",
    "from_arguments",
    "from_docutils_settings",
    "from_settings",
    "mkdocs_config_options",
    "option",
    "options_table",
    "setting_name",
    "sphinx_config_values",
]

FRONTS = ("convert", "build", "inspect", "api", "sphinx", "docutils", "mkdocs", "pelican")
"""The front ends, as :attr:`Option.fronts` names them."""

COMMANDS = ("convert", "build", "inspect")
"""The front ends that are command lines."""


_NONE: Mapping[str, Any] = MappingProxyType({})
"""The empty mapping, read-only, that an :class:`Option` shares where it gives none."""


class Option(NamedTuple):
    """How the front ends offer one field of :class:`Options` (its ``metadata["option"]``).

    A named tuple: it is only data, and a frozen dataclass's generated methods would cost every
    command a millisecond or two of start-up."""

    help: str
    fronts: tuple[str, ...]
    flags: tuple[str, ...] = ()
    metavar: str | None = None
    parse: Callable[[str], Any] | None = None
    repeatable: bool = False
    check: Callable[[Any], Any] | None = None
    defaults: Mapping[str, Any] = _NONE
    parses: Mapping[str, Callable[[str], Any]] = _NONE
    shapes: str | None = None
    names: Mapping[str, str] = _NONE


def option(help: str, fronts: Iterable[str], **details: Any) -> dict[str, Option]:
    """The ``metadata`` of an :class:`Options` field; see the module doc for ``details``."""
    chosen = tuple(fronts)
    unknown = set(chosen) - set(FRONTS)
    if unknown:
        raise ValueError(f"unknown front ends {sorted(unknown)}")
    return {"option": Option(help, chosen, **details)}


# --- Parsing and checking values ------------------------------------------------------------


def _output_format(word: str) -> str:
    from newsconvert.formats import output_format

    return output_format(word).name


DATASET_FORMAT = "parquet"
"""``build --to parquet``: not a page format but an article dataset (see
:func:`newsconvert.dask.to_parquet`)."""


def _build_target(word: str) -> str:
    """An output format's name, or :data:`DATASET_FORMAT`."""
    if word.strip().lower() == DATASET_FORMAT:
        return DATASET_FORMAT
    from newsconvert import formats

    try:
        return formats.output_format(word).name
    except ConfigError:
        known = ", ".join(f.name for f in formats.OUTPUT_FORMATS)
        raise ConfigError(
            f"unknown output format {word!r} (choose from {known}, {DATASET_FORMAT})"
        ) from None


def _input_format(word: str) -> str:
    from newsconvert.formats import input_format

    return input_format(word).name


def _zone(word: str) -> tuple[str, str]:
    from newsconvert.parser.timezones import parse_zone_override

    return parse_zone_override(word)


def _zones(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and isinstance(zone, str) for key, zone in value.items()
    ):
        raise ConfigError(
            "must map abbreviations to IANA zone names, like {'IST': 'Asia/Kolkata'}, "
            f"not {value!r}"
        )
    from newsconvert.parser.timezones import ZoneTable

    ZoneTable(value)  # raises ConfigError naming a bad entry
    return dict(value)


def _encoding(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"must be an encoding name, not {value!r}")
    from newsconvert.source import check_encoding

    return check_encoding(value)


def _layout(word: str) -> str:
    from newsconvert.parser.layouts import LAYOUTS

    if word not in LAYOUTS:
        raise ConfigError(f"unknown layout {word!r} (choose from {', '.join(LAYOUTS)})")
    return word


def _language(word: str) -> str:
    import re

    if re.fullmatch(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*", word) is None:
        raise ConfigError(f"not a language tag: {word!r} (e.g. en, en-GB, hi)")
    return word


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"must be True or False, not {value!r}")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ConfigError(f"must be a list, not {value!r}")
    for item in value:
        if not isinstance(item, str):
            raise ConfigError(f"{item!r} is not a string")
    return tuple(value)


def _folders(value: Any) -> tuple[str, ...]:
    import os

    if isinstance(value, (str, os.PathLike)) or not isinstance(value, (list, tuple)):
        raise ConfigError(f"must be a list of folders, not {value!r}")
    for item in value:
        if not isinstance(item, (str, os.PathLike)):
            raise ConfigError(f"{item!r} is not a path")
    return tuple(os.fspath(item) for item in value)


def _suffixes(value: Any) -> tuple[str, ...]:
    for suffix in _strings(value):
        if not suffix.startswith(".") or len(suffix) < 2 or "/" in suffix:
            raise ConfigError(f"{suffix!r} is not a file suffix like '.news'")
    return tuple(value)


def _generator(word: str) -> str:
    from newsconvert.site.frontmatter import GENERATORS

    if word not in GENERATORS:
        raise ConfigError(f"unknown generator {word!r} (choose from {', '.join(GENERATORS)})")
    return word


def _executor(word: str) -> str:
    if word not in ("processes", "dask"):
        raise ConfigError(f"expected processes or dask, got {word!r}")
    return word


def _storage_option(word: str) -> tuple[str, Any]:
    from newsconvert.storage import parse_storage_option

    try:
        return parse_storage_option(word)
    except ValueError as error:
        raise ConfigError(str(error)) from None


def _default_date(word: str) -> str:
    from newsconvert.site.frontmatter import parse_default_date

    try:
        parse_default_date(word)
    except ValueError:
        raise ConfigError(f"not an ISO 8601 date: {word!r}") from None
    return word.strip()


def _positive(word: str) -> int:
    try:
        value = int(word)
    except ValueError:
        raise ConfigError(f"not a number: {word!r}") from None
    if value < 1:
        raise ConfigError("must be at least 1")
    return value


def _choices(formats: tuple[Format, ...]) -> str:
    return ", ".join(fmt.name for fmt in formats)


def _jobs(word: str) -> int:
    import os

    value = _positive(word)
    # Each worker is a Python process of some 50 MB: far more than the CPUs only costs memory.
    most = 4 * (os.cpu_count() or 1)
    if value > most:
        raise ConfigError(f"must be at most {most} (4 per CPU)")
    return value


def _size(word: str) -> int:
    from newsconvert.source import parse_size

    try:
        return parse_size(word)
    except ValueError as error:
        raise ConfigError(str(error)) from None


# --- The options --------------------------------------------------------------------------

_CONVERTERS = ("convert", "build", "api")
_EVERY_READER = ("convert", "build", "inspect", "api", "sphinx", "docutils", "mkdocs", "pelican")
_PLUGINS = ("sphinx", "mkdocs", "pelican")


@record(slots=False)
class Options(Record):
    """Everything a user can ask of newsconvert, with the defaults of the Python API."""

    # What to write.
    to: str | None = field(
        default=None,
        metadata=option(
            f"output format: {_choices(OUTPUT_FORMATS)} (default: from the -o suffix, else md; "
            f"build: html, or {DATASET_FORMAT} for an article dataset)",
            ("convert", "build"),
            flags=("-t", "--to"),
            metavar="FORMAT",
            parse=_output_format,
            parses={"build": _build_target},
            defaults={"build": "html"},
            shapes="article",
        ),
    )
    """The output format (``None``: the front end's default)."""
    from_format: str | None = field(
        default=None,
        metadata=option(
            f"input format: {_choices(INPUT_FORMATS)} (default: from the input suffix, else text)",
            ("convert",),
            flags=("-f", "--from"),
            metavar="FORMAT",
            parse=_input_format,
        ),
    )
    """The input format (``None``: from each file's suffix)."""
    standalone: bool = field(
        default=False,
        metadata=option(
            "a whole document (front matter, full HTML page) rather than a fragment",
            ("convert", "api"),
            flags=("-s", "--standalone"),
        ),
    )
    """Whether to write whole documents rather than fragments."""
    generator: str | None = field(
        default=None,
        metadata=option(
            "with --to md: front matter and file names for this site generator "
            "(hugo, jekyll, pelican, mkdocs, zola)",
            ("build",),
            flags=("--for",),
            metavar="GENERATOR",
            parse=_generator,
            shapes="article",
        ),
    )
    """With ``to="md"``: the site generator whose front matter and file names to use."""
    default_date: str | None = field(
        default=None,
        metadata=option(
            "with --for: the date of articles that give none, ISO 8601 (2024-01-31, "
            "2024-01-31T09:00+01:00); without it Jekyll and Pelican posts are drafts, and "
            "MkDocs (Material's blog) needs it",
            ("build",),
            metavar="DATE",
            parse=_default_date,
            shapes="article",
        ),
    )
    """With ``generator``: the ISO 8601 date given to undated articles."""
    template_dirs: tuple[str, ...] = field(
        default=(),
        metadata=option(
            "templates here override the built-in ones (repeatable; first wins)",
            ("convert", "build", "api", *_PLUGINS),
            flags=("--template-dir",),
            metavar="DIR",
            repeatable=True,
            check=_folders,
            shapes="article",
        ),
    )
    """Folders of templates overriding the built-in ones, searched in order."""
    keep_chrome: bool = field(
        default=False,
        metadata=option(
            "also render text set aside as page chrome or duplicated lines",
            ("convert", "build", "api", *_PLUGINS, "docutils"),
            check=_flag,
            shapes="article",
        ),
    )
    """Whether to render text the parser set aside as page chrome or duplicates."""
    drop_chrome: bool = field(
        default=False,
        metadata=option(
            "leave text set aside as page chrome or duplicated lines out of the output entirely "
            "(by default it is kept out of sight: a hidden element, a comment); "
            "--keep-chrome wins",
            ("convert", "build", "api", *_PLUGINS, "docutils"),
            check=_flag,
            shapes="article",
        ),
    )
    """Whether to leave text set aside as page chrome or duplicates out of Markdown, HTML and
    reST entirely, rather than keep it there out of sight (``keep_chrome`` wins)."""
    fix_text: bool = field(
        default=False,
        metadata=option(
            "repair mojibake (\u00e2\u20ac\u2122 for \u2019) with ftfy before parsing; "
            "never done by default (pip install 'newsconvert[fix-text]')",
            ("convert",),
        ),
    )
    """Whether to repair mojibake with ftfy before parsing (the ``fix-text`` extra)."""
    lang: str = field(
        default="en",
        metadata=option(
            "language of the articles, for HTML's lang attribute (default: en)",
            _CONVERTERS,
            metavar="LANG",
            parse=_language,
            shapes="article",
        ),
    )
    """The language of the articles (``<html lang>``)."""

    # How to read.
    zones: dict[str, str] = field(
        default_factory=dict,
        metadata=option(
            "read a time-zone abbreviation as an IANA zone, e.g. IST=Europe/Dublin (repeatable)",
            _EVERY_READER,
            flags=("--tz",),
            metavar="ABBR=ZONE",
            parse=_zone,
            repeatable=True,
            check=_zones,
            shapes="article",
            names={
                "sphinx": "newsconvert_timezones",
                "docutils": "--news-timezone",
                "mkdocs": "timezones",
                "pelican": "NEWSCONVERT_TIMEZONES",
            },
        ),
    )
    """Time-zone abbreviations read as IANA zones, over the built-in table."""
    encoding: str | None = field(
        default=None,
        metadata=option(
            "decode inputs without a byte-order mark as ENC (default: UTF-8, falling back "
            "to Windows-1252/ISO-8859-1 with a warning)",
            ("convert", "build", "inspect", "api", "mkdocs", "pelican"),
            metavar="ENC",
            parse=_encoding,
            check=_encoding,
            shapes="article",
        ),
    )
    """The encoding of inputs without a byte-order mark (``None``: detect)."""
    layout: str | None = field(
        default=None,
        metadata=option(
            "force the plain-text layout (lines, blocks or wrapped) instead of detecting it",
            ("convert", "inspect", "api"),
            metavar="NAME",
            parse=_layout,
        ),
    )
    """The plain-text layout to assume (``None``: detect)."""
    strict: bool = field(
        default=False,
        metadata=option(
            "treat warnings (a guessed encoding, an unknown time zone, ...) as errors",
            ("convert", "inspect", "api"),
        ),
    )
    """Whether warnings are errors."""
    suffixes: tuple[str, ...] = field(
        default=(".news",),
        metadata=option(
            "file suffixes of article files (default: .news); .md, .rst, .html and .json are "
            "read in their format, any other as plain text",
            _PLUGINS,
            check=_suffixes,
            names={"pelican": "NEWSCONVERT_EXTENSIONS"},
        ),
    )
    """The suffixes that mark article files for the plugins."""
    max_size: int = field(
        default=DEFAULT_MAX_SIZE,
        metadata=option(
            "refuse an input larger than SIZE (bytes, or with K, M, G; default: 256M)",
            ("convert", "build", "inspect"),
            metavar="SIZE",
            parse=_size,
        ),
    )
    """The largest input read, in bytes."""

    # Which articles (build).
    include: tuple[str, ...] = field(
        default=(),
        metadata=option(
            "take files matching GLOB (repeatable; default: *.txt *.news; add e.g. '*.md' to "
            "take Markdown articles too)",
            ("build",),
            metavar="GLOB",
            repeatable=True,
        ),
    )
    """Globs of the files to take (empty: ``*.txt`` and ``*.news``)."""
    exclude: tuple[str, ...] = field(
        default=(),
        metadata=option("skip matches (repeatable)", ("build",), metavar="GLOB", repeatable=True),
    )
    """Globs of the files to skip."""
    force: bool = field(default=False, metadata=option("rebuild every article", ("build",)))
    """Whether to rebuild every article, changed or not."""
    jobs: int | None = field(
        default=None,
        metadata=option(
            "worker processes (default: the number of CPUs)",
            ("build",),
            flags=("-j", "--jobs"),
            metavar="N",
            parse=_jobs,
        ),
    )
    """Worker processes (``None``: one per CPU)."""
    executor: str = field(
        default="processes",
        metadata=option(
            "processes: --jobs local processes; dask: a local Dask cluster of --jobs workers "
            "(needs newsconvert[dask])",
            ("build",),
            metavar="{processes,dask}",
            parse=_executor,
        ),
    )
    """What converts the articles: ``processes`` (a local pool) or ``dask`` (a LocalCluster)."""
    scheduler: str | None = field(
        default=None,
        metadata=option(
            "run on the Dask cluster of this scheduler (tcp://host:8786); its workers must see "
            "SRC and OUT (object storage, or a folder mounted alike)",
            ("build",),
            metavar="ADDRESS",
        ),
    )
    """The address of a Dask scheduler to build on (``None``: see :attr:`executor`)."""
    storage_options: dict[str, Any] = field(
        default_factory=dict,
        metadata=option(
            "fsspec storage option for URLs such as s3://bucket/articles (repeatable; VALUE is "
            "read as JSON when it is; dotted keys nest: client_kwargs.region_name=eu-west-1)",
            ("build",),
            flags=("--storage-option",),
            metavar="KEY=VALUE",
            parse=_storage_option,
            repeatable=True,
        ),
    )
    """Options of the fsspec file system of URL sources and outputs (see
    :mod:`newsconvert.storage`)."""
    follow_symlinks: bool = field(
        default=False,
        metadata=option(
            "also take symbolic links to files outside SRC (default: skipped with a warning)",
            ("build",),
        ),
    )
    """Whether to take symbolic links to files outside the source folder."""

    # The site (build with --to html).
    title: str = field(
        default="News",
        metadata=option("site title for index and feed", ("build",), shapes="site"),
    )
    """The site's title, on the index page and the feed."""
    base_url: str | None = field(
        default=None,
        metadata=option(
            "public URL of OUT, for the feed", ("build",), metavar="URL", shapes="site"
        ),
    )
    """The site's public URL, for absolute ids and links in the feed."""
    feed_size: int = field(
        default=20,
        metadata=option(
            "newest N articles in feed.xml (default: 20)",
            ("build",),
            metavar="N",
            parse=_positive,
            shapes="site",
        ),
    )
    """How many of the newest articles the feed holds."""

    # Reporting.
    check: bool = field(
        default=False,
        metadata=option(
            "read the output back and refuse to write it unless it gives the same article",
            ("convert",),
        ),
    )
    """Whether to refuse output that does not read back as the same article."""
    quiet: bool = field(
        default=False,
        metadata=option(
            "do not print warnings (build: no progress bar, no summary; only errors)",
            ("convert", "build"),
            flags=("-q", "--quiet"),
        ),
    )
    """Whether to keep quiet about everything but errors."""

    def fingerprint(self, shapes: str) -> dict[str, Any]:
        """The values of the options that shape ``"article"`` (or ``"site"``) outputs."""
        return {
            spec.name: getattr(self, spec.name)
            for spec in dataclasses.fields(self)
            if _option(spec).shapes == shapes
        }


def _option(spec: dataclasses.Field[Any]) -> Option:
    found = spec.metadata["option"]
    assert isinstance(found, Option)
    return found


def fields_for(front: str) -> list[tuple[dataclasses.Field[Any], Option]]:
    """The fields of :class:`Options` that ``front`` offers, in declaration order."""
    return [
        (spec, _option(spec))
        for spec in dataclasses.fields(Options)
        if front in _option(spec).fronts
    ]


def _default(spec: dataclasses.Field[Any], opt: Option, front: str) -> Any:
    if front in opt.defaults:
        return opt.defaults[front]
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return spec.default


def setting_name(name: str, front: str) -> str:
    """What ``front`` calls the option ``name`` (``newsconvert_keep_chrome``,
    ``--news-keep-chrome``, ``keep_chrome``, ``NEWSCONVERT_KEEP_CHROME``, ``--keep-chrome``)."""
    opt = _option(next(spec for spec in dataclasses.fields(Options) if spec.name == name))
    if front in opt.names:
        return opt.names[front]
    if front == "sphinx":
        return f"newsconvert_{name}"
    if front == "docutils":
        return "--news-" + name.replace("_", "-")
    if front == "pelican":
        return f"NEWSCONVERT_{name.upper()}"
    if front in COMMANDS:
        return opt.flags[-1] if opt.flags else "--" + name.replace("_", "-")
    return name


# --- Command lines ------------------------------------------------------------------------


def _argument_type(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def convert(word: str) -> Any:
        try:
            return parse(word)
        except ConfigError as error:
            raise argparse.ArgumentTypeError(error.message) from None

    convert.__name__ = parse.__name__.lstrip("_")
    return convert


def add_arguments(parser: argparse.ArgumentParser, front: str) -> None:
    """Add the options ``front`` (``convert``, ``build`` or ``inspect``) offers to ``parser``."""
    for spec, opt in fields_for(front):
        flags = opt.flags or ("--" + spec.name.replace("_", "-"),)
        details: dict[str, Any] = {"dest": spec.name, "help": opt.help}
        if spec.type in ("bool", bool):
            details["action"] = "store_true"
        else:
            if opt.metavar:
                details["metavar"] = opt.metavar
            parse = opt.parses.get(front, opt.parse)
            if parse is not None:
                details["type"] = _argument_type(parse)
            if opt.repeatable:
                details["action"] = "append"
                details["default"] = []
            else:
                details["default"] = _default(spec, opt, front)
        parser.add_argument(*flags, **details)


def _collected(values: list[Any]) -> Any:
    if values and all(isinstance(value, tuple) and len(value) == 2 for value in values):
        return dict(values)
    return tuple(values)


def from_arguments(namespace: argparse.Namespace, front: str, **changes: Any) -> Options:
    """The :class:`Options` of a command line parsed by a parser given :func:`add_arguments`;
    ``changes`` override values (a command's checked or resolved ones)."""
    values: dict[str, Any] = {}
    for spec, opt in fields_for(front):
        value = getattr(namespace, spec.name)
        if opt.repeatable:
            value = _collected(value) if value else _default(spec, opt, "api")
        values[spec.name] = value
    values.update(changes)
    return Options(**values)


# --- Configuration files: Sphinx, docutils, MkDocs, Pelican -------------------------------


def from_settings(
    front: str, lookup: Callable[[str], Any], *, checked: bool = False, **changes: Any
) -> Options:
    """The :class:`Options` of a configuration front end: ``lookup(name)`` gives the value of
    each setting ``front`` names (see :func:`setting_name`), or raises :class:`KeyError` when
    it is not set. Raises :class:`ConfigError` naming the setting for a bad value; ``checked``
    values (already through this function once) are taken as they are."""
    values: dict[str, Any] = {}
    for spec, opt in fields_for(front):
        name = setting_name(spec.name, front)
        try:
            value = lookup(name)
        except KeyError:
            continue
        if checked or opt.check is None:
            values[spec.name] = tuple(value) if isinstance(value, list) else value
            continue
        try:
            values[spec.name] = opt.check(value)
        except ConfigError as error:
            raise ConfigError(f"{name}: {error.message}") from None
    values.update(changes)
    return Options(**values)


def sphinx_config_values() -> list[tuple[str, Any, str, tuple[type, ...]]]:
    """``(name, default, rebuild, types)`` of each Sphinx config value, for
    ``app.add_config_value``."""
    values: list[tuple[str, Any, str, tuple[type, ...]]] = []
    for spec, opt in fields_for("sphinx"):
        default = _default(spec, opt, "sphinx")
        types: tuple[type, ...]
        if isinstance(default, tuple):
            default, types = list(default), (list, tuple)
        elif isinstance(default, dict):
            types = (dict,)
        else:
            types = (type(default),)
        values.append((setting_name(spec.name, "sphinx"), default, "env", types))
    return values


def docutils_settings_spec() -> tuple[tuple[str, list[str], dict[str, Any]], ...]:
    """The docutils parser's settings (``--news-…``), for its ``settings_spec``."""
    from docutils import frontend

    specs = []
    for spec, opt in fields_for("docutils"):
        name = setting_name(spec.name, "docutils")
        if spec.type in ("bool", bool):
            details: dict[str, Any] = {
                "action": "store_true",
                "default": False,
                "validator": frontend.validate_boolean,
            }
        else:
            details = {"metavar": opt.metavar} if opt.metavar else {}
            if opt.repeatable:
                details.update(action="append", default=[])
        specs.append((opt.help[:1].upper() + opt.help[1:] + ".", [name], details))
    return tuple(specs)


def from_docutils_settings(settings: Any) -> Options:
    """The :class:`Options` of docutils ``settings`` (given :func:`docutils_settings_spec`).
    Raises :class:`ConfigError` for a bad value."""
    values: dict[str, Any] = {}
    for spec, opt in fields_for("docutils"):
        dest = setting_name(spec.name, "docutils").lstrip("-").replace("-", "_")
        value = getattr(settings, dest, None)
        if value is None or value == []:
            continue
        if opt.parse is not None:
            words = value if opt.repeatable else [value]
            parsed = [opt.parse(word) for word in words]
            value = _collected(parsed) if opt.repeatable else parsed[0]
        values[spec.name] = bool(value) if spec.type in ("bool", bool) else value
    return Options(**values)


def mkdocs_config_options() -> dict[str, Any]:
    """The MkDocs plugin's config options (``mkdocs.yml``), by name, for its ``Config`` class."""
    from mkdocs.config import config_options

    found: dict[str, Any] = {}
    for spec, opt in fields_for("mkdocs"):
        default = _default(spec, opt, "mkdocs")
        if isinstance(default, tuple):
            kind: Any = config_options.ListOfItems(config_options.Type(str), default=list(default))
        elif isinstance(default, dict):
            kind = config_options.Type(dict, default={})
        elif isinstance(default, bool):
            kind = config_options.Type(bool, default=default)
        else:
            kind = config_options.Optional(config_options.Type(str))
        found[setting_name(spec.name, "mkdocs")] = kind
    return found


# --- The docs ------------------------------------------------------------------------------


def options_table() -> list[list[str]]:
    """Rows of the options table in the docs: the option, its default, and its name in each
    front end that offers it (empty where it does not), header row first."""
    columns = ("convert", "build", "inspect", "sphinx", "docutils", "mkdocs", "pelican")
    rows = [["option", "default", *columns, "what it does"]]
    for spec in dataclasses.fields(Options):
        opt = _option(spec)
        default = _default(spec, opt, "api")
        cells = [spec.name, "" if default in (None, (), {}) else repr(default)]
        for front in columns:
            if front not in opt.fronts:
                cells.append("")
                continue
            name = setting_name(spec.name, front)
            if front in COMMANDS and len(opt.flags) > 1:
                name = ", ".join(opt.flags)
            cells.append(name)
        cells.append(opt.help)
        rows.append(cells)
    return rows
