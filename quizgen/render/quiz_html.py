"""Quizzes as HTML: each question rendered once, however many pages it is on.

A question appears on its articles' pages, its topics' pages and the All questions page (3.3
pages on average). Its HTML that no page changes (``quiz_question.html``'s ``head`` and ``body``)
is rendered once; its sources line once per set of links (relative links are the same from every
topic quiz page); ``quiz.html`` places the parts around each question's number.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, NamedTuple

from jinja2 import Environment
from markupsafe import Markup

from quizgen.generate.families_matching import matching_answers
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.render.environment import macro_call_error
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
    head: Markup
    """quiz_question.html's ``head``, ``body`` and ``sources_line``: the question's HTML before its
    number, after it, and its sources (``sources`` as HTML for this page)."""
    body: Markup
    sources_line: Markup


MACRO_CALLS = "head(q, order), body(q, answer, choices) and sources_line(sources)"
"""How quiz_question.html's macros are called, for the message when an override's take other arguments."""


class QuizRenderer:
    """Renders the quizzes of one build: what it renders once (parts, links) goes with it."""

    def __init__(self, corpus: Corpus, html: Environment, links: SiteLinks):
        self.corpus, self.html, self.links = corpus, html, links
        self._parts: dict[str, tuple[str, Markup, Markup]] = {}
        self._article_links: dict[tuple[str, str], tuple[str, str]] = {}
        self._source_lines: dict[tuple[Link, ...], Markup] = {}

    def render(self, page: str, quiz_id: str, questions: list[Question]) -> QuizBlock:
        items = []
        for q in questions:
            answer, head, body = self._question_parts(q)
            sources, sources_line = self._sources(page, q)
            items.append(QuizItem(q, answer, sources, head, body, sources_line))
        return QuizBlock(quiz_id, self.html.get_template("quiz.html").render(quiz_id=quiz_id, items=items))

    def _sources(self, page: str, q: Question) -> tuple[list[Link], Markup]:
        """Links to the question's sources from ``page``, and its sources line, rendered once per
        set of links (the links are relative: the same from every topic quiz page, say)."""
        sources, seen = [], set()
        for c in q.citations:
            label, base = self._article_link(page, c.article)
            url = f"{base}#{c.anchor}"
            if url not in seen:
                seen.add(url)
                sources.append(Link(label, url))
        key = tuple(sources)
        line = self._source_lines.get(key)
        if line is None:
            line = self._source_lines[key] = self._call("sources_line", sources)
        return sources, line

    def _question_parts(self, q: Question) -> tuple[str, Markup, Markup]:
        """The answer line and the question's HTML that no page changes, rendered once per question
        (a question appears on its articles' pages, its topics' pages and the All questions page)."""
        parts = self._parts.get(q.id)
        if parts is None:
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
                answer = f"{LETTERS[q.correct]}. {q.options[q.correct]}" if q.kind in ("multiple-choice", "cloze") else q.options[q.correct]
            parts = self._parts[q.id] = (answer, self._call("head", q, order), self._call("body", q, answer, choices))
        return parts

    @cached_property
    def _question_macros(self) -> Any:
        return self.html.get_template("quiz_question.html").module

    def _call(self, name: str, *args: Any) -> Markup:
        """quiz_question.html's macro ``name``: an override's macro that takes other arguments than
        these is a located problem, not a traceback."""
        macro = getattr(self._question_macros, name)
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
