"""What a template sees: the article plus a few values computed once in Python.

The context is a public interface: users' templates (``--template-dir``) rely on it. Every
template of every format receives the names in :data:`CONTEXT`; block templates
(``<format>/blocks/<type>.<ext>.j2``) are included by the article template's block loop and
also see ``view`` (a :class:`~newsconvert.facts.BlockView`) and ``block`` (``view.block``).

Computing these here, not in the templates, keeps the templates short. The part that depends
only on the article (:func:`article_context`) is computed once per article, whatever the number
of formats rendered from it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from newsconvert import facts
from newsconvert.facts import BLOCK_TYPES, BlockView, SectionView, section_views
from newsconvert.tree import Article, Kicker, Standfirst, Timestamp

__all__ = [
    "BLOCK_TYPES",
    "CONTEXT",
    "BlockView",
    "SectionView",
    "article_context",
    "build_context",
]

CONTEXT: dict[str, str] = {
    "article": "the newsconvert.tree.Article being rendered (every field, unfiltered)",
    "headline": "article.headline (a Headline; .text), or None when the article has none",
    "title_label": "the headline's text, or a visible fallback label (Untitled: …) if none",
    "kicker": "article.kicker, or None when absent or blank",
    "standfirst": "article.standfirst, or None when absent or blank",
    "published": "article.published (a Timestamp: .text, .value, .iso), or None if absent or blank",
    "updated": "article.updated without blank ones (a tuple of Timestamp)",
    "bylines": "article.bylines without blank ones (a tuple of Byline; .text, .names)",
    "credits": "article.credits without blank ones (a tuple of Credit)",
    "sections": "tuple of SectionView: the sections to render; a hidden aside (chrome, repeat) "
    "is a view of type 'hidden', to keep out of sight (HTML hidden element, md/reST comment)",
    "dateline": "the article's Dateline if it has a non-empty one, else None",
    "orphan_dateline": "the Dateline when no paragraph carries it (render it alone), else None",
    "standalone": "True for a whole document, False for a fragment",
    "keep_chrome": "True when chrome and duplicate asides are shown like other asides",
    "lang": "the document language (BCP 47 tag, e.g. 'en')",
    "format": "the output format: 'md', 'html' or 'rst'",
    "authors": "tuple of author names from the bylines (a byline naming nobody gives its text)",
    "description": "the standfirst text, or None",
    "date_published": "ISO 8601 publication time, or None",
    "date_modified": "ISO 8601 time of the last resolvable update, or None",
    "front_matter": "standalone Markdown: the front matter dict (render with |yaml), else None",
    "json_ld": "standalone HTML: the schema.org NewsArticle dict (|script_json), else None",
    "site": "Markdown for a site generator's post: its name ('hugo', 'jekyll', 'pelican', "
    "'mkdocs', 'zola'), whose front matter carries the header; else None",
    "home": "a page of a built site: the URL of the site's index relative to it, else None",
}
"""Every name the templates receive, with what it holds."""

_Node = TypeVar("_Node", Kicker, Standfirst, Timestamp)


def _present(node: _Node | None) -> _Node | None:
    """``node`` unless it is absent or its text is blank (nothing to render)."""
    return node if node is not None and node.text.strip() else None


def _iso(stamp: Timestamp | None) -> str | None:
    return stamp.iso if stamp is not None else None


def article_context(
    article: Article, *, keep_chrome: bool, drop_chrome: bool = False
) -> dict[str, Any]:
    """The part of the context (see :data:`CONTEXT`) that depends only on ``article``,
    ``keep_chrome`` and ``drop_chrome``: computed once per article and shared by every format
    rendered from it (:func:`build_context` copies it)."""
    sections, dateline_placed = section_views(
        article, keep_chrome=keep_chrome, drop_chrome=drop_chrome
    )
    dateline = article.dateline if article.dateline and article.dateline.text.strip() else None
    return {
        "article": article,
        "headline": article.headline,
        "title_label": article.title_label,
        "kicker": _present(article.kicker),
        "standfirst": _present(article.standfirst),
        "published": _present(article.published),
        "updated": tuple(stamp for stamp in article.updated if stamp.text.strip()),
        "bylines": tuple(byline for byline in article.bylines if byline.text.strip()),
        "credits": tuple(credit for credit in article.credits if credit.text.strip()),
        "sections": tuple(sections),
        "dateline": dateline,
        "orphan_dateline": None if dateline_placed else dateline,
        "keep_chrome": keep_chrome,
        "authors": facts.authors(article),
        "description": facts.description(article),
        "date_published": _iso(facts.published(article)),
        "date_modified": _iso(facts.modified(article)),
    }


def build_context(
    article: Article,
    fmt: str,
    *,
    standalone: bool,
    keep_chrome: bool,
    lang: str,
    shared: dict[str, Any] | None = None,
    drop_chrome: bool = False,
) -> dict[str, Any]:
    """The template context for ``article`` (see :data:`CONTEXT`), a new dictionary each call.
    ``shared`` is the :func:`article_context` of the same article and ``keep_chrome``, when the
    caller renders it to several formats; it is computed here otherwise."""
    if shared is None:
        shared = article_context(article, keep_chrome=keep_chrome, drop_chrome=drop_chrome)
    context = dict(shared)
    context["standalone"] = standalone
    context["lang"] = lang
    context["format"] = fmt
    return context
