"""Putting options in order: seeded by each question's id, balanced across the bank.

Among questions with the same number of options, the position of the correct option goes round
in the order of the questions' hashed ids, so each position holds the answer equally often. The
keys left over after the last full round go to the letters least used so far across the bank
(true-or-false items, whose "True" comes first, counted too), so that they do not all fall on A.
The distractors are shuffled with a generator seeded by the question's id. Same input, same order.
Options that differ only in their numbers ("nearly 25 / 40 / 60 / 75 percent") are shown smallest
first, as item-writing guides ask: the student looks for a figure, not for a letter.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import assert_never

from quizgen.generate.distractors import seeded_random
from quizgen.generate.question_model import DraftQuestion, Option, Question, stable_hash
from quizgen.model.kinds import QuestionKind


def _finish(draft: DraftQuestion, options: list[Option], correct: int | None, order: tuple[int, ...] | None) -> Question:
    articles = draft.asked_in or tuple(dict.fromkeys(c.article for c in draft.citations))
    return Question(
        id=draft.id, family=draft.family, kind=draft.kind, stem=draft.stem,
        options=tuple(o.text for o in options), correct=correct, correct_order=order,
        option_notes=tuple(o.note for o in options), explanation=draft.explanation, citations=draft.citations,
        topics=draft.topics, articles=articles, difficulty=draft.difficulty, fact_ids=draft.fact_ids,
        option_types=tuple(o.type for o in options), accepted=draft.accepted,
        importance=draft.importance, clusters=draft.clusters or draft.fact_ids)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _by_number(options: list[Option]) -> list[Option] | None:
    """The options smallest first where they are one wording with other numbers in it, else None."""
    frames = {_NUMBER.sub("#", o.text) for o in options}
    if len(frames) != 1 or "#" not in next(iter(frames)):
        return None
    values = [tuple(float(n.replace(",", "")) for n in _NUMBER.findall(o.text)) for o in options]
    if len(set(values)) != len(values):
        return None
    return [o for _, o in sorted(zip(values, options, strict=True), key=lambda pair: pair[0])]


def order_options(drafts: list[DraftQuestion]) -> list[Question]:
    """Finished questions, in the order of ``drafts``."""
    by_size: dict[int, list[DraftQuestion]] = defaultdict(list)
    for draft in drafts:
        if draft.kind == QuestionKind.MULTIPLE_CHOICE:
            by_size[1 + len(draft.distractors)].append(draft)
    used: Counter[int] = Counter(0 if d.answer.text == "True" else 1 for d in drafts if d.kind == QuestionKind.TRUE_FALSE)
    position: dict[str, int] = {}
    for size, group in sorted(by_size.items()):  # fewest letters first: the larger sizes even out what is left
        ranked = sorted(group, key=lambda d: stable_hash("position", d.id))
        rounds = len(ranked) - len(ranked) % size
        leftover = sorted(range(size), key=lambda letter: (used[letter], letter))
        for rank, draft in enumerate(ranked):
            position[draft.id] = rank % size if rank < rounds else leftover[rank - rounds]
            used[position[draft.id]] += 1
    finished = []
    for draft in drafts:
        match draft.kind:
            case QuestionKind.ORDERING:
                rng = seeded_random("options", draft.id)
                items = list(draft.ordering)
                while True:
                    rng.shuffle(items)
                    if items != list(draft.ordering):
                        break
                order = tuple(items.index(o) for o in draft.ordering)
                finished.append(_finish(draft, items, None, order))
            case QuestionKind.TRUE_FALSE:
                options = sorted([draft.answer, *draft.distractors], key=lambda o: o.text != "True")
                finished.append(_finish(draft, options, options.index(draft.answer), None))
            case QuestionKind.MULTIPLE_CHOICE:
                others = list(draft.distractors)
                seeded_random("options", draft.id).shuffle(others)  # made only where used: seeding is most of the cost
                at = position[draft.id]
                options = others[:at] + [draft.answer] + others[at:]
                options = _by_number(options) or options
                finished.append(_finish(draft, options, options.index(draft.answer), None))
            case QuestionKind.NUMERIC | QuestionKind.MATCHING | QuestionKind.CLOZE:
                # Their families finish them: a number has no options, pairs and blanks are ordered there.
                raise ValueError(f"a {draft.kind} item is finished by its family, not by order_options")
            case _:
                assert_never(draft.kind)
    return finished
