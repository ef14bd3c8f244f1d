"""Cloze items: a passage quoted from an article with a glossary term blanked, and terms to choose from.

Item-writing rules, kept by construction (a term that cannot keep them gets no cloze item):
- the passage is a verbatim quote of one of the term's sources (a named outlet's first), of at
  least ``WORDS_AT_LEAST`` words, naming the term once as a whole word, and naming neither its
  expansion, an alias nor a word of four letters or more of the term (which would give the blank away);
- one defensible answer: the question asks which term the article used, and no option other
  than the term is in the passage or is another name of the term;
- the options are of the term's own category: abbreviations with abbreviations, other terms with
  other terms; three or four of them, the answer's place seeded by the item's id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.generate.distractors import pick_from_pool, seeded_random
from quizgen.generate.families_terms import names_any
from quizgen.generate.question_model import Citation, Question, answer_key, stable_hash
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.facts import Term
from quizgen.model.kinds import QuestionKind

BLANK = "_____"
WORDS_AT_LEAST = 6
CLOZE_FAMILIES = ("term-cloze",)


def _is_abbreviation(term: str) -> bool:
    return term.replace("-", "").replace(" ", "").isupper()


def _blanked(quote: str, term: str) -> str | None:
    """``quote`` with its one whole-word occurrence of ``term`` (any case) blanked, or None."""
    found = list(re.finditer(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", quote, re.IGNORECASE))
    if len(found) != 1:
        return None
    return quote[: found[0].start()] + BLANK + quote[found[0].end():]


def cloze_item(term: Term, pools: QuestionPools, by_category: dict[bool, list[Term]] | None = None) -> Question | None:
    """The cloze item of ``term``, or None; ``by_category`` holds the glossary's terms sorted, by
    whether each is an abbreviation (made once for the corpus, not once per term)."""
    corpus = pools.corpus
    by_category = _by_category(corpus.terms) if by_category is None else by_category
    names = [term.term, *([term.expansion] if term.expansion else []), *term.aliases]
    # A named outlet's words before a copy's: the stem names where the words come from.
    for source in sorted(term.sources, key=lambda s: corpus.outlet_of(s.article).kind == "copy"):
        passage = _blanked(source.quote, term.term)
        if passage is None or len(source.quote.split()) < WORDS_AT_LEAST or names_any(passage, names):
            continue
        rest = {answer_key(w) for w in re.findall(r"\w+", passage)}
        if any(len(w) >= 4 and answer_key(w) in rest for w in re.findall(r"\w+", term.term)):
            continue  # "RIVERTON, _____ … a Riverton council official": half the answer is in the passage
        others = by_category[_is_abbreviation(term.term)]  # not copied without the term: `keep` skips it
        own = {answer_key(n) for n in names}
        chosen = pick_from_pool(others, 3, f"cloze:{term.id}", key=lambda t: answer_key(t.term),
                                keep=lambda t: t.id != term.id and answer_key(t.term) not in own
                                and not names_any(source.quote, [t.term]))
        if len(chosen) < 2:
            return None
        outlet = corpus.outlet_of(source.article).name
        stem = f"Which term fills the blank in these words from {outlet}? “{passage}”"
        question_id = "q-" + stable_hash("term-cloze", term.id, stem, term.term)[:12]
        options = [t.term for t in chosen]
        seeded_random("options", question_id).shuffle(options)
        at = int(stable_hash("cloze-position", question_id)[:8], 16) % (len(options) + 1)
        options.insert(at, term.term)
        return Question(
            id=question_id, family="term-cloze", kind=QuestionKind.CLOZE, stem=stem, options=tuple(options), correct=at,
            correct_order=None, option_notes=(None,) * len(options),
            explanation=f"{outlet} wrote: “{source.quote}” {term.term}: {term.definition}",
            citations=(Citation(source.article, source.quote),), topics=tuple(term.topics), articles=(source.article,),
            difficulty="medium", fact_ids=(term.id,), option_types=("term",) * len(options),
            accepted=frozenset(own), clusters=(term.id,))
    return None


def _by_category(terms: Sequence[Term]) -> dict[bool, list[Term]]:
    ordered = sorted(terms, key=lambda t: (t.term.casefold(), t.id))
    return {kind: [t for t in ordered if _is_abbreviation(t.term) == kind] for kind in (True, False)}


def cloze_items(pools: QuestionPools) -> tuple[Question, ...]:
    """A cloze item for every glossary term that keeps the rules, in the glossary's order."""
    by_category = _by_category(list(pools.corpus.terms))
    return tuple(item for item in (cloze_item(term, pools, by_category) for term in pools.corpus.terms) if item is not None)
