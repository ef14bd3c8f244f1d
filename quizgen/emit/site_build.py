"""The site built from its folders: the one pipeline `quizgen build` and the MkDocs plugin both run.

Load the corpus (reading back the YAML the last build parsed), then generate every page and
download, rendering worksheets through the PDF cache and taking the teachers' files from their
cache when the corpus, the templates, quizgen and the options are unchanged. The adapters only
choose the folders and turn errors into messages.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.emit.page_cache import BuildCaches
from quizgen.emit.site import SiteContent
from quizgen.emit.site_content import build_site_content
from quizgen.generate.question_model import answer_key, quote_anchor
from quizgen.model.corpus import Corpus
from quizgen.render.environment import make_environments
from quizgen.teachers.cache import site_teacher_cache
from quizgen.teachers.downloads import pdf_renderer


def forget_earlier_builds() -> None:
    """Empty the in-memory caches an earlier build in this process filled (`mkdocs serve` rebuilds
    in its own process): the Jinja environments, which would keep a built-in template a new
    override now replaces, or miss a templates folder made since, and the quote anchors and
    answer keys, which would otherwise hold every quote and option ever built. Each build then
    holds only its own, and nothing it shows comes from the build before."""
    make_environments.cache_clear()
    quote_anchor.cache_clear()
    answer_key.cache_clear()


def build_site_from_folders(seeds: Path, templates: Path, caches: BuildCaches, *, directory_urls: bool, worksheets: str,
                            display_root: str | None = None) -> tuple[Corpus, SiteContent]:
    """The corpus under ``seeds`` and the site made from it with ``templates`` overriding the built-in
    templates (a folder that need not exist); ``display_root`` is how corpus paths start in messages."""
    forget_earlier_builds()
    corpus = load_corpus(seeds, display_root=display_root, yaml_cache=caches.yaml)
    render_pdf = pdf_renderer(caches.pdf) if worksheets != "none" else None
    teacher_cache = site_teacher_cache(caches.teachers, seeds, (templates,), worksheets, directory_urls)
    content = build_site_content(corpus, template_dirs=(templates,), directory_urls=directory_urls, render_pdf=render_pdf,
                                 worksheets=worksheets, teacher_cache=teacher_cache)
    return corpus, content
