"""Curated facts: every one cites at least one article with a verbatim quote.

Each kind carries the structured fields its questions are made from, and a plain statement.
"""

from __future__ import annotations

from typing import Annotated, Literal, assert_never

from pydantic import Field

from quizgen.model.field_types import Id, Number, PartialDate, StrictModel, Text


class Source(StrictModel):
    """Where a fact comes from: an article and a verbatim quote from its text."""

    article: Id
    """The id of the article (its front matter `id`)."""
    quote: Text
    """Words copied from the article. Typographic quotes, dashes and runs of white space may differ;
    ` ... ` or `…` joins two passages that appear in this order."""


Importance = Literal["core", "supporting", "detail"]


class FalseVersion(StrictModel):
    """A curated false statement: a misreading a student who has not read the articles could
    believe, which the fact's sources show to be wrong (never a mere antonym of the statement)."""

    statement: Text
    """The false statement, as a student would see it."""
    why: Text
    """What the sources say instead: the explanation a student gets after answering."""


class WrongOption(StrictModel):
    """A curated wrong option of the same kind as the answer, with why it is wrong."""

    text: Text
    why: Text
    """Why the articles rule it out: feedback for a student who chooses it."""


class CuratedQuestion(StrictModel):
    """A multiple-choice question written by a person, for what generators cannot ask: what changed,
    what was not agreed, how the sources differ. Its key rests on the fact's quotes."""

    stem: Text
    answer: Text
    """The correct option, supported by the fact's sources."""
    wrong: list[WrongOption] = Field(min_length=2, max_length=3)
    """Two or three wrong options of the same kind as the answer."""
    explanation: Text
    """Why the answer is right, with the words of the source; it should teach, not restate the stem."""
    difficulty: Literal["easy", "medium", "hard"] = "medium"
    cites: list[Id] = []
    """Ids of other facts the question also rests on (a comparison of two sources): their quotes
    are cited too, and a quiz set holding this question tests none of them again."""
    articles: list[Id] = []
    """The articles cited as support for the key, if not every source of the fact and of `cites`:
    a question can rest on the reputable outlets and leave out a weak copy of the same words."""


class FactBase(StrictModel):
    id: Id
    """A stable id; question ids are derived from it, so keep it when you edit the fact."""
    statement: Text
    """One plain sentence a student can read, true according to the sources."""
    topics: list[Id] = Field(min_length=1)
    """Ids of topics from `topics.yaml`."""
    sources: list[Source] = Field(min_length=1)
    """One source per article that supports the fact; several outlets corroborate it."""
    differs_from: list[Id] = []
    """Ids of facts that give another version of the same thing, from other sources."""
    difference: Text | None = None
    """What the versions disagree on, shown on the page that compares the sources."""
    false_statement: Text | None = None
    """A plausible statement that this fact shows to be false, for true-or-false questions."""
    importance: Importance = "supporting"
    """`core` (what a student must know), `supporting`, or `detail` (trivia: no questions are made from it)."""
    cluster: Id | None = None
    """Facts that restate one another share a cluster: a quiz set tests each cluster at most once."""
    context: Text | None = None
    """One line on why the fact matters, added to the explanations of its generated questions."""
    false_versions: list[FalseVersion] = []
    """Curated false statements for true-or-false items; with them, `false_statement` is not used."""
    questions: list[CuratedQuestion] = []
    """Curated questions; a fact that has them gets no generated multiple-choice questions."""


class QuantityFact(FactBase):
    """A figure: a number of something, with its unit and when it held."""

    kind: Literal["quantity"]
    value: Number
    """The number itself, such as 2000 (not "2,000")."""
    unit: Text
    """What is counted, in the plural: `cars`, `percent`, `houses`."""
    qualifier: Literal["about", "nearly", "roughly", "some", "almost", "more than", "at least", "up to"] | None = None
    """How exact the source is: `about 2,000`."""
    measure: Text
    """A noun phrase naming the figure, for questions: `the number of cars crossing the bridge each day in 2020`."""
    as_of: PartialDate | None = None
    """When the figure held."""
    distractors: list[Number] = []
    """Curated wrong answers with the same unit and scale (optional: others are derived)."""


class RoleFact(FactBase):
    """A person holding a role."""

    kind: Literal["role"]
    person: Id
    """The person's id in `people.yaml`."""
    role: Text
    """The role as a noun phrase: `the town's mayor`."""
    as_of: PartialDate | None = None
    """When the person held the role, according to the source."""


class EventFact(FactBase):
    """Something that happened (or was set to happen) on a date, for the timeline."""

    kind: Literal["event"]
    date: PartialDate
    """When it happened, to the day, month or year the sources give."""
    title: Text
    """A short noun phrase naming the event: `the opening of the new bridge`."""
    planned: bool = False
    """True when the date is a target or deadline that had not yet arrived when reported."""
    distractors: list[PartialDate] = []
    """Curated wrong dates of the same precision (optional: others are derived)."""
    order_with: list[Id] = []
    """A curated "put these events in order" item: the ids of two to five other events that
    happened, to be ordered with this one. Choose events a student must have read about to place,
    with dates in a definite order. When any event has one, these items replace the generated ones."""


class QuotationFact(FactBase):
    """Words someone said or wrote, and who said them."""

    kind: Literal["quotation"]
    speaker: Id
    """The id of a person or organisation in `people.yaml`."""
    text: Text
    """The words quoted; they must appear in one of the fact's source quotes."""
    date: PartialDate | None = None
    """When the words were said or published."""


class ClaimFact(FactBase):
    """Something an outlet reported; the outlets are those of the sources."""

    kind: Literal["claim"]
    claim: Text
    """What was reported, as a clause that can follow "reported that": `the US had agreed to ...`."""


AnyFact = QuantityFact | RoleFact | EventFact | QuotationFact | ClaimFact
"""Every kind of fact. Code that treats the kinds differently matches on these classes and ends in
``assert_never``; what each kind makes is declared in ``quizgen.model.kinds``."""
Fact = Annotated[AnyFact, Field(discriminator="kind")]


def fact_date(fact: AnyFact) -> PartialDate | None:
    """When a fact is about, by its own fields: its `date`, else its `as_of` (None for a claim, or
    when the sources give no date)."""
    match fact:
        case EventFact() | QuotationFact():
            return fact.date
        case QuantityFact() | RoleFact():
            return fact.as_of
        case ClaimFact():
            return None
        case _:
            assert_never(fact)


class Term(StrictModel):
    """A glossary term: a word or abbreviation a student meets in the articles."""

    id: Id
    term: Text
    """The term as it is usually written: `WHO`."""
    expansion: Text | None = None
    """What an abbreviation stands for: `World Health Organization`."""
    definition: Text
    """A plain definition, supported by the sources."""
    aliases: list[Text] = []
    """Other names and spellings of the same thing, used to find where it appears."""
    topics: list[Id] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    related: list[Id] = []
    """Ids of related terms."""
    importance: Importance = "supporting"
    """`core`, `supporting`, or `detail` (no questions are made from it)."""
