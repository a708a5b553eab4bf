"""The Sphinx extension's public name, ``extensions = ["newsconvert.sphinx"]``; the code is in
:mod:`newsconvert.integrations.sphinx`."""

from newsconvert.integrations.sphinx import setup

__all__ = ["setup"]
