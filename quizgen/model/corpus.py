"""The validated corpus: immutable, with look-ups by id. Generators read nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgen.model.facts import ClaimFact, EventFact, QuantityFact, QuotationFact, RoleFact, Term
from quizgen.model.field_types import StrictModel
from quizgen.model.article import Article
from quizgen.model.registry import CorpusInfo, Organization, Outlet, Person, Topic



@dataclass(frozen=True)
class SourceLocation:
    """A place in a corpus file: ``path:line:col``."""

    path: str
    line: int
    column: int


AnyFact = QuantityFact | RoleFact | EventFact | QuotationFact | ClaimFact


def _index(items: tuple[StrictModel, ...] | tuple[Article, ...]) -> dict[str, object]:
    return {item.id: item for item in items}  # type: ignore[attr-defined]


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
    _by_id: dict[str, dict[str, object]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({
            "article": _index(self.articles), "outlet": _index(self.outlets),
            "speaker": _index(self.people + self.organizations),  # type: ignore[operator]
            "topic": _index(self.topics), "fact": _index(self.facts), "term": _index(self.terms),
        })

    def article(self, article_id: str) -> Article:
        return self._by_id["article"][article_id]  # type: ignore[return-value]

    def outlet(self, outlet_id: str) -> Outlet:
        return self._by_id["outlet"][outlet_id]  # type: ignore[return-value]

    def speaker(self, speaker_id: str) -> Person | Organization:
        return self._by_id["speaker"][speaker_id]  # type: ignore[return-value]

    def topic(self, topic_id: str) -> Topic:
        return self._by_id["topic"][topic_id]  # type: ignore[return-value]

    def fact(self, fact_id: str) -> AnyFact:
        return self._by_id["fact"][fact_id]  # type: ignore[return-value]

    def term(self, term_id: str) -> Term:
        return self._by_id["term"][term_id]  # type: ignore[return-value]

    def outlet_of(self, article_id: str) -> Outlet:
        return self.outlet(self.article(article_id).meta.outlet)

    def origin_of(self, item_id: str) -> SourceLocation:
        return self.origins.get(item_id, SourceLocation(self.root, 1, 1))

    def facts_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for fact in self.facts:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
        return dict(sorted(counts.items()))
