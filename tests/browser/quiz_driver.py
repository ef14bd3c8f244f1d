"""Answering quiz questions in the browser as a student would: by mouse, drag or keyboard."""

from __future__ import annotations

from typing import Any


def questions(page: Any, scope: str = "") -> list[Any]:
    return page.locator(f"{scope} fieldset.qg-question:visible").all()


def answer_choice(fieldset: Any, correct: bool) -> None:
    right = fieldset.get_attribute("data-correct")
    options = fieldset.locator(".qg-options > li")
    for index in range(options.count()):
        option = options.nth(index)
        if (option.get_attribute("data-index") == right) == correct:
            option.locator("label").click()
            break
    fieldset.locator(".qg-check").click()


def current_order(fieldset: Any) -> list[str]:
    return [li.get_attribute("data-index") for li in fieldset.locator(".qg-options > li").all()]


def order_with_buttons(fieldset: Any) -> None:
    target = fieldset.get_attribute("data-order").split(",")
    for position, index in enumerate(target):
        item = fieldset.locator(f'.qg-options > li[data-index="{index}"]')
        while current_order(fieldset).index(index) > position:
            item.locator(".qg-up").click()


def order_by_dragging(page: Any, fieldset: Any) -> None:
    target = fieldset.get_attribute("data-order").split(",")
    for position, index in enumerate(target):
        order = current_order(fieldset)
        if order.index(index) != position:
            source = fieldset.locator(f'.qg-options > li[data-index="{index}"] .qg-text')
            destination = fieldset.locator(f'.qg-options > li[data-index="{order[position]}"]')
            box = destination.bounding_box()
            source.drag_to(destination, target_position={"x": 10, "y": 2})
            assert box is not None


def write_number(fieldset: Any, correct: bool) -> None:
    value = float(fieldset.get_attribute("data-value")) + (0 if correct else 10 * float(fieldset.get_attribute("data-tolerance")) + 7)
    fieldset.locator("input.qg-write").fill(f"{value:,.0f}")
    fieldset.locator(".qg-check").click()


def match_pairs(fieldset: Any, correct: bool) -> None:
    """Chooses each item's letter (``data-order``); a wrong answer swaps the first two letters."""
    letters = fieldset.get_attribute("data-order").split(",")
    if not correct:
        letters[0], letters[1] = letters[1], letters[0]
    for index, letter in enumerate(letters):
        fieldset.locator(f'.qg-options > li[data-index="{index}"] select').select_option(letter)
    fieldset.locator(".qg-check").click()


def answer(fieldset: Any, correct: bool = True) -> None:
    kind = fieldset.get_attribute("data-kind")
    if kind == "numeric":
        write_number(fieldset, correct)
    elif kind == "matching":
        match_pairs(fieldset, correct)
    elif kind == "ordering":
        if correct:
            order_with_buttons(fieldset)
        fieldset.locator(".qg-check").click()
    else:
        answer_choice(fieldset, correct)


def tab_until(page: Any, predicate_js: str, limit: int = 400) -> None:
    """Press Tab until the focused element satisfies ``predicate_js`` (a JS expression on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!(el && ({predicate_js})); }})()"):
            return
    raise AssertionError(f"Tab never reached: {predicate_js}")


def answer_with_keyboard(page: Any, fieldset: Any) -> None:
    qid = fieldset.get_attribute("id")
    inside = f"el.closest('fieldset') && el.closest('fieldset').id === '{qid}'"
    if fieldset.get_attribute("data-kind") == "ordering":
        target = fieldset.get_attribute("data-order").split(",")
        for position, index in enumerate(target):
            steps = current_order(fieldset).index(index) - position
            if steps:
                tab_until(page, f"{inside} && el.classList.contains('qg-up') && el.closest('li').dataset.index === '{index}'")
                for _ in range(steps):
                    page.keyboard.press("Enter")
    else:
        tab_until(page, f"{inside} && el.type === 'radio'")
        right = fieldset.get_attribute("data-correct")
        radios = fieldset.locator("input[type=radio]")
        position = [radios.nth(i).get_attribute("value") for i in range(radios.count())].index(right)
        page.keyboard.press("Space")  # select the first option, then move to the right one
        for _ in range(position):
            page.keyboard.press("ArrowDown")
    tab_until(page, f"{inside} && el.classList.contains('qg-check')")
    page.keyboard.press("Enter")
