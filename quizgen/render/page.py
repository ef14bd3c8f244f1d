"""A generated page as a typed value: its prose, its quizzes and its downloads, each apart.

A quiz is raw HTML in the page, which Python-Markdown's extensions (the glossary's abbreviations
among them) leave alone. Kept apart from the prose, a page's abbreviations are looked for where
they can be, in its prose, and the two are joined only when the page is assembled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Template
from markupsafe import Markup

from quizgen.render.downloads import TeacherDownload


@dataclass(frozen=True)
class QuizBlock:
    """One quiz of a page, or another block of raw HTML (the flashcards), placed between two parts
    of its prose."""

    quiz_id: str
    html: str


@dataclass(frozen=True)
class Page:
    """One page of the study site."""

    uri: str
    """Its path in the site: `articles/x.md`."""
    title: str
    """What the navigation calls it."""
    prose: tuple[str, ...]
    """Its Markdown, in the parts before, between and after its quizzes: one more than the quizzes."""
    quizzes: tuple[QuizBlock, ...] = ()
    downloads: tuple[TeacherDownload, ...] = ()
    """The files it offers for download (the teachers' page: its worksheets and exports)."""

    @property
    def markdown(self) -> str:
        """The whole page: its prose with each quiz in its place."""
        parts = [self.prose[0]]
        for quiz, after in zip(self.quizzes, self.prose[1:]):
            parts += (quiz.html, after)
        return "".join(parts)


_SLOT = re.compile("\x00quiz-slot-([0-9]+)\x00")
"""Where a template placed a quiz (NUL is never in corpus text nor in a template's output)."""


def render_page(template: Template, uri: str, title: str, /, *, quizzes: dict[str, QuizBlock | None] | None = None,
                downloads: tuple[TeacherDownload, ...] = (), **context: Any) -> Page:
    """``template`` rendered with ``context``, as the page ``uri`` that the navigation calls
    ``title`` (a template's own ``title`` goes in ``context``). Each of ``quizzes`` is a variable
    of the template too (``None`` when the page has no such quiz), whose HTML the page keeps apart
    from its prose wherever, and however often, the template places it."""
    blocks = [block for block in (quizzes or {}).values() if block is not None]
    slots = {name: None if block is None else Markup(f"\x00quiz-slot-{blocks.index(block)}\x00")
             for name, block in (quizzes or {}).items()}
    pieces = _SLOT.split(template.render(**context, **slots))
    return Page(uri, title, tuple(pieces[0::2]), tuple(blocks[int(i)] for i in pieces[1::2]), downloads)


def prose_page(uri: str, title: str, markdown: str) -> Page:
    """A page without quizzes."""
    return Page(uri, title, (markdown,))
