"""The Sphinx extension: ``extensions = ["newsconvert.sphinx"]`` in ``conf.py``.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-integrations-sphinx`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import newsconvert
from newsconvert.errors import NewsconvertError
from newsconvert.formats import output_format
from newsconvert.integrations.doctree import DoctreeBuilder, Placement, news_time
from newsconvert.integrations.docutils_parser import Parser as DocutilsNewsParser
from newsconvert.integrations.docutils_parser import article_from_text
from newsconvert.options import (
    Options,
    fields_for,
    from_settings,
    setting_name,
    sphinx_config_values,
)
from newsconvert.renderers import RenderOptions
from newsconvert.renderers import render as render_article
from newsconvert.source import read_source
from newsconvert.tree import Article

logger = logging.getLogger(__name__)

WARNING_TYPE = "newsconvert"
"""The ``type`` of every warning this extension logs (``suppress_warnings`` matches it)."""


FILETYPE = "newsconvert"
"""The Sphinx file type of article sources (``source_suffix`` maps suffixes to it)."""


# --- the <time> node in every builder ------------------------------------------------------


def visit_time_html(translator: Any, node: news_time) -> None:
    """``<time datetime="…">`` when the time is known, else a plain ``<span>``."""
    if node.get("datetime"):
        translator.body.append(translator.starttag(node, "time", "", datetime=node["datetime"]))
    else:
        translator.body.append(translator.starttag(node, "span", ""))


def depart_time_html(translator: Any, node: news_time) -> None:
    """Close what :func:`visit_time_html` opened."""
    translator.body.append("</time>" if node.get("datetime") else "</span>")


def visit_as_text(translator: Any, node: nodes.Node) -> None:
    """Outside HTML a timestamp is its text: the translator writes the children as usual."""


def depart_as_text(translator: Any, node: nodes.Node) -> None:
    """Nothing to close; see :func:`visit_as_text`."""


# --- reading articles ----------------------------------------------------------------------


class ArticleProblem(Exception):
    """An article could not be placed; ``subtype`` says why (for ``suppress_warnings``)."""

    def __init__(self, subtype: str, message: str) -> None:
        super().__init__(message)
        self.subtype = subtype
        self.message = message


def read_article_file(
    path: Path, *, encoding: str | None, zones: Mapping[str, str]
) -> tuple[Article, tuple[str, ...]]:
    """Read, decode and parse the article at ``path`` (format inferred from the suffix).

    Returns the article and what decoding noticed and handled (a guessed encoding, removed
    control characters), one ``file:line: message`` each. Raises :class:`ArticleProblem` with a
    one-line message naming the file.
    """
    try:
        source = read_source(path, encoding=encoding)
        article = article_from_text(source.text, source=source.name, zones=zones)
    except NewsconvertError as error:
        subtype = "read" if isinstance(error, newsconvert.InputError) else "parse"
        raise ArticleProblem(subtype, str(error.located(str(path)))) from None
    except Exception as error:
        raise internal_problem(path, error) from error
    return article, source.warnings


def internal_problem(path: object, error: Exception) -> ArticleProblem:
    """A bug in newsconvert met on ``path``: one warning (traceback at ``-v``), not a crash.

    A docs build holds many pages; one article that trips a bug should not stop the others.
    """
    logger.debug("newsconvert failed on %s", path, exc_info=error)
    return ArticleProblem(
        "internal",
        f"{path}: newsconvert failed ({type(error).__name__}: {error}); please report this",
    )


def log_diagnostics(article: Article, location: Any = None, *, docname: str | None = None) -> None:
    """Log what the parser noticed (an unknown zone, a guess) as ``newsconvert.diagnostic``.

    For an article page (``docname``) each warning points at the article's own line; for an
    included article it points at the directive, and the message names the article's line.
    """
    for diagnostic in article.diagnostics:
        if docname is not None:
            where, message_location = "", (docname, diagnostic.line or 1)
        else:
            where = f"{article.source}:{diagnostic.line}: " if article.source else ""
            message_location = location
        logger.warning(
            "%s%s [%s]",
            where,
            diagnostic.message,
            diagnostic.code,
            location=message_location,
            type=WARNING_TYPE,
            subtype="diagnostic",
        )


def _protect(roots: list[nodes.Element]) -> list[nodes.Element]:
    """Keep Sphinx's smart-quotes transform away from article text: it is data, kept as written."""
    for root in roots:
        root["support_smartquotes"] = False
    return roots


# --- the source parser ---------------------------------------------------------------------


class NewsSourceParser(DocutilsNewsParser):
    """Parses article files into Sphinx documents: the headline titles the page."""

    supported = (FILETYPE,)
    """The file type ``source_suffix`` maps article suffixes to."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Fill ``document``: a docinfo of page metadata, then one section for the article."""
        self.setup_parse(inputstring, document)
        env = document.settings.env
        options = config_options(env.config)
        docname = env.docname
        source_path = str(env.doc2path(docname))
        try:
            article = article_from_text(inputstring, source=source_path, zones=options.zones)
        except NewsconvertError as error:
            logger.warning(
                "%s",
                error.message,
                location=(docname, error.line or 1),
                type=WARNING_TYPE,
                subtype="parse",
            )
            self._fallback(document, docname, inputstring)
        except Exception as error:
            problem = internal_problem(source_path, error)
            logger.warning(
                "%s", problem.message, location=(docname, 1), type=WARNING_TYPE, subtype="internal"
            )
            self._fallback(document, docname, inputstring)
        else:
            log_diagnostics(article, docname=docname)
            builder = DoctreeBuilder(document, options, Placement(time_node=news_time))
            document.extend(builder.meta_tags(article))
            document.extend(_protect([builder.metadata_docinfo(article)]))
            document.extend(_protect(builder.article(article)))
        self.finish_parse()

    @staticmethod
    def _fallback(document: nodes.document, docname: str, text: str) -> None:
        """A page for text that holds no article: its name as title, the text kept verbatim."""
        title = Path(docname).name
        section = nodes.section(ids=[nodes.make_id(title) or "article"], names=[title])
        section += nodes.title(title, title)
        section += nodes.literal_block(text, text, language="text")
        document += _protect([section])[0]


# --- the directive -------------------------------------------------------------------------


def _format_option(argument: str | None) -> str:
    """The ``:format:`` option's value: an output format's name or alias."""
    try:
        return output_format(argument or "").name
    except NewsconvertError as error:
        raise ValueError(error.message) from None


class NewsArticleDirective(SphinxDirective):
    """``.. news-article:: path`` places the article file at ``path`` in the page.

    The path is relative to the page, or to the source folder when it starts with ``/`` (as
    for Sphinx's own ``include``); it must lie inside the source folder. Options:
    ``:heading-offset:``, ``:no-header:``, ``:encoding:``, ``:keep-chrome:``; and
    ``:format: md|html|rst|json`` (with ``:standalone:``) to show the article converted by the
    templates, as a literal block, instead of placing it.
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "heading-offset": directives.nonnegative_int,
        "no-header": directives.flag,
        "encoding": directives.encoding,
        "keep-chrome": directives.flag,
        "format": _format_option,
        "standalone": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        """Read and parse the file; on any problem log one warning and place nothing."""
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        # Recorded before reading, so a missing file that appears later rebuilds the page.
        self.env.note_dependency(relative)
        try:
            path = self._checked_path(Path(absolute))
            article, decoding_notes = read_article_file(
                path,
                encoding=self.options.get("encoding"),
                zones=config_options(self.config).zones,
            )
        except ArticleProblem as problem:
            logger.warning(
                "%s",
                problem.message,
                location=self.get_location(),
                type=WARNING_TYPE,
                subtype=problem.subtype,
            )
            return []
        for note in decoding_notes:
            logger.warning(
                "%s",
                note,
                location=self.get_location(),
                type=WARNING_TYPE,
                subtype="diagnostic",
            )
        log_diagnostics(article, self.get_location())
        if "format" in self.options:
            return self._rendered(article)
        settings = config_options(self.config)
        if "keep-chrome" in self.options:
            settings = replace(settings, keep_chrome=True)
        placement = Placement(
            heading_offset=self.options.get("heading-offset", 0),
            include_header="no-header" not in self.options,
            sections_allowed=isinstance(self.state.parent, (nodes.section, nodes.document)),
            time_node=news_time,
        )
        roots = DoctreeBuilder(self.state.document, settings, placement).article(article)
        for root in roots:
            for node in root.findall(nodes.Element):
                node.source = str(path)
        return list(_protect(roots))

    def _rendered(self, article: Article) -> list[nodes.Node]:
        """The article rendered through the templates, shown as a literal block of source.

        This is what ``newsconvert -t FORMAT`` writes, with ``newsconvert_template_dirs``
        overriding the built-in templates; the templates are dependencies of the page.
        """
        fmt = self.options["format"]
        settings = config_options(self.config)
        template_dirs = settings.template_dirs
        for folder in template_dirs:
            for template in sorted(Path(folder).rglob("*")):
                if template.is_file():
                    self.env.note_dependency(str(template))
        try:
            output = render_article(
                article,
                fmt,
                RenderOptions.of(
                    settings,
                    standalone="standalone" in self.options,
                    keep_chrome="keep-chrome" in self.options or settings.keep_chrome,
                ),
            )
        except NewsconvertError as error:
            logger.warning(
                "%s", error, location=self.get_location(), type=WARNING_TYPE, subtype="render"
            )
            return []
        except Exception as error:
            problem = internal_problem(self.arguments[0], error)
            logger.warning(
                "%s",
                problem.message,
                location=self.get_location(),
                type=WARNING_TYPE,
                subtype="internal",
            )
            return []
        literal = nodes.literal_block(output, output, classes=[f"newsconvert-{fmt}"])
        literal["language"] = output_format(fmt).highlight
        self.set_source_info(literal)
        return [literal]

    def _checked_path(self, path: Path) -> Path:
        """``path`` if it is an existing file inside the source folder and not this page."""
        srcdir = Path(self.env.srcdir).resolve()
        resolved = path.resolve()
        if resolved == Path(self.env.doc2path(self.env.docname)).resolve():
            raise ArticleProblem("self", f"{self.arguments[0]}: a page cannot include itself")
        if not resolved.is_relative_to(srcdir):
            raise ArticleProblem(
                "outside", f"{self.arguments[0]}: outside the source folder {srcdir}"
            )
        if not resolved.is_file():
            raise ArticleProblem("missing", f"{self.arguments[0]}: no such article file")
        return resolved


# --- configuration -------------------------------------------------------------------------


def check_config(app: Sphinx, config: Config) -> None:
    """Check the ``newsconvert_*`` values and register the article suffixes.

    Raises Sphinx's ``ConfigError`` with a message naming the value and what is wrong. The
    checked values replace the given ones (template folders made absolute), so that
    :func:`config_options` can read them as they are.
    """
    try:
        options = from_settings("sphinx", lambda name: getattr(config, name))
    except NewsconvertError as error:
        raise ConfigError(error.message) from None
    folders = []
    for entry in options.template_dirs:
        folder = Path(app.confdir) / entry
        if not folder.is_dir():
            name = setting_name("template_dirs", "sphinx")
            raise ConfigError(f"{name}: {folder} is not a folder")
        folders.append(str(folder))
    options = replace(options, template_dirs=tuple(folders))
    for spec, _ in fields_for("sphinx"):
        value = getattr(options, spec.name)
        setattr(
            config,
            setting_name(spec.name, "sphinx"),
            list(value) if isinstance(value, tuple) else value,
        )
    # Sphinx merges registered suffixes into ``config.source_suffix`` in place; when that is
    # still Sphinx's default dict, shared by every app in the process, our suffixes would leak
    # into later builds (tests, sphinx-autobuild). Give this app its own copy first.
    if isinstance(config.source_suffix, dict):
        config.source_suffix = dict(config.source_suffix)
    for suffix in options.suffixes:
        if suffix not in app.registry.source_suffix:
            app.add_source_suffix(suffix, FILETYPE)


def config_options(config: Config) -> Options:
    """The options a project's ``conf.py`` set (after :func:`check_config`)."""
    return from_settings("sphinx", lambda name: getattr(config, name), checked=True)


STATIC_DIR = Path(__file__).resolve().parent / "sphinx_static"
"""Where the extension's stylesheet lives (shipped inside the package)."""


def add_stylesheet(app: Sphinx) -> None:
    """Give HTML builders (html, dirhtml, singlehtml, epub) a small stylesheet for articles."""
    if app.builder.format != "html":
        return
    if str(STATIC_DIR) not in map(str, app.config.html_static_path):
        app.config.html_static_path.append(str(STATIC_DIR))
    app.add_css_file("newsconvert.css")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the parser, the directive, the time node and the config values."""
    for name, default, rebuild, types in sphinx_config_values():
        app.add_config_value(name, default, rebuild, types=types)
    app.connect("config-inited", check_config)
    app.connect("builder-inited", add_stylesheet)
    app.add_source_parser(NewsSourceParser)
    app.add_directive("news-article", NewsArticleDirective)
    as_text = (visit_as_text, depart_as_text)
    app.add_node(
        news_time,
        html=(visit_time_html, depart_time_html),
        latex=as_text,
        text=as_text,
        man=as_text,
        texinfo=as_text,
    )
    return {
        "version": newsconvert.__version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
