"""newsconvert inside other tools: Sphinx, docutils, MkDocs and Pelican.

Each module here imports the tool it serves, so ``import newsconvert`` imports none of them.
Users name them by their public names: ``newsconvert.sphinx`` (Sphinx extension),
``newsconvert.docutils_parser`` (docutils parser), ``newsconvert.pelican`` (Pelican plugin) and
the ``newsconvert`` MkDocs plugin entry point.
"""
