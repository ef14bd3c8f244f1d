"""Quizzes as HTML: ``quiz.html`` lists the questions, each written whole by ``quiz_question.html``.

A question appears on its articles' pages, its topics' pages and the All questions page (3.3
pages on average), with the page's number and links relative to the page: its answer is worked
out once per build, its HTML written for each page. With the built-in quiz_question.html, whose
output holds the number and each link's URL once, verbatim, a question is written once, with
stand-ins for those, and each page's copy is that HTML with its own number and URLs put in.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import Environment
from markupsafe import Markup, escape

from quizgen.errors import CorpusError, Problem
from quizgen.generate.families_matching import matching_answers
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind
from quizgen.render.environment import (
    builtin_templates_dir,
    macro_call_error,
    template_path,
)
from quizgen.render.links import SiteLinks
from quizgen.render.page import QuizBlock

LETTERS = "ABCDEFGH"


class Link(NamedTuple):
    label: str
    url: str


def article_uri(article_id: str) -> str:
    return f"articles/{article_id}.md"


class QuizItem(NamedTuple):
    """One question as quiz.html shows it (a tuple: Jinja reads its fields faster than a dict's keys)."""

    q: Question
    answer: str
    sources: list[Link]
    """Links to the quoted passages, relative to the page."""
    html: Markup
    """The question whole, as quiz_question.html's ``question`` writes it on this page."""


class _Answer(NamedTuple):
    """What the page does not change about a question's answer: the line that gives it, and a
    matching item's lettered answers and, per item on the left, the index of its answer."""

    line: str
    choices: tuple[str, ...] = ()
    order: list[int] | None = None


MACRO = "question"
MACRO_CALLS = "question(q, number, answer, sources, choices, order)"
"""How quiz_question.html's macro is called, for the message when an override's takes other arguments."""

_NUMBER, _URL = "\ue000", "\ue001"
"""Private-use characters that stand in for the question's number and its links' URLs when its
HTML is written once for every page. A question whose HTML holds them elsewhere too (a curated
text may) is written for each page instead."""


def _url_stand_in(index: int) -> str:
    return f"{_URL}{index}{_URL}"


class QuizRenderer:
    """Renders the quizzes of one build: what it works out once (answers, links) goes with it."""

    def __init__(self, corpus: Corpus, html: Environment, links: SiteLinks):
        self.corpus, self.html, self.links = corpus, html, links
        self._answers: dict[str, _Answer] = {}
        self._article_links: dict[tuple[str, str], tuple[str, str]] = {}
        self._written_once: dict[str, str] = {}

    def render(self, page: str, quiz_id: str, questions: list[Question]) -> QuizBlock:
        """The quiz of ``questions`` on ``page``, each question written whole, numbered from 1."""
        items = []
        for number, q in enumerate(questions, 1):
            answer = self._answer(q)
            sources = self._sources(page, q)
            items.append(QuizItem(q, answer.line, sources, self._question_html(q, number, answer, sources)))
        return QuizBlock(quiz_id, self.html.get_template("quiz.html").render(quiz_id=quiz_id, items=items))

    def _sources(self, page: str, q: Question) -> list[Link]:
        """Links to the question's sources from ``page``, one per article (its first quote: the
        quiz's script makes a hint of each link, and two hints labelled with one outlet are one
        too many)."""
        sources, seen = [], set()
        for c in q.citations:
            if c.article not in seen:
                seen.add(c.article)
                label, base = self._article_link(page, c.article)
                sources.append(Link(label, f"{base}#{c.anchor}"))
        return sources

    def _answer(self, q: Question) -> _Answer:
        """The question's answer, worked out once (a question is on 3.3 pages on average)."""
        found = self._answers.get(q.id)
        if found is None:
            choices: tuple[str, ...] = ()
            order: list[int] | None = None
            if q.pairs:  # the lettered answers, in the order the worksheets give them
                choices = matching_answers(q)
                order = [choices.index(right) for _, right in q.pairs]
                answer = "; ".join(f"{left}: {LETTERS[i]}" for (left, _), i in zip(q.pairs, order))
            elif q.numeric is not None:
                answer = q.numeric.display
            elif q.correct_order is not None:
                answer = " → ".join(q.options[i] for i in q.correct_order)
            else:
                assert q.correct is not None
                answer = f"{LETTERS[q.correct]}. {q.options[q.correct]}" if q.kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.CLOZE) else q.options[q.correct]
            found = self._answers[q.id] = _Answer(answer, choices, order)
        return found

    def _question_html(self, q: Question, number: int, answer: _Answer, sources: list[Link]) -> Markup:
        """The question written whole for this page: from its HTML written once, when the template
        is the built-in one (which only prints the number and the URLs), else by the macro."""
        if not self._builtin_question_template:
            return self._call(q, number, answer.line, sources, answer.choices, answer.order)
        once = self._written_once.get(q.id)
        if once is None:
            stand_ins = [Link(link.label, _url_stand_in(i)) for i, link in enumerate(sources)]
            html = str(self._call(q, _NUMBER, answer.line, stand_ins, answer.choices, answer.order))
            fits = html.count(_NUMBER) == 1 and html.count(_URL) == 2 * len(stand_ins)  # each is ours alone
            once = self._written_once[q.id] = html if fits else ""
        if not once:  # a curated text holds a stand-in character
            return self._call(q, number, answer.line, sources, answer.choices, answer.order)
        html = once.replace(_NUMBER, str(number))
        for i, link in enumerate(sources):
            html = html.replace(_url_stand_in(i), str(escape(link.url)))
        return Markup(html)

    @cached_property
    def _builtin_question_template(self) -> bool:
        """Whether quiz_question.html is the built-in one (an override may compute with the number)."""
        template = self.html.get_template("quiz_question.html")
        if template.filename is None:
            return False
        builtin = builtin_templates_dir() / "quiz_question.html"
        return Path(template.filename).read_bytes() == builtin.read_bytes()

    @cached_property
    def _question_macro(self) -> Any:
        """quiz_question.html's ``question``; an override without it (one written for a quizgen
        whose quiz.html closed the tags its macros opened) is a located problem."""
        template = self.html.get_template("quiz_question.html")
        macro = getattr(template.module, MACRO, None)
        if macro is None:
            older = [name for name in ("head", "body", "sources_line") if hasattr(template.module, name)]
            found = (f"the macros {', '.join(older)} of an older quizgen, each a part of a question" if older else "no such macro")
            raise CorpusError([Problem(template_path(template), 1, 1,
                                       f"expected a macro {MACRO_CALLS} that writes one question whole, found {found}; "
                                       "write the question in one macro (see the built-in template)")])
        return macro

    def _call(self, *args: Any) -> Markup:
        """quiz_question.html's ``question``: an override's that takes other arguments than these is
        a located problem, not a traceback."""
        macro = self._question_macro
        try:
            result: Markup = macro(*args)
        except TypeError as exc:
            if not str(exc).startswith("macro "):
                raise
            raise macro_call_error(self.html.get_template("quiz_question.html"), exc, MACRO_CALLS) from None
        return result

    def _article_link(self, page: str, article_id: str) -> tuple[str, str]:
        """The outlet's name and the relative URL from ``page`` to the article's page ("" on the
        page itself), made once per page and article: every quiz question links its sources."""
        key = (page, article_id)
        found = self._article_links.get(key)
        if found is None:
            url = self.links.url(page, article_uri(article_id))
            found = self._article_links[key] = (self.corpus.outlet_of(article_id).name, "" if url in (".", "./") else url)
        return found
