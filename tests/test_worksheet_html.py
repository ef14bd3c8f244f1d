"""Worksheets as HTML (no PDF renderer needed): goldens, variants and their keys, escaping, usage errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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

from corpus_cases import make_corpus
from golden_files import assert_golden

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
def glossary_open() -> tuple[Corpus, QuestionBank]:
    """The seed corpus with its glossary open to quizzes: the seed's own terms are all `detail`,
    so its bank has no matching item to print."""
    from test_matching_items import glossary_corpus

    corpus = load_corpus(glossary_corpus())
    return corpus, build_question_bank(corpus)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(make_corpus(HOSTILE, tmp_path_factory.mktemp("hostile") / "seeds"))
    return corpus, build_question_bank(corpus)


def test_public_api() -> None:
    import quizgen.worksheet

    assert sorted(quizgen.worksheet.__all__) == ["PrintedFile", "WorksheetDocument", "WorksheetRequest", "build_worksheet", "teacher_worksheets"]


@pytest.mark.parametrize("name, request_", [
    ("questions-two-variants", WorksheetRequest(variants=2, seed="golden", title="Bridge worksheet")),
    ("questions-letter", WorksheetRequest(kinds=("multiple-choice",), paper="letter")),
    ("glossary", WorksheetRequest(type="glossary")),
    ("handout-daily-2020", WorksheetRequest(type="handout", articles=("daily-2020",))),
])
def test_worksheet_html_goldens(base: tuple[Corpus, QuestionBank], name: str, request_: WorksheetRequest, update_goldens: bool) -> None:
    """The teacher's copy holds everything the other two copies hold."""
    document = build_worksheet(*base, request_)
    assert_golden(GOLDENS / f"{name}.html", document.teacher_html, update_goldens)


def test_student_and_key_copy_goldens(base: tuple[Corpus, QuestionBank], update_goldens: bool) -> None:
    document = build_worksheet(*base, WorksheetRequest(variants=2, seed="golden", title="Bridge worksheet"))
    assert_golden(GOLDENS / "questions-two-variants-student.html", document.student_html, update_goldens)
    assert_golden(GOLDENS / "questions-two-variants-key.html", document.key_html, update_goldens)


@pytest.mark.parametrize("request_", [WorksheetRequest(count=30, variants=2), WorksheetRequest(type="glossary", variants=2),
                                      WorksheetRequest(type="handout", articles=("daily-2020",), variants=2)],
                         ids=["questions", "glossary", "handout"])
def test_the_student_copy_holds_no_key_and_the_key_copy_no_questions(base: tuple[Corpus, QuestionBank], request_: WorksheetRequest) -> None:
    document = build_worksheet(*base, request_)
    student, key, teacher = (file.html.partition("<body>")[2] for file in document.files())  # the style names every class
    assert "answer-key" not in student and "Answer key" not in student and "explanation" not in student
    assert student.count('<section class="sheet">') == key.count('<section class="answer-key">') == 2
    assert '<section class="sheet">' not in key and "Name</th>" not in key
    assert teacher.count('<section class="sheet">') == teacher.count('<section class="answer-key">') == 2
    assert [f.uri for f in document.files()] == ["worksheet-student.pdf", "worksheet-key.pdf", "worksheet-teacher.pdf"]


def test_the_same_request_gives_the_same_html_and_another_seed_other_variants(seeds: tuple[Corpus, QuestionBank]) -> None:
    request = WorksheetRequest(count=12, variants=3, seed="class-7b")
    first, again = build_worksheet(*seeds, request), build_worksheet(*seeds, request)
    assert first == again
    other = build_worksheet(*seeds, WorksheetRequest(count=12, variants=3, seed="class-7c"))
    assert other.student_html != first.student_html and other.key_html != first.key_html


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
            if question.kind == "ordering":  # "A 2, B 1, C 3": the number written beside each lettered event
                numbered = {int(number): letter for letter, number in (part.split(" ") for part in entry.answer.split(", "))}
                assert sorted(numbered) == list(range(1, len(question.options) + 1)), entry.answer
                given = [options_by_letter[numbered[n]] for n in sorted(numbered)]
            else:
                given = [options_by_letter[entry.answer]]
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
        for file in build_worksheet(*hostile, request).files():
            assert "<script" not in file.html and "<b>" not in file.html, (request.type, file.copy)
            assert "&amp;amp;" in file.html and "&lt;script&gt;" in file.html, (request.type, file.copy)


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
    files = teacher_worksheets(corpus, bank)
    uris = [f.uri for f in files]
    assert len(set(uris)) == len(uris)
    sheets = {"teachers/corpus-worksheet", "teachers/glossary-worksheet"}
    # an article without questions of its own (the seed copy, since round 20) gets neither
    sheets |= {f"teachers/{kind}-{a.id}" for a in corpus.articles if bank.by_article(a.id) for kind in ("worksheet", "handout")}
    assert len(sheets) == 2 + 2 * 4, "four of the five seed articles have questions"
    assert set(uris) == {f"{sheet}-{copy}.pdf" for sheet in sheets for copy in ("student", "key", "teacher")}
    for student, key, teacher in zip(files[::3], files[1::3], files[2::3], strict=True):  # the page lists them three by three
        assert (student.copy, key.copy, teacher.copy) == ("student", "key", "teacher")
        assert student.uri.removesuffix("-student.pdf") == key.uri.removesuffix("-key.pdf") == teacher.uri.removesuffix("-teacher.pdf")
        assert student.title == key.title == teacher.title and student.description.endswith(".")
        assert re.search(r"<h1>", student.html) and "Answer key" not in student.html
        assert "Answer key" in key.html and "Answer key" in teacher.html
    assert teacher_worksheets(corpus, bank) == files
    letter = teacher_worksheets(corpus, bank, paper="letter")
    assert all("size: letter;" in f.html for f in letter) and all("size: A4;" in f.html for f in files)


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


def test_the_teachers_page_links_each_sheet_to_its_three_copies_in_their_own_columns(tmp_path: Path) -> None:
    from quizgen.emit.site_content import build_site_content

    content = build_site_content(load_corpus(BASE), render_pdf=lambda html: b"%PDF " + html.encode())
    page = content.pages["teachers.md"]
    header = next(line for line in page.splitlines() if line.startswith("| Sheet |"))
    assert header == "| Sheet | What it holds | Student copy | Answer key | Teacher's copy |"
    rows = [line for line in page.splitlines() if line.startswith("| ") and "](teachers/" in line]
    pdfs = sorted(uri for uri in content.files if uri.startswith("teachers/"))
    assert len(rows) * 3 == len(pdfs) == 18
    linked = []
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        for cell, copy in zip(cells[2:], ("student", "key", "teacher"), strict=True):
            uri = re.fullmatch(rf"\[{copy}\]\((teachers/[^)]+-{copy}\.pdf)\)", cell)
            assert uri, (cell, copy)
            linked.append(uri.group(1))
        student_html = content.files[linked[-3]]
        assert isinstance(student_html, bytes) and b"answer-key" not in student_html.partition(b"<body>")[2]
    assert sorted(linked) == pdfs


def test_a_sheet_asks_each_fact_once_and_no_stem_states_another_answer(base: tuple[Corpus, QuestionBank],
                                                                       seeds: tuple[Corpus, QuestionBank]) -> None:
    from quizgen.worksheet.sheet_rules import gives_away, select_sheet_questions

    corpus, bank = base
    everything = select_sheet_questions(bank.questions, QuestionCriteria())
    facts = [f for q in everything for f in q.fact_ids]
    assert len(facts) == len(set(facts)) == len({f for q in bank.questions for f in q.fact_ids})  # every fact, once
    assert len(everything) < len(bank.questions)  # the base corpus asks some facts twice
    for seed in ("a", "b", "c"):
        chosen = select_sheet_questions(seeds[1].questions, QuestionCriteria(count=12, seed=seed))
        assert len(chosen) == 12 and not any(gives_away(q, [o for o in chosen if o.id != q.id]) for q in chosen), seed
    # without a conflict, the sheet is the sample ``select_questions`` draws
    one_each = tuple({q.fact_ids: q for q in reversed(bank.questions) if q.kind == "multiple-choice"}.values())
    assert len(one_each) >= 2 and not any(gives_away(q, [o for o in one_each if o.id != q.id]) for q in one_each)
    for count in (1, 2):
        criteria = QuestionCriteria(count=count, seed="s")
        assert select_sheet_questions(one_each, criteria) == select_questions(one_each, criteria)


def test_numeric_items_print_with_a_blank_line_and_their_number_in_the_key(base: tuple[Corpus, QuestionBank],
                                                                         update_goldens: bool) -> None:
    """Asked for by kind: a blank line for the number on the student copy, the number (and what else
    counts) only on the key; a sheet with them keeps asking each fact once."""
    corpus, bank = base
    document = build_worksheet(corpus, bank, WorksheetRequest(kinds=("numeric",)))
    assert_golden(GOLDENS / "numeric.html", document.teacher_html, update_goldens)
    student, key = document.student_html.partition("<body>")[2], document.key_html.partition("<body>")[2]
    assert student.count('<li class="question numeric">') == len(bank.numeric) == 1  # the bridge's year is the news's: no item
    assert student.count('class="answer-blank number-blank"') == 1
    assert "write it on the line, in the unit the question names" in student
    for answer in ("3,000", "3000", "2,700", "3,300", "accepted"):
        assert answer not in student, answer
    assert "3,000 (2,700 to 3,300 accepted)" in key
    default = build_worksheet(corpus, bank, WorksheetRequest(count=30))
    assert "numeric" not in default.student_html.partition("<body>")[2]  # only when asked for
    mixed = build_worksheet(corpus, bank, WorksheetRequest(kinds=("multiple-choice", "numeric"), count=30))
    facts = re.findall(r'<p class="stem"><span class="number">\d+\.</span>([^<]*)</p>', mixed.student_html)
    crossings = [stem for stem in facts if "crossed the bridge on its first day?" in stem]
    assert len(crossings) == 1  # the figure written in or chosen, not both


def test_matching_items_print_numbered_items_lettered_answers_and_a_key_of_letters(glossary_open: tuple[Corpus, QuestionBank]) -> None:
    """Each variant's key, read with its own sheet, matches every item to its own answer; the
    student copy holds no key; a default sheet holds no matching item."""
    corpus, bank = glossary_open
    assert len(bank.matching) >= 2
    document = build_worksheet(corpus, bank, WorksheetRequest(kinds=("matching",), variants=2, count=2))
    student, key = document.student_html.partition("<body>")[2], document.key_html.partition("<body>")[2]
    assert "the letter of the answer that goes with it" in student and "answer-key" not in student
    pairs = {left: right for q in bank.matching for left, right in q.pairs}
    sheets = student.split('<section class="sheet">')[1:]
    keys = key.split('<section class="answer-key">')[1:]
    assert len(sheets) == len(keys) == 2
    orders = []
    for sheet, sheet_key in zip(sheets, keys):
        answers = re.findall(r'<p class="key-answer"><span class="number">\d+\.</span><strong>([^<]*)</strong>', sheet_key)
        items = re.findall(r'<ol class="match-items">(.*?)</ol>', sheet, re.S)
        choices = re.findall(r'<ul class="options match-answers">(.*?)</ul>', sheet, re.S)
        assert len(answers) == len(items) == len(choices) == 2
        for answer, item_list, choice_list in zip(answers, items, choices):
            lefts = [html_unescape(t) for t in re.findall(r'<span class="order-blank"></span>([^<]*)</li>', item_list)]
            letters = {letter: html_unescape(text) for letter, text in
                       re.findall(r'<span class="letter">([A-Z])</span>([^<]*)</li>', choice_list)}
            marked = dict(part.split(" ") for part in answer.split(", "))
            assert [letters[marked[str(n)]] for n in range(1, len(lefts) + 1)] == [pairs[left] for left in lefts]
            if not orders[1:]:  # variant A: the answers are never in the items' own order
                assert list(marked.values()) != sorted(marked.values())
        orders.append(items)
    assert orders[0] != orders[1]  # variant B asks in another order, and its key follows it
    default = build_worksheet(corpus, bank, WorksheetRequest(count=40)).student_html
    assert 'class="question matching"' not in default


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)
