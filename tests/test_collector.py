"""The cycle collector is paused while quizgen loads and generates, and left as it was found."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from quizgen.collector import collector_paused, collector_running
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.errors import CorpusError

BASE = Path(__file__).parent / "fixtures" / "base_corpus"


@pytest.fixture
def restore_collector() -> Iterator[None]:
    """The collector as it was before the test, whatever the test did to it."""
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_and_generating_leave_the_collector_as_they_found_it(enabled: bool, restore_collector: None) -> None:
    gc.enable() if enabled else gc.disable()
    corpus = load_corpus(BASE)
    assert gc.isenabled() is enabled
    build_site_content(corpus)
    assert gc.isenabled() is enabled


def test_a_refused_corpus_leaves_the_collector_on(tmp_path: Path, restore_collector: None) -> None:
    gc.enable()
    (tmp_path / "corpus.yaml").write_text("corpus: [\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        load_corpus(tmp_path)
    assert gc.isenabled()


def test_collections_wait_while_paused_and_run_inside_collector_running(restore_collector: None) -> None:
    gc.enable()
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append("paused" if not gc.isenabled() else "running")

    gc.callbacks.append(record)
    try:
        with collector_paused():
            assert not gc.isenabled()
            _ = [[i] for i in range(50_000)]  # enough allocations to trigger collections if it were on
            paused = list(collections)
            with collector_running():
                assert gc.isenabled()
                _ = [[i] for i in range(50_000)]
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(record)
    assert paused == [], "no automatic collection while paused"
    assert "running" in collections
