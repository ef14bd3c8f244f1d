"""The ready set of printable documents for teachers, which the study site publishes.

``teacher_worksheets`` is pure: for every article a worksheet and a reading handout, one worksheet
on the whole corpus, and the glossary worksheet, each in three copies (the students' copy, the
answer key, and both in one file for the teacher), as HTML with a fixed seed, so a rebuild of the
same corpus gives the same files (and ``render_pdf_cached`` renders none of them again).
"""

from __future__ import annotations

from pathlib import Path

from quizgen.generate.question_bank import QuestionBank
from quizgen.model.corpus import Corpus
from quizgen.worksheet.worksheet_request import (
    PrintedFile,
    WorksheetDocument,
    WorksheetRequest,
    build_worksheet,
)

TEACHER_SEED = "teachers"
ARTICLE_QUESTIONS = 15
CORPUS_QUESTIONS = 25
HANDOUT_QUESTIONS = 8


def teacher_worksheets(corpus: Corpus, bank: QuestionBank, paper: str = "a4",
                       template_dirs: tuple[Path, ...] = ()) -> list[PrintedFile]:
    """The ready set, in a stable order: each sheet's student, key and teacher copies, one after
    the other (the teachers' page lists them three by three); uris under `teachers/`.

    Sheets `teachers/corpus-worksheet` (whole corpus), `teachers/worksheet-<article>`,
    `teachers/glossary-worksheet`, `teachers/handout-<article>`, each as `…-student.pdf`,
    `…-key.pdf` and `…-teacher.pdf`. Articles without questions get no worksheet or handout; a
    corpus without terms no glossary worksheet.
    """
    def make(uri: str, **options: object) -> WorksheetDocument:
        request = WorksheetRequest(seed=TEACHER_SEED, paper=paper, **options)  # type: ignore[arg-type]  # options are WorksheetRequest's own fields, given by name
        return build_worksheet(corpus, bank, request, uri=uri, template_dirs=template_dirs)

    documents: list[WorksheetDocument] = []
    if bank.questions:
        documents.append(make("teachers/corpus-worksheet.pdf", count=CORPUS_QUESTIONS))
    for article in corpus.articles:
        if bank.candidates(articles=(article.id,)):  # any question citing it: a copy's too
            documents.append(make(f"teachers/worksheet-{article.id}.pdf", articles=(article.id,), count=ARTICLE_QUESTIONS))
    if corpus.terms:
        documents.append(make("teachers/glossary-worksheet.pdf", type="glossary"))
    for article in corpus.articles:
        if bank.candidates(articles=(article.id,)):  # any question citing it: a copy's too
            documents.append(make(f"teachers/handout-{article.id}.pdf", type="handout", articles=(article.id,), count=HANDOUT_QUESTIONS))
    return [file for document in documents for file in document.files()]
