"""Reading worksheet PDFs in tests with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm).

Without WeasyPrint's libraries or poppler-utils the PDF tests skip, except under CI (CI=true),
where that is a failure: `make test` installs them (`make pdf-tools`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm")


def require_pdf_tools() -> None:
    problems = [f"{tool} is missing (Debian package poppler-utils)" for tool in TOOLS if shutil.which(tool) is None]
    try:
        import quizgen.worksheet.pdf  # noqa: F401  (WeasyPrint loads Pango when imported)
    except (ImportError, OSError) as exc:
        problems.append(f"WeasyPrint cannot start: {exc}")
    if problems:
        message = "PDF tests need `make pdf-tools`: " + "; ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")[:-1]


def squeezed(text: str) -> str:
    """Text without white space, so that words broken across lines by the layout still match."""
    return re.sub(r"\s+", "", text)


def pdf_info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(pdf)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_fonts(pdf: Path) -> list[list[str]]:
    """One row per font: name, type..., emb, sub, uni, object, id (pdffonts' columns)."""
    return [line.split() for line in _run("pdffonts", str(pdf)).splitlines()[2:]]


def page_images(pdf: Path, folder: Path, prefix: str, first: int, last: int) -> list[Path]:
    """PNG images of pages first..last at 100 dpi, for a person to review."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{prefix}-*.png"):
        old.unlink()
    _run("pdftoppm", "-r", "100", "-png", "-f", str(first), "-l", str(last), str(pdf), str(folder / prefix))
    return sorted(folder.glob(f"{prefix}-*.png"))
