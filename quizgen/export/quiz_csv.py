"""A CSV for Quizizz (Wayground) imports, in the columns of its spreadsheet template.

Columns: Question Text, Question Type, Option 1-5, Correct Answer (the option's number), Time in
seconds, Image Link, Answer explanation. Blooket, Gimkit and similar tools take the same rows
after renaming the columns. True-or-false questions are multiple choice with two options;
ordering questions have no column layout and are left out. Cells a spreadsheet would read as
a formula are neutralised. UTF-8 with a byte-order mark, so that Excel reads accents and
typographic quotes correctly; CRLF line ends, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io

from quizgen.export.export_format import ExportResult
from quizgen.export.feedback_text import plain_feedback
from quizgen.export.spreadsheet_cells import neutralise_formula
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

HEADER = ("Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
          "Correct Answer", "Time in seconds", "Image Link", "Answer explanation")
OPTIONS_AT_MOST = 5
TIME_LIMITS = {"true-false": 20, "multiple-choice": 30}


def render_quiz_csv(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """One row per multiple-choice or true-or-false question; ordering questions are listed as left out."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    left_out: list[str] = []
    for question in questions:
        if question.kind not in TIME_LIMITS:
            left_out.append(f"{question.id}: the Quizizz spreadsheet has no {question.kind} questions")
            continue
        if len(question.options) > OPTIONS_AT_MOST:
            left_out.append(f"{question.id}: {len(question.options)} options; the Quizizz spreadsheet holds {OPTIONS_AT_MOST}")
            continue
        assert question.correct is not None
        options = [neutralise_formula(o) for o in question.options] + [""] * (OPTIONS_AT_MOST - len(question.options))
        writer.writerow([neutralise_formula(question.stem), "Multiple Choice", *options, question.correct + 1,
                         TIME_LIMITS[question.kind], "", neutralise_formula(plain_feedback(corpus, question))])
    return ExportResult(("\ufeff" + buffer.getvalue()).encode("utf-8"), tuple(left_out))
