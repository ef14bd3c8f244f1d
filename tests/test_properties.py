"""Properties over generated corpora (hypothesis): checking never crashes, every question follows
the item-writing rules, and generation is deterministic."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.errors import CorpusError, Problem
from quizgen.generate.item_rules import item_problems
from quizgen.generate.question_bank import build_question_bank

from corpus_strategies import corpora, corpus_summary, damaged_corpora, write_corpus

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _in_temp_folder(files: dict[str, str]) -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="quizgen-prop-"))
    return folder, write_corpus(files, folder / "seeds")


@SETTINGS
@given(damaged_corpora())
def test_check_reports_problems_or_passes_and_never_crashes(files: dict[str, str]) -> None:
    folder, seeds = _in_temp_folder(files)
    try:
        try:
            build_question_bank(load_corpus(seeds, display_root="seeds"))
        except CorpusError as error:
            assert error.problems, "a CorpusError carries at least one problem"
            for problem in error.problems:
                assert isinstance(problem, Problem) and problem.line >= 1 and problem.column >= 1
                assert problem.path.startswith("seeds"), problem
                assert "\n" not in problem.message and problem.message.strip(), problem
    finally:
        shutil.rmtree(folder)


@SETTINGS
@given(corpora())
def test_a_valid_corpus_gives_questions_that_follow_every_rule(files: dict[str, str]) -> None:
    folder, seeds = _in_temp_folder(files)
    try:
        corpus = load_corpus(seeds, display_root="seeds")
        try:
            bank = build_question_bank(corpus)
        except CorpusError as error:  # a broken item-writing rule: a finding, never a pass
            raise AssertionError(f"{error}\n{corpus_summary(files)}") from None
        assert bank.questions
        for question in bank.questions:
            assert item_problems(question) == [], (question, corpus_summary(files))
    finally:
        shutil.rmtree(folder)


@SETTINGS
@given(corpora())
def test_generation_is_deterministic_wherever_the_corpus_lies(files: dict[str, str]) -> None:
    first_folder, first = _in_temp_folder(files)
    second_folder, second = _in_temp_folder(files)
    try:
        one, two = load_corpus(first, display_root="seeds"), load_corpus(second, display_root="seeds")
        assert build_question_bank(one) == build_question_bank(two)
        site_one, site_two = build_site_content(one), build_site_content(two)
        assert site_one.pages == site_two.pages
        assert site_one.files == site_two.files
    finally:
        shutil.rmtree(first_folder)
        shutil.rmtree(second_folder)
