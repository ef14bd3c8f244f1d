"""Cross-file checks: unique ids, and every reference pointing at something that exists."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterator, assert_never

from quizgen.errors import Problem
from quizgen.load.corpus_files import CorpusFiles, LoadedFile
from quizgen.load.yaml_tree import DataPath
from quizgen.model.facts import (
    ClaimFact,
    EventFact,
    QuantityFact,
    QuotationFact,
    RoleFact,
)
from quizgen.model.kinds import FACT_KINDS


@dataclass(frozen=True)
class Definition:
    """Where an id is defined, and what it names (`person`, `organisation`, `fact`, ...)."""

    kind: str
    file: LoadedFile[Any]
    path: DataPath

    @property
    def where(self) -> str:
        mark = self.file.doc.mark_of(self.path)
        return f"{self.file.display}:{mark.line}:{mark.column}"


def _list(file: LoadedFile[Any] | None, field: str) -> Iterator[tuple[int, Any, LoadedFile[Any]]]:
    if file is not None:
        for index, item in enumerate(getattr(file.model, field)):
            yield index, item, file


# Article and topic ids name folders and files of the site (`articles/<id>/index.html`,
# `worksheet-<id>.pdf`); file systems refuse names over 255 bytes.
MAX_ID_LENGTH = 100


def collect_definitions(files: CorpusFiles) -> tuple[dict[str, dict[str, Definition]], list[Problem]]:
    """Ids by namespace; a second definition of an id is a problem at the second one."""
    spaces: dict[str, dict[str, Definition]] = {name: {} for name in ("article", "outlet", "topic", "speaker", "fact")}
    problems: list[Problem] = []

    def define(space: str, kind: str, item_id: str, file: LoadedFile[Any], path: DataPath) -> None:
        if len(item_id) > MAX_ID_LENGTH:
            problems.append(file.problem(path + ("id",), f"expected an id of at most {MAX_ID_LENGTH} characters (ids name the site's pages and files), found one of {len(item_id)}"))
        first = spaces[space].get(item_id)
        if first is not None:
            problems.append(file.problem(path + ("id",), f"duplicate id '{item_id}': expected ids to be unique, found it already defined for {with_article(first.kind)} at {first.where}"))
            return
        spaces[space][item_id] = Definition(kind, file, path + ("id",))

    reg = files.registries
    for article in files.articles:
        define("article", "article", article.model.id, article, ())
    for index, outlet, file in _list(reg.get("outlets.yaml"), "outlets"):
        define("outlet", "outlet", outlet.id, file, ("outlets", index))
    for index, topic, file in _list(reg.get("topics.yaml"), "topics"):
        define("topic", "topic", topic.id, file, ("topics", index))
    for index, person, file in _list(reg.get("people.yaml"), "people"):
        define("speaker", "person", person.id, file, ("people", index))
    for index, org, file in _list(reg.get("people.yaml"), "organizations"):
        define("speaker", "organisation", org.id, file, ("organizations", index))
    for index, term, file in _list(reg.get("glossary.yaml"), "terms"):
        define("fact", "term", term.id, file, ("terms", index))
    for facts_file in files.facts:
        for index, fact in enumerate(facts_file.model.facts):
            define("fact", f"{fact.kind} fact", fact.id, facts_file, ("facts", index))
    return spaces, problems


DEFINED_IN = {"article": "an article's front matter (articles/*.md)", "outlet": "outlets.yaml", "topic": "topics.yaml",
              "person": "people.yaml", "speaker": "people.yaml (people or organizations)", "fact": "facts/*.yaml or glossary.yaml",
              "term": "glossary.yaml"}


def with_article(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _unknown(space: dict[str, Definition], wanted: str, noun: str) -> str:
    close = difflib.get_close_matches(wanted, list(space), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {noun} '{wanted}'{hint}; expected the id of {with_article(noun)} defined in {DEFINED_IN[noun]}"


FACT_DEFINITIONS = tuple(f"{kind} fact" for kind in FACT_KINDS)


def check_references(files: CorpusFiles, spaces: dict[str, dict[str, Definition]]) -> list[Problem]:
    """Every id a file mentions must be defined (not reported when it may be in what did not load)."""
    problems: list[Problem] = []
    def ref(file: LoadedFile[Any], path: DataPath, space: str, wanted: str, noun: str, kinds: tuple[str, ...] = (),
            expected: str | None = None) -> None:
        if wanted not in spaces[space] and files.may_define(space, wanted):
            return
        found = spaces[space].get(wanted)
        if found is None:
            problems.append(file.problem(path, _unknown(spaces[space], wanted, noun)))
        elif kinds and found.kind not in kinds:
            expected = expected or with_article(' or '.join(kinds))
            problems.append(file.problem(path, f"expected the id of {expected}, found '{wanted}', which is {with_article(found.kind)} ({found.where})"))

    def sources(file: LoadedFile[Any], path: DataPath, items: list[Any]) -> None:
        for j, source in enumerate(items):
            ref(file, path + ("sources", j, "article"), "article", source.article, "article")

    for article in files.articles:
        ref(article, ("outlet",), "outlet", article.model.outlet, "outlet")
    for index, term, file in _list(files.registries.get("glossary.yaml"), "terms"):
        path = ("terms", index)
        for j, topic in enumerate(term.topics):
            ref(file, path + ("topics", j), "topic", topic, "topic")
        sources(file, path, term.sources)
        for j, related in enumerate(term.related):
            ref(file, path + ("related", j), "fact", related, "term", ("term",))
            if related == term.id:
                problems.append(file.problem(path + ("related", j), f"expected other terms in 'related', found the term's own id '{related}'"))
    for index, person, file in _list(files.registries.get("people.yaml"), "people"):
        for j, spelling in enumerate(person.spellings):
            sources(file, ("people", index, "spellings", j), spelling.sources)
    for facts_file in files.facts:
        for index, fact in enumerate(facts_file.model.facts):
            path = ("facts", index)
            for j, topic in enumerate(fact.topics):
                ref(facts_file, path + ("topics", j), "topic", topic, "topic")
            sources(facts_file, path, fact.sources)
            for j, other in enumerate(fact.differs_from):
                ref(facts_file, path + ("differs_from", j), "fact", other, "fact", FACT_DEFINITIONS,
                    "another fact in facts/*.yaml (versions that disagree are facts, not glossary terms)")
                if other == fact.id:
                    problems.append(facts_file.problem(path + ("differs_from", j), f"expected the ids of other facts in 'differs_from', found the fact's own id '{other}'"))
            match fact:
                case RoleFact():
                    ref(facts_file, path + ("person",), "speaker", fact.person, "person", ("person",))
                case QuotationFact():
                    ref(facts_file, path + ("speaker",), "speaker", fact.speaker, "speaker")
                case QuantityFact() | EventFact() | ClaimFact():
                    pass  # no ids besides topics and sources
                case _:
                    assert_never(fact)
    return problems
