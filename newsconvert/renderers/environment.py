"""The Jinja environments: where templates are found, how they are loaded, and their filters.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-renderers-environment`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator, MutableMapping
from types import TracebackType
from typing import Any

import jinja2

from newsconvert import formats
from newsconvert.errors import ConfigError, TemplateError
from newsconvert.formats import output_format, template_path
from newsconvert.renderers.metadata import dump_yaml


def _nonblank_lines(text: str) -> list[str]:
    """The lines of ``text`` that hold more than whitespace."""
    return [line for line in text.split("\n") if line.strip()]


def _filters(dialect: str | None = None, *, checked: bool = False) -> dict[str, Any]:
    """Every output format's escaping filters (a user's template may use any of them), and
    the shared ones; the Markdown ones escaping for ``dialect`` too, if given. With ``checked``,
    the filters an escaper offers for text known to hold no invalid character (its
    ``CHECKED_FILTERS``, see :attr:`newsconvert.tree.Article.characters_checked`) instead."""
    from newsconvert.escape.comment import FILTERS as comment_filters

    filters: dict[str, Any] = {"nonblank_lines": _nonblank_lines, "yaml": dump_yaml}
    filters.update(comment_filters)
    for fmt in formats.OUTPUT_FORMATS:  # read now: formats.register() may have added one
        escaper = fmt.load_escaper()
        if escaper is not None:
            filters.update(escaper.FILTERS)
            if checked:
                filters.update(getattr(escaper, "CHECKED_FILTERS", {}))
    if dialect is not None:
        from newsconvert.escape.markdown import dialect_filters

        filters.update(dialect_filters(dialect, checked=checked))
    return filters


_INCLUDE = re.compile(r'\{% include "([a-z]+/[a-z/]+\.[a-z]+(?:\.j2)?)" %\}\n?')
"""An include of a template by its literal name, with the line break that ends its line, if
any (which ``trim_blocks`` would drop after the tag)."""


class TemplateLoader(jinja2.FileSystemLoader):
    """The user's folders, then the built-in ones; a built-in template is loaded with the
    built-in templates it includes pasted in (block templates ``<format>/blocks/<type>.<ext>.j2``,
    ``html/timestamp.html.j2``, and the article template and stylesheet that standalone
    templates include).

    Each include makes a new template context, which costs more than the output of a block
    (included once per block) and a good part of a whole page's. Pasted in when the including
    template is loaded, they are compiled with it. Only built-in templates are pasted into
    built-in templates, and only where no user folder has a template of that name: a user's
    template is always loaded as it is and included, so an error in it is reported in its own
    file and line. A built-in template opens with a ``{#`` comment, never ``{#-``, which pasted
    would strip the line breaks before it.
    """

    def __init__(self, template_dirs: tuple[str, ...]) -> None:
        super().__init__(template_path(template_dirs))
        self.user_dirs = template_dirs

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if self._overridden(template):
            return source, filename, uptodate
        return self._paste(environment, source, (template,)), filename, uptodate

    def _paste(self, environment: jinja2.Environment, source: str, stack: tuple[str, ...]) -> str:
        def included(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in stack or self._overridden(name):
                return match.group(0)
            text = jinja2.FileSystemLoader.get_source(self, environment, name)[0]
            return self._paste(environment, text, (*stack, name))

        return _INCLUDE.sub(included, source)

    def _overridden(self, name: str) -> bool:
        return any(os.path.isfile(os.path.join(folder, name)) for folder in self.user_dirs)


class Environment(jinja2.Environment):
    """Jinja's environment, with each template's globals in a plain dictionary.

    Jinja merges a template's globals into every context it renders; kept, as by default, in a
    :class:`collections.ChainMap` over the environment's, they are read key by key through
    Python methods, twice per render (about 45,000 instructions, more than a block of output).
    The merged copy costs nothing to read, and nothing changes: our environments' globals are
    never modified once made, as Jinja asks of every environment whose templates are loaded.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}

    # The two ways of rendering, as methods too: a caller holding an environment reaches them
    # without a function-level import of this module (one costs ~8,000 instructions per call).

    def render_template(self, name: str, context: dict[str, Any]) -> str:
        """:func:`render_template` with this environment."""
        return render_template(self, name, context)

    def generate_template(self, name: str, context: dict[str, Any]) -> Iterator[str]:
        """:func:`generate_template` with this environment."""
        return generate_template(self, name, context)


def bytecode_cache(settings: dict[str, Any]) -> jinja2.BytecodeCache | None:
    """The on-disk cache of templates compiled with the environment ``settings``:
    ``$XDG_CACHE_HOME/newsconvert/templates/<digest>`` (or ``~/.cache/…``), one folder per
    digest of the settings and the versions of newsconvert and Jinja, since the compiled code
    depends on them too. ``NEWSCONVERT_CACHE=off`` turns it off. ``None`` when the folder cannot
    be made: templates are then compiled in every process, which is only slower."""
    if os.environ.get("NEWSCONVERT_CACHE", "").lower() in ("off", "0", "no"):
        return None
    from newsconvert import __version__

    described = sorted(
        (key, getattr(value, "__qualname__", value)) for key, value in settings.items()
    )
    key = f"{__version__} {jinja2.__version__} {described!r}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "newsconvert", "templates", digest)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(folder)


def make_environment(
    fmt: str,
    template_dirs: tuple[str, ...] = (),
    dialect: str | None = None,
    *,
    check_characters: bool = True,
) -> jinja2.Environment:
    """A new environment for format ``fmt`` with the user's ``template_dirs`` first; Markdown
    text escaped for ``dialect``'s engine too (see :mod:`newsconvert.escape.markdown`).

    ``check_characters`` keeps the format's ``finalize`` hook (HTML: invalid characters replaced
    in every printed value) and its escaping filters that replace them; it may be off only for
    trees whose text is known to be clean (see
    :attr:`newsconvert.tree.Article.characters_checked`): the escapers' ``CHECKED_FILTERS``,
    which skip that work, are used then. Raises :class:`ConfigError` for a
    template folder that does not exist.
    """
    output = output_format(fmt)
    for folder in template_dirs:
        if not os.path.isdir(folder):
            raise ConfigError(f"template folder not found: {folder}")
    finalize = getattr(output.load_escaper(), "finalize", None) if check_characters else None
    settings: dict[str, Any] = {
        "undefined": jinja2.StrictUndefined,
        "autoescape": output.autoescape,
        "finalize": finalize,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    env = Environment(
        loader=TemplateLoader(template_dirs),
        # The environment lives until newsconvert.renderers.reload_templates(): templates are
        # neither re-checked on disk nor evicted (there are a dozen per format).
        auto_reload=False,
        cache_size=-1,
        bytecode_cache=bytecode_cache(settings),
        **settings,
    )
    env.filters.update(_filters(dialect, checked=not check_characters))
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render the template ``name`` of ``env`` with ``context``; any failure becomes a
    :class:`TemplateError` naming the template file and line."""
    try:
        return env.get_template(name).render(context)
    except Exception as error:
        raise template_error(error) from None


def generate_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> Iterator[str]:
    """The output of template ``name`` of ``env`` with ``context``, piece by piece (for output
    streamed to a file); failures as in :func:`render_template`."""
    try:
        yield from env.get_template(name).generate(context)
    except Exception as error:
        raise template_error(error) from None


NONE_HINT = (
    "a part the article lacks is None: an untitled article's headline, a missing kicker, "
    "standfirst or published; test it with {% if headline %}, or use title_label"
)
"""Added to a template's error about an attribute of ``None``: the usual cause."""


def template_error(error: BaseException) -> TemplateError:
    """A one-line :class:`TemplateError` for ``error``, naming the template file and line."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where, line = error.filename or error.name, error.lineno
        message = error.message or "syntax error"
    else:
        where, line = None, None
        for frame_file, frame_line in _template_frames(error.__traceback__):
            where, line = frame_file, frame_line
        if isinstance(error, jinja2.TemplateNotFound):
            message = f"template not found: {error.name}"
        elif isinstance(error, jinja2.TemplateError):
            message = error.message or type(error).__name__
            if isinstance(error, jinja2.UndefinedError) and message.startswith("'None' has"):
                message += f" ({NONE_HINT})"
        else:
            message = f"{type(error).__name__}: {error}"
    return TemplateError(message, source=where or "<template>", line=line)


def _template_frames(tb: TracebackType | None) -> Iterator[tuple[str, int]]:
    """(file, line) of each traceback frame that runs template code (Jinja rewrites those
    frames to point at the template's own file and line)."""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith((".py", ".pyx")) and "<" not in filename:
            yield filename, tb.tb_lineno
        tb = tb.tb_next
