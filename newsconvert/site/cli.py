"""``newsconvert build SRC -o OUT``: the command line of the site builder.

:func:`run` takes the arguments after ``build`` and returns the exit code (0: built; 1: some
article failed, or the index/feed/manifest could not be written; 2: a usage error such as OUT
inside SRC), so that tests and the main CLI call it directly.
"""

from __future__ import annotations

import argparse
import sys
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from newsconvert.errors import ConfigError, NewsconvertError
from newsconvert.site.builder import (
    TARGETS,
    ConvertOptions,
    SiteOptions,
    build,
    default_jobs,
)
from newsconvert.site.discover import DEFAULT_INCLUDE
from newsconvert.site.feed import DEFAULT_FEED_SIZE
from newsconvert.site.frontmatter import GENERATORS
from newsconvert.source import DEFAULT_MAX_SIZE, parse_size

EXAMPLES = """\
examples:
  newsconvert build articles/ -o site/                  HTML pages, index.html, feed.xml
  newsconvert build articles/ -o site/ --base-url https://news.example.org/
  newsconvert build articles/ -o blog/content/posts --to md --for hugo
  newsconvert build articles/ -o blog --to md --for jekyll   (writes _posts/YYYY-MM-DD-slug.md)
  newsconvert build archive/ -o out/ --include '*.txt' --exclude 'drafts/*' --jobs 4
  newsconvert build archive/ -o out/ --include '*.txt' --include '*.md'   (Markdown too)

A rerun converts only what changed (a manifest in OUT remembers); --force rebuilds everything.
"""


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _jobs(text: str) -> int:
    value = _positive(text)
    # Each worker is a Python process of some 50 MB: far more than the CPUs only costs memory.
    most = 4 * default_jobs()
    if value > most:
        raise argparse.ArgumentTypeError(f"must be at most {most} (4 per CPU)")
    return value


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _zone_override(text: str) -> tuple[str, str]:
    abbreviation, sep, zone = text.partition("=")
    if not sep or not abbreviation or not zone:
        raise argparse.ArgumentTypeError(f"expected ABBR=ZONE, got {text!r}")
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone {zone!r}") from None
    return abbreviation, zone


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of ``newsconvert build``."""
    parser = argparse.ArgumentParser(
        prog="newsconvert build",
        description="Convert a folder of articles into a site, or into posts for "
        "Hugo, Jekyll, Pelican, MkDocs or Zola. Files ending in .md, .rst, .html or .json are "
        "read in that format, any other as a plain-text article.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="SRC", type=Path, help="folder of articles (recursive)")
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=Path, required=True, help="output folder"
    )
    parser.add_argument(
        "-t", "--to", choices=TARGETS, default="html", help="output format (default: html)"
    )
    parser.add_argument(
        "--for",
        dest="generator",
        choices=GENERATORS,
        help="with --to md: front matter and file names for this site generator",
    )
    parser.add_argument(
        "--include",
        metavar="GLOB",
        action="append",
        help=f"take files matching GLOB (repeatable; default: {' '.join(DEFAULT_INCLUDE)}; "
        "add e.g. '*.md' to take Markdown articles too)",
    )
    parser.add_argument(
        "--exclude", metavar="GLOB", action="append", default=[], help="skip matches (repeatable)"
    )
    parser.add_argument("--force", action="store_true", help="rebuild every article")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        help="worker processes (default: the number of CPUs; at most 4 per CPU)",
    )
    parser.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="fail an article larger than SIZE (bytes, or with K, M, G; default: 256M)",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="also take symbolic links to files outside SRC (default: skipped with a warning)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no summary; only errors"
    )
    parser.add_argument("--title", default="News", help="site title for index and feed")
    parser.add_argument("--base-url", metavar="URL", help="public URL of OUT, for the feed")
    parser.add_argument(
        "--feed-size",
        type=_positive,
        default=DEFAULT_FEED_SIZE,
        metavar="N",
        help=f"newest N articles in feed.xml (default: {DEFAULT_FEED_SIZE})",
    )
    parser.add_argument(
        "--tz",
        metavar="ABBR=ZONE",
        type=_zone_override,
        action="append",
        default=[],
        help="resolve a zone abbreviation to an IANA zone, e.g. IST=Europe/Dublin",
    )
    parser.add_argument("--encoding", help="the sources' encoding (default: detect)")
    parser.add_argument(
        "--template-dir",
        metavar="DIR",
        action="append",
        default=[],
        help="templates overriding the built-in ones (repeatable)",
    )
    parser.add_argument(
        "--keep-chrome", action="store_true", help="also render text set aside as page chrome"
    )
    parser.add_argument("--lang", default="en", help="language of the pages (default: en)")
    return parser


def _options(args: argparse.Namespace) -> ConvertOptions:
    if args.generator is not None and args.to != "md":
        raise ConfigError(f"--for {args.generator} needs --to md")
    encoding = args.encoding
    if encoding is not None:
        from newsconvert.source import check_encoding

        encoding = check_encoding(encoding)
    for folder in args.template_dir:
        if not Path(folder).is_dir():
            raise ConfigError("template folder not found", source=folder)
    return ConvertOptions(
        to=args.to,
        generator=args.generator,
        zones=tuple(args.tz),
        encoding=encoding,
        template_dirs=tuple(str(Path(folder).resolve()) for folder in args.template_dir),
        keep_chrome=args.keep_chrome,
        lang=args.lang,
        max_size=args.max_size,
    )


def run(argv: Sequence[str], *, stderr: TextIO | None = None) -> int:
    """Run ``newsconvert build`` with ``argv`` (the arguments after ``build``); the exit code."""
    err = stderr if stderr is not None else sys.stderr
    parser = make_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:  # argparse has printed the usage error (or --help)
        return int(exit_.code or 0)
    try:
        options = _options(args)
        summary = build(
            args.source,
            args.output,
            options,
            SiteOptions(title=args.title, base_url=args.base_url, feed_size=args.feed_size),
            include=args.include or DEFAULT_INCLUDE,
            exclude=args.exclude,
            jobs=args.jobs or default_jobs(),
            force=args.force,
            follow_symlinks=args.follow_symlinks,
            progress=not args.quiet and err.isatty(),
            warnings=not args.quiet,
            stderr=err,
        )
    except ConfigError as error:
        print(f"newsconvert build: {error}", file=err)
        return 2
    except NewsconvertError as error:
        print(str(error), file=err)
        return 1
    if not args.quiet:
        print(f"newsconvert build: {summary.line()}", file=err)
    return 1 if summary.failed else 0


def main() -> int:
    """Entry point for ``python -m newsconvert.site.cli``."""
    return run(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
