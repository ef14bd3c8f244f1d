"""How the sources compare: coverage by outlet, corroboration, disagreements, name spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.generate.summaries import disagreements, outlet_count
from quizgen.generate.whole_words import contains_whole
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.model.facts import Term
from quizgen.model.registry import Outlet, Person


@dataclass(frozen=True)
class OutletCoverage:
    outlet: Outlet
    article_ids: tuple[str, ...]
    fact_count: int
    only_here: tuple[AnyFact, ...]


@dataclass(frozen=True)
class SourceComparison:
    coverage: tuple[OutletCoverage, ...]
    corroborated: tuple[tuple[AnyFact, tuple[str, ...]], ...]
    """Facts reported by two or more outlets, with the outlets' ids, most corroborated first."""
    disagreements: tuple[tuple[AnyFact, AnyFact, str | None], ...]
    spellings: tuple[Person, ...]


def outlets_of(corpus: Corpus, fact: AnyFact) -> tuple[str, ...]:
    return tuple(dict.fromkeys(corpus.article(s.article).meta.outlet for s in fact.sources))


def compare_sources(corpus: Corpus) -> SourceComparison:
    facts_of_outlet: dict[str, list[AnyFact]] = {}
    for fact in corpus.facts:  # one pass over the facts, not one per outlet
        for outlet_id in outlets_of(corpus, fact):
            facts_of_outlet.setdefault(outlet_id, []).append(fact)
    coverage = []
    for outlet in corpus.outlets:
        article_ids = tuple(a.id for a in corpus.articles_of(outlet.id))
        facts = facts_of_outlet.get(outlet.id, [])
        only = tuple(f for f in facts if outlets_of(corpus, f) == (outlet.id,))
        coverage.append(OutletCoverage(outlet, article_ids, len(facts), only))
    order = {f.id: i for i, f in enumerate(corpus.facts)}
    shared = [f for f in corpus.facts if outlet_count(corpus, f) >= 2]
    shared.sort(key=lambda f: (-outlet_count(corpus, f), order[f.id]))
    return SourceComparison(
        coverage=tuple(coverage),
        corroborated=tuple((f, outlets_of(corpus, f)) for f in shared),
        disagreements=tuple(disagreements(corpus)),
        spellings=tuple(p for p in corpus.people if p.spellings),
    )


def term_names(term: Term) -> tuple[str, ...]:
    """The names a text may use for a term: the term, its aliases and its expansion."""
    return tuple(sorted({term.term, *term.aliases, *([term.expansion] if term.expansion else [])}))


_LEADING_WORD = re.compile(r"\w+")


def term_appearances(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """For each term, the articles whose own text (not furniture) names it or one of its aliases.

    A name that starts with a word character can only match where the text has a word that equals
    the name's first word (the pattern allows no word character before or after the match, and
    a name's first word ends where the name's does or at a non-word character). So each article is
    searched only for the terms one of its words could start: linear in the corpus, not terms × articles.
    """
    names = {term.id: term_names(term) for term in corpus.terms}
    by_first_word: dict[str, list[str]] = {}
    always: list[str] = []  # names that start with punctuation: searched in every article
    for term in corpus.terms:
        for name in names[term.id]:
            first = _LEADING_WORD.match(name)
            if first:
                by_first_word.setdefault(first.group(), []).append(term.id)
            else:
                always.append(term.id)
    found: dict[str, list[str]] = {term.id: [] for term in corpus.terms}
    for article in corpus.articles:
        texts = [b.text for b in article.blocks if not b.furniture]
        words = {word for text in texts for word in _LEADING_WORD.findall(text)}
        candidates = set(always).union(*(by_first_word.get(word, ()) for word in words))
        for term_id in candidates:
            if any(contains_whole(text, name, "-") for name in names[term_id] for text in texts):
                found[term_id].append(article.id)
    return {term.id: tuple(found[term.id]) for term in corpus.terms}
