"""Item-writing rules, checked on every question and on the bank as a whole; a broken rule fails the build.

Rules: exactly one correct option; three or four options; every option of the answer's type; no
distractor that is true of the same question elsewhere in the corpus (aliases and spellings
count); no duplicate options; no "all/none of the above"; no answer given away by the stem; not the
correct option alone in quotation marks; the correct option the longest in at most a third of the
bank; answer positions balanced across the bank; no written wrong option used in more than three
items (a stock distractor that is never the key teaches students to discard it).
"""

from __future__ import annotations

import re
from collections import Counter

from quizgen.generate.question_model import Question, answer_key, singular_key
from quizgen.model.kinds import QuestionKind

_ABOVE = re.compile(r"\b(all|none|both|neither) of the (above|options)\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile("[“”\"‘]|(?<!\\w)’")  # a closing single quote after a letter is an apostrophe
POSITION_SHARE = (0.20, 0.30)
LONGEST_SHARE_MAX = 1 / 3
MIN_ITEMS_FOR_BANK_RULES = 20
MAX_ITEMS_PER_WRONG_OPTION = 3
WRITTEN_FAMILY = "reading"  # items written in the facts; generated ones draw wrong options from other answers


def item_problems(question: Question) -> list[str]:
    """Every rule this question breaks, as messages (empty when it follows them all)."""
    problems: list[str] = []
    keys = [answer_key(o) for o in question.options]
    if len({singular_key(o) for o in question.options}) != len(keys):
        problems.append("two options are the same answer (or differ only by a plural -s)")
    if any(_ABOVE.search(o) for o in question.options):
        problems.append("an option says 'all/none of the above'")
    if question.kind == QuestionKind.ORDERING:
        if question.correct_order is None or sorted(question.correct_order) != list(range(len(question.options))):
            problems.append("the correct order is not a permutation of the options")
        return problems
    if question.correct is None or not 0 <= question.correct < len(question.options):
        return problems + ["there is no correct option"]
    if question.kind == QuestionKind.MULTIPLE_CHOICE and not 3 <= len(question.options) <= 4:
        problems.append(f"expected 3 or 4 options, found {len(question.options)}")
    if question.kind == QuestionKind.TRUE_FALSE and sorted(question.options) != ["False", "True"]:
        problems.append("a true-or-false item needs exactly the options True and False")
    if len(set(question.option_types)) != 1:
        problems.append(f"options are of different types: {', '.join(sorted({str(t) for t in question.option_types}))}")
    correct_key = keys[question.correct]
    if correct_key not in question.accepted and question.kind == QuestionKind.MULTIPLE_CHOICE:
        problems.append("the correct option is not among the answers the corpus supports")
    for index, key in enumerate(keys):
        if index != question.correct and key in question.accepted:
            problems.append(f"the distractor '{question.options[index]}' is also true of this question")
    if question.kind == QuestionKind.MULTIPLE_CHOICE and len(correct_key) > 3 and correct_key in answer_key(question.stem):
        problems.append("the stem gives the answer away")
    quoted = [bool(_QUOTE_MARKS.search(o)) for o in question.options]
    if question.kind == QuestionKind.MULTIPLE_CHOICE and quoted[question.correct] and sum(quoted) == 1:
        problems.append("only the correct option is in quotation marks")
    return problems


def repeated_wrong_options(questions: list[Question]) -> list[tuple[Question, str]]:
    """Written items whose wrong option is also a wrong option in more than three written items,
    each with a message naming the others, so that the build can point at every fact using it."""
    users: dict[str, list[Question]] = {}
    for question in questions:
        if question.family != WRITTEN_FAMILY or question.kind != QuestionKind.MULTIPLE_CHOICE:
            continue
        for index, option in enumerate(question.options):
            if index != question.correct:
                users.setdefault(answer_key(option), []).append(question)
    found: list[tuple[Question, str]] = []
    for question in questions:
        for index, option in enumerate(question.options):
            sharing = users.get(answer_key(option), []) if index != question.correct and question.family == WRITTEN_FAMILY else []
            if len(sharing) > MAX_ITEMS_PER_WRONG_OPTION and question in sharing:
                others = [q.id for q in sharing if q is not question]
                found.append((question, f"the wrong option '{option}' is also a wrong option in {len(others)} other written items "
                                        f"({', '.join(others)}); expected at most {MAX_ITEMS_PER_WRONG_OPTION} in all, "
                                        "since a stock wrong option that is never the key teaches students to discard it"))
    return found


def bank_problems(questions: list[Question]) -> list[str]:
    """Rules on the bank as a whole: balanced answer positions, the longest option not a tell."""
    problems: list[str] = []
    four = [q for q in questions if q.kind == QuestionKind.MULTIPLE_CHOICE and len(q.options) == 4]
    if len(four) >= MIN_ITEMS_FOR_BANK_RULES:
        counts = Counter(q.correct for q in four)
        low, high = POSITION_SHARE
        for position in range(4):
            share = counts.get(position, 0) / len(four)
            if not low <= share <= high:
                problems.append(f"option {'ABCD'[position]} is correct in {share:.0%} of four-option items; expected {low:.0%} to {high:.0%}")
    choice = [q for q in questions if q.kind == QuestionKind.MULTIPLE_CHOICE]
    if len(choice) >= MIN_ITEMS_FOR_BANK_RULES:
        longest = sum(1 for q in choice if _correct_is_longest(q))
        if longest / len(choice) > LONGEST_SHARE_MAX:
            problems.append(f"the correct option is the longest in {longest / len(choice):.0%} of items; expected at most a third")
    return problems


def _correct_is_longest(question: Question) -> bool:
    assert question.correct is not None
    lengths = [len(o) for o in question.options]
    return lengths[question.correct] == max(lengths) and lengths.count(max(lengths)) == 1
