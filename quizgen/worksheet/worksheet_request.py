"""What a user asks for (`quizgen worksheet` options) → a checked request → the worksheet's HTML.

``build_worksheet`` is pure: the corpus, the bank and a request in, a ``WorksheetDocument`` out;
a request that cannot be met raises ``UsageError`` with what was expected and what was found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import UsageError
from quizgen.generate.families_cloze import CLOZE_FAMILIES
from quizgen.generate.families_matching import MATCHING_FAMILIES
from quizgen.generate.families_numeric import NUMERIC_FAMILIES
from quizgen.generate.question_bank import QuestionBank
from quizgen.generate.question_filters import did_you_mean, unknown_filter_values
from quizgen.generate.question_model import Question, stable_hash
from quizgen.generate.question_selection import DIFFICULTIES, QuestionCriteria
from quizgen.model.corpus import Corpus
from quizgen.model.facts import Term
from quizgen.model.kinds import QuestionKind
from quizgen.render.environment import counted
from quizgen.worksheet.glossary_worksheet import render_glossary_worksheet
from quizgen.worksheet.handout import render_reading_handout
from quizgen.worksheet.sheet_rules import select_sheet_questions
from quizgen.worksheet.variants import MAX_VARIANTS, make_variant, variant_letters
from quizgen.worksheet.worksheet_html import (
    COPIES,
    PAPER_SIZES,
    PageSetup,
    check_copy,
    html_environment,
    render_question_worksheet,
)

WORKSHEET_TYPES = ("questions", "glossary", "handout")
DEFAULT_COUNTS: dict[str, int | None] = {"questions": 20, "handout": 10, "glossary": None}
"""How many questions (terms) a sheet holds when ``count`` is not given; None for all that match."""


@dataclass(frozen=True)
class WorksheetRequest:
    """The options of `quizgen worksheet`. Empty tuples mean "any"."""

    type: str = "questions"
    """`questions`, `glossary` (match terms to definitions) or `handout` (one article's reading handout)."""
    articles: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    """Question kinds or families (`figure`, `acronym`, ...); not for glossary worksheets."""
    difficulties: tuple[str, ...] = ()
    count: int | None = None
    """How many questions (glossary: terms); None for the type's default (``DEFAULT_COUNTS``)."""
    variants: int = 1
    seed: str = ""
    paper: str = "a4"
    title: str | None = None
    """The sheet's title; None for one made from what the sheet covers."""


@dataclass(frozen=True)
class PrintedFile:
    """One PDF to be: one copy of a sheet, as HTML ready for ``render_pdf``."""

    uri: str
    """Where it goes: `teachers/worksheet-<article-id>-student.pdf`."""
    copy: str
    """`student`, `key` or `teacher` (``COPIES``)."""
    title: str
    description: str
    html: str


COPY_NAMES = {"student": "student copy", "key": "answer key", "teacher": "teacher's copy (questions and key)"}


def copy_uri(uri: str, copy: str) -> str:
    """The file of ``copy`` beside ``uri``: `teachers/handout-x.pdf` → `teachers/handout-x-key.pdf`."""
    stem, dot, suffix = uri.rpartition(".")
    return f"{stem}-{copy}.{suffix}" if dot else f"{uri}-{copy}"


@dataclass(frozen=True)
class WorksheetDocument:
    """A printable sheet in its three copies, each as HTML ready for ``render_pdf``."""

    uri: str
    """The name the copies are named after: `teachers/worksheet-<article-id>.pdf` gives
    `…-student.pdf`, `…-key.pdf` and `…-teacher.pdf` (``files``)."""
    title: str
    description: str
    """One line for a list of downloads: what the sheet holds."""
    student_html: str
    """The questions of every variant, and no word of a key: the copy to hand out."""
    key_html: str
    """The answer key of every variant, with explanations and sources."""
    teacher_html: str
    """Each variant's questions, then its key on pages of their own."""

    @property
    def html(self) -> str:
        """The teacher's copy: everything the sheet prints. Hand students ``student_html`` only."""
        return self.teacher_html

    def copy_html(self, copy: str) -> str:
        return {"student": self.student_html, "key": self.key_html, "teacher": self.teacher_html}[check_copy(copy)]

    def files(self) -> tuple[PrintedFile, ...]:
        """The three copies, in the order of ``COPIES``."""
        return tuple(PrintedFile(copy_uri(self.uri, copy), copy, self.title, self.description, self.copy_html(copy)) for copy in COPIES)


def _unknown(what: str, given: tuple[str, ...], known: list[str]) -> list[str]:
    return [f"unknown {what} '{value}'{did_you_mean(value, known)}; expected one of: {', '.join(known)}"
            for value in given if value not in known]


_FILTER_NAMES = {"articles": "article", "topics": "topic", "kinds": "question kind"}
"""How a refusal names what each filter holds."""


def check_request(corpus: Corpus, request: WorksheetRequest) -> None:
    """Raise ``UsageError`` listing every option that cannot be met."""
    problems = []
    if request.type not in WORKSHEET_TYPES:
        problems.append(f"unknown worksheet type '{request.type}'; expected one of: {', '.join(WORKSHEET_TYPES)}")
    for found in unknown_filter_values(corpus, request.articles, request.topics, request.kinds):
        problems += _unknown(_FILTER_NAMES[found.filter], found.unknown, list(found.known))
    problems += _unknown("difficulty", request.difficulties, list(DIFFICULTIES))
    if request.paper not in PAPER_SIZES:
        problems.append(f"unknown paper '{request.paper}'; expected one of: {', '.join(PAPER_SIZES)}")
    if request.count is not None and request.count < 1:
        problems.append(f"expected a count of at least 1, found {request.count}")
    if not 1 <= request.variants <= MAX_VARIANTS:
        problems.append(f"expected 1 to {MAX_VARIANTS} variants, found {request.variants}")
    if request.type == "handout" and len(request.articles) != 1:
        problems.append(f"a reading handout is about one article: expected exactly one --articles ID, found {len(request.articles)}")
    if request.type == "glossary" and (request.kinds or request.difficulties):
        problems.append("a glossary worksheet matches terms to definitions: --kinds and --difficulty apply to questions only")
    if problems:
        raise UsageError("; ".join(problems))


def _criteria(request: WorksheetRequest) -> QuestionCriteria:
    count = request.count if request.count is not None else DEFAULT_COUNTS[request.type]
    return QuestionCriteria(articles=request.articles, topics=request.topics, kinds=request.kinds,
                            difficulties=request.difficulties, count=count, seed=request.seed)


def select_terms(corpus: Corpus, request: WorksheetRequest) -> tuple[Term, ...]:
    """Glossary terms citing one of ``articles`` and having one of ``topics``; a seeded sample of ``count``."""
    terms = [t for t in corpus.terms
             if (not request.articles or any(s.article in request.articles for s in t.sources))
             and (not request.topics or any(topic in request.topics for topic in t.topics))]
    if request.count is not None and request.count < len(terms):
        chosen = {t.id for t in sorted(terms, key=lambda t: stable_hash("select", request.seed, t.id))[: request.count]}
        terms = [t for t in terms if t.id in chosen]
    return tuple(terms)


def _covers(corpus: Corpus, request: WorksheetRequest) -> str:
    """What the sheet is about, in words: the articles, else the topics, else the corpus."""
    if request.articles:
        return "; ".join(f"“{corpus.article(a).meta.headline}” ({corpus.outlet_of(a).name}, {corpus.article(a).meta.published.display})"
                         for a in request.articles)
    if request.topics:
        return "; ".join(corpus.topic(t).title for t in request.topics)
    return corpus.info.title


def _short_title(corpus: Corpus, request: WorksheetRequest) -> str:
    if len(request.articles) == 1:
        meta = corpus.article(request.articles[0]).meta
        return f"{corpus.outlet(meta.outlet).name}, {meta.published.display}"
    if len(request.topics) == 1 and not request.articles:
        return corpus.topic(request.topics[0]).title
    return corpus.info.title


def _no_match(request: WorksheetRequest, what: str) -> UsageError:
    chosen = [f"--{name} {' '.join(values)}" for name, values in
              (("articles", request.articles), ("topics", request.topics), ("kinds", request.kinds), ("difficulty", request.difficulties)) if values]
    return UsageError(f"no {what} matches {' '.join(chosen) or 'the corpus'}; expected at least one")


def build_worksheet(corpus: Corpus, bank: QuestionBank, request: WorksheetRequest, uri: str = "worksheet.pdf",
                    template_dirs: tuple[Path, ...] = ()) -> WorksheetDocument:
    """The document ``request`` asks for. Raises ``UsageError`` when it cannot be made."""
    check_request(corpus, request)
    env = html_environment(template_dirs)
    letters = variant_letters(request.variants)
    covers = _covers(corpus, request)
    in_variants = f", in {len(letters)} variants" if len(letters) > 1 else ""

    def document(title: str, description: str, render: Callable[[str], str]) -> WorksheetDocument:
        return WorksheetDocument(uri, title, description, *(render(copy) for copy in COPIES))

    if request.type == "glossary":
        terms = select_terms(corpus, request)
        if not terms:
            raise _no_match(request, "glossary term")
        title = request.title or f"Glossary worksheet: {covers}"
        setup = PageSetup(title, f"Match {counted(len(terms), 'term')} to their definitions.", request.paper, corpus.info.language)
        return document(title, f"Match {counted(len(terms), 'term')} to their definitions{in_variants}.",
                        lambda copy: render_glossary_worksheet(corpus, terms, letters, request.seed, setup, env, copy))
    candidates = bank.candidates(request.articles, request.topics)
    # Numeric and matching items are asked for by kind only, so the default sheets stay as they were.
    if any(kind in (QuestionKind.NUMERIC, *NUMERIC_FAMILIES) for kind in request.kinds):
        candidates += bank.numeric
    if any(kind in (QuestionKind.MATCHING, *MATCHING_FAMILIES) for kind in request.kinds):
        candidates += bank.matching
    if any(kind in (QuestionKind.CLOZE, *CLOZE_FAMILIES) for kind in request.kinds):
        candidates += bank.cloze
    questions: tuple[Question, ...] = select_sheet_questions(candidates, _criteria(request))
    if not questions:
        raise _no_match(request, "question")
    variants = [(letter, make_variant(questions, request.seed, letter)) for letter in letters]
    described = counted(len(questions), "question")
    if request.type == "handout":
        article = corpus.article(request.articles[0])
        meta = article.meta
        title = request.title or f"Reading handout: {corpus.outlet(meta.outlet).name}, {meta.published.display}"
        handout_setup = PageSetup(title, "", request.paper, corpus.info.language)
        return document(title, f"Summary of “{meta.headline}” and {described}{in_variants}.",
                        lambda copy: render_reading_handout(corpus, article, variants, handout_setup, env, copy))
    title = request.title or f"Worksheet: {_short_title(corpus, request)}"
    sheet_setup = PageSetup(title, f"{counted(len(questions), 'question')} on {covers}", request.paper, corpus.info.language)
    return document(title, f"{described} on {covers}{in_variants}.",
                    lambda copy: render_question_worksheet(corpus, variants, sheet_setup, env, copy))
