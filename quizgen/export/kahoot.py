"""A Kahoot quiz spreadsheet (.xlsx) in the layout of Kahoot's import template.

Kahoot's template has its column headings on row 8 from column B: the question (at most 120
characters), answers 1 to 4 (at most 75 characters each), the time limit (5, 10, 20, 30, 60, 90,
120 or 240 seconds) and the correct answer's number; each question is a row from row 9, numbered
in column A. Questions that do not fit (too long, more than four answers, ordering questions) are
left out and listed. Every cell is text, and a cell a spreadsheet would read as a formula is
neutralised.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from quizgen.export.export_format import ExportResult
from quizgen.export.fixed_zip import rezip_with_fixed_metadata
from quizgen.export.spreadsheet_cells import neutralise_formula
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

QUESTION_LIMIT = 120
ANSWER_LIMIT = 75
ANSWERS_AT_MOST = 4
HEADER_ROW = 8
HEADINGS = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
            "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
            "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
TIME_LIMITS = {"true-false": 20, "multiple-choice": 30}
"""Seconds to answer: a statement to judge is quicker to read than four options."""
FIXED_TIME = datetime.datetime(1980, 1, 1)


def kahoot_cell(text: str) -> str:
    """A text cell: formulas neutralised; a carriage return becomes a line feed, as an XML reader
    would make it anyway (openpyxl writes it raw unless lxml is installed)."""
    return neutralise_formula(text).replace("\r\n", "\n").replace("\r", "\n")


def why_not_kahoot(question: Question) -> str | None:
    """Why ``question`` does not fit Kahoot's limits, or None when it fits."""
    if question.kind not in TIME_LIMITS:
        return "Kahoot's spreadsheet import has no ordering questions"
    if len(question.stem) > QUESTION_LIMIT:
        return f"the question has {len(question.stem)} characters; Kahoot allows {QUESTION_LIMIT}"
    if len(question.options) > ANSWERS_AT_MOST:
        return f"{len(question.options)} answers; Kahoot allows {ANSWERS_AT_MOST}"
    longest = max(question.options, key=len)
    if len(longest) > ANSWER_LIMIT:
        return f"an answer has {len(longest)} characters; Kahoot allows {ANSWER_LIMIT}"
    return None


def render_kahoot(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The Kahoot spreadsheet of the questions that fit, and one line for each one left out."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet["B2"] = kahoot_cell(corpus.info.title)
    sheet["B4"] = "Import in Kahoot: Create > Kahoot > Add question > Import spreadsheet."
    for column, heading in enumerate(HEADINGS, start=2):
        sheet.cell(row=HEADER_ROW, column=column, value=heading)
    left_out: list[str] = []
    row = HEADER_ROW
    for question in questions:
        reason = why_not_kahoot(question)
        if reason:
            left_out.append(f"{question.id}: {reason}")
            continue
        assert question.correct is not None
        row += 1
        answers = list(question.options) + [""] * (ANSWERS_AT_MOST - len(question.options))
        values = [row - HEADER_ROW, kahoot_cell(question.stem), *(kahoot_cell(a) for a in answers),
                  TIME_LIMITS[question.kind], question.correct + 1]
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value if value != "" else None)
    workbook.properties.creator = "quizgen"
    workbook.properties.title = corpus.info.title
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter rather than workbook.save, which stamps the file with the current time.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return ExportResult(rezip_with_fixed_metadata(buffer.getvalue()), tuple(left_out))
