"""An article's quiz and reading handout ask only what a reader of that article can answer: a
curated stem that names its outlet ("according to The Weekly") is not asked of a reader of another
outlet's article, though it cites that article too (the other side of a comparison, its context)."""

from __future__ import annotations

from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.generate.question_bank import build_question_bank

from corpus_cases import make_corpus


def article_quizzes_asking(tmp_path: Path, stem: str) -> list[str]:
    question = f"""    questions:
      - stem: "{stem}"
        answer: The mayor of Riverton
        wrong:
          - text: The head of the council
            why: Both papers call her mayor.
          - text: The bridge's builder
            why: Both papers call her mayor.
        explanation: The Daily and The Weekly both call Ana Lima mayor.
"""
    edit = {"facts/bridge.yaml": [["    role: mayor of Riverton\n", "    role: mayor of Riverton\n" + question]]}
    root = make_corpus({"description": "a curated question on a fact both papers give", "edit": edit}, tmp_path / "c")
    bank = build_question_bank(load_corpus(root))
    (asked,) = [q for q in bank.questions if q.stem == stem]
    return [article for article in ("daily-2020", "weekly-2020") if asked in bank.by_article(article)]


def test_a_stem_that_names_its_outlet_is_asked_only_of_that_outlets_readers(tmp_path: Path) -> None:
    assert article_quizzes_asking(tmp_path, "What was Ana Lima's post, according to The Weekly?") == ["weekly-2020"]


def test_a_stem_that_names_no_outlet_is_asked_of_every_cited_article(tmp_path: Path) -> None:
    assert article_quizzes_asking(tmp_path, "What was Ana Lima's post when the bridge opened?") == ["daily-2020", "weekly-2020"]
