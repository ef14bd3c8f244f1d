"""Learning what was missed: practising one's mistakes, hints from the sources, and test mode."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from browser_env import SCREENSHOTS
from quiz_driver import answer, questions

QUIZ = "quizzes/topics/strategic-dialogue/"


def test_practise_my_mistakes_draws_the_questions_got_wrong_anywhere_on_the_site(page: Any, server: Any) -> None:
    page.goto(server.url + "practice/")
    page.wait_for_selector("#qg-practice .qg-score")
    page.locator(".qg-mistakes").click()
    assert "No mistakes to practise" in page.locator(".qg-practice-status").inner_text()
    assert questions(page, "#qg-practice") == [], "an empty state, not questions"
    page.goto(server.url + QUIZ)
    asked = questions(page)
    wrong = {asked[i].get_attribute("id") for i in (0, 2)}
    for i in range(4):
        answer(asked[i], correct=i not in (0, 2))
    page.goto(server.url + "articles/rudaw-2021-04-07/")  # another page of the same site
    other = questions(page)[0]
    answer(other, correct=False)
    wrong.add(other.get_attribute("id"))
    page.goto(server.url + "practice/")
    page.wait_for_selector("#qg-practice .qg-practice-form")
    page.locator(".qg-mistakes").click()
    drawn = {fs.get_attribute("id") for fs in questions(page, "#qg-practice")}
    assert drawn == wrong
    assert f"{len(wrong)} questions you got wrong" in page.locator(".qg-practice-status").inner_text()
    page.reload()  # the drawn set of mistakes stays over reload
    page.wait_for_selector("#qg-practice .qg-score")
    assert {fs.get_attribute("id") for fs in questions(page, "#qg-practice")} == drawn


def test_show_me_where_to_look_opens_the_paragraph_not_the_quote(page: Any, server: Any) -> None:
    page.goto(server.url + QUIZ)
    fieldset = questions(page)[0]
    hint = fieldset.locator(".qg-hint").first
    assert hint.is_visible() and hint.inner_text().startswith("Show me where to look")
    assert not fieldset.locator(".qg-answer").is_visible(), "the hint reveals nothing on the quiz page"
    quote = fieldset.locator(".qg-sources a").first.get_attribute("href").split("#")[1]
    hint.click()
    page.wait_for_selector("p.qg-where")
    where = page.locator("p.qg-where")
    assert where.count() == 1 and where.locator(f"#{quote}").count() == 1, "the paragraph that holds the cited quote"
    assert where.evaluate("p => { const r = p.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")
    assert page.evaluate("document.querySelector(':target')") is None, "the quote itself is not singled out"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "hint-paragraph-desktop.png"))
    page.go_back()
    fieldset = questions(page)[0]
    answer(fieldset, correct=True)
    assert fieldset.locator(".qg-sources a").first.get_attribute("href").endswith("#" + quote), "after answering: the exact quote"


def start_test(page: Any, minutes: str = "0") -> None:
    page.select_option(".qg-mode select[name=limit]", minutes)
    page.locator(".qg-start-test").click()


def test_test_mode_holds_feedback_to_the_end_then_scores_and_lists_sources(page: Any, server: Any) -> None:
    page.goto(server.url + QUIZ)
    start_test(page)
    asked = questions(page)
    for i, fieldset in enumerate(asked):
        if i != 3:  # one left unanswered
            answer(fieldset, correct=i % 3 != 1)
        assert not fieldset.locator(".qg-answer").is_visible() and not fieldset.locator(".qg-badge").count(), "no feedback yet"
        assert not fieldset.locator(".qg-hint").first.is_visible(), "no hints in a test"
    assert "answered; you see how you did" in page.locator(".qg-score").inner_text()
    page.reload()  # a test in progress survives reload
    assert not page.locator(".qg-results").is_visible()
    assert questions(page)[0].locator(".qg-feedback").inner_text().startswith("Answer saved")
    page.locator(".qg-finish").click()
    missed = [i for i in range(len(asked)) if i == 3 or i % 3 == 1]
    results = page.locator(".qg-results")
    assert f"You got {len(asked) - len(missed)} of {len(asked)} right" in results.inner_text()
    items = results.locator(".qg-missed > li")
    assert items.count() == len(missed)
    assert all(item.locator("a[href*='#quote-']").count() >= 1 for item in items.all()), "each missed item names its sources"
    assert "Not answered" in questions(page)[3].locator(".qg-feedback").inner_text()
    results.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "test-summary-desktop.png"))
    page.emulate_media(media="print")  # the printable summary: the results, not the questions
    assert results.is_visible() and not page.locator(".qg-questions").is_visible()
    assert not results.locator(".md-button").first.is_visible()
    page.pdf(path=str(SCREENSHOTS / "test-summary.pdf"))


def test_a_time_limit_ends_the_test(page: Any, server: Any) -> None:
    page.clock.install()
    page.goto(server.url + QUIZ)
    start_test(page, "5")
    assert re.search(r"Time left: [45]:\d\d", page.locator(".qg-timer").inner_text())
    answer(questions(page)[0], correct=True)
    page.clock.run_for(5 * 60 * 1000 + 2000)
    results = page.locator(".qg-results")
    assert results.is_visible()
    assert f"You got 1 of {len(questions(page))} right" in results.inner_text(), "what was never saved is not an answer"
    ordering = page.locator("fieldset.qg-question[data-kind=ordering]").first
    assert ordering.locator(".qg-feedback").inner_text().startswith("✗ Not answered")
    page.reload()  # the result, blanks included, survives a reload
    assert f"You got 1 of {len(questions(page))} right" in page.locator(".qg-results").inner_text()


def status_of(page: Any) -> str:
    return page.locator(".qg-card-status").inner_text()


def test_flashcards_keep_leitner_boxes_and_show_how_many_are_due(page: Any, server: Any) -> None:
    start = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)
    page.clock.install(time=start)
    page.goto(server.url + "flashcards/")
    total = page.locator(".qg-card").count()
    assert f"0 of {total} known; {total} due now." in status_of(page)
    for _ in range(total):
        page.locator(".qg-flip").click()
        page.locator(".qg-known").click()
    assert f"You know all {total} terms. None is due now" in status_of(page)
    page.clock.set_fixed_time(start + timedelta(days=1))  # a day later: box 2 falls due
    page.reload()
    assert f"{total} of {total} known; {total} due now." in status_of(page)
    first = page.locator(".qg-card:visible").get_attribute("data-term")
    page.locator(".qg-flip").click()
    page.locator(".qg-known").click()  # box 3: due in 3 days
    page.locator(".qg-flip").click()
    page.locator(".qg-not-yet").click()  # back to box 1: due now, and again in this session
    assert f"{total - 1} of {total} known; {total - 1} due now." in status_of(page)
    boxes = page.evaluate("Object.entries(localStorage).filter(([k]) => k.endsWith(':leitner')).map(([k, v]) => JSON.parse(v))")
    assert len(boxes) == 1 and boxes[0][first][0] == 3, "one record per site, in boxes"
    page.clock.set_fixed_time(start + timedelta(days=2))
    page.reload()
    assert f"{total - 1} due now." in status_of(page), "the card in box 3 is not due yet"
