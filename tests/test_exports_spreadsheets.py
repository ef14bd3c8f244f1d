"""The Kahoot spreadsheet (read back with openpyxl) and the Quizizz CSV (read back with csv)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import sys
from itertools import permutations
from pathlib import Path

import pytest
from openpyxl import load_workbook
from quizgen.export.feedback_text import plain_feedback
from quizgen.export.kahoot import (
    HEADER_ROW,
    HEADINGS,
    kahoot_cell,
    kahoot_stem,
    render_kahoot,
    why_not_kahoot,
)
from quizgen.export.quiz_csv import HEADER, render_quiz_csv
from quizgen.export.spreadsheet_cells import neutralise_formula
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

from corpus_cases import make_corpus
from export_cases import (
    BASE_CORPUS,
    FORMULAS,
    HOSTILE,
    REPO,
    SEEDS,
    formula_questions,
    load_questions,
    make_hostile_corpus,
)
from golden_files import assert_golden

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic_corpus import write_synthetic_corpus  # noqa: E402


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
    stems = {q.id: kahoot_stem(corpus, q) for q in questions}
    fits = [q for q in questions if why_not_kahoot(q, stems[q.id]) is None]
    assert [line.split(":")[0] for line in result.left_out] == [q.id for q in questions if why_not_kahoot(q, stems[q.id])]
    rows = read_kahoot(result.data)
    assert len(rows) == len(fits)
    for number, (question, row) in enumerate(zip(fits, rows), start=1):
        assert row[0] == number and row[1] == kahoot_cell(stems[question.id])
        assert len(stems[question.id]) <= 120 and all(len(o) <= 75 for o in question.options)
        answers = [a for a in row[2:6] if a is not None]
        assert answers == [kahoot_cell(o) for o in question.options]
        assert row[6] in (5, 10, 20, 30, 60, 90, 120, 240)
        assert question.correct is not None and row[7] == question.correct + 1


def assert_csv_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> None:
    result = render_quiz_csv(corpus, questions)
    kept = list(questions)
    assert result.left_out == ()
    rows = read_csv(result.data)
    assert len(rows) == len(kept)
    for question, row in zip(kept, rows):
        if question.kind == "ordering":
            assert_csv_row_asks_the_order(question, row)
            continue
        assert row[0] == neutralise_formula(question.stem) and row[1] == "Multiple Choice"
        assert [o for o in row[2:7] if o] == [neutralise_formula(o) for o in question.options]
        assert question.correct is not None and row[7] == str(question.correct + 1)
        assert row[10] == neutralise_formula(plain_feedback(corpus, question))


def assert_csv_row_asks_the_order(question: Question, row: list[str]) -> None:
    """An ordering question as multiple choice: the events lettered in the stem, distinct orders of
    all the letters as options, and the marked one the right order."""
    assert question.correct_order is not None and row[1] == "Multiple Choice"
    letters = "ABCDEFGH"[: len(question.options)]
    assert row[0].startswith(neutralise_formula(question.stem)) and row[0].endswith("Which order is right?")
    for letter, event in zip(letters, question.options):
        assert f"{letter}: {event}" in row[0]
    options = [o for o in row[2:7] if o]
    assert len(options) == min(4, len(list(permutations(letters)))) and len(set(options)) == len(options)
    assert all(sorted(o.split(", ")) == list(letters) for o in options)
    right = options[int(row[7]) - 1].split(", ")
    assert [question.options[letters.index(letter)] for letter in right] == [question.options[i] for i in question.correct_order]


def test_csv_asks_ordering_questions_as_a_choice_of_orders() -> None:
    corpus, questions = load_questions(SEEDS)
    ordering = next(q for q in questions if q.kind == "ordering")
    two = dataclasses.replace(ordering, id="q-twoevents001", options=ordering.options[:2], correct_order=(1, 0))
    hostile = dataclasses.replace(ordering, id="q-hostile00001", options=(FORMULAS[0],) + ordering.options[1:])
    assert_csv_round_trip(corpus, (ordering, two, hostile))
    rows = read_csv(render_quiz_csv(corpus, (ordering, ordering)).data)
    assert rows[0] == rows[1]  # the same question, the same options in the same order


def test_seed_corpus_round_trips_within_kahoot_limits() -> None:
    corpus, questions = load_questions(SEEDS)
    result = render_kahoot(corpus, questions)
    asked = [q for q in questions if q.kind in ("multiple-choice", "true-false")]
    left_out = {line.split(":")[0] for line in result.left_out}
    held = [q for q in asked if q.id not in left_out]
    assert len(held) >= 0.9 * len(asked), f"Kahoot holds {len(held)} of {len(asked)} multiple-choice and true-false items"
    assert any("takes only quiz questions" in line and "puzzle" in line for line in result.left_out)
    assert_kahoot_round_trip(corpus, questions)
    assert_csv_round_trip(corpus, questions)


def test_kahoot_limits() -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    question = next(q for q in questions if q.kind == "multiple-choice")
    from dataclasses import replace
    assert why_not_kahoot(replace(question, stem="x" * 120)) is None
    longer = "the question is longer than Kahoot's 120 characters, even in the shortest form that asks the same question"
    assert why_not_kahoot(replace(question, stem="x" * 121)) == f"{longer} (121)"
    assert why_not_kahoot(replace(question, stem="x" * 130), "x" * 125) == f"{longer} (130 → 125)"
    assert why_not_kahoot(replace(question, options=("a" * 76, "b", "c"))) == "an answer is longer than Kahoot's 75 characters (76)"
    assert why_not_kahoot(replace(question, options=("a", "b", "c", "d", "e"))) == "more than 4 answers; Kahoot allows 4 (5)"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’,-]+", text)


def test_short_stems_fit_ask_the_same_question_and_never_cut_a_word(tmp_path: Path) -> None:
    # the seed bank's curated stems all fit; a synthetic corpus's generated stems are often too long
    write_synthetic_corpus(tmp_path / "seeds", 10)
    corpus, questions = load_questions(tmp_path / "seeds")
    asked = [q for q in questions if q.kind in ("multiple-choice", "true-false")]
    stems = {q.id: kahoot_stem(corpus, q) for q in asked}
    shortened = [q for q in asked if stems[q.id] != q.stem]
    assert shortened and all(len(q.stem) > 120 and len(stems[q.id]) < len(q.stem) for q in shortened)
    lead_ins = {"Which", "term", "means", "Who", "What", "When", "Whose"}
    for question in shortened:
        short = stems[question.id]
        original = _words(question.stem)
        assert set(_words(short)) - lead_ins <= set(original) | {w.capitalize() for w in original}, (short, question.stem)
        for part in short.split("…")[:-1]:  # whatever is cut ends after a whole word of the original
            kept = part.rsplit("“", 1)[-1]
            at = question.stem.find(kept)
            assert at >= 0 and not question.stem[at + len(kept)].isalnum(), (short, question.stem)
        if question.family not in ("quotation-speaker", "term-definition"):  # nobody the question is about goes missing
            assert all(p.name in short for p in corpus.people if p.name in question.stem), (short, question.stem)
        if question.kind == "true-false":  # a statement to judge, ending as the original does
            assert question.stem.endswith(short[-30:]) and short[0].upper() == short[0] and "True or false" not in short, short
    fit = [q for q in asked if why_not_kahoot(q, stems[q.id]) is None]
    share = len(fit) / len(asked)
    print(f"Kahoot holds {len(fit)} of {len(asked)} multiple-choice and true-false items ({share:.0%}); "
          f"{len([q for q in asked if why_not_kahoot(q) is None])} without short forms")
    assert share > len([q for q in asked if why_not_kahoot(q) is None]) / len(asked)  # short forms let more in


CLAIM = "the town council paid for the whole of the new bridge across the river in Riverton, after twelve years of talks about it"
FALSE_CLAIM = CLAIM.replace("paid for", "refused to pay for")


@pytest.mark.parametrize("reporters, shown, answer, dropped", [
    ("The Weekly", f"The Weekly reported that {FALSE_CLAIM}.", "False", True),   # false for what was reported
    ("The Weekly", f"The Daily reported that {CLAIM}.", "False", False),        # false for who reported it
    ("The Weekly", f"The Weekly reported that {CLAIM}.", "True", False),        # one outlet's account
    ("The Weekly and The Daily", f"The Weekly and The Daily reported that {CLAIM}.", "True", True),  # corroborated
], ids=["false-content", "false-reporter", "true-one-outlet", "true-corroborated"])
def test_a_reporter_goes_only_when_the_truth_does_not_turn_on_it(tmp_path: Path, reporters: str, shown: str, answer: str,
                                                                  dropped: bool) -> None:
    """`The Daily reported that X` is false when only The Weekly did: without its reporter it would be true."""
    from dataclasses import replace

    case = {"description": "a long claim", "edit": {"facts/bridge.yaml": [[
        "    statement: The Weekly reported that the town council paid for the bridge.\n",
        f"    statement: {reporters} reported that {CLAIM}.\n"]]}}
    corpus, questions = load_questions(make_corpus(case, tmp_path / "corpus"))
    generated = next(q for q in questions if q.kind == "true-false" and q.fact_ids == ("weekly-council-paid",))
    question = replace(generated, stem=f"True or false? {shown}", correct=generated.options.index(answer))
    rest = shown.split(" reported that ", 1)[1]
    assert kahoot_stem(corpus, question) == (rest[:1].upper() + rest[1:] if dropped else shown)


@pytest.mark.parametrize("answer, dropped", [("True", True), ("False", False)])
def test_a_title_goes_from_a_false_statement_only_when_the_true_one_gives_it_too(answer: str, dropped: bool) -> None:
    from dataclasses import replace

    corpus, questions = load_questions(BASE_CORPUS)
    generated = next(q for q in questions if q.kind == "true-false" and q.fact_ids == ("lima-twelve-years",))
    said = "Ana Lima said that the bridge across the river in Riverton took twelve years of talks, plans and building work to finish."
    question = replace(generated, stem=f"True or false? Riverton's deputy mayor {said}", correct=generated.options.index(answer))
    assert "deputy mayor" not in corpus.fact("lima-twelve-years").statement  # the false one may turn on the title
    assert kahoot_stem(corpus, question) == (said if dropped else f"Riverton's deputy mayor {said}")


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
