"""Printable worksheets, glossary worksheets and reading handouts, as HTML and as PDF.

Generators (pure): ``build_worksheet`` for what `quizgen worksheet` asks, ``teacher_worksheets`` for
the set the study site publishes. ``quizgen.worksheet.pdf`` turns their HTML into PDF bytes
(WeasyPrint); it is imported only where PDFs are made, so the generators work without it.
"""

from quizgen.worksheet.teacher_set import teacher_worksheets
from quizgen.worksheet.worksheet_request import WorksheetDocument, WorksheetRequest, build_worksheet

__all__ = ["WorksheetDocument", "WorksheetRequest", "build_worksheet", "teacher_worksheets"]
