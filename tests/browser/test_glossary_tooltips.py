"""Glossary tooltips: every term and alias in a page's prose explains itself with its definition,
only glossary terms carry one, and never inside a quiz (a tooltip must not give an answer away)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("path", ["briefing/", "articles/rt-2021-04-07/", "timeline/"])
def test_tooltips_give_the_definition_of_glossary_terms_only(page: Any, server: Any, path: str) -> None:
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    glossary = page.evaluate("fetch(new URL('exports/glossary.json', document.querySelector('script[src$=\"quizgen.js\"]').src.replace(/assets\\/quizgen\\.js$/, ''))).then(r => r.json())")
    definitions = {name: term["definition"] for term in glossary["terms"] for name in [term["term"], *term["aliases"]]}
    tips = page.evaluate("[...document.querySelectorAll('article abbr')].map(a => [a.textContent, a.title || a.dataset.mdTooltip || '', !!a.closest('.qg-quiz')])")
    assert tips, "no glossary term in the page's prose has a tooltip"
    for text, title, in_quiz in tips:
        assert text in definitions, f"a tooltip on {text!r}, which is not in the glossary"
        assert definitions[text] in title, f"the tooltip of {text!r} gives no definition: {title!r}"
        assert not in_quiz, f"a tooltip on {text!r} inside a quiz"
