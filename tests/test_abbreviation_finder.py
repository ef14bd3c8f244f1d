"""The abbreviation finder finds words as the regex ``[^\\W_]+`` does, in any script."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quizgen.emit.site_content import AbbreviationFinder, without_first

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


@given(st.text(alphabet="ab<>", max_size=40), st.text(alphabet="ab<>", min_size=1, max_size=130))
def test_without_first_is_replacing_the_first_occurrence(text: str, part: str) -> None:
    for haystack in (text, text + part + text, part[:-1] + text + part, text + part[:100] + "x" + part):
        assert without_first(haystack, part) == haystack.replace(part, "", 1)
