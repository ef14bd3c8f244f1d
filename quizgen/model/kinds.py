"""The kinds of question and of fact, each declared once: what it holds, which families make it,
which templates show it, and what every export does with it.

Code that treats kinds differently dispatches on ``QuestionKind`` (or on the fact classes) with
``match`` and ends in ``assert_never``, so mypy names every place a new kind still needs a case;
``missing_export_support`` names every export that does not say what it does with a kind::

    QUESTION_KINDS[QuestionKind.NUMERIC].exports["kahoot"]   # LeftOut("Kahoot's spreadsheet import ...")
    left_out_reason(QuestionKind.MATCHING, "csv")            # 'the Quizizz spreadsheet has no matching questions'
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable, Mapping

from quizgen.model.facts import (
    ClaimFact,
    EventFact,
    FactBase,
    QuantityFact,
    QuotationFact,
    RoleFact,
)


class QuestionKind(StrEnum):
    """How a question is answered. A ``StrEnum``: each member is its own name in pages and exports."""

    MULTIPLE_CHOICE = "multiple-choice"
    TRUE_FALSE = "true-false"
    ORDERING = "ordering"
    NUMERIC = "numeric"
    MATCHING = "matching"
    CLOZE = "cloze"


@dataclass(frozen=True)
class Held:
    """The export holds the kind, as ``form`` says."""

    form: str
    """How the format asks it: `GIFT matching, each event to its place in the order`."""


@dataclass(frozen=True)
class LeftOut:
    """The export cannot hold the kind; ``reason`` is the line teachers read for each question left out."""

    reason: str


ExportSupport = Held | LeftOut

EXPORT_NAMES = ("gift", "moodle-xml", "qti", "anki", "kahoot", "csv", "json")
"""Every classroom export, by its name on the command line (``quizgen.export.EXPORT_FORMATS``)."""


@dataclass(frozen=True)
class QuestionKindSpec:
    """Everything about one kind of question that is not code."""

    kind: QuestionKind
    answer_fields: tuple[str, ...]
    """The fields of ``Question`` that hold its answer (besides the stem)."""
    families: tuple[str, ...]
    """The question families that make questions of this kind."""
    templates: tuple[str, ...]
    """The templates that show it (each has a branch for the kind, or shows it as options)."""
    exports: Mapping[str, ExportSupport]
    """What each export (``EXPORT_NAMES``) does with it."""
    time_limit: int | None
    """Seconds a timed quiz (the Kahoot and Quizizz spreadsheets) gives to answer it: a statement to
    judge is quicker to read than four options, an order of lettered events slowest. None for a
    kind that no timed quiz holds."""


_QUIZ_QUESTION = "Kahoot's spreadsheet import takes only quiz questions (multiple choice, true or false)"

QUESTION_KIND_SPECS: tuple[QuestionKindSpec, ...] = (
    QuestionKindSpec(
        QuestionKind.MULTIPLE_CHOICE, ("options", "correct", "option_notes"),
        ("role-holder", "person-role", "figure", "event-date", "quotation-speaker", "claim-outlet", "acronym",
         "term-definition", "reading"),
        ("quiz_question.html", "worksheet_parts.html"),
        {"gift": Held("GIFT multiple choice"), "moodle-xml": Held("multichoice"), "qti": Held("multiple_choice_question"),
         "anki": Held("a card"), "kahoot": Held("a quiz question"), "csv": Held("Multiple Choice"), "json": Held("a record")},
        time_limit=30),
    QuestionKindSpec(
        QuestionKind.TRUE_FALSE, ("options", "correct"), ("true-false",),
        ("quiz_question.html", "worksheet_parts.html"),
        {"gift": Held("GIFT true/false"), "moodle-xml": Held("truefalse"), "qti": Held("true_false_question"),
         "anki": Held("a card"), "kahoot": Held("a quiz question"), "csv": Held("Multiple Choice of two"),
         "json": Held("a record")},
        time_limit=20),
    QuestionKindSpec(
        QuestionKind.ORDERING, ("options", "correct_order"), ("chronology",),
        ("quiz_question.html", "worksheet_parts.html"),
        {"gift": Held("GIFT matching, each event to its place in the order"), "moodle-xml": Held("ordering"),
         "qti": Held("matching_question, each event to its place in the order"), "anki": Held("a card"),
         "kahoot": LeftOut(f"{_QUIZ_QUESTION}; an ordering question would be a puzzle, which only Kahoot's editor makes"),
         "csv": Held("Multiple Choice among orders of lettered events"), "json": Held("a record")},
        time_limit=60),
    QuestionKindSpec(
        QuestionKind.NUMERIC, ("numeric",), ("figure-number", "event-year"),
        ("quiz_question.html", "worksheet_parts.html"),
        {"gift": Held("GIFT numerical"), "moodle-xml": Held("numerical"), "qti": Held("numerical_question"),
         "anki": Held("a card to recall its number"),
         "kahoot": LeftOut(f"{_QUIZ_QUESTION}; a number to write in would be a type-answer question, which only "
                           "Kahoot's editor makes"),
         "csv": LeftOut("the Quizizz spreadsheet has no numeric questions: its fill-in-the-blank compares text, so "
                        "3000 and 3,000 would differ, and it allows no margin"),
         "json": Held("a record with its number")},
        time_limit=None),
    QuestionKindSpec(
        QuestionKind.MATCHING, ("options", "pairs"), ("term-matching", "person-matching"),
        ("quiz_question.html", "worksheet_parts.html"),
        {"gift": Held("GIFT matching"), "moodle-xml": Held("matching"), "qti": Held("matching_question"),
         "anki": Held("a card"), "kahoot": LeftOut(_QUIZ_QUESTION),
         "csv": LeftOut("the Quizizz spreadsheet has no matching questions"), "json": Held("a record")},
        time_limit=None),
    QuestionKindSpec(
        QuestionKind.CLOZE, ("options", "correct"), ("term-cloze",),
        ("quiz_question.html", "worksheet_parts.html"),
        {"gift": Held("GIFT multiple choice, the blank in its text"), "moodle-xml": Held("multichoice"),
         "qti": Held("multiple_choice_question"), "anki": Held("a card"), "kahoot": Held("a quiz question, never shortened"),
         "csv": Held("Multiple Choice"), "json": Held("a record")},
        time_limit=30),
)
QUESTION_KINDS: Mapping[QuestionKind, QuestionKindSpec] = {spec.kind: spec for spec in QUESTION_KIND_SPECS}


def time_limit(kind: QuestionKind) -> int:
    """Seconds a timed quiz gives to answer a question of ``kind`` (``QuestionKindSpec.time_limit``)."""
    seconds = QUESTION_KINDS[kind].time_limit
    if seconds is None:
        raise ValueError(f"no timed quiz holds {kind} questions, so they have no time limit")
    return seconds


def left_out_reason(kind: QuestionKind, export: str) -> str | None:
    """Why ``export`` cannot hold questions of ``kind``, or None when it holds them."""
    support = QUESTION_KINDS[kind].exports[export]
    return support.reason if isinstance(support, LeftOut) else None


def missing_export_support(specs: Iterable[QuestionKindSpec], exports: Iterable[str]) -> list[str]:
    """One line per kind and export that does not say whether the export holds the kind (or that
    names an export there is none of): `kind 'hotspot' does not say what export 'kahoot' does with it`."""
    wanted = tuple(exports)
    problems: list[str] = []
    for spec in specs:
        problems += [f"kind '{spec.kind}' does not say what export '{name}' does with it (Held or LeftOut)"
                     for name in wanted if name not in spec.exports]
        problems += [f"kind '{spec.kind}' names export '{name}', which does not exist" for name in spec.exports
                     if name not in wanted]
    return problems


@dataclass(frozen=True)
class FactKindSpec:
    """One kind of fact: its model (the fields) and what is made from it."""

    model: type[FactBase]
    families: tuple[str, ...]
    """The generated families that ask about it (besides `true-false` and the curated `reading`)."""
    summary_rank: int
    """Its place in summaries and briefings, where claims come first and roles last."""

    @property
    def kind(self) -> str:
        """The `kind:` a fact of this kind has in `facts/*.yaml`."""
        return str(typing.get_args(self.model.model_fields["kind"].annotation)[0])


FACT_KIND_SPECS: tuple[FactKindSpec, ...] = (
    FactKindSpec(QuantityFact, ("figure", "figure-number"), 2),
    FactKindSpec(RoleFact, ("role-holder", "person-role", "person-matching"), 4),
    FactKindSpec(EventFact, ("event-date", "chronology", "event-year"), 1),
    FactKindSpec(QuotationFact, ("quotation-speaker",), 3),
    FactKindSpec(ClaimFact, ("claim-outlet",), 0),
)
FACT_KINDS: tuple[str, ...] = tuple(spec.kind for spec in FACT_KIND_SPECS)
"""`quantity`, `role`, `event`, `quotation`, `claim`: the order messages list them in."""
SUMMARY_RANK: Mapping[str, int] = {spec.kind: spec.summary_rank for spec in FACT_KIND_SPECS}
