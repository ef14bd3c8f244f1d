"""`quizgen preview FACT-ID` shows a fact's questions and warns about what a curator should fix."""

from __future__ import annotations

from pathlib import Path

from curate_cli import copy_base_corpus, quizgen


def test_preview_lists_the_questions_with_the_correct_option_marked(tmp_path: Path) -> None:
    copy_base_corpus(tmp_path)
    result = quizgen("preview", "first-day-crossings", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "seeds/facts/bridge.yaml:22:9: first-day-crossings: 2 questions"  # where the fact's id is
    figure = lines.index(next(line for line in lines if " figure (multiple-choice, " in line))
    assert lines[figure].endswith(": According to the articles, what was the number of people who crossed the bridge on its first day?")
    options = lines[figure + 1:figure + 5]
    assert [line[4:6] for line in options] == ["A.", "B.", "C.", "D."]
    assert [line for line in options if line.startswith("  * ")] == [next(line for line in options if line.endswith("About 3,000 people"))]
    assert any(" true-false (true-false, " in line for line in lines)
    assert result.stdout == quizgen("preview", "first-day-crossings", cwd=tmp_path).stdout


def test_a_measure_that_is_not_a_noun_phrase_and_a_long_stem_are_warned_about(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    facts = seeds / "facts" / "bridge.yaml"
    long_measure = "how many people crossed the new bridge over the river in Riverton on the first day it was open to the public"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "measure: the number of people who crossed the bridge on its first day", f"measure: {long_measure}"), encoding="utf-8")
    result = quizgen("preview", "first-day-crossings", cwd=tmp_path)
    assert result.returncode == 0
    assert f"warning: measure '{long_measure}' is a question or a clause, not a noun phrase" in result.stdout
    assert "  warning: left out of Kahoot: the question has " in result.stdout
    assert result.stderr == "quizgen: 2 warnings\n"


def test_an_answer_named_in_another_stem_of_the_same_quiz_is_a_give_away(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    facts = seeds / "facts" / "bridge.yaml"
    # a true-or-false statement of the same article's quiz now gives the opening date away
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "statement: The Weekly reported that the town council paid for the bridge.",
        "statement: The Weekly reported that the town council paid for the bridge opened on 4 May 2020."), encoding="utf-8")
    result = quizgen("preview", "bridge-opened", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "  warning: the answer '4 May 2020' stands in the stem of another question of the same quiz (q-" in result.stdout
    assert result.stderr == "quizgen: 1 warning\n"


def test_an_unknown_id_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    copy_base_corpus(tmp_path)
    result = quizgen("preview", "first-day-crossing", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "quizgen: error: expected the id of a fact or glossary term of seeds, found 'first-day-crossing'; did you mean first-day-crossings?\n"
