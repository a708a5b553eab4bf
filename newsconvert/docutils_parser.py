"""The docutils parser's public name, ``docutils --parser=newsconvert.docutils_parser``; the code
is in :mod:`newsconvert.integrations.docutils_parser`."""

from newsconvert.integrations.docutils_parser import Parser

__all__ = ["Parser"]
