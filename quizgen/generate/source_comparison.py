"""How the sources compare: coverage by outlet, corroboration, differences, name spellings.

Facts that restate one another (their quotes overlap in one article, by half the shorter quote or
more) count once: coverage and corroboration count clusters of facts, not restatements. Role
facts (who holds which office) are not counted: they say who people are, not what happened; nor
are the two sides of a correction (a report withdrawn is not a fact, and the correction is about
the article). A copy is never a witness: a cluster is corroborated by two outlets, not by an outlet
and a copy of it, and a corroborated fact is listed with the outlets' quotes only. Every count is
the length of a list the page shows: an outlet's facts are the corroborated ones that name it plus
those only it reports; a copy's, those an outlet also gives plus those no outlet gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.generate.summaries import Difference, classified_differences, outlet_count
from quizgen.generate.whole_words import contains_whole
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.model.facts import Term
from quizgen.model.registry import Outlet, Person

OVERLAP_SHARE = 0.5
"""Two quotes in one article restate each other when they overlap by this share of the shorter."""


@dataclass(frozen=True)
class OutletCoverage:
    outlet: Outlet
    article_ids: tuple[str, ...]
    shared: tuple[AnyFact, ...]
    """One fact per cluster that another outlet also reports (for a copy: that an outlet gives)."""
    only_here: tuple[AnyFact, ...]
    """One fact per cluster that no other outlet supports (for a copy: that no outlet gives)."""

    @property
    def fact_count(self) -> int:
        """Clusters of facts (restatements counted once) that the outlet's articles support."""
        return len(self.shared) + len(self.only_here)


@dataclass(frozen=True)
class SourceComparison:
    coverage: tuple[OutletCoverage, ...]
    corroborated: tuple[tuple[AnyFact, tuple[str, ...]], ...]
    """One fact per cluster (its most corroborated) that two or more outlets report, with their ids, most corroborated first."""
    differences: tuple[Difference, ...]
    spellings: tuple[Person, ...]

    @property
    def disagreements(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.kind == "disagreement")


def witnessed(corpus: Corpus, fact: AnyFact) -> AnyFact:
    """The fact with only its outlets' sources (a copy's quote is no evidence for it)."""
    sources = [s for s in fact.sources if corpus.outlet_of(s.article).kind != "copy"]
    return fact.model_copy(update={"sources": sources}) if len(sources) < len(fact.sources) else fact


def fact_clusters(corpus: Corpus, facts: list[AnyFact]) -> list[list[AnyFact]]:
    """Facts grouped with those that restate them, in corpus order (union of overlapping quotes)."""
    parent = {f.id: f.id for f in facts}

    def root(fact_id: str) -> str:
        while parent[fact_id] != fact_id:
            parent[fact_id] = parent[parent[fact_id]]
            fact_id = parent[fact_id]
        return fact_id

    spans: dict[str, list[tuple[int, int, str]]] = {}
    for fact in facts:
        for source in fact.sources:
            found = corpus.article(source.article).quote_search.find(source.quote)
            if isinstance(found, list):
                spans.setdefault(source.article, []).extend((span.start, span.end, fact.id) for span in found)
    for article_spans in spans.values():
        article_spans.sort()
        for i, (start, end, fact_id) in enumerate(article_spans):
            for other_start, other_end, other_id in article_spans[i + 1:]:
                if other_start >= end:
                    break
                overlap = min(end, other_end) - other_start
                if overlap >= OVERLAP_SHARE * min(end - start, other_end - other_start):
                    parent[root(other_id)] = root(fact_id)
    groups: dict[str, list[AnyFact]] = {}
    for fact in facts:
        groups.setdefault(root(fact.id), []).append(fact)
    return list(groups.values())


def compare_sources(corpus: Corpus) -> SourceComparison:
    order = {f.id: i for i, f in enumerate(corpus.facts)}
    differences = classified_differences(corpus)
    corrected = {s.fact_id for d in differences if d.kind == "correction" for s in (d.sentence, *d.versions)}
    clusters = fact_clusters(corpus, [f for f in corpus.facts if f.kind != "role" and f.id not in corrected])
    outlets_of_cluster = [tuple(dict.fromkeys(o for f in c for o in corpus.outlets_of(f))) for c in clusters]
    witnesses = [tuple(o for o in outlets if corpus.outlet(o).kind != "copy") for outlets in outlets_of_cluster]
    # the fact that speaks for a cluster: the most corroborated, then the first
    leads = [min(c, key=lambda f: (-outlet_count(corpus, f), order[f.id])) for c in clusters]
    corroborated = [i for i in range(len(clusters)) if len(witnesses[i]) >= 2]
    corroborated.sort(key=lambda i: (-len(witnesses[i]), order[leads[i].id]))
    coverage = []
    for outlet in corpus.outlets:
        article_ids = tuple(a.id for a in corpus.articles_of(outlet.id))
        mine = [i for i in range(len(clusters)) if outlet.id in outlets_of_cluster[i]]
        if outlet.kind == "copy":
            shared = [i for i in mine if witnesses[i]]
        else:
            shared = [i for i in corroborated if outlet.id in witnesses[i]]
        only = tuple(leads[i] for i in mine if i not in shared)
        coverage.append(OutletCoverage(outlet, article_ids, tuple(leads[i] for i in shared), only))
    return SourceComparison(
        coverage=tuple(coverage),
        corroborated=tuple((witnessed(corpus, leads[i]), witnesses[i]) for i in corroborated),
        differences=differences,
        spellings=tuple(p for p in corpus.people if any(s.name.casefold() != p.name.casefold() for s in p.spellings)),
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
