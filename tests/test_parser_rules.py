"""The parser's rules as data: the rule lists, their names, the docs generated from them, and the
thresholds (:class:`~newsconvert.parser.heuristics.Heuristics`) passed through the parser."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsconvert.parser import Heuristics, parse, parse_with_trace
from newsconvert.parser.blocks import BODY_RULES, FINAL_RULES
from newsconvert.parser.front import FRONT_RULES
from newsconvert.parser.heuristics import DEFAULT_HEURISTICS
from newsconvert.parser.rules import Role, RuleName, Zone, rule_catalogue

REPO = Path(__file__).resolve().parents[1]
ARTICLES = sorted((REPO / "tests" / "data" / "articles").glob("*.txt"))
NOT_RULES = {"news-article", "data-fallback"}
"""Hyphenated literals of the docs pages below that name something else (a directive, an
attribute)."""


def _names_in_catalogue() -> set[str]:
    return {name.value for entry in rule_catalogue() for name in entry.names}


def test_every_rule_name_is_described_in_the_catalogue() -> None:
    assert _names_in_catalogue() == {name.value for name in RuleName}


def test_every_rule_list_names_its_zone_and_role() -> None:
    for rule in (*FRONT_RULES, *BODY_RULES, *FINAL_RULES):
        assert rule.zone in (Zone.FRONT, Zone.BODY, Zone.TAIL)
        assert isinstance(rule.role, Role)
        assert rule.summary and not rule.summary.endswith(".")
    assert FRONT_RULES[0].zone is Zone.FRONT
    assert BODY_RULES[-1].name is RuleName.RUNNING_TEXT  # the paragraph, which always fires


@pytest.mark.parametrize("path", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_the_trace_names_only_catalogued_rules_and_roles(path: Path) -> None:
    _, roles = parse_with_trace(path.read_text(encoding="utf-8"))
    known = _names_in_catalogue()
    for row in roles:
        rule = re.sub(r"^repeats-line-\d+$", RuleName.REPEATS_LINE.value, row.rule)
        assert rule in known, row
        assert row.role in {role.value for role in Role}, row
        assert type(row.rule) is str and type(row.role) is str  # plain strings for tools


def test_the_docs_name_only_the_codes_rules_and_generate_every_zone_table() -> None:
    known = _names_in_catalogue()
    for page in ("format.rst", "architecture.rst"):
        text = (REPO / "docs" / page).read_text(encoding="utf-8")
        literals = set(re.findall(r"``([a-z]+(?:-[a-z0-9]+)+)``", text)) - NOT_RULES
        assert literals <= known, (page, sorted(literals - known))
    format_page = (REPO / "docs" / "format.rst").read_text(encoding="utf-8")
    for zone in Zone:
        assert f".. rule-table:: {zone.value}\n" in format_page


def test_inspect_lists_the_rule_vocabulary() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsconvert.inspection", "--rules", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    listed = json.loads(done.stdout)
    assert {name for record in listed for name in record["rules"]} == _names_in_catalogue()
    assert [record["zone"] for record in listed][:1] == ["layout"]
    assert listed[-1]["zone"] == "tail"


def test_default_heuristics_are_the_parsers_defaults() -> None:
    text = (REPO / "tests" / "data" / "articles" / "lines-library.txt").read_text("utf-8")
    assert parse(text) == parse(text, heuristics=Heuristics()) == parse(text, heuristics=None)


def test_a_threshold_changes_what_the_parser_does() -> None:
    text = "Highlights\n\nThe council met on Monday and agreed the budget for next year.\n"
    assert parse(text).headline is None  # one word is a label, never a headline
    loose = parse(text, heuristics=Heuristics(min_headline_words=1))
    assert loose.headline is not None and loose.headline.text == "Highlights"


def test_heuristics_are_set_from_text_by_name() -> None:
    changed = DEFAULT_HEURISTICS.with_values(max_title_words="25", repeat_overlap="0.5")
    assert (changed.max_title_words, changed.repeat_overlap) == (25, 0.5)
    assert type(changed.max_title_words) is int and type(changed.repeat_overlap) is float
    with pytest.raises(KeyError):
        DEFAULT_HEURISTICS.with_values(no_such_threshold="1")
    assert all(name.islower() for name in Heuristics._fields)
