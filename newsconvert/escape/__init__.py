"""Escaping article text for each output format: one module per format.

Specified in ``docs/specification.rst`` (:ref:`newsconvert-escape`).
"""
