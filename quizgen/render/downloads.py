"""The files a page offers for download, as the teachers' page lists them.

The teachers' stage makes the files (`quizgen.teachers`); the page renderer only needs to
know what they are, so their description lives here, below both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WORKSHEET_SCOPES = ("all", "corpus", "none")
"""`all`: a worksheet and a handout per article, one for the corpus and the glossary worksheet;
`corpus`: the corpus and glossary worksheets only (for large corpora); `none`: no PDFs."""


@dataclass(frozen=True)
class TeacherDownload:
    """One file on the teachers' page."""

    uri: str
    """Where it is in the site: `teachers/worksheet.pdf`, `exports/questions.gift`."""
    title: str
    description: str
    left_out: tuple[str, ...] = ()
    """Questions the format could not hold, one line each (`q-…: why`)."""


@dataclass(frozen=True)
class TeacherFiles:
    worksheets: tuple[TeacherDownload, ...]
    exports: tuple[TeacherDownload, ...]
    files: dict[str, bytes | Path]
    """By uri: the bytes, or the path of a file holding them."""
    warnings: tuple[str, ...] = ()
    """What the build should tell the user without failing (a teachers' cache it could not write)."""
