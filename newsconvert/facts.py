"""What an article says about itself beyond its text, derived once for every output.

The renderers' context (front matter, JSON-LD), the site builder (index, feed, generators' front
matter), the docutils and Sphinx layers (docinfo, ``<meta>`` tags), the MkDocs and Pelican
plugins and ``--check`` all ask these functions, so an article has one set of authors, one
publication time, one last-modified time, one description and one set of visible sections.
"""

from __future__ import annotations

import dataclasses

from newsconvert.tree import HIDDEN_ASIDES, Article, Aside, Block, Section, Timestamp

__all__ = [
    "authors",
    "description",
    "listing_date",
    "modified",
    "published",
    "shown",
    "visible",
    "visible_sections",
]


def authors(article: Article) -> tuple[str, ...]:
    """The authors' names from every byline, in order, without repeats; a byline that names
    nobody (``By Staff Writer``) gives its text."""
    names: list[str] = []
    for byline in article.bylines:
        for name in byline.names or (byline.text,):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return tuple(names)


def published(article: Article) -> Timestamp | None:
    """The publication timestamp if it resolved to a time, else ``None``: what a document's
    own metadata states (front matter ``date``, JSON-LD ``datePublished``, docinfo)."""
    if article.published is not None and article.published.value is not None:
        return article.published
    return None


def listing_date(article: Article) -> Timestamp | None:
    """The time to list the article by (site index, feed, generators' ``date``): its
    publication time, else its first update that resolved (an article stamped only
    ``Updated …`` was published by then), else ``None``."""
    found = published(article)
    if found is not None:
        return found
    return next((stamp for stamp in article.updated if stamp.value is not None), None)


def modified(article: Article) -> Timestamp | None:
    """The last update that resolved to a time, or ``None``: never the publication time, which
    would claim an update the article does not mention."""
    return next((stamp for stamp in reversed(article.updated) if stamp.value is not None), None)


def description(article: Article) -> str | None:
    """The standfirst's text, or ``None`` when there is none (or it is blank)."""
    if article.standfirst is None or not article.standfirst.text.strip():
        return None
    return article.standfirst.text


def shown(block: Block, *, keep_chrome: bool = False) -> bool:
    """Whether outputs show ``block``: every block but asides of the kinds in
    :data:`~newsconvert.tree.HIDDEN_ASIDES`, unless ``keep_chrome``."""
    return keep_chrome or not (isinstance(block, Aside) and block.kind in HIDDEN_ASIDES)


def visible_sections(article: Article, *, keep_chrome: bool = False) -> tuple[Section, ...]:
    """The sections as Markdown, HTML and reST show them: hidden asides left out (unless
    ``keep_chrome``), and a section left with neither heading nor blocks dropped."""
    if keep_chrome:
        return article.sections
    sections = []
    for section in article.sections:
        blocks = tuple(block for block in section.blocks if shown(block))
        if blocks or section.heading is not None:
            sections.append(
                section if len(blocks) == len(section.blocks) else
                dataclasses.replace(section, blocks=blocks)
            )  # fmt: skip
    return tuple(sections)


def visible(article: Article, *, keep_chrome: bool = False) -> Article:
    """``article`` as Markdown, HTML and reST show it (see :func:`visible_sections`): what they
    read back as."""
    sections = visible_sections(article, keep_chrome=keep_chrome)
    if sections is article.sections:
        return article
    return dataclasses.replace(article, sections=sections)
