"""Rendering an article tree as Markdown, HTML, reStructuredText or JSON.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-renderers`).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO, cast

from newsconvert import formats
from newsconvert.errors import UnknownBlockTypeError
from newsconvert.formats import output_format
from newsconvert.gcpause import without_gc
from newsconvert.records import Record, record, set_field
from newsconvert.renderers import metadata
from newsconvert.renderers.context import article_context, build_context
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


@record()
class RenderOptions(Record):
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
    """Show asides of the kinds in :data:`newsconvert.tree.HIDDEN_ASIDES` like other asides (by
    default they are kept out of sight: a hidden element, a comment)."""
    drop_chrome: bool = False
    """Leave those asides out instead."""
    lang: str = "en"
    """The document language."""
    site: str | None = None
    """Markdown only: a site generator's name (see :data:`newsconvert.escape.markdown.DIALECTS`).
    Gives the body of that generator's post: what its front matter carries is left out (see
    ``templates/md/article.md.j2``) and text is escaped for its Markdown engine."""
    home: str | None = None
    """Standalone HTML: the URL of the site's index, relative to the page, for a link back."""

    def __init__(
        self,
        standalone: bool = False,
        template_dirs: tuple[str, ...] = (),
        keep_chrome: bool = False,
        drop_chrome: bool = False,
        lang: str = "en",
        site: str | None = None,
        home: str | None = None,
    ) -> None:
        # Written out (see newsconvert.records): a site build makes one per article.
        if type(template_dirs) is not tuple or (
            template_dirs and not all(type(folder) is str for folder in template_dirs)
        ):
            folders = cast(Iterable[Any], template_dirs)
            template_dirs = tuple(os.fspath(folder) for folder in folders)
        set_field(self, "standalone", standalone)
        set_field(self, "template_dirs", template_dirs)
        set_field(self, "keep_chrome", keep_chrome)
        set_field(self, "drop_chrome", drop_chrome)
        set_field(self, "lang", lang)
        set_field(self, "site", site)
        set_field(self, "home", home)

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
            "drop_chrome": options.drop_chrome,
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
        drop_chrome=options.drop_chrome,
        lang=options.lang,
        shared=shared,
    )
    context["site"] = site
    context["home"] = options.home
    for other in formats.OUTPUT_FORMATS:  # read now: formats.register() may have added one
        if other.standalone_metadata is not None:
            context[other.standalone_metadata] = None
    if options.standalone and fmt.standalone_metadata is not None:
        context[fmt.standalone_metadata] = getattr(metadata, fmt.standalone_metadata)(context)
    return env, fmt.template(options.standalone), context


def _text(article: Article, call: tuple[Any, str, dict[str, Any]] | Callable[..., None]) -> str:
    """The text of a :func:`_template_call`, ending with exactly one line break."""
    if callable(call):
        buffer = io.StringIO()
        call(article, buffer)
        text = buffer.getvalue()
    else:
        env, name, context = call
        text = env.render_template(name, context)
    # Every output ends with exactly one line break, whatever the templates leave.
    return text.rstrip("\n") + "\n"


@without_gc  # see newsconvert.gcpause
def render(article: Article, to: str, options: RenderOptions | None = None, **changes: Any) -> str:
    """Render ``article`` as ``to`` (``md``, ``html``, ``rst`` or ``json``, or an alias), as
    ``options`` (a :class:`RenderOptions`) says, with ``changes`` to its fields as keywords.

    Raises :class:`ConfigError` for an unknown format or a missing template folder,
    :class:`TemplateError` (naming the template file and line) when a template fails, and
    :class:`UnknownBlockTypeError` (a :class:`TypeError`) for a block type no renderer knows
    (never silently dropped). The text ends with exactly one line break.
    """
    return _text(article, _template_call(article, to, _options(options, changes)))


@without_gc
def render_formats(
    article: Article,
    formats: Iterable[str],
    options: RenderOptions | None = None,
    **changes: Any,
) -> dict[str, str]:
    """``article`` rendered as each of ``formats`` (names as :func:`render` takes them; the keys
    are the formats' names), the article's part of the template context computed once."""
    chosen = _options(options, changes)
    shared = article_context(
        article, keep_chrome=chosen.keep_chrome, drop_chrome=chosen.drop_chrome
    )
    return {
        output_format(name).name: _text(article, _template_call(article, name, chosen, shared))
        for name in formats
    }


@without_gc
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
    env, name, context = call
    newlines = 0  # line breaks held back: the output ends with exactly one
    for piece in env.generate_template(name, context):
        body = piece.rstrip("\n")
        if body:
            stream.write("\n" * newlines)
            stream.write(body)
            newlines = len(piece) - len(body)
        else:
            newlines += len(piece)
    stream.write("\n")
