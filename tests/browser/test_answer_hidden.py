"""Before a question is answered its answer cannot be read: not shown, not focusable, not openable.
After Retry, the letter in the answer line names the correct option as now shown."""

from __future__ import annotations

import re
from typing import Any

import pytest
from quiz_driver import answer, current_order, questions


def _open(page: Any, server: Any, path: str) -> None:
    page.goto(server.url + path)
    page.wait_for_selector("fieldset.qg-question .qg-check")


@pytest.mark.parametrize("path", ["quizzes/all/", "practice/", "articles/rudaw-2021-04-07/"])
def test_the_answer_is_hidden_unreachable_and_closed_before_answering(page: Any, server: Any, path: str) -> None:
    _hidden_until_answered(page, server, path)


def test_a_written_items_answer_is_hidden_unreachable_and_closed_before_answering(written_page: Any, written_server: Any) -> None:
    """The numeric, matching and cloze items (the seed bank keeps none: tests/written_corpus.py)."""
    _hidden_until_answered(written_page, written_server, "quizzes/write-match-fill/")


def _hidden_until_answered(page: Any, server: Any, path: str) -> None:
    _open(page, server, path)
    answers = page.locator("fieldset.qg-question .qg-answer")
    assert answers.count() > 0
    for i in range(answers.count()):
        assert not answers.nth(i).is_visible(), f"answer {i} is visible before answering"
    summary = page.locator("fieldset.qg-question .qg-answer summary").first
    if summary.is_visible():
        summary.click()  # a student clicking the disclosure must not open it
    assert not page.locator("fieldset.qg-question .qg-explanation").first.is_visible()
    for _ in range(200):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!(document.activeElement && document.activeElement.closest('.qg-answer'))"), "Tab reached the answer"
    # 200 presses can wrap round to the header's search box, whose overlay then covers the page (as
    # for a student, Escape closes it); the answers are then clicked as a student would.
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    snapshot = page.locator("fieldset.qg-question").first.aria_snapshot()
    assert "Answer and explanation" not in snapshot
    for kind in {fs.get_attribute("data-kind") for fs in questions(page)}:  # every kind on the page, once
        first = page.locator(f"fieldset.qg-question[data-kind='{kind}']").first
        assert not first.locator(".qg-answer").is_visible() and not first.locator(".qg-correct").is_visible(), kind
        answer(first, correct=False)
        assert first.locator(".qg-explanation").is_visible(), kind
        assert first.locator(".qg-feedback").inner_text().startswith("✗"), kind


def test_after_retry_the_answer_line_names_the_option_shown(page: Any, server: Any) -> None:
    _open(page, server, "articles/rudaw-2021-04-07/")
    for fieldset in questions(page):
        answer(fieldset, correct=True)
    checked = 0
    for _ in range(3):
        page.locator(".qg-retry").click()
        for fieldset in questions(page):
            answer(fieldset, correct=True)
            if fieldset.get_attribute("data-kind") == "ordering":
                continue
            line = fieldset.locator(".qg-correct")
            if not line.count():
                continue
            letter = fieldset.locator("li.qg-right .qg-letter").inner_text().strip()
            named = re.match(r"Answer:\s*([A-Z]\.)\s", line.inner_text().strip())
            if named is None:  # true/false: "Answer: False" names no letter
                continue
            checked += 1
            assert named.group(1) == letter, (line.inner_text(), letter)
    assert checked, "no answer line named a letter"


@pytest.mark.parametrize("random", ["0", "0.5", "0.9999"])
def test_an_ordering_item_is_never_shown_already_in_its_answer_order(page: Any, server: Any, random: str) -> None:
    """The build puts an ordering item's events out of order (never the answer: option_order);
    Practice (and Retry, the same code) keeps that order rather than shuffling, which could put
    them back into the answer (a student marked right for touching nothing, one time in 24 with
    four events). Math.random is fixed so that each run is one shuffle the script could make."""
    page.add_init_script(f"Math.random = () => {random};")
    page.goto(server.url + "practice/")
    page.wait_for_selector("#qg-practice .qg-score")
    page.select_option("select[name=count]", "20")
    page.locator(".qg-draw").click()
    fieldset = page.locator("#qg-practice fieldset.qg-question[data-kind='ordering']").first
    assert fieldset.count(), "the draw holds the ordering item"
    shown = current_order(fieldset)
    assert shown == sorted(shown, key=int), "the build's order, not a shuffle"
    assert shown != fieldset.get_attribute("data-order").split(","), "shown in its answer order"
