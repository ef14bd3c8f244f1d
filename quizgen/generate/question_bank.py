"""The question bank: every family run over the corpus, options ordered, every rule checked.

``build_question_bank`` is pure: the same corpus gives the same questions, in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import assert_never

from quizgen.collector import collector_paused
from quizgen.errors import Problem
from quizgen.generate.families_cloze import cloze_items
from quizgen.generate.families_curated import (
    clusters_of,
    curated_questions,
    curated_true_false,
)
from quizgen.generate.families_facts import (
    chronology_questions,
    claim_outlet_question,
    curated_chronology_questions,
    event_date_question,
    figure_question,
    true_false_question,
    wants_true_version,
)
from quizgen.generate.families_matching import matching_items
from quizgen.generate.families_numeric import numeric_items
from quizgen.generate.families_people import (
    person_role_question,
    quotation_speaker_question,
    role_holder_question,
)
from quizgen.generate.families_terms import acronym_question, term_definition_question
from quizgen.generate.item_rules import (
    bank_problems,
    item_problems,
    repeated_wrong_options,
)
from quizgen.generate.option_order import order_options
from quizgen.generate.question_model import DraftQuestion, Question
from quizgen.generate.question_pools import QuestionPools, build_question_pools
from quizgen.generate.quiz_sets import MIN_COPY_SET, quiz_set
from quizgen.model.corpus import Corpus
from quizgen.model.facts import (
    AnyFact,
    ClaimFact,
    EventFact,
    QuantityFact,
    QuotationFact,
    RoleFact,
)

FAMILY_TITLES = {
    "role-holder": "Who holds the role?", "person-role": "What is their role?", "figure": "Which figure?",
    "event-date": "When did it happen?", "quotation-speaker": "Who said it?", "claim-outlet": "Which outlet reported it?",
    "acronym": "What does it stand for?", "term-definition": "Which term fits?", "true-false": "True or false?",
    "chronology": "In what order?",
}


@dataclass(frozen=True)
class QuestionBank:
    questions: tuple[Question, ...]
    facts_without_questions: tuple[str, ...]
    numeric: tuple[Question, ...] = ()
    """Numeric items (``families_numeric``): a figure or a year written in. The site asks them on
    a page of their own (with the matching and cloze items); worksheets ask them when asked for by
    kind; the exports that can mark a number hold them."""
    matching: tuple[Question, ...] = ()
    """Matching items (``families_matching``): terms to definitions, people to roles. For the
    exports that hold matching and the site's page of written items."""

    cloze: tuple[Question, ...] = ()
    """Cloze items (``families_cloze``): a quoted passage with a glossary term blanked. For the
    exports, the site's page of written items and, asked for by kind, the worksheets."""
    copies: frozenset[str] = frozenset()
    """The articles of outlets of kind `copy`, whose article quiz needs ``MIN_COPY_SET`` questions."""

    @property
    def exported(self) -> tuple[Question, ...]:
        """What the exports offer: the quiz questions, then the numeric, matching and cloze items."""
        return self.questions + self.numeric + self.matching + self.cloze

    def by_article(self, article_id: str) -> list[Question]:
        """The quiz set of this article: up to 15 of the questions citing it, core first, each
        cluster once, none answering another (see ``quiz_sets``), in bank order. None for a copy
        with fewer than ``MIN_COPY_SET``: one or two items on a copy are not a quiz."""
        chosen = list(self._quiz_set(0, article_id))
        return [] if article_id in self.copies and len(chosen) < MIN_COPY_SET else chosen

    def by_topic(self, topic_id: str) -> list[Question]:
        """The quiz set of this topic, chosen like ``by_article``'s."""
        return list(self._quiz_set(1, topic_id))

    def _quiz_set(self, index: int, key: str) -> tuple[Question, ...]:
        # Asked for several times per page (counts, the quiz itself): chosen once per key.
        if (index, key) not in self._sets:
            self._sets[(index, key)] = quiz_set(self._index[index].get(key, ()))
        return self._sets[(index, key)]

    @cached_property
    def _sets(self) -> dict[tuple[int, str], tuple[Question, ...]]:
        return {}

    def candidates(self, articles: tuple[str, ...] = (), topics: tuple[str, ...] = ()) -> tuple[Question, ...]:
        """The questions that cite one of ``articles`` (if any given) and have one of ``topics`` (if
        any given), in bank order: what ``select_questions`` needs to look at, found by the index, so
        that a worksheet per article does not scan the whole bank."""
        if not articles and not topics:
            return self.questions
        narrowest = [self._gather(self._index[0], articles)] if articles else []
        narrowest += [self._gather(self._index[1], topics)] if topics else []
        found = min(narrowest, key=len)
        return tuple(sorted(found.values(), key=lambda question: self._position[question.id]))

    @staticmethod
    def _gather(index: dict[str, list[Question]], keys: tuple[str, ...]) -> dict[str, Question]:
        return {question.id: question for key in keys for question in index.get(key, ())}

    @cached_property
    def _position(self) -> dict[str, int]:
        return {question.id: at for at, question in enumerate(self.questions)}

    @cached_property
    def _index(self) -> tuple[dict[str, list[Question]], dict[str, list[Question]]]:
        # Built once: a scan of the bank per article or topic would make a site build quadratic.
        articles: dict[str, list[Question]] = {}
        topics: dict[str, list[Question]] = {}
        for question in self.questions:
            for article_id in dict.fromkeys(question.articles):
                articles.setdefault(article_id, []).append(question)
            for topic_id in dict.fromkeys(question.topics):
                topics.setdefault(topic_id, []).append(question)
        return articles, topics


def _generated_choices(fact: AnyFact, pools: QuestionPools) -> list[DraftQuestion | None]:
    """The multiple-choice questions generated from an uncurated fact, by its kind."""
    match fact:
        case RoleFact():
            return [role_holder_question(fact, pools), person_role_question(fact, pools)]
        case QuantityFact():
            return [figure_question(fact, pools)]
        case EventFact():
            return [event_date_question(fact, pools)]
        case QuotationFact():
            return [quotation_speaker_question(fact, pools)]
        case ClaimFact():
            return [claim_outlet_question(fact, pools)]
        case _:
            assert_never(fact)


def _drafts(corpus: Corpus, pools: QuestionPools) -> list[DraftQuestion]:
    drafts: list[DraftQuestion | None] = []
    facts = [f for f in corpus.facts if f.importance != "detail"]  # trivia: no questions at all
    for fact in facts:
        generated: list[DraftQuestion | None] = []
        ordered = isinstance(fact, EventFact) and bool(fact.order_with)  # its curated item is the ordering below
        if fact.questions or fact.false_versions or ordered:  # curation replaces the generated questions
            generated += curated_questions(fact, pools)
        else:
            generated += _generated_choices(fact, pools)
        if fact.false_versions:
            generated.append(curated_true_false(fact, pools))
        elif not fact.questions and not ordered:  # a curated fact gets a true-or-false item only from its false versions
            ask_true = wants_true_version(fact)
            generated.append(true_false_question(fact, pools, ask_true) or true_false_question(fact, pools, True))
        drafts += [replace(d, importance=fact.importance, clusters=clusters_of(fact)) for d in generated if d is not None]
    for term in corpus.terms:
        if term.importance != "detail":
            drafts += [acronym_question(term, pools), term_definition_question(term, pools)]
    events = [f for f in facts if isinstance(f, EventFact) and not f.planned]  # "happened": not planned
    curated = [e for e in events if e.order_with]
    drafts += curated_chronology_questions(curated, pools) if curated else chronology_questions(events, pools)
    unique: dict[str, DraftQuestion] = {}
    for draft in drafts:
        if draft is not None:
            unique.setdefault(draft.id, draft)
    return list(unique.values())


def build_question_bank(corpus: Corpus) -> QuestionBank:
    """All questions for the corpus. Raises ``CorpusError`` if any question breaks an item-writing rule."""
    with collector_paused():
        return _checked_bank(corpus)


def _checked_bank(corpus: Corpus) -> QuestionBank:
    from quizgen.errors import CorpusError

    pools = build_question_pools(corpus)
    questions = order_options(_drafts(corpus, pools))
    problems: list[Problem] = []
    for question in questions:
        for message in item_problems(question):
            where = corpus.origin_of(question.fact_ids[0])
            problems.append(Problem(where.path, where.line, where.column, f"question {question.id} ({question.family}) breaks an item-writing rule: {message}"))
    for question, message in repeated_wrong_options(questions):
        where = corpus.origin_of(question.fact_ids[0])
        problems.append(Problem(where.path, where.line, where.column, f"question {question.id} ({question.family}) breaks an item-writing rule: {message}"))
    for message in bank_problems(questions):
        problems.append(Problem(f"{corpus.root}/facts", 1, 1, f"the question bank breaks an item-writing rule: {message}"))
    if problems:
        raise CorpusError(problems)
    covered = {fact_id for q in questions for fact_id in q.fact_ids}
    missing = (tuple(f.id for f in corpus.facts if f.id not in covered and f.importance != "detail")
               + tuple(t.id for t in corpus.terms if t.id not in covered and t.importance != "detail"))
    copies = frozenset(a.id for a in corpus.articles if corpus.outlet_of(a.id).kind == "copy")
    matching = matching_items(pools)
    return QuestionBank(tuple(questions), missing, numeric_items(pools, (*questions, *matching)), matching,
                        cloze_items(pools), copies)
