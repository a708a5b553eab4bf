"""Document metadata for standalone output: YAML front matter and schema.org JSON-LD.

Both are built as plain dictionaries here and serialised by real serialisers (PyYAML's safe
dumper, :func:`json.dumps`), which quote every value correctly whatever it contains.
"""

from __future__ import annotations

import functools
from typing import Any

from newsconvert.escape.characters import replace_invalid
from newsconvert.tree import Article


@functools.cache
def _dumper() -> type:
    """The safe dumper (libyaml's where PyYAML has it: the same YAML, faster), never writing
    anchors and aliases (``&id001``/``*id001``) for a value that appears twice: front matter is
    read by strict and simple YAML loaders (Hugo's, Jekyll's, other tools') that refuse or
    mis-read them. PyYAML is imported here, on the paths that write YAML only."""
    import yaml

    base: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return Dumper


def front_matter(context: dict[str, Any]) -> dict[str, Any]:
    """YAML front matter for standalone Markdown (Hugo, Jekyll, MkDocs and Pelican read it).

    Keys, each present only when the article has a value: ``title`` (the headline, or the
    fallback label of an article without one), ``date``
    (publication time, ISO 8601), ``lastmod`` (last update time), ``authors`` (names),
    ``description`` (the standfirst), ``dateline`` (its text).
    """
    article: Article = context["article"]
    data: dict[str, Any] = {"title": article.title_label}
    if context["date_published"]:
        data["date"] = context["date_published"]
    if context["date_modified"]:
        data["lastmod"] = context["date_modified"]
    if context["authors"]:
        data["authors"] = list(context["authors"])
    if context["description"]:
        data["description"] = context["description"]
    if context["dateline"] is not None:
        data["dateline"] = context["dateline"].text
    return data


def dump_yaml(data: dict[str, Any]) -> str:
    """``data`` as a YAML block (no document markers), every string safely quoted as needed:
    the one YAML writer of newsconvert (standalone Markdown, the generators' front matter).

    Lines are never folded, so a long headline stays one line; no anchors or aliases. The one
    YAML writer of the package: standalone Markdown and every generator's front matter use it.
    """
    import yaml

    text = yaml.dump(
        _clean(data),
        Dumper=_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
    )
    return text


def _clean(value: Any) -> Any:
    """``value`` with invalid characters replaced in every string (YAML cannot hold some)."""
    if isinstance(value, str):
        return replace_invalid(value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def json_ld(context: dict[str, Any]) -> dict[str, Any]:
    """schema.org ``NewsArticle`` data for a standalone HTML page.

    ``headline``, ``datePublished``, ``dateModified``, ``author`` (``Person`` per name, plus an
    ``Organization`` per agency named in a byline), ``dateline`` and ``description``; keys
    without a value are left out.
    """
    article: Article = context["article"]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
    }
    if article.headline is not None:
        data["headline"] = article.headline.text
    if context["date_published"]:
        data["datePublished"] = context["date_published"]
    if context["date_modified"]:
        data["dateModified"] = context["date_modified"]
    people: list[dict[str, str]] = [{"@type": "Person", "name": n} for n in context["authors"]]
    agencies = {b.agency for b in article.bylines if b.agency}
    people += [{"@type": "Organization", "name": a} for a in sorted(agencies)]
    if people:
        data["author"] = people
    if context["dateline"] is not None:
        data["dateline"] = context["dateline"].text
    if context["description"]:
        data["description"] = context["description"]
    if context["lang"]:
        data["inLanguage"] = replace_invalid(context["lang"])  # an option, not article text
    if article.characters_checked:
        return data  # every other string is the article's, known to hold no invalid character
    cleaned: dict[str, Any] = _clean(data)
    return cleaned
