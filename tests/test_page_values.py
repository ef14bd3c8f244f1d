"""A page's quizzes are kept apart from its prose: the glossary's tooltips come from the prose only,
and a quiz lands wherever, and however often, a page template places it. Each question's HTML is
written whole, by one template."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.generate.question_bank import build_question_bank
from quizgen.render.environment import builtin_templates_dir, make_environments
from quizgen.render.links import SiteLinks
from quizgen.render.quiz_html import QuizRenderer

BASE = Path(__file__).parent / "fixtures" / "base_corpus"
TOPIC_PAGE = "quizzes/topics/bridges.md"
RTB_LINE = "*[RTB]: Riverton Town Bridge: The new bridge across the river in Riverton.\n"


def _pages(templates: Path, files: dict[str, str]) -> dict[str, str]:
    for name, text in files.items():
        (templates / name).write_text(text, encoding="utf-8")
    return build_site_content(load_corpus(BASE, display_root="seeds"), template_dirs=(templates,), worksheets="none").pages


def test_an_abbreviation_only_in_a_quiz_gets_no_tooltip_line(tmp_path: Path) -> None:
    """Python-Markdown's abbr extension leaves a quiz (raw HTML) alone: a tooltip line for a word
    only the quiz holds would be dead weight on every such page."""
    quiz = '<div class="qg-quiz">The RTB quiz{% for item in items %} {{ item.q.id }}{% endfor %}</div>\n'
    for placed in ("{{ quiz }}\n", "{{ quiz }}\n\nAnd once more:\n\n{{ quiz }}\n"):
        page = _pages(tmp_path, {"quiz.html": quiz, "quiz.md": f"# {{{{ title }}}}\n\n{{{{ intro }}}}\n\n{placed}"})[TOPIC_PAGE]
        assert page.count("The RTB quiz") == placed.count("quiz")
        assert RTB_LINE not in page


def test_an_abbreviation_in_the_prose_gets_its_tooltip_line(tmp_path: Path) -> None:
    page = _pages(tmp_path, {"quiz.md": "# {{ title }}\n\n{{ intro }} About the RTB.\n\n{{ quiz }}\n"})[TOPIC_PAGE]
    assert page.endswith("\n\n" + RTB_LINE)


def test_a_quiz_lands_wherever_and_however_often_the_template_places_it(tmp_path: Path) -> None:
    default = build_site_content(load_corpus(BASE, display_root="seeds"), worksheets="none").pages[TOPIC_PAGE]
    # the quiz: from its div to the page's last closing one (it holds divs of its own, the test-mode bar)
    quiz = default[default.index('<div class="qg-quiz"'):default.rindex("</div>\n") + len("</div>\n")]
    page = _pages(tmp_path, {"quiz.md": "{{ quiz }}\n# {{ title }}\n\n{{ quiz }}\n"})[TOPIC_PAGE]
    assert page == f"{quiz}\n# Quiz: Bridges\n\n{quiz}\n"


class _Tags(HTMLParser):
    """The tags left open, and those closed that were not open, in an HTML fragment."""

    VOID = {"input", "br", "img", "hr", "meta", "link", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.stray.append(tag)


def test_each_question_is_written_whole_by_one_template() -> None:
    """A maintainer who overrides quiz_question.html edits one macro that opens and closes every tag
    of a question; no other template closes what it opened."""
    corpus = load_corpus(BASE, display_root="seeds")
    bank = build_question_bank(corpus)
    _, html = make_environments()
    rendered = 0
    for q in (*bank.questions, *bank.numeric, *bank.matching, *bank.cloze):
        tags = _Tags()
        tags.feed(str(QuizRenderer(corpus, html, SiteLinks()).render("quizzes/all.md", "all", [q]).html))
        tags.close()
        assert (tags.open, tags.stray) == ([], []), q.id
        rendered += 1
    assert rendered, "the fixture bank holds questions"
    source = (builtin_templates_dir() / "quiz_question.html").read_text(encoding="utf-8")
    macro = _Tags()
    macro.feed(re.sub(r"\{[{%#].*?[}%#]\}", "", source, flags=re.DOTALL))
    assert (macro.open, macro.stray) == ([], [])
