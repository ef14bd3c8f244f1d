"""The validated corpus: immutable, with look-ups by id. Generators read nothing else."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, Sequence

from quizgen.model.article import Article
from quizgen.model.facts import AnyFact, RoleFact, Source, Term
from quizgen.model.field_types import StrictModel
from quizgen.model.registry import CorpusInfo, Organization, Outlet, Person, Topic
from quizgen.model.story import Story

__all__ = ["AnyFact", "Corpus", "SourceLocation"]


@dataclass(frozen=True)
class SourceLocation:
    """A place in a corpus file: ``path:line:col``."""

    path: str
    line: int
    column: int




class Sourced(Protocol):
    """Anything quoted from articles: a fact, a term, a spelling of a name."""

    @property
    def sources(self) -> Sequence[Source]: ...


def _index(items: tuple[StrictModel, ...] | tuple[Article, ...]) -> dict[str, object]:
    return {item.id: item for item in items}  # type: ignore[union-attr]  # every model indexed here has an id; StrictModel does not declare one


@dataclass(frozen=True, eq=False)
class Corpus:
    """Everything quizgen knows, after validation. Tuples are in a stable order."""

    info: CorpusInfo
    articles: tuple[Article, ...]
    outlets: tuple[Outlet, ...]
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    topics: tuple[Topic, ...]
    facts: tuple[AnyFact, ...]
    terms: tuple[Term, ...]
    origins: dict[str, SourceLocation] = field(default_factory=dict, repr=False)
    """Where each fact, term and person is defined, for messages from later stages."""
    root: str = "seeds"
    """The corpus folder as it appears in messages."""
    story: Story | None = None
    """The curated briefing (`briefing.yaml`), if the corpus has one."""
    _by_id: dict[str, dict[str, object]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({
            "article": _index(self.articles), "outlet": _index(self.outlets),
            "speaker": _index(self.people + self.organizations),
            "topic": _index(self.topics), "fact": _index(self.facts), "term": _index(self.terms),
        })

    def article(self, article_id: str) -> Article:
        return self._by_id["article"][article_id]  # type: ignore[return-value]  # _by_id holds each kind's models under its own key

    def outlet(self, outlet_id: str) -> Outlet:
        return self._by_id["outlet"][outlet_id]  # type: ignore[return-value]  # _by_id holds each kind's models under its own key

    def speaker(self, speaker_id: str) -> Person | Organization:
        return self._by_id["speaker"][speaker_id]  # type: ignore[return-value]  # _by_id holds each kind's models under its own key

    def topic(self, topic_id: str) -> Topic:
        return self._by_id["topic"][topic_id]  # type: ignore[return-value]  # _by_id holds each kind's models under its own key

    def fact(self, fact_id: str) -> AnyFact:
        return self._by_id["fact"][fact_id]  # type: ignore[return-value]  # _by_id holds each kind's models under its own key

    def term(self, term_id: str) -> Term:
        return self._by_id["term"][term_id]  # type: ignore[return-value]  # _by_id holds each kind's models under its own key

    def outlet_of(self, article_id: str) -> Outlet:
        return self.outlet(self.article(article_id).meta.outlet)

    def outlets_of(self, item: Sourced) -> tuple[str, ...]:
        """The ids of the outlets whose articles ``item`` quotes, each once, in the order of its sources."""
        return tuple(dict.fromkeys(self.article(s.article).meta.outlet for s in item.sources))

    def witnesses_of(self, item: Sourced) -> tuple[str, ...]:
        """``outlets_of`` without copies: an outlet of kind `copy` republishes another outlet's text,
        so it witnesses nothing."""
        return tuple(o for o in self.outlets_of(item) if self.outlet(o).kind != "copy")

    def origin_of(self, item_id: str) -> SourceLocation:
        return self.origins.get(item_id, SourceLocation(self.root, 1, 1))

    # Indexes built once on first use, so that per-article and per-person look-ups cost what they
    # return, not a scan of the corpus (a scan per article makes a site build quadratic).
    @cached_property
    def _facts_by_article(self) -> dict[str, tuple[AnyFact, ...]]:
        found: dict[str, list[AnyFact]] = defaultdict(list)
        for fact in self.facts:
            for article_id in dict.fromkeys(s.article for s in fact.sources):
                found[article_id].append(fact)
        return {key: tuple(value) for key, value in found.items()}

    def facts_citing(self, article_id: str) -> tuple[AnyFact, ...]:
        """The facts with a source in this article, in corpus order."""
        return self._facts_by_article.get(article_id, ())

    @cached_property
    def _articles_by_outlet(self) -> dict[str, tuple[Article, ...]]:
        found: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            found[article.meta.outlet].append(article)
        return {key: tuple(value) for key, value in found.items()}

    def articles_of(self, outlet_id: str) -> tuple[Article, ...]:
        """The outlet's articles, in corpus order."""
        return self._articles_by_outlet.get(outlet_id, ())

    @cached_property
    def _role_facts_by_person(self) -> dict[str, tuple[RoleFact, ...]]:
        found: dict[str, list[RoleFact]] = defaultdict(list)
        for fact in self.facts:
            if isinstance(fact, RoleFact):
                found[fact.person].append(fact)
        return {key: tuple(value) for key, value in found.items()}

    def role_facts_of(self, person_id: str) -> tuple[RoleFact, ...]:
        """The role facts about this person, in corpus order."""
        return self._role_facts_by_person.get(person_id, ())

    @cached_property
    def _quotes_by_article(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = defaultdict(list)
        sourced = [s for item in (*self.facts, *self.terms) for s in item.sources]
        sourced += [s for person in self.people for spelling in person.spellings for s in spelling.sources]
        for source in sourced:
            found[source.article].append(source.quote)
        return {key: tuple(value) for key, value in found.items()}

    def quotes_from(self, article_id: str) -> tuple[str, ...]:
        """Every quote that facts, terms and spellings take from this article."""
        return self._quotes_by_article.get(article_id, ())

    def latest_publication_timestamp(self) -> int:
        """Midnight UTC of the latest article's publication date, in seconds since 1970: a time fixed
        by the content, not the clock, for whatever a build must date (a deck's notes, a sitemap)."""
        latest = max(article.meta.published for article in self.articles)
        return calendar.timegm((latest.year, latest.month or 1, latest.day or 1, 0, 0, 0))

    def facts_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for fact in self.facts:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
        return dict(sorted(counts.items()))
