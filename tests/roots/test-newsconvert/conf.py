"""A small news site: article pages from .news files and a page that includes articles."""

project = "Newsroom"
author = "newsconvert tests"
copyright = "2026, newsconvert tests"
version = release = "1.0"
extensions = ["newsconvert.sphinx"]
newsconvert_timezones = {"IST": "Asia/Kolkata"}
