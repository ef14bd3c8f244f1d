"""Students' quizzes in a real browser: answering, feedback, results, keyboard, progress, navigation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quiz_driver import answer, answer_with_keyboard, order_by_dragging, questions

from site_checks import mkdocs

ARTICLE_QUIZ = "articles/rudaw-2021-04-07/"


def open_page(page: Any, server: Any, path: str) -> None:
    page.goto(server.url + path)
    page.wait_for_selector("body")


def test_answering_every_question_correctly_gives_100_percent(page: Any, server: Any) -> None:
    open_page(page, server, ARTICLE_QUIZ)
    quiz = page.locator(".qg-quiz")
    for fieldset in questions(page):
        answer(fieldset, correct=True)
    assert "(100%)" in quiz.locator(".qg-results").inner_text()
    assert quiz.locator(".qg-missed").count() == 0


def test_a_wrong_answer_shows_the_correct_one_and_the_explanation(page: Any, server: Any) -> None:
    open_page(page, server, ARTICLE_QUIZ)
    fieldset = page.locator('fieldset.qg-question[data-kind="multiple-choice"]').first
    answer(fieldset, correct=False)
    feedback = fieldset.locator(".qg-feedback").inner_text()
    assert "Not quite. The answer is" in feedback
    correct = fieldset.locator("li.qg-right")
    assert "Correct answer" in correct.inner_text() and "Your answer" in fieldset.locator("li.qg-wrong").inner_text()
    explanation = fieldset.locator(".qg-answer .qg-explanation")
    assert explanation.is_visible() and "(Source:" in explanation.inner_text()
    assert fieldset.locator(".qg-answer .qg-sources a").first.get_attribute("href").count("#quote-") == 1


def test_results_list_the_missed_questions_and_offer_a_review(page: Any, server: Any) -> None:
    open_page(page, server, ARTICLE_QUIZ)
    all_questions = questions(page)
    for number, fieldset in enumerate(all_questions):
        answer(fieldset, correct=number != 0)
    results = page.locator(".qg-results")
    assert results.locator(".qg-missed li").count() == 1
    results.locator(".qg-review").click()
    assert len(questions(page)) == 1, "review shows only the missed question"
    answer(questions(page)[0], correct=True)
    assert "(100%)" in page.locator(".qg-results").inner_text()
    page.locator(".qg-retry").click()
    assert len(questions(page)) == 1, "retry repeats the questions under review"
    assert page.locator(".qg-score").inner_text().startswith("Score: 0 right")
    answer(questions(page)[0], correct=True)
    page.locator(".qg-whole").click()
    assert len(questions(page)) == len(all_questions), "the whole quiz comes back"
    assert page.locator(".qg-score").inner_text().startswith("Score: 0 right of 0 answered")


def test_a_whole_quiz_with_the_keyboard_only(page: Any, server: Any) -> None:
    open_page(page, server, ARTICLE_QUIZ)
    for fieldset in questions(page):
        answer_with_keyboard(page, fieldset)
    assert "(100%)" in page.locator(".qg-results").inner_text()


def test_retry_reshuffles_the_options(page: Any, server: Any) -> None:
    open_page(page, server, "quizzes/all/")
    choice = [f for f in questions(page) if f.get_attribute("data-kind") == "multiple-choice"][:12]
    before = [[li.get_attribute("data-index") for li in f.locator(".qg-options > li").all()] for f in choice]
    for fieldset in questions(page):
        answer(fieldset, correct=True)
    page.locator(".qg-retry").click()
    after = [[li.get_attribute("data-index") for li in f.locator(".qg-options > li").all()] for f in choice]
    assert before != after


def test_ordering_by_dragging_and_by_buttons(page: Any, server: Any) -> None:
    # the seed bank has one ordering item: dragged on one page, ordered by buttons on another
    # (each page keeps its own state), and left shuffled on a third
    pages = ("quizzes/all/", "quizzes/topics/background/", "quizzes/topics/strategic-dialogue/")
    for at, path in enumerate(pages):
        open_page(page, server, path)
        ordering = page.locator('fieldset.qg-question[data-kind="ordering"]')
        assert ordering.count() >= 1, path
        item = ordering.nth(0)
        if at == 0:
            order_by_dragging(page, item)
            item.locator(".qg-check").click()
            assert "Right" in item.locator(".qg-feedback").inner_text()
        elif at == 1:
            answer(item, correct=True)
            assert "Right" in item.locator(".qg-feedback").inner_text()
        else:
            item.locator(".qg-check").click()  # left in the shuffled order: always wrong
            assert "Not quite" in item.locator(".qg-feedback").inner_text() and item.locator(".qg-badge").count() == 4


def test_flashcards_flip_and_repeat_the_ones_not_known(page: Any, server: Any) -> None:
    open_page(page, server, "flashcards/")
    status = page.locator(".qg-card-status")
    total = page.locator(".qg-card").count()
    assert f"0 of {total} known" in status.inner_text()
    card = page.locator(".qg-card:visible")
    assert card.count() == 1 and not card.locator(".qg-card-definition").is_visible()
    page.locator(".qg-flip").click()
    assert card.locator(".qg-card-definition").is_visible()
    first_term = card.get_attribute("data-term")
    page.locator(".qg-not-yet").click()
    for _ in range(total - 1):
        page.locator(".qg-flip").click()
        page.locator(".qg-known").click()
    assert page.locator(".qg-card:visible").get_attribute("data-term") == first_term, "the card not known comes back"
    page.locator(".qg-flip").click()
    page.locator(".qg-known").click()
    assert f"You know all {total} terms." in status.inner_text()
    page.reload()
    assert f"You know all {total} terms." in page.locator(".qg-card-status").inner_text(), "flashcard progress is kept"


def test_every_practice_filter_offered_draws_questions(page: Any, server: Any) -> None:
    """No choice of article, topic or kind on Practice answers only "No question matches these filters"."""
    open_page(page, server, "practice/")
    page.wait_for_selector("#qg-practice fieldset.qg-question")
    for name in ("article", "topic", "kind"):
        values = page.eval_on_selector_all(f"select[name={name}] option", "options => options.map(o => o.value).filter(Boolean)")
        assert values, name
        for value in values:
            page.select_option(f"select[name={name}]", value)
            page.locator(".qg-draw").click()
            assert questions(page, "#qg-practice"), f"{name} {value}: {page.locator('#qg-practice').inner_text()[:200]}"
        page.select_option(f"select[name={name}]", "")


def test_practice_draws_a_new_set_on_request_and_keeps_it_over_a_reload(page: Any, server: Any) -> None:
    open_page(page, server, "practice/")
    page.wait_for_selector("#qg-practice fieldset.qg-question")
    first = [f.get_attribute("id") for f in questions(page, "#qg-practice")]
    page.reload()
    page.wait_for_selector("#qg-practice fieldset.qg-question")
    assert [f.get_attribute("id") for f in questions(page, "#qg-practice")] == first
    page.locator(".qg-draw").click()
    second = {f.get_attribute("id") for f in questions(page, "#qg-practice")}
    assert len(first) == len(second) == 10 and set(first) != second
    page.select_option("select[name=kind]", "multiple-choice")
    page.select_option("select[name=count]", "5")
    page.locator(".qg-draw").click()
    drawn = questions(page, "#qg-practice")
    assert len(drawn) == 5 and all(f.get_attribute("data-kind") == "multiple-choice" for f in drawn)
    answer(drawn[0])
    assert "Right" in drawn[0].locator(".qg-feedback").inner_text()


def test_instant_navigation_between_two_quizzes_keeps_both_working(page: Any, server: Any) -> None:
    open_page(page, server, "quizzes/")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href*='topics/']").first.click()
    page.wait_for_selector(".qg-quiz .qg-score")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation kept the page"
    answer(questions(page)[0])
    assert "Right" in questions(page)[0].locator(".qg-feedback").inner_text()
    page.go_back()
    page.wait_for_selector("article a[href*='topics/']")
    page.locator("article a[href*='all/']").first.click()
    page.wait_for_selector(".qg-quiz .qg-score")
    assert page.evaluate("window.__sameDocument === true")
    fieldset = questions(page)[0]
    answer(fieldset)
    assert "Right" in fieldset.locator(".qg-feedback").inner_text()


def test_progress_survives_a_reload_and_a_rebuild(page: Any, server: Any, site_project: Path) -> None:
    page.on("dialog", lambda dialog: dialog.accept())  # "Clear my progress" asks first
    open_page(page, server, ARTICLE_QUIZ)
    answered = questions(page)[:3]
    ids = [f.get_attribute("id") for f in answered]
    facts = [f.get_attribute("data-family") for f in answered]
    for fieldset in answered:
        answer(fieldset, correct=True)
    page.reload()
    open_page(page, server, "progress/")
    assert "You have answered 3 of" in page.locator(".qg-progress-total").inner_text()
    # Rebuild the site with one of those questions changed: its old id no longer exists.
    import json

    bank = json.loads((site_project / "site" / "exports" / "questions.json").read_text(encoding="utf-8"))
    changed = next(q for q in bank["questions"] if q["id"] == ids[0])
    saved = {p: p.read_text(encoding="utf-8") for p in (site_project / "seeds" / "facts").glob("*.yaml")}
    fact_id = changed["facts"][0]
    try:
        for path, text in saved.items():
            marker = f"  - id: {fact_id}\n"
            if marker in text:
                start = text.index(marker)
                statement_at = text.index("    statement: ", start)
                line_end = text.index("\n", statement_at)
                statement = text[statement_at + len("    statement: "):line_end]
                path.write_text(text[:statement_at] + "    statement: " + statement.rstrip(".") + ", as reported.\n" + text[line_end + 1:], encoding="utf-8")
        result = mkdocs(site_project, "build")
        assert result.returncode == 0, result.stderr
        page.reload()
        new_ids = {q["id"] for q in json.loads((site_project / "site" / "exports" / "questions.json").read_text(encoding="utf-8"))["questions"]}
        still = set(ids) & new_ids
        assert f"You have answered {len(still)} of" in page.locator(".qg-progress-total").inner_text(), "only questions that exist count"
        stored = page.evaluate("Object.keys(JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith(':progress')))))")
        assert set(stored) == set(ids), "nothing is deleted: an answer may belong to another build"
    finally:
        for path, text in saved.items():
            path.write_text(text, encoding="utf-8")
        assert mkdocs(site_project, "build").returncode == 0
    page.reload()
    page.locator(".qg-clear").click()
    assert "You have answered 0 of" in page.locator(".qg-progress-total").inner_text()
    del facts


def test_without_javascript_a_quiz_is_a_list_with_answers_behind_disclosures(browser: Any, server: Any, site_project: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(server.url + ARTICLE_QUIZ)
    fieldset = tab.locator("fieldset.qg-question").first
    assert fieldset.locator("legend").is_visible() and fieldset.locator(".qg-options > li").count() >= 2
    assert tab.locator(".qg-quiz input[type=radio]").count() == 0, "the quiz is not enhanced without JavaScript"
    details = fieldset.locator("details.qg-answer")
    assert not details.locator(".qg-explanation").is_visible()
    details.locator("summary").click()
    assert details.locator(".qg-explanation").is_visible()
    context.close()


def test_printing_a_quiz_hides_the_answers(page: Any, server: Any) -> None:
    open_page(page, server, ARTICLE_QUIZ)
    page.emulate_media(media="print")
    assert not page.locator(".qg-answer").first.is_visible()
    assert not page.locator(".qg-check").first.is_visible()
    assert page.locator("fieldset.qg-question legend").first.is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
