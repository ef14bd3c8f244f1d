"""Real `mkdocs build --strict` runs on the fixture corpus: pages, links, hosts, search, determinism."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from site_checks import (
    REPO,
    html_pages,
    make_project,
    mkdocs,
    parse_page,
    resolve_link,
    tree_digest,
)

BASE = Path(__file__).parent / "fixtures" / "base_corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("site") / "project", BASE)
    shutil.copy(REPO / "docs" / "README.txt", project / "docs" / "README.txt")  # as in a fresh clone
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_page_kind_is_built(built: Path) -> None:
    for page in ["index.html", "briefing/index.html", "timeline/index.html", "sources/index.html", "glossary/index.html",
                 "people/index.html", "articles/index.html", "articles/daily-2020/index.html", "quizzes/index.html",
                 "quizzes/all/index.html", "quizzes/topics/bridges/index.html"]:
        assert (built / page).is_file(), page
    bank = json.loads((built / "exports" / "questions.json").read_text(encoding="utf-8"))
    assert bank["question_count"] == len(bank["questions"]) > 0
    for question in bank["questions"]:
        assert {"id", "kind", "stem", "options", "correct", "explanation", "sources", "topics", "difficulty"} <= set(question)


def test_nothing_is_written_into_docs(built: Path) -> None:
    assert not any(p.suffix == ".md" for p in (built.parent / "docs").rglob("*"))


def test_the_docs_folders_note_is_not_published(built: Path) -> None:
    """docs/README.txt tells a curator why docs/ is empty; it is not a page for students."""
    assert (built.parent / "docs" / "README.txt").is_file()
    assert not (built / "README.txt").exists()


def test_no_page_references_another_host(built: Path) -> None:
    allowed: set[str] = set()  # the fixture's articles have no links of their own
    for page in html_pages(built):
        parsed = parse_page(page)
        for ref in parsed.sources + parsed.links:
            if ref.startswith(("http://", "https://", "//")):
                assert any(ref.startswith(a) for a in allowed), f"{page.relative_to(built)} references {ref}"
    for asset in list(built.rglob("*.css")):
        text = asset.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, asset


def test_every_internal_link_and_anchor_resolves(built: Path) -> None:
    ids = {page: parse_page(page).ids for page in html_pages(built)}
    broken = []
    for page in html_pages(built):
        for href in parse_page(page).links:
            resolved = resolve_link(page, href, built)
            if resolved is None:
                continue
            target, anchor = resolved
            if not target.exists():
                broken.append(f"{page.relative_to(built)} -> {href} (no file)")
            elif anchor and target.suffix == ".html" and anchor not in ids.get(target, set()):
                broken.append(f"{page.relative_to(built)} -> {href} (no anchor)")
    assert not broken, "\n".join(broken[:20])


def test_citations_link_to_anchored_quotes(built: Path) -> None:
    article = built / "articles" / "daily-2020" / "index.html"
    html = article.read_text(encoding="utf-8")
    assert '<mark class="qg-quote"' in html and 'class="qg-quote-anchor" id="quote-' in html
    quiz = (built / "quizzes" / "all" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../articles/daily-2020/#quote-' in quiz


def test_abbreviations_have_tooltips_but_never_inside_quizzes(built: Path) -> None:
    glossary = (built / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Riverton Town Bridge: The new bridge across the river in Riverton.">RTB</abbr>' in glossary
    for page in html_pages(built):
        assert parse_page(page).abbr_in_quiz == 0, page


def test_answers_stay_out_of_the_search_index(built: Path) -> None:
    index = (built / "search" / "search_index.json").read_text(encoding="utf-8")
    bank = json.loads((built / "exports" / "questions.json").read_text(encoding="utf-8"))
    for question in bank["questions"]:
        assert question["explanation"] not in index
    assert "Answer and explanation" not in index


def test_the_scripts_controls_stay_out_of_the_search_index(built: Path) -> None:
    """The site renders test mode's bar, Practice's filters, the progress tables and the cards'
    buttons for the script, hidden until it runs: searching finds none of them."""
    index = (built / "search" / "search_index.json").read_text(encoding="utf-8")
    for words in ("Test mode holds", "Back to practice mode", "Whole quiz again", "All articles", "Practise my mistakes",
                  "Clear my progress", "Topics to work on", "Show definition", "Start again"):
        assert words not in index, words


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    digests = []
    for name in ("one", "two"):
        project = make_project(tmp_path / name, BASE)
        result = mkdocs(project, "build", "--strict")
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(project / "site"))
        time.sleep(1.1)  # a clock in the output would now differ
    assert digests[0] == digests[1]


def test_a_content_error_fails_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", BASE)
    assert mkdocs(project, "build").returncode == 0
    before = tree_digest(project / "site")
    facts = project / "seeds" / "facts" / "bridge.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("unit: people", "units: people"), encoding="utf-8")
    result = mkdocs(project, "build")
    check = subprocess.run([sys.executable, "-m", "quizgen", "check", "--seeds", "seeds"], cwd=project, capture_output=True, text=True)
    assert result.returncode != 0 and check.returncode == 1
    for line in check.stderr.splitlines()[:-1]:
        assert line in result.stderr, f"the build does not report: {line}"
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before, "the previous site must stay as it was"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_rebuilds_when_the_corpus_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", BASE)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def fetch() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/timeline/", timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(text: str) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if text in fetch():
                    return True
            except OSError:
                pass
            time.sleep(0.5)
        return False

    try:
        assert wait_for("The opening of the Riverton bridge."), "the server did not start"
        facts = project / "seeds" / "facts" / "bridge.yaml"
        facts.write_text(facts.read_text(encoding="utf-8").replace("title: the opening of the Riverton bridge",
                                                                   "title: the opening of the new Riverton bridge"), encoding="utf-8")
        assert wait_for("The opening of the new Riverton bridge"), "an edit under seeds/ did not rebuild the site"
        template = project / "templates" / "timeline.md"
        template.write_text(template.read_text(encoding="utf-8").replace("# Timeline", "# Timeline of events"), encoding="utf-8")
        assert wait_for("Timeline of events"), "an edit under templates/ did not rebuild the site"
    finally:
        server.terminate()
        server.wait(timeout=30)
