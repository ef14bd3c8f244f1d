"""Questions as generators produce them, before and after their options are put in order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import assert_never

from quizgen.model.facts import Source
from quizgen.model.kinds import QuestionKind
from quizgen.model.quote_search import normalise_for_matching


def stable_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1 << 16)  # pure, and asked for every citation of every question on every page
def quote_anchor(quote: str) -> str:
    """The anchor of a quoted passage on its article page: the same quote, the same anchor."""
    return "quote-" + stable_hash(normalise_for_matching(quote))[:10]


@lru_cache(maxsize=1 << 18)  # every option of every question, several times: 1,000 articles have 150,000
def answer_key(text: str) -> str:
    """How answers are compared: case, spacing and typography do not make two answers differ."""
    return normalise_for_matching(text).casefold().strip(" .")


def singular_key(text: str) -> str:
    """``answer_key`` without plural -s endings: two options that differ only by one are the same
    answer to a student (`Popular Mobilization Force` and `Popular Mobilization Forces`)."""
    return " ".join(word.removesuffix("s") for word in answer_key(text).split())


@dataclass(frozen=True)
class Citation:
    """A source of a question: the article and the quote, with the quote's anchor on the article page."""

    article: str
    quote: str

    @cached_property  # asked for on every page the question is on
    def anchor(self) -> str:
        return quote_anchor(self.quote)


PlainType = str
"""What an option is, when a name says it all: `person`, `organisation`, `role`, `outlet`, `event`,
`expansion`, `term`, `truth`, `number`, `year`, `matching`."""


@dataclass(frozen=True)
class NumberType:
    """A figure: options of one question count the same thing (``unit``, as ``answer_key`` has it)
    at the same scale (``number_scale``: 2,000 and 3,000 are of one, 20 and 2,000 are not)."""

    unit: str
    scale: int

    def __str__(self) -> str:
        return f"number:{self.unit}:{self.scale}"


@dataclass(frozen=True)
class DateType:
    """A date to the day, month or year (``PartialDate.precision``)."""

    precision: str

    def __str__(self) -> str:
        return f"date:{self.precision}"


@dataclass(frozen=True)
class CuratedType:
    """The options of one curated question (``index`` among its fact's ``questions``), whatever they are."""

    fact_id: str
    index: int

    def __str__(self) -> str:
        return f"curated:{self.fact_id}:{self.index}"


OptionType = PlainType | NumberType | DateType | CuratedType
"""What an option is: every option of a question is of one type (``item_rules``)."""


def citations_from(sources: Iterable[Source]) -> tuple[Citation, ...]:
    """A citation for each source of a fact, a term or a spelling, in the sources' order."""
    return tuple(Citation(s.article, s.quote) for s in sources)


@dataclass(frozen=True)
class Option:
    """A possible answer. ``type`` says what it is (`"person"`, ``DateType("month")``,
    ``NumberType("us troops", 3)``, ...); ``note`` is feedback for a student who chooses it, where
    the facts allow it."""

    text: str
    type: OptionType
    note: str | None = None


@dataclass(frozen=True)
class NumericAnswer:
    """The answer of a numeric item: a number, the margin either side that still counts as right
    (0 for an exact figure or a year), the unit the stem asks for, and the answer as shown."""

    value: float
    tolerance: float
    unit: str
    display: str


@dataclass(frozen=True)
class DraftQuestion:
    """A question with its answer and distractors, not yet in order."""

    family: str
    kind: QuestionKind
    stem: str
    answer: Option
    distractors: tuple[Option, ...]
    explanation: str
    citations: tuple[Citation, ...]
    topics: tuple[str, ...]
    fact_ids: tuple[str, ...]
    difficulty: str
    accepted: frozenset[str] = field(default_factory=frozenset)
    """Answer keys true of this stem anywhere in the corpus (aliases and spellings included)."""
    ordering: tuple[Option, ...] = ()
    """For ordering questions: the items in their correct order."""
    importance: str = "supporting"
    """`core` or `supporting` (facts of `detail` importance get no questions)."""
    clusters: tuple[str, ...] = ()
    """What the question tests: the cluster of each fact (or the fact's id); a quiz set tests each once."""
    asked_in: tuple[str, ...] = ()
    """The articles on whose pages (article quiz, reading handout) the question is asked, when not
    every cited article: a stem "according to The Weekly" is not asked of a reader of The Daily."""

    @cached_property  # asked for several times per question while the bank is built
    def id(self) -> str:
        """Derived from content, so that regenerating keeps the ids of unchanged questions."""
        answer = "|".join(o.text for o in self.ordering) if self.ordering else self.answer.text
        return "q-" + stable_hash(self.family, ",".join(self.fact_ids), self.stem, answer)[:12]


@dataclass(frozen=True)
class Question:
    """A finished question, options in their presented order."""

    id: str
    family: str
    kind: QuestionKind
    """How it is answered; what each kind holds is declared in ``quizgen.model.kinds``."""
    stem: str
    options: tuple[str, ...]
    correct: int | None
    """Index of the correct option (multiple-choice and true-false)."""
    correct_order: tuple[int, ...] | None
    """For ordering questions: option indices in chronological order."""
    option_notes: tuple[str | None, ...]
    explanation: str
    citations: tuple[Citation, ...]
    topics: tuple[str, ...]
    articles: tuple[str, ...]
    difficulty: str
    fact_ids: tuple[str, ...]
    option_types: tuple[OptionType, ...]
    accepted: frozenset[str]
    importance: str = "supporting"
    clusters: tuple[str, ...] = ()
    numeric: NumericAnswer | None = None
    """For numeric items: the number to write in, and how far from it an answer may be."""
    pairs: tuple[tuple[str, str], ...] = ()
    """For matching items: each left-hand item (``options``, in order) with the one it matches."""

    @property
    def answer_text(self) -> str:
        match self.kind:
            case QuestionKind.MATCHING:
                return "; ".join(f"{left} → {right}" for left, right in self.pairs)
            case QuestionKind.NUMERIC:
                assert self.numeric is not None
                return self.numeric.display
            case QuestionKind.ORDERING:
                assert self.correct_order is not None
                return " → ".join(self.options[i] for i in self.correct_order)
            case QuestionKind.MULTIPLE_CHOICE | QuestionKind.TRUE_FALSE | QuestionKind.CLOZE:
                assert self.correct is not None
                return self.options[self.correct]
            case _:
                assert_never(self.kind)
