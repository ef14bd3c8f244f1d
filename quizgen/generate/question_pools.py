"""Indexes over the corpus that question families share, built once: who holds which role, who
said what, which outlets reported what, and the values of each type that can serve as distractors."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import assert_never

from quizgen.generate.distractors import SortedPool
from quizgen.generate.question_model import answer_key
from quizgen.model.corpus import Corpus
from quizgen.model.facts import (
    ClaimFact,
    EventFact,
    QuantityFact,
    QuotationFact,
    RoleFact,
)
from quizgen.model.field_types import PartialDate
from quizgen.model.registry import Person

_WORD = re.compile(r"[A-Z][a-z]+")


@dataclass
class QuestionPools:
    corpus: Corpus
    person_ids: list[str] = field(default_factory=list)
    person_id_set: frozenset[str] = frozenset()
    organization_ids: list[str] = field(default_factory=list)
    outlet_ids: list[str] = field(default_factory=list)
    holders_of_role: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles_of_person: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    role_texts: list[str] = field(default_factory=list)
    speakers_of_text: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    outlets_of_claim: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    values_of_measure: dict[str, set[float]] = field(default_factory=lambda: defaultdict(set))
    numbers_by_unit: dict[str, SortedPool[float]] = field(default_factory=dict)
    dates_of_title: dict[str, set[PartialDate]] = field(default_factory=lambda: defaultdict(set))
    dates_by_precision: dict[str, SortedPool[PartialDate]] = field(default_factory=dict)
    expansions: list[str] = field(default_factory=list)
    words_by_initial: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    term_keys: dict[str, set[str]] = field(default_factory=dict)
    all_term_keys: set[str] = field(default_factory=set)
    """Every key of every term: a wrong expansion must be none of them."""
    expansions_by_initials: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    term_ids: list[str] = field(default_factory=list)

    def name_keys(self, speaker_id: str) -> set[str]:
        """Every way a person or organisation is written: name, spellings, aliases."""
        speaker = self.corpus.speaker(speaker_id)
        others = [s.name for s in speaker.spellings] if isinstance(speaker, Person) else list(speaker.aliases)
        names = [speaker.name] + others
        return {answer_key(n) for n in names}


def build_question_pools(corpus: Corpus) -> QuestionPools:
    pools = QuestionPools(corpus)
    pools.person_ids = sorted(p.id for p in corpus.people)
    pools.person_id_set = frozenset(pools.person_ids)
    pools.organization_ids = sorted(o.id for o in corpus.organizations)
    pools.outlet_ids = sorted(o.id for o in corpus.outlets)
    numbers: dict[str, set[float]] = defaultdict(set)
    dates: dict[str, set[PartialDate]] = defaultdict(set)
    roles: set[str] = set()
    for fact in corpus.facts:
        match fact:
            case RoleFact():
                pools.holders_of_role[answer_key(fact.role)].add(fact.person)
                pools.roles_of_person[fact.person].add(answer_key(fact.role))
                roles.add(fact.role)
            case QuotationFact():
                pools.speakers_of_text[answer_key(fact.text)].add(fact.speaker)
            case ClaimFact():
                for source in fact.sources:
                    pools.outlets_of_claim[answer_key(fact.claim)].add(corpus.article(source.article).meta.outlet)
            case QuantityFact():
                pools.values_of_measure[answer_key(fact.measure)].add(fact.value)
                numbers[answer_key(fact.unit)].add(fact.value)
            case EventFact():
                pools.dates_of_title[answer_key(fact.title)].add(fact.date)
                dates[fact.date.precision].add(fact.date)
            case _:
                assert_never(fact)
    for person in corpus.people:
        pools.roles_of_person[person.id].add(answer_key(person.role))
        pools.holders_of_role[answer_key(person.role)].add(person.id)
        roles.add(person.role)
    pools.role_texts = sorted(roles, key=answer_key)
    pools.numbers_by_unit = {unit: SortedPool(values) for unit, values in numbers.items()}
    pools.dates_by_precision = {precision: SortedPool(values) for precision, values in dates.items()}
    pools.expansions = sorted({t.expansion for t in corpus.terms if t.expansion} | {t.term for t in corpus.terms if " " in t.term and not t.expansion})
    words: set[str] = set()
    for term in corpus.terms:
        pools.term_keys[term.id] = {answer_key(x) for x in [term.term, *(term.aliases), *([term.expansion] if term.expansion else [])]}
        for text in [term.expansion or "", term.term, *term.aliases]:
            words.update(_WORD.findall(text))
    for word in sorted(words):
        pools.words_by_initial[word[0]].append(word)
    pools.all_term_keys = set().union(*pools.term_keys.values())
    for expansion in pools.expansions:
        pools.expansions_by_initials[initials(expansion)].append(expansion)
    pools.term_ids = sorted(t.id for t in corpus.terms)
    return pools


def initials(text: str) -> str:
    """The initials of the capitalised words: `World Health Organization` → `WHO`."""
    return "".join(w[0] for w in text.split() if w[:1].isupper())
