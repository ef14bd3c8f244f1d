"""Variants of a worksheet: the same questions in another order, with their options reshuffled.

Variant A is the questions as selected (bank order, bank option order). Every other variant orders
the questions and their options with generators seeded by (seed, variant letter, question id), so
the same seed gives the same variants, and each variant differs from A wherever it can.
True-or-false options stay True, False: a reshuffle there would only confuse.
"""

from __future__ import annotations

import string
from dataclasses import replace

from quizgen.generate.distractors import seeded_random
from quizgen.generate.question_model import Question, stable_hash
from quizgen.model.kinds import QuestionKind

MAX_VARIANTS = 26
"""Variants are lettered A to Z."""


def variant_letters(count: int) -> tuple[str, ...]:
    """`variant_letters(3)` → `("A", "B", "C")`."""
    if not 1 <= count <= MAX_VARIANTS:
        raise ValueError(f"expected 1 to {MAX_VARIANTS} variants, found {count}")
    return tuple(string.ascii_uppercase[:count])


def _moved(items: list[int]) -> list[int]:
    """``items`` unless it is the identity order, which is rotated by one so that a variant differs."""
    if len(items) > 1 and items == sorted(items):
        return items[1:] + items[:1]
    return items


def reshuffle_options(question: Question, seed: str, letter: str) -> Question:
    """``question`` with its options in a seeded new order, ``correct``/``correct_order`` remapped."""
    if question.kind == QuestionKind.TRUE_FALSE or len(question.options) < 2:
        return question
    order = list(range(len(question.options)))
    seeded_random("worksheet-options", seed, letter, question.id).shuffle(order)
    order = _moved(order)  # order[new position] = old position
    new_position = {old: new for new, old in enumerate(order)}
    return replace(
        question,
        options=tuple(question.options[i] for i in order),
        option_notes=tuple(question.option_notes[i] for i in order),
        option_types=tuple(question.option_types[i] for i in order),
        correct=None if question.correct is None else new_position[question.correct],
        correct_order=None if question.correct_order is None else tuple(new_position[i] for i in question.correct_order),
        pairs=tuple(question.pairs[i] for i in order) if question.pairs else (),  # a matching item's pairs follow its items
    )


def make_variant(questions: tuple[Question, ...], seed: str, letter: str) -> tuple[Question, ...]:
    """The questions of variant ``letter``: A as given; others reordered, options reshuffled.

    >>> [q.id for q in make_variant(questions, "term-1", "A")] == [q.id for q in questions]
    True
    """
    if letter == "A":
        return questions
    ranked = sorted(range(len(questions)), key=lambda i: stable_hash("worksheet-order", seed, letter, questions[i].id))
    return tuple(reshuffle_options(questions[i], seed, letter) for i in _moved(ranked))
