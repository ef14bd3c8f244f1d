"""The files the "For teachers" page offers: the ready set of worksheets (PDF) and every export.

PDFs are made by a renderer passed in (``render_pdf``): the MkDocs plugin and `quizgen build` pass
one that caches by content (`quizgen.worksheet.pdf.render_pdf_cached`), so an unchanged worksheet
is not rendered again; without a renderer the page offers the exports only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizgen.export import EXPORT_FORMATS
from quizgen.generate.question_bank import QuestionBank
from quizgen.model.corpus import Corpus
from quizgen.render.downloads import WORKSHEET_SCOPES, TeacherDownload, TeacherFiles

PdfRenderer = Callable[[str], bytes]
FileStore = Callable[[str, bytes], "bytes | Path"]
"""Takes a file as soon as it is made (its uri and bytes); returns what the site holds for it: the
bytes, or the path it was written to (`quizgen.teachers.cache`)."""


def keep_in_memory(uri: str, data: bytes) -> bytes:
    """The ``FileStore`` without a cache: the site holds the bytes themselves."""
    return data


def pdf_renderer(cache_dir: Path) -> PdfRenderer:
    """WeasyPrint, cached by content in ``cache_dir``. Imported at the first worksheet, so the core
    runs without it and a build whose worksheets come from the teachers' cache never loads it."""
    def render(html: str) -> bytes:
        from quizgen.worksheet.pdf import render_pdf_cached

        return render_pdf_cached(html, cache_dir)

    return render


def teacher_files(corpus: Corpus, bank: QuestionBank, *, render_pdf: PdfRenderer | None, scope: str = "all",
                  template_dirs: tuple[Path, ...] = (), store: FileStore = keep_in_memory) -> TeacherFiles:
    """Every export of the whole bank, and the worksheets of ``scope`` rendered with ``render_pdf``,
    each handed to ``store`` as soon as it is made."""
    if scope not in WORKSHEET_SCOPES:
        raise ValueError(f"expected a worksheet scope of {', '.join(WORKSHEET_SCOPES)}, found '{scope}'")
    files: dict[str, bytes | Path] = {}
    exports = []
    for export in EXPORT_FORMATS.values():
        # questions.json too holds the whole bank: the site asks every item (the numeric, matching
        # and cloze ones on their own page), and its progress page counts them all.
        result = export.render(corpus, bank.exported)
        uri = f"exports/{export.filename}"
        files[uri] = store(uri, result.data)
        exports.append(TeacherDownload(uri, export.title, export.description, result.left_out))
    worksheets = []
    if render_pdf is not None and scope != "none":
        # Imported here: a build whose teachers' files come from their cache never makes a worksheet.
        from quizgen.worksheet import teacher_worksheets

        for document in teacher_worksheets(corpus, bank, template_dirs=template_dirs):
            per_article = document.uri.startswith(("teachers/worksheet-", "teachers/handout-"))
            if scope == "corpus" and per_article:
                continue
            files[document.uri] = store(document.uri, render_pdf(document.html))
            worksheets.append(TeacherDownload(document.uri, document.title, document.description))
    return TeacherFiles(tuple(worksheets), tuple(exports), files)
