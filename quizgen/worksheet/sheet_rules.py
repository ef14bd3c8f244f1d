"""Choosing the questions of one printed sheet so that they do not give each other away.

A sheet asks about each fact once (or each cluster of facts, where the bank marks clusters), and
no question's stem states the answer of another multiple-choice question on it: a student cannot
answer one item by reading another. The sample is the one ``select_questions`` would draw (the
same seeded ranking), with a question that breaks a rule skipped for the next in rank, so a sheet
without conflicts is exactly the sample it was before. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quizgen.generate.question_model import Question, answer_key, stable_hash
from quizgen.generate.question_selection import QuestionCriteria, select_questions
from quizgen.model.kinds import QuestionKind

ANSWER_AT_LEAST = 4
"""Shorter answer keys (`UN`, `EU`) turn up inside other words of a stem by chance: not checked."""


def _facts(question: Question) -> set[str]:
    # a bank that groups restating facts in clusters tests each cluster once; otherwise each fact
    return set(getattr(question, "clusters", ()) or question.fact_ids)


def _answer(question: Question) -> str | None:
    if question.kind != QuestionKind.MULTIPLE_CHOICE:
        return None
    key = answer_key(question.answer_text)
    return key if len(key) >= ANSWER_AT_LEAST else None


def gives_away(question: Question, others: Sequence[Question]) -> bool:
    """Whether ``question`` and one of ``others`` test the same fact, or one's stem states the other's answer."""
    facts, stem, answer = _facts(question), answer_key(question.stem), _answer(question)
    for other in others:
        other_answer = _answer(other)
        if facts & _facts(other) or (other_answer and other_answer in stem) or (answer and answer in answer_key(other.stem)):
            return True
    return False


def select_sheet_questions(candidates: Sequence[Question], criteria: QuestionCriteria) -> tuple[Question, ...]:
    """Up to ``criteria.count`` questions matching ``criteria`` that do not give each other away, in bank order."""
    matching = select_questions(tuple(candidates), replace(criteria, count=None))
    ranked = sorted(matching, key=lambda q: (stable_hash("select", criteria.seed, q.id), q.id))
    chosen: list[Question] = []
    for question in ranked:
        if criteria.count is not None and len(chosen) >= criteria.count:
            break
        if not gives_away(question, chosen):
            chosen.append(question)
    keep = {q.id for q in chosen}
    return tuple(q for q in matching if q.id in keep)
