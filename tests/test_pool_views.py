"""Pools seen without one item, not copied (a copy per question made the bank quadratic)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st
from quizgen.generate.families_terms import _other_words

_WORDS = st.sets(st.sampled_from(["Army", "Assembly", "Authority", "Agency", "Alliance", "Axis"])).map(sorted)


@given(_WORDS, st.sampled_from(["Army", "Axis", "Able", "Zulu", "Agency"]), st.integers(0, 2**32))
def test_other_words_are_the_list_without_the_word_and_draw_the_same_choices(words: list[str], word: str, seed: int) -> None:
    copied = [w for w in words if w != word]
    view = _other_words(words, word)
    assert list(view) == copied and len(view) == len(copied) and bool(view) == bool(copied)
    if copied:
        assert random.Random(seed).choice(view) == random.Random(seed).choice(copied)
