"""The corpus's registries: its description, outlets, people and organisations, and topics."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from quizgen.model.facts import Source
from quizgen.model.field_types import HEX64_PATTERN, FullDate, Id, StrictModel, Text


class CorpusInfo(StrictModel):
    """What the corpus is about; shown on the home page."""

    title: Text
    """The site's title."""
    description: Text
    """One or two sentences on the event the articles cover."""
    language: Text = "en"


class Outlet(StrictModel):
    id: Id
    name: Text
    country: Text | None = None
    website: Text | None = None
    """The outlet's home page, such as `https://www.example-news.org`."""
    kind: Literal["outlet", "copy"] = "outlet"
    """`copy` for a site that only republished another outlet's text: it is not an outlet of its own."""
    owner: Text | None = None
    """Who owns or funds it, in one line."""
    editorial_line: Text | None = None
    """Its stance or editorial line, in one line."""
    about_sources: list[Text] = []
    """Where `owner` and `editorial_line` come from (addresses of reference pages), when
    `owner_source` or `editorial_line_source` does not say."""
    owner_source: Text | None = None
    """The reference page `owner` comes from (an address, or where on the page it is said)."""
    editorial_line_source: Text | None = None
    """The reference page `editorial_line` comes from."""


class Spelling(StrictModel):
    """Another spelling of a name, as one or more articles print it."""

    name: Text
    sources: list[Source] = Field(min_length=1)


class Person(StrictModel):
    id: Id
    name: Text
    """The name as most sources spell it."""
    role: Text
    """The role the articles give, as a noun phrase; role facts give it with sources."""
    country: Text | None = None
    spellings: list[Spelling] = []
    """Other spellings of the name, each with the articles that use it."""


class Organization(StrictModel):
    """A group, office or document that can be quoted: `the ministry`, `the joint statement`."""

    id: Id
    name: Text
    description: Text
    aliases: list[Text] = []


class Topic(StrictModel):
    id: Id
    title: Text
    description: Text


class ArticleMeta(StrictModel):
    """An article's front matter."""

    id: Id
    outlet: Id
    headline: Text
    byline: Text | None = None
    published: FullDate
    """Publication date as YYYY-MM-DD, whatever order the article prints it in."""
    date_as_printed: Text | None = None
    """The date exactly as the article prints it, when that is ambiguous (`07-04-2021`)."""
    date_note: Text | None = None
    """How the date was established, when the article does not print it plainly."""
    dateline: Text | None = None
    url: Text | None = None
    reliability: Text
    """One line on how far the text can be trusted, and why."""
    source_file: Text | None = None
    """The name of the file the text was taken from."""
    source_sha256: str | None = Field(default=None, pattern=HEX64_PATTERN)
    """SHA-256 of the published text (the body without fence lines, ending in one newline)."""
