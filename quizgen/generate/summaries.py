"""Summaries, the briefing and the timeline: sentences chosen from facts, each citing its sources.

Every sentence the site states is a fact's curated statement, so every claim traces to a quote.
What the generators add is the choice and the order: the facts most outlets corroborate first,
events in date order, and disagreements set side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.generate.question_model import Citation
from quizgen.model.article import Article
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.model.field_types import PartialDate

KIND_WEIGHT = {"claim": 0, "event": 1, "quantity": 2, "quotation": 3, "role": 4}


@dataclass(frozen=True)
class CitedSentence:
    text: str
    citations: tuple[Citation, ...]
    fact_id: str


@dataclass(frozen=True)
class BriefingSection:
    topic_id: str
    title: str
    sentences: tuple[CitedSentence, ...]


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    title: str
    statement: str
    planned: bool
    citations: tuple[Citation, ...]
    fact_id: str


def outlet_count(corpus: Corpus, fact: AnyFact) -> int:
    return len({corpus.article(s.article).meta.outlet for s in fact.sources})


def fact_date(fact: AnyFact) -> PartialDate | None:
    return getattr(fact, "date", None) or getattr(fact, "as_of", None)


def _importance(corpus: Corpus, fact: AnyFact, position: int) -> tuple[int, int, int]:
    return (-outlet_count(corpus, fact), KIND_WEIGHT[fact.kind], position)


def cite(fact: AnyFact, only_article: str | None = None) -> CitedSentence:
    sources = [s for s in fact.sources if only_article in (None, s.article)]
    return CitedSentence(fact.statement, tuple(Citation(s.article, s.quote) for s in sources), fact.id)


def article_facts(corpus: Corpus, article: Article) -> list[AnyFact]:
    """The facts this article supports, most corroborated first."""
    mine = corpus.facts_citing(article.id)  # in corpus order, so a position among them orders as one in the corpus
    return [f for _, f in sorted(((_importance(corpus, f, i), f) for i, f in enumerate(mine)), key=lambda pair: pair[0])]


def article_summary(corpus: Corpus, article: Article, length: int = 5) -> list[CitedSentence]:
    """A short summary: the article's own claims first, then the facts it shares with most outlets."""
    facts = article_facts(corpus, article)
    claims = [f for f in facts if f.kind == "claim"][:2]
    rest = [f for f in facts if f not in claims and f.kind != "role"]
    chosen = (claims + rest)[:length]
    chosen.sort(key=lambda f: (f not in claims, fact_date(f) or PartialDate(9999)))
    return [cite(f, article.id) for f in chosen]


def briefing(corpus: Corpus, per_topic: int = 5) -> list[BriefingSection]:
    """One combined summary: a section per topic, each fact once (under its first topic)."""
    order = {fact.id: i for i, fact in enumerate(corpus.facts)}
    by_first_topic: dict[str, list[AnyFact]] = {}
    for fact in corpus.facts:
        if fact.kind != "role":
            by_first_topic.setdefault(fact.topics[0], []).append(fact)
    sections = []
    for topic in corpus.topics:
        facts = by_first_topic.get(topic.id, [])
        chosen = sorted(facts, key=lambda f: _importance(corpus, f, order[f.id]))[:per_topic]
        chosen.sort(key=lambda f: (fact_date(f) or PartialDate(9999), order[f.id]))
        if chosen:
            sections.append(BriefingSection(topic.id, topic.title, tuple(cite(f) for f in chosen)))
    return sections


def disagreements(corpus: Corpus) -> list[tuple[AnyFact, AnyFact, str | None]]:
    """Pairs of facts that give different versions, each pair once."""
    seen: set[frozenset[str]] = set()
    pairs = []
    for fact in corpus.facts:
        for other_id in fact.differs_from:
            key = frozenset((fact.id, other_id))
            if key in seen:
                continue
            seen.add(key)
            other = corpus.fact(other_id)
            pairs.append((fact, other, fact.difference or getattr(other, "difference", None)))
    return pairs


def timeline(corpus: Corpus) -> list[TimelineEntry]:
    events = [f for f in corpus.facts if f.kind == "event"]
    events.sort(key=lambda e: (e.date, e.id))
    return [TimelineEntry(e.date, e.title, e.statement, e.planned, tuple(Citation(s.article, s.quote) for s in e.sources), e.id)
            for e in events]
