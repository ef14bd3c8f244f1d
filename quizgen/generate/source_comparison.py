"""How the sources compare: coverage by outlet, corroboration, disagreements, name spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.generate.summaries import disagreements, outlet_count
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
    coverage = []
    for outlet in corpus.outlets:
        article_ids = tuple(a.id for a in corpus.articles if a.meta.outlet == outlet.id)
        facts = [f for f in corpus.facts if outlet.id in outlets_of(corpus, f)]
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


def term_pattern(term: Term) -> re.Pattern[str]:
    names = sorted({term.term, *term.aliases, *([term.expansion] if term.expansion else [])}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def term_appearances(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """For each term, the articles whose own text (not furniture) names it or one of its aliases."""
    found: dict[str, tuple[str, ...]] = {}
    for term in corpus.terms:
        pattern = term_pattern(term)
        found[term.id] = tuple(a.id for a in corpus.articles
                               if any(not b.furniture and pattern.search(b.text) for b in a.blocks))
    return found
