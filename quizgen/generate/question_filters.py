"""What the --articles, --topics and --kinds filters of worksheets and exports may name.

One place says which values each filter knows, so `quizgen worksheet` and `quizgen export` refuse
the same unknown values; each command words the refusal in its own way.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from quizgen.generate.families_cloze import CLOZE_FAMILIES
from quizgen.generate.families_matching import MATCHING_FAMILIES
from quizgen.generate.families_numeric import NUMERIC_FAMILIES
from quizgen.generate.question_bank import FAMILY_TITLES
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind


def known_kinds() -> tuple[str, ...]:
    """Every question kind, then every family (`figure`, `acronym`, `term-cloze`, ...), each once."""
    return tuple(dict.fromkeys([*(str(kind) for kind in QuestionKind), *FAMILY_TITLES, *NUMERIC_FAMILIES, *MATCHING_FAMILIES, *CLOZE_FAMILIES]))


def did_you_mean(value: str, known: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'daily-2020'?)`` for the known value closest to a misspelt one, else ``""``."""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass(frozen=True)
class UnknownFilterValues:
    """The values one filter was given that the corpus does not have, and those it knows."""

    filter: str
    """`articles`, `topics` or `kinds`."""
    unknown: tuple[str, ...]
    known: tuple[str, ...]
    """In the corpus's order (articles, topics), or kinds before families."""


def unknown_filter_values(corpus: Corpus, articles: tuple[str, ...], topics: tuple[str, ...],
                          kinds: tuple[str, ...]) -> list[UnknownFilterValues]:
    """One entry per filter that names something the corpus (or quizgen) does not have."""
    found = []
    for name, given, known in (("articles", articles, tuple(a.id for a in corpus.articles)),
                               ("topics", topics, tuple(t.id for t in corpus.topics)),
                               ("kinds", kinds, known_kinds())):
        unknown = tuple(value for value in given if value not in known)
        if unknown:
            found.append(UnknownFilterValues(name, unknown, known))
    return found
