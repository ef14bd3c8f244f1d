"""The JSON bank as an export: the site's `questions.json`, for any chosen subset of questions."""

from __future__ import annotations

from quizgen.emit.bank_json import render_bank_json
from quizgen.export.export_format import ExportResult
from quizgen.generate.question_bank import QuestionBank
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus


def render_json_bank(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The same document as the site's `exports/questions.json`, holding ``questions`` only."""
    return ExportResult(render_bank_json(corpus, QuestionBank(questions=questions, facts_without_questions=())))
