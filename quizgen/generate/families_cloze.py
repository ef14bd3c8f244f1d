"""Cloze items: one sentence quoted from an article with a glossary term blanked, and terms to choose from.

Item-writing rules, kept by construction (a fact or term that cannot keep them gets no cloze item):
- worth asking: the sentence is from a source of a fact of core or supporting importance (one
  item per cluster, as the quiz sets test each thing once), from an outlet, never a copy (an
  outlet of kind `copy`: its text is no evidence, see ``source_comparison``);
- the blank is a term the passage teaches: the glossary cites this very passage for the term
  (a fragment of one of the term's quotes, from the same article, holds the sentence or lies in it);
- the passage is the one sentence holding the term, of at least ``WORDS_AT_LEAST`` words,
  naming the term once as a whole word and naming neither its expansion, an alias nor a word of
  four letters or more of the term (which would give the blank away);
- one defensible answer: the question asks which term the article used, and no option other
  than the term is in the passage or is another name of the term;
- the options are terms a student could mistake for it: the glossary's related terms (the term's
  `related`, and the terms that list it) of its own form (``term_form``: an abbreviation, a name
  or a common noun; singular or plural: "the _____ today finds itself" rules out a plural),
  that fit the blank's grammar as well as the answer does (after "a", none starts with a vowel;
  after "an", all do); a term with fewer than two such neighbours gets no item (a glossary drawn
  at random offers "the town council" to fill "the date will be set in upcoming _____",
  and no one is misled);
  three or four options, the answer's place seeded by the item's id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.generate.distractors import pick_from_pool, seeded_random
from quizgen.generate.families_curated import clusters_of
from quizgen.generate.families_terms import names_any, shares_a_word
from quizgen.generate.family_support import explain
from quizgen.generate.question_model import (
    Citation,
    Question,
    answer_key,
    singular_key,
    stable_hash,
)
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.corpus import AnyFact
from quizgen.model.facts import Source, Term
from quizgen.model.kinds import QuestionKind
from quizgen.model.quote_search import normalise_for_matching

BLANK = "_____"
WORDS_AT_LEAST = 6
CLOZE_FAMILIES = ("term-cloze",)
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"A-Z])|\s+\.\.\.\s+")
_VOWELS = tuple("aeiouAEIOU")
_WORD = re.compile(r"\w+")  # a run of what `names_any`'s whole-word test counts as word characters


def _is_abbreviation(term: str) -> bool:
    return term.replace("-", "").replace(" ", "").isupper()


def sentences(quote: str) -> list[str]:
    """The quote's sentences, and the parts a curator's `...` joins, each whole."""
    parts, at = [], 0
    for end in _SENTENCE_END.finditer(quote):
        cut = end.start() + (len(end.group()) - len(end.group().lstrip("”\"’")))
        parts.append(quote[at:cut].strip())
        at = end.end()
    parts.append(quote[at:].strip())
    return [p for p in parts if p and p != "..."]


def _blanked(sentence: str, term: str) -> str | None:
    """``sentence`` with its one whole-word occurrence of ``term`` (any case) blanked, or None."""
    found = list(re.finditer(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", sentence, re.IGNORECASE))
    if len(found) != 1:
        return None
    return sentence[: found[0].start()] + BLANK + sentence[found[0].end():]


def _key(text: str) -> str:
    return normalise_for_matching(text).casefold()


def _teaches(term: Term, article: str, sentence: str) -> bool:
    """Whether the glossary cites this passage of ``article`` for ``term``."""
    mine = _key(sentence)
    for source in term.sources:
        if source.article == article:
            for fragment in (_key(f) for f in sentences(source.quote)):
                if fragment and (fragment in mine or mine in fragment) and names_any(fragment, [term.term]):
                    return True
    return False


def term_form(term: str) -> tuple[str, bool]:
    """What kind of word ``term`` is, to a student filling a blank: `abbreviation`, `name`
    (capitalised: `Town Council`, `Lima Bridge`) or `noun`, and whether it is a plural."""
    kind = "abbreviation" if _is_abbreviation(term) else "name" if term[:1].isupper() else "noun"
    return kind, kind != "abbreviation" and singular_key(term) != answer_key(term)


def _fits_grammar(passage: str, option: str) -> bool:
    before = passage.partition(BLANK)[0].split()
    article = before[-1].casefold() if before else ""
    if article == "a":
        return not option.startswith(_VOWELS)
    if article == "an":
        return option.startswith(_VOWELS)
    return True


def _neighbours(term: Term, terms: Sequence[Term]) -> list[Term]:
    """The glossary's related terms of ``term`` of its own form, in glossary order."""
    return [t for t in terms if t.id != term.id and (t.id in term.related or term.id in t.related)
            and term_form(t.term) == term_form(term.term)]


def _item(fact: AnyFact, source: Source, term: Term, pools: QuestionPools) -> Question | None:
    corpus = pools.corpus
    names = [term.term, *([term.expansion] if term.expansion else []), *term.aliases]
    for sentence in sentences(source.quote):
        passage = _blanked(sentence, term.term)
        if passage is None or len(sentence.split()) < WORDS_AT_LEAST or names_any(passage, names):
            continue
        if shares_a_word(passage, [term.term]) or not _teaches(term, source.article, sentence):
            continue  # "RIVERTON, _____ … a Riverton council official": half the answer is in the passage
        if not _fits_grammar(passage, term.term):
            continue
        own = {answer_key(n) for n in names}
        chosen = pick_from_pool(_neighbours(term, corpus.terms), 3, f"cloze:{term.id}", key=lambda t: answer_key(t.term),
                                keep=lambda t: t.id != term.id and answer_key(t.term) not in own
                                and not names_any(source.quote, [t.term]) and _fits_grammar(passage, t.term))
        if len(chosen) < 2:
            return None
        outlet = corpus.outlet_of(source.article).name
        stem = f"Which term fills the blank in these words from {outlet}? “{passage}”"
        question_id = "q-" + stable_hash("term-cloze", term.id, stem, term.term)[:12]
        options = [t.term for t in chosen]
        seeded_random("options", question_id).shuffle(options)
        at = int(stable_hash("cloze-position", question_id)[:8], 16) % (len(options) + 1)
        options.insert(at, term.term)
        teaching = f"{outlet} wrote: “{sentence}” {fact.statement.strip()} {term.term}: {term.definition}"
        return Question(
            id=question_id, family="term-cloze", kind=QuestionKind.CLOZE, stem=stem, options=tuple(options), correct=at,
            correct_order=None, option_notes=(None,) * len(options),
            explanation=explain(corpus, _One(source, fact.context), teaching),
            citations=(Citation(source.article, source.quote),), topics=tuple(dict.fromkeys([*fact.topics, *term.topics])),
            articles=(source.article,), difficulty="medium", fact_ids=(fact.id, term.id), option_types=("term",) * len(options),
            accepted=frozenset(own), importance=fact.importance, clusters=clusters_of(fact))
    return None


class _One:
    """A fact seen through one of its sources, for an explanation that names that outlet only."""

    def __init__(self, source: Source, context: str | None) -> None:
        self.sources, self.context = [source], context


class TermsByWord:
    """The glossary's terms, each filed under the first word of its name, to find the terms a
    quote names (``names_any``) by the quote's words instead of trying every term on every quote,
    which made the bank quadratic in the corpus.

    Every word of a name a text names as whole words is a whole word of the text (the name's
    ends meet a non-word character or the text's end, and so does each word inside the name),
    so a term filed under none of a quote's words is not named there. That holds for the ASCII
    texts ``names_any`` compares by ``str.lower``; the Unicode cases ``re.IGNORECASE`` knows of
    are not ``str.lower``'s, so a quote or a name with another character is tried in full.
    """

    def __init__(self, terms: Sequence[Term]) -> None:
        self._terms = terms
        self._by_word: dict[str, list[int]] = {}
        self._everywhere: list[int] = []  # names that are not ASCII, or hold no word
        for at, term in enumerate(terms):
            name = normalise_for_matching(term.term)
            words = _WORD.findall(name.lower())
            if name.isascii() and words:
                self._by_word.setdefault(words[0], []).append(at)
            else:
                self._everywhere.append(at)

    def named_in(self, text: str) -> list[Term]:
        """The terms ``text`` names, in glossary order."""
        plain = normalise_for_matching(text)
        if plain.isascii():
            words = set(_WORD.findall(plain.lower()))
            tried: Sequence[int] = sorted({*self._everywhere, *(at for w in words for at in self._by_word.get(w, ()))})
        else:
            tried = range(len(self._terms))
        return [self._terms[at] for at in tried if names_any(text, [self._terms[at].term])]


def cloze_items(pools: QuestionPools) -> tuple[Question, ...]:
    """At most one cloze item per fact and per cluster, in corpus order; a term blanked once."""
    corpus = pools.corpus
    glossary = TermsByWord(corpus.terms)
    items: list[Question] = []
    clusters: set[str] = set()
    blanked: set[str] = set()
    for fact in corpus.facts:
        if fact.importance == "detail" or clusters.intersection(clusters_of(fact)):
            continue
        item = next((made for source in fact.sources if corpus.outlet_of(source.article).kind != "copy"
                     for term in glossary.named_in(source.quote) if term.id not in blanked
                     if (made := _item(fact, source, term, pools)) is not None), None)
        if item is not None:
            items.append(item)
            clusters.update(item.clusters)
            blanked.add(item.fact_ids[1])
    return tuple(items)
