"""Frozen dataclasses whose methods are written once, not compiled from source in every process.

``@dataclass(frozen=True)`` compiles six methods from source text for every class it decorates,
at every import: for the tree's nodes, the options, the formats and a decoded source, a sixth of
a one-file conversion. A class made with :func:`record` is the same frozen dataclass to every
caller (:func:`dataclasses.fields`, :func:`dataclasses.replace`, equality by the fields that
compare, hashing, ``repr``, pickling), with :class:`Record`'s methods instead. A class made many
times (a tree node) writes out its own ``__init__``, which a test holds to its fields.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, ClassVar, TypeVar, dataclass_transform

__all__ = ["Record", "record", "set_field"]

_R = TypeVar("_R", bound=type)

set_field = object.__setattr__
"""Sets a field of a record in its ``__init__`` (the record's own ``__setattr__`` refuses)."""


class Record:
    """The methods of a frozen dataclass, shared by every class made with :func:`record`.

    The ``__init__`` takes the fields as the generated one does, by position or by name, from a
    loop over them: fine for a record made a few times per process."""

    __slots__ = ()

    _compared: ClassVar[Callable[[Any], Any]]
    """The values of the fields that take part in equality (``compare=True``)."""
    _shown: ClassVar[tuple[str, ...]]
    """The fields ``repr`` shows (``repr=True``)."""
    _fields: ClassVar[tuple[Field[Any], ...]]
    """Every field, in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        given = [spec for spec in self._fields if spec.init]
        if len(args) > len(given):
            raise TypeError(f"{type(self).__qualname__}() takes {len(given)} arguments")
        values = dict(zip((spec.name for spec in given), args, strict=False))
        for name in kwargs:
            if name in values or not any(spec.name == name for spec in given):
                raise TypeError(f"{type(self).__qualname__}() got an unexpected argument {name!r}")
        values.update(kwargs)
        for spec in self._fields:
            if spec.init and spec.name in values:
                value = values[spec.name]
            elif spec.default is not MISSING:
                value = spec.default
            elif spec.default_factory is not MISSING:
                value = spec.default_factory()
            else:
                raise TypeError(f"{type(self).__qualname__}() missing argument {spec.name!r}")
            set_field(self, spec.name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            compared = type(self)._compared
            return bool(compared(self) == compared(other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(type(self)._compared(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> list[Any]:
        return [getattr(self, spec.name) for spec in self._fields]

    def __setstate__(self, state: list[Any]) -> None:
        for spec, value in zip(self._fields, state, strict=True):
            set_field(self, spec.name, value)


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
"""The default a signature shows for a field with a default factory, as dataclasses show it."""


def _signature(specs: tuple[Field[Any], ...]) -> inspect.Signature:
    """The signature of the generated ``__init__`` of a dataclass with fields ``specs``."""
    parameters = []
    for spec in specs:
        if not spec.init:
            continue
        default: Any = inspect.Parameter.empty
        if spec.default is not MISSING:
            default = spec.default
        elif spec.default_factory is not MISSING:
            default = _FACTORY
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        parameters.append(inspect.Parameter(spec.name, kind, default=default, annotation=spec.type))
    return inspect.Signature(parameters, return_annotation=None)


def _nothing_compared(_record: Any) -> tuple[()]:
    return ()


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(*, slots: bool = True) -> Callable[[_R], _R]:
    """Makes a subclass of :class:`Record` a dataclass (slotted unless ``slots`` is false)
    with :class:`Record`'s methods: frozen, equal and hashed by the fields that compare, shown
    by those that repr."""

    def make(cls: _R) -> _R:
        made: Any = dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
        specs = fields(made)
        made._fields = specs
        compared = tuple(spec.name for spec in specs if spec.compare)
        # No field that compares: every two are equal, as dataclasses make them.
        made._compared = attrgetter(*compared) if compared else _nothing_compared
        made._shown = tuple(spec.name for spec in specs if spec.repr)
        if made.__init__ is Record.__init__:
            made.__signature__ = _signature(specs)
        done: _R = made
        return done

    return make
