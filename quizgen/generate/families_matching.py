"""Matching items: glossary terms to their definitions, people to their roles, a topic at a time.

Item-writing rules, kept by construction (what would break one is left out of the item):
- one defensible match: no two terms of an item share a definition, no person of an item holds
  another pair's role in the corpus, no role of an item is held by two of its people;
- nothing gives a match away: a definition that names its own term, expansion or alias, or
  another term of the item, and a role that names a person of the item, are left out;
- three to ``PAIRS_AT_MOST`` pairs (Moodle's matching needs three answers), each term or role
  fact in one item only: terms a topic at a time, in the corpus's order of topics; people in the
  order of their role facts (one per person, none of detail importance).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from quizgen.generate.family_support import capitalise, join_names, outlet_names
from quizgen.generate.families_terms import names_any
from quizgen.generate.question_model import Citation, Question, answer_key, stable_hash
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.facts import RoleFact, Term
from quizgen.model.kinds import QuestionKind

Item = TypeVar("Item", Term, RoleFact)

PAIRS_AT_LEAST = 3
PAIRS_AT_MOST = 5
MATCHING_FAMILIES = ("term-matching", "person-matching")
TERM_STEM = "Match each term to its definition in the glossary."
PERSON_STEM = "Match each person to their role, as the articles describe it."


def _by_topic(pools: QuestionPools, items: list[Item], topics_of: Callable[[Item], Iterable[str]]) -> list[list[Item]]:
    order = {topic.id: at for at, topic in enumerate(pools.corpus.topics)}
    groups: dict[str, list[Item]] = {}
    for item in items:
        first = next((t for t in topics_of(item) if t in order), "")
        groups.setdefault(first, []).append(item)
    return [groups[key] for key in sorted(groups, key=lambda k: (k == "", order.get(k, 0), k))]


def _chunks(items: list[Item], fits: Callable[[Item, list[Item]], bool]) -> list[list[Item]]:
    """Items in groups of up to ``PAIRS_AT_MOST`` that ``fits`` accepts; a group under
    ``PAIRS_AT_LEAST`` is dropped."""
    groups: list[list[Item]] = [[]]
    for item in items:
        if len(groups[-1]) == PAIRS_AT_MOST:
            groups.append([])
        if fits(item, groups[-1]):
            groups[-1].append(item)
    return [g for g in groups if len(g) >= PAIRS_AT_LEAST]


def _term_names(term: Term) -> list[str]:
    return [term.term, *([term.expansion] if term.expansion else []), *term.aliases]


def _term_fits(term: Term, group: list[Term]) -> bool:
    if names_any(term.definition, _term_names(term)):
        return False
    for other in group:
        if answer_key(other.definition) == answer_key(term.definition) or answer_key(other.term) == answer_key(term.term):
            return False
        if names_any(term.definition, _term_names(other)) or names_any(other.definition, _term_names(term)):
            return False
    return True


def _item(family: str, stem: str, pairs: list[tuple[str, str]], sources: list[Any], ids: list[str],
          topics: list[str], pools: QuestionPools) -> Question:
    citations = tuple(Citation(s.article, s.quote) for s in sources)
    explanation = "; ".join(f"{left}: {right.rstrip('.')}" for left, right in pairs)
    explanation = f"{explanation}. (Source: {join_names(outlet_names(pools.corpus, _Sources(sources)))}.)"
    question_id = "q-" + stable_hash(family, ",".join(ids), stem, "|".join(f"{a}={b}" for a, b in pairs))[:12]
    return Question(
        id=question_id, family=family, kind=QuestionKind.MATCHING, stem=stem, options=tuple(left for left, _ in pairs), correct=None,
        correct_order=None, option_notes=(None,) * len(pairs), explanation=explanation, citations=citations,
        topics=tuple(dict.fromkeys(topics)), articles=tuple(dict.fromkeys(c.article for c in citations)),
        difficulty="medium", fact_ids=tuple(ids), option_types=("matching",) * len(pairs),
        accepted=frozenset(), clusters=tuple(ids), pairs=tuple(pairs))


class _Sources:
    def __init__(self, sources: list[Any]) -> None:
        self.sources = sources


def term_matching_items(pools: QuestionPools) -> list[Question]:
    # Every glossary term, as the glossary page and the glossary worksheet have them: a term of
    # detail importance gets no quiz question, but it is in the glossary students study.
    terms = sorted(pools.corpus.terms, key=lambda t: (t.term.casefold(), t.id))
    items = []
    for topic_terms in _by_topic(pools, terms, lambda t: t.topics):
        for group in _chunks(topic_terms, _term_fits):
            items.append(_item("term-matching", TERM_STEM, [(t.term, t.definition) for t in group], [t.sources[0] for t in group],
                               [t.id for t in group], [x for t in group for x in t.topics], pools))
    return items


def person_matching_items(pools: QuestionPools) -> list[Question]:
    corpus = pools.corpus
    facts: list[RoleFact] = []
    seen_people: set[str] = set()
    for fact in corpus.facts:
        if fact.kind == "role" and fact.importance != "detail" and fact.person not in seen_people:
            seen_people.add(fact.person)
            facts.append(fact)

    def fits(fact: RoleFact, group: list[RoleFact]) -> bool:
        names = [corpus.speaker(f.person).name for f in [*group, fact]]
        if names_any(fact.role, names) or any(names_any(f.role, names) for f in group):
            return False
        for other in group:
            # one defensible match: neither person is also described by the other's role
            if answer_key(other.role) in pools.roles_of_person[fact.person] or answer_key(fact.role) in pools.roles_of_person[other.person]:
                return False
        return True

    items = []
    for group in _chunks(facts, fits):  # across topics: a topic rarely names three people
        pairs = [(corpus.speaker(f.person).name, capitalise(f.role)) for f in group]
        items.append(_item("person-matching", PERSON_STEM, pairs, [f.sources[0] for f in group], [f.id for f in group],
                           [x for f in group for x in f.topics], pools))
    return items


def matching_answers(question: Question) -> tuple[str, ...]:
    """A matching item's answers in the order they are offered: seeded by the item's id, and never
    the order of the items themselves (the right answers in a row would give the match away)."""
    rights = [right for _, right in question.pairs]
    order = sorted(dict.fromkeys(rights), key=lambda r: stable_hash(question.id, "matching-answer", r))
    if order == rights and len(order) > 1:
        order = order[1:] + order[:1]
    return tuple(order)


def matching_items(pools: QuestionPools) -> tuple[Question, ...]:
    """Every matching item of the corpus: terms to definitions first, then people to roles."""
    return tuple(term_matching_items(pools) + person_matching_items(pools))
