"""Articles whose text looks like reST, HTML and Jinja: all of it must come out literally."""

project = "Hostile"
copyright = "2026, newsconvert tests"
extensions = ["newsconvert.sphinx"]
