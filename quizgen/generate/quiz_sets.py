"""Quiz sets: short sets of questions that do not give themselves away.

A set holds at most ``SET_SIZE`` questions, core ones first; it tests each cluster of facts once,
is at most a third true-or-false, and no question's stem states another question's answer.
``set_problems`` checks those rules on any set (a worksheet, a Practice draw), as messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.generate.question_model import Question, answer_key, stable_hash
from quizgen.model.kinds import QuestionKind

SET_SIZE = 15
MIN_COPY_SET = 5
"""A copy of another outlet's report (an outlet of kind `copy`) gets an article quiz only of at
least this many questions: fewer make no quiz, and its items stay in the topic quizzes and Practice."""
TRUE_FALSE_SHARE = 1 / 3
_RANK = {"core": 0, "supporting": 1, "detail": 2}
_MIN_ANSWER = 4  # shorter answers ("UN", "WHO") turn up in stems by chance


def quiz_set(questions: Iterable[Question], size: int = SET_SIZE) -> tuple[Question, ...]:
    """Up to ``size`` questions from ``questions`` that follow the set rules: core ones first, then
    multiple-choice before true-or-false, then a spread seeded by their ids; returned in the order
    of ``questions``."""
    pool = list(questions)
    # Core first; of two questions on one cluster, the multiple-choice one (true-or-false teaches least).
    ranked = sorted(pool, key=lambda q: (_RANK.get(q.importance, 1), q.kind == QuestionKind.TRUE_FALSE, stable_hash("set", q.id)))
    chosen = _Chosen()
    for question in ranked:  # other kinds first: the true-or-false share depends on how many there are
        if question.kind != QuestionKind.TRUE_FALSE and len(chosen.questions) < size:
            chosen.add_if_fits(question)
    others = len(chosen.questions)
    true_false_max = min(size - others, int(others * TRUE_FALSE_SHARE / (1 - TRUE_FALSE_SHARE) + 1e-9))
    for question in ranked:
        if question.kind == QuestionKind.TRUE_FALSE and len(chosen.questions) - others < true_false_max:
            chosen.add_if_fits(question)
    keep = {q.id for q in chosen.questions}
    return tuple(q for q in pool if q.id in keep)


class _Chosen:
    """A set being filled, checked incrementally: each candidate against at most ``size`` others,
    so that choosing from a topic of thousands of questions stays linear."""

    def __init__(self) -> None:
        self.questions: list[Question] = []
        self.clusters: set[str] = set()
        self.answers: list[str] = []
        self.stems: list[str] = []

    def add_if_fits(self, question: Question) -> None:
        clusters = set(question.clusters or question.fact_ids)
        stem = answer_key(question.stem)
        answer = _answer_key(question)
        if clusters & self.clusters or any(a in stem for a in self.answers) or (answer and any(answer in s for s in self.stems)):
            return
        self.questions.append(question)
        self.clusters |= clusters
        self.stems.append(stem)
        if answer:
            self.answers.append(answer)


def set_problems(questions: Sequence[Question]) -> list[str]:
    """Every set rule the questions break together: a cluster tested twice, a stem that states
    another question's answer. (The true-or-false share is a matter of choosing, not of validity.)"""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for question in questions:
        for cluster in question.clusters or question.fact_ids:
            if cluster in seen and seen[cluster] != question.id:
                problems.append(f"questions {seen[cluster]} and {question.id} both test '{cluster}'")
            seen.setdefault(cluster, question.id)
    for question in questions:
        answer = _answer_key(question)
        if answer is None:
            continue
        for other in questions:
            if other.id != question.id and answer in answer_key(other.stem):
                problems.append(f"the stem of question {other.id} states the answer of question {question.id} ('{question.answer_text}')")
    return problems


def _answer_key(question: Question) -> str | None:
    if question.kind != QuestionKind.MULTIPLE_CHOICE:
        return None
    key = answer_key(question.answer_text)
    return key if len(key) >= _MIN_ANSWER else None
