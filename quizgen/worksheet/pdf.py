"""HTML to PDF with WeasyPrint: the only module that imports it.

Deterministic: no creation or modification date is written (quizgen's HTML declares none), the
PDF identifier is a hash of the HTML, and fonts come from the system's font files (Debian's
DejaVu), subset and embedded. The renderer fetches nothing: every URL is refused, as the sheets
inline their style and have no images. Same HTML, same WeasyPrint, same fonts: same bytes.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import weasyprint
from weasyprint.urls import URLFetcher

from quizgen.atomic_files import write_file_atomically

RENDERER_VERSION = f"weasyprint-{weasyprint.__version__}"
"""Part of every cache key: a new renderer renders again."""


class RefusingURLFetcher(URLFetcher):
    """Refuses every URL, so that rendering never touches the network (or any file)."""

    def fetch(self, url: str, headers: object = None) -> object:
        raise ValueError(f"quizgen worksheets fetch nothing; refused {url[:80]}")


def render_pdf(html: str) -> bytes:
    """The PDF of ``html``: byte-identical for the same ``html``."""
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=RefusingURLFetcher())
    pdf = document.write_pdf(pdf_identifier=identifier, uncompressed_pdf=False)
    assert pdf is not None
    return pdf


def cache_key(html: str) -> str:
    return hashlib.sha256((RENDERER_VERSION + "\x1f" + html).encode("utf-8")).hexdigest()


CACHED_PDF_MAX_BYTES = 256 * 1024 * 1024


def _read_whole_pdf(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a plain file (no link, no device) holding a whole PDF, else None:
    a truncated entry, or one replaced by a link, is rendered again, never published."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > CACHED_PDF_MAX_BYTES:
            return None
        data = stream.read()
    if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"):
        return data
    return None


def render_pdf_cached(html: str, cache_dir: Path) -> bytes:
    """``render_pdf(html)``, from ``cache_dir`` when this html was rendered before by this renderer.

    Entries are named by the sha256 of the renderer version and the html, and written atomically,
    so an unchanged worksheet is never rendered twice and a crash never leaves a broken entry.
    """
    entry = cache_dir / f"{cache_key(html)}.pdf"
    cached = _read_whole_pdf(entry)
    if cached is not None:
        return cached
    pdf = render_pdf(html)
    write_file_atomically(entry, pdf)
    return pdf
