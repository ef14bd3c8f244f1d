"""Shorter forms of long stems, for platforms with a length limit (Kahoot allows 120 characters).

A short form asks the same question with the same one right answer; it is made only from what the
question and its fact already hold, and only when the stem is too long. Each rule is applied
while the stem is still over the limit, in this order:

1. `True or false? ` goes: Kahoot offers True and False as the answers anyway.
2. A true-or-false statement's leading reporters (`The Herald and the Post reported that ...`, outlets: the
   fact is a claim, or the reporter names an outlet) go: from a false statement when it names
   none that the fact's true statement does not (it is false for what was reported, not for who
   reported it; `The Daily reported X`, false because only The Weekly did, keeps its reporter);
   from a true statement when two or more outlets reported it, a corroborated account.
3. `According to the articles, who ...` becomes `Who ...`: every answer comes from the articles.
4. `Which term matches this definition: “D”` becomes `Which term means “D”?`, and a definition in
   two parts (`...; ...`) keeps its first part, marked `…`.
5. A long quotation keeps its first whole words, marked `…`, when no other speaker's quotation
   in the corpus holds those words: the quoted words are still the speaker's own.
6. A title before a person's name (`Riverton's mayor Ann Lee said`) goes, in a
   statement or a reported claim: the name still says who. It is the person's role, or up to
   four words opening the sentence or the reported clause; in a false statement, only a title
   that the fact's true statement gives too, so the falsehood never lies in it.
7. `Which outlet reported that ...?` becomes `Who reported that ...?`: the options are the outlets.

Words are never cut: a form that is still too long is returned as it is, and the caller leaves the
question out.
"""

from __future__ import annotations

import re

from quizgen.generate.question_model import Question, answer_key
from quizgen.model.corpus import Corpus
from quizgen.model.facts import QuotationFact
from quizgen.model.kinds import QuestionKind

_TRUE_OR_FALSE = "True or false? "
_REPORTER = re.compile(r"(?P<reporter>[^.;:“”\"]{1,100}?) reported that,? (?P<rest>.+)", re.DOTALL)
_LIST_SEPARATOR = re.compile(r", and |, | and ")
_FUNCTION_WORDS = frozenset("a an and as at by for from in into of on or than that the to with".split())
"""Words a cut never ends on (`allowing for the…` becomes `allowing…`), and a title never ends on."""
_OPENING_TITLE = re.compile(r"(?:^|reported that )(?P<title>(?:[A-Za-z][\w'’-]* ){1,4})$")
_ACCORDING = re.compile(r"According to the articles, (?P<first>[a-z])(?P<rest>.*)", re.DOTALL)
_DEFINITION = re.compile(r"Which term matches this definition: “(?P<definition>.+)”", re.DOTALL)
_QUOTATION = re.compile(r"(?P<lead>.*?: “)(?P<quote>.+)(?P<end>”\?)", re.DOTALL)
QUOTE_WORDS_AT_LEAST = 8
"""A cut quotation keeps at least this many words, or it is not cut."""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _reporters(statement: str) -> frozenset[str] | None:
    """The reporters a statement begins with (`The Herald, the Post and the Times reported that` → three), or None."""
    match = _REPORTER.fullmatch(statement)
    return frozenset(_LIST_SEPARATOR.split(match["reporter"])) if match else None


def _without_reporter(corpus: Corpus, question: Question, statement: str) -> str:
    match = _REPORTER.fullmatch(statement)
    if not match or not question.fact_ids or " said" in match["reporter"]:
        return statement
    fact = corpus.fact(question.fact_ids[0])
    by_outlets = fact.kind == "claim" or any(outlet.name in match["reporter"] for outlet in corpus.outlets)
    true_reporters, shown_reporters = _reporters(fact.statement), _reporters(statement)
    if not (by_outlets and true_reporters and shown_reporters):
        return statement
    if question.answer_text == "True":  # reported by two or more: a corroborated account, true without them
        safe = shown_reporters == true_reporters and len(true_reporters) > 1
    else:  # false for what was reported, when the reporters named did report on it
        safe = shown_reporters <= true_reporters
    return _capitalised(match["rest"].replace(", and that ", ", and ")) if safe else statement  # "reported that A, and that B"


def _title_before(stem: str, at: int, role: str) -> str:
    """The title right before a name at ``at`` (`Riverton's mayor `): the person's own role,
    or up to four words that open the sentence or the reported clause; empty when there is none."""
    before = stem[:at]
    if before.casefold().endswith(role.casefold() + " "):
        return before[-len(role) - 1:]
    match = _OPENING_TITLE.search(before)
    if not match:
        return ""
    words = match["title"].split()
    # a title ends in a noun such as `minister` or `spokesman`, and holds no other name or list
    if not words[-1].islower() or words[-1] in _FUNCTION_WORDS or any(w in ("and", "or") for w in words):
        return ""
    return match["title"]


def _without_titles(corpus: Corpus, question: Question, stem: str, limit: int) -> str:
    """``stem`` without the titles before people's names, while it is over ``limit``: the name
    still says who. In a true-or-false statement only a title its fact's other statement shares."""
    fact = corpus.fact(question.fact_ids[0]) if question.fact_ids else None
    false = question.kind == QuestionKind.TRUE_FALSE and question.answer_text == "False"
    for person in corpus.people:
        at = stem.find(person.name)
        if at <= 0 or len(stem) <= limit:
            continue
        title = _title_before(stem, at, person.role)
        if not title:
            continue
        if false and not (fact and title + person.name in fact.statement):
            continue  # a title the true statement does not give may be what makes this one false
        stem = stem[: at - len(title)] + stem[at:]
        if at == len(title):
            stem = _capitalised(stem)
    return stem


def _shorter_definition(stem: str, limit: int) -> str:
    match = _DEFINITION.fullmatch(stem)
    if not match:
        return stem
    definition = match["definition"]
    shorter = f"Which term means “{definition}”?"
    if len(shorter) > limit and "; " in definition:
        shorter = f"Which term means “{definition.split('; ', 1)[0]}…”?"
    return shorter


def quotation_index(corpus: Corpus) -> str:
    """Every quotation of the corpus, compared as answers are (``answer_key``), one per line: made
    once per export, so a cut quotation is checked against all of them by one search."""
    return "\n".join(answer_key(f.text) for f in corpus.facts if isinstance(f, QuotationFact))


def _quote_is_only_theirs(corpus: Corpus, question: Question, kept: str, quotations: str) -> bool:
    key = answer_key(kept)
    own = sum(answer_key(f.text).count(key) for f in map(corpus.fact, question.fact_ids) if isinstance(f, QuotationFact))
    return own > 0 and quotations.count(key) == own


def _shorter_quotation(corpus: Corpus, question: Question, stem: str, limit: int, quotations: str) -> str:
    match = _QUOTATION.fullmatch(stem)
    if question.family != "quotation-speaker" or not match:
        return stem
    room = limit - len(match["lead"]) - len("…") - len(match["end"])
    words = match["quote"].split()
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > room:
            break
        kept.append(word)
    while kept and kept[-1].casefold() in _FUNCTION_WORDS:
        kept.pop()
    text = " ".join(kept).rstrip(",;:")
    if len(kept) < QUOTE_WORDS_AT_LEAST or len(kept) == len(words) or not _quote_is_only_theirs(corpus, question, text, quotations):
        return stem
    return f"{match['lead']}{text}…{match['end']}"


def short_stem(corpus: Corpus, question: Question, limit: int, quotations: str | None = None) -> str:
    """``question.stem`` when it has at most ``limit`` characters, else its shortest defensible form
    (which may still be longer than ``limit``). ``quotations`` is ``quotation_index(corpus)``, made
    once for many questions; without it, it is made here."""
    stem = question.stem
    if len(stem) <= limit:
        return stem
    if question.kind == QuestionKind.TRUE_FALSE:
        stem = stem.removeprefix(_TRUE_OR_FALSE)
        if len(stem) > limit:
            stem = _without_reporter(corpus, question, stem)
        if len(stem) > limit:
            stem = _without_titles(corpus, question, stem, limit)
        return stem
    according = _ACCORDING.fullmatch(stem)
    if according:
        stem = according["first"].upper() + according["rest"]
    if len(stem) > limit:
        stem = _shorter_definition(stem, limit)
    if len(stem) > limit:
        stem = _shorter_quotation(corpus, question, stem, limit, quotation_index(corpus) if quotations is None else quotations)
    if len(stem) > limit and question.family == "claim-outlet":
        stem = _without_titles(corpus, question, stem, limit)
    if len(stem) > limit and question.family == "claim-outlet":
        stem = re.sub(r"^Which outlet reported that ", "Who reported that ", stem)  # the options are the outlets
    return stem
