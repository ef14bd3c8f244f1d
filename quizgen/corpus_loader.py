"""The first stages of the pipeline: load every file, validate the whole corpus, build the model.

``load_corpus`` is what every command and the MkDocs plugin call first.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.collector import collector_paused
from quizgen.errors import CorpusError, Problem, ProblemCollector, UsageError
from quizgen.load.corpus_files import (
    CorpusFiles,
    LoadedArticle,
    YamlParser,
    read_corpus_files,
)
from quizgen.load.yaml_cache import YamlCache
from quizgen.load.yaml_tree import parse_yaml
from quizgen.model.article import Article
from quizgen.model.corpus import Corpus, SourceLocation
from quizgen.validate.consistency import check_consistency
from quizgen.validate.file_shape import check_file_shapes
from quizgen.validate.names import check_names
from quizgen.validate.quotes import verify_quotes
from quizgen.validate.references import check_references, collect_definitions
from quizgen.validate.story import STORY_FILE, check_story


def _origins(files: CorpusFiles) -> dict[str, SourceLocation]:
    origins: dict[str, SourceLocation] = {}
    listed = [(f, "facts", f.model.facts) for f in files.facts]
    listed.append((files.registries["glossary.yaml"], "terms", files.registries["glossary.yaml"].model.terms))
    listed.append((files.registries["people.yaml"], "people", files.registries["people.yaml"].model.people))
    for file, field, items in listed:
        for index, item in enumerate(items):
            mark = file.doc.mark_of((field, index, "id"))
            origins[item.id] = SourceLocation(file.display, mark.line, mark.column)
    return origins


def _build(files: CorpusFiles, articles: dict[str, Article], root_display: str) -> Corpus:
    reg = files.registries
    people = reg["people.yaml"].model
    return Corpus(
        info=reg["corpus.yaml"].model.corpus,
        articles=tuple(sorted(articles.values(), key=lambda a: (a.meta.published, a.id))),
        outlets=tuple(reg["outlets.yaml"].model.outlets),
        people=tuple(people.people),
        organizations=tuple(people.organizations),
        topics=tuple(reg["topics.yaml"].model.topics),
        facts=tuple(fact for file in files.facts for fact in file.model.facts),
        terms=tuple(reg["glossary.yaml"].model.terms),
        origins=_origins(files),
        root=root_display,
        story=reg[STORY_FILE].model.story if STORY_FILE in reg else None,
    )


def load_corpus(root: Path, display_root: str | None = None, *, yaml_cache: Path | None = None) -> Corpus:
    """Load and validate the corpus under ``root``.

    Raises ``CorpusError`` with every problem found (each ``path:line:col: message``), or
    ``UsageError`` if ``root`` is not a folder. ``display_root`` is how paths start in messages
    (default: ``root`` as given). With ``yaml_cache`` (a folder), YAML parsed by the last load
    with the same cache is read back from it (`YamlCache`); everything is validated all the same.
    """
    if not root.is_dir():
        raise UsageError(f"expected a corpus folder, found no folder at '{root}'")
    with collector_paused():
        return _loaded_corpus(root, str(root) if display_root is None else display_root, yaml_cache)


def load_corpus_files(root: Path, root_display: str, parse: YamlParser = parse_yaml) -> tuple[CorpusFiles, list[Problem]]:
    """Read, parse and shape-check every corpus file under ``root``; return what loaded and all
    problems. ``parse`` parses each YAML text (a `YamlCache`'s, to read back what the last build parsed)."""
    parsed, problems = read_corpus_files(root, root_display, parse)
    files, found = check_file_shapes(parsed)
    return files, problems + found


def _loaded_corpus(root: Path, display_root: str, yaml_cache: Path | None) -> Corpus:
    problems = ProblemCollector()
    if yaml_cache is None:
        files, found = load_corpus_files(root, display_root)
    else:
        cache = YamlCache(yaml_cache)
        files, found = load_corpus_files(root, display_root, cache.parse)
        cache.save()
    problems.extend(found)
    spaces, found = collect_definitions(files)
    problems.extend(found)
    problems.extend(check_references(files, spaces))
    problems.extend(check_names(files))
    loaded: dict[str, tuple[Article, LoadedArticle]] = {}
    for entry in files.articles:
        loaded.setdefault(entry.model.id, (Article(entry.model, entry.blocks), entry))
    problems.extend(verify_quotes(files, loaded))
    articles = {key: article for key, (article, _) in loaded.items()}
    problems.extend(check_consistency(files, articles))
    problems.extend(check_story(files, articles))
    problems.raise_if_any()
    return _build(files, articles, display_root)


__all__ = ["load_corpus", "CorpusError", "UsageError"]
