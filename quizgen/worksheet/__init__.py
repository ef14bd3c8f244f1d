"""Printable worksheets, glossary worksheets and reading handouts, as HTML and as PDF.

Generators (pure): ``build_worksheet`` for what `quizgen worksheet` asks, ``teacher_worksheets`` for
the set the study site publishes. Every sheet comes in three copies: the students' (no key), the
answer key, and the teacher's (each variant's questions, then its key). ``quizgen.worksheet.pdf`` turns their HTML into PDF bytes
(WeasyPrint); it is imported only where PDFs are made, so the generators work without it.
"""

from quizgen.worksheet.teacher_set import teacher_worksheets
from quizgen.worksheet.worksheet_request import (
    PrintedFile,
    WorksheetDocument,
    WorksheetRequest,
    build_worksheet,
)

__all__ = ["PrintedFile", "WorksheetDocument", "WorksheetRequest", "build_worksheet", "teacher_worksheets"]
