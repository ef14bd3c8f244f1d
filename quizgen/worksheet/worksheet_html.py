"""Question worksheets as complete HTML documents, ready for the PDF renderer.

Pure: the corpus, the questions of each variant, a page set-up and a copy in, an HTML string out.
Every sheet is printed in three copies (``COPIES``): the students' copy holds each variant's sheet
(title, name/class/date lines, instructions, numbered questions with space to answer) and no word
of the key; the key copy holds each variant's answer key; the teacher's copy holds each variant's
sheet followed by its key on a page of its own. The templates (`worksheet*.html`) are rendered
with quizgen's HTML environment, which escapes every value from the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind
from quizgen.render.environment import make_environments
from quizgen.worksheet.sheet_items import (
    CitedArticle,
    KeyEntry,
    SheetQuestion,
    cited_articles,
    key_entries,
    sheet_questions,
)

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
"""`--paper` values → CSS `@page { size }` values."""

KIND_INSTRUCTIONS: dict[QuestionKind, str] = {
    QuestionKind.MULTIPLE_CHOICE: "For a lettered question, write the letter of the one correct answer on the line.",
    QuestionKind.TRUE_FALSE: "For a true-or-false statement, circle True or False.",
    QuestionKind.ORDERING: "To put events in order, write a number on the line before each event: 1 for the earliest, "
                "2 for the next, and so on.",
    QuestionKind.NUMERIC: "For a question that asks for a number or a year, write it on the line, in the unit the question names.",
    QuestionKind.CLOZE: "For a passage with a blank, write the letter of the term that fills it on the line.",
    QuestionKind.MATCHING: "To match, write on the line before each numbered item the letter of the answer that goes with it.",
}
"""One line per kind of question, printed when the sheet holds that kind (every kind has one:
``tests/test_question_kinds.py``)."""

COPIES = ("student", "key", "teacher")
"""The copies of every sheet: `student` (the questions, no key), `key` (the answer keys only),
`teacher` (each variant's questions, then its key)."""


def check_copy(copy: str) -> str:
    if copy not in COPIES:
        raise ValueError(f"expected a copy of {', '.join(COPIES)}, found {copy!r}")
    return copy


@dataclass(frozen=True)
class PageSetup:
    """What every sheet of a document shares."""

    title: str
    subtitle: str = ""
    """A line under the title: what the sheet is about."""
    paper: str = "a4"
    """`a4` or `letter`."""
    lang: str = "en"

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES:
            raise ValueError(f"expected paper a4 or letter, found {self.paper!r}")

    @property
    def page_size(self) -> str:
        return PAPER_SIZES[self.paper]


@dataclass(frozen=True)
class SheetVariant:
    """One variant of a worksheet: its questions and its own key."""

    label: str
    """`Variant B`, or empty when the worksheet has one variant."""
    questions: tuple[SheetQuestion, ...]
    key: tuple[KeyEntry, ...]

    @property
    def articles(self) -> tuple[CitedArticle, ...]:
        return cited_articles(self.key)


def html_environment(template_dirs: tuple[Path, ...] = ()) -> Environment:
    """quizgen's HTML environment (autoescape on), with project templates overriding the built-in ones."""
    return make_environments(template_dirs)[1]


def instructions_for(questions: tuple[Question, ...]) -> tuple[str, ...]:
    """The instructions that apply to the kinds of question on the sheet, in a fixed order."""
    kinds = {q.kind for q in questions}
    return ("Answer every question.",) + tuple(text for kind, text in KIND_INSTRUCTIONS.items() if kind in kinds)


def sheet_variants(corpus: Corpus, variants: list[tuple[str, tuple[Question, ...]]]) -> tuple[SheetVariant, ...]:
    """``variants`` is [(letter, questions)]; a single variant gets no label."""
    labelled = len(variants) > 1
    return tuple(SheetVariant(f"Variant {letter}" if labelled else "", sheet_questions(questions), key_entries(corpus, questions))
                 for letter, questions in variants)


def render_question_worksheet(corpus: Corpus, variants: list[tuple[str, tuple[Question, ...]]], setup: PageSetup,
                              env: Environment, copy: str = "teacher") -> str:
    """The HTML of ``copy`` of a question worksheet (``COPIES``): the teacher's holds each variant's
    sheet followed by its key on a new page."""
    if not variants or not variants[0][1]:
        raise ValueError("a worksheet needs at least one question")
    return env.get_template("worksheet.html").render(
        setup=setup, variants=sheet_variants(corpus, variants), instructions=instructions_for(variants[0][1]),
        copy=check_copy(copy))
