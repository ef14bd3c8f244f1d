"""A student's work is never lost: a quiz's answers, score and review survive a click on a missed
question, a source link and Back, and a reload; Practice keeps the set it drew; the progress page
asks before clearing and never touches another site's answers."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
from quiz_driver import answer, questions

QUIZ = "quizzes/topics/strategic-dialogue/"  # a quiz set (at most 15 questions): small enough to answer whole


def open_quiz(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".qg-quiz .qg-score")


def answer_all(page: Any, wrong: int = 1) -> None:
    """Every question, the first ``wrong`` multiple-choice ones wrongly."""
    for fieldset in questions(page):
        is_choice = fieldset.get_attribute("data-kind") == "multiple-choice"
        answer(fieldset, correct=not (is_choice and wrong > 0))
        wrong -= is_choice


def answered_state(page: Any) -> dict[str, str]:
    return {f.get_attribute("id"): f.locator(".qg-feedback").inner_text() for f in questions(page)}


def test_the_score_survives_a_missed_question_link_a_source_link_and_back_and_a_reload(page: Any, server: Any) -> None:
    open_quiz(page, server.url + QUIZ)
    page.evaluate("window.__sameDocument = true")
    total = len(questions(page))
    answer_all(page)
    score = page.locator(".qg-score").inner_text()
    assert f"right of {total} answered" in score
    before = answered_state(page)

    missed = page.locator(".qg-missed a").first
    target = missed.get_attribute("href").lstrip("#")
    missed.click()
    assert page.evaluate("window.__sameDocument === true"), "the link reloaded the page"
    assert page.locator(".qg-score").inner_text() == score
    assert page.evaluate("document.activeElement.closest('fieldset').id") == target, "the link leads to the missed question"
    assert page.locator(".qg-results").is_visible()

    page.locator(f"#{target} .qg-sources a").first.click()
    page.wait_for_selector('[data-quiz="topic-strategic-dialogue"]', state="detached")  # the article is shown
    page.go_back()
    page.wait_for_selector(".qg-quiz .qg-results:visible")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation was used"
    assert page.locator(".qg-score").inner_text() == score
    assert answered_state(page) == before

    page.reload()
    page.wait_for_selector(".qg-quiz .qg-results:visible")
    assert page.locator(".qg-score").inner_text() == score
    assert answered_state(page) == before


def test_review_keeps_the_first_attempt_and_the_mode_survives_a_reload(page: Any, server: Any) -> None:
    open_quiz(page, server.url + QUIZ)
    total = len(questions(page))
    first = f"First attempt: {total - 2} of {total} right."
    answer_all(page, wrong=2)
    assert f"You got {total - 2} of {total} right" in page.locator(".qg-results").inner_text()
    page.locator(".qg-review").click()
    assert len(questions(page)) == 2
    assert first in page.locator(".qg-score").inner_text()
    answer(questions(page)[0], correct=True)
    page.reload()
    page.wait_for_selector(".qg-quiz .qg-score")
    assert len(questions(page)) == 2, "still reviewing after a reload"
    score = page.locator(".qg-score").inner_text()
    assert score.startswith("Score: 1 right of 1 answered, 2 questions.") and first in score
    answer(questions(page)[1], correct=True)
    page.locator(".qg-whole").click()
    assert first in page.locator(".qg-score").inner_text()


def test_practice_keeps_its_set_and_answers_over_a_source_link_back_and_reload(page: Any, server: Any) -> None:
    open_quiz(page, server.url + "practice/")
    page.evaluate("window.__sameDocument = true")
    drawn = [f.get_attribute("id") for f in questions(page, "#qg-practice")]
    first = questions(page, "#qg-practice")[0]
    answer(first, correct=True)
    feedback = first.locator(".qg-feedback").inner_text()
    first.locator(".qg-sources a").first.click()
    page.wait_for_selector("#qg-practice", state="detached")  # the article is shown
    page.go_back()
    page.wait_for_selector("#qg-practice .qg-score")
    assert page.evaluate("window.__sameDocument === true")
    assert [f.get_attribute("id") for f in questions(page, "#qg-practice")] == drawn, "Back drew a new set"
    assert questions(page, "#qg-practice")[0].locator(".qg-feedback").inner_text() == feedback
    page.reload()
    page.wait_for_selector("#qg-practice .qg-score")
    assert [f.get_attribute("id") for f in questions(page, "#qg-practice")] == drawn, "a reload drew a new set"
    assert page.locator(".qg-score").inner_text().startswith("Score: 1 right of 1 answered")
    page.locator(".qg-draw").click()
    assert [f.get_attribute("id") for f in questions(page, "#qg-practice")] != drawn, "Draw questions draws a new set"
    assert page.locator(".qg-score").inner_text().startswith("Score: 0 right of 0 answered")


@pytest.fixture
def second_site(site_project: Path) -> Iterator[str]:
    """A copy of the site in a folder of the first: a second quizgen site on the same origin."""
    site = site_project / "site"
    copy = site / "other-topic"
    shutil.copytree(site, site_project / "other-topic")
    shutil.move(str(site_project / "other-topic"), str(copy))
    yield "other-topic/"
    shutil.rmtree(copy, ignore_errors=True)


def progress_total(page: Any, url: str) -> str:
    page.goto(url + "progress/")
    page.wait_for_selector(".qg-progress-total")
    return page.locator(".qg-progress-total").inner_text()


def test_two_sites_on_one_origin_keep_their_own_progress(page: Any, server: Any, second_site: str) -> None:
    first, second = server.url, server.url + second_site
    open_quiz(page, first + QUIZ)
    for fieldset in questions(page)[:3]:
        answer(fieldset, correct=True)
    assert "You have answered 0 of" in progress_total(page, second), "the second site saw the first one's answers"
    open_quiz(page, second + QUIZ)
    assert page.locator(".qg-score").inner_text().startswith("Score: 0 right of 0 answered"), "the quiz state is per site"
    answer(questions(page)[0], correct=True)
    page.evaluate("""localStorage.setItem(Object.keys(localStorage).find(k => k.startsWith('quizgen-v2:/other-topic/') && k.endsWith(':progress')),
                     JSON.stringify(Object.assign(JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('quizgen-v2:/other-topic/') && k.endsWith(':progress')))), {'q-from-an-older-build': {right: true, tries: 1}})))""")
    assert "You have answered 1 of" in progress_total(page, second)
    assert "You have answered 3 of" in progress_total(page, first)
    assert "You have answered 1 of" in progress_total(page, second)
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.endsWith(':progress')).map(k => Object.keys(JSON.parse(localStorage.getItem(k))).length).sort()")
    assert kept == [2, 3], "the progress page deleted answers it does not own"


def test_clearing_progress_asks_first(page: Any, server: Any) -> None:
    open_quiz(page, server.url + QUIZ)
    answer(questions(page)[0], correct=True)
    page.goto(server.url + "progress/")
    page.wait_for_selector(".qg-clear")
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator(".qg-clear").click()
    assert asked and "You have answered 1 of" in page.locator(".qg-progress-total").inner_text(), "cancelling kept the answers"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".qg-clear").click()
    assert "You have answered 0 of" in page.locator(".qg-progress-total").inner_text()
    open_quiz(page, server.url + QUIZ)
    assert page.locator(".qg-score").inner_text().startswith("Score: 0 right of 0 answered")
