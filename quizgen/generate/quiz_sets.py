"""Quiz sets: short sets of questions that do not give themselves away.

A set holds at most ``SET_SIZE`` questions, core ones first; it tests each cluster of facts once,
is at most a third true-or-false, and no question's stem states another question's answer.
``set_problems`` checks those rules on any set (a worksheet, a Practice draw), as messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.generate.question_model import Question, answer_key, stable_hash

SET_SIZE = 15
TRUE_FALSE_SHARE = 1 / 3
_RANK = {"core": 0, "supporting": 1, "detail": 2}
_MIN_ANSWER = 4  # shorter answers ("UN", "WHO") turn up in stems by chance


def quiz_set(questions: Iterable[Question], size: int = SET_SIZE) -> tuple[Question, ...]:
    """Up to ``size`` questions from ``questions`` that follow the set rules: core ones first, then
    multiple-choice before true-or-false, then a spread seeded by their ids; returned in the order
    of ``questions``."""
    pool = list(questions)
    # Core first; of two questions on one cluster, the multiple-choice one (true-or-false teaches least).
    ranked = sorted(pool, key=lambda q: (_RANK.get(q.importance, 1), q.kind == "true-false", stable_hash("set", q.id)))
    chosen: list[Question] = []
    for question in ranked:  # other kinds first: the true-or-false share depends on how many there are
        if question.kind != "true-false" and len(chosen) < size and not set_problems([*chosen, question]):
            chosen.append(question)
    others = len(chosen)
    true_false_max = min(size - others, int(others * TRUE_FALSE_SHARE / (1 - TRUE_FALSE_SHARE) + 1e-9))
    for question in ranked:
        if question.kind == "true-false" and len(chosen) - others < true_false_max and not set_problems([*chosen, question]):
            chosen.append(question)
    keep = {q.id for q in chosen}
    return tuple(q for q in pool if q.id in keep)


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
    if question.kind != "multiple-choice":
        return None
    key = answer_key(question.answer_text)
    return key if len(key) >= _MIN_ANSWER else None
