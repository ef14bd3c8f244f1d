"""axe-core on every interactive page, in both palettes; screenshots for review."""

from __future__ import annotations

from typing import Any

import pytest
from browser_env import AXE, SCREENSHOTS

PAGES = ["articles/rudaw-2021-04-07/", "quizzes/all/", "quizzes/topics/withdrawal-agreement/", "practice/", "timeline/", "briefing/", "sources/",
         "flashcards/", "progress/"]
# Colours are judged once transitions have ended: axe reading a colour half-way through a hover fade
# reports a colour no one sees for long (and a real problem at the end state is caught all the same).
SETTLE = "async () => { await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))); }"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violation(page: Any, server: Any, path: str, scheme: str, width: int) -> None:
    _no_serious_violation(page, server, path, scheme, width)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_axe_violation_on_the_written_items(written_page: Any, written_server: Any, scheme: str, width: int) -> None:
    """The page of numeric, matching and cloze items, on a site that has them (tests/written_corpus.py)."""
    _no_serious_violation(written_page, written_server, "quizzes/write-match-fill/", scheme, width)


def _no_serious_violation(page: Any, server: Any, path: str, scheme: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    from quiz_driver import answer

    for kind in ("multiple-choice", "numeric", "matching", "cloze"):  # check the states after answering too
        fieldset = page.locator(f"fieldset.qg-question[data-kind='{kind}']")
        if fieldset.count():
            answer(fieldset.first, correct=False)
    page.add_script_tag(path=str(AXE))
    page.evaluate(SETTLE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize(("width", "height", "label"), [(1280, 900, "desktop"), (390, 844, "phone")])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_a_quiz_page(browser: Any, server: Any, site_project: Any, width: int, height: int, label: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, device_scale_factor=1)
    tab = context.new_page()
    tab.goto(server.url + "articles/rudaw-2021-04-07/#quiz")
    from quiz_driver import answer

    questions = tab.locator("fieldset.qg-question")
    answer(questions.nth(0), correct=True)
    answer(questions.nth(1), correct=False)
    questions.nth(0).scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"quiz-{label}-{scheme}.png"
    tab.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling"
    context.close()


@pytest.mark.parametrize(("width", "height", "label"), [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots_of_results_flashcards_and_progress(browser: Any, server: Any, site_project: Any, width: int, height: int, label: str) -> None:
    from quiz_driver import answer

    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    tab = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.goto(server.url + "quizzes/topics/fight-against-isis/")
    questions = tab.locator("fieldset.qg-question")
    tab.screenshot(path=str(SCREENSHOTS / f"quiz-before-{label}.png"))
    for i in range(questions.count()):
        answer(questions.nth(i), correct=i % 5 != 1)
    tab.locator(".qg-results").scroll_into_view_if_needed()
    tab.screenshot(path=str(SCREENSHOTS / f"results-{label}.png"))
    tab.locator(".qg-start-test").click()  # test mode, on the same quiz: the summary of a finished test
    for i in range(questions.count()):
        answer(questions.nth(i), correct=i % 4 != 1)
    tab.locator(".qg-finish").click()
    tab.locator(".qg-results").scroll_into_view_if_needed()
    tab.screenshot(path=str(SCREENSHOTS / f"test-summary-{label}.png"))
    tab.emulate_media(media="print")
    tab.screenshot(path=str(SCREENSHOTS / f"test-summary-print-{label}.png"), full_page=True)
    tab.emulate_media(media="screen")
    for path, name in (("flashcards/", "flashcards"), ("progress/", "progress"), ("briefing/", "briefing")):
        tab.goto(server.url + path)
        tab.wait_for_load_state("networkidle")
        if name == "flashcards":
            tab.locator(".qg-flip").click()
        tab.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=name == "progress")
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{name}: no sideways scrolling"
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_axe_violation_in_test_mode(page: Any, server: Any, scheme: str, width: int) -> None:
    from quiz_driver import answer

    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(server.url + "quizzes/topics/withdrawal-agreement/")
    page.select_option(".qg-mode select[name=limit]", "10")
    page.locator(".qg-start-test").click()
    answer(page.locator("fieldset.qg-question").first, correct=False)
    page.add_script_tag(path=str(AXE))
    for state in ("running", "finished"):
        if state == "finished":
            page.locator(".qg-finish").click()
        page.evaluate(SETTLE)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], state


def contrast_of(page: Any, selector: str) -> list[str]:
    result = page.evaluate("async (sel) => await axe.run({include: [[sel]]}, {runOnly: ['color-contrast']})", selector)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]} {[n['any'][0]['message'] for n in v['nodes']][:1]}"
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_and_buttons_stay_readable_under_the_pointer(page: Any, server: Any, scheme: str) -> None:
    """A student points at "Show me where to look" or "Check answer": its text stays readable
    (WCAG AA contrast) while hovered and focused, not only at rest."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(server.url + "practice/")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    fieldset = page.locator("fieldset.qg-question[data-kind='multiple-choice']").first
    targets = {"hint": fieldset.locator(".qg-hint").first, "check": fieldset.locator(".qg-check")}
    problems = []
    for name, target in targets.items():
        for state in ("hover", "focus"):
            target.scroll_into_view_if_needed()
            target.hover() if state == "hover" else target.focus()
            page.evaluate(SETTLE)
            marker = f"qg-probe-{name}-{state}"
            target.evaluate(f"el => el.classList.add('{marker}')")
            problems += [f"{name} ({state}): {p}" for p in contrast_of(page, f".{marker}")]
            target.evaluate(f"el => el.classList.remove('{marker}')")
            page.mouse.move(0, 0)
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
    assert problems == []
