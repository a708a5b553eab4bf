"""The Jinja environments: where templates are found, how they are loaded, and their filters.

One :class:`jinja2.Environment` per (format, template folders) is built on first use and cached
for the life of the process; templates are compiled once and never re-checked on disk
(``auto_reload=False``), because building environments and stat-ing files costs more than
rendering an article.

One :class:`jinja2.FileSystemLoader` searches :func:`newsconvert.formats.template_path`: each
user template folder first, in the order given, then the built-in ``templates/``. A user
overrides any template, or the rendering of one block type, by dropping a file of the same name
in a folder of their own.

Block templates are *inlined*: ``{% inline "md/blocks/paragraph.md.j2" %}`` pastes the named
template (found through the same loader, so a user's version wins) into the including template
when it is compiled. This costs nothing per block at render time, unlike ``{% include %}`` or a
macro call, and the inlined template sees the loop's variables. Line numbers of inlined
templates are kept apart (offset by :data:`INLINE_LINE_BASE` per template) so that an error is
reported in the file and on the line where it is.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser

from newsconvert.errors import ConfigError, TemplateError
from newsconvert.formats import OUTPUT_FORMATS, output_format, template_path
from newsconvert.renderers.metadata import dump_yaml

INLINE_LINE_BASE = 1_000_000
"""Line-number offset given to the n-th inlined template (n times this), to tell files apart."""


class InlineExtension(Extension):
    """``{% inline "name" %}``: paste a template's body here at compile time."""

    tags = {"inline"}  # noqa: RUF012 - Jinja's Extension API declares it as a plain class attribute

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        environment.extend(inlined_files={}, inline_stack=[])

    def parse(self, parser: Parser) -> list[nodes.Node]:
        lineno = next(parser.stream).lineno
        name_node = parser.parse_expression()
        if not isinstance(name_node, nodes.Const) or not isinstance(name_node.value, str):
            parser.fail("inline takes a template name in quotes", lineno)
        name: str = name_node.value
        environment = self.environment
        stack: list[str] = environment.inline_stack  # type: ignore[attr-defined]
        if name in stack:
            parser.fail(f"template {name!r} inlines itself", lineno)
        loader = environment.loader
        assert loader is not None
        try:
            source, filename, _ = loader.get_source(environment, name)
        except jinja2.TemplateNotFound:
            parser.fail(f"inlined template {name!r} not found", lineno)
        files: dict[int, tuple[str, str | None]] = environment.inlined_files  # type: ignore[attr-defined]
        base = INLINE_LINE_BASE * (len(files) + 1)
        files[base] = (name, filename)
        stack.append(name)
        try:
            body = environment.parse(source, name, filename).body
        finally:
            stack.pop()
        for top in body:
            for node in (top, *top.find_all(nodes.Node)):
                # find_all visits each node once per tree; nested inlines were offset already.
                if node.lineno is not None and node.lineno < INLINE_LINE_BASE:
                    node.lineno += base
        return body


def _nonblank_lines(text: str) -> list[str]:
    """The lines of ``text`` that hold more than whitespace."""
    return [line for line in text.split("\n") if line.strip()]


def _filters(dialect: str | None = None) -> dict[str, Any]:
    """Every output format's escaping filters (a user's template may use any of them), and
    the shared ones; the Markdown ones escaping for ``dialect`` too, if given."""
    filters: dict[str, Any] = {"nonblank_lines": _nonblank_lines, "yaml": dump_yaml}
    for fmt in OUTPUT_FORMATS:
        escaper = fmt.load_escaper()
        if escaper is not None:
            filters.update(escaper.FILTERS)
    if dialect is not None:
        from newsconvert.escape.markdown import dialect_filters

        filters.update(dialect_filters(dialect))
    return filters


@functools.lru_cache(maxsize=32)
def environment(
    fmt: str, template_dirs: tuple[str, ...] = (), dialect: str | None = None
) -> jinja2.Environment:
    """The cached environment for format ``fmt`` with the user's ``template_dirs`` first;
    Markdown text escaped for ``dialect``'s engine too (see :mod:`newsconvert.escape.markdown`).

    Raises :class:`ConfigError` for a template folder that does not exist.
    """
    output = output_format(fmt)
    for folder in template_dirs:
        if not os.path.isdir(folder):
            raise ConfigError(f"template folder not found: {folder}")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_path(template_dirs)),
        undefined=jinja2.StrictUndefined,
        autoescape=output.autoescape,
        finalize=getattr(output.load_escaper(), "finalize", None),
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[InlineExtension],
    )
    env.filters.update(_filters(dialect))
    env.extend(compiled_templates={})
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render the template ``name`` of ``env`` with ``context`` (which this call may extend).

    What :meth:`jinja2.Template.render` does, minus the per-call work this module makes
    unnecessary: the template is looked up in a plain dictionary, and ``context`` becomes the
    template's context without being copied (the environment's globals are added to it).
    Any failure becomes a :class:`TemplateError` naming the template file and line.
    """
    templates: dict[str, jinja2.Template] = env.compiled_templates  # type: ignore[attr-defined]
    try:
        try:
            template = templates.get(name)
            if template is None:
                template = templates[name] = env.get_template(name)
            for key, value in env.globals.items():
                context.setdefault(key, value)
            return "".join(template.root_render_func(template.new_context(context, shared=True)))
        except Exception:
            env.handle_exception()  # re-raises, the traceback rewritten to template lines
    except Exception as error:
        raise template_error(error, env) from None


def template_error(error: BaseException, env: jinja2.Environment) -> TemplateError:
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
    if line is not None and line >= INLINE_LINE_BASE:
        files: dict[int, tuple[str, str | None]] = env.inlined_files  # type: ignore[attr-defined]
        base = line - line % INLINE_LINE_BASE
        if base in files:
            name, filename = files[base]
            where, line = filename or name, line - base
    return TemplateError(message, source=where or "<template>", line=line)


def _template_frames(tb: TracebackType | None) -> Iterator[tuple[str, int]]:
    """(file, line) of each traceback frame that runs template code (Jinja rewrites those
    frames to point at the template's own file and line)."""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith((".py", ".pyx")) and "<" not in filename:
            yield filename, tb.tb_lineno
        tb = tb.tb_next
