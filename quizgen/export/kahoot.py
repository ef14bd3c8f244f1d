"""A Kahoot quiz spreadsheet (.xlsx) in the layout of Kahoot's import template.

Kahoot's template has its column headings on row 8 from column B: the question (at most 120
characters), answers 1 to 4 (at most 75 characters each), the time limit (5, 10, 20, 30, 60, 90,
120 or 240 seconds) and the correct answer's number; each question is a row from row 9, numbered
in column A. A stem over 120 characters is replaced by its short form (``short_stems``), which
asks the same question; questions that still do not fit (too long, more than four answers, an
answer over 75 characters, ordering questions) are left out and listed. Every cell is text, and a
cell a spreadsheet would read as a formula is neutralised.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from quizgen.export.export_format import ExportResult
from quizgen.export.fixed_zip import rezip_with_fixed_metadata
from quizgen.export.short_stems import quotation_index, short_stem
from quizgen.export.spreadsheet_cells import neutralise_formula
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind, left_out_reason, time_limit

QUESTION_LIMIT = 120
ANSWER_LIMIT = 75
ANSWERS_AT_MOST = 4
HEADER_ROW = 8
HEADINGS = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
            "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
            "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
FIXED_TIME = datetime.datetime(1980, 1, 1)


def kahoot_cell(text: str) -> str:
    """A text cell: formulas neutralised; a carriage return becomes a line feed, as an XML reader
    would make it anyway (openpyxl writes it raw unless lxml is installed)."""
    return neutralise_formula(text).replace("\r\n", "\n").replace("\r", "\n")


def why_not_kahoot(question: Question, stem: str | None = None) -> str | None:
    """Why ``question``, asked with ``stem`` (by default its own), does not fit Kahoot's limits, or
    None when it fits. Reasons shared by several questions read the same, with the detail in brackets."""
    stem = question.stem if stem is None else stem
    # An ordering question is left out: the lettered-events form the Quizizz spreadsheet gets
    # would not fit 120 characters either.
    reason = left_out_reason(question.kind, "kahoot")
    if reason is not None:
        return reason
    if len(question.options) > ANSWERS_AT_MOST:
        return f"more than {ANSWERS_AT_MOST} answers; Kahoot allows {ANSWERS_AT_MOST} ({len(question.options)})"
    longest = max(question.options, key=len)
    if len(longest) > ANSWER_LIMIT:
        return f"an answer is longer than Kahoot's {ANSWER_LIMIT} characters ({len(longest)})"
    if len(stem) > QUESTION_LIMIT:
        shortened = f" → {len(stem)}" if stem != question.stem else ""
        return (f"the question is longer than Kahoot's {QUESTION_LIMIT} characters, even in the shortest form that asks "
                f"the same question ({len(question.stem)}{shortened})")
    return None



def kahoot_stem(corpus: Corpus, question: Question, quotations: str | None = None) -> str:
    """The stem Kahoot gets: the question's own, or its short form when that is over the limit."""
    return short_stem(corpus, question, QUESTION_LIMIT, quotations)


def render_kahoot(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The Kahoot spreadsheet of the questions that fit, and one line for each one left out."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook opens on its one worksheet (openpyxl types it as optional)
    sheet.title = "Sheet1"
    sheet["B2"] = kahoot_cell(corpus.info.title)
    sheet["B4"] = "Import in Kahoot: Create > Kahoot > Add question > Import spreadsheet."
    for column, heading in enumerate(HEADINGS, start=2):
        sheet.cell(row=HEADER_ROW, column=column, value=heading)
    left_out: list[str] = []
    row = HEADER_ROW
    quotations = quotation_index(corpus)
    for question in questions:
        # A cloze passage is never cut: a shorter form could lose its blank.
        stem = kahoot_stem(corpus, question, quotations) if question.kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE) else question.stem
        reason = why_not_kahoot(question, stem)
        if reason:
            left_out.append(f"{question.id}: {reason}")
            continue
        assert question.correct is not None
        row += 1
        answers = list(question.options) + [""] * (ANSWERS_AT_MOST - len(question.options))
        values: list[int | str] = [row - HEADER_ROW, kahoot_cell(stem), *(kahoot_cell(a) for a in answers),
                  time_limit(question.kind), question.correct + 1]
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value if value != "" else None)
    workbook.properties.creator = "quizgen"
    workbook.properties.title = corpus.info.title
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter rather than workbook.save, which stamps the file with the current time.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return ExportResult(rezip_with_fixed_metadata(buffer.getvalue()), tuple(left_out))
