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
    :func:`~newsconvert.renderers.context.dateline_paragraph`), ``## heading`` per section,
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

import os
from collections.abc import Callable, Iterable
from os import PathLike
from types import ModuleType
from typing import Any

from newsconvert.formats import OUTPUT_FORMATS, output_format
from newsconvert.tree import Article

__all__ = ["UnknownBlockTypeError", "render"]


class UnknownBlockTypeError(TypeError):
    """A block in the tree is of a type no renderer knows: a programming error, not bad input.

    A :class:`TypeError` (not a :class:`~newsconvert.errors.NewsconvertError`) on purpose: the
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
            "needs an entry in newsconvert.renderers.context.BLOCK_TYPES, a template per format "
            "and a JSON mapping)"
        )


_templating: tuple[ModuleType, Callable[..., dict[str, Any]]] | None = None
"""The environment module and build_context, imported on the first templated render (they
load Jinja, which JSON output never needs) and kept here: an import statement in
:func:`render` costs about 0.5 us on every call."""


def _load_templating() -> tuple[ModuleType, Callable[..., dict[str, Any]]]:
    global _templating
    from newsconvert.renderers import environment
    from newsconvert.renderers.context import build_context

    _templating = (environment, build_context)
    return _templating


def render(
    article: Article,
    to: str,
    *,
    standalone: bool = False,
    template_dirs: Iterable[str | PathLike[str]] = (),
    keep_chrome: bool = False,
    lang: str = "en",
    site: str | None = None,
    home: str | None = None,
) -> str:
    """Render ``article`` as ``to`` (``md``, ``html``, ``rst`` or ``json``, or an alias).

    ``standalone`` gives a whole document; ``template_dirs`` are searched for templates before
    the built-in ones; ``keep_chrome`` also renders chrome and duplicate asides; ``lang`` is the
    document language. ``site`` (Markdown only: a generator's name, see
    :data:`newsconvert.escape.markdown.DIALECTS`) gives the body of that generator's post: what
    its front matter carries is left out (see ``templates/md/article.md.j2``) and text is
    escaped for its Markdown engine. ``home`` (standalone HTML: the URL of the site's index,
    relative to the page) adds a link back to it. Raises :class:`ConfigError` for an unknown
    format or a missing template folder, :class:`TemplateError` (naming the template file and
    line) when a template fails, and :class:`UnknownBlockTypeError` (a :class:`TypeError`) for a
    block type no renderer knows (never silently dropped). The
    text ends with exactly one line break.
    """
    fmt = output_format(to)
    writer = fmt.load_writer()
    if writer is not None:
        return writer(article).rstrip("\n") + "\n"
    environments, build_context = _templating or _load_templating()
    dirs = tuple(os.fspath(folder) for folder in template_dirs)
    markdown = fmt.name == "md"
    env = environments.environment(fmt.name, dirs, site if markdown else None)
    context = build_context(
        article, fmt.name, standalone=standalone, keep_chrome=keep_chrome, lang=lang
    )
    context["site"] = site if markdown else None
    context["home"] = home
    for other in OUTPUT_FORMATS:
        if other.standalone_metadata is not None:
            context[other.standalone_metadata] = None
    if standalone and fmt.standalone_metadata is not None:
        from newsconvert.renderers import metadata

        context[fmt.standalone_metadata] = getattr(metadata, fmt.standalone_metadata)(context)
    text: str = environments.render_template(env, fmt.template(standalone), context)
    # Every output ends with exactly one line break, whatever the templates leave.
    return text.rstrip("\n") + "\n"
