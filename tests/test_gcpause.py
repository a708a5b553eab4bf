"""The garbage collector is paused around one conversion and restored after it."""

from __future__ import annotations

import gc

import pytest

from newsconvert.gcpause import gc_paused, without_gc


def test_paused_inside_and_enabled_after_even_on_error() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("a failed conversion")
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_parse_and_render_run_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsconvert.parser.builder as builder
    from newsconvert.parser import parse
    from newsconvert.renderers import render

    seen: list[bool] = []
    original = builder.ArticleBuilder.build

    def build(self: builder.ArticleBuilder) -> object:
        seen.append(gc.isenabled())
        return original(self)

    monkeypatch.setattr(builder.ArticleBuilder, "build", build)
    article = parse("Harbour reopens\n\nThe harbour reopened on Monday after repairs.\n")
    assert seen == [False] and gc.isenabled()
    assert render(article, "md").startswith("# Harbour reopens")
    assert gc.isenabled()


def test_a_wrapped_function_restores_the_collector_after_an_error() -> None:
    @without_gc
    def fail() -> None:
        assert not gc.isenabled()
        raise ValueError("a failed conversion")

    with pytest.raises(ValueError):
        fail()
    assert gc.isenabled()
