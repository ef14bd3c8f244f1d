"""The briefing: key points, the story in narrative order, then where the sources differ.

With a curated story (`briefing.yaml`, checked by `quizgen.validate.story`) the briefing is the
curator's sentences, each citing the quotes of its facts, rendered in the narrative order of
`SECTIONS`. Without one, a briefing is chosen from the facts: the most corroborated as key points,
then a paragraph per topic in date order, each fact once, within the same word limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.generate.question_model import Citation, citations_from
from quizgen.generate.summaries import (
    CitedSentence,
    Difference,
    classified_differences,
    evidence,
    outlet_count,
)
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.model.facts import fact_date
from quizgen.model.field_types import PartialDate
from quizgen.model.kinds import SUMMARY_RANK
from quizgen.model.readability import word_count
from quizgen.model.story import (
    KEY_POINT_WORDS,
    PROSE_WORDS,
    SECTION_TITLES,
    SECTIONS,
    Story,
    StoryDifference,
    StorySentence,
)

FALLBACK_KEY_POINTS = 3


@dataclass(frozen=True)
class BriefingParagraph:
    title: str
    sentences: tuple[CitedSentence, ...]


@dataclass(frozen=True)
class Briefing:
    key_points: tuple[CitedSentence, ...]
    paragraphs: tuple[BriefingParagraph, ...]
    differences: tuple[Difference, ...]
    curated: bool
    """True when the sentences are the curator's (`briefing.yaml`), not facts' statements."""

    @property
    def prose(self) -> str:
        """The narrative prose as plain text, for word counts and the reading grade."""
        return " ".join(s.text for p in self.paragraphs for s in p.sentences)


def _facts_cited(corpus: Corpus, sentence: StorySentence, text: str | None = None) -> CitedSentence:
    """The sentence with its facts' quotes, each adding something to its note: a person's role is
    cited from the articles that report the sentence's other facts (a bare title from another
    article supports nothing the sentence says), and no quote inside a longer one is shown."""
    facts = [corpus.fact(fid) for fid in sentence.facts]
    told_in = {s.article for f in facts if f.kind != "role" for s in evidence(corpus, f)}
    citations = list(dict.fromkeys(Citation(s.article, s.quote) for f in facts for s in evidence(corpus, f)
                                   if f.kind != "role" or not told_in or s.article in told_in))
    whole = [c for c in citations if not any(c.quote != o.quote and c.quote in o.quote for o in citations)]
    return CitedSentence(text or sentence.text, tuple(whole), sentence.facts[0])


def _named_outlets_only(corpus: Corpus, sentence: CitedSentence) -> CitedSentence:
    """A difference that names outlets ("RT wrote ...") cites those outlets' quotes only: another
    outlet's quote of the same fact does not show what the named one wrote."""
    named = {o.id for o in corpus.outlets if re.search(rf"\b{re.escape(o.name)}\b", sentence.text)}
    kept = tuple(c for c in sentence.citations if corpus.outlet_of(c.article).id in named)
    return CitedSentence(sentence.text, kept, sentence.fact_id) if kept else sentence


def story_difference(corpus: Corpus, difference: StoryDifference) -> Difference:
    """A curated difference, citing its facts' quotes (only the named outlets', if it names any)."""
    return Difference(difference.kind, _named_outlets_only(corpus, _facts_cited(corpus, difference)), ())  # type: ignore[arg-type]  # a difference is cited like a sentence: it has the same facts field


def curated_briefing(corpus: Corpus, story: Story) -> Briefing:
    order = {section: i for i, section in enumerate(SECTIONS)}
    paragraphs = sorted(enumerate(story.paragraphs), key=lambda pair: (order[pair[1].section], pair[0]))
    merged: dict[str, list[CitedSentence]] = {}
    titles = dict(SECTION_TITLES)
    for _, paragraph in paragraphs:  # two paragraphs of one section read as one, under the first title given
        merged.setdefault(paragraph.section, []).extend(_facts_cited(corpus, s) for s in paragraph.sentences)
        if paragraph.title and titles[paragraph.section] == SECTION_TITLES[paragraph.section]:
            titles[paragraph.section] = paragraph.title
    differences = tuple(story_difference(corpus, d) for d in story.differences)
    return Briefing(key_points=tuple(_facts_cited(corpus, p) for p in story.key_points),
                    paragraphs=tuple(BriefingParagraph(titles[s], tuple(merged[s])) for s in SECTIONS if s in merged),
                    differences=differences, curated=True)


def _importance(corpus: Corpus, fact: AnyFact, position: int) -> tuple[int, int, int]:
    return (-outlet_count(corpus, fact), SUMMARY_RANK[fact.kind], position)


def _cite(fact: AnyFact) -> CitedSentence:
    return CitedSentence(fact.statement, citations_from(fact.sources), fact.id)


def _told_once(differences: tuple[Difference, ...]) -> tuple[Difference, ...]:
    """The differences with each sentence once: a fact that two pairs share is told with the first;
    a pair whose every sentence is told already is left out."""
    told: set[str] = set()
    kept = []
    for difference in differences:
        fresh = [s for s in (difference.sentence, *difference.versions) if s.text not in told]
        if not any(s.citations for s in fresh):
            continue
        told.update(s.text for s in fresh)
        kept.append(Difference(difference.kind, fresh[0], tuple(fresh[1:])))
    return tuple(kept)


def chosen_briefing(corpus: Corpus) -> Briefing:
    """A briefing for a corpus without a curated story: key points, then a paragraph per topic."""
    order = {fact.id: i for i, fact in enumerate(corpus.facts)}
    facts = sorted((f for f in corpus.facts if f.kind != "role"), key=lambda f: _importance(corpus, f, order[f.id]))
    key_points, words = [], 0
    for fact in facts[:FALLBACK_KEY_POINTS]:
        if words + word_count(fact.statement) <= KEY_POINT_WORDS:
            key_points.append(_cite(fact))
            words += word_count(fact.statement)
    differences = _told_once(classified_differences(corpus))
    said = {s.fact_id for s in key_points} | {s.fact_id for d in differences for s in (d.sentence, *d.versions)}
    words = 0
    chosen: dict[str, list[AnyFact]] = {}
    for fact in facts:  # most important first, until the prose is full
        if fact.id in said or words + word_count(fact.statement) > PROSE_WORDS:
            continue
        chosen.setdefault(fact.topics[0], []).append(fact)
        said.add(fact.id)
        words += word_count(fact.statement)
    paragraphs = []
    for topic in corpus.topics:
        picked = sorted(chosen.get(topic.id, []), key=lambda f: (fact_date(f) or PartialDate(9999), order[f.id]))
        if picked:
            paragraphs.append(BriefingParagraph(topic.title, tuple(_cite(f) for f in picked)))
    return Briefing(tuple(key_points), tuple(paragraphs), differences, curated=False)


def briefing(corpus: Corpus) -> Briefing:
    """The corpus's briefing: the curated story if there is one, else one chosen from the facts."""
    return curated_briefing(corpus, corpus.story) if corpus.story else chosen_briefing(corpus)
