"""The teachers' files, a stage of their own: every export of the bank and the printable worksheets.

``teacher_downloads`` is the stage's one door: it makes the files (`downloads`), or takes them from
the teachers' cache of an earlier build with the same inputs (`cache`), and returns them with how
the teachers' page describes them.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.collector import collector_running
from quizgen.generate.question_bank import QuestionBank
from quizgen.model.corpus import Corpus
from quizgen.render.downloads import TeacherFiles
from quizgen.teachers.cache import TeacherCache, cached_teacher_files
from quizgen.teachers.downloads import (
    FileStore,
    PdfRenderer,
    keep_in_memory,
    teacher_files,
)


def teacher_downloads(corpus: Corpus, bank: QuestionBank, *, render_pdf: PdfRenderer | None, scope: str = "all",
                      template_dirs: tuple[Path, ...] = (), cache: TeacherCache | None = None) -> TeacherFiles:
    """The exports and the worksheets of ``scope`` (PDFs with ``render_pdf``; none without it), from
    ``cache`` when its key was built before."""
    def make(store: FileStore = keep_in_memory) -> TeacherFiles:
        with collector_running():  # WeasyPrint's layout trees and openpyxl's workbooks are cyclic garbage
            return teacher_files(corpus, bank, render_pdf=render_pdf, scope=scope, template_dirs=template_dirs, store=store)

    return cached_teacher_files(cache, make) if cache else make()
