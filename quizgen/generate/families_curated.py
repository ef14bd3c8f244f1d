"""Questions written by a person in the facts: curated multiple-choice items and true-or-false items
made from curated false versions (`questions` and `false_versions` of a fact).

The key of a curated item rests on its fact's quotes, which the build checks word for word; each
wrong option carries why the articles rule it out, shown to a student who picks it.
"""

from __future__ import annotations

import re

from quizgen.generate.family_support import citations_of, explain
from quizgen.generate.question_model import (
    Citation,
    CuratedType,
    DraftQuestion,
    Option,
    answer_key,
    stable_hash,
)
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.corpus import AnyFact
from quizgen.model.kinds import QuestionKind


def clusters_of(fact: AnyFact) -> tuple[str, ...]:
    """What a question on this fact tests, for the rule that a quiz set tests each thing once."""
    return (fact.cluster or fact.id,)


def curated_questions(fact: AnyFact, pools: QuestionPools) -> list[DraftQuestion]:
    """The fact's curated multiple-choice questions, each with its wrong options' feedback."""
    drafts = []
    for index, curated in enumerate(fact.questions):
        option_type = CuratedType(fact.id, index)
        others = [pools.corpus.fact(other) for other in curated.cites]
        citations = tuple(dict.fromkeys([*citations_of(fact), *(c for other in others for c in citations_of(other))]))
        if curated.articles:  # only the outlets the writer chose to rest the key on
            citations = tuple(c for c in citations if c.article in curated.articles)
        drafts.append(DraftQuestion(
            family="reading", kind=QuestionKind.MULTIPLE_CHOICE, stem=curated.stem,
            answer=Option(curated.answer, option_type),
            distractors=tuple(Option(w.text, option_type, w.why) for w in curated.wrong),
            explanation=explain(pools.corpus, _Sources(citations), curated.explanation, with_context=False), citations=citations,
            topics=tuple(fact.topics), fact_ids=(fact.id, *curated.cites), difficulty=curated.difficulty,
            accepted=frozenset({answer_key(curated.answer)}), importance=fact.importance,
            clusters=tuple(dict.fromkeys(c for f in [fact, *others] for c in clusters_of(f))),
            asked_in=articles_named_in(curated.stem, citations, pools)))
    return drafts


def articles_named_in(stem: str, citations: tuple[Citation, ...], pools: QuestionPools) -> tuple[str, ...]:
    """The cited articles whose outlet the stem names ("according to The Weekly", "per The Daily"):
    only their readers can answer it, so only their pages ask it. None named: every cited article."""
    cited = tuple(dict.fromkeys(c.article for c in citations))
    named = tuple(a for a in cited if re.search(rf"(?<![\w-]){re.escape(pools.corpus.outlet_of(a).name)}(?![\w-])", stem))
    return named or cited


class _Sources:
    """Citations as ``explain`` reads them, to name the outlets of several facts."""

    def __init__(self, citations: tuple[Citation, ...]):
        self.sources = citations


def curated_true_false(fact: AnyFact, pools: QuestionPools) -> DraftQuestion | None:
    """One true-or-false item per fact: the true statement or one of its curated false versions,
    chosen by a hash of the fact's id; either way the explanation names the misreading and why it
    is wrong, so that a student learns more than the verdict."""
    if not fact.false_versions:
        return None
    choice = int(stable_hash("true-false", fact.id)[:8], 16) % (len(fact.false_versions) + 1)
    if choice == len(fact.false_versions):
        misreading = fact.false_versions[0]
        shown, answer, wrong = fact.statement, Option("True", "truth"), Option("False", "truth")
        text = f"True. {_sentence(fact.context)}{misreading.why}"  # the why states what the sources say
    else:
        false_version = fact.false_versions[choice]
        shown, answer, wrong = false_version.statement, Option("False", "truth"), Option("True", "truth")
        text = f"False. {false_version.why}"
    return DraftQuestion(
        family="true-false", kind=QuestionKind.TRUE_FALSE, stem=f"True or false? {shown}", answer=answer, distractors=(wrong,),
        explanation=explain(pools.corpus, fact, text, with_context=choice != len(fact.false_versions)),
        citations=citations_of(fact), topics=tuple(fact.topics), fact_ids=(fact.id,), difficulty="medium",
        accepted=frozenset({answer_key(answer.text)}), importance=fact.importance, clusters=clusters_of(fact))


def _sentence(text: str | None) -> str:
    if not text:
        return ""
    text = text.strip()
    return text + (" " if text.endswith((".", "!", "?")) else ". ")
