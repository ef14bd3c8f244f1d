"""The machine-readable question bank (`exports/questions.json`) and glossary (`exports/glossary.json`)."""

from __future__ import annotations

import json
from typing import Any

from quizgen.export.export_format import ExportResult
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

BANK_FORMAT_VERSION = 1


def question_record(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "kind": question.kind,
        "family": question.family,
        "stem": question.stem,
        "options": list(question.options),
        "correct": question.correct,
        "correct_order": list(question.correct_order) if question.correct_order is not None else None,
        "option_notes": list(question.option_notes),
        "explanation": question.explanation,
        "sources": [{"article": c.article, "quote": c.quote, "anchor": c.anchor} for c in question.citations],
        "topics": list(question.topics),
        "articles": list(question.articles),
        "facts": list(question.fact_ids),
        "difficulty": question.difficulty,
        # Only numeric items carry it, so the records of the other kinds stay as they were.
        **({"numeric": {"value": numeric.value, "tolerance": numeric.tolerance, "unit": numeric.unit, "answer": numeric.display}}
           if (numeric := question.numeric) is not None else {}),
        **({"pairs": [list(pair) for pair in question.pairs]} if getattr(question, "pairs", ()) else {}),
    }


def render_bank_json(corpus: Corpus, questions: tuple[Question, ...]) -> bytes:
    """Every question, sorted as generated; keys sorted, so the same bank gives the same bytes."""
    document = {
        "format": "quizgen-question-bank",
        "version": BANK_FORMAT_VERSION,
        "title": corpus.info.title,
        "question_count": len(questions),
        "questions": [question_record(q) for q in questions],
        "articles": {a.id: {"headline": a.meta.headline, "outlet": corpus.outlet_of(a.id).name, "published": a.meta.published.iso}
                     for a in corpus.articles},
        "topics": {t.id: {"title": t.title} for t in corpus.topics},
    }
    return _dump(document)


def render_json_bank(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The JSON export: the same document as the site's `exports/questions.json`, holding ``questions`` only."""
    return ExportResult(render_bank_json(corpus, questions))


def _dump(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def render_glossary_json(corpus: Corpus) -> bytes:
    """The glossary for flashcards and other tools: `exports/glossary.json`."""
    terms = [{"id": t.id, "term": t.term, "expansion": t.expansion, "definition": t.definition, "aliases": list(t.aliases),
              "topics": list(t.topics)} for t in sorted(corpus.terms, key=lambda t: t.term.casefold())]
    return _dump({"format": "quizgen-glossary", "version": BANK_FORMAT_VERSION, "title": corpus.info.title, "terms": terms})
