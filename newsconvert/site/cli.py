"""``newsconvert build SRC -o OUT``: the command line of the site builder.

:func:`run` takes the arguments after ``build`` and returns the exit code (0: built; 1: some
article failed, or the index/feed/manifest could not be written; 2: a usage error such as OUT
inside SRC), so that tests and the main CLI call it directly.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from newsconvert.errors import ConfigError, NewsconvertError
from newsconvert.formats import INPUT_FORMATS, TEXT
from newsconvert.options import DATASET_FORMAT, Options, add_arguments, from_arguments
from newsconvert.site.builder import build, default_jobs
from newsconvert.site.discover import DEFAULT_INCLUDE

EXAMPLES = """\
examples:
  newsconvert build articles/ -o site/                  HTML pages, index.html, feed.xml
  newsconvert build articles/ -o site/ --base-url https://news.example.org/
  newsconvert build articles/ -o blog/content/posts --to md --for hugo
  newsconvert build articles/ -o blog --to md --for jekyll   (writes _posts/YYYY-MM-DD-slug.md)
  newsconvert build archive/ -o out/ --include '*.txt' --exclude 'drafts/*' --jobs 4
  newsconvert build archive/ -o out/ --include '*.txt' --include '*.md'   (Markdown too)
  newsconvert build s3://bucket/articles -o s3://bucket/site --scheduler tcp://host:8786
  newsconvert build archive/ -o out/ --executor dask --jobs 4   (a local Dask cluster)
  newsconvert build s3://bucket/articles -o s3://bucket/dataset --to parquet

A rerun converts only what changed (a manifest in OUT remembers); --force rebuilds everything.
"""


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of ``newsconvert build``."""
    parser = argparse.ArgumentParser(
        prog="newsconvert build",
        description="Convert a folder of articles into a site, or into posts for "
        "Hugo, Jekyll, Pelican, MkDocs or Zola. Files ending in "
        + ", ".join(fmt.suffix for fmt in INPUT_FORMATS if fmt is not TEXT)
        + " are read in that format, any other as a plain-text article.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source", metavar="SRC", help="folder of articles (recursive), or a URL (s3://...)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="output folder, or a URL"
    )
    add_arguments(parser, "build")
    return parser


def _options(args: argparse.Namespace) -> Options:
    if args.generator is not None and args.to != "md":
        raise ConfigError(f"--for {args.generator} needs --to md")
    if args.default_date is not None and args.generator is None:
        raise ConfigError("--default-date needs --for GENERATOR")
    for folder in args.template_dirs:
        if not Path(folder).is_dir():
            raise ConfigError("template folder not found", source=folder)
    return from_arguments(
        args,
        "build",
        template_dirs=tuple(str(Path(folder).resolve()) for folder in args.template_dirs),
    )


def run(argv: Sequence[str], *, stderr: TextIO | None = None) -> int:
    """Run ``newsconvert build`` with ``argv`` (the arguments after ``build``); the exit code."""
    err = stderr if stderr is not None else sys.stderr
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage error (or --help)
        return int(exit_.code or 0)
    try:
        options = _options(args)
        if options.to == DATASET_FORMAT:
            return _run_parquet(args.source, args.output, options, err)
        with contextlib.ExitStack() as stack:
            executor = None
            if options.executor == "dask" or options.scheduler:
                from newsconvert.dask import DaskExecutor, cluster_client

                client = cluster_client(options.scheduler, options.jobs or default_jobs())
                executor = DaskExecutor(stack.enter_context(client))
            summary = build(
                args.source,
                args.output,
                options,
                include=options.include or DEFAULT_INCLUDE,
                exclude=options.exclude,
                jobs=options.jobs or default_jobs(),
                force=options.force,
                follow_symlinks=options.follow_symlinks,
                progress=not options.quiet and err.isatty(),
                warnings=not options.quiet,
                stderr=err,
                executor=executor,
                storage_options=_storage_options(options),
            )
    except ConfigError as error:
        print(f"newsconvert build: {error}", file=err)
        return 2
    except NewsconvertError as error:
        print(str(error), file=err)
        return 1
    if not options.quiet:
        if options.to == "html" and not options.base_url:
            print(
                "newsconvert build: warning: no --base-url: feed.xml links are relative to the "
                "feed's own address, which some feed readers do not resolve",
                file=err,
            )
        print(f"newsconvert build: {summary.line()}", file=err)
    return 1 if summary.failed else 0


def _storage_options(options: Options) -> dict[str, Any]:
    from newsconvert.storage import storage_options_from

    return storage_options_from(options.storage_options.items())


def _run_parquet(source: str, out: str, options: Options, err: TextIO) -> int:
    """``--to parquet``: the article dataset, on a Dask cluster (local unless --scheduler)."""
    import time

    from newsconvert.dask import cluster_client, to_parquet

    started = time.perf_counter()
    with cluster_client(options.scheduler, options.jobs or default_jobs()):
        summary = to_parquet(
            source,
            out,
            include=options.include or DEFAULT_INCLUDE,
            exclude=options.exclude,
            options=options,
            storage_options=_storage_options(options),
        )
    for error in summary.errors:
        print(error, file=err)
    if not options.quiet:
        seconds = time.perf_counter() - started
        print(
            f"newsconvert build: {summary.rows} articles written, {len(summary.errors)} failed "
            f"in {seconds:.2f} s",
            file=err,
        )
    return 1 if summary.errors else 0


def main() -> int:
    """Entry point for ``python -m newsconvert.site.cli``."""
    return run(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
