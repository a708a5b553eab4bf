"""The MkDocs plugin under its former module name (installations made before it moved keep
their entry point); the code is in :mod:`newsconvert.integrations.mkdocs`."""

from newsconvert.integrations.mkdocs import NewsconvertPlugin

__all__ = ["NewsconvertPlugin"]
