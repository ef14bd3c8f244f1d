"""Quiz sets: short, each cluster of facts once, at most a third true-or-false, and no stem that
states another question's answer; checked on the seed corpus and on small made-up sets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.corpus_loader import load_corpus
from quizgen.export.bank_json import render_bank_json
from quizgen.generate.question_bank import build_question_bank
from quizgen.generate.question_model import Citation, Question
from quizgen.generate.quiz_sets import SET_SIZE, quiz_set, set_problems

from corpus_cases import make_corpus
from test_numeric_items import HISTORY

REPO = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus(REPO / "seeds", display_root="seeds")


@pytest.fixture(scope="module")
def bank(corpus):  # type: ignore[no-untyped-def]
    return build_question_bank(corpus)


def question(qid: str, stem: str, answer: str, cluster: str, kind: str = "multiple-choice", importance: str = "supporting") -> Question:
    options = ("True", "False") if kind == "true-false" else (answer, "Option two", "Option three", "Option four")
    return Question(
        id=qid, family="reading", kind=kind, stem=stem, options=options, correct=0, correct_order=None,
        option_notes=(None,) * len(options), explanation="Why. (Source: The Daily.)", citations=(Citation("a", "q"),),
        topics=("t",), articles=("a",), difficulty="medium", fact_ids=(cluster,), option_types=("x",) * len(options),
        accepted=frozenset({answer.casefold()}), importance=importance, clusters=(cluster,))


def all_sets(corpus, bank):  # type: ignore[no-untyped-def]
    return ([(f"article {a.id}", bank.by_article(a.id)) for a in corpus.articles]
            + [(f"topic {t.id}", bank.by_topic(t.id)) for t in corpus.topics])


def test_every_quiz_set_of_the_seed_corpus_follows_the_set_rules(corpus, bank) -> None:  # type: ignore[no-untyped-def]
    sets = all_sets(corpus, bank)
    assert sum(1 for _, questions in sets if questions) >= 10
    for name, questions in sets:
        assert len(questions) <= SET_SIZE, name
        assert set_problems(questions) == [], name
        clusters = [c for q in questions for c in q.clusters]
        assert len(clusters) == len(set(clusters)), f"{name} tests a cluster twice"
        assert sum(q.kind == "true-false" for q in questions) <= len(questions) / 3 + 1e-9, name


def test_a_quiz_set_is_short_even_when_the_pool_is_long() -> None:
    pool = [question(f"q-{i}", f"Question number {i}?", f"Answer {i:02d}", f"c-{i}") for i in range(40)]
    chosen = quiz_set(pool)
    assert len(chosen) == SET_SIZE and set_problems(chosen) == []
    assert [q.id for q in chosen] == [q.id for q in pool if q in chosen], "kept in bank order"


def test_a_quiz_set_tests_a_cluster_once_and_takes_core_questions_first() -> None:
    first = question("q-a", "Which bridge opened?", "Riverton bridge", "bridge", importance="supporting")
    second = question("q-b", "When did the bridge open?", "In May 2020", "bridge", importance="core")
    other = question("q-c", "Who paid?", "The town council", "money")
    assert set_problems([first, second]) == ["questions q-a and q-b both test 'bridge'"]
    assert [q.id for q in quiz_set([first, second, other])] == ["q-b", "q-c"]


def test_a_quiz_set_holds_no_stem_that_states_another_answer() -> None:
    role = question("q-a", "What was Ana Lima's role?", "The mayor of Riverton", "lima-role")
    quote = question("q-b", "The mayor of Riverton, Ana Lima, said what?", "It took 12 years", "lima-quote")
    assert set_problems([role, quote]) == ["the stem of question q-b states the answer of question q-a ('The mayor of Riverton')"]
    assert len(quiz_set([role, quote])) == 1


def test_a_quiz_set_is_at_most_a_third_true_or_false() -> None:
    pool = [question(f"t-{i}", f"True or false? Statement {i}.", "True", f"t-{i}", kind="true-false") for i in range(12)]
    pool += [question(f"m-{i}", f"Question {i}?", f"Answer {i:02d}", f"m-{i}") for i in range(4)]
    chosen = quiz_set(pool)
    assert [q.kind for q in chosen].count("true-false") == 2 and len(chosen) == 6, "4 others allow 2 true-or-false"
    assert len(quiz_set(pool[:12])) == 0 or all(q.kind != "true-false" for q in quiz_set(pool[:12])), "none alone"


def test_the_seed_bank_asks_what_the_issue_found_missing(bank) -> None:  # type: ignore[no-untyped-def]
    # Issue 15's blind reviews dropped the items on RT's "– reports", the "remaining" count, the
    # factions' rejection "in advance" and RT's 2003 line, merged Baghdad's committee into the
    # open-timing item and recast the one on the invitation:
    # each was answerable without the articles or repeated another item's fact. Round 10 recast the
    # headline item without quoting the headline (its framing gave the key away), asked the copy
    # about what it alone says rather than how it was scraped, and added Baghdad's own reading.
    texts = [" ".join([q.stem, q.answer_text]).casefold() for q in bank.questions]

    def asked(*words: str) -> bool:
        return any(all(w in text for w in words) for text in texts)

    assert asked("mission", "training and advis"), "what the joint statement changed"
    assert asked("when", "technical talks"), "what was not agreed: no date"
    assert asked("redefine", "rather than reduce"), "relabelling, not reducing"
    assert asked("kirby", "agreement to begin a further us withdrawal"), "Kirby's caveat"
    assert asked("end of 2021", "hinted", "asharq al-awsat"), "the July hint, which the headline overstates"
    assert asked("us experts", "already did what iraq's minister asked"), "what the exit of combat forces changes in practice"
    assert asked("rt", "reason", "washington's reason"), "how an outlet's own background lines frame a reason"
    assert asked("bases", "as iraqi bases"), "the statement's label for the bases the trainers stay on"
    assert asked("al-araji", "on their own"), "Baghdad's reading: Iraq's forces alone fight ISIS"
    assert asked("nearly 60 percent", "coalition"), "the coalition beyond the US"
    assert asked("louder", "al-muhandis"), "the killing that made the calls for withdrawal louder"
    assert asked("pledge", "protect the bases"), "the pledge only Al Jazeera reports"
    assert asked("cut", "trump"), "the troop cut came before the talks, from Washington"


def test_no_item_is_keyed_to_what_only_the_spun_copy_says(corpus, bank) -> None:  # type: ignore[no-untyped-def]
    """Three blind reviews (rounds 18 to 20) found the item on what only the copy says
    self-undermining: its explanation told students not to take the copy as fact. What only the
    copy says stays on the sources page, under its own heading."""
    weak = {a.id for a in corpus.articles if "content spinners" in (a.meta.reliability or "")}
    assert weak
    keyed_to_copy = [q.stem for q in bank.questions if q.citations and {c.article for c in q.citations} <= weak]
    assert not keyed_to_copy


def test_no_explanation_invents_a_misconception_to_refute(bank) -> None:  # type: ignore[no-untyped-def]
    assert not [q.id for q in bank.questions if "It would be wrong to think" in q.explanation]


def test_curated_wrong_options_tell_a_student_why(bank) -> None:  # type: ignore[no-untyped-def]
    reading = [q for q in bank.questions if q.family == "reading"]
    assert reading
    for q in reading:
        assert all(note for i, note in enumerate(q.option_notes) if i != q.correct), q.id
        assert q.option_notes[q.correct] is None, q.id


def test_review_sample_prints_a_seeded_sample_without_fact_ids(corpus, bank, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "questions.json"
    exported.write_bytes(render_bank_json(corpus, bank.exported))  # as the site publishes it

    def run(seed: str) -> str:
        result = subprocess.run([sys.executable, str(REPO / "tools" / "review_sample.py"), "--seed", seed, "--count", "12", str(exported)],
                                capture_output=True, text=True, check=True, timeout=60)
        return result.stdout

    text = run("5")
    assert text == run("5") and text != run("6")
    assert text.count("## Item ") == 12 and "- Key: " in text and "- Explanation: " in text and "- Quotes cited:" in text
    fact_ids = {f.id for f in corpus.facts} | {t.id for t in corpus.terms}
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert not [f for f in fact_ids if "-" in f and f in text], "ids, not words that are also ids (`drawdown`)"
    assert not any(q["id"] in text for q in document["questions"])
    every = "\n".join(run(str(seed)) for seed in range(1, 8))  # ordering keys print too
    assert " → " in every
    # Numeric keys print too: from a fixture, since the seed's one year is told by another item.
    history = load_corpus(make_corpus(HISTORY, tmp_path / "history"))
    exported.write_bytes(render_bank_json(history, build_question_bank(history).exported))
    assert "(within " in "\n".join(run(str(seed)) for seed in range(1, 4))
    assert "\nA. " in text and "(Rudaw, “" in text or "(Al Jazeera, “" in text or "(Asharq Al-Awsat, “" in text


def test_review_sample_rejects_a_file_that_is_not_a_bank(tmp_path: Path) -> None:
    bad = tmp_path / "questions.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "tools" / "review_sample.py"), "--seed", "1", str(bad)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{bad}: expected a quizgen question bank")


def test_of_two_questions_on_one_fact_a_set_keeps_the_multiple_choice_one() -> None:
    statement = question("q-t", "True or false? About 3,000 people crossed.", "True", "crossings", kind="true-false")
    figure = question("q-f", "How many people crossed?", "About 3,000 people", "crossings")
    assert [q.id for q in quiz_set([statement, figure])] == ["q-f"]


CURATED = '''statement: The Riverton bridge opened on 4 May 2020.
    importance: core
    false_versions:
      - statement: The Riverton bridge opened in April 2020, a month before the town council paid for it.
        why: It opened on 4 May 2020, when the mayor cut the ribbon.
    questions:
      - stem: When the Riverton bridge opened, who cut the ribbon?
        answer: The mayor
        wrong:
          - text: The town council
            why: The council paid for the bridge; the mayor cut the ribbon.
          - text: The builder
            why: No builder is named.
        explanation: The mayor cut the ribbon on 4 May 2020.
'''


def fixture_bank(tmp_path: Path, extra: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    from corpus_cases import make_corpus

    edit = {"facts/bridge.yaml": [["statement: The Riverton bridge opened on 4 May 2020.\n", CURATED]]}
    root = make_corpus({"description": "curated", "edit": edit}, tmp_path / "seeds")
    corpus = load_corpus(root, display_root="seeds")
    return corpus, build_question_bank(corpus)


def test_a_curated_fact_gets_only_its_curated_items_with_feedback(tmp_path: Path) -> None:
    corpus, bank = fixture_bank(tmp_path)
    on_fact = [q for q in bank.questions if q.fact_ids[0] == "bridge-opened"]
    assert sorted(q.family for q in on_fact) == ["reading", "true-false"], "no generated date question beside them"
    reading = next(q for q in on_fact if q.family == "reading")
    assert reading.answer_text == "The mayor" and reading.importance == "core"
    notes = dict(zip(reading.options, reading.option_notes))
    assert notes["The town council"] == "The council paid for the bridge; the mayor cut the ribbon." and notes["The mayor"] is None
    assert reading.explanation.startswith("The mayor cut the ribbon on 4 May 2020.")
    true_false = next(q for q in on_fact if q.family == "true-false")
    assert "It would be wrong to think" not in true_false.explanation
    assert "It opened on 4 May 2020, when the mayor cut the ribbon." in true_false.explanation, "says why, whichever version is shown"


def test_a_detail_fact_gets_no_question(tmp_path: Path) -> None:
    corpus, bank = fixture_bank(tmp_path)
    from corpus_cases import make_corpus

    edit = {"facts/bridge.yaml": [["  - id: lima-mayor\n    kind: role\n", "  - id: lima-mayor\n    kind: role\n    importance: detail\n"]]}
    root = make_corpus({"description": "detail", "edit": edit}, tmp_path / "detail" / "seeds")
    detail_bank = build_question_bank(load_corpus(root, display_root="seeds"))
    assert any("lima-mayor" in q.fact_ids for q in bank.questions)
    assert not any(q.fact_ids[0] == "lima-mayor" for q in detail_bank.questions)
    assert "lima-mayor" not in detail_bank.facts_without_questions, "a detail fact is not reported as missing a question"


def test_a_curated_question_cites_only_the_articles_it_names(tmp_path: Path) -> None:
    from corpus_cases import make_corpus

    explanation = "        explanation: The mayor cut the ribbon on 4 May 2020.\n"

    def reading_citations(extra: str, name: str) -> set[str]:
        curated = CURATED.replace(explanation, explanation + "        cites: [lima-mayor]\n" + extra)
        edit = {"facts/bridge.yaml": [["statement: The Riverton bridge opened on 4 May 2020.\n", curated]]}
        root = make_corpus({"description": name, "edit": edit}, tmp_path / name / "seeds")
        bank = build_question_bank(load_corpus(root, display_root="seeds"))
        reading = next(q for q in bank.questions if q.family == "reading")
        assert reading.explanation.startswith("The mayor cut the ribbon")
        return {c.article for c in reading.citations}

    assert reading_citations("", "all") == {"weekly-2020", "daily-2020"}, "by default every source of the fact and of cites"
    assert reading_citations("        articles: [daily-2020]\n", "chosen") == {"daily-2020"}


def test_a_copy_gets_no_article_quiz_too_short_to_be_one(corpus, bank) -> None:  # type: ignore[no-untyped-def]
    from quizgen.generate.quiz_sets import MIN_COPY_SET

    copies = [a.id for a in corpus.articles if corpus.outlet_of(a.id).kind == "copy"]
    assert copies
    for article_id in copies:
        # the seed copy has no item of its own since round 20 (an item keyed to it undermines itself)
        assert bank.by_article(article_id) == [] or len(bank.by_article(article_id)) >= MIN_COPY_SET
    assert all(bank.by_article(a.id) for a in corpus.articles if a.id not in copies), "named outlets keep their quizzes"


def test_the_site_shows_no_empty_article_quiz(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "quizgen", "build", "--out", str(out), "--worksheets", "none"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    index = (out / "quizzes" / "index.md").read_text(encoding="utf-8")
    assert ": 0 questions" not in index and "spun-copy" not in index
    article = (out / "articles" / "spun-copy-2021-04-23.md").read_text(encoding="utf-8")
    assert "## Quiz" not in article and "qg-quiz" not in article
