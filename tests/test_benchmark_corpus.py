"""The benchmark's synthetic corpora are valid and build; the scaling measures keep the output the same.

Correctness only: nothing here is timed (speed is for benchmarks/bench.py).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import NAV_LIST_LIMIT, build_site_content
from quizgen.render.abbreviations import abbreviation_lines

from site_checks import REPO, make_project, mkdocs, tree_digest

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic_corpus import FACT_MIX, STORY_ARTICLES, TERMS, write_synthetic_corpus  # noqa: E402
from targets import evaluate_targets  # noqa: E402


def test_a_small_synthetic_corpus_is_valid_and_has_the_seed_shape(tmp_path: Path) -> None:
    written = write_synthetic_corpus(tmp_path / "seeds", 10)
    corpus = load_corpus(tmp_path / "seeds")  # raises CorpusError on any problem
    assert written.articles == len(corpus.articles) == 10
    assert corpus.facts_by_kind() == {kind: count * 2 for kind, count in sorted(FACT_MIX.items())}
    assert len(corpus.facts) == 16 * 10 and len(corpus.terms) == TERMS * 2 == 3 * 10
    assert len({a.meta.outlet for a in corpus.articles}) == 10
    assert any(t.expansion for t in corpus.terms) and any(p.spellings for p in corpus.people)
    sources = sum(len(f.sources) for f in corpus.facts) / len(corpus.facts)
    assert 1.3 <= sources <= 1.9  # the seed's facts average about 1.6 sources
    assert any(f.differs_from for f in corpus.facts) and corpus.organizations


def test_synthetic_corpora_are_deterministic_and_rounded_to_whole_stories(tmp_path: Path) -> None:
    write_synthetic_corpus(tmp_path / "a", 7)
    write_synthetic_corpus(tmp_path / "b", 7)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert len(list((tmp_path / "a" / "articles").glob("*.md"))) == 2 * STORY_ARTICLES
    write_synthetic_corpus(tmp_path / "c", 7, seed=1)
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")


def test_a_large_corpus_lists_articles_and_topic_quizzes_on_index_pages_not_in_the_nav(tmp_path: Path) -> None:
    write_synthetic_corpus(tmp_path / "seeds", 25)
    content = build_site_content(load_corpus(tmp_path / "seeds"))
    nav = dict(content.nav)
    assert nav["Articles"] == ["articles/index.md"]
    assert nav["Quizzes"] == ["quizzes/index.md", ("All questions", "quizzes/all.md"), ("Write, match, fill the gap", "quizzes/write-match-fill.md")]
    article_pages = {uri for uri in content.pages if uri.startswith("articles/") and uri != "articles/index.md"}
    topic_pages = {uri for uri in content.pages if uri.startswith("quizzes/topics/")}
    assert len(article_pages) == 25 > NAV_LIST_LIMIT and len(topic_pages) > NAV_LIST_LIMIT
    assert set(content.not_in_nav) == article_pages | topic_pages
    for uri in article_pages:  # still reachable: the index pages link every one of them
        assert f"({uri.removeprefix('articles/')})" in content.pages["articles/index.md"]
        assert f"(../{uri}#quiz)" in content.pages["quizzes/index.md"]


def test_the_seed_site_keeps_its_full_nav() -> None:
    content = build_site_content(load_corpus(REPO / "seeds"))
    nav = dict(content.nav)
    assert len(nav["Articles"]) == 1 + 5 and not content.not_in_nav


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench-site")
    write_synthetic_corpus(root / "corpus", 25)
    project = make_project(root / "project", root / "corpus")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_a_large_synthetic_corpus_builds_strictly_with_pages_outside_the_nav(large_site: Path) -> None:
    articles = sorted((large_site / "articles").glob("*/index.html"))
    assert len(articles) == 25
    for page in (large_site / "index.html", articles[0]):
        nav_links = re.findall(r'<a href="([^"]*)"\s+class="md-nav__link', page.read_text(encoding="utf-8"))
        assert len(nav_links) < 60, page  # the top-level sections and the page's own headings, not every article
        assert not [link for link in nav_links if any(a.parent.name in link for a in articles)], page
    assert "articles/" in re.findall(r'<a href="([^"]*)"\s+class="md-nav__link', (large_site / "index.html").read_text(encoding="utf-8"))
    assert "<abbr title=" in (large_site / "glossary" / "index.html").read_text(encoding="utf-8")
    bank_page = (large_site / "quizzes" / "all" / "index.html").read_text(encoding="utf-8")
    assert "too many to answer on one page" in bank_page and 'class="qg-quiz"' not in bank_page  # 25 articles: > 500 questions
    assert 'href="../../practice/"' in bank_page and 'href="../../exports/questions.json"' in bank_page


def _html(page: str, lines: str) -> str:
    return markdown.markdown(f"{page}\n\n{lines}", extensions=["abbr", "attr_list", "md_in_html", "tables", "admonition", "toc"])


@pytest.mark.parametrize("corpus_size", [0, 10])
def test_only_the_abbreviations_a_page_can_hold_are_appended_and_the_html_is_the_same(tmp_path: Path, corpus_size: int) -> None:
    if corpus_size:
        write_synthetic_corpus(tmp_path / "seeds", corpus_size)
    content = build_site_content(load_corpus(tmp_path / "seeds" if corpus_size else REPO / "seeds"))
    assert content.abbreviations
    every = abbreviation_lines(content.abbreviations)
    definitions = {line for line in every.splitlines() if line}
    fewer = 0
    for uri, page in sorted(content.pages.items()):  # each page ends with the abbreviations its prose holds
        lines = [line for line in page.splitlines() if line.startswith("*[")]
        assert set(lines) <= definitions
        fewer += len(lines) < len(definitions)
        assert _html(page, "") == _html(page, every), uri  # as if every abbreviation were there
    assert fewer  # some pages hold none or only some of them


def test_abbreviations_are_kept_wherever_they_match_as_whole_words() -> None:
    from quizgen.emit.site import SiteContent

    content = SiteContent({}, {}, abbreviations={"WHO": "World Health Organization", "UN SC": "Security Council", "X1": "Ex one"})
    assert content.abbreviation_lines_for("The *WHO*, the UN SC and X1.") == abbreviation_lines(content.abbreviations)
    assert content.abbreviation_lines_for("WHOs, UNSC, X12, who") == ""
    assert content.abbreviation_lines_for("WHO_x") == "*[WHO]: World Health Organization\n"  # kept when in doubt: harmless
    page = "Under_WHO_ and **WHO**"
    assert _html(page, content.abbreviation_lines_for(page)) == _html(page, abbreviation_lines(content.abbreviations))


def _record(articles: int, build_s: float, **overrides: float) -> dict[str, float]:
    record = {"articles": articles, "facts": 16 * articles, "questions": 39 * articles, "check_s": 0.01 * articles,
              "generate_s": 0.05 * build_s, "build_s": build_s, "plain_build_s": 0.9 * build_s, "rebuild_s": build_s,
              "peak_mb": 100.0, "quotes_s": 0.0001 * articles, "bank_s": 0.001 * articles}
    return {**record, **overrides}


def test_targets_pass_on_linear_records_and_fail_on_quadratic_ones() -> None:
    linear = [_record(10, 2.0), _record(100, 10.0), _record(1000, 120.0)]
    assert {r.name: r.status for r in evaluate_targets(linear)} == {
        "generation <= 10% of the full build": "PASS", "full build grows linearly": "PASS",
        "quote verification is not quadratic": "PASS", "question bank (distractors) is not quadratic": "PASS",
        "no PDF re-rendered without change": "SKIP", "rebuild after one fact changes": "INFO",
        "peak memory < 1 GiB": "PASS", "build at 10 articles within 1.15x plain MkDocs": "PASS",
        "overhead over plain MkDocs": "INFO", "overhead over plain MkDocs after one fact changes": "INFO",
        "overhead over plain MkDocs of a build that generates the site": "INFO"}
    quadratic = [_record(100, 10.0), _record(1000, 1000.0, generate_s=200.0, peak_mb=2048.0, bank_s=10.0)]
    failed = {r.name for r in evaluate_targets(quadratic) if r.status == "FAIL"}
    assert failed == {"generation <= 10% of the full build", "full build grows linearly",
                      "question bank (distractors) is not quadratic", "peak memory < 1 GiB"}
    assert evaluate_targets([_record(10, 2.0)])[1].status == "SKIP"


def test_the_build_at_10_articles_fails_beyond_1_15_times_plain_mkdocs() -> None:
    """The fixed cost the plugin adds at start-up is judged on the small site, where it shows most."""
    def overhead(records: list[dict[str, float]]) -> tuple[str, str]:
        (result,) = [r for r in evaluate_targets(records) if r.name == "build at 10 articles within 1.15x plain MkDocs"]
        return result.status, result.detail

    assert overhead([_record(10, 2.0, plain_build_s=1.75), _record(100, 10.0, plain_build_s=5.0)]) == ("PASS", "1.14x (2.00 s / 1.75 s)")
    assert overhead([_record(10, 2.0, plain_build_s=1.70)]) == ("FAIL", "1.18x (2.00 s / 1.70 s)")
    assert overhead([_record(100, 10.0)])[0] == "SKIP"


def test_the_benchmark_runs_end_to_end_on_a_tiny_corpus(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench.py"), "--articles", "5", "--runs", "1",
                             "--json", str(out), "--workdir", str(tmp_path / "work")],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    (record,) = json.loads(out.read_text(encoding="utf-8"))
    assert {"articles", "facts", "questions", "check_s", "generate_s", "build_s", "plain_build_s", "rebuild_s", "peak_mb"} <= set(record)
    assert record["articles"] == 5 and record["facts"] == 80 and record["questions"] > record["facts"]
    assert all(record[k] > 0 for k in ("check_s", "generate_s", "generate_remade_s", "build_s", "plain_build_s", "rebuild_s", "peak_mb"))
    assert "| articles | facts | questions |" in result.stdout and "peak memory < 1 GiB" in result.stdout
    assert (tmp_path / "work" / "articles-5" / "plain" / "site" / "index.html").is_file()


def test_the_benchmark_measures_every_size_once_a_round(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Sizes alternate, so a slow stretch of the machine falls on all of them, not on one size's ratio."""
    import bench

    calls: list[tuple[str, int]] = []

    def prepare(size: int, workdir: Path, seed: int) -> bench.SizeUnderTest:
        calls.append(("prepare", size))
        return bench.SizeUnderTest(size, workdir / str(size), workdir / f"{size}-plain", 1.0)

    def measure_round(under: bench.SizeUnderTest) -> None:
        calls.append(("round", under.size))
        under.stages = {"articles": under.size, "facts": 16 * under.size, "questions": 39 * under.size, "pages": 1}
        for key in bench.SAMPLED:
            if key != "rebuild_s":
                under.samples[key].append(float(len(calls)))

    def measure_edits(under: bench.SizeUnderTest, runs: int) -> dict[str, int]:
        calls.append(("edits", under.size))
        under.samples["rebuild_s"] += [1.0] * runs
        return {"pdf_cached": 0, "pdf_rerendered_unchanged": 0, "pdf_rerendered_after_edit": 0}

    monkeypatch.setattr(bench, "prepare", prepare)
    monkeypatch.setattr(bench, "measure_round", measure_round)
    monkeypatch.setattr(bench, "measure_edits", measure_edits)
    records = bench.measure_all([100, 1000], tmp_path, 3, 0)
    assert calls == [("prepare", 100), ("prepare", 1000), ("round", 100), ("round", 1000), ("round", 100),
                     ("round", 1000), ("round", 100), ("round", 1000), ("edits", 100), ("edits", 1000)]
    assert [r["articles"] for r in records] == [100, 1000]
    assert [r["build_s"] for r in records] == [5.0, 6.0]  # the medians of rounds 3, 5, 7 and 4, 6, 8


def test_each_abbreviation_is_a_markdown_block_of_its_own_and_the_html_is_the_same() -> None:
    # Python-Markdown's abbr reads one definition of a block at a time and hands the rest of the block
    # back to every block processor: 3,000 lines in one block (the glossary at 1,000 articles) took
    # 24 s to parse, the same lines apart 4 s. The benchmark measures the time; this, the shape.
    many = {f"T{i}": f"Term number {i}" for i in range(50)}
    lines = abbreviation_lines(many)
    blocks = lines.strip("\n").split("\n\n")
    assert len(blocks) == 50 and all(block.count("\n") == 0 and block.startswith("*[") for block in blocks)
    page = " ".join(many)
    packed = "".join(f"{line}\n" for line in lines.split("\n") if line)
    assert _html(page, lines) == _html(page, packed) and _html(page, lines).count("<abbr") == 50


def test_the_flashcards_carry_no_abbreviation_lines_their_raw_html_cannot_use(tmp_path: Path) -> None:
    # The cards are raw HTML, which abbr leaves alone: the page's tooltips were all of the glossary's
    # lines for nothing (20 s of parsing at 1,000 articles).
    write_synthetic_corpus(tmp_path / "seeds", 10)
    content = build_site_content(load_corpus(tmp_path / "seeds"))
    cards = content.pages["flashcards.md"]
    assert 'class="qg-card"' in cards and not [line for line in cards.splitlines() if line.startswith("*[")]
    assert _html(cards, "") == _html(cards, abbreviation_lines(content.abbreviations))
