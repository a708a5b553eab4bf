"""Rendering an article tree as Markdown, HTML, reStructuredText or JSON.

:func:`render` is the one entry point (:func:`newsconvert.render` delegates to it). Markdown,
HTML and reST go through Jinja templates (``templates/<format>/``, overridable with
``template_dirs``); JSON is the tree itself (:mod:`newsconvert.renderers.json`).

What each format looks like, so that a reader can take it back into the same tree
(:mod:`newsconvert.readers`) and a person can read it:

Markdown (CommonMark)
    The kicker, if any, is a paragraph before the ``# headline``. After the headline: the
    standfirst as a paragraph in ``*…*``, then one plain paragraph per timestamp (published,
    then each update) and per byline, each holding its text exactly, then a thematic break
    ``* * *`` (always, even under an empty header: without it a reader could not tell our layout
    from a person's Markdown, whose opening paragraphs it reads by their words). Then the body:
    paragraphs (the dateline in ``**…**`` opening the paragraph it opened in the source, or
    alone in a paragraph of its own before the body when the body starts with another block: see
    :func:`~newsconvert.facts.dateline_paragraph`), ``## heading`` per section,
    block quotes ``> …`` holding the paragraph's whole text with the attribution in ``*…*``,
    bullet lists (``-``, or ``*`` for a list right after another list), fenced code blocks for
    preformatted text, and for an embedded post a ``<!-- embed -->`` comment line followed by a
    block quote with one paragraph per line of the post; an aside is a ``<!-- aside KIND -->``
    comment line followed by its paragraph. Credits come last, after another ``* * *``, one
    paragraph each. Standalone adds YAML front matter
    (:func:`newsconvert.renderers.metadata.front_matter`).

HTML (semantic HTML5)
    ``<article>`` holding a ``<header>`` (``<p class="kicker">``, ``<h1>``,
    ``<p class="standfirst">``, ``<p class="published">``/``<p class="updated">`` with the text
    in ``<time datetime="…">`` when it resolved, ``<p class="byline">``), one ``<section>`` per
    section (``<h2>`` heading), and a ``<footer>`` of ``<p class="credit">``. The dateline is a
    ``<span class="dateline">`` opening its paragraph, or alone in a ``<p>`` before the
    sections, as in Markdown. A blockquote is a ``<figure
    class="quote">``: ``<blockquote><p>`` holds the quotation part of the text and
    ``<figcaption>`` the attribution part (first when the attribution comes first, and only
    when exactly one space separates them; otherwise the whole text is in the quote); the two
    concatenated in document order are the text. Lists are ``<ul data-marker="…">`` (the
    source's marker), preformatted text ``<pre>``, an embed ``<blockquote class="embed">`` with
    one ``<p>`` per line, a caption ``<p class="caption">``, other asides
    ``<aside class="KIND">``. Standalone is a whole page with a stylesheet and schema.org
    JSON-LD.

reStructuredText
    The headline is the document title (``=`` over- and underline), followed by a field list
    that docutils turns into docinfo: ``:Kicker:``, ``:Published:``, ``:Updated:`` (one field per
    update), ``:Author:`` (one byline) or ``:Authors:`` (a bullet list, one byline text per item),
    ``:Dateline:``. Then ``.. container:: standfirst``, the body (sections underlined with
    ``-``; the dateline in ``**…**`` placed as in Markdown; block quotes indented, with
    ``-- attribution`` when the attribution comes after the quotation, one space apart, and
    otherwise the whole text with the attribution in ``*…*``; bullet lists (``-``, with an
    empty comment ``..`` between two adjacent lists, and before a block quote that follows
    anything but a paragraph or title); ``::`` literal blocks; ``.. container:: embed``
    holding a line block; ``.. container:: aside KIND``), and
    ``.. container:: credits``. Standalone adds a ``.. meta::`` block. The output parses with
    docutils without a single system message. There is no ``.. epigraph::``: a quotation in a
    news story is not an epigraph. A document whose only body is one headed section gets that
    heading as docutils' subtitle (docutils' DocTitle transform); readers treat it as the
    section heading. Running text is hard-wrapped at 78 columns (docutils refuses lines over
    10,000 characters): a line break stands for one space, and a word too long for a line is
    cut with escaped line breaks, which docutils removes. A headline too long for a title line
    is shortened there (ending in `` …``) and given whole in a ``:Headline:`` field first in the
    field list; a section heading too long, in a paragraph right after its shortened title.

Every format leaves out asides of the kinds in :data:`newsconvert.tree.HIDDEN_ASIDES` unless
``keep_chrome`` is set, except JSON, which always holds the whole tree.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO, cast

from newsconvert import formats
from newsconvert.errors import UnknownBlockTypeError
from newsconvert.formats import output_format
from newsconvert.tree import Article

if TYPE_CHECKING:
    from newsconvert.options import Options

__all__ = [
    "RenderOptions",
    "UnknownBlockTypeError",
    "reload_templates",
    "render",
    "render_formats",
    "render_to",
    "template_environment",
]


_environments: dict[tuple[str, tuple[str, ...], str | None, bool], Any] = {}


def template_environment(
    fmt: str,
    template_dirs: tuple[str, ...] = (),
    dialect: str | None = None,
    *,
    check_characters: bool = True,
) -> Any:
    """The Jinja environment of ``fmt`` with ``template_dirs`` before the built-in templates:
    made on first use (:func:`newsconvert.renderers.environment.make_environment`) and kept,
    with its compiled templates, until :func:`reload_templates`."""
    key = (fmt, template_dirs, dialect, check_characters)
    env = _environments.get(key)
    if env is None:
        from newsconvert.renderers.environment import make_environment

        env = _environments[key] = make_environment(
            fmt, template_dirs, dialect, check_characters=check_characters
        )
    return env


def reload_templates() -> None:
    """Forget the templates compiled in this process, so that the next render reads them from
    disk again (a site build does, having fingerprinted them as they are now)."""
    _environments.clear()


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How :func:`render`, :func:`render_to` and :func:`render_formats` render an article.

    Those functions also take these fields as keywords (``render(a, "html", standalone=True)``),
    which change ``options`` (the defaults when it is not given).
    """

    standalone: bool = False
    """A whole document (front matter, a full HTML page, a reST document title), not a
    fragment."""
    template_dirs: tuple[str, ...] = ()
    """Folders searched for templates before the built-in ones (paths are accepted too)."""
    keep_chrome: bool = False
    """Also render asides of the kinds in :data:`newsconvert.tree.HIDDEN_ASIDES`."""
    lang: str = "en"
    """The document language."""
    site: str | None = None
    """Markdown only: a site generator's name (see :data:`newsconvert.escape.markdown.DIALECTS`).
    Gives the body of that generator's post: what its front matter carries is left out (see
    ``templates/md/article.md.j2``) and text is escaped for its Markdown engine."""
    home: str | None = None
    """Standalone HTML: the URL of the site's index, relative to the page, for a link back."""

    def __post_init__(self) -> None:
        dirs = self.template_dirs
        if not isinstance(dirs, tuple) or not all(type(folder) is str for folder in dirs):
            folders = tuple(os.fspath(folder) for folder in cast(Iterable[Any], dirs))
            object.__setattr__(self, "template_dirs", folders)

    @classmethod
    def of(cls, options: Options | None = None, **changes: Any) -> RenderOptions:
        """The rendering part of the one options model (:class:`newsconvert.options.Options`),
        or the defaults; ``changes`` are fields of this class."""
        if options is None:
            return cls(**changes) if changes else _DEFAULT
        fields: dict[str, Any] = {
            "standalone": options.standalone,
            "template_dirs": options.template_dirs,
            "keep_chrome": options.keep_chrome,
            "lang": options.lang,
        }
        fields.update(changes)
        return cls(**fields)


_DEFAULT = RenderOptions()


def _options(options: RenderOptions | None, changes: dict[str, Any]) -> RenderOptions:
    if options is None:
        return RenderOptions(**changes) if changes else _DEFAULT
    return replace(options, **changes) if changes else options


def _template_call(
    article: Article,
    to: str,
    options: RenderOptions,
    shared: dict[str, Any] | None = None,
) -> tuple[Any, str, dict[str, Any]] | Callable[[Article, TextIO], None]:
    """The environment, template name and context that render ``article`` as ``to``; or, for
    a format written without templates (JSON), its writing function."""
    from newsconvert.renderers.context import build_context

    fmt = output_format(to)
    writer = fmt.load_writer()
    if writer is not None:
        return writer
    markdown = fmt.name == "md"
    site = options.site if markdown else None
    env = template_environment(
        fmt.name,
        options.template_dirs,
        site,
        check_characters=not article.characters_checked,
    )
    context = build_context(
        article,
        fmt.name,
        standalone=options.standalone,
        keep_chrome=options.keep_chrome,
        lang=options.lang,
        shared=shared,
    )
    context["site"] = site
    context["home"] = options.home
    for other in formats.OUTPUT_FORMATS:  # read now: formats.register() may have added one
        if other.standalone_metadata is not None:
            context[other.standalone_metadata] = None
    if options.standalone and fmt.standalone_metadata is not None:
        from newsconvert.renderers import metadata

        context[fmt.standalone_metadata] = getattr(metadata, fmt.standalone_metadata)(context)
    return env, fmt.template(options.standalone), context


def _text(article: Article, call: tuple[Any, str, dict[str, Any]] | Callable[..., None]) -> str:
    """The text of a :func:`_template_call`, ending with exactly one line break."""
    if callable(call):
        buffer = io.StringIO()
        call(article, buffer)
        text = buffer.getvalue()
    else:
        from newsconvert.renderers.environment import render_template

        text = render_template(*call)
    # Every output ends with exactly one line break, whatever the templates leave.
    return text.rstrip("\n") + "\n"


def render(article: Article, to: str, options: RenderOptions | None = None, **changes: Any) -> str:
    """Render ``article`` as ``to`` (``md``, ``html``, ``rst`` or ``json``, or an alias), as
    ``options`` (a :class:`RenderOptions`) says, with ``changes`` to its fields as keywords.

    Raises :class:`ConfigError` for an unknown format or a missing template folder,
    :class:`TemplateError` (naming the template file and line) when a template fails, and
    :class:`UnknownBlockTypeError` (a :class:`TypeError`) for a block type no renderer knows
    (never silently dropped). The text ends with exactly one line break.
    """
    return _text(article, _template_call(article, to, _options(options, changes)))


def render_formats(
    article: Article,
    formats: Iterable[str],
    options: RenderOptions | None = None,
    **changes: Any,
) -> dict[str, str]:
    """``article`` rendered as each of ``formats`` (names as :func:`render` takes them; the keys
    are the formats' names), the article's part of the template context computed once."""
    from newsconvert.renderers.context import article_context

    chosen = _options(options, changes)
    shared = article_context(article, keep_chrome=chosen.keep_chrome)
    return {
        output_format(name).name: _text(article, _template_call(article, name, chosen, shared))
        for name in formats
    }


def render_to(
    stream: TextIO,
    article: Article,
    to: str,
    options: RenderOptions | None = None,
    **changes: Any,
) -> None:
    """Write what :func:`render` returns to ``stream`` piece by piece, without holding the
    whole text: for big articles, whose output would otherwise sit in memory twice."""
    call = _template_call(article, to, _options(options, changes))
    if callable(call):
        call(article, stream)  # a writer's text has no final line break
        stream.write("\n")
        return
    from newsconvert.renderers.environment import generate_template

    newlines = 0  # line breaks held back: the output ends with exactly one
    for piece in generate_template(*call):
        body = piece.rstrip("\n")
        if body:
            stream.write("\n" * newlines)
            stream.write(body)
            newlines = len(piece) - len(body)
        else:
            newlines += len(piece)
    stream.write("\n")
