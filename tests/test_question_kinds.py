"""Kinds are declared once (quizgen/model/kinds.py), and what a teacher reads follows the declaration.

Each question kind says what every export does with it; an export that cannot hold a kind leaves
its questions out with the declared reason, which the teachers' page and `quizgen export` show.
A kind that forgets an export is named, with the export, by ``missing_export_support``.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import typing
from collections import Counter
from enum import StrEnum
from pathlib import Path

import pytest
from quizgen.export import EXPORT_FORMATS
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.model.facts import AnyFact
from quizgen.model.kinds import (
    EXPORT_NAMES,
    FACT_KIND_SPECS,
    FACT_KINDS,
    QUESTION_KIND_SPECS,
    QUESTION_KINDS,
    Held,
    LeftOut,
    QuestionKind,
    QuestionKindSpec,
    left_out_reason,
    missing_export_support,
)
from quizgen.worksheet.worksheet_html import KIND_INSTRUCTIONS

from export_cases import REPO, SEEDS, load_exported
from test_cloze_items import ferry_corpus

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic_corpus import write_synthetic_corpus  # noqa: E402

TEMPLATES = REPO / "templates"
Banks = list[tuple[Corpus, tuple[Question, ...]]]


@pytest.fixture(scope="module")
def banks(tmp_path_factory: pytest.TempPathFactory) -> Banks:
    """The seed corpus (curated questions), a small synthetic one (every generated family) and
    the cloze tests' ferry corpus (cloze items, which need a curated glossary of related terms):
    together they ask every kind, so every declaration is tried."""
    synthetic = tmp_path_factory.mktemp("synthetic")
    write_synthetic_corpus(synthetic, 10)
    ferry = ferry_corpus(tmp_path_factory.mktemp("ferry"))
    found = [load_exported(SEEDS), load_exported(synthetic), load_exported(ferry)]
    assert {q.kind for _, questions in found for q in questions} == set(QuestionKind)
    return found


def test_every_kind_says_what_every_export_does_with_it() -> None:
    assert tuple(EXPORT_FORMATS) == EXPORT_NAMES
    assert missing_export_support(QUESTION_KIND_SPECS, EXPORT_FORMATS) == []
    assert tuple(QUESTION_KINDS) == tuple(QuestionKind)


class ScratchKind(StrEnum):
    """A kind that exists only in this test: what a contributor adding one would write first."""

    HOTSPOT = "hotspot"


def scratch_spec(exports: dict[str, Held | LeftOut]) -> QuestionKindSpec:
    return QuestionKindSpec(ScratchKind.HOTSPOT, ("options", "correct"), ("image-hotspot",), ("quiz_question.html",),  # type: ignore[arg-type]  # a kind outside QuestionKind, on purpose
                            exports, time_limit=None)


def test_a_new_kind_that_forgets_an_export_is_named_with_the_export() -> None:
    exports: dict[str, Held | LeftOut] = {name: Held("a record") for name in EXPORT_NAMES if name != "kahoot"}
    assert missing_export_support([*QUESTION_KIND_SPECS, scratch_spec(exports)], EXPORT_FORMATS) == [
        "kind 'hotspot' does not say what export 'kahoot' does with it (Held or LeftOut)"]
    misspelt = {**exports, "kahoot": LeftOut("Kahoot has no hotspot questions"), "moodle": Held("hotspot")}
    assert missing_export_support([scratch_spec(misspelt)], EXPORT_FORMATS) == [
        "kind 'hotspot' names export 'moodle', which does not exist"]


def test_every_kind_a_timed_quiz_holds_declares_its_time_limit() -> None:
    for spec in QUESTION_KIND_SPECS:
        timed = any(isinstance(spec.exports[name], Held) for name in ("kahoot", "csv"))
        assert (spec.time_limit is not None) == timed, spec.kind
    held_by_kahoot = {spec.time_limit for spec in QUESTION_KIND_SPECS if isinstance(spec.exports["kahoot"], Held)}
    assert held_by_kahoot <= {5, 10, 20, 30, 60, 90, 120, 240}, "the only limits Kahoot's import template offers"


@pytest.mark.parametrize("export", EXPORT_NAMES)
def test_a_kind_an_export_cannot_hold_is_left_out_with_the_declared_reason(export: str, banks: Banks) -> None:
    kind_reasons = {reason for kind in QuestionKind if (reason := left_out_reason(kind, export))}
    for corpus, questions in banks:
        left_out = dict(line.split(": ", 1) for line in EXPORT_FORMATS[export].render(corpus, questions).left_out)
        for question in questions:
            reason = left_out_reason(question.kind, export)
            if reason is None:  # held, or left out for a limit of its own (a Kahoot length), never for its kind
                assert left_out.get(question.id) not in kind_reasons, (export, question.kind)
            else:
                assert left_out.get(question.id) == reason, (export, question.kind)


def test_every_question_comes_from_a_family_its_kind_declares(banks: Banks) -> None:
    asked = set()
    for _, questions in banks:
        for question in questions:
            assert question.family in QUESTION_KINDS[question.kind].families, (question.kind, question.family)
            asked.add(question.family)
    families = [family for spec in QUESTION_KIND_SPECS for family in spec.families]
    assert len(families) == len(set(families)), "a family makes questions of one kind"
    assert asked == set(families), "every declared family makes questions"


def test_every_question_holds_its_answer_in_the_fields_its_kind_declares(banks: Banks) -> None:
    answer_fields = {name for spec in QUESTION_KIND_SPECS for name in spec.answer_fields} - {"options", "option_notes"}
    for _, questions in banks:
        for question in questions:
            declared = QUESTION_KINDS[question.kind].answer_fields
            for name in answer_fields:
                empty = getattr(question, name) in (None, ())
                assert empty != (name in declared), (question.kind, name)


def test_every_kind_has_its_templates_and_a_worksheet_instruction() -> None:
    for spec in QUESTION_KIND_SPECS:
        assert all((TEMPLATES / name).is_file() for name in spec.templates), spec.kind
    assert set(KIND_INSTRUCTIONS) == set(QuestionKind)


def test_fact_kinds_are_the_fact_classes_and_name_the_families_made_from_them(banks: Banks) -> None:
    assert {spec.model for spec in FACT_KIND_SPECS} == set(typing.get_args(AnyFact))
    assert FACT_KINDS == ("quantity", "role", "event", "quotation", "claim")
    declared = {family for spec in FACT_KIND_SPECS for family in spec.families}
    by_kind = {spec.kind: spec for spec in FACT_KIND_SPECS}
    asked = set()
    for corpus, questions in banks:
        for question in questions:
            if question.family in declared:
                for fact_id in question.fact_ids:
                    assert question.family in by_kind[corpus.fact(fact_id).kind].families, (question.family, fact_id)
                asked.add(question.family)
    assert asked == declared


def test_figures_of_two_scales_or_units_are_options_of_different_types() -> None:
    from quizgen.generate.item_rules import item_problems
    from quizgen.generate.question_model import Citation, DateType, NumberType, Question

    figures = Question(
        id="q-1", family="figure", kind=QuestionKind.MULTIPLE_CHOICE, stem="According to the articles, how many cars?",
        options=("2,000 cars", "3,000 cars", "4,000 cars"), correct=0, correct_order=None, option_notes=(None,) * 3,
        explanation="About 2,000 cars. (Source: The Daily.)", citations=(Citation("a", "2,000 cars"),), topics=("t",),
        articles=("a",), difficulty="medium", fact_ids=("f",), option_types=(NumberType("cars", 3),) * 3,
        accepted=frozenset({"2,000 cars"}))
    assert item_problems(figures) == []
    mixed = (NumberType("cars", 3), NumberType("cars", 4), NumberType("lorries", 3))
    assert "options are of different types: number:cars:3, number:cars:4, number:lorries:3" in item_problems(
        dataclasses.replace(figures, option_types=mixed))
    assert "options are of different types: date:month, date:year, number:cars:3" in item_problems(
        dataclasses.replace(figures, option_types=(NumberType("cars", 3), DateType("month"), DateType("year"))))


def test_mypy_names_every_place_a_new_kind_needs_a_case(tmp_path: Path) -> None:
    """CONTRIBUTING.md's walk-through, followed on a copy of the package: a new question kind and
    a new fact kind, declared and nothing else, and mypy lists the places that need their case."""
    shutil.copytree(REPO / "quizgen", tmp_path / "quizgen")
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    if (REPO / ".mypy_cache").is_dir():  # only for speed: mypy checks what changed again
        shutil.copytree(REPO / ".mypy_cache", tmp_path / ".mypy_cache")
    kinds = tmp_path / "quizgen" / "model" / "kinds.py"
    kinds.write_text(kinds.read_text(encoding="utf-8").replace('    CLOZE = "cloze"\n',
                                                               '    CLOZE = "cloze"\n    HOTSPOT = "hotspot"\n'), encoding="utf-8")
    facts = tmp_path / "quizgen" / "model" / "facts.py"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "AnyFact = QuantityFact | RoleFact | EventFact | QuotationFact | ClaimFact\n",
        'class PollFact(FactBase):\n    kind: Literal["poll"]\n    share: Number\n\n\n'
        "AnyFact = QuantityFact | RoleFact | EventFact | QuotationFact | ClaimFact | PollFact\n"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=tmp_path, capture_output=True, text=True)
    places = Counter(line.split(":")[0] for line in run.stdout.splitlines() if "assert_never" in line)
    assert run.returncode == 1
    assert dict(places) == {
        # the new question kind: its answer's text, the bank's option order, each export, the worksheet key
        "quizgen/generate/question_model.py": 1, "quizgen/generate/option_order.py": 1,
        "quizgen/export/gift.py": 1, "quizgen/export/moodle_xml.py": 1, "quizgen/export/qti.py": 2,
        "quizgen/worksheet/sheet_items.py": 1,
        # the new fact kind: its date, the pools and the bank, and the checks
        "quizgen/model/facts.py": 1, "quizgen/generate/question_pools.py": 1, "quizgen/generate/question_bank.py": 1,
        "quizgen/validate/consistency.py": 1, "quizgen/validate/references.py": 1, "quizgen/validate/names.py": 1,
        "quizgen/validate/story.py": 1}, run.stdout
    assert all("assert_never" in line for line in run.stdout.splitlines() if ": error:" in line), run.stdout


def test_templates_name_kinds_by_their_members_and_a_misspelt_one_fails_the_build() -> None:
    import re

    from jinja2 import UndefinedError
    from quizgen.render.environment import make_environments

    templates = [path for path in sorted(TEMPLATES.iterdir()) if path.suffix in (".html", ".md")]
    used = {name for path in templates for name in re.findall(r"\bkinds\.(\w+)", path.read_text(encoding="utf-8"))}
    assert used and used <= set(QuestionKind.__members__)
    literals = [path.name for path in templates
                if re.search(r"kind\s*[!=]=\s*['\"]", path.read_text(encoding="utf-8"))]
    assert literals == [], "compare q.kind with kinds.MEMBER, which fails on a misspelling"
    html = make_environments()[1]
    assert html.from_string("{{ 1 if kind == kinds.ORDERING else 'A' }}").render(kind=QuestionKind.ORDERING) == "1"
    with pytest.raises(UndefinedError, match="ORDERNG"):
        html.from_string("{% if kind == kinds.ORDERNG %}1{% endif %}").render(kind=QuestionKind.ORDERING)
