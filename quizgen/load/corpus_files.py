"""Finding, reading and parsing every file of a corpus folder.

A corpus folder holds::

    corpus.yaml  outlets.yaml  people.yaml  topics.yaml  glossary.yaml
    articles/*.md              (front matter + published text)
    facts/*.yaml               (any number of files of facts)

Every file is read and parsed on its own here, and `quizgen.validate.file_shape` checks each
against its model; problems are collected, never raised one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel

from quizgen.errors import Problem
from quizgen.load.article_file import split_article_file
from quizgen.load.corpus_listing import FOLDERS, list_corpus
from quizgen.load.source_text import SourceText, read_source_text
from quizgen.load.yaml_tree import DataPath, YamlDocument, YamlSyntaxError, parse_yaml
from quizgen.model.article import TextBlock
from quizgen.model.files import (
    CorpusFile,
    FactsFile,
    GlossaryFile,
    OutletsFile,
    PeopleFile,
    TopicsFile,
)
from quizgen.model.registry import ArticleMeta
from quizgen.model.story import StoryFile

M = TypeVar("M", bound=BaseModel)

REGISTRY_FILES: dict[str, type[BaseModel]] = {
    "corpus.yaml": CorpusFile,
    "outlets.yaml": OutletsFile,
    "people.yaml": PeopleFile,
    "topics.yaml": TopicsFile,
    "glossary.yaml": GlossaryFile,
}
OPTIONAL_FILES: dict[str, type[BaseModel]] = {
    "briefing.yaml": StoryFile,
}
"""Files a corpus may have: without `briefing.yaml` the briefing is chosen from the facts."""
YAML_SUFFIXES = FOLDERS["facts"]
"""The endings of facts files (`quizgen draft` lists them too)."""
_DRAFT_LINE = re.compile(r"^draft:[ \t]*true[ \t]*(?:#.*)?$", re.MULTILINE)


def draft_line(text: str) -> int | None:
    """The line of a top-level ``draft: true`` (a facts file `quizgen draft` wrote), or None.

    Such a file is skipped: nothing in it is checked or reaches the site until the line is removed.
    """
    found = _DRAFT_LINE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


class YamlParser(Protocol):
    """`parse_yaml`, or a cache's ``parse`` with the same signature."""

    def __call__(self, text: str, *, line_offset: int = 0) -> YamlDocument: ...


@dataclass(frozen=True)
class LoadedFile(Generic[M]):
    """A file that passed its shape check: its model, and where each value stands in it."""

    display: str
    doc: YamlDocument
    model: M

    def problem(self, path: DataPath, message: str, *, key: bool = False) -> Problem:
        mark = self.doc.mark_of(path, key=key)
        return Problem(self.display, mark.line, mark.column, message)


@dataclass(frozen=True)
class LoadedArticle(LoadedFile[ArticleMeta]):
    blocks: tuple[TextBlock, ...] = ()


SPACES_OF_KIND = {"articles": ("article",), "outlets.yaml": ("outlet",), "topics.yaml": ("topic",),
                  "people.yaml": ("speaker",), "facts": ("fact",), "glossary.yaml": ("fact",)}
"""The namespaces of ids each kind of file defines (`corpus.yaml` and `briefing.yaml` define none)."""


@dataclass
class CorpusFiles:
    """Every file that loaded; ``failed`` names the kinds of file that had problems.

    A file with some broken items is loaded with the others (`quizgen.validate.partial_files`); its kind is in
    ``failed`` all the same. ``unloaded_ids`` holds, by namespace, the ids of items that did not
    load; ``lost_spaces`` the namespaces where something did not load whose ids are unknown.
    """

    registries: dict[str, LoadedFile[Any]] = field(default_factory=dict)
    facts: list[LoadedFile[FactsFile]] = field(default_factory=list)
    articles: list[LoadedArticle] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    unloaded_ids: dict[str, set[str]] = field(default_factory=dict)
    lost_spaces: set[str] = field(default_factory=set)

    def lose(self, kind: str) -> None:
        """A file of ``kind`` (or the kind as a whole) did not load at all."""
        self.failed.add(kind)
        self.lost_spaces.update(SPACES_OF_KIND.get(kind, ()))

    def may_define(self, space: str, item_id: str) -> bool:
        """Whether ``item_id`` may be defined in a part of the corpus that did not load: a
        reference to it is then not reported as unknown."""
        return space in self.lost_spaces or item_id in self.unloaded_ids.get(space, ())


def _display(root_display: str, relative: Path) -> str:
    return f"{root_display.rstrip('/')}/{relative.as_posix()}" if root_display else relative.as_posix()


@dataclass(frozen=True)
class ParsedFile:
    """A file that was read and parsed, before its shape is checked."""

    display: str
    kind: str
    """The file's name for a registry (`people.yaml`), else `facts` or `articles`."""
    shape: type[BaseModel]
    """The model the file must match."""
    doc: YamlDocument | None
    """None for an article whose front matter did not parse (its text is checked all the same)."""
    blocks: tuple[TextBlock, ...] = ()
    """An article's published text."""


@dataclass
class ParsedCorpus:
    """Every file that parsed, in the order the corpus lists them; ``failed`` as in `CorpusFiles`."""

    files: list[ParsedFile] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)


def _parse(source: SourceText, kind: str, shape: type[BaseModel], parse: YamlParser) -> tuple[ParsedFile | None, list[Problem]]:
    try:
        return ParsedFile(source.display, kind, shape, parse(source.text)), []
    except YamlSyntaxError as exc:
        return None, [Problem(source.display, exc.mark.line, exc.mark.column, exc.message)]


def _parse_article(source: SourceText, parse: YamlParser) -> tuple[ParsedFile | None, list[Problem]]:
    try:
        parts = split_article_file(source)
    except YamlSyntaxError as exc:
        return None, [Problem(source.display, exc.mark.line, exc.mark.column, exc.message)]
    try:
        doc = parse(parts.front_matter, line_offset=parts.front_matter_line - 1)
    except YamlSyntaxError as exc:
        return (ParsedFile(source.display, "articles", ArticleMeta, None, parts.blocks),
                [Problem(source.display, exc.mark.line, exc.mark.column, exc.message)])
    return ParsedFile(source.display, "articles", ArticleMeta, doc, parts.blocks), []


def read_corpus_files(root: Path, root_display: str, parse: YamlParser = parse_yaml) -> tuple[ParsedCorpus, list[Problem]]:
    """Read and parse every corpus file under ``root``; return what parsed and all problems.
    ``parse`` parses each YAML text (a `YamlCache`'s, to read back what the last build parsed)."""
    files = ParsedCorpus()
    problems: list[Problem] = []

    def read(path: Path) -> SourceText | None:
        result = read_source_text(path, _display(root_display, path.relative_to(root)))
        if isinstance(result, Problem):
            problems.append(result)
            return None
        return result

    listing = list_corpus(root, lambda relative: _display(root_display, relative) if relative.parts else (root_display or "."),
                          tuple(REGISTRY_FILES), tuple(OPTIONAL_FILES))
    problems.extend(listing.problems)
    files.failed.update(listing.missing | listing.unread)
    for name, model in {**REGISTRY_FILES, **OPTIONAL_FILES}.items():
        if name not in listing.registries:
            continue
        source = read(listing.registries[name])
        parsed, found = _parse(source, name, model, parse) if source else (None, [])
        problems.extend(found)
        if parsed is None:
            files.failed.add(name)
        else:
            files.files.append(parsed)
    for kind, paths in (("facts", listing.facts), ("articles", listing.articles)):
        if not paths and kind not in listing.missing:
            suffixes = FOLDERS[kind]
            problems.append(Problem(_display(root_display, Path(kind)), 1, 1, f"expected at least one {'/'.join(suffixes)} file in {kind}/, found none"))
            files.failed.add(kind)
        for path in paths:
            source = read(path)
            if source is None:
                files.failed.add(kind)
                continue
            if kind == "facts" and draft_line(source.text):
                continue  # a draft: `quizgen check` warns about it
            parsed, found = _parse_article(source, parse) if kind == "articles" else _parse(source, kind, FactsFile, parse)
            problems.extend(found)
            if parsed is None:
                files.failed.add(kind)
            else:
                files.files.append(parsed)
    return files, problems
