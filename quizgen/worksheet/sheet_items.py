"""What a printed sheet shows of a question and of its answer: plain values for the templates.

Pure: questions and the corpus in, frozen values out. Text stays raw here; the HTML templates
escape it (autoescape), so corpus text always prints as text.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import assert_never

from quizgen.generate.families_matching import matching_answers
from quizgen.generate.family_support import format_number
from quizgen.generate.question_model import Citation, NumericAnswer, Question
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind


def option_letter(index: int) -> str:
    """`0` → `A`, `25` → `Z`, `26` → `AA`: letters for options and for definitions to match."""
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else option_letter(index // 26 - 1) + letters[index % 26]


@dataclass(frozen=True)
class SourceLine:
    """One source of an answer, as the key prints it: outlet, headline, date and the quote."""

    outlet: str
    headline: str
    published: str
    quote: str


@dataclass(frozen=True)
class LetteredOption:
    letter: str
    text: str


@dataclass(frozen=True)
class SheetQuestion:
    """A numbered question as the student sees it."""

    number: int
    kind: str
    """`multiple-choice`, `true-false`, `ordering` or `numeric`: the templates lay each out differently."""
    stem: str
    options: tuple[LetteredOption, ...]
    """The lettered options; for a matching item, the lettered answers the ``items`` are matched to."""
    items: tuple[str, ...] = ()
    """For a matching item: what to match, numbered on the sheet, each with a line for a letter."""


@dataclass(frozen=True)
class KeyEntry:
    """The answer to a numbered question, as the key prints it."""

    number: int
    answer: str
    """What the student writes: `B`, `False`, for ordering each event's number, by letter: `A 2, B 1, C 3`,
    for a numeric item the number, with what else counts: `3,000 (2,700 to 3,300 accepted)`, and for a
    matching item the letter by each numbered item: `1 C, 2 A, 3 B`."""
    answer_text: str
    """The words of the answer (the option); for ordering, the same as ``answer``."""
    explanation: str
    sources: tuple[SourceLine, ...]


@dataclass(frozen=True)
class CitedArticle:
    """An article a key quotes, listed once under the key: the source lines name only its outlet and date."""

    outlet: str
    published: str
    headline: str


def cited_articles(entries: tuple[KeyEntry, ...]) -> tuple[CitedArticle, ...]:
    """Every article the key's sources quote, once each, in the order the key first quotes them."""
    seen = dict.fromkeys(CitedArticle(s.outlet, s.published, s.headline) for entry in entries for s in entry.sources)
    return tuple(seen)


def source_lines(corpus: Corpus, citations: tuple[Citation, ...]) -> tuple[SourceLine, ...]:
    lines = []
    for citation in citations:
        meta = corpus.article(citation.article).meta
        lines.append(SourceLine(corpus.outlet(meta.outlet).name, meta.headline, meta.published.display, citation.quote))
    return tuple(lines)


def sheet_question(number: int, question: Question) -> SheetQuestion:
    if question.pairs:
        answers = tuple(LetteredOption(option_letter(i), text) for i, text in enumerate(matching_answers(question)))
        return SheetQuestion(number, question.kind, question.stem, answers, tuple(left for left, _ in question.pairs))
    options = tuple(LetteredOption(option_letter(i), text) for i, text in enumerate(question.options))
    return SheetQuestion(number, question.kind, question.stem, options)


def matching_key(question: Question) -> str:
    """The letter a student writes by each numbered item: ``"1 C, 2 A, 3 B"``."""
    letters = {text: option_letter(i) for i, text in enumerate(matching_answers(question))}
    return ", ".join(f"{n} {letters[right]}" for n, (_, right) in enumerate(question.pairs, start=1))


def ordering_answer(correct_order: tuple[int, ...]) -> str:
    """The numbers a student writes on the lines before the lettered events, 1 for the first:
    ``ordering_answer((1, 3, 2, 0))`` → ``"A 4, B 1, C 3, D 2"``."""
    place = {index: rank for rank, index in enumerate(correct_order, start=1)}
    return ", ".join(f"{option_letter(i)} {place[i]}" for i in sorted(place))


def numeric_answer(numeric: NumericAnswer) -> str:
    """The number a student writes, as the key prints it: ``2020``; ``3,000 (2,700 to 3,300 accepted)``."""
    def shown(value: float) -> str:
        return str(int(value)) if numeric.unit == "year" else format_number(value)
    if not numeric.tolerance:
        return shown(numeric.value)
    return f"{shown(numeric.value)} ({shown(numeric.value - numeric.tolerance)} to {shown(numeric.value + numeric.tolerance)} accepted)"


def key_entry(corpus: Corpus, number: int, question: Question) -> KeyEntry:
    answer_text = question.answer_text
    match question.kind:
        case QuestionKind.MATCHING:  # the explanation spells out the pairs: the key does not repeat them
            answer = answer_text = matching_key(question)
        case QuestionKind.NUMERIC:
            assert question.numeric is not None
            answer = numeric_answer(question.numeric)
        case QuestionKind.ORDERING:
            assert question.correct_order is not None
            answer = answer_text = ordering_answer(question.correct_order)
        case QuestionKind.TRUE_FALSE:
            answer = question.answer_text
        case QuestionKind.MULTIPLE_CHOICE | QuestionKind.CLOZE:
            assert question.correct is not None
            answer = option_letter(question.correct)
        case _:
            assert_never(question.kind)
    return KeyEntry(number, answer, answer_text, question.explanation, source_lines(corpus, question.citations))


def sheet_questions(questions: tuple[Question, ...]) -> tuple[SheetQuestion, ...]:
    return tuple(sheet_question(n, q) for n, q in enumerate(questions, start=1))


def key_entries(corpus: Corpus, questions: tuple[Question, ...]) -> tuple[KeyEntry, ...]:
    return tuple(key_entry(corpus, n, q) for n, q in enumerate(questions, start=1))
