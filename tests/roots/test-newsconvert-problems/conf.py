"""Pages whose articles cannot be placed: each problem is one located warning."""

project = "Problems"
copyright = "2026, newsconvert tests"
extensions = ["newsconvert.sphinx"]
