"""The GIFT export, read back by gift-pegjs (the PEG grammar of Moodle's GIFT format) under Node.

`make test` installs gift-pegjs into .cache/npm-gift. Without Node or the parser these tests skip,
except under CI, where they fail.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from quizgen.export.feedback_text import source_lines
from quizgen.export.gift import escape_gift, render_gift, why_not_gift
from quizgen.export.ordering_forms import place_labels
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

from export_cases import (
    BASE_CORPUS,
    HOSTILE,
    REPO,
    SEEDS,
    load_questions,
    make_hostile_corpus,
)
from golden_files import assert_golden

GIFT_PARSER = REPO / ".cache" / "npm-gift" / "node_modules" / "gift-pegjs"
READ_GIFT = "const {parse} = require(process.argv[1]); process.stdout.write(JSON.stringify(parse(require('fs').readFileSync(0, 'utf8'))));"


def parse_gift(text: str) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not (GIFT_PARSER / "pegjs-gift.js").exists():
        message = f"the GIFT parser needs node and {GIFT_PARSER} (make test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, "-e", READ_GIFT, str(GIFT_PARSER)], input=text, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, f"gift-pegjs refused the file: {done.stderr}"
    return list(json.loads(done.stdout))


def assert_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> list[dict[str, Any]]:
    """gift-pegjs reads back every question, unchanged; ordering questions as matching, each event
    matched to its place in the right order."""
    result = render_gift(corpus, questions)
    category, *parsed = parse_gift(result.data.decode("utf-8"))
    assert category["type"] == "Category" and category["title"] == "$course$/top/" + corpus.info.title.replace("/", "//")
    kept = [q for q in questions if not (q.kind == "ordering" and len(q.options) < 3)]
    assert [p["id"] for p in parsed] == [q.id for q in kept]
    assert [line.split(": ", 1)[0] for line in result.left_out] == [q.id for q in questions if q not in kept]
    for question, item in zip(kept, parsed):
        assert item["title"] == f"{question.id} ({question.family})"
        assert item["stem"]["format"] == "html" and html.unescape(item["stem"]["text"]).startswith(question.stem)
        assert item["tags"] == (list(question.topics) or None)
        feedback = html.unescape(item["globalFeedback"]["text"])
        assert question.explanation in feedback
        for line in source_lines(corpus, question):
            assert line in feedback
        if question.kind == "ordering":
            assert item["type"] == "Matching" and "1st is the earliest" in item["stem"]["text"]
            assert question.correct_order is not None
            places = place_labels(len(question.options))
            matched = {html.unescape(p["subquestion"]["text"]): p["subanswer"] for p in item["matchPairs"]}
            assert [p["subquestion"]["format"] for p in item["matchPairs"]] == ["html"] * len(question.options)
            assert sorted(matched, key=lambda event: places.index(matched[event])) == [question.options[i] for i in question.correct_order]
            continue
        assert html.unescape(item["stem"]["text"]) == question.stem
        assert question.correct is not None
        if question.kind == "true-false":
            assert item["type"] == "TF"
            assert item["isTrue"] == (question.options[question.correct] == "True")
            continue
        assert item["type"] == "MC"
        assert [html.unescape(c["text"]["text"]) for c in item["choices"]] == list(question.options)
        assert [c["isCorrect"] for c in item["choices"]] == [i == question.correct for i in range(len(question.options))]
        notes = [html.unescape(c["feedback"]["text"]) if c["feedback"] else None for c in item["choices"]]
        assert notes == list(question.option_notes)
    return parsed


def test_base_corpus_round_trips_through_the_gift_parser() -> None:
    assert_round_trip(*load_questions(BASE_CORPUS))


def test_seed_corpus_round_trips_with_option_notes_and_ordering_as_matching() -> None:
    corpus, questions = load_questions(SEEDS)
    assert any(any(q.option_notes) for q in questions) and any(q.kind == "ordering" for q in questions)
    parsed = assert_round_trip(corpus, questions)
    assert len(parsed) == len(questions) and any(item["type"] == "Matching" for item in parsed)


def test_hostile_ordering_events_stay_text_and_two_events_are_left_out() -> None:
    corpus, questions = load_questions(SEEDS)
    ordering = next(q for q in questions if q.kind == "ordering")
    hostile = dataclasses.replace(ordering, id="q-hostile00001", options=(f"{HOSTILE} -> 1st",) + ordering.options[1:])
    two = dataclasses.replace(ordering, id="q-twoevents001", options=ordering.options[:2], correct_order=(1, 0))
    result = render_gift(corpus, (hostile, two))
    assert result.left_out == (f"q-twoevents001: {why_not_gift(two)}",)
    assert "at least 3 events" in result.left_out[0]
    (item,) = assert_round_trip(corpus, (hostile, two))
    assert html.unescape(item["matchPairs"][0]["subquestion"]["text"]) == f"{HOSTILE} -> 1st"


def test_hostile_text_comes_back_as_text(tmp_path: Path) -> None:
    corpus, questions = load_questions(make_hostile_corpus(tmp_path / "corpus"))
    parsed = assert_round_trip(corpus, questions)
    stems = [html.unescape(p["stem"]["text"]) for p in parsed]
    assert any(HOSTILE in stem for stem in stems)
    text = render_gift(corpus, questions).data.decode("utf-8")
    header, questions_text = text.split("\n\n", 1)
    assert header.splitlines()[1] == "$CATEGORY: $course$/top/Test corpus // " + HOSTILE.replace("/", "//")  # a path: no escapes
    assert "<script>" not in questions_text and "&lt;script&gt;" in questions_text  # markup is text in Moodle's HTML
    assert "\\{a\\} \\~b \\=c \\#d e\\:f \\\\g &amp;amp;" in questions_text


def test_escape_gift_escapes_backslash_first() -> None:
    assert escape_gift("\\{") == "\\\\\\{"
    assert escape_gift("~=#{}:") == "\\~\\=\\#\\{\\}\\:"
    assert escape_gift("plain text") == "plain text"


def test_gift_matches_golden(update_goldens: bool) -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    assert_golden(REPO / "tests" / "goldens" / "exports" / "questions.gift", render_gift(corpus, questions).data.decode("utf-8"), update_goldens)
