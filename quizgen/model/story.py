"""`briefing.yaml`, the optional curated story of a corpus: key points, narrative prose, differences.

The curator writes plain-language sentences; each one cites the facts it rests on (whose quotes the
quote check has verified), names its part of the story and, where it joins the sentence before it
with a relation (because, but, after, despite, so), names that relation. `check_story` (in
`quizgen.validate.story`) checks every sentence against its facts; the generator only renders.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from quizgen.model.field_types import Id, PartialDate, StrictModel, Text

SECTIONS = ("background", "what-happened", "sides", "reactions", "next")
"""The narrative order the prose is rendered in, whatever order the file lists its paragraphs."""
SECTION_TITLES = {"what-happened": "What happened", "background": "Background", "sides": "What each side said",
                  "reactions": "Reactions", "next": "What comes next"}
RELATIONS = ("because", "but", "after", "despite", "so", "while", "although")
DIFFERENCE_KINDS = ("disagreement", "framing", "update", "correction")

Section = Literal["what-happened", "background", "sides", "reactions", "next"]
Relation = Literal["because", "but", "after", "despite", "so", "while", "although"]


class StorySentence(StrictModel):
    """One sentence of the briefing, in the curator's words."""

    text: Text
    """The sentence as a reader sees it. Words in double quotes must appear in a cited fact's quote."""
    facts: list[Id] = Field(min_length=1)
    """The facts the sentence rests on; their quotes become the sentence's numbered source markers."""
    relation: Relation | None = None
    """How the sentence joins the one before it; the connective must appear in the text."""


class StoryParagraph(StrictModel):
    section: Section
    """`what-happened`, `background`, `sides`, `reactions` or `next`: rendered in that order."""
    title: Text | None = None
    """The heading, when the section's usual one does not fit what the paragraph tells (a section
    whose voices are all governments' is "What each government said")."""
    sentences: list[StorySentence] = Field(min_length=1)


class StoryDifference(StrictModel):
    """A place where the sources differ: two versions at the same time (`disagreement`), the same
    facts told in other words or with another stress (`framing`), a change over time (`update`), a
    correction."""

    kind: Literal["disagreement", "framing", "update", "correction"]
    text: Text
    facts: list[Id] = Field(min_length=1)


class DifferenceNote(StrictModel):
    """The curator's words for what a pair of facts that differ (`differs_from`) differ on, shown on
    the sources page instead of the facts' own `difference` note (say whose versions they are)."""

    facts: list[Id] = Field(min_length=2, max_length=2)
    text: Text


class HeadlineNote(StrictModel):
    """What an article's headline stresses, set against what its own text says; cites only facts
    that article supports. Shown beside the headline on the sources page."""

    article: Id
    text: Text
    facts: list[Id] = Field(min_length=1)


class ArticleSummary(StrictModel):
    """A curated summary of one article: 3 to 5 short sentences citing only facts that article
    supports (a handout reads it beside the article: a summary, not a retelling)."""

    article: Id
    sentences: list[StorySentence] = Field(min_length=3, max_length=5)


class TimelineAddition(StrictModel):
    """A dated fact of another kind (a threat, a statement) shown on the timeline as an event."""

    fact: Id
    title: Text
    """The heading, in the curator's words; checked like a sentence against the fact."""
    date: PartialDate | None = None
    """A more precise date than the fact's own, within it (the day of a month), when the article shows
    it; or, for a fact that only its article dates, that article's month (the day is the report's)."""


class TimelineCuration(StrictModel):
    titles: dict[Id, Text] = {}
    """Headings for events, in the curator's words, where the fact's title is stiff or drops a
    qualifier; each is checked like a sentence against its event (quoted words, numbers)."""
    added: list[TimelineAddition] = []
    """Dated facts of other kinds shown as events."""
    sequence: list[Id] = []
    """Events in the order they happened, for those that share a date (the talks, then the statement about them)."""
    hinted: list[Id] = []
    """Planned events that were only hinted at, not announced: shown as a hint, at the month the
    hint was reported (the earliest article that reports it), not as an event of their own date."""
    same_event: list[list[Id]] = []
    """Groups of event facts that tell one event; the first of each group is shown."""
    left_out: list[Id] = []
    """Events not shown: a footnote to one article (the denial behind a correction), or an event
    the sources date too loosely to place among the others."""
    closing: StorySentence | None = None
    """A last line under the timeline: where the sources stop, what they do not tell."""


class Story(StrictModel):
    main_period: PartialDate
    """When the main events happened (`2021-04`); a sentence about another time must name its date."""
    key_points: list[StorySentence] = Field(min_length=3, max_length=5)
    """What a reader must take away, most important first; at most 100 words together."""
    paragraphs: list[StoryParagraph] = Field(min_length=1)
    """The prose, at most 400 words: each fact is cited by one sentence only."""
    differences: list[StoryDifference] = []
    difference_notes: list[DifferenceNote] = []
    headline_notes: list[HeadlineNote] = []
    article_summaries: list[ArticleSummary] = []
    sources_lead: StorySentence | None = None
    """The sources page's first line: what comparing the sources shows, in one plain sentence
    (each outlet its facts' quotes come from is named after it)."""
    agree: list[StorySentence] = []
    """What two or more outlets report, in short lines: shown on the sources page instead of the
    facts' own statements (each line names the outlets its facts' quotes come from)."""
    compare: list[StoryDifference] = []
    """Differences shown only on the sources page, after those the facts record (`differs_from`)
    and the briefing's own: kind `disagreement` or `framing` (changes over time and corrections
    have their own lists there)."""
    timeline: TimelineCuration = TimelineCuration()


class StoryFile(StrictModel):
    """`briefing.yaml` (optional): the curated briefing of the corpus."""

    story: Story


KEY_POINT_WORDS = 100
PROSE_WORDS = 400
