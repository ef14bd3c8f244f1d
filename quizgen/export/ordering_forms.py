"""Ordering questions for formats without an ordering type: as matching, or as a choice of orders;
and what every matching export needs of an item, whether an ordering question or a matching item.

An ordering question asks for events in the order they happened, earliest first. GIFT and
Canvas's QTI have no ordering type but do have matching, so there each event is matched to its
place in the order (`1st (earliest)`, `2nd`, … `4th (latest)`): the same one defensible answer,
marked place by place. The Quizizz spreadsheet has neither, so there the events are lettered in
the stem and the student chooses the right sequence of letters among other sequences.
"""

from __future__ import annotations

from itertools import permutations

from quizgen.generate.families_matching import matching_answers
from quizgen.generate.question_model import Question, stable_hash
from quizgen.model.kinds import QuestionKind

MATCHING_INSTRUCTION = "Match each event to its place in the order: 1st is the earliest."
SEQUENCE_CHOICES = 4
"""The right order and three others: as many options as the other multiple-choice questions."""


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def place_labels(count: int) -> tuple[str, ...]:
    """The places an event can be matched to: ``place_labels(3)`` → ``('1st (earliest)', '2nd', '3rd (latest)')``."""
    labels = [_ordinal(n) for n in range(1, count + 1)]
    labels[0] += " (earliest)"
    labels[-1] += " (latest)"
    return tuple(labels)


def matching_pairs(question: Question) -> tuple[tuple[str, str], ...]:
    """Each option of an ordering question, in the order presented, with the place it takes."""
    assert question.correct_order is not None
    labels = place_labels(len(question.options))
    place = {index: labels[position] for position, index in enumerate(question.correct_order)}
    return tuple((option, place[index]) for index, option in enumerate(question.options))


def matching_stem(question: Question) -> str:
    """The ordering question's stem followed by how to answer it as matching."""
    return f"{question.stem} {MATCHING_INSTRUCTION}"


def _letters(count: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:count]


def sequence_stem(question: Question) -> str:
    """The stem with the events lettered: ``Put these events … first. A: …; B: …. Which order is right?``"""
    events = "; ".join(f"{letter}: {option}" for letter, option in zip(_letters(len(question.options)), question.options))
    return f"{question.stem} {events}. Which order is right?"


def sequence_choices(question: Question) -> tuple[tuple[str, ...], int]:
    """The sequences to choose from (``"C, A, B, D"``) and the index of the right one.

    The others are the orders nearest to the right one (fewest events out of place, a seeded
    tie-break), so that a student who knows the events well still has to know their order.
    The right one's place among them is seeded by the question's id: the same question, the same options.
    """
    assert question.correct_order is not None
    letters = _letters(len(question.options))
    right = tuple(question.correct_order)

    def misplaced(order: tuple[int, ...]) -> int:
        return sum(a != b for a, b in zip(order, right))

    others = sorted((p for p in permutations(range(len(right))) if p != right),
                    key=lambda p: (misplaced(p), stable_hash(question.id, "order", ",".join(map(str, p)))))
    chosen = [right, *others[: SEQUENCE_CHOICES - 1]]
    chosen.sort(key=lambda p: stable_hash(question.id, "order-place", ",".join(map(str, p))))
    texts = tuple(", ".join(letters[i] for i in order) for order in chosen)
    return texts, chosen.index(right)


def pairs_of(question: Question) -> tuple[tuple[str, str], ...]:
    """The pairs a matching export asks for: a matching item's own, or an ordering question's events and places."""
    return question.pairs if question.kind == QuestionKind.MATCHING else matching_pairs(question)


def pairs_stem(question: Question) -> str:
    return question.stem if question.kind == QuestionKind.MATCHING else matching_stem(question)


def right_choices(question: Question) -> tuple[str, ...]:
    """What each left-hand item can be matched to: the places in order, or a matching item's
    answers in their seeded order (``matching_answers``)."""
    if question.kind != QuestionKind.MATCHING:
        return place_labels(len(question.options))
    return matching_answers(question)
