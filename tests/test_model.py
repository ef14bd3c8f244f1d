"""The typed model: dates, strictness, and what a validated corpus offers generators."""

from __future__ import annotations

import calendar
import dataclasses
from pathlib import Path

import pytest
from pydantic import ValidationError
from quizgen.corpus_loader import load_corpus
from quizgen.model.facts import QuantityFact
from quizgen.model.field_types import PartialDate

BASE = Path(__file__).parent / "fixtures" / "base_corpus"


@pytest.mark.parametrize(("text", "precision", "display"), [
    ("2021-04-07", "day", "7 April 2021"), ("2021-04", "month", "April 2021"), ("2021", "year", "2021"), (2003, "year", "2003")])
def test_partial_dates(text: object, precision: str, display: str) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.display) == (precision, display)


@pytest.mark.parametrize("text", ["07-04-2021", "2021-02-29", "2021-00", "2021-4-7", "21", True, 2021.0])
def test_impossible_or_ambiguous_dates_are_refused(text: object) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_dates_sort_chronologically() -> None:
    assert sorted(PartialDate.parse(t) for t in ["2021-04-07", "2003", "2021-04", "2020-01"]) == [
        PartialDate(2003), PartialDate(2020, 1), PartialDate(2021, 4), PartialDate(2021, 4, 7)]


def test_model_refuses_coercion() -> None:
    fields = dict(id="x", kind="quantity", statement="s", topics=["t"], sources=[{"article": "a", "quote": "q"}],
                  unit="troops", measure="m")
    assert QuantityFact.model_validate({**fields, "value": 2500}).value == 2500
    for bad in ("2500", True, None):
        with pytest.raises(ValidationError):
            QuantityFact.model_validate({**fields, "value": bad})


def test_models_are_immutable() -> None:
    corpus = load_corpus(BASE)
    with pytest.raises(ValidationError):
        corpus.facts[0].statement = "changed"  # type: ignore[misc]


def test_corpus_offers_lookups_and_stable_order() -> None:
    corpus = load_corpus(BASE)
    assert [a.id for a in corpus.articles] == ["daily-2020", "weekly-2020"], "articles sort by date"
    assert corpus.outlet_of("weekly-2020").name == "The Weekly"
    assert corpus.speaker("council").name == "the town council"
    assert corpus.term("rtb").expansion == "Riverton Town Bridge"
    assert corpus.facts_by_kind() == {"claim": 1, "event": 1, "quantity": 1, "quotation": 1, "role": 1}
    assert "Comments are moderated." in corpus.article("daily-2020").published_text
    assert corpus.article("daily-2020").furniture_ranges[0][2] == "header"


def test_a_corpus_is_dated_by_its_latest_article_not_the_clock() -> None:
    corpus = load_corpus(BASE)  # daily-2020 of 4 May 2020, weekly-2020 of 9 May 2020
    assert corpus.latest_publication_timestamp() == calendar.timegm((2020, 5, 9, 0, 0, 0))


def test_a_facts_outlets_are_listed_once_and_copies_witness_nothing() -> None:
    corpus = load_corpus(BASE)
    lima = corpus.fact("lima-mayor")  # quoted from the Daily's article, then the Weekly's
    assert corpus.outlets_of(lima) == ("daily", "weekly")
    assert corpus.witnesses_of(lima) == ("daily", "weekly")
    weekly = corpus.outlets[1].model_copy(update={"kind": "copy"})
    with_copy = dataclasses.replace(corpus, outlets=(corpus.outlets[0], weekly), _by_id={})
    assert with_copy.outlets_of(lima) == ("daily", "weekly") and with_copy.witnesses_of(lima) == ("daily",)
