"""The glossary worksheet: match terms to their definitions, with a key.

Terms are numbered; beside them, the definitions of the same terms, lettered and shuffled with a
seed. Long glossaries are split into parts of at most ``MATCH_PART_SIZE`` terms, so that a student
matches among a handful of definitions, not dozens. Pure: terms in, HTML out.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from quizgen.generate.distractors import seeded_random
from quizgen.generate.question_model import citations_from, stable_hash
from quizgen.model.corpus import Corpus
from quizgen.model.facts import Term
from quizgen.worksheet.sheet_items import (
    CitedArticle,
    KeyEntry,
    LetteredOption,
    cited_articles,
    option_letter,
    source_lines,
)
from quizgen.worksheet.worksheet_html import PageSetup, check_copy

MATCH_PART_SIZE = 8

INSTRUCTIONS = (
    "Match each term to its definition.",
    "Write the letter of the definition on the line before the term. Each letter is used once in its part.",
)


@dataclass(frozen=True)
class NumberedTerm:
    number: int
    term: str


@dataclass(frozen=True)
class MatchPart:
    """One matching exercise: terms on the left, their definitions lettered in another order on the right."""

    terms: tuple[NumberedTerm, ...]
    definitions: tuple[LetteredOption, ...]


@dataclass(frozen=True)
class GlossarySheet:
    label: str
    parts: tuple[MatchPart, ...]
    key: tuple[KeyEntry, ...]

    @property
    def articles(self) -> tuple[CitedArticle, ...]:
        return cited_articles(self.key)


def split_evenly(items: list[Term], most: int) -> list[list[Term]]:
    """Consecutive parts of at most ``most`` items, as equal in size as possible (25 by 8 → 7, 6, 6, 6)."""
    count = -(-len(items) // most)
    size, extra = divmod(len(items), count)
    parts, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        parts.append(items[start:end])
        start = end
    return parts


def _term_order(terms: tuple[Term, ...], seed: str, letter: str) -> list[Term]:
    if letter == "A":
        return list(terms)
    return sorted(terms, key=lambda t: stable_hash("glossary-order", seed, letter, t.id))


def _definition_order(part: list[Term], seed: str, letter: str) -> list[int]:
    """A seeded order of the part's definitions that never leaves them all beside their own terms."""
    order = list(range(len(part)))
    seeded_random("glossary-definitions", seed, letter, *(t.id for t in part)).shuffle(order)
    if len(order) > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _term_label(term: Term) -> str:
    return f"{term.term} ({term.expansion})" if term.expansion else term.term


def glossary_sheet(corpus: Corpus, terms: tuple[Term, ...], seed: str, letter: str, label: str) -> GlossarySheet:
    parts, key, number = [], [], 1
    for chunk in split_evenly(_term_order(terms, seed, letter), MATCH_PART_SIZE):
        order = _definition_order(chunk, seed, letter)
        letter_of = {old: option_letter(new) for new, old in enumerate(order)}
        numbered = tuple(NumberedTerm(number + i, t.term) for i, t in enumerate(chunk))
        parts.append(MatchPart(numbered, tuple(LetteredOption(option_letter(new), chunk[old].definition) for new, old in enumerate(order))))
        for i, term in enumerate(chunk):
            key.append(KeyEntry(number + i, letter_of[i], _term_label(term), term.definition, source_lines(corpus, citations_from(term.sources))))
        number += len(chunk)
    return GlossarySheet(label, tuple(parts), tuple(key))


def render_glossary_worksheet(corpus: Corpus, terms: tuple[Term, ...], letters: tuple[str, ...], seed: str,
                              setup: PageSetup, env: Environment, copy: str = "teacher") -> str:
    """The HTML of ``copy`` of a glossary worksheet: per variant, the matching parts (not in the key
    copy), then the key on its own page (not in the student copy)."""
    if not terms:
        raise ValueError("a glossary worksheet needs at least one term")
    labelled = len(letters) > 1
    sheets = tuple(glossary_sheet(corpus, terms, seed, letter, f"Variant {letter}" if labelled else "") for letter in letters)
    return env.get_template("glossary_worksheet.html").render(setup=setup, sheets=sheets, instructions=INSTRUCTIONS,
                                                                 copy=check_copy(copy))
