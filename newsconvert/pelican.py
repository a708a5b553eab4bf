"""The Pelican plugin's public name, ``PLUGINS = ["newsconvert.pelican"]``; the code is in
:mod:`newsconvert.integrations.pelican`."""

from newsconvert.integrations.pelican import register

__all__ = ["register"]
