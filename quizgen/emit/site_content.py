"""Everything the study site contains, generated in memory: pages, downloads, assets and the nav.

`build_site_content` is the one function the MkDocs plugin and `quizgen build` both call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quizgen.collector import collector_paused, collector_running
from quizgen.emit.assets import shipped_asset
from quizgen.emit.teacher_cache import TeacherCache, cached_teacher_files
from quizgen.emit.teacher_downloads import FileStore, PdfRenderer, keep_in_memory, teacher_files
from quizgen.export.bank_json import render_glossary_json
from quizgen.generate.question_bank import build_question_bank
from quizgen.model.corpus import Corpus
from quizgen.render.downloads import TeacherFiles
from quizgen.render.environment import builtin_templates_dir, make_environments
from quizgen.render.quiz_html import article_uri
from quizgen.render.site_pages import BANK_URI, PRACTICE_QUESTIONS_URI, WRITTEN_URI, PageRenderer, topic_quiz_uri

SCRIPTS = ("quizgen.js", "quizgen/practice.js", "quizgen/progress.js", "quizgen/flashcards.js")
"""The quiz script's ES modules that the pages load (type=module), each setting up its own part."""
ASSETS = ("quizgen.css", *SCRIPTS, "quizgen/state.js")
"""The style, and the script's modules: those the pages load, and the state they share."""
NAV_LIST_LIMIT = 20
"""A nav section lists its pages only up to this many; beyond, the nav holds only the section's
index page, which lists them all. MkDocs renders the whole nav into every page, so a nav that
grows with the corpus would make the build quadratic in the number of articles."""
_NON_ASCII_SEPARATORS = re.compile(r"[^\x00-\x7f\w]+")
"""Runs of characters outside ASCII that are not letters or digits (curly quotes, dashes)."""
_ASCII_SEPARATORS_TO_SPACE = bytes(c if chr(c).isalnum() else ord(" ") for c in range(128)) + bytes(range(128, 256))
"""A `bytes.translate` table: every ASCII byte but a letter or digit becomes a space; bytes of
characters outside ASCII (UTF-8 sequences) are kept."""
NavItem = tuple[str, "str | list[NavItem]"]


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]
    """Markdown pages by their path in the site (`articles/x.md`)."""
    files: dict[str, bytes | Path]
    """Other files: downloads and assets (`exports/questions.json`), as bytes or the path of a file
    holding them (the teachers' files, when they come from a ``TeacherCache``)."""
    nav: list[NavItem] = field(default_factory=list)
    """The navigation: (title, uri) or (title, [children])."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Abbreviation → expansion, for tooltips in the `abbr` convention."""
    not_in_nav: tuple[str, ...] = ()
    """Pages deliberately left out of the nav (listed on their section's index page instead)."""
    warnings: tuple[str, ...] = ()
    """What the adapter should print without failing the build (a teachers' cache it could not write)."""

    @cached_property
    def _abbreviation_finder(self) -> AbbreviationFinder:
        return AbbreviationFinder(self.abbreviations)

    def abbreviation_lines_for(self, markdown: str) -> str:
        """`abbreviation_lines` for the abbreviations that can occur in ``markdown`` only."""
        return self._abbreviation_finder.lines_for(markdown)


class AbbreviationFinder:
    """Which of a glossary's abbreviations a page can hold.

    An abbreviation matches only as whole words, so one whose first word is not a run of letters
    and digits in the page cannot occur there. Leaving the others out changes no output and keeps
    each page's cost independent of the size of the glossary.
    """

    def __init__(self, abbreviations: dict[str, str]):
        self.abbreviations = abbreviations
        self.by_first_word: dict[str, list[str]] = {}
        for abbr in abbreviations:
            self.by_first_word.setdefault(abbr.split()[0], []).append(abbr)

    def lines_for(self, markdown: str) -> str:
        words = self.first_words_in(markdown)
        return abbreviation_lines({abbr: self.abbreviations[abbr] for word in words for abbr in self.by_first_word[word]})

    def first_words_in(self, markdown: str) -> set[str]:
        """The abbreviations' first words that occur in ``markdown`` as words (maximal runs of
        letters and digits, as the regex ``[^\\W_]+`` finds them), found in C, not a loop over the
        page's words: outside ASCII, separators become spaces; encoded, ASCII separators become
        spaces; what `bytes.split` leaves are the words, in UTF-8."""
        if not markdown.isascii():
            markdown = _NON_ASCII_SEPARATORS.sub(" ", markdown)
        words = self._first_words_utf8.intersection(markdown.encode().translate(_ASCII_SEPARATORS_TO_SPACE).split())
        return {word.decode() for word in words}

    @cached_property
    def _first_words_utf8(self) -> frozenset[bytes]:
        return frozenset(word.encode() for word in self.by_first_word)


_SEARCHED_PREFIX_CHARS = 100


def without_first(text: str, part: str) -> str:
    """``text.replace(part, "", 1)``, faster for a long ``part`` (a quiz: most of its page): found by
    its first characters and then compared, not searched for whole (which preprocesses all of it)."""
    at = text.find(part[:_SEARCHED_PREFIX_CHARS])
    if at < 0 or not text.startswith(part, at):
        at = text.find(part)
    return text if at < 0 else text[:at] + text[at + len(part):]


def abbreviation_lines(abbreviations: dict[str, str]) -> str:
    """`*[WHO]: World Health Organization` lines for Python-Markdown's abbr extension."""
    return "".join(f"*[{abbr}]: {expansion}\n" for abbr, expansion in sorted(abbreviations.items()))


def _abbreviations(corpus: Corpus) -> dict[str, str]:
    """Every glossary term and alias whose first word is a word (what the finder can match), with
    its tooltip: the expansion, if any, then the definition."""
    found: dict[str, str] = {}
    for term in corpus.terms:
        tip = " ".join((f"{term.expansion}: {term.definition}" if term.expansion else term.definition).split())
        for name in (term.term, *term.aliases):
            if name.split()[0].isalnum() and "]" not in name:
                found.setdefault(name, tip)
    return found


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

    def make_downloads(store: FileStore = keep_in_memory) -> TeacherFiles:
        with collector_running():  # WeasyPrint's layout trees and openpyxl's workbooks are cyclic garbage
            return teacher_files(corpus, bank, render_pdf=render_pdf, scope=worksheets, template_dirs=template_dirs, store=store)

    downloads = cached_teacher_files(teacher_cache, make_downloads) if teacher_cache else make_downloads()
    finder = AbbreviationFinder(_abbreviations(corpus))
    pages: dict[str, str] = {}

    def add(uri: str, text: str) -> None:
        """The page, ending with the abbreviations of its prose (here, not in the plugin: MkDocs
        would hold a second copy of every page). Quizzes are raw HTML, which Python-Markdown's
        abbr extension leaves alone, so their text does not count."""
        prose = text
        for quiz in renderer.take_quizzes(uri):
            prose = without_first(prose, quiz)
        lines = finder.lines_for(prose)
        pages[uri] = f"{text}\n\n{lines}" if lines else text

    for uri, render in (("index.md", renderer.home), ("briefing.md", renderer.briefing), ("timeline.md", renderer.timeline),
                        ("articles/index.md", renderer.articles_index), ("quizzes/index.md", renderer.quizzes_index),
                        (BANK_URI, renderer.bank_quiz), (WRITTEN_URI, renderer.written_quiz), ("glossary.md", renderer.glossary), ("people.md", renderer.people),
                        ("sources.md", renderer.sources), ("practice.md", renderer.practice), ("progress.md", renderer.progress),
                        ("flashcards.md", renderer.flashcards)):
        add(uri, render())
    add("teachers.md", renderer.teachers(downloads))
    for article in corpus.articles:
        add(article_uri(article.id), renderer.article(article.id))
    topics = [t for t in corpus.topics if bank.by_topic(t.id)]
    for topic in topics:
        add(topic_quiz_uri(topic.id), renderer.topic_quiz(topic.id))
    files = {**downloads.files, "exports/glossary.json": render_glossary_json(corpus),  # questions.json: the JSON export
             PRACTICE_QUESTIONS_URI: renderer.practice_questions().encode("utf-8")}
    for asset in ASSETS:
        source = next((d / asset for d in template_dirs if (d / asset).is_file()), builtin_templates_dir() / asset)
        files[f"assets/{asset}"] = shipped_asset(asset, source.read_bytes())
    article_pages = [(a.meta.headline, article_uri(a.id)) for a in corpus.articles]
    topic_pages = [(t.title, topic_quiz_uri(t.id)) for t in topics]
    listed = [pages for pages in (article_pages, topic_pages) if len(pages) <= NAV_LIST_LIMIT]
    not_in_nav = tuple(uri for pages in (article_pages, topic_pages) if len(pages) > NAV_LIST_LIMIT for _, uri in pages)
    nav: list[NavItem] = [
        ("Home", "index.md"), ("Briefing", "briefing.md"), ("Timeline", "timeline.md"),
        ("Articles", ["articles/index.md", *(article_pages if article_pages in listed else [])]),  # type: ignore[list-item]  # a nav section's children are (title, uri) pairs, which NavItem's list type leaves out
        ("Quizzes", ["quizzes/index.md", ("All questions", BANK_URI), ("Write, match, fill the gap", WRITTEN_URI), *(topic_pages if topic_pages in listed else [])]),  # type: ignore[list-item]  # a nav section's children are (title, uri) pairs, which NavItem's list type leaves out
        ("Practice", "practice.md"), ("Flashcards", "flashcards.md"), ("My progress", "progress.md"),
        ("For teachers", "teachers.md"), ("Glossary", "glossary.md"), ("People", "people.md"), ("How the sources compare", "sources.md"),
    ]
    return SiteContent(pages, files, nav, finder.abbreviations, not_in_nav, downloads.warnings)
