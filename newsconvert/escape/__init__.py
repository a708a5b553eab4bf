"""Escaping article text for each output format: one module per format.

Article text is data, never markup. Every renderer passes each piece of text through the escaping
function of its format before it reaches the output, so that ``<script>``, ``*x*``,
``.. include::``, ``|sub|`` or a line that is only ``#`` come out as the characters they are:

- :mod:`newsconvert.escape.markdown`: CommonMark backslash escapes, code fences.
- :mod:`newsconvert.escape.rst`: reStructuredText backslash escapes, title adornments measured
  in display columns, literal blocks.
- :mod:`newsconvert.escape.html`: characters that are invalid in HTML, attribute values, JSON
  inside ``<script>`` (ordinary HTML text is escaped by Jinja's autoescape).
- :mod:`newsconvert.escape.characters`: the characters no output format may contain.
"""
