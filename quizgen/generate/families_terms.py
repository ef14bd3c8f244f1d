"""Question families about glossary terms: what an abbreviation stands for, which term a definition fits."""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from quizgen.generate.distractors import (
    WRONG_OPTIONS,
    AllBut,
    pick_from_pool,
    seeded_random,
)
from quizgen.generate.family_support import citations_of, explain
from quizgen.generate.question_model import (
    DraftQuestion,
    Option,
    answer_key,
    singular_key,
)
from quizgen.generate.question_pools import QuestionPools, initials
from quizgen.generate.whole_words import contains_whole
from quizgen.model.facts import Term
from quizgen.model.kinds import QuestionKind
from quizgen.model.quote_search import normalise_for_matching

SHARED_WORD_AT_LEAST = 4
"""Shorter words (`the`, `of`, `US`) are shared by chance, not a cue."""


def shares_a_word(text: str, names: list[str]) -> bool:
    """Whether ``text`` holds a word of ``SHARED_WORD_AT_LEAST`` letters or more of one of
    ``names``, plurals and case aside: "A bridge near the town" shares "bridge" with "Lima Bridge",
    a cue that matches the two without reading."""
    words = {singular_key(w) for w in re.findall(r"\w+", normalise_for_matching(text))}
    return any(len(w) >= SHARED_WORD_AT_LEAST and singular_key(w) in words
               for name in names for w in re.findall(r"\w+", normalise_for_matching(name)))


def names_any(text: str, names: list[str]) -> bool:
    """Whether ``text`` names one of ``names`` as whole words. Abbreviations match in capitals only:
    the alias "IS" is in "the IS caliphate" but not in "this" or "it is"."""
    text = normalise_for_matching(text)
    for name in names:
        name = normalise_for_matching(name)
        if name.isupper():
            found = contains_whole(text, name)
        elif text.isascii() and name.isascii():  # ASCII's cases are all `re.IGNORECASE` knows of here
            found = contains_whole(text.lower(), name.lower())
        else:
            found = bool(name) and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE) is not None
        if found:
            return True
    return False


def _other_words(words: list[str], word: str) -> Sequence[str]:
    """A sorted list of distinct words without ``word``, not copied: a copy for every word of every
    term made the bank quadratic (the lists grow with the glossary)."""
    at = bisect.bisect_left(words, word)
    return AllBut(words, at) if at < len(words) and words[at] == word else words


def _look_alike_expansions(term: Term, pools: QuestionPools) -> list[str]:
    """Wrong expansions with the same initials, so the letters alone do not give the answer away."""
    assert term.expansion
    words = term.expansion.split()
    rng = seeded_random("expansion", term.id)
    found: list[str] = []
    seen = {singular_key(term.expansion)}  # a plural twin of the answer or of another option is no option
    for _ in range(12):
        swapped = []
        for word in words:
            others = _other_words(pools.words_by_initial.get(word[0], []), word) if word[:1].isupper() else []
            swapped.append(rng.choice(others) if others and rng.random() < 0.7 else word)
        candidate = " ".join(swapped)
        if singular_key(candidate) not in seen:
            seen.add(singular_key(candidate))
            found.append(candidate)
    return found


def acronym_question(term: Term, pools: QuestionPools) -> DraftQuestion | None:
    """What does WHO stand for? — options share the answer's initials where the corpus allows."""
    if not term.expansion:
        return None
    own = pools.term_keys[term.id]
    taken = pools.all_term_keys
    same_initials = pools.expansions_by_initials.get(initials(term.expansion), [])
    chosen = pick_from_pool(_look_alike_expansions(term, pools), WRONG_OPTIONS, f"acronym:{term.id}",
                            keep=lambda e: answer_key(e) not in own and answer_key(e) not in taken,
                            preferred=same_initials)
    if len(chosen) < 2:
        return None
    return DraftQuestion(
        family="acronym", kind=QuestionKind.MULTIPLE_CHOICE, stem=f"In the articles, what does {term.term} stand for?",
        answer=Option(term.expansion, "expansion"), distractors=tuple(Option(e, "expansion") for e in chosen),
        explanation=explain(pools.corpus, term, f"{term.term} stands for {term.expansion}. {term.definition}"),
        citations=citations_of(term), topics=tuple(term.topics), fact_ids=(term.id,), difficulty="easy",
        accepted=frozenset(own))


def term_definition_question(term: Term, pools: QuestionPools) -> DraftQuestion | None:
    """Which term matches this definition? — skipped when the definition names the term."""
    own = pools.term_keys[term.id]
    if names_any(term.definition, [term.term, *term.aliases, *([term.expansion] if term.expansion else [])]):
        return None
    others = AllBut(pools.term_ids, bisect.bisect_left(pools.term_ids, term.id))
    chosen = pick_from_pool(others, WRONG_OPTIONS, f"definition:{term.id}",
                            keep=lambda tid: not (pools.term_keys[tid] & own), key=lambda tid: tid)
    if len(chosen) < 2:
        return None
    def note(tid: str) -> str:
        other = pools.corpus.term(tid)
        return f"{other.term}: {other.definition}"
    return DraftQuestion(
        family="term-definition", kind=QuestionKind.MULTIPLE_CHOICE, stem=f"Which term matches this definition: “{term.definition}”",
        answer=Option(term.term, "term"), distractors=tuple(Option(pools.corpus.term(t).term, "term", note(t)) for t in chosen),
        explanation=explain(pools.corpus, term, f"{term.term}: {term.definition}"), citations=citations_of(term),
        topics=tuple(term.topics), fact_ids=(term.id,), difficulty="medium", accepted=frozenset(own))
