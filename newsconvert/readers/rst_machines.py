"""docutils' nested reST state machines, kept per thread and run again for the next document.

docutils builds a state machine for every nested construct it parses (a block quote, a field
list, a bullet list, a directive's content), and building one — fifteen states, each making its
transition table — costs about 0.4 ms, which made building machines most of the time spent
reading our reST back. A machine is made to run again: ``run()`` re-initialises it, and
docutils itself keeps the nested machines of ``nested_parse`` for reuse within a document.
This module goes one step further for the reader's own parses only: the machines docutils
would throw away (``unlink()``) or leave in the finished document's states go back to a
per-thread pool, and the next nested construct of that shape takes one from there.

docutils as Sphinx or anyone else runs it is untouched: only states built from
:data:`STATE_CLASSES` (which :func:`parser` gives its machine) ask this module for machines.
"""

from __future__ import annotations

import threading
from typing import Any

from docutils.parsers.rst import Parser, states

_POOL_LIMIT = 32
"""Spare machines kept per shape and thread; deeper nesting than this builds its own."""

_local = threading.local()


def _pools() -> dict[tuple[Any, ...], list[PooledStateMachine]]:
    pools: dict[tuple[Any, ...], list[PooledStateMachine]] | None = getattr(_local, "pools", None)
    if pools is None:
        pools = _local.pools = {}
    return pools


class PooledStateMachine(states.NestedStateMachine):
    """A nested machine that goes back to its thread's pool where docutils would unlink it."""

    pool_key: tuple[Any, ...] = ()

    def unlink(self) -> None:
        _release(self)


def _release(machine: PooledStateMachine) -> None:
    spare = _pools().setdefault(machine.pool_key, [])
    if len(spare) < _POOL_LIMIT:
        spare.append(machine)
    else:
        states.NestedStateMachine.unlink(machine)


def nested_machine(
    *,
    state_classes: Any,
    initial_state: str,
    debug: bool = False,
    parent_state_machine: Any = None,
) -> PooledStateMachine:
    """What docutils' ``NestedStateMachine(...)`` gives, from the pool when one is spare."""
    if state_classes is states.state_classes:
        state_classes = STATE_CLASSES
    key = (tuple(state_classes), initial_state)
    spare = _pools().get(key)
    if spare:
        machine = spare.pop()
        # What the constructor sets and run() does not: the rest run() initialises itself.
        machine.parent_state_machine = parent_state_machine
        machine.debug = debug
        machine.initial_state = machine.current_state = initial_state
        machine.input_lines, machine.line, machine.input_offset = None, None, 0
        machine.line_offset = -1
        return machine
    machine = PooledStateMachine(
        state_classes, initial_state, debug=debug, parent_state_machine=parent_state_machine
    )
    machine.pool_key = key
    for state in machine.states.values():
        state.nested_sm = nested_machine  # type: ignore[assignment]
    return machine


def _pooled(state_class: type) -> type:
    return type(state_class.__name__, (state_class,), {"nested_sm": staticmethod(nested_machine)})


STATE_CLASSES: tuple[type, ...] = tuple(_pooled(cls) for cls in states.state_classes)
"""docutils' reST states, each asking :func:`nested_machine` for its nested machines."""


def words_inliner() -> Any:
    """docutils' inline parser without its search for bare URIs and e-mail addresses.

    It would make each a reference node whose text is the very words it found, and the reader
    keeps only the words: the search (run over every stretch of text between markup) cost
    about a sixth of reading our reST back. (A subclass will not do: docutils formats its
    patterns from the attributes of the inliner's exact class.)
    """
    inliner = states.Inliner()
    customise = inliner.init_customizations

    def init_customizations(settings: Any) -> None:
        customise(settings)
        inliner.implicit_dispatch = []

    inliner.init_customizations = init_customizations  # type: ignore[method-assign]
    return inliner


def parser() -> Parser:
    """A reST parser for the reader: its document machine's states take nested machines from
    the pool, and bare URIs stay plain words."""
    made = Parser(inliner=words_inliner())
    made.state_classes = STATE_CLASSES
    return made


def release_document_machines(made: Parser) -> None:
    """After a successful parse: the nested machines the document's states kept for reuse
    within it go back to the pool (the document machine itself is docutils' to drop)."""
    machine = getattr(made, "statemachine", None)
    if machine is None or not machine.states:
        return
    for state in machine.states.values():
        cache = getattr(state, "nested_sm_cache", None)
        while cache:
            kept = cache.pop()
            if isinstance(kept, PooledStateMachine):
                _release(kept)
