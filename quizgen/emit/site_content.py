"""The study site assembled in memory (`SiteContent`): pages, downloads, assets and the nav.

`build_site_content` is the one function the MkDocs plugin and `quizgen build` both call. The
pages come from the renderer (`quizgen.render.site_pages`, its quiz pages from
`quizgen.render.quiz_pages`), the teachers' files from their stage (`quizgen.teachers`); this
module only puts them together: each page's Markdown with the abbreviations of its prose, the
files, and the navigation.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.collector import collector_paused
from quizgen.emit.assets import shipped_asset
from quizgen.emit.site import ASSETS, NavItem, SiteContent
from quizgen.export.bank_json import render_glossary_json
from quizgen.generate.question_bank import build_question_bank
from quizgen.model.corpus import Corpus
from quizgen.render.abbreviations import AbbreviationFinder, glossary_abbreviations
from quizgen.render.environment import builtin_templates_dir, make_environments
from quizgen.render.page import Page
from quizgen.render.quiz_html import article_uri
from quizgen.render.quiz_pages import (
    BANK_URI,
    PRACTICE_QUESTIONS_URI,
    WRITTEN_URI,
    topic_quiz_uri,
)
from quizgen.render.site_pages import PageRenderer
from quizgen.teachers import teacher_downloads
from quizgen.teachers.cache import TeacherCache
from quizgen.teachers.downloads import PdfRenderer

NAV_LIST_LIMIT = 20
"""A nav section lists its pages only up to this many; beyond, the nav holds only the section's
index page, which lists them all. MkDocs renders the whole nav into every page, so a nav that
grows with the corpus would make the build quadratic in the number of articles."""


def build_site_content(corpus: Corpus, *, template_dirs: tuple[Path, ...] = (), directory_urls: bool = True,
                       render_pdf: PdfRenderer | None = None, worksheets: str = "all",
                       teacher_cache: TeacherCache | None = None) -> SiteContent:
    """All pages and files of the site for ``corpus``. Raises ``CorpusError`` if a question breaks a rule.

    ``render_pdf`` turns a worksheet's HTML into PDF bytes (the adapters pass a cached one); without
    it the teachers' page offers the exports only. ``worksheets`` is a scope of ``WORKSHEET_SCOPES``.
    With ``teacher_cache``, the exports and worksheets come from it when its key was built before.
    Every page ends with the abbreviation lines (``abbreviation_lines_for``) of its own prose.
    """
    with collector_paused():
        return _site_content(corpus, template_dirs, directory_urls, render_pdf, worksheets, teacher_cache)


def _site_content(corpus: Corpus, template_dirs: tuple[Path, ...], directory_urls: bool, render_pdf: PdfRenderer | None,
                  worksheets: str, teacher_cache: TeacherCache | None) -> SiteContent:
    bank = build_question_bank(corpus)
    markdown, html = make_environments(template_dirs)
    renderer = PageRenderer(corpus, bank, markdown, html, directory_urls)
    quiz_pages = renderer.quiz_pages
    downloads = teacher_downloads(corpus, bank, render_pdf=render_pdf, scope=worksheets, template_dirs=template_dirs, cache=teacher_cache)
    finder = AbbreviationFinder(glossary_abbreviations(corpus))
    pages: dict[str, str] = {}
    titles: dict[str, str] = {}
    offered: set[str] = set()

    def add(page: Page) -> None:
        """Assembled as soon as it is rendered: a large site holds each page once, as Markdown."""
        pages[page.uri], titles[page.uri] = _assembled(page, finder), page.title
        offered.update(download.uri for download in page.downloads)

    written = bool(bank.numeric or bank.matching or bank.cloze)  # no page of written items without any
    for render in (renderer.home, renderer.briefing, renderer.timeline, renderer.articles_index, quiz_pages.quizzes_index,
                   quiz_pages.bank_quiz, *([quiz_pages.written_quiz] if written else []), renderer.glossary, renderer.people,
                   renderer.sources, quiz_pages.practice, quiz_pages.progress, renderer.flashcards):
        add(render())
    add(renderer.teachers(downloads))
    for article in corpus.articles:
        add(renderer.article(article.id))
    topics = [t for t in corpus.topics if bank.by_topic(t.id)]
    for topic in topics:
        add(quiz_pages.topic_quiz(topic.id))
    files = {uri: data for uri, data in downloads.files.items() if uri in offered}  # what no page offers is not shipped
    files["exports/glossary.json"] = render_glossary_json(corpus)  # questions.json: the JSON export, among the downloads
    files[PRACTICE_QUESTIONS_URI] = quiz_pages.practice_questions().encode("utf-8")  # the questions Practice clones
    for asset in ASSETS:
        source = next((d / asset for d in template_dirs if (d / asset).is_file()), builtin_templates_dir() / asset)
        files[f"assets/{asset}"] = shipped_asset(asset, source.read_bytes())
    article_pages = [(titles[uri], uri) for uri in map(article_uri, (a.id for a in corpus.articles))]
    topic_pages = [(titles[uri], uri) for uri in map(topic_quiz_uri, (t.id for t in topics))]
    listed = [pages for pages in (article_pages, topic_pages) if len(pages) <= NAV_LIST_LIMIT]
    not_in_nav = tuple(uri for pages in (article_pages, topic_pages) if len(pages) > NAV_LIST_LIMIT for _, uri in pages)
    nav: list[NavItem] = [
        *((titles[uri], uri) for uri in ("index.md", "briefing.md", "timeline.md")),
        (titles["articles/index.md"], ["articles/index.md", *(article_pages if article_pages in listed else [])]),  # type: ignore[list-item]  # a nav section's children are (title, uri) pairs, which NavItem's list type leaves out
        (titles["quizzes/index.md"], ["quizzes/index.md", (titles[BANK_URI], BANK_URI), *([(titles[WRITTEN_URI], WRITTEN_URI)] if written else []), *(topic_pages if topic_pages in listed else [])]),  # type: ignore[list-item]  # a nav section's children are (title, uri) pairs, which NavItem's list type leaves out
        *((titles[uri], uri) for uri in ("practice.md", "flashcards.md", "progress.md", "teachers.md", "glossary.md", "people.md", "sources.md")),
    ]
    return SiteContent(pages, files, nav, finder.abbreviations, not_in_nav, downloads.warnings, corpus.info.title,
                       corpus.latest_publication_timestamp())


def _assembled(page: Page, finder: AbbreviationFinder) -> str:
    """The page's Markdown, ending with the abbreviations of its prose (here, not in the plugin:
    MkDocs would hold a second copy of every page). Its quizzes are raw HTML, which
    Python-Markdown's abbr extension leaves alone: their text does not count."""
    lines = finder.lines_for("\n".join(page.prose))
    markdown = page.markdown
    return f"{markdown}\n\n{lines}" if lines else markdown
