"""Corpora and questions the export tests share: the base corpus, a hostile one, the seeds.

The hostile corpus is the base corpus with markup, GIFT control characters, an entity, a
backslash and a right-to-left mark in a title, statements, a quote (and its article text) and a
glossary definition, so every export must carry them through as text.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.generate.question_bank import build_question_bank
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

from corpus_cases import BASE_CORPUS, make_corpus  # noqa: F401  (BASE_CORPUS: re-exported to the export tests)

REPO = Path(__file__).parent.parent
SEEDS = REPO / "seeds"
HOSTILE = "<script>alert(1)</script> {a} ~b =c #d e:f \\g &amp; \u200f"
"""Markup, every GIFT special character, a backslash, an HTML entity and a right-to-left mark."""
HOSTILE_YAML = HOSTILE.replace("'", "''")

HOSTILE_CASE = {
    "description": "hostile text in every field that reaches an export",
    "edit": {
        "corpus.yaml": [["title: Test corpus", f"title: 'Test corpus / {HOSTILE_YAML}'"]],
        "facts/bridge.yaml": [
            ["statement: Ana Lima was the mayor of Riverton.", f"statement: 'Ana Lima was the mayor of Riverton {HOSTILE_YAML}.'"],
            ["statement: The Weekly reported that the town council paid for the bridge.",
             "statement: 'The Weekly reported that the town council paid for the bridge =HYPERLINK(\"x\") @SUM(1).'"],
            ["quote: About 3,000 people crossed it on the first day.",
             f"quote: 'About 3,000 people crossed it on the first day {HOSTILE_YAML}.'"],
        ],
        "articles/daily-2020.md": [["About 3,000 people crossed it on the first day.",
                                    f"About 3,000 people crossed it on the first day {HOSTILE}."]],
        "glossary.yaml": [["definition: The new bridge across the river in Riverton.",
                           f"definition: 'The new bridge across the river in Riverton {HOSTILE_YAML}.'"]],
    },
}

FORMULAS = ('=HYPERLINK("http://example.invalid","x")', "@SUM(1)", "+1+1", "-1+1", "\tTAB", "\rCR")


def make_hostile_corpus(target: Path) -> Path:
    return make_corpus(HOSTILE_CASE, target)


@lru_cache(maxsize=8)
def load_questions(root: Path) -> tuple[Corpus, tuple[Question, ...]]:
    corpus = load_corpus(root)
    return corpus, build_question_bank(corpus).questions


@lru_cache(maxsize=8)
def load_exported(root: Path) -> tuple[Corpus, tuple[Question, ...]]:
    """What `quizgen export` and the teachers' page export: the bank's questions, then its numeric items."""
    corpus = load_corpus(root)
    bank = build_question_bank(corpus)
    return corpus, bank.exported


def formula_questions(questions: tuple[Question, ...]) -> tuple[Question, ...]:
    """Real questions whose stem and options begin like spreadsheet formulas (no corpus can make
    an option begin with `=`, but an export must not depend on that)."""
    first_choice = next(q for q in questions if q.kind == "multiple-choice")
    true_false = next(q for q in questions if q.kind == "true-false")
    options = FORMULAS[2:][: len(first_choice.options)]
    return (dataclasses.replace(first_choice, id="q-formula00001", stem=FORMULAS[0] + " " + first_choice.stem, options=options),
            dataclasses.replace(true_false, id="q-formula00002", stem=FORMULAS[1] + " " + true_false.stem))
