"""The tree's node classes behave as frozen, slotted dataclasses: equality, hashing, ``repr``,
immutability, pickling, copying and :func:`dataclasses.replace` work as the decorator's
generated methods did (their written-out ``__init__`` is held to their fields in
``test_records.py``)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from datetime import datetime, timedelta, timezone

import pytest

from newsconvert.tree import (
    Article,
    Aside,
    AsideKind,
    AttributionPosition,
    Blockquote,
    BulletList,
    Byline,
    Credit,
    Dateline,
    Diagnostic,
    Embed,
    Headline,
    Kicker,
    ListItem,
    Paragraph,
    Section,
    SectionHeading,
    Timestamp,
    mark_characters_checked,
)


def _sample() -> Article:
    zone = timezone(timedelta(hours=5, minutes=30))
    return Article(
        Headline("Title", line=1),
        kicker=Kicker("World"),
        published=Timestamp(
            "Published 10:42 IST", datetime(2025, 3, 3, 10, 42, tzinfo=zone), 2, "IST"
        ),
        dateline=Dateline("NEW DELHI, Nov 13 (Reuters) -", "NEW DELHI", "Nov 13", "Reuters"),
        bylines=(Byline("By Jane Doe", ("Jane Doe",)),),
        credits=(Credit("(With PTI inputs)"),),
        sections=(
            Section(
                None,
                (
                    Paragraph("Body.", line=4),
                    Blockquote("“Yes,” she said.", "Yes,", "she said.", AttributionPosition.AFTER),
                    BulletList((ListItem("one"), ListItem("two")), marker="•"),
                    Embed("post", author="A", handle="@a"),
                    Aside("Also Read: x", AsideKind.CROSSLINK),
                ),
            ),
            Section(SectionHeading("Next"), (Paragraph("More."),)),
        ),
        source="a.txt",
        diagnostics=(Diagnostic("guessed", 3, "timestamp.zone"),),
    )


def test_equality_ignores_provenance_and_distinguishes_classes() -> None:
    assert Paragraph("x", line=3) == Paragraph("x", line=9)
    assert hash(Paragraph("x", line=3)) == hash(Paragraph("x", line=9))
    assert Paragraph("x") != Paragraph("y")
    assert Headline("x") != Kicker("x")
    assert Paragraph("x") != ("x",)
    assert BulletList((ListItem("a"),), marker="-") == BulletList((ListItem("a"),), marker="•")
    article = _sample()
    assert article == dataclasses.replace(article, source="b.txt", diagnostics=())
    assert article != dataclasses.replace(article, headline=Headline("Other"))
    assert len({article, dataclasses.replace(article)}) == 1


def test_repr_shows_the_fields_as_the_dataclass_did() -> None:
    assert repr(Headline("T", line=2)) == "Headline(text='T', line=2)"
    assert repr(Aside("x", AsideKind.CHROME)) == (
        "Aside(text='x', kind=<AsideKind.CHROME: 'chrome'>, line=0)"
    )
    assert "characters_checked" not in repr(Article(None))
    assert repr(Section(None)) == "Section(heading=None, blocks=())"


def test_nodes_are_frozen_and_slotted() -> None:
    node = Paragraph("x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.text = "y"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del node.text  # type: ignore[misc]
    assert not hasattr(node, "__dict__")
    assert Article(None).characters_checked is False


def test_pickle_copy_and_replace_keep_every_field() -> None:
    article = mark_characters_checked(_sample())
    for again in (pickle.loads(pickle.dumps(article)), copy.copy(article), copy.deepcopy(article)):
        assert again == article
        assert again.source == "a.txt" and again.diagnostics == article.diagnostics
        assert again.characters_checked is True
        assert again.sections[0].blocks[2].marker == "•"  # type: ignore[union-attr]
    replaced = dataclasses.replace(article, source="b.txt")
    assert replaced.source == "b.txt" and replaced.characters_checked is False
    assert dataclasses.asdict(Paragraph("x", 2)) == {"text": "x", "line": 2}
    match Paragraph("x", 2):
        case Paragraph(text, line):
            assert (text, line) == ("x", 2)
