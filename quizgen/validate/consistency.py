"""Checks within and across facts that no type can express: a quotation inside its quote, a
distractor that equals the answer, a person with no sourced role, an edited article text."""

from __future__ import annotations

import hashlib
from typing import assert_never

from quizgen.errors import Problem
from quizgen.load.corpus_files import CorpusFiles
from quizgen.model.article import Article
from quizgen.model.facts import (
    ClaimFact,
    EventFact,
    QuantityFact,
    QuotationFact,
    RoleFact,
)
from quizgen.model.quote_search import contains_words, normalise_for_matching

# The first printed newspapers are of the early 1600s. The site's sitemap is dated by the latest
# article, and its timestamp (a gzip header) holds no date past 7 February 2106.
EARLIEST_PUBLISHED = "1600-01-01"
LATEST_PUBLISHED = "2100-12-31"
# Wrong dates for a question are the answer shifted by a few years, months or days.
EARLIEST_EVENT_YEAR = 10
LATEST_EVENT_YEAR = 9989
HASHED_TEXT = ("the text after the front matter without its fence lines, in Unicode NFC, line ends \\n, white space at its end "
               "dropped and one final newline (white space at the end of each line counts)")


def canonical_published_text(text: str) -> str:
    """The text ``source_sha256`` is taken of: line ends ``\\n``, white space at the end of the text
    dropped (not at the end of each line), one final newline."""
    return text.rstrip() + "\n"


def published_sha256(text: str) -> str:
    return hashlib.sha256(canonical_published_text(text).encode("utf-8")).hexdigest()


def check_consistency(files: CorpusFiles, articles: dict[str, Article]) -> list[Problem]:
    problems: list[Problem] = []
    for loaded in files.articles:
        expected = loaded.model.source_sha256
        if expected and loaded.model.id in articles:
            found = published_sha256(articles[loaded.model.id].published_text)
            if found != expected:
                problems.append(loaded.problem(("source_sha256",), f"expected the published text to have SHA-256 {expected}, found {found}; the hash is taken of {HASHED_TEXT}: if the text is as published, `quizgen check --fix-hashes` records the new hash"))
        published = loaded.model.published
        if not EARLIEST_PUBLISHED <= published.iso <= LATEST_PUBLISHED:
            problems.append(loaded.problem(("published",), f"expected a publication date from {EARLIEST_PUBLISHED} to {LATEST_PUBLISHED}, "
                                                           f"found {published.iso}; is the year mistyped?"))
    people_with_roles: set[str] = set()
    sources_by_fact = {fact.id: fact.sources for facts_file in files.facts for fact in facts_file.model.facts}
    facts_by_id = {fact.id: fact for facts_file in files.facts for fact in facts_file.model.facts}
    for facts_file in files.facts:
        for index, fact in enumerate(facts_file.model.facts):
            path = ("facts", index)
            quotes = [normalise_for_matching(s.quote) for s in fact.sources]
            if fact.false_statement and normalise_for_matching(fact.false_statement) == normalise_for_matching(fact.statement):
                problems.append(facts_file.problem(path + ("false_statement",), "expected a false statement that differs from the statement, found the same text"))
            problems.extend(_check_curated(facts_file, path, fact, sources_by_fact, files))
            match fact:
                case RoleFact():
                    people_with_roles.add(fact.person)
                case QuotationFact():
                    if not any(contains_words(quote, normalise_for_matching(fact.text)) for quote in quotes):
                        problems.append(facts_file.problem(path + ("text",), "expected the quotation's text within one of the fact's source quotes, found it in none"))
                case QuantityFact():
                    problems.extend(_check_figures(facts_file, path, fact.value, fact.distractors))
                    problems.extend(_check_distractors(facts_file, path, fact.distractors, fact.value, lambda v: f"{v:g}"))
                case EventFact():
                    problems.extend(_check_distractors(facts_file, path, fact.distractors, fact.date, lambda d: d.iso))
                    problems.extend(_check_order_with(facts_file, path, fact, facts_by_id, files))
                    for where, date in [(("date",), fact.date)] + [(("distractors", j), d) for j, d in enumerate(fact.distractors)]:
                        if not EARLIEST_EVENT_YEAR <= date.year <= LATEST_EVENT_YEAR:
                            problems.append(facts_file.problem(path + where, f"expected an event year from {EARLIEST_EVENT_YEAR:04d} to {LATEST_EVENT_YEAR}, "
                                                                             f"so that wrong dates a few years either side are real years too, found {date.iso}"))
                    for j, date in enumerate(fact.distractors):
                        if date.precision != fact.date.precision:
                            problems.append(facts_file.problem(path + ("distractors", j), f"expected a distractor date to the {fact.date.precision}, like the answer {fact.date.iso}, found {date.iso}"))
                case ClaimFact():
                    pass  # a claim has no fields of its own to check against the others
                case _:
                    assert_never(fact)
    people = files.registries.get("people.yaml")
    if people is not None:
        for index, person in enumerate(people.model.people):
            if "facts" not in files.failed and person.id not in people_with_roles:
                problems.append(people.problem(("people", index, "id"), f"expected a role fact (kind: role, person: {person.id}) that sources this person's role, found none"))
            for j, spelling in enumerate(person.spellings):
                for k, source in enumerate(spelling.sources):
                    if not contains_words(normalise_for_matching(source.quote), normalise_for_matching(spelling.name)):
                        problems.append(people.problem(("people", index, "spellings", j, "sources", k, "quote"), f"expected the quote to show the spelling '{spelling.name}', found a quote without it"))
    return problems


# Figures are printed in full (`1,000,000,000,000`) and wrong options are made by arithmetic on
# them: past 10^15 a float no longer holds every whole number (2^53 is about 9.007e15) and the
# arithmetic overflows long before 1e308; below 0.0001 a figure prints in scientific notation.
LARGEST_FIGURE = 1e15
SMALLEST_FIGURE = 1e-4


def _check_figures(file, path, value, distractors) -> list[Problem]:  # type: ignore[no-untyped-def]  # untyped: raw values of facts of every kind, read by attribute
    problems = []
    for where, figure in [(("value",), value)] + [(("distractors", j), d) for j, d in enumerate(distractors)]:
        if abs(figure) >= LARGEST_FIGURE:
            problems.append(file.problem(path + where, f"expected a figure smaller than 1,000,000,000,000,000 (10^15), found {figure:g}; "
                                                       "write large amounts in a larger unit (`3.2` with unit `trillion dollars`)"))
        elif figure and abs(figure) < SMALLEST_FIGURE:
            problems.append(file.problem(path + where, f"expected a figure of at least 0.0001 (or 0), found {figure:g}; "
                                                       "write small amounts in a smaller unit (`3` with unit `micrograms`)"))
    return problems


def _check_curated(facts_file, path, fact, facts_by_id: dict, files: CorpusFiles) -> list[Problem]:  # type: ignore[no-untyped-def,type-arg]  # untyped: raw values of facts of every kind, read by attribute
    """Curated false versions and questions: a false version is not the statement; an answer is
    not among its wrong options; wrong options differ; cited facts exist."""
    problems: list[Problem] = []
    statement = normalise_for_matching(fact.statement).casefold()
    for j, version in enumerate(fact.false_versions):
        if normalise_for_matching(version.statement).casefold() == statement:
            problems.append(facts_file.problem(path + ("false_versions", j, "statement"), "expected a false version that differs from the statement, found the same text"))
    for j, question in enumerate(fact.questions):
        answer = normalise_for_matching(question.answer).casefold()
        seen: set[str] = set()
        for k, wrong in enumerate(question.wrong):
            key = normalise_for_matching(wrong.text).casefold()
            if key == answer:
                problems.append(facts_file.problem(path + ("questions", j, "wrong", k, "text"), f"expected a wrong option other than the answer, found the answer '{question.answer}'"))
            elif key in seen:
                problems.append(facts_file.problem(path + ("questions", j, "wrong", k, "text"), f"expected wrong options that differ, found '{wrong.text}' twice"))
            seen.add(key)
        cited = {s.article for s in fact.sources} | {s.article for f in question.cites for s in facts_by_id.get(f, ())}
        unloaded = any(f not in facts_by_id and files.may_define("fact", f) for f in question.cites)
        for k, article in enumerate(question.articles if not unloaded else ()):  # a cited fact that did not load may cite it
            if article not in cited:
                problems.append(facts_file.problem(path + ("questions", j, "articles", k), f"expected an article the question's facts cite ({', '.join(sorted(cited))}), found '{article}'"))
        for k, other in enumerate(question.cites):
            if other not in facts_by_id and files.may_define("fact", other):
                continue  # it may be a fact that did not load
            if other not in facts_by_id:
                problems.append(facts_file.problem(path + ("questions", j, "cites", k), f"expected the id of a fact, found '{other}', which no fact has"))
            elif other == fact.id:
                problems.append(facts_file.problem(path + ("questions", j, "cites", k), f"expected another fact's id, found this fact's own id '{other}'"))
    return problems


ORDER_WITH_COUNTS = (2, 5)  # other events: an ordering item of three to six


def _check_order_with(facts_file, path, event: EventFact, facts_by_id: dict, files: CorpusFiles) -> list[Problem]:  # type: ignore[no-untyped-def,type-arg]  # untyped: raw facts of every kind, by id
    """A curated ordering item: events that happened, each once, with dates a student can order."""
    if not event.order_with:
        return []
    where = path + ("order_with",)
    fewest, most = ORDER_WITH_COUNTS
    if event.importance == "detail":
        return [facts_file.problem(where, "expected order_with on an event of importance core or supporting, found importance detail (a detail fact is never what a question is about)")]
    if event.planned:
        return [facts_file.problem(where, "expected order_with on an event that happened, found it on a planned one")]
    if not fewest <= len(event.order_with) <= most:
        return [facts_file.problem(where, f"expected {fewest} to {most} other events to put in order with this one, found {len(event.order_with)}")]
    problems: list[Problem] = []
    placed: list[EventFact] = [event]
    for k, other_id in enumerate(event.order_with):
        other = facts_by_id.get(other_id)
        if other is None:
            if not files.may_define("fact", other_id):
                problems.append(facts_file.problem(where + (k,), f"expected the id of an event, found '{other_id}', which no fact has"))
        elif other_id == event.id or other_id in event.order_with[:k]:
            problems.append(facts_file.problem(where + (k,), f"expected each event once, found '{other_id}' again"))
        elif not isinstance(other, EventFact):
            problems.append(facts_file.problem(where + (k,), f"expected the id of an event, found '{other_id}', a {other.kind} fact"))
        elif other.planned:
            problems.append(facts_file.problem(where + (k,), f"expected an event that happened, found '{other_id}', which is planned"))
        else:
            clash = next((p for p in placed if not p.date.in_definite_order_with(other.date)), None)
            if clash is not None:
                problems.append(facts_file.problem(where + (k,), f"expected dates in a definite order, found '{other_id}' ({other.date.iso}) "
                                                                 f"beside '{clash.id}' ({clash.date.iso}): neither date is surely before the other"))
            placed.append(other)
    return problems


def _check_distractors(file, path, distractors, answer, show) -> list[Problem]:  # type: ignore[no-untyped-def]  # untyped: raw values of facts of every kind, read by attribute
    problems, seen = [], set()
    for j, distractor in enumerate(distractors):
        if distractor == answer:
            problems.append(file.problem(path + ("distractors", j), f"expected a wrong answer, found {show(distractor)}, which is the answer itself"))
        elif distractor in seen:
            problems.append(file.problem(path + ("distractors", j), f"expected different distractors, found {show(distractor)} twice"))
        seen.add(distractor)
    return problems
