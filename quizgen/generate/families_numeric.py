"""Numeric items: a figure or a year written in, not chosen, for exports that can mark a number.

Item-writing rules, kept by construction (a fact that cannot keep them gets no numeric item):
- the unit is in the stem ("Answer with a number of people", "Answer with a year");
- one defensible answer: every figure the corpus gives for the same measure, and every year it
  gives for the same event, lies within the margin; a figure the source gives as a bound
  ("more than", "at least", "up to") has no single answer and gets no item;
- the margin follows the source: an exact figure and a year are exact; a figure the source gives
  as approximate ("about", "roughly", "some", "nearly", "almost") counts anything within
  ``APPROXIMATE_MARGIN`` of it as right;
- the stem does not give the answer away (the number or year is not in it).
"""

from __future__ import annotations

from quizgen.generate.family_support import capitalise, citations_of, explain, format_number, format_quantity
from quizgen.generate.question_model import DraftQuestion, NumericAnswer, Option, Question, answer_key
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.facts import EventFact, QuantityFact
from quizgen.model.kinds import QuestionKind

NUMERIC_FAMILIES = ("figure-number", "event-year")
APPROXIMATE = frozenset({"about", "roughly", "some", "nearly", "almost"})
BOUNDS = frozenset({"more than", "at least", "up to"})
APPROXIMATE_MARGIN = 0.10
"""A tenth of the figure either side: “about 3,000” accepts 2,700 to 3,300."""


def _unit_phrase(unit: str) -> str:
    return "Answer in percent." if answer_key(unit) == "percent" else f"Answer with a number of {unit}."


def numeric_figure_item(fact: QuantityFact, pools: QuestionPools) -> tuple[DraftQuestion, NumericAnswer] | None:
    """`According to the articles, what was the number of people who crossed the bridge …? Answer with a number of people.`"""
    if fact.qualifier in BOUNDS:
        return None
    # Rounded to 10 digits: 3 × 0.1 is 0.30000000000000004 in binary, which no one should read in an export.
    tolerance = float(f"{abs(fact.value) * APPROXIMATE_MARGIN:.10g}") if fact.qualifier in APPROXIMATE else 0.0
    others = pools.values_of_measure[answer_key(fact.measure)]
    if any(abs(v - fact.value) > tolerance for v in others):
        return None  # the corpus gives another figure for the same measure: no one answer
    stem = f"According to the articles, what was {fact.measure}? {_unit_phrase(fact.unit)}"
    if format_number(fact.value) in stem:
        return None
    shown = capitalise(format_quantity(fact.value, fact.unit, fact.qualifier))
    draft = DraftQuestion(
        family="figure-number", kind=QuestionKind.NUMERIC, stem=stem, answer=Option(shown, "number"), distractors=(),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="hard", accepted=frozenset({answer_key(shown)}), importance=fact.importance)
    return draft, NumericAnswer(float(fact.value), tolerance, fact.unit, shown)


def numeric_year_item(fact: EventFact, pools: QuestionPools) -> tuple[DraftQuestion, NumericAnswer] | None:
    """`According to the articles, in what year did the opening of the Riverton bridge happen? Answer with a year.`"""
    if {d.year for d in pools.dates_of_title[answer_key(fact.title)]} != {fact.date.year}:
        return None
    stem = (f"According to the articles, for what year was {fact.title} set? Answer with a year." if fact.planned
            else f"According to the articles, in what year did {fact.title} happen? Answer with a year.")
    year = str(fact.date.year)
    if year in stem:
        return None
    draft = DraftQuestion(
        family="event-year", kind=QuestionKind.NUMERIC, stem=stem, answer=Option(year, "year"), distractors=(),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="medium", accepted=frozenset({year}), importance=fact.importance)
    return draft, NumericAnswer(float(fact.date.year), 0.0, "year", year)


def numeric_items(pools: QuestionPools) -> tuple[Question, ...]:
    """A numeric item for every figure and dated event that keeps the rules, in corpus order."""
    items: list[Question] = []
    for fact in pools.corpus.facts:
        if fact.importance == "detail":
            continue
        made = (numeric_figure_item(fact, pools) if fact.kind == "quantity"
                else numeric_year_item(fact, pools) if fact.kind == "event" else None)
        if made is None:
            continue
        draft, answer = made
        items.append(Question(
            id=draft.id, family=draft.family, kind=draft.kind, stem=draft.stem, options=(), correct=None,
            correct_order=None, option_notes=(), explanation=draft.explanation, citations=draft.citations,
            topics=draft.topics, articles=tuple(dict.fromkeys(c.article for c in draft.citations)),
            difficulty=draft.difficulty, fact_ids=draft.fact_ids, option_types=(), accepted=draft.accepted,
            importance=draft.importance, clusters=draft.fact_ids, numeric=answer))
    return tuple(items)
