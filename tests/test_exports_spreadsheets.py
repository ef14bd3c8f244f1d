"""The Kahoot spreadsheet (read back with openpyxl) and the Quizizz CSV (read back with csv)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from export_cases import BASE_CORPUS, FORMULAS, HOSTILE, REPO, SEEDS, formula_questions, load_questions, make_hostile_corpus
from golden_files import assert_golden
from openpyxl import load_workbook

from quizgen.export.feedback_text import plain_feedback
from quizgen.export.kahoot import HEADER_ROW, HEADINGS, kahoot_cell, render_kahoot, why_not_kahoot
from quizgen.export.quiz_csv import HEADER, render_quiz_csv
from quizgen.export.spreadsheet_cells import neutralise_formula
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus


def read_kahoot(data: bytes) -> list[tuple[object, ...]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert [c.value for c in sheet[HEADER_ROW]][1:8] == list(HEADINGS)
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    for row in rows:  # every cell a value, never a formula
        assert not any(isinstance(v, str) and v.startswith("=") for v in row)
    return rows


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADER
    return rows[1:]


def assert_kahoot_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> None:
    result = render_kahoot(corpus, questions)
    fits = [q for q in questions if why_not_kahoot(q) is None]
    assert [line.split(":")[0] for line in result.left_out] == [q.id for q in questions if why_not_kahoot(q)]
    rows = read_kahoot(result.data)
    assert len(rows) == len(fits)
    for number, (question, row) in enumerate(zip(fits, rows), start=1):
        assert row[0] == number and row[1] == kahoot_cell(question.stem)
        assert len(question.stem) <= 120 and all(len(o) <= 75 for o in question.options)
        answers = [a for a in row[2:6] if a is not None]
        assert answers == [kahoot_cell(o) for o in question.options]
        assert row[6] in (5, 10, 20, 30, 60, 90, 120, 240)
        assert question.correct is not None and row[7] == question.correct + 1


def assert_csv_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> None:
    result = render_quiz_csv(corpus, questions)
    kept = [q for q in questions if q.kind != "ordering"]
    assert [line.split(":")[0] for line in result.left_out] == [q.id for q in questions if q.kind == "ordering"]
    rows = read_csv(result.data)
    assert len(rows) == len(kept)
    for question, row in zip(kept, rows):
        assert row[0] == neutralise_formula(question.stem) and row[1] == "Multiple Choice"
        assert [o for o in row[2:7] if o] == [neutralise_formula(o) for o in question.options]
        assert question.correct is not None and row[7] == str(question.correct + 1)
        assert row[10] == neutralise_formula(plain_feedback(corpus, question))


def test_seed_corpus_round_trips_within_kahoot_limits() -> None:
    corpus, questions = load_questions(SEEDS)
    result = render_kahoot(corpus, questions)
    assert result.left_out and any("Kahoot allows 120" in line for line in result.left_out)
    assert any("no ordering" in line for line in result.left_out)
    assert_kahoot_round_trip(corpus, questions)
    assert_csv_round_trip(corpus, questions)


def test_kahoot_limits() -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    question = next(q for q in questions if q.kind == "multiple-choice")
    from dataclasses import replace
    assert why_not_kahoot(replace(question, stem="x" * 120)) is None
    assert why_not_kahoot(replace(question, stem="x" * 121)) == "the question has 121 characters; Kahoot allows 120"
    assert why_not_kahoot(replace(question, options=("a" * 76, "b", "c"))) == "an answer has 76 characters; Kahoot allows 75"
    assert why_not_kahoot(replace(question, options=("a", "b", "c", "d", "e"))) == "5 answers; Kahoot allows 4"


def test_formulas_are_neutralised_and_ids_kept(tmp_path: Path) -> None:
    corpus, questions = load_questions(make_hostile_corpus(tmp_path / "corpus"))
    hostile = formula_questions(questions) + questions
    kahoot_rows = read_kahoot(render_kahoot(corpus, hostile).data)
    csv_rows = read_csv(render_quiz_csv(corpus, hostile).data)
    for rows, cell_of in (([[str(v) for v in row if v is not None] for row in kahoot_rows], kahoot_cell), (csv_rows, neutralise_formula)):
        cells = [cell for row in rows for cell in row]
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
        for formula in FORMULAS:
            assert any(cell.startswith(cell_of(formula)) and cell.startswith("'") for cell in cells), formula
    assert any(HOSTILE in row[0] for row in csv_rows)
    assert_kahoot_round_trip(corpus, hostile)
    assert_csv_round_trip(corpus, hostile)


def test_neutralise_formula() -> None:
    assert neutralise_formula("=1+1") == "'=1+1"
    assert neutralise_formula("q-0123") == "q-0123"
    assert neutralise_formula("About 3,000 people") == "About 3,000 people"


def test_csv_matches_golden(update_goldens: bool) -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    text = render_quiz_csv(corpus, questions).data.decode("utf-8")
    assert_golden(REPO / "tests" / "goldens" / "exports" / "questions.csv", text.replace("\r\n", "\n"), update_goldens)


def test_kahoot_file_carries_no_clock_time() -> None:
    import zipfile

    corpus, questions = load_questions(BASE_CORPUS)
    data = render_kahoot(corpus, questions).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert core.count("1980-01-01T00:00:00Z") == 2  # created and modified
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.properties.modified is not None and workbook.properties.modified.year == 1980
