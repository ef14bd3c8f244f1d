"""Classroom exports of the question bank: Moodle, Canvas (QTI), Anki, Kahoot, Quizizz, JSON.

Every format is a pure function ``(corpus, questions) -> ExportResult``; ``EXPORT_FORMATS`` lists
them in a stable order for the CLI (`quizgen export`) and the teachers' page::

    result = EXPORT_FORMATS["gift"].render(corpus, bank.questions)
    Path(EXPORT_FORMATS["gift"].filename).write_bytes(result.data)
"""

from __future__ import annotations

from quizgen.export.bank_json import render_json_bank
from quizgen.export.export_format import ExportFormat, ExportResult
from quizgen.export.gift import render_gift
from quizgen.export.moodle_xml import render_moodle_xml
from quizgen.export.qti_package import render_qti_package
from quizgen.export.quiz_csv import render_quiz_csv
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

__all__ = ["EXPORT_FORMATS", "ExportFormat", "ExportResult"]


# The Anki deck and the Kahoot spreadsheet are written with genanki and openpyxl, which take a
# third of a small site's build to import (openpyxl alone about 0.4 s): they are imported at the
# first render, so a build whose exports come from the teachers' cache never loads them.
def render_anki_deck(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    from quizgen.export.anki_deck import render_anki_deck

    return render_anki_deck(corpus, questions)


def render_kahoot(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    from quizgen.export.kahoot import render_kahoot

    return render_kahoot(corpus, questions)

EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("gift", "questions.gift", "Moodle GIFT",
                 "For Moodle's question bank: Question bank > Import, choose GIFT format and this file "
                 "(multiple-choice and true-or-false questions; ordering questions as matching, each event to its place in the order; "
                 "numeric items as numerical questions, with a margin where the source gives the figure as approximate; "
                 "matching items, terms to definitions and people to roles, as matching).",
                 render_gift),
    ExportFormat("moodle-xml", "questions-moodle.xml", "Moodle XML",
                 "For Moodle's question bank: Question bank > Import, choose Moodle XML format and this file "
                 "(every question, with feedback on each option; numeric items as numerical questions, matching items as matching; "
                 "ordering questions need "
                 "Moodle 4.4 or the Ordering plugin).",
                 render_moodle_xml),
    ExportFormat("qti", "questions-qti.zip", "QTI 1.2 package (Canvas)",
                 "For Canvas and other QTI 1.2 tools: in Canvas, Settings > Import Course Content > QTI .zip file, "
                 "then upload this zip unopened. Canvas has no ordering type: an ordering question is a matching question, "
                 "each event to its place in the order. Numeric items are numerical questions, matching items matching questions.",
                 render_qti_package),
    ExportFormat("anki", "questions.apkg", "Anki deck",
                 "For Anki: File > Import and choose this file; every question (a numeric item as a card to recall its number) "
                 "and the glossary terms become cards, "
                 "and importing a newer deck updates them.", render_anki_deck),
    ExportFormat("kahoot", "kahoot.xlsx", "Kahoot spreadsheet",
                 "For Kahoot: create a kahoot, Add question > Import spreadsheet, and upload this file. It holds the "
                 "multiple-choice and true-or-false questions within Kahoot's limits (a question of at most 120 characters, "
                 "at most four answers of 75). A longer question is asked in a shorter form where one asks the same "
                 "question: without “True or false?” or “According to the articles”, “Who” for “Which outlet”, without the outlets that "
                 "reported a statement when the statement's truth does not depend on them, without a title before a "
                 "name, or with a long quotation or definition cut after a whole word and marked “…”. Ordering questions are "
                 "left out: the spreadsheet takes only quiz questions, and Kahoot's ordering type (puzzle) is made in its editor.",
                 render_kahoot),
    ExportFormat("csv", "questions.csv", "Quizizz spreadsheet (CSV)",
                 "For Quizizz (Wayground): Create > Quiz > Import from spreadsheet; Blooket and similar tools "
                 "take the same rows. It holds the multiple-choice, true-or-false and ordering questions, with their full text "
                 "and explanations; the spreadsheet has "
                 "no ordering type, so an ordering question lists the events lettered and asks which order of letters is right.",
                 render_quiz_csv),
    ExportFormat("json", "questions.json", "JSON question bank",
                 "For your own tools: every question with its answer, explanation and sources, as JSON.", render_json_bank),
)}
