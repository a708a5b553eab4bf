"""The MkDocs plugin: article files in ``docs_dir`` become pages, with title and date.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-integrations-mkdocs`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from newsconvert.errors import NewsconvertError
from newsconvert.options import Options, from_settings, mkdocs_config_options


class ArticleFile(File):
    """An article file, which MkDocs must build as a page although its suffix is not ``.md``."""

    def is_documentation_page(self) -> bool:
        """Always a page."""
        return True

    def is_static_page(self) -> bool:
        """Never copied as it is."""
        return False

    def is_media_file(self) -> bool:
        """Never copied as it is."""
        return False


NewsconvertConfig = type(
    "NewsconvertConfig",
    (Config,),
    {"__doc__": "The plugin's options in ``mkdocs.yml`` (see newsconvert.options).",
     **mkdocs_config_options()},
)  # fmt: skip


def article_markdown(path: str, options: Options | None = None) -> str:
    """The article at ``path`` as Markdown with MkDocs' YAML meta-data block in front.

    The file is read in the format its suffix names (``.rst``, ``.html``, ``.json``, ``.md``:
    see :func:`newsconvert.readers.infer_format`), as a plain-text article otherwise.
    """
    import newsconvert
    from newsconvert.site.frontmatter import mkdocs_front_matter
    from newsconvert.site.metadata import post_meta

    options = options or Options()
    article = newsconvert.read_article(path, encoding=options.encoding, zones=options.zones)
    # A documentation page, not a blog post: its headline stays the page's "# heading" (MkDocs'
    # own themes show no title otherwise) and MkDocs names the page from the file, so no slug.
    from newsconvert.renderers import RenderOptions

    body = newsconvert.render(article, "md", RenderOptions.of(options, standalone=False))
    return mkdocs_front_matter(post_meta(article), None) + "\n" + body


class NewsconvertPlugin(BasePlugin[NewsconvertConfig]):  # type: ignore[valid-type]
    """Builds article files as MkDocs pages (entry point ``newsconvert`` in ``mkdocs.plugins``)."""

    options = Options()
    """The plugin's configuration, checked (set by :meth:`on_config`)."""

    def on_config(self, config: Any) -> None:
        """Check the plugin's options; template folders are relative to ``mkdocs.yml``."""
        base = Path(config.config_file_path or ".").parent
        try:
            options = from_settings("mkdocs", lambda name: self.config[name])
        except NewsconvertError as error:
            raise PluginError(f"newsconvert: {error.message}") from None
        folders = []
        for entry in options.template_dirs:
            folder = base / entry
            if not folder.is_dir():
                raise PluginError(f"newsconvert: template_dirs: {folder} is not a folder")
            folders.append(str(folder))
        self.options = replace(options, template_dirs=tuple(folders))

    def _is_article(self, file: File) -> bool:
        return file.src_uri.endswith(self.options.suffixes)

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        """Turn every article file into a documentation page."""
        for file in list(files):
            if self._is_article(file) and not isinstance(file, ArticleFile):
                files.remove(file)
                files.append(
                    ArticleFile(
                        file.src_uri,
                        file.src_dir,
                        file.dest_dir,
                        file.use_directory_urls,
                        inclusion=file.inclusion,
                    )
                )
        return files

    def on_page_read_source(self, /, *, page: Page, config: Any) -> str | None:
        """The article as Markdown with meta-data; ``None`` (MkDocs reads it) for other pages."""
        if not isinstance(page.file, ArticleFile) or page.file.abs_src_path is None:
            return None
        language = (config.get("theme") or {}).get("language") or "en"
        try:
            return article_markdown(
                page.file.abs_src_path, replace(self.options, lang=str(language))
            )
        except NewsconvertError as error:
            raise PluginError(f"newsconvert: {error}") from None
