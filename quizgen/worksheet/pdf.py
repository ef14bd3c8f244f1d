"""HTML to PDF with WeasyPrint: the only module that imports it.

Deterministic: no creation or modification date is written (quizgen's HTML declares none), the
PDF identifier is a hash of the HTML, and fonts come from the system's font files (Debian's
DejaVu), subset and embedded. The renderer fetches nothing: every URL is refused, as the sheets
inline their style and have no images. Same HTML, same WeasyPrint, same fonts: same bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import weasyprint
from weasyprint.urls import URLFetcher

from quizgen.atomic_files import write_file_atomically

RENDERER_VERSION = f"weasyprint-{weasyprint.__version__}"
"""Part of every cache key: a new renderer renders again."""


class RefusingURLFetcher(URLFetcher):
    """Refuses every URL, so that rendering never touches the network (or any file)."""

    def fetch(self, url: str, headers: object = None) -> object:  # type: ignore[override]
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


def render_pdf_cached(html: str, cache_dir: Path) -> bytes:
    """``render_pdf(html)``, from ``cache_dir`` when this html was rendered before by this renderer.

    Entries are named by the sha256 of the renderer version and the html, and written atomically,
    so an unchanged worksheet is never rendered twice and a crash never leaves a broken entry.
    """
    entry = cache_dir / f"{cache_key(html)}.pdf"
    if entry.is_file():
        return entry.read_bytes()
    pdf = render_pdf(html)
    write_file_atomically(entry, pdf)
    return pdf
