"""Checking that every quote stands, word for word, in its article's own text."""

from __future__ import annotations

from typing import Any

from quizgen.errors import Problem
from quizgen.load.corpus_files import CorpusFiles, LoadedArticle, LoadedFile
from quizgen.load.yaml_tree import Path
from quizgen.model.article import Article
from quizgen.model.quote_search import QuoteMiss, normalise_for_matching


def _miss_message(article: Article, display: str, quote: str, miss: QuoteMiss) -> str:
    if miss.furniture:
        return (f"expected a quote from the text of article '{article.id}', found it only in page furniture "
                f"({miss.furniture}) at {display}:{article.line_of(miss.near or 0) if miss.near else '?'}; furniture is never quoted")
    wanted = miss.passage or normalise_for_matching(quote)
    if wanted != normalise_for_matching(quote) and miss.matched == len(wanted):
        return (f"expected the passages joined by '...' in the order article '{article.id}' gives them, found "
                f"'{wanted[:40]}' only before the passage in front of it ({display}:{article.line_of(miss.near - 1) if miss.near else '?'})")
    if miss.matched == 0 or miss.near is None:
        return f"expected the quote word for word in article '{article.id}' ({display}), found none of it"
    rest = wanted[miss.matched:miss.matched + 30]
    found = " ".join(article.published_text[miss.near:miss.near + 60].split())[:30]
    return (f"expected the quote word for word in article '{article.id}', found its first {miss.matched} characters "
            f"ending at {display}:{article.line_of(miss.near - 1)}, then '{found}' where the quote has '{rest}'")


def verify_quotes(files: CorpusFiles, articles: dict[str, tuple[Article, LoadedArticle]]) -> list[Problem]:
    """A problem for every quote that is not in its article's text (outside page furniture)."""
    problems: list[Problem] = []

    def check(file: LoadedFile[Any], path: Path, sources: list[Any]) -> None:
        for j, source in enumerate(sources):
            if source.article not in articles:
                continue  # reported as an unknown article
            article, loaded = articles[source.article]
            if not any(char.isalnum() for char in source.quote):  # '...' alone would match any article
                problems.append(file.problem(path + ("sources", j, "quote"), f"expected words copied from article '{article.id}', found a quote with no letters or digits: '{source.quote}'"))
                continue
            result = article.quote_search.find(source.quote)
            if isinstance(result, QuoteMiss):
                problems.append(file.problem(path + ("sources", j, "quote"), _miss_message(article, loaded.display, source.quote, result)))

    for facts_file in files.facts:
        for index, fact in enumerate(facts_file.model.facts):
            check(facts_file, ("facts", index), fact.sources)
    glossary = files.registries.get("glossary.yaml")
    if glossary is not None:
        for index, term in enumerate(glossary.model.terms):
            check(glossary, ("terms", index), term.sources)
    people = files.registries.get("people.yaml")
    if people is not None:
        for index, person in enumerate(people.model.people):
            for j, spelling in enumerate(person.spellings):
                check(people, ("people", index, "spellings", j), spelling.sources)
    return problems
