"""Checks on `briefing.yaml`: every curated sentence rests on facts that exist and say what it says.

What can be checked mechanically is checked: each cited fact exists (and, in an article summary,
is supported by that article); words in double quotes are words the source itself quotes (inside
quotation marks in a cited quote, or the quoted `text` of a cited quotation fact: a reporter's
paraphrase is not someone's words, and neither is the curator's statement); every number is in a
cited quote, statement or date; a named relation's connective is in the text; a sentence about
another time than the main events names that time; no fact is told twice; the word limits hold;
no sentence of the briefing, the timeline or the sources page rests only on a copy (an outlet of
kind `copy` republishes another's text: what only it says is unconfirmed, so it is told only in
the copy's own summary and lines, never as the briefing's claim).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any, Iterator, Protocol, assert_never

from quizgen.errors import Problem
from quizgen.load.corpus_files import CorpusFiles, LoadedFile
from quizgen.load.yaml_tree import DataPath
from quizgen.model.article import Article
from quizgen.model.facts import (
    AnyFact,
    ClaimFact,
    EventFact,
    QuantityFact,
    QuotationFact,
    RoleFact,
    fact_date,
)
from quizgen.model.field_types import PartialDate
from quizgen.model.quote_search import normalise_for_matching
from quizgen.model.readability import word_count
from quizgen.model.story import KEY_POINT_WORDS, PROSE_WORDS, Story, StorySentence

STORY_FILE = "briefing.yaml"
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
_NUMBER = re.compile(r"[0-9][0-9,.]*[0-9]|[0-9]")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _fact_texts(fact: AnyFact) -> list[str]:
    """What a fact says in words: its quotes, its statement and the fields of its kind."""
    texts = [s.quote for s in fact.sources] + [fact.statement]
    match fact:
        case QuantityFact():
            return texts + [str(fact.value)]
        case RoleFact():
            return texts + [fact.role]
        case EventFact():
            return texts + [fact.title]
        case QuotationFact():
            return texts + [fact.text]
        case ClaimFact():
            return texts + [fact.claim]
        case _:
            assert_never(fact)


_QUOTED_IN_SOURCE = re.compile(r"[\"\u201c\u2018]([^\"\u201c\u201d\u2018\u2019]+)(?:[\"\u201d\u2019]|$)")


def verbatim_words(fact: AnyFact) -> list[str]:
    """What the sources put in someone's mouth: the spans inside quotation marks in a fact's quotes
    (a quote that opens a quotation and stops before its end runs to the quote's end), and the
    `text` of a quotation fact. A paraphrase ("said that the town still needs ...") is not among them."""
    spans = [span for s in fact.sources for span in _QUOTED_IN_SOURCE.findall(s.quote)]
    return spans + ([fact.text] if isinstance(fact, QuotationFact) else [])


def fact_time(fact: AnyFact, articles: dict[str, Article]) -> PartialDate | None:
    """When a fact is about: its date, else its `as_of`, else the earliest article that reports it."""
    own = fact_date(fact)
    if own is not None:
        return own
    published = [articles[s.article].meta.published for s in fact.sources if s.article in articles]
    return min(published) if published else None


def _names_time(text: str, when: PartialDate, main: PartialDate) -> bool:
    """Whether ``text`` says when, as far as the reader needs it: the year if it is not the main
    events' year, the month if it is the same year but another month."""
    if when.year != main.year:
        return str(when.year) in text
    if when.month and main.month and when.month != main.month:
        return _MONTHS[when.month - 1] in text or (when.month == 12 and f"end of {when.year}" in text)
    return True


def _date_numbers(when: PartialDate | None) -> set[str]:
    return {str(n) for n in (when.year, when.month, when.day) if n} if when else set()


class _CuratedLine(Protocol):
    """What the checks read of a curated sentence, a difference or a note: its text and the facts it rests on."""

    @property
    def text(self) -> str: ...

    @property
    def facts(self) -> list[str]: ...


class _StoryChecker:
    def __init__(self, file: LoadedFile[Any], facts: dict[str, AnyFact], articles: dict[str, Article], check_facts: bool,
                 copies: frozenset[str] = frozenset(), article_may_exist: Callable[[str], bool] = lambda _: False) -> None:
        self.file, self.facts, self.articles, self.check_facts = file, facts, articles, check_facts
        self.article_may_exist = article_may_exist
        """Whether an unknown article id may be one whose file did not load (already reported)."""
        self.copies = copies
        """The ids of the articles that copies (outlets of kind `copy`) publish."""
        self.story: Story = file.model.story
        self.problems: list[Problem] = []
        self.told: dict[str, DataPath] = {}
        self.texts: dict[str, DataPath] = {}

    def problem(self, path: DataPath, message: str) -> None:
        self.problems.append(self.file.problem(path, message))

    def where(self, path: DataPath) -> str:
        return f"line {self.file.doc.mark_of(path).line}"

    def known(self, path: DataPath, fact_id: str) -> AnyFact | None:
        fact = self.facts.get(fact_id)
        if fact is None and self.check_facts:
            close = difflib.get_close_matches(fact_id, list(self.facts), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.problem(path, f"expected the id of a fact, found '{fact_id}', which no fact has{hint}")
        return fact

    def sentence(self, path: DataPath, sentence: _CuratedLine, previous: str = "", *, once: bool = True,
                 article: str | None = None, dated: bool = True) -> None:
        """Check one sentence; ``previous`` is the sentence before it (a date there covers this one)."""
        main = self.articles[article].meta.published if article else self.story.main_period
        cited = [f for i, fid in enumerate(sentence.facts) if (f := self.known(path + ("facts", i), fid)) is not None]
        if len(cited) < len(sentence.facts):
            return
        text = sentence.text
        if article not in self.copies and not any(s.article not in self.copies for f in cited for s in f.sources):
            self.problem(path + ("facts",), f"expected a sentence that an outlet's article supports, found facts that only a "
                                            f"copy gives ({', '.join(sentence.facts)}): what only a copy says is unconfirmed")
        if once:  # key points and article summaries may repeat what the prose says: they summarise it
            if text in self.texts:
                self.problem(path + ("text",), f"expected each sentence once, found this one already at {self.where(self.texts[text])}")
            self.texts.setdefault(text, path + ("text",))
        said = [normalise_for_matching(t) for f in cited for t in verbatim_words(f)]
        for quoted in _QUOTED.findall(text):
            if not any(normalise_for_matching(quoted) in t for t in said):
                self.problem(path + ("text",), f"expected the quoted words \"{quoted}\" inside quotation marks in a quote of the "
                                               f"cited facts ({', '.join(sentence.facts)}), found them in none (a paraphrase "
                                               f"takes no quotation marks)")
        numbers = set().union(*(set(_NUMBER.findall(t)) | _date_numbers(fact_time(f, self.articles)) for f, t in
                                ((f, " ".join(_fact_texts(f))) for f in cited)))
        for number in _NUMBER.findall(text):
            if number not in numbers:
                self.problem(path + ("text",), f"expected each number in the sentence in its cited facts (their quotes, statements "
                                               f"or dates), found '{number}' in none of them")
        relation = getattr(sentence, "relation", None)
        if relation and not re.search(rf"\b{relation}\b", text, re.IGNORECASE):
            self.problem(path + ("relation",), f"expected the connective '{relation}' in the sentence's text, found "
                                               f"'{text[:50]}'")
        for i, fact in enumerate(cited):
            when = fact_time(fact, self.articles)
            if dated and when and not (_names_time(text, when, main) or _names_time(previous, when, main)):
                self.problem(path + ("facts", i), f"expected the sentence to say when (fact '{fact.id}' is from {when.display}, "
                                                  f"{'the article' if article else 'the main events'} from {main.display}), found no such date in it")
            if article and article not in {s.article for s in fact.sources}:
                self.problem(path + ("facts", i), f"expected facts from article '{article}' only, found '{fact.id}', "
                                                  f"which it does not report")
            if once:
                first = self.told.get(fact.id)
                if first is not None:
                    self.problem(path + ("facts", i), f"expected each fact told once in the briefing, found '{fact.id}' "
                                                      f"already told at {self.where(first)}")
                self.told.setdefault(fact.id, path + ("facts", i))

    def run(self) -> list[Problem]:
        story, base = self.story, ("story",)
        for i, point in enumerate(story.key_points):  # a date in the key point above covers this one, as in prose
            self.sentence(base + ("key_points", i), point, story.key_points[i - 1].text if i else "", once=False)
        points = sum(word_count(p.text) for p in story.key_points)
        if points > KEY_POINT_WORDS:
            self.problem(base + ("key_points",), f"expected key points of at most {KEY_POINT_WORDS} words together, found {points}")
        for p, paragraph in enumerate(story.paragraphs):
            previous = ""
            for s, sentence in enumerate(paragraph.sentences):
                self.sentence(base + ("paragraphs", p, "sentences", s), sentence, previous)
                previous = sentence.text
        prose = sum(word_count(s.text) for par in story.paragraphs for s in par.sentences)
        if prose > PROSE_WORDS:
            self.problem(base + ("paragraphs",), f"expected prose of at most {PROSE_WORDS} words, found {prose}")
        for d, difference in enumerate(story.differences):
            self.sentence(base + ("differences", d), difference)
        for n, note in enumerate(story.difference_notes):
            path = base + ("difference_notes", n)
            first, second = (self.known(path + ("facts", i), fid) for i, fid in enumerate(note.facts))
            if first is not None and second is not None and second.id not in first.differs_from and first.id not in second.differs_from:
                self.problem(path + ("facts",), f"expected two facts that differ (one lists the other in differs_from), found "
                                                f"'{first.id}' and '{second.id}'")
            self.sentence(path, note, once=False, dated=False)
        for h, headline_note in enumerate(story.headline_notes):
            path = base + ("headline_notes", h)
            if headline_note.article not in self.articles:
                if not self.article_may_exist(headline_note.article):
                    self.problem(path + ("article",), f"expected the id of an article, found '{headline_note.article}'")
                continue
            self.sentence(path, headline_note, once=False, article=headline_note.article, dated=False)
        for a, summary in enumerate(story.article_summaries):
            path = base + ("article_summaries", a)
            if summary.article not in self.articles:
                if not self.article_may_exist(summary.article):
                    self.problem(path + ("article",), f"expected the id of an article, found '{summary.article}'")
                continue
            previous = ""
            for s, sentence in enumerate(summary.sentences):
                self.sentence(path + ("sentences", s), sentence, previous, once=False, article=summary.article)
                previous = sentence.text
        if story.sources_lead is not None:
            self.sentence(base + ("sources_lead",), story.sources_lead, once=False, dated=False)
        for a, line in enumerate(story.agree):
            path = base + ("agree", a)
            self.sentence(path, line, once=False, dated=False)
            facts = [self.facts[f] for f in line.facts if f in self.facts]
            outlets = {self.articles[s.article].meta.outlet for f in facts for s in f.sources if s.article in self.articles}
            if len(facts) == len(line.facts) and len(outlets) < 2:
                self.problem(path + ("facts",), f"expected facts that two or more outlets report, found {len(outlets)}")
        for d, difference in enumerate(story.compare):
            path = base + ("compare", d)
            if difference.kind not in ("disagreement", "framing"):
                self.problem(path + ("kind",), f"expected 'disagreement' or 'framing' (the sources page lists changes over time "
                                               f"and corrections apart), found '{difference.kind}'")
            self.sentence(path, difference, once=False, dated=False)  # a difference is checked like a sentence
        self._timeline(base + ("timeline",))
        return self.problems

    def _timeline(self, path: DataPath) -> None:
        curation = self.story.timeline
        for fact_id, title in curation.titles.items():  # the line shows the date: a heading need not say it
            fact = self.known(path + ("titles", fact_id), fact_id)
            if fact is not None and fact.kind != "event":
                self.problem(path + ("titles", fact_id), f"expected the id of an event fact, found '{fact_id}', a {fact.kind} fact")
            elif fact is not None:
                self.sentence(path + ("titles", fact_id), StorySentence(text=title, facts=[fact_id]), once=False, dated=False)
        added = set()
        for i, addition in enumerate(curation.added):
            where = path + ("added", i)
            fact = self.known(where + ("fact",), addition.fact)
            if fact is None:
                continue
            added.add(fact.id)
            own = fact_time(fact, self.articles)
            # a fact that only its article dates may stand at that article's month: the day is the
            # report's, not the event's
            reported = fact_date(fact) is None
            if addition.date and own and not (_within(addition.date, own) or (reported and addition.date.day is None
                                                                                 and _within(own, addition.date))):
                self.problem(where + ("date",), f"expected a date within the fact's own ({own.display}), found {addition.date.display}")
            elif own is None and addition.date is None:
                self.problem(where + ("fact",), f"expected a dated fact, found '{fact.id}' with no date")
            self.sentence(where, StorySentence(text=addition.title, facts=[fact.id]), once=False, dated=False)
        if curation.closing is not None:
            self.sentence(path + ("closing",), curation.closing, once=False, dated=False)
        groups: Iterator[tuple[DataPath, list[str]]] = iter([(("sequence",), curation.sequence), (("hinted",), curation.hinted),
                                                         (("left_out",), curation.left_out),
                                                         *((("same_event", g), ids) for g, ids in enumerate(curation.same_event))])
        for where, ids in groups:
            for i, fact_id in enumerate(ids):
                fact = self.known(path + where + (i,), fact_id)
                if fact is not None and fact.kind != "event" and fact_id not in added:
                    self.problem(path + where + (i,), f"expected the id of an event fact, found '{fact_id}', a {fact.kind} fact")


def _within(narrow: PartialDate, wide: PartialDate) -> bool:
    return all(w is None or n == w for n, w in ((narrow.year, wide.year), (narrow.month, wide.month), (narrow.day, wide.day)))


def check_story(files: CorpusFiles, articles: dict[str, Article]) -> list[Problem]:
    """Every problem in `briefing.yaml`, if the corpus has one (see the module docstring)."""
    file = files.registries.get(STORY_FILE)
    if file is None:
        return []
    facts = {fact.id: fact for loaded in files.facts for fact in loaded.model.facts}
    outlets = files.registries.get("outlets.yaml")
    copy_outlets = {o.id for o in outlets.model.outlets if o.kind == "copy"} if outlets is not None else set()
    copies = frozenset(a.id for a in articles.values() if a.meta.outlet in copy_outlets)
    return _StoryChecker(file, facts, articles, "facts" not in files.failed, copies,
                         lambda article_id: files.may_define("article", article_id)).run()
