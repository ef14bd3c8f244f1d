"""The seed corpus: clean, complete enough to teach from, and a question bank that follows the rules."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.generate.briefing import briefing
from quizgen.generate.item_rules import bank_problems, item_problems
from quizgen.generate.question_bank import build_question_bank
from quizgen.validate.consistency import published_sha256

REPO = Path(__file__).parent.parent
SEEDS = REPO / "seeds"
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus(SEEDS, display_root="seeds")


@pytest.fixture(scope="module")
def bank(corpus):  # type: ignore[no-untyped-def]
    return build_question_bank(corpus)


def test_five_articles_from_five_outlets(corpus) -> None:  # type: ignore[no-untyped-def]
    assert len(corpus.articles) == 5 and len({a.meta.outlet for a in corpus.articles}) == 5
    rudaw = next(a for a in corpus.articles if a.meta.date_as_printed == "07-04-2021")
    assert rudaw.meta.published.iso == "2021-04-07", "07-04-2021 means 7 April"


def test_the_spun_copy_says_so_in_its_reliability_note(corpus) -> None:  # type: ignore[no-untyped-def]
    spun = [a for a in corpus.articles if "content spinners" in a.published_text]
    assert len(spun) == 1 and "content spinners" in spun[0].meta.reliability


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="the shared source texts are not beside this clone")
def test_article_texts_are_as_published(corpus) -> None:  # type: ignore[no-untyped-def]
    for article in corpus.articles:
        source = (SHARED_SEEDS / (article.meta.source_file or "")).read_text(encoding="utf-8")
        assert published_sha256(article.published_text) == published_sha256(source), article.id


def test_coverage_of_the_articles(corpus) -> None:  # type: ignore[no-untyped-def]
    assert len(corpus.facts) >= 80
    per_article = Counter(s.article for f in corpus.facts for s in {s.article: s for s in f.sources}.values())
    for article in corpus.articles:
        assert per_article[article.id] >= 10, f"{article.id} is the source of only {per_article[article.id]} facts"
    assert set(corpus.facts_by_kind()) == {"quantity", "role", "event", "quotation", "claim"}
    roles = {f.person for f in corpus.facts if f.kind == "role"}
    assert roles == {p.id for p in corpus.people}, "every person has a sourced role"


def test_glossary_has_the_terms_students_need(corpus) -> None:  # type: ignore[no-untyped-def]
    assert len(corpus.terms) >= 15
    names = " ".join(" ".join([t.term, *t.aliases, t.expansion or ""]) for t in corpus.terms)
    for needed in ["ISF", "PMF", "Hashd al-Shaabi", "Operation Inherent Resolve", "ISIS", "ISIL", "Quds Force",
                   "strategic dialogue", "coalition", "Kurdistan Region", "technical talks"]:
        assert needed.casefold() in names.casefold(), needed


def test_disagreements_and_spellings_are_recorded(corpus) -> None:  # type: ignore[no-untyped-def]
    assert any(f.differs_from for f in corpus.facts), "where outlets disagree, both versions stand"
    assert any(p.spellings for p in corpus.people)
    assert any(len({corpus.article(s.article).meta.outlet for s in f.sources}) >= 3 for f in corpus.facts)


def test_timeline_runs_from_the_invasion_to_the_end_of_2021(corpus) -> None:  # type: ignore[no-untyped-def]
    dates = sorted(f.date for f in corpus.facts if f.kind == "event")
    assert dates[0].year == 2003 and dates[-1].year == 2021 and dates[-1].month == 12


def test_question_bank_asks_about_every_fact_that_matters_and_no_trivia(corpus, bank) -> None:  # type: ignore[no-untyped-def]
    assert len(bank.questions) >= 20  # one item per point: five articles hold about twenty worth asking
    assert bank.facts_without_questions == (), "every core or supporting fact yields at least one question"
    detail = {f.id for f in corpus.facts if f.importance == "detail"} | {t.id for t in corpus.terms if t.importance == "detail"}
    asked = {fact_id for q in bank.questions for fact_id in q.fact_ids[:1]}
    assert detail and not asked & detail, "a detail fact is never what a question is about"
    families = Counter(q.family for q in bank.questions)
    assert families["reading"] >= 15 and families["true-false"] <= len(bank.questions) / 3
    assert families["chronology"] > 0


def test_every_curated_true_false_item_says_why_not_only_true_or_false(bank) -> None:  # type: ignore[no-untyped-def]
    for question in bank.questions:
        if question.kind == "true-false":
            body = question.explanation.split(" ", 1)[1]
            assert normalise(question.stem.removeprefix("True or false? ")) not in normalise(body), question.id


def normalise(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def test_every_question_follows_the_item_writing_rules(bank) -> None:  # type: ignore[no-untyped-def]
    assert [(q.id, item_problems(q)) for q in bank.questions if item_problems(q)] == []
    assert bank_problems(list(bank.questions)) == []


def test_answer_positions_are_balanced(bank) -> None:  # type: ignore[no-untyped-def]
    four = [q for q in bank.questions if q.kind == "multiple-choice" and len(q.options) == 4]
    shares = Counter(q.correct for q in four)
    assert all(0.20 <= shares[p] / len(four) <= 0.30 for p in range(4)), shares


def test_explanations_cite_their_sources(corpus, bank) -> None:  # type: ignore[no-untyped-def]
    for question in bank.questions:
        assert question.citations and re.search(r"\(Source: .+\.\)$", question.explanation), question.id


def test_briefing_reads_at_secondary_school_level(corpus) -> None:  # type: ignore[no-untyped-def]
    import textstat

    text = briefing(corpus).prose
    assert len(text.split()) >= 150
    assert textstat.flesch_kincaid_grade(text) <= 9


def test_nothing_about_the_seed_corpus_is_written_into_the_code() -> None:
    code = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "quizgen").rglob("*.py"))
    code += " ".join(p.read_text(encoding="utf-8") for p in (REPO / "templates").rglob("*") if p.is_file())
    for word in ["Iraq", "Baghdad", "ISIS", "ISF", "Rudaw", "Kirby", "Biden", "Kurdistan", "Pentagon", "Hussein", "Kadhimi", "2,500"]:
        assert word not in code, word


def test_site_content_builds(corpus) -> None:  # type: ignore[no-untyped-def]
    content = build_site_content(corpus)
    assert len(content.pages) >= 5 + 8 + 9 and "exports/questions.json" in content.files


def test_ordering_questions_hold_only_events_that_happened(corpus) -> None:  # type: ignore[no-untyped-def]
    planned = {f.id for f in corpus.facts if f.kind == "event" and f.planned}
    ordering = [q for q in build_question_bank(corpus).questions if q.kind == "ordering"]
    assert planned and ordering, "the seed corpus has planned events and ordering questions"
    assert all(not planned & set(q.fact_ids) for q in ordering), "'in the order they happened' holds no planned event"


def test_the_chronology_item_says_why_the_order_matters(corpus, bank) -> None:  # type: ignore[no-untyped-def]
    chronology = [q for q in bank.questions if q.family == "chronology"]
    assert chronology
    for question in chronology:
        contexts = [corpus.fact(i).context for i in question.fact_ids if getattr(corpus.fact(i), "context", None)]
        assert contexts, f"{question.id}: no event in the group says why its place in the order matters"
        assert all(c.strip().rstrip(".") in question.explanation for c in contexts), question.explanation


@pytest.mark.parametrize("root", [SEEDS, REPO / "tests" / "fixtures" / "base_corpus"], ids=["seeds", "base"])
def test_the_written_items_page_is_there_only_when_the_bank_has_written_items(root: Path) -> None:
    """A page titled "Write the number, match, fill the gap" with no question on it (the seed bank
    keeps none) would send a student to an empty quiz: no page and no nav entry then."""
    corpus = load_corpus(root)
    bank = build_question_bank(corpus)
    written = bool(bank.numeric or bank.matching or bank.cloze)
    content = build_site_content(corpus)
    quizzes = next(children for title, children in content.nav if title == "Quizzes")
    assert ("quizzes/write-match-fill.md" in content.pages) == written
    assert any(entry[1:] == ("quizzes/write-match-fill.md",) for entry in quizzes if isinstance(entry, tuple)) == written
    if written:
        page = content.pages["quizzes/write-match-fill.md"]
        assert page.count('<fieldset class="qg-question"') == len(bank.numeric + bank.matching + bank.cloze)


@pytest.mark.parametrize("root", [SEEDS, REPO / "tests" / "fixtures" / "base_corpus"], ids=["seeds", "base"])
def test_every_practice_filter_offered_matches_a_question(root: Path) -> None:
    """Practice draws from the questions of questions.json it has on its page; a choice of article,
    topic or kind that none of them has ("True or false" with no such question in the bank) would
    only ever answer "No question matches these filters"."""
    import json

    content = build_site_content(load_corpus(root))
    page = content.pages["practice.md"]
    on_page = set(re.findall(r'data-question-id="([^"]+)"', content.files["exports/practice-questions.html"].decode("utf-8")))
    pool = [q for q in json.loads(content.files["exports/questions.json"])["questions"] if q["id"] in on_page]
    assert pool
    offered = {name: re.findall(r'<option value="([^"]+)">', select)
               for name, select in re.findall(r'<select name="(article|topic|kind)">(.*?)</select>', page)}
    assert set(offered) == {"article", "topic", "kind"}
    assert offered["kind"] and sorted(offered["kind"]) == sorted({q["kind"] for q in pool})
    assert set(offered["article"]) == {a for q in pool for a in q["articles"]}
    assert set(offered["topic"]) == {t for q in pool for t in q["topics"]}
    if root == SEEDS:
        assert "True or false" not in page, "the seed bank holds no true-or-false question"
