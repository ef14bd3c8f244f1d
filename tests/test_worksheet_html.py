"""Worksheets as HTML (no PDF renderer needed): goldens, variants and their keys, escaping, usage errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus_cases import make_corpus
from golden_files import assert_golden
from quizgen.corpus_loader import load_corpus
from quizgen.errors import UsageError
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.generate.question_model import Question
from quizgen.generate.question_selection import QuestionCriteria, select_questions
from quizgen.model.corpus import Corpus
from quizgen.worksheet import WorksheetRequest, build_worksheet, teacher_worksheets
from quizgen.worksheet.glossary_worksheet import glossary_sheet, split_evenly
from quizgen.worksheet.sheet_items import key_entries, option_letter, sheet_questions
from quizgen.worksheet.variants import make_variant, variant_letters

TESTS = Path(__file__).parent
REPO = TESTS.parent
BASE = TESTS / "fixtures" / "base_corpus"
GOLDENS = TESTS / "goldens" / "worksheets"

HOSTILE = {
    "description": "markup and entities in a headline, a statement and a definition",
    "edit": {
        "articles/weekly-2020.md": [["headline: A bridge at last", 'headline: "A <b>bridge</b> at last & <script>alert(1)</script> &amp;"']],
        "facts/bridge.yaml": [["statement: The Weekly reported that the town council paid for the bridge.",
                               'statement: "The Weekly reported that the town council paid for the <b>bridge</b> & <script>alert(2)</script> &amp; more."']],
        "glossary.yaml": [["definition: The new bridge across the river in Riverton.",
                           'definition: "The new bridge <script>alert(3)</script> across the river &amp; <b>in</b> Riverton."']],
    },
}


@pytest.fixture(scope="module")
def base() -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(BASE)
    return corpus, build_question_bank(corpus)


@pytest.fixture(scope="module")
def seeds() -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(REPO / "seeds")
    return corpus, build_question_bank(corpus)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(make_corpus(HOSTILE, tmp_path_factory.mktemp("hostile") / "seeds"))
    return corpus, build_question_bank(corpus)


def test_public_api() -> None:
    import quizgen.worksheet

    assert sorted(quizgen.worksheet.__all__) == ["WorksheetDocument", "WorksheetRequest", "build_worksheet", "teacher_worksheets"]


@pytest.mark.parametrize("name, request_", [
    ("questions-two-variants", WorksheetRequest(variants=2, seed="golden", title="Bridge worksheet")),
    ("questions-letter", WorksheetRequest(kinds=("multiple-choice",), paper="letter")),
    ("glossary", WorksheetRequest(type="glossary")),
    ("handout-daily-2020", WorksheetRequest(type="handout", articles=("daily-2020",))),
])
def test_worksheet_html_goldens(base: tuple[Corpus, QuestionBank], name: str, request_: WorksheetRequest, update_goldens: bool) -> None:
    document = build_worksheet(*base, request_)
    assert_golden(GOLDENS / f"{name}.html", document.html, update_goldens)


def test_the_same_request_gives_the_same_html_and_another_seed_other_variants(seeds: tuple[Corpus, QuestionBank]) -> None:
    request = WorksheetRequest(count=12, variants=3, seed="class-7b")
    first, again = build_worksheet(*seeds, request), build_worksheet(*seeds, request)
    assert first == again
    other = build_worksheet(*seeds, WorksheetRequest(count=12, variants=3, seed="class-7c"))
    assert other.html != first.html


def _bank_answer(bank_question: Question) -> list[str]:
    if bank_question.correct_order is not None:
        return [bank_question.options[i] for i in bank_question.correct_order]
    assert bank_question.correct is not None
    return [bank_question.options[bank_question.correct]]


def test_variants_reorder_questions_and_options_and_each_key_matches_its_own_questions(seeds: tuple[Corpus, QuestionBank]) -> None:
    corpus, bank = seeds
    by_id = {q.id: q for q in bank.questions}
    chosen = tuple(q for q in bank.questions if q.kind != "true-false")[:10] + tuple(q for q in bank.questions if q.kind == "ordering")[:2]
    variants = {letter: make_variant(chosen, "seed-1", letter) for letter in variant_letters(3)}
    assert [q.id for q in variants["A"]] == [q.id for q in chosen]
    for letter, questions in variants.items():
        assert sorted(q.id for q in questions) == sorted(q.id for q in chosen)
        printed = sheet_questions(questions)
        for entry, sheet_question, question in zip(key_entries(corpus, questions), printed, questions, strict=True):
            options_by_letter = {o.letter: o.text for o in sheet_question.options}
            given = [options_by_letter[part] for part in entry.answer.split(", ")]
            assert given == _bank_answer(by_id[question.id]), f"variant {letter}, question {entry.number}"
    for letter in "BC":
        assert [q.id for q in variants[letter]] != [q.id for q in chosen], f"variant {letter} keeps the order of A"
        assert all(q.options != by_id[q.id].options for q in variants[letter]), f"variant {letter} keeps an option order of A"
    assert [q.id for q in variants["B"]] != [q.id for q in variants["C"]]


def test_true_or_false_options_stay_in_place(seeds: tuple[Corpus, QuestionBank]) -> None:
    true_false = tuple(q for q in seeds[1].questions if q.kind == "true-false")[:6]
    for question in make_variant(true_false, "s", "B"):
        assert question.options == ("True", "False")
        assert question.options[question.correct] == next(q for q in true_false if q.id == question.id).answer_text  # type: ignore[index]


def test_variant_letters_and_option_letters() -> None:
    assert variant_letters(3) == ("A", "B", "C")
    assert [option_letter(i) for i in (0, 3, 25, 26, 27)] == ["A", "D", "Z", "AA", "AB"]
    with pytest.raises(ValueError):
        variant_letters(27)


def test_glossary_parts_are_small_and_the_key_matches_definitions(seeds: tuple[Corpus, QuestionBank]) -> None:
    corpus = seeds[0]
    assert [len(part) for part in split_evenly(list(corpus.terms[:25]), 8)] == [7, 6, 6, 6]
    for letter in "AB":
        sheet = glossary_sheet(corpus, corpus.terms, "s", letter, "")
        definitions = {}
        for part in sheet.parts:
            assert len(part.terms) <= 8
            for item in part.terms:
                definitions[item.number] = {d.letter: d.text for d in part.definitions}
        terms_printed = {item.number: item.term for part in sheet.parts for item in part.terms}
        assert len(terms_printed) == len(corpus.terms)
        for entry in sheet.key:
            term = next(t for t in corpus.terms if t.term == terms_printed[entry.number])
            assert definitions[entry.number][entry.answer] == term.definition
        assert any(entry.answer != option_letter(i) for i, entry in enumerate(sheet.key)), "definitions beside their own terms"


def test_corpus_text_is_escaped_in_every_sheet(hostile: tuple[Corpus, QuestionBank]) -> None:
    for request in (WorksheetRequest(count=50), WorksheetRequest(type="glossary"), WorksheetRequest(type="handout", articles=("weekly-2020",))):
        html = build_worksheet(*hostile, request).html
        assert "<script" not in html and "<b>" not in html, request.type
        assert "&amp;amp;" in html and "&lt;script&gt;" in html, request.type


def _usage_error(corpus_bank: tuple[Corpus, QuestionBank], request: WorksheetRequest) -> str:
    with pytest.raises(UsageError) as caught:
        build_worksheet(*corpus_bank, request)
    return str(caught.value)


def test_requests_that_cannot_be_met_are_usage_errors(base: tuple[Corpus, QuestionBank], update_goldens: bool) -> None:
    messages = [
        _usage_error(base, WorksheetRequest(articles=("no-such-article",), topics=("bridgez",))),
        _usage_error(base, WorksheetRequest(count=0, variants=27)),
        _usage_error(base, WorksheetRequest(kinds=("ordering",))),
        _usage_error(base, WorksheetRequest(kinds=("essay",), difficulties=("trivial",))),
        _usage_error(base, WorksheetRequest(type="handout")),
        _usage_error(base, WorksheetRequest(type="glossary", kinds=("figure",))),
        _usage_error(base, WorksheetRequest(type="glossary", articles=("weekly-2020",))),
        _usage_error(base, WorksheetRequest(paper="a5")),
    ]
    assert_golden(GOLDENS / "usage-errors.txt", "\n".join(messages) + "\n", update_goldens)


def test_teacher_set_holds_a_worksheet_and_handout_per_article_one_for_the_corpus_and_the_glossary(seeds: tuple[Corpus, QuestionBank]) -> None:
    corpus, bank = seeds
    documents = teacher_worksheets(corpus, bank)
    uris = [d.uri for d in documents]
    assert len(set(uris)) == len(uris)
    expected = {"teachers/worksheet.pdf", "teachers/glossary-worksheet.pdf"}
    expected |= {f"teachers/{kind}-{a.id}.pdf" for a in corpus.articles for kind in ("worksheet", "handout")}
    assert set(uris) == expected
    for document in documents:
        assert document.title and document.description.endswith("answer key.")
        assert re.search(r"<h1>", document.html) and "Answer key" in document.html
    assert teacher_worksheets(corpus, bank) == documents
    letter = teacher_worksheets(corpus, bank, paper="letter")
    assert all("size: letter;" in d.html for d in letter) and all("size: A4;" in d.html for d in documents)


def test_the_bank_index_narrows_a_selection_without_changing_it(seeds: tuple[Corpus, QuestionBank]) -> None:
    """Worksheets select from ``bank.candidates`` (the index) instead of the whole bank: same result."""
    corpus, bank = seeds
    articles = [a.id for a in corpus.articles]
    topics = [t.id for t in corpus.topics]
    cases = [((), ()), (tuple(articles[:1]), ()), (tuple(articles[1:3]), ()), ((), tuple(topics[:2])),
             (tuple(articles[:2]), tuple(topics[:1])), (("no-such-article",), ())]
    for chosen_articles, chosen_topics in cases:
        for count in (None, 5):
            criteria = QuestionCriteria(articles=chosen_articles, topics=chosen_topics, count=count, seed="s")
            narrowed = select_questions(bank.candidates(chosen_articles, chosen_topics), criteria)
            assert narrowed == select_questions(bank.questions, criteria), (chosen_articles, chosen_topics, count)
            if chosen_articles or chosen_topics:
                assert len(bank.candidates(chosen_articles, chosen_topics)) < len(bank.questions)
