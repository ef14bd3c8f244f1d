"""A CSV for Quizizz (Wayground) imports, in the columns of its spreadsheet template.

Columns: Question Text, Question Type, Option 1-5, Correct Answer (the option's number), Time in
seconds, Image Link, Answer explanation. Blooket, Gimkit and similar tools take the same rows
after renaming the columns. True-or-false questions are multiple choice with two options. The
spreadsheet has no ordering type, so an ordering question is multiple choice among orders: the
events lettered in the stem, the options sequences of letters (``ordering_forms``). Cells a spreadsheet would read as
a formula are neutralised. UTF-8 with a byte-order mark, so that Excel reads accents and
typographic quotes correctly; CRLF line ends, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io

from quizgen.export.export_format import ExportResult
from quizgen.export.feedback_text import plain_feedback
from quizgen.export.ordering_forms import sequence_choices, sequence_stem
from quizgen.export.spreadsheet_cells import neutralise_formula
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind, left_out_reason, time_limit

HEADER = ("Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
          "Correct Answer", "Time in seconds", "Image Link", "Answer explanation")
OPTIONS_AT_MOST = 5



def quiz_csv_form(question: Question) -> tuple[str, tuple[str, ...], int]:
    """The stem, options and index of the right option a question is asked with in the spreadsheet."""
    if question.kind == QuestionKind.ORDERING:
        options, correct = sequence_choices(question)
        return sequence_stem(question), options, correct
    assert question.correct is not None
    return question.stem, question.options, question.correct


def render_quiz_csv(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """One row per question; a kind the spreadsheet cannot hold is listed as left out."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    left_out: list[str] = []
    for question in questions:
        reason = left_out_reason(question.kind, "csv")
        if reason is not None:
            left_out.append(f"{question.id}: {reason}")
            continue
        stem, choices, correct = quiz_csv_form(question)
        if len(choices) > OPTIONS_AT_MOST:
            left_out.append(f"{question.id}: {len(choices)} options; the Quizizz spreadsheet holds {OPTIONS_AT_MOST}")
            continue
        options = [neutralise_formula(o) for o in choices] + [""] * (OPTIONS_AT_MOST - len(choices))
        writer.writerow([neutralise_formula(stem), "Multiple Choice", *options, correct + 1,
                         time_limit(question.kind), "", neutralise_formula(plain_feedback(corpus, question))])
    return ExportResult(("\ufeff" + buffer.getvalue()).encode("utf-8"), tuple(left_out))
