"""The Jinja environments: where templates are found, how they are loaded, and their filters.

Loading order is a :class:`jinja2.ChoiceLoader`: each user template folder first, in the order
given, then the built-in ``templates/``. A user overrides any template, or the rendering of one
block type, by dropping a file of the same name in a folder of their own. Block templates are
ordinary ``{% include %}`` targets: they see the article template's context and loop variables.

Templates are compiled once per process (environments are kept by
:func:`newsconvert.renderers.template_environment`) and once per machine: the compiled code is
kept in a bytecode cache under the user's cache folder, keyed by each template's name and checked
against its content, so an edited template is recompiled and an unchanged one never is.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2

from newsconvert.errors import ConfigError, TemplateError
from newsconvert.escape import markdown as md_escape
from newsconvert.escape import rst as rst_escape
from newsconvert.escape.html import clean_text, script_json
from newsconvert.renderers.metadata import dump_yaml


def templates_dir(package: Path | None = None) -> Path:
    """The folder of built-in templates.

    In an installed wheel it is ``newsconvert/templates`` (pyproject force-includes the
    repository's ``templates/`` there); in a source or editable checkout it is ``templates/``
    beside the package. The packaged location wins when both exist. ``package`` is the
    ``newsconvert`` package folder (this installation's by default). Raises
    :class:`ConfigError` when neither holds the templates.
    """
    if package is None:
        package = Path(__file__).resolve().parent.parent
    candidates = (package / "templates", package.parent / "templates")
    for candidate in candidates:
        if (candidate / "md" / "article.md.j2").is_file():
            return candidate
    looked = " and ".join(str(c) for c in candidates)
    raise ConfigError(f"the built-in templates are missing (looked in {looked})")


def _nonblank_lines(text: str) -> list[str]:
    """The lines of ``text`` that hold more than whitespace."""
    return [line for line in text.split("\n") if line.strip()]


def _filters() -> dict[str, Any]:
    return {
        "md": md_escape.escape_markdown,
        "md_emphasize": lambda text, span: (
            md_escape.emphasize(text, *span) if span else md_escape.escape_markdown(text)
        ),
        "md_lines": md_escape.escape_lines,
        "md_fence": md_escape.code_fence,
        "rst": rst_escape.escape_rst,
        "rst_emphasize": lambda text, span: (
            rst_escape.emphasize(text, *span) if span else rst_escape.escape_rst(text)
        ),
        "rst_title": rst_escape.title,
        "rst_title_overflow": rst_escape.title_overflow,
        "rst_wrap": rst_escape.wrap,
        "rst_literal": rst_escape.literal_block,
        "rst_line_block": rst_escape.line_block,
        "nonblank_lines": _nonblank_lines,
        "yaml": dump_yaml,
        "script_json": script_json,
    }


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
    fmt: str, template_dirs: tuple[str, ...] = (), *, check_characters: bool = True
) -> jinja2.Environment:
    """A new environment for format ``fmt`` with the user's ``template_dirs`` first.

    ``check_characters`` (HTML only) replaces invalid characters in every printed value; it may
    be off only for trees whose text is known to be clean (see
    :attr:`newsconvert.tree.Article.characters_checked`). Raises :class:`ConfigError` for a
    template folder that does not exist.
    """
    for folder in template_dirs:
        if not os.path.isdir(folder):
            raise ConfigError(f"template folder not found: {folder}")
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(d) for d in template_dirs]
    loaders.append(jinja2.FileSystemLoader(templates_dir()))
    settings: dict[str, Any] = {
        "undefined": jinja2.StrictUndefined,
        "autoescape": fmt == "html",
        "finalize": clean_text if fmt == "html" and check_characters else None,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        # The environment lives until newsconvert.renderers.reload_templates(): templates are
        # neither re-checked on disk nor evicted (there are a dozen per format).
        auto_reload=False,
        cache_size=-1,
        bytecode_cache=bytecode_cache(settings),
        **settings,
    )
    env.filters.update(_filters())
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render the template ``name`` of ``env`` with ``context``; any failure becomes a
    :class:`TemplateError` naming the template file and line."""
    return "".join(generate_template(env, name, context))


def generate_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> Iterator[str]:
    """The output of template ``name`` of ``env`` with ``context``, piece by piece (for output
    streamed to a file); failures as in :func:`render_template`."""
    try:
        yield from env.get_template(name).generate(context)
    except Exception as error:
        raise template_error(error) from None


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
