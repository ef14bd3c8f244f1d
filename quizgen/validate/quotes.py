"""Checking that every quote stands, word for word, in its article's own text."""

from __future__ import annotations

import re
from typing import Any

from quizgen.errors import Problem
from quizgen.load.corpus_files import CorpusFiles, LoadedArticle, LoadedFile
from quizgen.load.yaml_tree import DataPath
from quizgen.model.article import Article
from quizgen.model.quote_search import (
    CUT,
    QuoteMiss,
    QuoteSpan,
    normalise_for_matching,
    quote_passages,
)

MIN_WORDS = 2
MIN_LETTERS = 6
"""Each passage of a quote holds at least this many words and letters or digits: a quote of one
letter, one digit or one short word ('a', '5', 'town') is found in almost any article and proves
nothing. A word is a run of letters or digits."""
MAX_GAP = 5000
MAX_GAP_WHO = 300
"""How many characters of the article may stand between two passages joined by `...`: at most
``MAX_GAP`` (about 800 words), and ``MAX_GAP_WHO`` in a quotation or role fact, where joining
distant passages can change who said what, or who is what. Passages further apart are two
quotes: give each its own source (a fact may cite the same article twice)."""
_WORD = re.compile(r"[^\W_]+")


def _miss_message(article: Article, display: str, quote: str, miss: QuoteMiss) -> str:
    if miss.furniture == CUT and miss.near:
        around = " ".join(article.published_text[max(0, miss.near - len(miss.passage) - 8):miss.near + 8].split())
        return (f"expected the quote to begin and end on whole words of article '{article.id}', found it only inside "
                f"longer words or numbers, as in '{around}' ({display}:{article.line_of(miss.near - 1)}): a quote may not cut a word or a number")
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


def _too_short(passages: list[str]) -> str | None:
    """Why a quote (split into its passages) is too short to prove anything, or None."""
    for passage in passages:
        found = _WORD.findall(passage, 0, 40)  # the start of a long passage settles it
        if len(found) < MIN_WORDS or sum(map(len, found)) < MIN_LETTERS:
            found = _WORD.findall(passage)
        words, letters = len(found), sum(map(len, found))
        if words < MIN_WORDS or letters < MIN_LETTERS:
            which = "a quote" if len(passages) == 1 else "each passage joined by '...'"
            return (f"expected {which} to hold at least {MIN_WORDS} words and {MIN_LETTERS} letters or digits, "
                    f"found '{passage}' ({words} {'word' if words == 1 else 'words'}, {letters} {'letter or digit' if letters == 1 else 'letters or digits'}): "
                    "so short a quote is in almost any article and proves nothing")
    return None


def _gap_message(article: Article, display: str, spans: list[QuoteSpan], limit: int, who: bool) -> str | None:
    """Why passages joined by '...' are too far apart, or None."""
    for before, after in zip(spans, spans[1:]):
        gap = after.start - before.end
        if gap > limit:
            text = article.published_text
            end = " ".join(text[max(before.start, before.end - 30):before.end].split())
            start = " ".join(text[after.start:min(after.end, after.start + 30)].split())
            why = " in a quotation or role fact, where distant passages can change who said what" if who else ""
            return (f"expected passages joined by '...' at most {limit:,} characters apart{why}, found {gap:,} "
                    f"characters of article '{article.id}' between the passage ending '{end}' ({display}:{article.line_of(before.end - 1)}) "
                    f"and the one starting '{start}' ({display}:{article.line_of(after.start)}); quote them as two sources of the same article")
    return None


def verify_quotes(files: CorpusFiles, articles: dict[str, tuple[Article, LoadedArticle]]) -> list[Problem]:
    """A problem for every quote that is not in its article's text (outside page furniture)."""
    problems: list[Problem] = []

    def check(file: LoadedFile[Any], path: DataPath, sources: list[Any], who: bool = False) -> None:
        for j, source in enumerate(sources):
            if source.article not in articles:
                continue  # reported as an unknown article
            article, loaded = articles[source.article]
            if not any(char.isalnum() for char in source.quote):  # '...' alone would match any article
                problems.append(file.problem(path + ("sources", j, "quote"), f"expected words copied from article '{article.id}', found a quote with no letters or digits: '{source.quote}'"))
                continue
            passages = quote_passages(source.quote)
            short = _too_short(passages)
            if short:
                problems.append(file.problem(path + ("sources", j, "quote"), short))
                continue
            result = article.quote_search.find_passages(passages)
            if isinstance(result, QuoteMiss):
                problems.append(file.problem(path + ("sources", j, "quote"), _miss_message(article, loaded.display, source.quote, result)))
                continue
            far = _gap_message(article, loaded.display, result, MAX_GAP_WHO if who else MAX_GAP, who)
            if far:
                problems.append(file.problem(path + ("sources", j, "quote"), far))

    for facts_file in files.facts:
        for index, fact in enumerate(facts_file.model.facts):
            check(facts_file, ("facts", index), fact.sources, who=fact.kind in ("quotation", "role"))
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
