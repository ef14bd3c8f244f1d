"""The shape of each corpus file, as validated after loading (and exported as JSON Schema)."""

from __future__ import annotations

from pydantic import Field

from quizgen.model.facts import Fact, Term
from quizgen.model.field_types import StrictModel
from quizgen.model.registry import CorpusInfo, Organization, Outlet, Person, Topic


class FactsFile(StrictModel):
    """A file under `facts/`: a list of curated facts."""

    facts: list[Fact] = Field(min_length=1)


class GlossaryFile(StrictModel):
    """`glossary.yaml`: the glossary terms."""

    terms: list[Term] = Field(min_length=1)


class PeopleFile(StrictModel):
    """`people.yaml`: people, and organisations that can be quoted."""

    people: list[Person] = Field(min_length=1)
    organizations: list[Organization] = []


class OutletsFile(StrictModel):
    """`outlets.yaml`: the news outlets."""

    outlets: list[Outlet] = Field(min_length=1)


class TopicsFile(StrictModel):
    """`topics.yaml`: the topics facts and quizzes are grouped by."""

    topics: list[Topic] = Field(min_length=1)


class CorpusFile(StrictModel):
    """`corpus.yaml`: what the corpus is about."""

    corpus: CorpusInfo
