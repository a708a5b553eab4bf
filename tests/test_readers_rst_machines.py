"""Reused reST state machines parse every document as fresh ones do.

The reader keeps docutils' nested state machines per thread and runs them again for the next
document (``newsconvert.readers.rst_machines``). Whatever a machine kept from the document
before (enumerated-list counters, a block quote's state, the nodes it was rooted at) must not
show in the next one: each document's doctree, parsed with warm machines left over from other
documents, is the doctree docutils' own fresh machines give.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import CORPUS_FILES

from newsconvert.readers import rst as rst_reader
from newsconvert.readers import rst_machines

DATA = Path(__file__).parent / "data" / "readers"
T = TypeVar("T")

NESTED = """\
Title
=====

:Published: 08:15 IST, March 10th 2025
:Author: Jane Doe

#. one
#. two

   - nested *item*
   - another

     > quoted in a list

    A quotation.

    -- Someone

.. container:: credit

   (With inputs)

3. three
4. four
"""


def with_parser(make_parser: Callable[[], object], read: Callable[[], T]) -> T:
    """``read()`` with ``make_parser`` standing in for the reader's own parser."""
    original = rst_machines.parser
    try:
        rst_machines.parser = make_parser  # type: ignore[assignment]
        return read()
    finally:
        rst_machines.parser = original


def fresh_doctree(text: str) -> str:
    """The doctree docutils' own fresh machines give (the pool is bypassed)."""
    from docutils.parsers.rst import Parser

    def fresh() -> Parser:
        return Parser(inliner=rst_machines.words_inliner())

    return with_parser(fresh, lambda: rst_reader.parse_rst(text).pformat())


def documents() -> list[str]:
    from newsconvert import parse, render
    from newsconvert.source import read_source

    texts = [NESTED, (DATA / "handwritten.rst").read_text(encoding="utf-8")]
    for path in CORPUS_FILES[:40]:
        texts.append(render(parse(read_source(path).text), "rst", standalone=True))
    return texts


def test_warm_machines_parse_as_fresh_ones() -> None:
    texts = documents()
    expected = [fresh_doctree(text) for text in texts]
    # Twice over, in two orders: every document meets machines another document ran.
    for order in (range(len(texts)), reversed(range(len(texts)))):
        for index in order:
            assert rst_reader.parse_rst(texts[index]).pformat() == expected[index], index


def test_machines_are_reused() -> None:
    rst_reader.parse_rst(NESTED)
    built = []
    original = rst_machines.PooledStateMachine.__init__

    def counting(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        built.append(self)
        original(self, *args, **kwargs)

    rst_machines.PooledStateMachine.__init__ = counting  # type: ignore[method-assign]
    try:
        rst_reader.parse_rst(NESTED)
    finally:
        rst_machines.PooledStateMachine.__init__ = original  # type: ignore[method-assign]
    assert built == []


def test_a_refused_document_leaves_the_pool_usable() -> None:
    from newsconvert.errors import ParseError

    with pytest.raises(ParseError):
        rst_reader.parse_rst("Title\n=====\n\n- item\n\n  .. include:: /etc/passwd\n")
    assert rst_reader.parse_rst(NESTED).pformat() == fresh_doctree(NESTED)


def test_threads_keep_their_own_machines() -> None:
    texts = documents()[:12]
    expected = [fresh_doctree(text) for text in texts]
    failures: list[int] = []

    def work(offset: int) -> None:
        for step in range(len(texts) * 2):
            index = (offset + step) % len(texts)
            if rst_reader.parse_rst(texts[index]).pformat() != expected[index]:
                failures.append(index)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_bare_uris_read_as_the_same_words_without_their_search() -> None:
    """The reader's inliner leaves bare URIs and addresses plain text: the tree is the one
    docutils' own inliner (which makes them reference nodes) gives."""
    from docutils.parsers.rst import Parser

    from newsconvert.readers import read

    texts = [
        *documents(),
        "Links\n=====\n\nSee https://example.org/a_(b), <http://q.org/x>, me@example.com "
        "and ``https://literal``; mailto:x@y.z too.\n",
    ]
    for text in texts:
        ours = read(text, "rst")
        assert with_parser(Parser, lambda text=text: read(text, "rst")) == ours
