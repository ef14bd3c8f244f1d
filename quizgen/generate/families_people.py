"""Question families about people: who holds a role, what someone's role is, who said a quotation."""

from __future__ import annotations

from quizgen.generate.distractors import WRONG_OPTIONS, pick_from_pool
from quizgen.generate.family_support import (
    capitalise,
    citations_of,
    difficulty_from_sources,
    explain,
)
from quizgen.generate.question_model import DraftQuestion, Option, answer_key
from quizgen.generate.question_pools import QuestionPools
from quizgen.model.facts import QuotationFact, RoleFact
from quizgen.model.kinds import QuestionKind
from quizgen.model.registry import Person


def _role_note(pools: QuestionPools, person_id: str) -> str:
    person = pools.corpus.speaker(person_id)
    return f"{person.name}: {person.role}." if isinstance(person, Person) else f"{person.name}: {person.description}"


def role_holder_question(fact: RoleFact, pools: QuestionPools) -> DraftQuestion | None:
    """Who is described as the town's mayor? — options are people."""
    role = answer_key(fact.role)
    holders = pools.holders_of_role[role]
    person = pools.corpus.speaker(fact.person)
    stem = f"According to the articles, who is described as {fact.role}?"
    if any(key in answer_key(stem) for key in pools.name_keys(fact.person) | {answer_key(person.name.split()[-1])}):
        return None  # the stem would give the answer away
    chosen = pick_from_pool(pools.person_ids, WRONG_OPTIONS, f"role-holder:{fact.id}", keep=lambda pid: pid not in holders, key=lambda pid: pid)
    if len(chosen) < 2:
        return None
    accepted = set().union(*(pools.name_keys(h) for h in holders))
    return DraftQuestion(
        family="role-holder", kind=QuestionKind.MULTIPLE_CHOICE, stem=stem,
        answer=Option(person.name, "person"),
        distractors=tuple(Option(pools.corpus.speaker(pid).name, "person", _role_note(pools, pid)) for pid in chosen),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty=difficulty_from_sources(fact), accepted=frozenset(accepted))


def person_role_question(fact: RoleFact, pools: QuestionPools) -> DraftQuestion | None:
    """What is Jane Doe's role, according to the articles? — options are roles."""
    person = pools.corpus.speaker(fact.person)
    own_roles = pools.roles_of_person[fact.person]
    chosen = pick_from_pool(pools.role_texts, WRONG_OPTIONS, f"person-role:{fact.id}",
                            keep=lambda role: answer_key(role) not in own_roles and fact.person not in pools.holders_of_role[answer_key(role)])
    if len(chosen) < 2:
        return None
    def holder_note(role: str) -> str | None:
        holders = sorted(pools.holders_of_role[answer_key(role)])
        return f"{capitalise(role)}: {pools.corpus.speaker(holders[0]).name}." if holders else None
    return DraftQuestion(
        family="person-role", kind=QuestionKind.MULTIPLE_CHOICE,
        stem=f"According to the articles, what was {person.name}'s role?",
        answer=Option(capitalise(fact.role), "role"),
        distractors=tuple(Option(capitalise(role), "role", holder_note(role)) for role in chosen),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="medium", accepted=frozenset(own_roles))


def quotation_speaker_question(fact: QuotationFact, pools: QuestionPools) -> DraftQuestion | None:
    """Who said “the bridge will open in spring”? — options of the speaker's type."""
    is_person = fact.speaker in pools.person_id_set
    pool = pools.person_ids if is_person else pools.organization_ids
    speakers = pools.speakers_of_text[answer_key(fact.text)]
    speaker = pools.corpus.speaker(fact.speaker)
    if any(key in answer_key(fact.text) for key in pools.name_keys(fact.speaker)):
        return None
    chosen = pick_from_pool(pool, WRONG_OPTIONS, f"quotation:{fact.id}", keep=lambda sid: sid not in speakers, key=lambda sid: sid)
    if len(chosen) < 2:
        return None
    kind = "person" if is_person else "organisation"
    verb = "said" if is_person else "said or wrote"
    return DraftQuestion(
        family="quotation-speaker", kind=QuestionKind.MULTIPLE_CHOICE,
        stem=f"According to the articles, who {verb}: “{fact.text}”?",
        answer=Option(capitalise(speaker.name), kind),
        distractors=tuple(Option(capitalise(pools.corpus.speaker(sid).name), kind, _role_note(pools, sid)) for sid in chosen),
        explanation=explain(pools.corpus, fact, fact.statement), citations=citations_of(fact), topics=tuple(fact.topics),
        fact_ids=(fact.id,), difficulty="medium" if len(fact.sources) > 1 else "hard",
        accepted=frozenset(set().union(*(pools.name_keys(s) for s in speakers))))
