"""The page of numeric, matching and cloze items, as a student uses it: a number written in as
people write it, each pair marked in words, the answer kept over a reload, and without JavaScript
every answer in a closed disclosure. Screenshots of the items before and after answering.

The seed bank keeps no written item, so the site here is built from tests/written_corpus.py: two
numeric items (a year; "About 3,000 people", right within 300), a matching and a cloze item."""

from __future__ import annotations

import json
from typing import Any

import pytest
from browser_env import SCREENSHOTS
from quiz_driver import answer, match_pairs

PAGE = "quizzes/write-match-fill/"


@pytest.fixture
def page(written_page: Any) -> Any:
    return written_page


@pytest.fixture
def server(written_server: Any, written_project: Any) -> Any:
    return written_server


@pytest.fixture
def site_project(written_project: Any) -> Any:
    return written_project


def _open(page: Any, server: Any) -> None:
    page.goto(server.url + PAGE)
    page.wait_for_selector("fieldset.qg-question .qg-check")


KINDS = ("numeric", "matching", "cloze")


def _numeric(page: Any, tolerance: str) -> Any:
    return page.locator(f"fieldset.qg-question[data-kind='numeric'][data-tolerance='{tolerance}']").first


@pytest.mark.parametrize("written", ["2,800", "2800", "2 800", " 3,200 ", "3000"])
def test_a_number_counts_as_people_write_it(page: Any, server: Any, written: str) -> None:
    _open(page, server)
    fieldset = _numeric(page, "300.0")  # "About 3,000 people": right within 300
    assert fieldset.get_attribute("data-value") == "3000.0"
    fieldset.locator("input.qg-write").fill(written)
    fieldset.locator(".qg-check").click()
    feedback = fieldset.locator(".qg-feedback").inner_text()
    assert feedback == "✓ Right!", (written, feedback)
    assert fieldset.locator(".qg-correct").inner_text() == "Answer: About 3,000 people"
    assert fieldset.locator(".qg-explanation").is_visible()
    assert fieldset.locator("input.qg-write").is_disabled()


def test_a_number_outside_its_margin_is_wrong_and_the_feedback_gives_the_answer(page: Any, server: Any) -> None:
    _open(page, server)
    fieldset = _numeric(page, "0.0")
    fieldset.locator(".qg-check").click()
    assert fieldset.locator(".qg-feedback").inner_text() == "Choose an answer first."
    assert not fieldset.locator(".qg-answer").is_visible()
    fieldset.locator("input.qg-write").fill(str(int(float(fieldset.get_attribute("data-value"))) + 1))
    fieldset.locator(".qg-check").click()
    feedback = fieldset.locator(".qg-feedback").inner_text()
    assert feedback.startswith("✗ Not quite. Answer: "), feedback
    assert fieldset.locator(".qg-explanation").is_visible()


def test_each_pair_is_marked_in_words_and_the_item_right_only_if_all_are(page: Any, server: Any) -> None:
    _open(page, server)
    fieldset = page.locator("fieldset.qg-question[data-kind='matching']").first
    match_pairs(fieldset, correct=False)
    badges = [b.inner_text() for b in fieldset.locator(".qg-options > li .qg-badge").all()]
    letters = fieldset.get_attribute("data-order").split(",")
    assert badges.count("✓ Right") == len(letters) - 2
    assert sorted(b for b in badges if b != "✓ Right") == sorted(f"✗ The answer is {'ABCDEFGH'[int(i)]}" for i in letters[:2])
    assert fieldset.locator(".qg-feedback").inner_text().startswith("✗ Not quite. Answer: ")
    assert page.locator(".qg-score").first.inner_text().startswith("Score: 0 right of 1 answered")


def test_a_matching_item_with_every_pair_right_is_right(page: Any, server: Any) -> None:
    _open(page, server)
    again = page.locator("fieldset.qg-question[data-kind='matching']").first
    match_pairs(again, correct=True)
    assert again.locator(".qg-feedback").inner_text() == "✓ Right!"
    assert again.locator(".qg-badge").all_inner_texts() == ["✓ Right"] * len(again.get_attribute("data-order").split(","))


def test_written_answers_are_kept_over_a_reload_and_count_in_progress(page: Any, server: Any, site_project: Any) -> None:
    _open(page, server)
    numeric, matching = _numeric(page, "0.0"), page.locator("fieldset.qg-question[data-kind='matching']").first
    answer(numeric, correct=True)
    matching.locator("select").first.select_option(matching.get_attribute("data-order").split(",")[0])
    answer(_numeric(page, "300.0"), correct=True)  # the 3,000 people, beside the year
    page.reload()
    page.wait_for_selector("fieldset.qg-question .qg-check")
    numeric, matching = _numeric(page, "0.0"), page.locator("fieldset.qg-question[data-kind='matching']").first
    assert numeric.locator(".qg-feedback").inner_text() == "✓ Right!"
    assert numeric.locator("input.qg-write").input_value() == f"{float(numeric.get_attribute('data-value')):,.0f}"
    assert matching.locator("select").first.input_value() == matching.get_attribute("data-order").split(",")[0]
    assert not matching.locator(".qg-answer").is_visible()
    page.goto(server.url + "progress/")
    total = page.locator(".qg-progress-total")
    total.wait_for()
    bank = json.loads((site_project / "site" / "exports" / "questions.json").read_text(encoding="utf-8"))
    held = len(bank["questions"] if isinstance(bank, dict) else bank)  # every item the site asks counts
    assert total.inner_text().startswith(f"You have answered 2 of {held} questions; 2 right")


def test_without_javascript_the_items_can_be_answered_and_the_answers_are_closed(browser: Any, server: Any, site_project: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(server.url + PAGE)
    for kind in KINDS:
        fieldset = tab.locator(f"fieldset.qg-question[data-kind='{kind}']").first
        assert fieldset.locator("legend").is_visible()
        assert not fieldset.locator(".qg-correct").is_visible() and not fieldset.locator(".qg-explanation").is_visible(), kind
        assert fieldset.locator("details.qg-answer summary").is_visible(), kind
    tab.locator("fieldset[data-kind='numeric'] input.qg-write").first.fill("2014")
    matching = tab.locator("fieldset[data-kind='matching']").first
    assert matching.locator(".qg-choices li").count() == matching.locator("select").count()
    matching.locator("select").first.select_option("0")
    fieldset = tab.locator("fieldset[data-kind='numeric']").first
    fieldset.locator("summary").click()
    assert fieldset.locator(".qg-correct").is_visible()
    context.close()


@pytest.mark.parametrize(("width", "height", "label"), [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots_of_the_written_items(browser: Any, server: Any, site_project: Any, width: int, height: int, label: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    tab = context.new_page()
    tab.goto(server.url + PAGE)
    tab.wait_for_selector("fieldset.qg-question .qg-check")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        fieldset = tab.locator(f"fieldset.qg-question[data-kind='{kind}']").first
        fieldset.scroll_into_view_if_needed()
        fieldset.screenshot(path=str(SCREENSHOTS / f"written-{kind}-before-{label}.png"))
        answer(fieldset, correct=False)
        fieldset.screenshot(path=str(SCREENSHOTS / f"written-{kind}-after-{label}.png"))
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{kind}: no sideways scrolling"
    context.close()


def test_in_test_mode_a_written_answer_is_saved_unjudged_and_marked_at_the_end(page: Any, server: Any) -> None:
    _open(page, server)
    page.locator(".qg-start-test").click()
    numeric, matching = _numeric(page, "300.0"), page.locator("fieldset.qg-question[data-kind='matching']").first
    numeric.locator("input.qg-write").fill("2 900")
    numeric.locator(".qg-check").click()
    assert numeric.locator(".qg-feedback").inner_text().startswith("Answer saved.")
    assert numeric.locator("input.qg-write").is_disabled() and not numeric.locator(".qg-answer").is_visible()
    matching.locator("select").first.select_option("0")  # chosen but never saved: not an answer
    page.locator(".qg-finish").click()
    assert numeric.locator(".qg-feedback").inner_text() == "✓ Right!"
    assert matching.locator(".qg-feedback").inner_text().startswith("✗ Not answered. Answer: ")
    assert page.locator(".qg-results .qg-total").inner_text().startswith("You got 1 of ")
