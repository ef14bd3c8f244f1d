"""Matching items: glossary terms to their definitions, people to their roles, a topic at a time.

Item-writing rules, kept by construction (what would break one is left out of the item):
- one defensible match: no two terms of an item share a definition, no person of an item holds
  another pair's role in the corpus, no role of an item is held by two of its people;
- nothing gives a match away: a definition that names its own term, expansion or alias, or
  shares a word of four letters or more with one of them ("A bridge near the town": Lima
  Bridge), or names another term of the item, and a role that names a person of the item, are left out;
- each pair cites an outlet's quote, a copy's only when no outlet gives the term (a copy's text is
  no evidence, as in ``source_comparison``); the site shows one hint per article, not per quote;
- no term of detail importance (the curator's mark for "no quiz question"), as for every family;
- three to ``PAIRS_AT_MOST`` pairs (Moodle's matching needs three answers), each term or role
  fact in one item only: terms a topic at a time, in the corpus's order of topics, then the terms
  of topics with too few together; people in the
  order of their role facts (one per person, none of detail importance).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from quizgen.generate.families_terms import names_any, shares_a_word
from quizgen.generate.family_support import capitalise
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


def _chunks(items: list[Item], fits: Callable[[Item, list[Item]], bool]) -> tuple[list[list[Item]], list[Item]]:
    """Items in groups of up to ``PAIRS_AT_MOST`` that ``fits`` accepts, each item in the first
    group that takes it; and the items of groups under ``PAIRS_AT_LEAST``, left over."""
    groups: list[list[Item]] = []
    for item in items:
        group = next((g for g in groups if len(g) < PAIRS_AT_MOST and fits(item, g)), None)
        if group is None:
            if not fits(item, []):
                continue  # it gives itself away, whatever its company
            groups.append(group := [])
        group.append(item)
    kept = [g for g in groups if len(g) >= PAIRS_AT_LEAST]
    return kept, [item for g in groups if len(g) < PAIRS_AT_LEAST for item in g]


def _term_names(term: Term) -> list[str]:
    return [term.term, *([term.expansion] if term.expansion else []), *term.aliases]


def _term_fits(term: Term, group: list[Term]) -> bool:
    if names_any(term.definition, _term_names(term)) or shares_a_word(term.definition, _term_names(term)):
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
    # Where each pair is read in the articles: the key already shows the pairs, so restating
    # them would teach nothing; the words the match rests on do.
    explanation = " ".join(f'{capitalise(left)}: {pools.corpus.outlet_of(source.article).name} writes "{source.quote}".'
                           for (left, _), source in zip(pairs, sources))
    question_id = "q-" + stable_hash(family, ",".join(ids), stem, "|".join(f"{a}={b}" for a, b in pairs))[:12]
    return Question(
        id=question_id, family=family, kind=QuestionKind.MATCHING, stem=stem, options=tuple(left for left, _ in pairs), correct=None,
        correct_order=None, option_notes=(None,) * len(pairs), explanation=explanation, citations=citations,
        topics=tuple(dict.fromkeys(topics)), articles=tuple(dict.fromkeys(c.article for c in citations)),
        difficulty="medium", fact_ids=tuple(ids), option_types=("matching",) * len(pairs),
        accepted=frozenset(), clusters=tuple(ids), pairs=tuple(pairs))


def _first_source(pools: QuestionPools, item: Term | RoleFact) -> Any:
    """The item's first source from an outlet; a copy's only when no outlet gives it."""
    corpus = pools.corpus
    return next((s for s in item.sources if corpus.outlet_of(s.article).kind != "copy"), item.sources[0])


class _Sources:
    def __init__(self, sources: list[Any]) -> None:
        self.sources = sources


def term_matching_items(pools: QuestionPools) -> list[Question]:
    # The glossary's terms but those of detail importance: those stay on the glossary page that
    # students study, and get no quiz question, matching included (a word a student matches
    # from general knowledge, "bridge" to "a road over a river", tests no reading).
    terms = sorted((t for t in pools.corpus.terms if t.importance != "detail"), key=lambda t: (t.term.casefold(), t.id))
    groups: list[list[Term]] = []
    left: list[Term] = []
    for topic_terms in _by_topic(pools, terms, lambda t: t.topics):
        kept, rest = _chunks(topic_terms, _term_fits)
        groups += kept
        left += rest
    groups += _chunks(left, _term_fits)[0]  # the terms of topics with too few, together
    items = []
    for group in groups:
        items.append(_item("term-matching", TERM_STEM, [(t.term, t.definition) for t in group], [_first_source(pools, t) for t in group],
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
    for group in _chunks(facts, fits)[0]:  # across topics: a topic rarely names three people
        pairs = [(corpus.speaker(f.person).name, capitalise(f.role)) for f in group]
        items.append(_item("person-matching", PERSON_STEM, pairs, [_first_source(pools, f) for f in group], [f.id for f in group],
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
