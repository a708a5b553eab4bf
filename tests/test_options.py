"""One options model: every front end offers what newsconvert.options declares for it.

Before, each front end declared its options itself: MkDocs and Pelican could not set time zones
and Pelican had no keep_chrome. These tests read each front end's real parser or schema.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util

import pytest

from newsconvert import cli, inspection, options
from newsconvert.errors import ConfigError
from newsconvert.options import Options, fields_for, from_arguments, setting_name
from newsconvert.site import cli as build_cli

PARSERS = {
    "convert": cli.build_parser,
    "build": build_cli.make_parser,
    "inspect": inspection.build_parser,
}


def _flags(parser: argparse.ArgumentParser) -> dict[str, str]:
    return {flag: action.dest for action in parser._actions for flag in action.option_strings}


def test_every_option_is_declared_with_help_and_a_docstring() -> None:
    for spec in dataclasses.fields(Options):
        opt = spec.metadata["option"]
        assert opt.help and opt.fronts, spec.name
        assert set(opt.fronts) <= set(options.FRONTS)


@pytest.mark.parametrize("front", list(PARSERS))
def test_each_command_line_offers_exactly_its_options(front: str) -> None:
    flags = _flags(PARSERS[front]())
    offered = {dest for dest in flags.values()} & {f.name for f in dataclasses.fields(Options)}
    assert offered == {spec.name for spec, _ in fields_for(front)}
    for spec, _ in fields_for(front):
        assert flags[setting_name(spec.name, front)] == spec.name


def test_zones_are_offered_by_every_front_end() -> None:
    zones = {front for front in options.FRONTS if "zones" in {s.name for s, _ in fields_for(front)}}
    assert zones == set(options.FRONTS)
    names = {front: setting_name("zones", front) for front in ("sphinx", "mkdocs", "pelican")}
    assert names == {
        "sphinx": "newsconvert_timezones",
        "mkdocs": "timezones",
        "pelican": "NEWSCONVERT_TIMEZONES",
    }
    assert setting_name("keep_chrome", "pelican") == "NEWSCONVERT_KEEP_CHROME"


def test_command_line_values_become_options() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(
        ["--tz", "IST=Europe/Dublin", "--tz", "pst=America/Los_Angeles", "--template-dir", "t",
         "--keep-chrome", "-t", "markdown", "a.txt"]
    )  # fmt: skip
    got = from_arguments(args, "convert")
    assert got.zones == {"IST": "Europe/Dublin", "PST": "America/Los_Angeles"}
    assert got.template_dirs == ("t",)
    assert got.keep_chrome and got.to == "md"
    assert from_arguments(parser.parse_args(["a.txt"]), "convert") == Options()
    build = build_cli.make_parser().parse_args(["src", "-o", "out"])
    assert from_arguments(build, "build").to == "html"


def test_configuration_values_are_checked_and_named() -> None:
    settings = {"NEWSCONVERT_TIMEZONES": {"IST": "Mars/Olympus"}}
    with pytest.raises(ConfigError, match="NEWSCONVERT_TIMEZONES: unknown time zone"):
        options.from_settings("pelican", settings.__getitem__)
    with pytest.raises(ConfigError, match="newsconvert_keep_chrome: must be True or False"):
        options.from_settings("sphinx", {"newsconvert_keep_chrome": "yes"}.__getitem__)
    got = options.from_settings(
        "mkdocs", {"timezones": {"IST": "Europe/Dublin"}, "keep_chrome": True}.__getitem__
    )
    assert got == Options(zones={"IST": "Europe/Dublin"}, keep_chrome=True)


def test_only_article_shaping_options_are_fingerprinted() -> None:
    base = Options(to="html")
    assert base.fingerprint("article") != Options(to="html", lang="fr").fingerprint("article")
    # How many workers, or how quiet, never makes a build redo its articles.
    assert base.fingerprint("article") == Options(to="html", jobs=1, quiet=True).fingerprint(
        "article"
    )
    assert "title" in base.fingerprint("site")


def test_docutils_settings_are_generated() -> None:
    pytest.importorskip("docutils")
    from docutils.frontend import get_default_settings

    from newsconvert.docutils_parser import Parser

    settings = get_default_settings(Parser)
    settings.news_timezone = ["IST=Europe/Dublin"]
    settings.news_keep_chrome = True
    got = options.from_docutils_settings(settings)
    assert got.zones == {"IST": "Europe/Dublin"} and got.keep_chrome


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="mkdocs not installed")
def test_mkdocs_config_is_generated() -> None:
    from newsconvert.integrations.mkdocs import NewsconvertConfig

    schema = dict(NewsconvertConfig._schema)
    assert set(schema) == {setting_name(spec.name, "mkdocs") for spec, _ in fields_for("mkdocs")}
    assert {"timezones", "keep_chrome", "template_dirs", "encoding", "suffixes"} <= set(schema)


def test_the_docs_table_lists_every_option_and_front_end() -> None:
    header, *rows = options.options_table()
    assert header[:2] == ["option", "default"]
    assert [row[0] for row in rows] == [spec.name for spec in dataclasses.fields(Options)]
    zones = rows[[row[0] for row in rows].index("zones")]
    assert "--tz" in zones and "NEWSCONVERT_TIMEZONES" in zones and "--news-timezone" in zones
