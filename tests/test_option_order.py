"""Where the key lands: every letter holds the key about equally often across the lettered items of
a bank, so that a student who always picks one letter gains nothing."""

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
