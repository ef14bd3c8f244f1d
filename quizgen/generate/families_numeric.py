"""Numeric items: a figure or a year written in, not chosen, for exports that can mark a number.

Item-writing rules, kept by construction (a fact that cannot keep them gets no numeric item):
- the unit is in the stem (in the measure, "Write the number of people.", "Write the year.");
- a year is asked only where a student cannot guess it: not a year the corpus's articles were
  published in or the year before, unless those span ``NEWS_YEARS_AT_LEAST`` years or more (the
  articles of 2021 do not tell the year of 2014, but they do tell the year of their news);
- sources are the outlets' own, never a copy's (an outlet of kind `copy`: a republisher's text is
  no evidence, see ``source_comparison.witnessed``); a figure only a copy gives gets no item;
- each thing once: one item per cluster, and one per figure of a unit (a second item whose
  answer is the same 3,000 people is answered by the first); no item whose number a
  multiple-choice stem or a matching definition of the bank shows ("About 3,000 people crossed
  on the first day. Who counted them?" answers "how many people crossed?");
- one defensible answer: every figure the corpus gives for the same measure, and every year it
  gives for the same event, lies within the margin; a figure the source gives as a bound
  ("more than", "at least", "up to") has no single answer and gets no item;
- the margin follows the source: an exact figure and a year are exact; a figure the source gives
  as approximate ("about", "roughly", "some", "nearly", "almost") counts anything within
  ``APPROXIMATE_MARGIN`` of it as right;
- the stem does not give the answer away (the number or year is not in it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.generate.families_curated import clusters_of
from quizgen.generate.family_support import (
    capitalise,
    citations_of,
    explain,
    format_number,
    format_quantity,
)
from quizgen.generate.question_model import (
    DraftQuestion,
    NumericAnswer,
    Option,
    Question,
    answer_key,
)
from quizgen.generate.question_pools import QuestionPools
from quizgen.generate.source_comparison import witnessed
from quizgen.model.corpus import Corpus
from quizgen.model.facts import EventFact, QuantityFact
from quizgen.model.kinds import QuestionKind

NUMERIC_FAMILIES = ("figure-number", "event-year")
APPROXIMATE = frozenset({"about", "roughly", "some", "nearly", "almost"})
BOUNDS = frozenset({"more than", "at least", "up to"})
TOLD_IN_PASSING = ("reading", "chronology")
"""Families whose options, feedback or explanation tell other facts' numbers in passing: curated
items, written around their fact, and the ordering items, whose explanation dates each event."""
APPROXIMATE_MARGIN = 0.10
"""A tenth of the figure either side: “about 3,000” accepts 2,700 to 3,300."""
NEWS_YEARS_AT_LEAST = 5
"""How many years the articles' own years (each with the year before) must span before one of
them is no longer a guess: two years of news leave a coin toss."""


def _unit_phrase(measure: str, unit: str) -> str:
    if answer_key(unit) == "percent":
        return "Answer in percent."
    return "Write it as a number." if answer_key(unit) in answer_key(measure) else f"Write the number of {unit}."


def news_years(corpus: Corpus) -> frozenset[int]:
    """The years a student guesses from the articles' dates: each article's year and the year
    before it; empty when they span ``NEWS_YEARS_AT_LEAST`` years or more (no longer a guess)."""
    years = frozenset(y for a in corpus.articles for y in (a.meta.published.year - 1, a.meta.published.year))
    return years if len(years) < NEWS_YEARS_AT_LEAST else frozenset()


def numeric_figure_item(fact: QuantityFact, pools: QuestionPools) -> tuple[DraftQuestion, NumericAnswer] | None:
    """`According to the articles, what was the number of people who crossed the bridge …? Write it as a number.`"""
    if fact.qualifier in BOUNDS:
        return None
    # Rounded to 10 digits: 3 × 0.1 is 0.30000000000000004 in binary, which no one should read in an export.
    tolerance = float(f"{abs(fact.value) * APPROXIMATE_MARGIN:.10g}") if fact.qualifier in APPROXIMATE else 0.0
    others = pools.values_of_measure[answer_key(fact.measure)]
    if any(abs(v - fact.value) > tolerance for v in others):
        return None  # the corpus gives another figure for the same measure: no one answer
    stem = f"According to the articles, what was {fact.measure}? {_unit_phrase(fact.measure, fact.unit)}"
    if format_number(fact.value) in stem:
        return None
    shown = capitalise(format_quantity(fact.value, fact.unit, fact.qualifier))
    draft = DraftQuestion(
        family="figure-number", kind=QuestionKind.NUMERIC, stem=stem, answer=Option(shown, "number"), distractors=(),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="hard", accepted=frozenset({answer_key(shown)}), importance=fact.importance)
    return draft, NumericAnswer(float(fact.value), tolerance, fact.unit, shown)


def numeric_year_item(fact: EventFact, pools: QuestionPools) -> tuple[DraftQuestion, NumericAnswer] | None:
    """`According to the articles, in what year did the end of the old ferry service take place? Write the year.`"""
    if {d.year for d in pools.dates_of_title[answer_key(fact.title)]} != {fact.date.year}:
        return None
    if fact.date.year in news_years(pools.corpus):
        return None  # the year on the articles' own pages, or the year before: a guess, not a reading
    stem = (f"According to the articles, for what year was {fact.title} planned? Write the year." if fact.planned
            else f"According to the articles, in what year did {fact.title} take place? Write the year.")
    year = str(fact.date.year)
    if year in stem:
        return None
    draft = DraftQuestion(
        family="event-year", kind=QuestionKind.NUMERIC, stem=stem, answer=Option(year, "year"), distractors=(),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="medium", accepted=frozenset({year}), importance=fact.importance)
    return draft, NumericAnswer(float(fact.date.year), 0.0, "year", year)


_NUMBER_RUN = re.compile(r"[\d.,]+")
_DIGIT = re.compile(r"\d")
_PLAIN_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")
"""The shape of ``format_number``'s output and of a year: ``ShownNumbers`` indexes it."""


def _number_pattern(number: str) -> re.Pattern[str]:
    """``number`` standing alone: not in 1,200 for 200, nor in 4.5 for 4, but in "in 1999." for 1999."""
    return re.compile(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)")


def numbers_in(text: str) -> set[str]:
    """Every number of ``_PLAIN_NUMBER``'s shape that ``_number_pattern`` finds in ``text``: such a
    match starts a run of digits, points and commas, and ends where the run does or before a point
    or comma that no digit follows.

    >>> sorted(numbers_in("1,200 people, up 4.5% in 1999."))
    ['1,200', '1999', '4.5']
    """
    found = set()
    for run in _NUMBER_RUN.finditer(text):
        digits = run.group()
        if not _DIGIT.match(digits):
            continue  # ".5": a number shown here starts with a digit
        for end in range(1, len(digits) + 1):
            if _DIGIT.match(digits, end - 1) and (
                    end == len(digits) or (digits[end] in ".," and not _DIGIT.match(digits, end + 1))):
                found.add(digits[:end])
    return found


class ShownNumbers:
    """Where the quiz's questions show a number, indexed once: searching every asked question's
    texts for every numeric item made the bank quadratic in the corpus.

    A multiple-choice stem that sets its scene with the figure, on any fact: a student who met
    it answers the numeric item without reading ("cut to N" beside "how many?"); a matching
    item's definition likewise ("... in YEAR" beside "in what year?"); and so does what an item
    on another fact shows after answering: its options, its feedback, its explanation ("the
    troops came back in YEAR", "The order is: YEAR: ...").
    (An item on the fact's own cluster is the fact itself, asked another way: not caught here;
    nor a generated item on another fact of the same figure, which "one per figure" settles.)
    """

    def __init__(self, asked: Sequence[Question]) -> None:
        self._before: list[str] = []  # texts shown to every student: stems, matching definitions
        self._after: list[tuple[Question, list[str]]] = []  # what an item shows after answering
        for q in asked:
            self._before += [q.stem] if q.kind == QuestionKind.MULTIPLE_CHOICE else []
            self._before += [right for _, right in (q.pairs or ())]
            if q.family in TOLD_IN_PASSING:
                self._after.append((q, [*q.options, *(n for n in q.option_notes if n), q.explanation]))
        self._shown_before = set().union(*map(numbers_in, self._before))
        self._shown_after: dict[str, list[Question]] = {}
        for q, texts in self._after:
            for number in set().union(*map(numbers_in, texts)):
                self._shown_after.setdefault(number, []).append(q)

    def shows(self, number: str, fact_id: str, clusters: tuple[str, ...]) -> bool:
        """Whether a question shows ``number`` to a student asked the item on ``fact_id``."""
        def another_fact(q: Question) -> bool:
            return not set(q.clusters or q.fact_ids) & set(clusters) and fact_id not in q.fact_ids
        if _PLAIN_NUMBER.fullmatch(number):
            return number in self._shown_before or any(map(another_fact, self._shown_after.get(number, ())))
        pattern = _number_pattern(number)  # a shape the index does not hold ("-3"): searched
        return (any(pattern.search(text) for text in self._before)
                or any(another_fact(q) and any(pattern.search(t) for t in texts) for q, texts in self._after))


def numeric_items(pools: QuestionPools, asked: Sequence[Question] = ()) -> tuple[Question, ...]:
    """A numeric item for every figure and dated event that keeps the rules, in corpus order;
    ``asked`` holds the quiz questions, whose stems must not give a numeric item's answer."""
    items: list[Question] = []
    clusters: set[str] = set()
    answers: set[tuple[str, float]] = set()
    shown = ShownNumbers(asked)
    for fact in pools.corpus.facts:
        if fact.importance == "detail" or fact.kind not in ("quantity", "event"):
            continue
        fact = witnessed(pools.corpus, fact)
        if not fact.sources or clusters.intersection(clusters_of(fact)):
            continue
        made = (numeric_figure_item(fact, pools) if fact.kind == "quantity"
                else numeric_year_item(fact, pools) if fact.kind == "event" else None)
        if made is None:
            continue
        draft, answer = made
        if (answer_key(answer.unit), answer.value) in answers:
            continue
        if shown.shows(format_number(answer.value) if answer.unit != "year" else answer.display, fact.id, clusters_of(fact)):
            continue
        clusters.update(clusters_of(fact))
        answers.add((answer_key(answer.unit), answer.value))
        items.append(Question(
            id=draft.id, family=draft.family, kind=draft.kind, stem=draft.stem, options=(), correct=None,
            correct_order=None, option_notes=(), explanation=draft.explanation, citations=draft.citations,
            topics=draft.topics, articles=tuple(dict.fromkeys(c.article for c in draft.citations)),
            difficulty=draft.difficulty, fact_ids=draft.fact_ids, option_types=(), accepted=draft.accepted,
            importance=draft.importance, clusters=clusters_of(fact), numeric=answer))
    return tuple(items)
