"""Each item-writing rule has a question that breaks it, and the check names the rule."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from quizgen.corpus_loader import load_corpus
from quizgen.generate.item_rules import bank_problems, item_problems
from quizgen.generate.question_bank import build_question_bank
from quizgen.generate.question_model import Citation, Question

GOOD = Question(
    id="q-1", family="role-holder", kind="multiple-choice", stem="According to the articles, who is described as the mayor?",
    options=("Ana Lima", "Ben Ode", "Cy Park", "Di Ray"), correct=0, correct_order=None, option_notes=(None,) * 4,
    explanation="Ana Lima was the mayor. (Source: The Daily.)", citations=(Citation("a", "Mayor Ana Lima"),),
    topics=("t",), articles=("a",), difficulty="easy", fact_ids=("f",), option_types=("person",) * 4,
    accepted=frozenset({"ana lima"}))


def broken(**changes: object) -> Question:
    return dataclasses.replace(GOOD, **changes)  # type: ignore[arg-type]


def test_a_good_item_breaks_no_rule() -> None:
    assert item_problems(GOOD) == []


@pytest.mark.parametrize(("question", "message"), [
    (broken(correct=None), "there is no correct option"),
    (broken(correct=7), "there is no correct option"),
    (broken(options=("Ana Lima", "Ben Ode"), option_types=("person",) * 2, option_notes=(None,) * 2), "expected 3 or 4 options, found 2"),
    (broken(options=("Ana Lima", "Ben Ode", "Cy Park", "Di Ray", "Ed Fox"), option_types=("person",) * 5), "expected 3 or 4 options, found 5"),
    (broken(options=("Ana Lima", "Ben Ode", "ana  lima", "Di Ray")), "two options are the same answer"),
    (broken(options=("Ana Lima", "Border Forces", "Border Force", "Di Ray")), "differ only by a plural -s"),
    (broken(options=("Ana Lima", "Ben Ode", "Cy Park", "None of the above")), "all/none of the above"),
    (broken(options=("Ana Lima", "Ben Ode", "Cy Park", "All of the above")), "all/none of the above"),
    (broken(option_types=("person", "person", "date:year", "person")), "options are of different types"),
    (broken(accepted=frozenset({"ana lima", "cy park"})), "the distractor 'Cy Park' is also true of this question"),
    (broken(accepted=frozenset({"somebody else"})), "the correct option is not among the answers the corpus supports"),
    (broken(stem="Who is described as the mayor, Ana Lima?"), "the stem gives the answer away"),
    (broken(kind="true-false", options=("Yes", "No"), option_types=("truth",) * 2, correct=0), "needs exactly the options True and False"),
    (broken(kind="ordering", correct=None, correct_order=(0, 0, 1, 2)), "not a permutation"),
])
def test_each_rule_has_a_failing_fixture(question: Question, message: str) -> None:
    assert any(message in problem for problem in item_problems(question)), item_problems(question)


def test_bank_rule_on_answer_positions() -> None:
    lopsided = [broken(id=f"q-{i}") for i in range(40)]  # the answer is always A
    assert any("option A is correct in 100%" in p for p in bank_problems(lopsided))
    balanced = [broken(id=f"q-{i}", correct=i % 4, options=tuple(sorted(GOOD.options, key=lambda o, i=i: o != GOOD.options[i % 4]))) for i in range(40)]
    assert not [p for p in bank_problems(balanced) if "is correct in" in p]


def test_bank_rule_on_the_longest_option() -> None:
    tell = [broken(id=f"q-{i}", options=("Ana Lima the long answer", "Ben", "Cy", "Di"), correct=0) for i in range(40)]
    assert any("the correct option is the longest" in p for p in bank_problems(tell))


BASE = Path(__file__).parent / "fixtures" / "base_corpus"


def test_generated_questions_follow_every_rule() -> None:
    bank = build_question_bank(load_corpus(BASE))
    assert bank.questions and all(item_problems(q) == [] for q in bank.questions)


def test_question_ids_are_stable_when_other_facts_change(tmp_path: Path) -> None:
    import shutil

    before = {q.id for q in build_question_bank(load_corpus(BASE)).questions}
    shutil.copytree(BASE, tmp_path / "seeds")
    facts = tmp_path / "seeds" / "facts" / "bridge.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("Ana Lima said the bridge took 12 years.",
                                                               "Ana Lima said that the bridge had taken 12 years."), encoding="utf-8")
    after = build_question_bank(load_corpus(tmp_path / "seeds")).questions
    changed = [q for q in after if q.id not in before]
    assert len(changed) == 1 and "had taken 12 years" in changed[0].stem
    assert len(before & {q.id for q in after}) == len(after) - 1


def test_options_are_in_the_same_order_on_every_run() -> None:
    first = build_question_bank(load_corpus(BASE)).questions
    second = build_question_bank(load_corpus(BASE)).questions
    assert [(q.id, q.options, q.correct) for q in first] == [(q.id, q.options, q.correct) for q in second]


def test_a_definition_names_its_term_only_as_whole_words() -> None:
    from quizgen.generate.families_terms import names_any

    assert not names_any("This is his way of saying it.", ["IS"]), "the abbreviation IS is not the word 'is'"
    assert names_any("The group (IS) grew.", ["IS"])
    assert names_any("Iraqi security forces trained.", ["Iraqi Security Forces"]), "names match in any case"
    assert not names_any("paramilitary groups", ["PMF"])
    assert names_any("Les Forces de sécurité irakiennes", ["forces de SÉCURITÉ"]), "in any case beyond ASCII too"
    assert not names_any("the ISF-led push", ["isf-le"])


_NAME_CHARS = st.sampled_from(["a", "B", "é", "É", "1", "_", "-", " ", ".", "ſ", "s", "K", "\u212a"])


@given(st.lists(_NAME_CHARS, max_size=12).map("".join), st.lists(_NAME_CHARS, min_size=1, max_size=3).map("".join))
def test_whole_word_search_finds_what_the_boundary_pattern_finds(text: str, name: str) -> None:
    """contains_whole replaced a compiled `(?<![\\w-])NAME(?![\\w-])` per name; it must agree with it."""
    from quizgen.generate.whole_words import contains_whole

    for joiners, pattern in (("-", r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"), ("", r"(?<!\w)" + re.escape(name) + r"(?!\w)")):
        assert contains_whole(text, name, joiners) == (re.search(pattern, text) is not None)


def test_only_the_key_in_quotation_marks_is_a_cue() -> None:
    from quizgen.generate.question_model import answer_key

    def item(*options: str) -> Question:
        return broken(options=options, accepted=frozenset({answer_key(options[0])}))

    assert item_problems(item("“Ana Lima”", "Ben Ode", "Cy Park", "Di Ray")) == ["only the correct option is in quotation marks"]
    assert item_problems(item("Ana ‘Lima’", "Ben Ode", "Cy Park", "Di Ray")) == ["only the correct option is in quotation marks"]
    for fair in (item("“Ana Lima”", "“Ben Ode”", "Cy Park", "Di Ray"), item("Ana Lima", "“Ben Ode”", "Cy Park", "Di Ray"),
                 item("Ana Lima’s", "Ben Ode", "Cy Park", "Di Ray")):  # an apostrophe quotes nothing
        assert item_problems(fair) == [], fair.options


def written(index: int, options: tuple[str, ...]) -> Question:
    return broken(id=f"q-{index}", family="reading", stem=f"Written question {index}?", options=options)


def test_a_written_wrong_option_used_in_more_than_three_items_is_named_with_each_item() -> None:
    from quizgen.generate.item_rules import repeated_wrong_options

    stock = [written(i, ("Ana Lima", "A vote of parliament", f"Cy {i}", f"Di {i}")) for i in range(4)]
    found = repeated_wrong_options(stock)
    assert [q.id for q, _ in found] == ["q-0", "q-1", "q-2", "q-3"]
    assert all("the wrong option 'A vote of parliament' is also a wrong option in 3 other written items" in m for _, m in found)
    assert "q-1, q-2, q-3" in found[0][1]
    assert repeated_wrong_options(stock[:3]) == [], "three items may share a wrong option"
    generated = [dataclasses.replace(q, family="role-holder") for q in stock]
    assert repeated_wrong_options(generated) == [], "a generated item draws its wrong options from the other answers"


def test_the_seed_bank_reports_a_stock_wrong_option_at_the_fact_that_uses_it(tmp_path: Path) -> None:
    import shutil

    from quizgen.errors import CorpusError

    shutil.copytree(Path(__file__).parent.parent / "seeds", tmp_path / "seeds")
    claims = tmp_path / "seeds" / "facts" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    stock = '          - text: "A vote of Iraq\'s parliament"\n            why: "No article reports one."\n'
    text, count = re.subn(r"(        wrong:\n)(          - text: .*\n            why: .*\n)", lambda m: m.group(1) + stock, text, count=4)
    assert count == 4
    claims.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError) as raised:
        build_question_bank(load_corpus(tmp_path / "seeds"))
    messages = [str(p) for p in raised.value.problems if "A vote of Iraq's parliament" in str(p)]
    assert len(messages) == 4 and all("claims.yaml:" in m for m in messages), messages


def test_the_correct_option_is_the_longest_in_at_most_a_third_of_the_bank() -> None:
    options, short = ("Ana Lima the long answer", "Ben", "Cy", "Di"), ("Ana", "Ben Ode", "Cy Park", "Di Ray")
    bank = [broken(id=f"q-{i}", options=options if i % 5 < 2 else short, correct=0) for i in range(40)]  # 40 %
    assert any("the correct option is the longest in 40% of items; expected at most a third" in p for p in bank_problems(bank))
    bank = [broken(id=f"q-{i}", options=options if i % 10 < 3 else short, correct=0) for i in range(40)]  # 30 %
    assert not [p for p in bank_problems(bank) if "longest" in p]
