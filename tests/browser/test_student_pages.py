"""What a student sees on flashcards, Practice, progress and quiz pages: nothing reset without asking,
sources named, questions numbered and told apart, layouts that fit a phone, and a keyboard path."""

from __future__ import annotations

from typing import Any

from browser_env import SCREENSHOTS
from quiz_driver import answer, questions

QUIZ = "quizzes/topics/fight-against-isis/"
PHONE = {"width": 390, "height": 844}


def test_flashcards_run_to_the_end_shuffled_and_start_again_asks(page: Any, server: Any) -> None:
    page.goto(server.url + "flashcards/")
    page.wait_for_selector(".qg-card-status")
    alphabetical = [c.get_attribute("data-term") for c in page.locator(".qg-card").all()]
    card = page.locator(".qg-card:visible")
    assert not card.locator("details").is_visible(), "an empty bar under the term"
    shown = []
    for _ in alphabetical:
        shown.append(page.locator(".qg-card:visible").get_attribute("data-term"))
        page.locator(".qg-flip").click()
        page.locator(".qg-known").click()
    assert sorted(shown) == sorted(alphabetical) and shown != alphabetical, "cards come in shuffled order"
    assert f"You know all {len(alphabetical)} terms." in page.locator(".qg-card-status").inner_text()
    for name in (".qg-flip", ".qg-known", ".qg-not-yet"):
        assert not page.locator(name).is_visible(), f"{name} still offered after the last card"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "flashcards-done-desktop.png"))
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator(".qg-again").click()
    assert asked and "You know all" in page.locator(".qg-card-status").inner_text(), "cancelling kept the cards"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".qg-again").click()
    assert f"0 of {len(alphabetical)} known" in page.locator(".qg-card-status").inner_text()


def test_practice_names_outlets_numbers_questions_and_tells_missed_ones_apart(page: Any, server: Any) -> None:
    page.goto(server.url + "practice/")
    page.wait_for_selector("#qg-practice .qg-score")
    outlets = page.evaluate("fetch('../exports/questions.json').then(r => r.json()).then(b => Object.values(b.articles).map(a => a.outlet))")
    page.select_option("select[name=kind]", "multiple-choice")
    page.select_option("select[name=count]", "5")
    page.locator(".qg-draw").click()
    drawn = questions(page, "#qg-practice")
    assert len(drawn) == 5
    for number, fieldset in enumerate(drawn, 1):
        assert fieldset.locator("legend").inner_text().startswith(f"{number}."), "questions are numbered"
        answer(fieldset, correct=False)
        links = fieldset.locator(".qg-sources a").all_inner_texts()
        assert links and set(links) <= set(outlets), f"sources named by outlet: {links}"
    missed = page.locator(".qg-missed li").all_inner_texts()
    assert len(missed) == 5 and len(set(missed)) == 5, f"identical entries in the missed list: {missed}"


def test_a_question_reads_inside_its_box_and_says_what_it_can_do(page: Any, server: Any) -> None:
    page.goto(server.url + QUIZ)
    page.wait_for_selector(".qg-quiz .qg-score")
    inside = page.evaluate("""[...document.querySelectorAll('fieldset.qg-question')].slice(0, 5).every(fs => {
        const box = fs.getBoundingClientRect(), legend = fs.querySelector('legend').getBoundingClientRect(), style = getComputedStyle(fs);
        return legend.top >= box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) - 0.5; })""")
    assert inside, "the question's first line sits on its box's border"
    fieldset = questions(page)[0]
    check = fieldset.locator(".qg-check")
    enabled = check.evaluate("b => getComputedStyle(b).opacity")
    answer(fieldset, correct=False)
    assert page.evaluate("document.activeElement.classList.contains('qg-feedback')"), "after Check the focus is on the feedback"
    assert check.is_disabled() and float(check.evaluate("b => getComputedStyle(b).opacity")) < float(enabled) * 0.7, "a disabled Check looks disabled"
    for rest in questions(page)[1:]:
        answer(rest, correct=True)
    page.locator(".qg-review").click()
    score = page.locator(".qg-score").inner_text()
    assert ", 1 question." in score and "1 questions" not in score


def test_the_first_option_is_two_key_presses_away(page: Any, server: Any) -> None:
    page.goto(server.url + QUIZ)
    page.wait_for_selector(".qg-quiz .qg-score")
    page.keyboard.press("Tab")
    assert "quiz" in page.evaluate("document.activeElement.textContent").lower()
    page.keyboard.press("Enter")
    first = questions(page)[0].get_attribute("id")
    assert page.evaluate("document.activeElement.closest('fieldset') && document.activeElement.closest('fieldset').id") == first


def test_ordering_on_a_phone_has_44px_buttons_and_no_dead_ends(browser: Any, server: Any, site_project: Any) -> None:
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(server.url + QUIZ)
    fieldset = tab.locator('fieldset.qg-question[data-kind="ordering"]').first
    fieldset.scroll_into_view_if_needed()
    for button in fieldset.locator(".qg-move").all():
        box = button.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, f"a {box} button"
    items = fieldset.locator(".qg-options > li")
    assert items.first.locator(".qg-up").is_disabled() and items.last.locator(".qg-down").is_disabled()
    assert items.nth(1).locator(".qg-up").is_enabled() and items.first.locator(".qg-down").is_enabled()
    for item in items.all():
        text, up = item.locator(".qg-text").bounding_box(), item.locator(".qg-up").bounding_box()
        assert text and up and up["y"] < text["y"] + text["height"] and up["x"] > text["x"], "the buttons sit beside the text"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "ordering-phone.png"))
    context.close()


def test_the_progress_page_is_readable_on_a_phone_and_links_to_weak_topics(browser: Any, server: Any, site_project: Any) -> None:
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(server.url + QUIZ)
    tab.wait_for_selector(".qg-quiz .qg-score")
    for fieldset in questions(tab)[:4]:
        if fieldset.get_attribute("data-kind") != "ordering":
            answer(fieldset, correct=False)
    tab.goto(server.url + "progress/")
    tab.wait_for_selector(".qg-progress-table")
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling"
    cells = tab.evaluate("""[...document.querySelectorAll('.qg-progress-table th[scope=row]')].map(th => { const s = getComputedStyle(th);
        return (th.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.lineHeight); })""")
    assert cells and max(cells) <= 3.1, f"row titles {max(cells):.1f} lines high"
    head = tab.locator(".qg-progress-table th[scope=col]:visible").first
    assert float(head.evaluate("th => parseFloat(getComputedStyle(th).paddingLeft) + parseFloat(getComputedStyle(th).paddingRight)")) >= 8
    weak = tab.locator(".qg-weak a")
    assert weak.count() >= 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "progress-phone.png"), full_page=True)
    weak.first.click()
    tab.wait_for_selector(".qg-quiz .qg-score")
    assert "/quizzes/topics/" in tab.url
    context.close()


def test_a_practice_question_reads_as_the_quiz_pages_render_it(page: Any, server: Any, site_project: Any) -> None:
    """Practice shows the server's own question: the answer line, the explanation and every source
    link (its label and where it leads) as on the quiz pages, not a copy rebuilt from the bank."""
    def as_rendered(scope: str) -> dict[str, Any]:
        return page.evaluate(f"""Object.fromEntries([...document.querySelectorAll('{scope} fieldset.qg-question')].map(fs => [fs.id, {{
            answer: [...fs.querySelectorAll('.qg-answer > p')].map(p => p.textContent.trim()),
            links: [...fs.querySelectorAll('.qg-sources a')].map(a => [a.textContent, a.href]),
            data: [fs.dataset.difficulty, fs.dataset.topics, fs.dataset.articles]}}]))""")

    server_side = {}
    written = site_project / "site" / "quizzes" / "write-match-fill"  # cloze items, where the bank has some
    for quiz in ("quizzes/all/", *(["quizzes/write-match-fill/"] if written.is_dir() else [])):
        page.goto(server.url + quiz)
        page.wait_for_selector(".qg-quiz .qg-score")
        server_side.update(as_rendered(""))
    page.goto(server.url + "practice/")
    page.wait_for_selector("#qg-practice .qg-score")
    page.select_option("select[name=count]", "20")
    page.locator(".qg-draw").click()
    drawn = as_rendered("#qg-practice")
    assert len(drawn) == 20
    for qid, shown in drawn.items():
        assert shown == server_side[qid], f"{qid} differs from its quiz page"
