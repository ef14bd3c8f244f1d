"""`quizgen preview FACT-ID`: the questions a fact makes, and what to look at before publishing.

The questions come from the bank (the CLI builds it and passes them in, so this module does not
depend on the generators); the warnings are: a `measure` or `title` that is not a noun phrase (its
stem reads "what was how long ..."), a question outside Kahoot's limits, and a question whose
stem names the answer of another question of the same quiz (an article's quiz), which gives it
away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Protocol

from quizgen.model.kinds import QuestionKind
from quizgen.model.quote_search import normalise_for_matching

_NOT_A_NOUN_PHRASE = re.compile(r"^(?:how|what|when|where|which|who|whom|whose|why|whether|if|that)\b", re.IGNORECASE)
_LETTERS = "ABCDEFGH"


class PreviewQuestion(Protocol):
    id: str
    family: str
    kind: str
    stem: str
    options: tuple[str, ...]
    correct: int | None
    correct_order: tuple[int, ...] | None
    articles: tuple[str, ...]
    fact_ids: tuple[str, ...]
    difficulty: str

    @property
    def answer_text(self) -> str: ...


@dataclass(frozen=True)
class Preview:
    lines: tuple[str, ...]
    warnings: int


def _key(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", normalise_for_matching(text).casefold())) + " "


def phrase_warnings(fact: Any) -> list[str]:
    """Fields that a stem reads as a noun phrase, when they are not one."""
    found = []
    for field in ("measure", "title"):
        value = getattr(fact, field, None)
        if isinstance(value, str) and _NOT_A_NOUN_PHRASE.match(value.strip()):
            found.append(f"{field} '{value}' is a question or a clause, not a noun phrase: the stem reads "
                         f"\"what was {value}?\"; write it as a noun phrase (\"the length of ...\")")
    return found


def _answer(question: PreviewQuestion) -> str:
    """The answer a stem could give away: multiple-choice answers other than an outlet's name
    (an article's quiz is about its outlet, whose name its stems may well carry)."""
    if question.kind != QuestionKind.MULTIPLE_CHOICE or question.family == "claim-outlet":
        return ""
    key = _key(question.answer_text)
    return key if len(key.strip()) >= 3 else ""


def give_aways(question: PreviewQuestion, quiz: Iterable[PreviewQuestion]) -> list[str]:
    """Questions of the same quiz whose stem holds this question's answer, or whose answer this
    stem holds: one line for each answer given away, naming the questions."""
    mine, stem = _answer(question), _key(question.stem)
    naming_mine: list[str] = []
    named: dict[str, list[str]] = {}
    for other in quiz:
        if other.id == question.id:
            continue
        if mine and mine in _key(other.stem):
            naming_mine.append(other.id)
        theirs = _answer(other)
        if theirs and theirs in stem:
            named.setdefault(other.answer_text, []).append(other.id)
    found = []
    if naming_mine:
        found.append(f"the answer '{question.answer_text}' stands in the stem of {_count(naming_mine)} of the same quiz "
                     f"({_ids(naming_mine)}), which gives it away")
    for answer, ids in sorted(named.items()):
        found.append(f"this stem names '{answer}', the answer of {_count(ids)} of the same quiz ({_ids(ids)})")
    return found


def _count(ids: list[str]) -> str:
    return "another question" if len(ids) == 1 else f"{len(ids)} other questions"


def _ids(ids: list[str]) -> str:
    return ", ".join(ids[:3]) + (", ..." if len(ids) > 3 else "")


def preview_fact(fact: Any, questions: list[PreviewQuestion], quizzes: Callable[[str], list[PreviewQuestion]],
                 kahoot_problem: Callable[[Any], str | None]) -> Preview:
    """The preview of ``fact``'s questions; ``quizzes(article_id)`` gives an article's quiz."""
    lines: list[str] = []
    warnings = 0
    for warning in phrase_warnings(fact):
        lines.append(f"warning: {warning}")
        warnings += 1
    if not questions:
        lines.append("no question: too few other answers of the same type in the corpus to make wrong options")
    for question in questions:
        lines.append(f"{question.id} {question.family} ({question.kind}, {question.difficulty}): {question.stem}")
        order = question.correct_order or ()
        for index, option in enumerate(question.options):
            mark = "*" if index == question.correct else " "
            place = f" ({order.index(index) + 1})" if order else ""
            lines.append(f"  {mark} {_LETTERS[index]}. {option}{place}")
        found = []
        why = kahoot_problem(question)
        if why:
            found.append(f"left out of Kahoot: {why}")
        seen: set[str] = set()
        for article in question.articles:
            for warning in give_aways(question, quizzes(article)):
                if warning not in seen:
                    seen.add(warning)
                    found.append(warning)
        for warning in found:
            lines.append(f"  warning: {warning}")
        warnings += len(found)
    return Preview(tuple(lines), warnings)
