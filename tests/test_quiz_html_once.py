"""A question's HTML is written once per build and given each page's number and links (a question
is on two to four pages): every page must still show what quiz_question.html writes for it there,
whatever the curated text holds, and an override of the template is called for every page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.generate.question_bank import build_question_bank
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.render.environment import make_environments
from quizgen.render.links import SiteLinks
from quizgen.render.quiz_html import QuizRenderer

BASE = Path(__file__).parent / "fixtures" / "base_corpus"
PAGES = ("quizzes/all.md", "articles/index.md", "practice.md", "quizzes/topics/bridges.md")


def _each_page(renderer: QuizRenderer, questions: list[Question]) -> dict[str, str]:
    """The quiz of ``questions`` on every page of PAGES, the order reversed on every other page so
    that a question's number differs between pages."""
    return {page: str(renderer.render(page, "quiz", questions[::-1] if i % 2 else questions).html) for i, page in enumerate(PAGES)}


def _macro_on_every_page(renderer: QuizRenderer, questions: list[Question]) -> dict[str, str]:
    """The same, each question written by the template's macro for each page."""
    renderer._builtin_question_template = False  # the cached property, set: the macro is called every time
    return _each_page(renderer, questions)


def _fixture() -> tuple[Corpus, list[Question]]:
    corpus = load_corpus(BASE, display_root="seeds")
    bank = build_question_bank(corpus)
    return corpus, [*bank.questions, *bank.numeric, *bank.matching, *bank.cloze]


def test_every_page_shows_what_the_template_writes_for_it() -> None:
    corpus, questions = _fixture()
    _, html = make_environments()
    once = QuizRenderer(corpus, html, SiteLinks())
    assert once._builtin_question_template, "the built-in template: its questions are written once"
    assert _each_page(once, questions) == _macro_on_every_page(QuizRenderer(corpus, html, SiteLinks()), questions)


def test_a_text_holding_the_stand_in_characters_is_shown_as_written() -> None:
    """The stand-ins for the number and the links are private-use characters, which a curated text
    may hold: such a question is still numbered and linked right, and its text kept."""
    corpus, questions = _fixture()
    odd = [replace(q, stem=f"{q.stem} \ue000 \ue0010\ue001", explanation=f"\ue001{q.explanation}") for q in questions[:3]]
    _, html = make_environments()
    pages = _each_page(QuizRenderer(corpus, html, SiteLinks()), odd + questions[3:])
    assert pages == _macro_on_every_page(QuizRenderer(corpus, html, SiteLinks()), odd + questions[3:])
    assert all(page.count("\ue000 \ue0010\ue001") == 3 for page in pages.values())


def test_an_override_that_computes_with_the_number_gets_each_pages_number(tmp_path: Path) -> None:
    (tmp_path / "quiz_question.html").write_text(
        "{% macro question(q, number, answer, sources, choices=(), order=none) -%}\n"
        "<fieldset id=\"{{ q.id }}\"><legend>{{ number * 10 }}: {{ q.stem }}</legend>"
        "{% for link in sources %}<a href=\"{{ link.url|upper }}\">{{ link.label }}</a>{% endfor %}</fieldset>\n"
        "{%- endmacro %}\n", encoding="utf-8")
    corpus, questions = _fixture()
    _, html = make_environments((tmp_path,))
    renderer = QuizRenderer(corpus, html, SiteLinks())
    assert not renderer._builtin_question_template
    pages = _each_page(renderer, questions)
    assert "<legend>10: " in pages[PAGES[0]] and f"<legend>{10 * len(questions)}: " in pages[PAGES[0]]
    assert all("#QUOTE-" in page and "#quote-" not in page for page in pages.values()), "its links, as the override writes them"
