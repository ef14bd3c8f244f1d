"""Question families about figures, dates, outlets' claims, true-or-false statements and chronology."""

from __future__ import annotations

import re

from quizgen.generate.distractors import (
    WRONG_OPTIONS,
    nearby_dates,
    nearby_numbers,
    number_scale,
    pick_from_pool,
)
from quizgen.generate.family_support import (
    capitalise,
    citations_of,
    difficulty_from_sources,
    explain,
    format_quantity,
)
from quizgen.generate.question_model import (
    DateType,
    DraftQuestion,
    NumberType,
    Option,
    answer_key,
    stable_hash,
)
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.corpus import AnyFact
from quizgen.model.facts import ClaimFact, EventFact, QuantityFact
from quizgen.model.kinds import QuestionKind
from quizgen.model.quote_search import normalise_for_matching


def figure_question(fact: QuantityFact, pools: QuestionPools) -> DraftQuestion | None:
    """What was the number of cars crossing the bridge each day in 2020? — options are figures of one unit and scale."""
    true_values = pools.values_of_measure[answer_key(fact.measure)]
    scale = number_scale(fact.value)
    same_unit = pools.numbers_by_unit.get(answer_key(fact.unit))
    corpus_values = [v for v in (same_unit.neighbours(fact.value, 4) if same_unit else []) if number_scale(v) == scale]
    chosen = pick_from_pool(nearby_numbers(fact.value, fact.id), WRONG_OPTIONS, f"figure:{fact.id}",
                            keep=lambda v: v not in true_values and number_scale(v) == scale and (fact.unit != "percent" or v <= 100),
                            key=lambda v: repr(float(v)), preferred=[*fact.distractors, *corpus_values])
    if len(chosen) < 2:
        return None
    unit_type = NumberType(answer_key(fact.unit), scale)
    def show(value: float) -> str:
        return capitalise(format_quantity(value, fact.unit, fact.qualifier))
    return DraftQuestion(
        family="figure", kind=QuestionKind.MULTIPLE_CHOICE, stem=f"According to the articles, what was {fact.measure}?",
        answer=Option(show(fact.value), unit_type), distractors=tuple(Option(show(v), unit_type) for v in chosen),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="medium", accepted=frozenset(answer_key(show(v)) for v in true_values))


def event_date_question(fact: EventFact, pools: QuestionPools) -> DraftQuestion | None:
    """When did the new bridge open? — options are dates of the answer's precision."""
    true_dates = pools.dates_of_title[answer_key(fact.title)]
    same_precision = pools.dates_by_precision.get(fact.date.precision)
    corpus_dates = same_precision.neighbours(fact.date, 3) if same_precision else []
    chosen = pick_from_pool(nearby_dates(fact.date, fact.id), WRONG_OPTIONS, f"date:{fact.id}",
                            keep=lambda d: d not in true_dates and d.precision == fact.date.precision,
                            key=lambda d: d.iso, preferred=[*fact.distractors, *corpus_dates])
    if len(chosen) < 2:
        return None
    stem = (f"According to the articles, what date was set for {fact.title}?" if fact.planned
            else f"According to the articles, when did {fact.title} happen?")
    date_type = DateType(fact.date.precision)
    return DraftQuestion(
        family="event-date", kind=QuestionKind.MULTIPLE_CHOICE, stem=stem,
        answer=Option(fact.date.display, date_type), distractors=tuple(Option(d.display, date_type) for d in chosen),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="hard" if fact.date.precision == "day" else difficulty_from_sources(fact),
        accepted=frozenset(answer_key(d.display) for d in true_dates))


def claim_outlet_question(fact: ClaimFact, pools: QuestionPools) -> DraftQuestion | None:
    """Which outlet reported that ...? — options are outlets; none of the others carries the claim."""
    corpus = pools.corpus
    reporting = pools.outlets_of_claim[answer_key(fact.claim)]
    quotes = [normalise_for_matching(s.quote) for s in fact.sources]

    def did_not_report(outlet_id: str) -> bool:
        if outlet_id in reporting:
            return False
        return not any(q in a.quote_search.normalised for a in corpus.articles_of(outlet_id) for q in quotes)

    chosen = pick_from_pool(pools.outlet_ids, WRONG_OPTIONS, f"claim:{fact.id}", keep=did_not_report, key=lambda oid: oid)
    if len(chosen) < 2:
        return None
    answer_outlet = corpus.outlet_of(fact.sources[0].article)
    return DraftQuestion(
        family="claim-outlet", kind=QuestionKind.MULTIPLE_CHOICE, stem=f"Which outlet reported that {fact.claim}?",
        answer=Option(answer_outlet.name, "outlet"), distractors=tuple(Option(corpus.outlet(o).name, "outlet") for o in chosen),
        explanation=explain(corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="hard", accepted=frozenset(answer_key(corpus.outlet(o).name) for o in reporting))


def _auto_false_statement(fact: AnyFact, pools: QuestionPools) -> str | None:
    """A false variant made by swapping the fact's own figure or date for a wrong one in its statement."""
    if fact.kind == "quantity":
        from quizgen.generate.family_support import format_number, singular_unit
        shown = format_number(fact.value)
        wrong = [v for v in nearby_numbers(fact.value, fact.id) if v not in pools.values_of_measure[answer_key(fact.measure)]]
        one = re.compile(rf"(?<![\d.,])1 {re.escape(singular_unit(fact.unit))}\b") if fact.value == 1 else None
        if wrong and one and singular_unit(fact.unit) != fact.unit and len(one.findall(fact.statement)) == 1:
            return one.sub(lambda _: format_quantity(wrong[0], fact.unit, None), fact.statement)  # `1 metre` → `2 metres`
        if wrong and fact.statement.count(shown) == 1:
            return fact.statement.replace(shown, format_number(wrong[0]))
    if fact.kind == "event":
        wrong_dates = [d for d in nearby_dates(fact.date, fact.id) if d not in pools.dates_of_title[answer_key(fact.title)]]
        for shown, other in ((fact.date.display, wrong_dates[0].display if wrong_dates else None), (str(fact.date.year), None)):
            if other and fact.statement.count(shown) == 1:
                return fact.statement.replace(shown, other)
    return None


def true_false_question(fact: AnyFact, pools: QuestionPools, ask_true: bool) -> DraftQuestion | None:
    """True or false: a fact's statement, or the false statement its sources contradict."""
    false_statement = fact.false_statement or _auto_false_statement(fact, pools)
    if not ask_true and false_statement is None:
        return None
    shown = fact.statement if ask_true else false_statement
    assert shown is not None
    answer, wrong = (Option("True", "truth"), Option("False", "truth")) if ask_true else (Option("False", "truth"), Option("True", "truth"))
    lead = "True." if ask_true else "False."
    return DraftQuestion(
        family="true-false", kind=QuestionKind.TRUE_FALSE, stem=f"True or false? {shown}",
        answer=answer, distractors=(wrong,), explanation=explain(pools.corpus, fact, f"{lead} {fact.statement}"),
        citations=citations_of(fact), topics=tuple(fact.topics), fact_ids=(fact.id,), difficulty="easy",
        accepted=frozenset({answer_key(answer.text)}))


def wants_true_version(fact: AnyFact) -> bool:
    """Half the true-or-false items show the true statement, chosen by a hash of the fact's id."""
    return int(stable_hash("true-false", fact.id)[:8], 16) % 2 == 0


def chronology_questions(events: list[EventFact], pools: QuestionPools, group_size: int = 4) -> list[DraftQuestion]:
    """Put four events in order: groups of events whose dates cannot be confused, across the timeline."""
    ordered = sorted(events, key=lambda e: (e.date, e.id))
    questions: list[DraftQuestion] = []
    stride = max(1, len(ordered) // (group_size * 2)) if len(ordered) > group_size * 2 else 1
    used: set[tuple[str, ...]] = set()
    used_with: dict[str, list[tuple[str, ...]]] = {}  # event id → groups using it: two groups share at most one event
    for start in range(len(ordered)):
        group: list[EventFact] = []
        for event in ordered[start::stride]:
            if all(event.date.in_definite_order_with(g.date) for g in group) and answer_key(event.title) not in {answer_key(g.title) for g in group}:
                group.append(event)
            if len(group) == group_size:
                break
        ids = tuple(e.id for e in group)
        if len(group) < group_size or ids in used:
            continue
        if any(len(set(ids) & set(u)) > 1 for event_id in ids for u in used_with.get(event_id, ())):
            continue
        used.add(ids)
        for event_id in ids:
            used_with.setdefault(event_id, []).append(ids)
        questions.append(_ordering_question(group, ids, pools))
    return questions


def curated_chronology_questions(hosts: list[EventFact], pools: QuestionPools) -> list[DraftQuestion]:
    """The ordering items a curator chose (``order_with``): each host event with the events it names,
    in date order; the host comes first among the item's facts, as what the item is about."""
    questions: list[DraftQuestion] = []
    for host in hosts:
        others = [pools.corpus.fact(event_id) for event_id in host.order_with]
        group = sorted([host, *(e for e in others if isinstance(e, EventFact))], key=lambda e: (e.date, e.id))
        questions.append(_ordering_question(group, (host.id, *(e.id for e in group if e.id != host.id)), pools))
    return questions


def _ordering_question(group: list[EventFact], fact_ids: tuple[str, ...], pools: QuestionPools) -> DraftQuestion:
    sources = tuple(c for e in group for c in _first_citation(e))
    topics = tuple(dict.fromkeys(t for e in group for t in e.topics))
    lines = "; ".join(f"{e.date.display}: {e.title}" for e in group)
    return DraftQuestion(
        family="chronology", kind=QuestionKind.ORDERING, stem="Put these events in the order they happened, earliest first.",
        answer=Option(capitalise(group[0].title), "event"), distractors=(),
        ordering=tuple(Option(capitalise(e.title), "event") for e in group),
        explanation=explain(pools.corpus, _Merged(group), f"The order is: {lines}"), citations=sources, topics=topics,
        fact_ids=fact_ids, difficulty="hard")


def _first_citation(event: EventFact) -> tuple:  # type: ignore[type-arg]  # a sort key of mixed parts
    return citations_of(event)[:1]


class _Merged:
    """Several events' first sources, for one explanation that names their outlets, and their
    curated contexts, which say why an event's place in the order matters."""

    def __init__(self, events: list[EventFact]):
        self.sources = [e.sources[0] for e in events]
        self.context = " ".join(c.strip() if c.strip().endswith(".") else c.strip() + "." for c in (e.context for e in events) if c) or None
