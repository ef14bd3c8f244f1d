"""Where the key lands: every letter holds the key about equally often across the lettered items of
a bank, so that a student who always picks one letter gains nothing."""

import re
from collections import Counter

from quizgen.generate.option_order import order_options
from quizgen.generate.question_model import DraftQuestion, Option


def draft(name: str, wrong: int, kind: str = "multiple-choice") -> DraftQuestion:
    if kind == "true-false":
        answer, distractors = Option("True", "truth"), (Option("False", "truth"),)
    else:
        answer = Option(f"{name} answer", "thing")
        distractors = tuple(Option(f"{name} wrong {i}", "thing") for i in range(wrong))
    return DraftQuestion(family="reading", kind=kind, stem=f"What is {name}?", answer=answer, distractors=distractors,
                         explanation="Because.", citations=(), topics=(), fact_ids=(name,), difficulty="medium")


def letters(drafts: list[DraftQuestion]) -> Counter[int]:
    return Counter(q.correct for q in order_options(drafts))


def test_each_size_of_item_spreads_its_keys_evenly() -> None:
    four = letters([draft(f"four-{i}", 3) for i in range(9)])
    three = letters([draft(f"three-{i}", 2) for i in range(7)])
    assert max(four.values()) - min(four.values()) <= 1 and set(four) == {0, 1, 2, 3}
    assert max(three.values()) - min(three.values()) <= 1 and set(three) == {0, 1, 2}


def test_leftover_keys_go_to_the_letters_least_used_across_the_bank() -> None:
    # "True" comes first in a true-or-false item, so its key is A: the keys left over once each
    # size of item has gone round its letters go to B, C and D rather than back to A.
    drafts = [draft(f"tf-{i}", 1, "true-false") for i in range(2)]
    drafts += [draft(f"three-{i}", 2) for i in range(4)] + [draft(f"four-{i}", 3) for i in range(5)]
    counts = letters(drafts)
    fair = -(-len(drafts) // 4)  # 11 keys over four letters: about 3 each
    assert max(counts.values()) <= fair + 1 and len(counts) == 4, counts


def numbered(name: str, answer: str, wrong: tuple[str, ...]) -> DraftQuestion:
    return DraftQuestion(family="reading", kind="multiple-choice", stem=f"How many {name}?",
                         answer=Option(answer, "thing"), distractors=tuple(Option(w, "thing") for w in wrong),
                         explanation="Because.", citations=(), topics=(), fact_ids=(name,), difficulty="medium")


def test_options_that_differ_only_in_a_number_are_shown_smallest_first() -> None:
    # Item-writing guides put numbers in order: a student looks for the figure, not for its letter.
    # Round q21 found "nearly 25 / 60 / 75 / 40 percent" in no order.
    items = [numbered(f"share-{i}", "nearly 60 percent of the forces",
                      ("nearly 25 percent of the forces", "nearly 75 percent of the forces", "nearly 40 percent of the forces"))
             for i in range(8)]
    items.append(numbered("troops", "2,500 troops", ("3,000 troops", "1,000 troops", "500 troops")))
    for question in order_options(items):
        values = [float(re.findall(r"\d[\d,]*", o)[0].replace(",", "")) for o in question.options]
        assert values == sorted(values), question.options
        assert question.options[question.correct] in ("nearly 60 percent of the forces", "2,500 troops")


def test_options_in_other_words_keep_their_balanced_letters() -> None:
    # "By 2021" among sentences is no list of figures: it goes where the bank's balance puts it.
    items = [numbered(f"mixed-{i}", "By the end of 2021", ("When talks decided", "Once ISIS was defeated", "Never"))
             for i in range(8)]
    counts = Counter(q.correct for q in order_options(items))
    assert set(counts) == {0, 1, 2, 3}, counts
