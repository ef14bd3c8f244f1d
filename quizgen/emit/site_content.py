"""Everything the study site contains, generated in memory: pages, downloads, assets and the nav.

`build_site_content` is the one function the MkDocs plugin and `quizgen build` both call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from quizgen.emit.bank_json import render_bank_json, render_glossary_json
from quizgen.generate.question_bank import build_question_bank
from quizgen.model.corpus import Corpus
from quizgen.render.environment import builtin_templates_dir, make_environments
from quizgen.render.site_pages import BANK_URI, PageRenderer, article_uri, topic_quiz_uri

ASSETS = ("quizgen.css", "quizgen.js")
NavItem = tuple[str, "str | list[NavItem]"]


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]
    """Markdown pages by their path in the site (`articles/x.md`)."""
    files: dict[str, bytes]
    """Other files: downloads and assets (`exports/questions.json`)."""
    nav: list[NavItem] = field(default_factory=list)
    """The navigation: (title, uri) or (title, [children])."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Abbreviation → expansion, for tooltips in the `abbr` convention."""
    facts_without_questions: tuple[str, ...] = ()


def abbreviation_lines(abbreviations: dict[str, str]) -> str:
    """`*[WHO]: World Health Organization` lines for Python-Markdown's abbr extension."""
    return "".join(f"*[{abbr}]: {expansion}\n" for abbr, expansion in sorted(abbreviations.items()))


def _abbreviations(corpus: Corpus) -> dict[str, str]:
    found = {}
    for term in corpus.terms:
        if term.expansion and term.term.replace(" ", "").isalnum() and "\n" not in term.expansion:
            found[term.term] = term.expansion
    return found


def build_site_content(corpus: Corpus, *, template_dirs: tuple[Path, ...] = (), directory_urls: bool = True) -> SiteContent:
    """All pages and files of the site for ``corpus``. Raises ``CorpusError`` if a question breaks a rule."""
    bank = build_question_bank(corpus)
    markdown, html = make_environments(template_dirs)
    renderer = PageRenderer(corpus, bank, markdown, html, directory_urls)
    pages = {
        "index.md": renderer.home(),
        "briefing.md": renderer.briefing(),
        "timeline.md": renderer.timeline(),
        "articles/index.md": renderer.articles_index(),
        "quizzes/index.md": renderer.quizzes_index(),
        BANK_URI: renderer.bank_quiz(),
        "glossary.md": renderer.glossary(),
        "people.md": renderer.people(),
        "sources.md": renderer.sources(),
        "practice.md": renderer.practice(),
        "progress.md": renderer.progress(),
        "flashcards.md": renderer.flashcards(),
    }
    for article in corpus.articles:
        pages[article_uri(article.id)] = renderer.article(article.id)
    topics = [t for t in corpus.topics if bank.by_topic(t.id)]
    for topic in topics:
        pages[topic_quiz_uri(topic.id)] = renderer.topic_quiz(topic.id)
    files = {"exports/questions.json": render_bank_json(corpus, bank), "exports/glossary.json": render_glossary_json(corpus)}
    for asset in ASSETS:
        source = next((d / asset for d in template_dirs if (d / asset).is_file()), builtin_templates_dir() / asset)
        files[f"assets/{asset}"] = source.read_bytes()
    nav: list[NavItem] = [
        ("Home", "index.md"), ("Briefing", "briefing.md"), ("Timeline", "timeline.md"),
        ("Articles", ["articles/index.md", *[(a.meta.headline, article_uri(a.id)) for a in corpus.articles]]),  # type: ignore[list-item]
        ("Quizzes", ["quizzes/index.md", ("All questions", BANK_URI), *[(t.title, topic_quiz_uri(t.id)) for t in topics]]),  # type: ignore[list-item]
        ("Practice", "practice.md"), ("Flashcards", "flashcards.md"), ("My progress", "progress.md"),
        ("Glossary", "glossary.md"), ("People", "people.md"), ("How the sources compare", "sources.md"),
    ]
    return SiteContent(pages, files, nav, _abbreviations(corpus), bank.facts_without_questions)
