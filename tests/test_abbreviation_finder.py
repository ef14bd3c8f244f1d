"""The abbreviation finder finds words as the regex ``[^\\W_]+`` does, in any script."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from quizgen.render.abbreviations import AbbreviationFinder

_WORD = re.compile(r"[^\W_]+")
_PIECES = st.sampled_from(["ISF", "PMF", "café", "Ørsted", "٣٤", "x1", "_", " ", "\n", "“", "”", "—", "-", "é", "\u00a0",
                           "\u0085", "ß", "日本", "*", "[", "<b>", "İ"])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map("".join)


@given(_TEXT, st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=4)), max_size=8))
def test_first_words_are_the_words_the_regex_finds(text: str, candidates: list[str]) -> None:
    words = {w for w in candidates if _WORD.fullmatch(w)}
    finder = AbbreviationFinder({word: "expansion" for word in words})
    assert finder.first_words_in(text) == words & set(_WORD.findall(text))


def test_words_next_to_curly_quotes_dashes_and_letters_outside_ascii() -> None:
    finder = AbbreviationFinder({"ISF": "Iraqi Security Forces", "café": "a place", "PMF": "Popular Mobilization Forces"})
    assert finder.first_words_in("the “ISF”—and a café_") == {"ISF", "café"}
    assert finder.first_words_in("ISFé, PMFs, xcafé") == set()

