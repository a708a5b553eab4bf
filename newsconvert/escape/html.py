"""Escaping for HTML beyond what Jinja's autoescape does.

Ordinary text and attribute values are escaped by autoescape (MarkupSafe escapes ``&``, ``<``,
``>``, ``"`` and ``'``, so a value is safe in a quoted attribute too). What autoescape does not do:

- remove characters that are invalid in HTML (control characters, lone surrogates,
  non-characters), which :func:`clean_text` does for every value a template prints;
- keep JSON inside ``<script>`` from ending the script or starting a comment:
  :func:`script_json` escapes ``<``, ``>`` and ``&`` (and U+2028/U+2029, which old JavaScript
  parsers took for line ends) as ``\\uXXXX``, which every JSON parser reads back unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

from newsconvert.escape.characters import INVALID_CHARACTERS, replace_invalid

_INVALID_SEARCH = INVALID_CHARACTERS.search
_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def clean_text(value: Any) -> Any:
    """A template's output ``value`` with invalid characters replaced; markup passes unchanged.

    Used as the Jinja ``finalize`` hook of the HTML environment: it runs on every ``{{ … }}``
    before autoescape, so no template can forget it.
    """
    if type(value) is str and _INVALID_SEARCH(value) is not None:
        return replace_invalid(value)
    return value


def escape_attribute(value: str) -> Markup:
    """``value`` escaped for a double- or single-quoted HTML attribute."""
    return escape(replace_invalid(value))


def script_json(data: Any) -> Markup:
    """``data`` as JSON that is safe inside ``<script type="application/ld+json">``.

    The result cannot contain ``</script>``, ``<!--`` or ``]]>``, and parses back to ``data``.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(replace_invalid(text.translate(_SCRIPT_SAFE)))


FILTERS = {"script_json": script_json}
"""The Jinja filters of the HTML templates (see :mod:`newsconvert.formats`); ordinary text is
escaped by Jinja's autoescape."""

finalize = clean_text
"""Applied by Jinja to every value the HTML templates print."""
