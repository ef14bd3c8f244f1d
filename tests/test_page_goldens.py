"""Golden files for every kind of generated page and for the JSON bank, from the fixture corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden_files import assert_golden
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.emit.teacher_downloads import pdf_renderer

BASE = Path(__file__).parent / "fixtures" / "base_corpus"
GOLDENS = Path(__file__).parent / "goldens" / "site"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    render_pdf = pdf_renderer(tmp_path_factory.mktemp("pdf-cache"))
    return build_site_content(load_corpus(BASE, display_root="seeds"), render_pdf=render_pdf)


PAGES = ["index.md", "briefing.md", "timeline.md", "articles/index.md", "articles/daily-2020.md", "quizzes/index.md",
         "quizzes/all.md", "quizzes/topics/bridges.md", "glossary.md", "people.md", "sources.md", "practice.md",
         "progress.md", "flashcards.md", "teachers.md"]


@pytest.mark.parametrize("uri", PAGES)
def test_page_matches_golden(content, uri: str, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    assert_golden(GOLDENS / uri, content.pages[uri], update_goldens)


def test_bank_json_matches_golden(content, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    assert_golden(GOLDENS / "exports" / "questions.json", content.files["exports/questions.json"].decode("utf-8"), update_goldens)


def test_every_generated_page_has_a_golden(content) -> None:  # type: ignore[no-untyped-def]
    kinds = {uri.split("/")[0] if "/" in uri else uri for uri in content.pages}
    covered = {uri.split("/")[0] if "/" in uri else uri for uri in PAGES}
    assert kinds <= covered
