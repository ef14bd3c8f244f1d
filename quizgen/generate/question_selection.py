"""Choosing questions from the bank for a worksheet, an export or a quiz: by article, topic, kind
and difficulty, then a seeded sample of a given size.

``select_questions`` is pure: the same bank, criteria and seed give the same questions in the same
order. The sample is drawn by ranking every matching question on a hash of the seed and its id, so
adding a question to the bank changes a sample by at most that question.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.generate.question_model import Question, stable_hash

DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class QuestionCriteria:
    """Which questions to take. An empty tuple means "any"."""

    articles: tuple[str, ...] = ()
    """Article ids: a question matches when it cites one of them."""
    topics: tuple[str, ...] = ()
    """Topic ids: a question matches when it has one of them."""
    kinds: tuple[str, ...] = ()
    """Question kinds (`multiple-choice`, `true-false`, `ordering`) or families (`figure`, `acronym`, ...)."""
    difficulties: tuple[str, ...] = ()
    """`easy`, `medium`, `hard`."""
    count: int | None = None
    """How many questions at most; None for all that match."""
    seed: str = ""
    """Seeds the sample; the same seed gives the same questions."""

    def matches(self, question: Question) -> bool:
        return ((not self.articles or any(a in self.articles for a in question.articles))
                and (not self.topics or any(t in self.topics for t in question.topics))
                and (not self.kinds or question.kind in self.kinds or question.family in self.kinds)
                and (not self.difficulties or question.difficulty in self.difficulties))


def select_questions(questions: tuple[Question, ...] | list[Question], criteria: QuestionCriteria) -> tuple[Question, ...]:
    """The questions that match ``criteria``, sampled to ``criteria.count`` with ``criteria.seed``.

    With no count, every match, in bank order. With a count, a seeded sample, kept in bank order
    so that related questions stay together:

    >>> select_questions(bank.questions, QuestionCriteria(topics=("bridges",), count=10, seed="A"))
    """
    matching = [q for q in questions if criteria.matches(q)]
    if criteria.count is None or criteria.count >= len(matching):
        return tuple(matching)
    ranked = sorted((stable_hash("select", criteria.seed, q.id), q.id) for q in matching)
    chosen_ids = {question_id for _, question_id in ranked[: max(criteria.count, 0)]}
    return tuple(q for q in matching if q.id in chosen_ids)
