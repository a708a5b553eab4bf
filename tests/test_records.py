"""Records made with :func:`newsconvert.records.record` behave as the frozen dataclasses they
were: the generic ``__init__`` takes the fields by position or name, with their defaults and
default factories, and refuses what the generated one refused; the signature, equality, hashing,
``repr``, immutability, pickling and :func:`dataclasses.replace` are those of a dataclass."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import sys
from dataclasses import field
from pathlib import Path

import pytest

from newsconvert import tree
from newsconvert.formats import Format
from newsconvert.options import Options
from newsconvert.records import Record, record
from newsconvert.renderers import RenderOptions
from newsconvert.source import SourceText


@record()
class _Sample(Record):
    name: str
    count: int = field(default=0, compare=False)
    tags: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    seen: bool = field(default=False, init=False)


@dataclasses.dataclass(frozen=True, slots=True)
class _Generated:
    name: str
    count: int = field(default=0, compare=False)
    tags: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    seen: bool = field(default=False, init=False)


def test_the_generic_init_takes_fields_as_the_generated_one() -> None:
    assert _Sample("a").count == 0 and _Sample("a").tags == {} and _Sample("a").seen is False
    assert _Sample("a", 2).count == 2 and _Sample(name="a", count=3).count == 3
    assert _Sample("a").tags is not _Sample("a").tags
    for bad in ((), ("a", 1, {}, True), ("a",)):
        kwargs = {"seen": True} if bad == ("a",) else {}
        with pytest.raises(TypeError):
            _Sample(*bad, **kwargs)
        with pytest.raises(TypeError):
            _Generated(*bad, **kwargs)
    with pytest.raises(TypeError):
        _Sample("a", name="b")  # type: ignore[misc]


def test_signature_repr_equality_as_a_dataclass() -> None:
    assert str(inspect.signature(_Sample)) == str(inspect.signature(_Generated))
    assert repr(_Sample("a", 2)).replace("_Sample", "_Generated") == repr(_Generated("a", 2))
    assert _Sample("a", 1) == _Sample("a", 2) and hash(_Sample("a", 1)) == hash(_Sample("a", 2))
    assert _Sample("a") != _Sample("b") and _Sample("a") != _Generated("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Sample("a").name = "b"  # type: ignore[misc]


@pytest.mark.parametrize(
    "value",
    [
        Options(to="html", zones={"IST": "Europe/Dublin"}),
        Format("x", "X", suffixes=(".x",)),
        SourceText("text", "a.txt", "utf-8", ("a.txt:1: note",)),
        RenderOptions(standalone=True, template_dirs=("t",), site="hugo"),
    ],
    ids=lambda value: type(value).__name__,
)
def test_the_records_pickle_copy_and_replace(value: object) -> None:
    for again in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
        assert again == value and repr(again) == repr(value)
    assert dataclasses.replace(value) == value  # type: ignore[type-var]


def _records(cls: type = Record) -> list[type]:
    """Every class made with :func:`record` among the subclasses of ``cls`` imported here: the
    classes their modules hold (a slotted dataclass replaces the class it was made from)."""
    found = []
    for sub in cls.__subclasses__():
        if getattr(sys.modules[sub.__module__], sub.__qualname__, None) is sub:
            found.append(sub)
        found += _records(sub)
    return found


WRITTEN_OUT = sorted(
    {cls for cls in _records() if cls.__init__ is not Record.__init__},
    key=lambda cls: cls.__qualname__,
)
"""The records made so often that they write out their own ``__init__``: the tree's nodes,
the render options."""


def test_the_written_out_inits_include_the_tree_and_the_render_options() -> None:
    assert RenderOptions in WRITTEN_OUT
    assert {tree.Article, tree.Paragraph, tree.Blockquote} <= set(WRITTEN_OUT)


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda cls: cls.__qualname__)
def test_a_written_out_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    parameters = list(inspect.signature(cls).parameters.values())
    specs = [spec for spec in dataclasses.fields(cls) if spec.init]
    assert [p.name for p in parameters] == [spec.name for spec in specs]
    for parameter, spec in zip(parameters, specs, strict=True):
        expected = inspect.Parameter.empty if spec.default is dataclasses.MISSING else spec.default
        assert parameter.default == expected, spec.name
        assert spec.default_factory is dataclasses.MISSING


def test_render_options_still_normalise_their_folders() -> None:
    assert RenderOptions(template_dirs=[Path("t")]).template_dirs == ("t",)  # type: ignore[arg-type]


def test_options_keep_their_class_defaults() -> None:
    assert Options.feed_size == 20
    assert Options().zones == {} and Options().zones is not Options().zones


def test_a_record_with_no_field_that_compares_is_equal_to_its_kind_as_a_dataclass_is() -> None:
    @record()
    class Note(Record):
        text: str = field(compare=False)

    @dataclasses.dataclass(frozen=True)
    class Generated:
        text: str = field(compare=False)

    assert (Note("a") == Note("b")) == (Generated("a") == Generated("b")) is True
    assert hash(Note("a")) == hash(Note("b"))
