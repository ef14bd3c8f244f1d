"""Article summaries, the timeline and the differences between sources, each sentence citing quotes.

Every sentence the site states is a curated sentence (`briefing.yaml`) or a fact's statement, so
every claim traces to a quote. What the generators add is the choice and the order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from quizgen.generate.question_model import Citation, citations_from
from quizgen.model.article import Article
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.model.facts import EventFact, fact_date
from quizgen.model.field_types import PartialDate
from quizgen.model.kinds import SUMMARY_RANK

SUMMARY_LENGTH = 5


@dataclass(frozen=True)
class CitedSentence:
    text: str
    citations: tuple[Citation, ...]
    fact_id: str


@dataclass(frozen=True)
class Difference:
    """Two versions of one thing: `disagreement` (at the same time), `update` (over time) or `correction`."""

    kind: str
    sentence: CitedSentence
    """The curated sentence that tells the difference, or the first version's statement."""
    versions: tuple[CitedSentence, ...]
    """The other versions, when the difference is told by the facts' own statements."""


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    title: str
    detail: str | None
    """The statement, when it adds to the title; else None (a heading is not said twice)."""
    status: str
    """`happened`, `planned` or `hinted`."""
    citations: tuple[Citation, ...]
    fact_id: str


def outlet_count(corpus: Corpus, fact: AnyFact) -> int:
    """How many outlets witness the fact. A copy (an outlet of kind `copy`) republishes another
    outlet's text, so it is never a witness: it counts for nothing, here or anywhere."""
    return len(corpus.witnesses_of(fact))


def evidence(corpus: Corpus, fact: AnyFact) -> list[Any]:
    """The sources a note shows for a fact: a copy's quote only when no outlet gives the fact (a
    copy repeats an outlet's text, so beside that outlet it adds nothing)."""
    outlets = [s for s in fact.sources if corpus.outlet_of(s.article).kind != "copy"]
    return outlets or list(fact.sources)


def fact_time(corpus: Corpus, fact: AnyFact) -> PartialDate:
    """When a fact is about: its own date, else the earliest article that reports it."""
    return fact_date(fact) or min(corpus.article(s.article).meta.published for s in fact.sources)


def _importance(corpus: Corpus, fact: AnyFact, position: int) -> tuple[int, int, int]:
    return (-outlet_count(corpus, fact), SUMMARY_RANK[fact.kind], position)


def cite(fact: AnyFact, only_article: str | None = None) -> CitedSentence:
    sources = [s for s in fact.sources if only_article in (None, s.article)]
    return CitedSentence(fact.statement, citations_from(sources), fact.id)


def article_date(corpus: Corpus, article_id: str) -> str:
    """An article's date as a note shows it: a copy's is its site's date (a banner, a listing),
    not the date of the article it copies; a date the text does not print (only a `date_note`
    explains it) is marked as inferred."""
    meta = corpus.article(article_id).meta
    if corpus.outlet_of(article_id).kind == "copy":
        return f"{meta.published.display} (the site's date, not the article's)"
    if meta.date_note and not meta.date_as_printed:
        return f"{meta.published.display} (date not printed; inferred)"
    return meta.published.display


def article_facts(corpus: Corpus, article: Article) -> list[AnyFact]:
    """The facts this article supports, most corroborated first."""
    mine = corpus.facts_citing(article.id)  # in corpus order, so a position among them orders as one in the corpus
    return [f for _, f in sorted(((_importance(corpus, f, i), f) for i, f in enumerate(mine)), key=lambda pair: pair[0])]


def _names_other_outlet(corpus: Corpus, article: Article, text: str) -> bool:
    # A plain substring test first: it rules out nearly every outlet, and only a name that is in the
    # text is looked for as a whole word (every shared fact of every article meets every outlet).
    return " says " in text or any(o.name in text and re.search(rf"\b{re.escape(o.name)}\b", text)
                                   for o in corpus.outlets if o.id != article.meta.outlet)


def article_summary(corpus: Corpus, article: Article, length: int = SUMMARY_LENGTH) -> list[CitedSentence]:
    """A summary of one article from its own facts and quotes only.

    The curated summary (`briefing.yaml`, `article_summaries`) if there is one. Else the facts only
    this article reports, then shared ones whose statement names no other outlet (a shared fact's
    statement can hold a detail that only another article gives), in date order.
    """
    curated = [s for s in corpus.story.article_summaries if s.article == article.id] if corpus.story else []
    if curated:
        return [CitedSentence(s.text, tuple(dict.fromkeys(Citation(src.article, src.quote) for fid in s.facts
                                                          for src in corpus.fact(fid).sources if src.article == article.id)), s.facts[0])
                for s in curated[0].sentences]
    facts = [f for f in article_facts(corpus, article) if f.kind != "role"]
    own = [f for f in facts if outlet_count(corpus, f) == 1]
    shared = [f for f in facts if f not in own and not _names_other_outlet(corpus, article, f.statement)]
    chosen = (own[:2] + shared + own[2:])[:length]
    order = {f.id: i for i, f in enumerate(facts)}
    chosen.sort(key=lambda f: (fact_time(corpus, f), order[f.id]))
    return [cite(f, article.id) for f in chosen]


_CORRECTION = re.compile(r"\b(?:correction|corrected|previous version|earlier version)\b", re.IGNORECASE)


def _kind_of_difference(corpus: Corpus, first: AnyFact, second: AnyFact) -> str:
    """A correction when one article gives both versions and a quote of them says it corrects
    (`Correction:`, `a previous version`); an update when the versions are from different
    months; else a disagreement (two versions at the same time)."""
    shared = {s.article for s in first.sources} & {s.article for s in second.sources}
    quotes = [s.quote for f in (first, second) for s in f.sources if s.article in shared]
    if any(_CORRECTION.search(q) for q in quotes):
        return "correction"
    a, b = fact_time(corpus, first), fact_time(corpus, second)
    if (a.year, a.month) != (b.year, b.month):
        return "update"
    return "disagreement"


def _two_sources(corpus: Corpus, first: AnyFact, second: AnyFact) -> bool:
    """Whether two versions come from different sources: each side has an outlet (a copy is no
    witness) and no outlet gives both (an article that reports a view and the reply to it, or an
    extra caveat, is not two sources disagreeing)."""
    a, b = set(corpus.witnesses_of(first)), set(corpus.witnesses_of(second))
    return bool(a) and bool(b) and not a & b


def _own_caveats(corpus: Corpus, later: AnyFact, earlier: AnyFact) -> list[AnyFact]:
    """What the later version's own outlet says against it at the same time (facts linked to it by
    `differs_from` that no other source gives): told with it, a change over time is not one-sided."""
    linked = dict.fromkeys([*later.differs_from, *(f.id for f in corpus.facts if later.id in f.differs_from)])
    return [f for f in map(corpus.fact, linked) if f.id != earlier.id and not _two_sources(corpus, later, f)
            and _kind_of_difference(corpus, later, f) == "disagreement"]


def classified_differences(corpus: Corpus) -> tuple[Difference, ...]:
    """Pairs of facts that give different versions (`differs_from`), each pair once, by kind:
    disagreements first, then updates over time, then corrections.

    Only a clash between sources is a disagreement or an update (see `_two_sources`); a correction
    is one article's. A later version of a fact already in a same-time disagreement is that split
    going on, not a change over time, so it is not listed again as an update."""
    seen: set[frozenset[str]] = set()
    found = []
    for fact in corpus.facts:
        for other_id in fact.differs_from:
            key = frozenset((fact.id, other_id))
            if key in seen:
                continue
            seen.add(key)
            other = corpus.fact(other_id)
            first, second = sorted((fact, other), key=lambda f: fact_time(corpus, f))
            kind = _kind_of_difference(corpus, first, second)
            if kind != "correction" and not _two_sources(corpus, first, second):
                continue
            note = fact.difference or other.difference
            caveats = tuple(cite(c) for c in _own_caveats(corpus, second, first)) if kind == "update" else ()
            versions = (cite(second), *caveats) + ((CitedSentence(note, (), fact.id),) if note else ())
            found.append(Difference(kind, cite(first), versions))
    in_disagreement = {s.fact_id for d in found if d.kind == "disagreement" for s in (d.sentence, *d.versions) if s.citations}
    found = [d for d in found if d.kind != "update" or d.sentence.fact_id not in in_disagreement]
    rank = {"disagreement": 0, "update": 1, "correction": 2}
    return tuple(sorted(found, key=lambda d: rank[d.kind]))


_STOP = frozenset("a an and the of in on at to by for from with as its it was were is be that this which who into "
                  "had has have than then there their they them he she his her".split())
_WORD = re.compile(r"[A-Za-z0-9]+")
DETAIL_NEW_WORDS = 6
"""A statement is shown under its title only if it has this many content words the title lacks."""


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in _WORD.findall(text) if w.lower() not in _STOP}


def _detail(fact: AnyFact, title: str, date: PartialDate) -> str | None:
    known = _stems(title) | _stems(date.display) | {w.lower()[:4] for w in ("Monday", "Tuesday", "Wednesday",
                                                                                       "Thursday", "Friday", "Saturday", "Sunday")}
    new = _stems(fact.statement) - known
    return fact.statement if len(new) >= DETAIL_NEW_WORDS else None


def timeline_position(date: PartialDate) -> tuple[int, int, int]:
    """Where a date stands on the timeline: an event known only to the year after that year's dated
    ones ("in 2020" reads as during the year, not before its January), a month before its days."""
    return (date.year, date.month or 13, date.day or 0)


def timeline_closing(corpus: Corpus) -> CitedSentence | None:
    """The curator's last line under the timeline (where the sources stop), citing its facts."""
    closing = corpus.story.timeline.closing if corpus.story else None
    if closing is None:
        return None
    citations = tuple(dict.fromkeys(Citation(s.article, s.quote) for fid in closing.facts for s in evidence(corpus, corpus.fact(fid))))
    return CitedSentence(closing.text, citations, closing.facts[0])


def timeline(corpus: Corpus) -> list[TimelineEntry]:
    """One entry per event in date order; same-day events in the curated sequence; events the
    curator groups as one shown once, citing every source of the group. A hinted event stands at
    the month it was hinted in; curated headings replace the facts' titles; curated additions
    (dated facts of other kinds) are shown as events."""
    curation = corpus.story.timeline if corpus.story else None
    sequence = {fid: i for i, fid in enumerate(curation.sequence)} if curation else {}
    hinted = set(curation.hinted) if curation else set()
    titles = dict(curation.titles) if curation else {}
    group_of = {fid: group for group in (curation.same_event if curation else []) for fid in group}
    shown: list[tuple[AnyFact, PartialDate, str]] = []
    left_out = set(curation.left_out) if curation else set()
    for event in (f for f in corpus.facts if f.kind == "event" and f.id not in left_out):
        when = event.date
        if event.id in hinted:
            reported = min(corpus.article(s.article).meta.published for s in event.sources)
            when = PartialDate(reported.year, reported.month)
        shown.append((event, when, titles.get(event.id, event.title)))
    for addition in (curation.added if curation else []):
        fact = corpus.fact(addition.fact)
        shown.append((fact, addition.date or fact_time(corpus, fact), addition.title))
    shown.sort(key=lambda row: (timeline_position(row[1]), sequence.get(row[0].id, len(sequence)), row[0].id))
    entries = []
    for fact, when, title in shown:
        group = group_of.get(fact.id, [fact.id])
        if fact.id != group[0]:
            continue
        citations = tuple(dict.fromkeys(Citation(s.article, s.quote) for fid in group for s in evidence(corpus, corpus.fact(fid))))
        status = "hinted" if fact.id in hinted else "planned" if isinstance(fact, EventFact) and fact.planned else "happened"
        curated = fact.id in titles or fact.kind != "event"  # a curated heading says what matters: no line under it
        entries.append(TimelineEntry(when, title, None if curated else _detail(fact, title, when), status, citations, fact.id))
    return entries
