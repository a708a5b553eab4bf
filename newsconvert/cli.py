"""The ``newsconvert`` command, in the habits of pandoc.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-cli`).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple, NoReturn, TextIO

from newsconvert import FORMATS, __version__, formats
from newsconvert.errors import ConfigError, NewsconvertError
from newsconvert.gcpause import gc_paused
from newsconvert.options import Options, add_arguments, from_arguments
from newsconvert.output import atomic_text_file, write_atomic
from newsconvert.source import STDIN_NAME, fix_mojibake, read_source

if TYPE_CHECKING:
    from newsconvert.tree import Article

__all__ = ["main", "report", "run"]

PROG = "newsconvert"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

SUBCOMMANDS: dict[str, str] = {
    "build": "newsconvert.site.cli",
    "inspect": "newsconvert.inspection",
}
"""First words that select a subcommand, and the module whose ``run(argv) -> int`` runs it.
A file literally named like one is converted as ``./build``."""


EPILOG = """\
examples:
  newsconvert story.txt                        Markdown on stdout
  newsconvert story.txt -o story.html          the format follows the suffix
  newsconvert story.txt -s -t html -o page.html
                                               a whole HTML page, not a fragment
  newsconvert examples/*.txt -t rst --output-dir out
                                               several inputs: out/<name>.rst each
  cat story.txt | newsconvert - -t json        stdin to stdout
  newsconvert story.txt --tz IST=Europe/Dublin read IST as Irish time
  newsconvert story.md -t html --check         read Markdown; refuse output that
                                               does not read back the same
subcommands:
  newsconvert build SRC -o OUT                 a folder of articles into a site
  newsconvert inspect FILE                     the role the parser gave each line

exit status: 0 all converted, 1 an input failed (the others were converted),
2 a usage error (nothing converted).
"""


# --- Reporting -------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """``text`` with every line break folded into a space: a report is always one line."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def report(problem: NewsconvertError | str, *, stream: TextIO | None = None) -> None:
    """Print one problem as one line on stderr: ``file:line: message``.

    A :class:`NewsconvertError` without a file is reported as coming from ``newsconvert``; a
    string is printed as it is (it is already ``file:line: message`` or a usage message).
    """
    if isinstance(problem, NewsconvertError):
        where = problem.source or PROG
        if problem.line:
            where = f"{where}:{problem.line}"
        text = f"{where}: {problem.message}"
    else:
        text = problem
    target = stream if stream is not None else sys.stderr
    try:
        target.write(_one_line(text) + "\n")
        target.flush()
    except (OSError, ValueError):
        # stderr is gone (closed pipe, closed file): nowhere left to report to.
        pass


class UsageError(Exception):
    """The command line is wrong; reported as ``newsconvert: message`` with exit status 2."""


class _Exit(Exception):
    """argparse finished early (``--help``, ``--version``) with this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of printing usage and calling ``sys.exit``."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            report(message)
        raise _Exit(status)


# --- The command line ------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for conversions (subcommands have their own)."""
    parser = _ArgumentParser(
        prog=PROG,
        usage="%(prog)s [options] INPUT...\n       %(prog)s build|inspect ...",
        description="Convert plain-text news articles to "
        + ", ".join(fmt.label for fmt in formats.OUTPUT_FORMATS[:-1])
        + f" or {formats.OUTPUT_FORMATS[-1].label}.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    add = parser.add_argument
    add("inputs", nargs="*", metavar="INPUT", help="article files; - (or none) reads stdin")
    add(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, - for stdout (default), or a folder for several inputs",
    )
    add("--output-dir", metavar="DIR", help="write each input to DIR/<input name>.<format suffix>")
    add_arguments(parser, "convert")
    add("--version", action="version", version=f"%(prog)s {__version__}")
    return parser  # fmt: skip


class Job(NamedTuple):
    """One input to convert and where its output goes (``None``: stdout)."""

    input: str
    from_format: str
    output: Path | None


def _is_folder(path: str) -> bool:
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


def _plan(options: argparse.Namespace) -> tuple[Options, list[Job]]:
    """Check the command line as a whole and decide every input's output."""
    inputs: list[str] = options.inputs or ["-"]
    if not options.inputs and sys.stdin is not None and sys.stdin.isatty():
        raise UsageError("no input files (give - to read stdin)")
    if inputs.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")

    output_dir: str | None = options.output_dir
    output: str | None = options.output
    if output is not None and output_dir is not None:
        raise UsageError("give either -o or --output-dir, not both")
    if output is not None and output != "-" and _is_folder(output):
        output_dir, output = output, None
    if output_dir is not None and os.path.exists(output_dir) and not os.path.isdir(output_dir):
        raise UsageError(f"--output-dir {output_dir}: not a folder")
    if len(inputs) > 1 and output_dir is None:
        raise UsageError("several inputs need --output-dir DIR (or -o DIR/)")

    to = options.to
    if to is None and output not in (None, "-"):
        found = formats.format_for_suffix(PurePath(output).suffix)
        if found is None:
            raise UsageError(
                f"cannot tell the output format from {output!r}; name it with -t "
                f"({', '.join(FORMATS)})"
            )
        to = found.name
    to = to or "md"

    for folder in options.template_dirs:
        if not os.path.isdir(folder):
            raise UsageError(f"--template-dir {folder}: not a folder")

    jobs: list[Job] = []
    # In an output folder each input keeps its path relative to the folder all inputs share:
    # examples/a.txt -> out/a.html, and corpus/bbc/tech/009.txt beside corpus/bbc/sport/009.txt
    # -> out/tech/009.html and out/sport/009.html rather than a clash.
    folders = [os.path.dirname(os.path.abspath(name)) for name in inputs if name != "-"]
    shared = os.path.commonpath(folders) if folders else None
    for name in inputs:
        from_format = options.from_format
        if from_format is None:
            from_format = formats.input_format_for_path(name).name
        target: Path | None
        if output_dir is not None:
            if name == "-" or shared is None:
                relative = PurePath("stdin")
            else:
                relative = PurePath(os.path.relpath(os.path.abspath(name), shared))
            suffix = formats.output_format(to).suffix
            target = Path(output_dir, relative.parent, relative.stem + suffix)
        elif output not in (None, "-"):
            target = Path(output)
        else:
            target = None
        jobs.append(Job(input=name, from_format=from_format, output=target))
    _refuse_clashes(jobs)

    settings = from_arguments(options, "convert", to=to)
    return settings, jobs


def _file_identity(path: str | Path) -> tuple[int, int] | None:
    """``(device, inode)`` of an existing file, to recognise one file under two names."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _refuse_clashes(jobs: Sequence[Job]) -> None:
    """Refuse two inputs that would write one file, and an output that would replace an input
    (its own or another's: outputs are written while later inputs are still to be read)."""
    inputs = {
        identity: job.input
        for job in jobs
        if job.input != "-" and (identity := _file_identity(job.input)) is not None
    }
    targets: dict[str, str] = {}
    for job in jobs:
        if job.output is None:
            continue
        key = os.path.abspath(job.output)
        if key in targets:
            raise UsageError(
                f"{targets[key]} and {job.input} would both be written to {job.output}"
            )
        targets[key] = job.input
        overwritten = inputs.get(_file_identity(job.output) or (-1, -1))
        if overwritten is not None:
            raise UsageError(
                f"{job.input}: the output {job.output} would overwrite the input {overwritten}"
            )


# --- Converting ------------------------------------------------------------------------------


def _hidden_count(article: Article) -> int:
    """How many pieces of text (one source line each, as scraped chrome is) the renderers will
    leave out by default."""
    from newsconvert.facts import shown

    return sum(1 for block in article.blocks() if not shown(block))


def _check_round_trip(article: Article, output: str, settings: Options, name: str) -> None:
    """Raise unless ``output`` reads back as ``article`` (what the output shows of it)."""
    from newsconvert import readers

    try:
        again = readers.read(
            output,
            settings.to,
            source=f"{name} ({settings.to} output)",
            zones=settings.zones or None,
        )
    except NewsconvertError as error:
        raise NewsconvertError(
            f"--check: the {settings.to} output cannot be read back ({error.message}); "
            "nothing written",
            source=name,
        ) from None
    from newsconvert.facts import visible

    # Every format carries the whole tree (chrome out of sight unless --keep-chrome), unless
    # --drop-chrome left it out of Markdown, HTML and reST.
    dropped = settings.drop_chrome and settings.to != "json"
    expected = visible(article, keep_chrome=settings.keep_chrome) if dropped else article
    difference = readers.first_difference(expected, again)
    if difference is not None:
        raise NewsconvertError(
            f"--check: the {settings.to} output reads back differently: {difference}; "
            "nothing written",
            source=name,
        )


def read_article(job: Job, settings: Options, warn: Callable[[str], None]) -> Article:
    """Read and parse one input, warning about what the decoder and the parser noticed.
    Raises NewsconvertError."""
    from newsconvert import read

    source = read_source(
        job.input, encoding=settings.encoding, strict=settings.strict, max_size=settings.max_size
    )
    if settings.fix_text:
        source = fix_mojibake(source)
    for warning in source.warnings:
        warn(warning)
    article = read(
        source.text,
        job.from_format,
        source=source.name,
        zones=settings.zones or None,
        layout=settings.layout,
        strict=settings.strict,
    )
    for diagnostic in article.diagnostics:
        where = f"{source.name}:{diagnostic.line}" if diagnostic.line else source.name
        warn(f"{where}: {diagnostic.message}")
    if not settings.keep_chrome and settings.to != "json":
        hidden = _hidden_count(article)
        if hidden:
            s = "s" if hidden > 1 else ""
            kept = "left out" if settings.drop_chrome else "kept hidden"
            warn(
                f"{source.name}: {hidden} line{s} set aside as page chrome or repeats, {kept} "
                f"(--keep-chrome shows them; see newsconvert inspect {job.input})"
            )
    return article


def convert_one(job: Job, settings: Options, warn: Callable[[str], None]) -> str:
    """Read, parse and render one input; returns the output text. Raises NewsconvertError."""
    from newsconvert.renderers import RenderOptions, render

    with gc_paused():
        article = read_article(job, settings, warn)
        output = render(article, settings.to, RenderOptions.of(settings))
        if settings.check:
            _check_round_trip(article, output, settings, job.input)
    if not output.endswith("\n"):
        output += "\n"
    return output


def convert_to_file(job: Job, settings: Options, warn: Callable[[str], None]) -> None:
    """Read, parse and render one input into ``job.output``, written piece by piece as the
    templates produce it (a big article's output is never held whole) and atomically (nothing
    is written if anything fails). Raises NewsconvertError."""
    from newsconvert.renderers import RenderOptions, render_to

    assert job.output is not None
    with gc_paused():
        article = read_article(job, settings, warn)
        with atomic_text_file(job.output) as stream:
            render_to(stream, article, settings.to, RenderOptions.of(settings))


def _write_stdout(text: str) -> None:
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    # UTF-8 whatever the locale says: the outputs declare UTF-8 (HTML's <meta charset>).
    try:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:  # a full disk behind a redirection
        _silence_stdout()  # what is left in the buffer must not fail again at exit
        raise NewsconvertError(
            f"cannot write: {error.strerror or error}", source="<stdout>"
        ) from None


def _convert_all(settings: Options, jobs: Sequence[Job]) -> int:
    warn = (lambda _line: None) if settings.quiet else report
    status = EXIT_OK
    for job in jobs:
        name = STDIN_NAME if job.input == "-" else job.input
        try:
            if job.output is not None and not settings.check:
                convert_to_file(job, settings, warn)
            elif job.output is None:
                _write_stdout(convert_one(job, settings, warn))
            else:
                write_atomic(job.output, convert_one(job, settings, warn))
        except ConfigError:
            raise  # an option is wrong: the same for every input, so stop (exit 2)
        except NewsconvertError as error:
            report(error.located(source=name))
            status = EXIT_FAILED
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_FAILED
        except Exception as error:  # a bug: one line, never a traceback; the others go on
            report(f"{PROG}: internal error: {name}: {type(error).__name__}: {error}")
            status = EXIT_FAILED
    return status


def _silence_stdout() -> None:
    """After the reader of our stdout went away, make the final flush at exit harmless."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run_subcommand(name: str, argv: list[str]) -> int:
    module_name = SUBCOMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or "a module"
        if module_name == missing or module_name.startswith(missing + "."):
            raise UsageError(f"'{name}' is not available: {module_name} is not installed") from None
        raise UsageError(f"'{name}' needs {missing}, which is not installed") from None
    try:
        status = module.run(argv)
    except SystemExit as finished:  # an argparse inside that exits instead of returning
        code = finished.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_FAILED)
    return int(status)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _run_subcommand(args[0], args[1:])
        options = build_parser().parse_args(args)
        settings, jobs = _plan(options)
        return _convert_all(settings, jobs)
    except _Exit as finished:
        return finished.status
    except UsageError as error:
        report(f"{PROG}: {error} (see {PROG} --help)")
        return EXIT_USAGE
    except ConfigError as error:
        report(error)
        return EXIT_USAGE
    except NewsconvertError as error:
        report(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        report(f"{PROG}: interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug: one line, never a traceback
        report(f"{PROG}: internal error: {type(error).__name__}: {error}")
        return EXIT_FAILED


def main() -> int:
    """The console script ``newsconvert``: :func:`run` on ``sys.argv``."""
    status = run()
    # The process ends next. Whatever is left (modules, compiled templates, the last article)
    # is freed by the exit itself; frozen, the interpreter's final garbage collections no
    # longer rescan all of it, which took about 5% of a one-file conversion.
    gc.freeze()
    return status
