"""Finding quotes: typography-tolerant, exact in words, blind to page furniture."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from quizgen.model.quote_search import (
    _CHAR_MAP,
    QuoteMiss,
    QuoteSearch,
    normalise_for_matching,
)

TEXT = "He said: “Hello  world” — and left.\nThen he came back.\n::Comments\nRudaw moderates all comments.\n"
FURNITURE = [(TEXT.index("::Comments"), len(TEXT), "comments")]


def spans_text(search: QuoteSearch, quote: str) -> list[str]:
    found = search.find(quote)
    assert not isinstance(found, QuoteMiss), found
    return [search.text[s.start:s.end] for s in found]


def test_typographic_quotes_dashes_and_spaces_are_normalised() -> None:
    assert normalise_for_matching("“A”  –\u00a0‘b’\n") == "\"A\" - 'b'"
    assert spans_text(QuoteSearch(TEXT, FURNITURE), '"Hello world" - and') == ["“Hello  world” — and"]


def test_words_must_match_exactly() -> None:
    search = QuoteSearch(TEXT, FURNITURE)
    assert isinstance(search.find("Hello World"), QuoteMiss), "case matters"
    assert isinstance(search.find("Hello world and"), QuoteMiss), "punctuation matters"


def test_ellipsis_joins_passages_in_order() -> None:
    search = QuoteSearch(TEXT, FURNITURE)
    assert spans_text(search, "He said: … came back.") == ["He said:", "came back."]
    assert isinstance(search.find("came back ... He said"), QuoteMiss), "passages must keep their order"


def test_quotes_in_furniture_do_not_count() -> None:
    miss = QuoteSearch(TEXT, FURNITURE).find("Rudaw moderates all comments.")
    assert isinstance(miss, QuoteMiss) and miss.furniture == "comments"


def test_a_miss_reports_how_much_matched() -> None:
    miss = QuoteSearch(TEXT, FURNITURE).find("Then he came home.")
    assert isinstance(miss, QuoteMiss) and miss.furniture is None
    assert miss.matched == len("Then he came ") and TEXT[:miss.near].endswith("Then he came ")


@given(st.lists(st.sampled_from(["a", "b", ".", " ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\u2028", "“", "—"]), max_size=40))
def test_every_normalised_character_points_back_to_where_it_came_from(chars: list[str]) -> None:
    text = "".join(chars)
    search = QuoteSearch(text, [])
    typographic = text.translate(_CHAR_MAP)
    origins = [search.origin(i) for i in range(len(search.normalised))]
    assert origins == sorted(set(origins)), "in order, each from its own character"
    for i, char in enumerate(search.normalised):
        if char == " ":  # a run of white space stands for its last character, just before the next word
            assert typographic[origins[i]].isspace() and not typographic[origins[i] + 1].isspace()
        else:
            assert typographic[origins[i]] == char


def test_spans_cover_the_published_text_across_collapsed_white_space() -> None:
    text = "\n\n  Troops  will\n\n   leave\tby   December.  \n"
    assert spans_text(QuoteSearch(text, []), "will leave by December") == ["will\n\n   leave\tby   December"]
