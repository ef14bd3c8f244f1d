"""Golden files for every kind of generated page and for the JSON bank, from the fixture corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.teachers.downloads import pdf_renderer

from golden_files import assert_golden

BASE = Path(__file__).parent / "fixtures" / "base_corpus"
GOLDENS = Path(__file__).parent / "goldens" / "site"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    render_pdf = pdf_renderer(tmp_path_factory.mktemp("pdf-cache"))
    return build_site_content(load_corpus(BASE, display_root="seeds"), render_pdf=render_pdf)


PAGES = ["index.md", "briefing.md", "timeline.md", "articles/index.md", "articles/daily-2020.md", "quizzes/index.md",
         "quizzes/all.md", "quizzes/write-match-fill.md", "quizzes/topics/bridges.md", "glossary.md", "people.md", "sources.md", "practice.md",
         "progress.md", "flashcards.md", "teachers.md"]


@pytest.mark.parametrize("uri", PAGES)
def test_page_matches_golden(content, uri: str, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    assert_golden(GOLDENS / uri, content.pages[uri], update_goldens)


def test_bank_json_matches_golden(content, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    assert_golden(GOLDENS / "exports" / "questions.json", content.files["exports/questions.json"].decode("utf-8"), update_goldens)


def test_practice_questions_match_golden(content, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    """What Practice clones: the bank's questions but the written ones, as the quiz pages render them."""
    html = content.files["exports/practice-questions.html"].decode("utf-8")
    assert_golden(GOLDENS / "exports" / "practice-questions.html", html, update_goldens)


def test_every_generated_page_has_a_golden(content) -> None:  # type: ignore[no-untyped-def]
    kinds = {uri.split("/")[0] if "/" in uri else uri for uri in content.pages}
    covered = {uri.split("/")[0] if "/" in uri else uri for uri in PAGES}
    assert kinds <= covered


OLD_STYLE_QUIZ = """<div class="qg-quiz" data-quiz="{{ quiz_id }}" data-question-count="{{ items|length }}">
{% if quiz_id != "practice" %}<div class="qg-mode" role="group" aria-label="Test mode" hidden data-search-exclude><p class="qg-mode-note">Test mode holds every answer's feedback until you finish.</p><label class="qg-filter">Time limit <select name="limit"><option value="0">None</option><option value="5">5 minutes</option><option value="10">10 minutes</option><option value="20">20 minutes</option></select></label><button type="button" class="md-button qg-start-test">Start a test</button><span class="qg-timer" role="timer" aria-live="off"></span><button type="button" class="md-button md-button--primary qg-finish">Finish the test</button><button type="button" class="md-button qg-practice-mode">Back to practice mode</button></div>
{% endif %}<p class="qg-score" role="status" aria-live="polite" hidden></p>
<ol class="qg-questions">
{% for item in items %}
<li class="qg-item">
<fieldset class="qg-question" id="{{ item.q.id }}" data-question-id="{{ item.q.id }}" data-kind="{{ item.q.kind }}" data-family="{{ item.q.family }}" data-difficulty="{{ item.q.difficulty }}" data-topics="{{ item.q.topics|join(' ') }}" data-articles="{{ item.q.articles|join(' ') }}"{% if item.q.correct is not none %} data-correct="{{ item.q.correct }}"{% endif %}{% if item.q.correct_order %} data-order="{{ item.q.correct_order|join(',') }}"{% endif %}>
<legend><span class="qg-number">{{ loop.index }}.</span> {{ item.q.stem }}</legend>
<ol class="qg-options" type="{{ '1' if item.q.kind == 'ordering' else 'A' }}">
{% for option in item.q.options %}
<li class="qg-option" data-index="{{ loop.index0 }}"{% if item.q.option_notes[loop.index0] %} data-note="{{ item.q.option_notes[loop.index0] }}"{% endif %}>{{ option }}</li>
{% endfor %}
</ol>
<details class="qg-answer" data-search-exclude>
<summary>Answer and explanation</summary>
<p class="qg-correct"><strong>Answer:</strong> {{ item.answer }}</p>
<p class="qg-explanation">{{ item.q.explanation }}</p>
<p class="qg-sources">Sources:{% for link in item.sources %} <a href="{{ link.url }}">{{ link.label }}</a>{{ ";" if not loop.last }}{% endfor %}</p>
</details>
</fieldset>
</li>
{% endfor %}
</ol>
<section class="qg-results" aria-live="polite" hidden data-search-exclude><button type="button" class="md-button qg-print">Print this summary</button><button type="button" class="md-button qg-retry">Retry (options reshuffled)</button><button type="button" class="md-button md-button--primary qg-review">Review my mistakes</button><button type="button" class="md-button qg-whole">Whole quiz again</button></section>
</div>
"""


def test_a_quiz_template_written_field_by_field_still_works(content, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """quiz.html gets each question as parts rendered once (item.head, item.body, item.sources_line);
    a project's own quiz.html that writes the question out from item.q, item.answer and
    item.sources, as quiz.html did before, gives the same pages."""
    (tmp_path / "quiz.html").write_text(OLD_STYLE_QUIZ, encoding="utf-8")
    own = build_site_content(load_corpus(BASE, display_root="seeds"), template_dirs=(tmp_path,))
    for uri in ("articles/daily-2020.md", "quizzes/topics/bridges.md", "quizzes/all.md"):
        assert 'class="qg-sources">Sources: <a href=' in own.pages[uri]
        assert own.pages[uri] == content.pages[uri]
