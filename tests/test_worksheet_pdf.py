"""Worksheets as PDF, read back with poppler-utils: every question and its key, keys on their own
pages, variants whose keys match their own questions, byte-identical reruns, paper sizes,
embedded fonts, escaped corpus text, the render cache, and page images for review."""

from __future__ import annotations

import itertools
import logging
import re
from pathlib import Path

import pytest
from quizgen.corpus_loader import load_corpus
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.generate.question_model import Question, answer_key
from quizgen.model.corpus import Corpus
from quizgen.worksheet import (
    PrintedFile,
    WorksheetRequest,
    build_worksheet,
    teacher_worksheets,
)
from quizgen.worksheet.glossary_worksheet import INSTRUCTIONS as GLOSSARY_INSTRUCTIONS
from quizgen.worksheet.sheet_items import option_letter
from quizgen.worksheet.variants import make_variant
from quizgen.worksheet.worksheet_html import (
    KIND_INSTRUCTIONS,
    PageSetup,
    html_environment,
    render_question_worksheet,
)

from corpus_cases import make_corpus
from test_worksheet_html import HOSTILE
from worksheet_pdf_tools import (
    page_images,
    pdf_fonts,
    pdf_info,
    pdf_pages,
    require_pdf_tools,
    squeezed,
)

TESTS = Path(__file__).parent
REPO = TESTS.parent
ARTIFACTS = TESTS / "artifacts" / "worksheets"


@pytest.fixture(scope="module", autouse=True)
def _pdf_tools() -> None:
    require_pdf_tools()


@pytest.fixture(scope="module")
def seeds() -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(REPO / "seeds")
    return corpus, build_question_bank(corpus)


def write_pdf(folder: Path, name: str, html: str) -> Path:
    from quizgen.worksheet.pdf import render_pdf

    path = folder / f"{name}.pdf"
    path.write_bytes(render_pdf(html))
    return path


def mixed_questions(bank: QuestionBank) -> tuple[Question, ...]:
    """Every kind of question, ordering included (a seeded sample would rarely hold one)."""
    by_kind = {kind: [q for q in bank.questions if q.kind == kind] for kind in ("multiple-choice", "true-false", "ordering")}
    return tuple(by_kind["multiple-choice"][::15][:8] + by_kind["true-false"][::20][:4] + by_kind["ordering"][:2])


@pytest.fixture(scope="module")
def variants_pdf(seeds: tuple[Corpus, QuestionBank], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Question, ...]]:
    corpus, bank = seeds
    questions = mixed_questions(bank)
    variants = [(letter, make_variant(questions, "class-9", letter)) for letter in "ABC"]
    html = render_question_worksheet(corpus, variants, PageSetup("Mixed worksheet", "All kinds"), html_environment(), "teacher")
    return write_pdf(tmp_path_factory.mktemp("pdf"), "variants", html), questions


def _sheet_and_key_pages(pages: list[str], label: str) -> tuple[str, str]:
    """The text of a variant's question pages and of its key pages, told apart by the page footer."""
    sheet = [p for p in pages if re.search(rf"· {label}\s+Page", p)]
    key = [p for p in pages if re.search(rf"· {label} · answer key\s+Page", p)]
    assert sheet and key, f"no pages for {label}"
    return "\n".join(sheet), "\n".join(key)


def _numbered_blocks(sheet: str, selected: tuple[Question, ...]) -> list[str]:
    """The squeezed text of question 1, 2, ...: from "N." and a stem to the next "N+1." and a stem."""
    stems = {squeezed(q.stem) for q in selected}
    starts: list[int] = []
    for number in range(1, len(selected) + 1):
        hits = [hit for stem in stems if (hit := sheet.find(f"{number}.{stem}", starts[-1] + 1 if starts else 0)) >= 0]
        assert hits, f"no question numbered {number}"
        starts.append(min(hits))
    return [sheet[start:end] for start, end in zip(starts, starts[1:] + [len(sheet)])]


def _printed_answer(question: Question, block: str) -> str:
    """What the key must say for ``question`` as printed in ``block`` (its squeezed text on the sheet)."""
    if question.kind == "true-false":
        assert question.correct is not None
        return question.options[question.correct]
    for order in itertools.permutations(range(len(question.options))):
        printed = "".join(option_letter(n) + squeezed(question.options[i]) for n, i in enumerate(order))
        if printed in block:
            if question.correct_order is not None:  # the number a student writes beside each lettered event
                return ", ".join(f"{option_letter(n)} {question.correct_order.index(i) + 1}" for n, i in enumerate(order))
            assert question.correct is not None
            return option_letter(order.index(question.correct))
    raise AssertionError(f"the options of {question.id} are not printed in any order: {block[:300]}")


def _key_answers(key_text: str) -> dict[int, str]:
    found = {}
    for match in re.finditer(r"^\s*(\d+)\.\s+(True|False|[A-Z] \d+(?:, [A-Z] \d+)*|[A-Z])(?:\s+—|\s*$)", key_text, re.MULTILINE):
        found.setdefault(int(match.group(1)), match.group(2))
    return found


def test_every_question_option_and_key_is_printed_and_each_variant_key_matches_its_questions(
        variants_pdf: tuple[Path, tuple[Question, ...]]) -> None:
    pdf, selected = variants_pdf
    assert {"multiple-choice", "ordering"} <= {q.kind for q in selected}  # the seed bank asks no true/false item
    pages = pdf_pages(pdf)
    orders = {}
    for label in ("Variant A", "Variant B", "Variant C"):
        sheet_text, key_text = _sheet_and_key_pages(pages, label)
        blocks = _numbered_blocks(squeezed(sheet_text), selected)
        ordered = []
        for number, block in enumerate(blocks, start=1):
            printed = [q for q in selected if block.startswith(f"{number}.{squeezed(q.stem)}")
                       and all(squeezed(option) in block for option in q.options)]
            assert len(printed) == 1, f"{label}: question {number} is not one of the selected questions: {block[:200]}"
            ordered.append(printed[0])
        assert sorted(q.id for q in ordered) == sorted(q.id for q in selected), f"{label}: a question is missing"
        orders[label] = [q.id for q in ordered]
        expected = {number: _printed_answer(q, block) for number, (q, block) in enumerate(zip(ordered, blocks), start=1)}
        assert _key_answers(key_text) == expected, label
        for question in selected:  # the explanation and a quote of every source are in the key
            assert squeezed(question.explanation) in squeezed(key_text)
            assert all(squeezed(c.quote)[:40] in squeezed(key_text) for c in question.citations)
    assert orders["Variant A"] == [q.id for q in selected]
    assert orders["Variant B"] != orders["Variant A"] and orders["Variant C"] != orders["Variant A"]


def test_the_key_is_on_pages_of_its_own(variants_pdf: tuple[Path, tuple[Question, ...]]) -> None:
    pages = pdf_pages(variants_pdf[0])
    for page in pages:
        if re.search(r"answer key\s+Page \d+ of", page):
            assert "Name" not in page and "Answer:" not in page and "Circle one" not in page
        else:
            assert "Answer key" not in page and "At a glance" not in page
    assert sum("Answer key (Variant" in page for page in pages) == 3
    is_key = [bool(re.search(r"answer key\s+Page \d+ of", page)) for page in pages]
    for number in range(len(pages) - 1):
        if is_key[number] and not is_key[number + 1]:
            assert "Name" in pages[number + 1], "the next variant starts on a new page after a key"


def test_the_same_options_give_a_byte_identical_pdf(seeds: tuple[Corpus, QuestionBank], tmp_path: Path) -> None:
    request = WorksheetRequest(count=8, variants=2, seed="same")
    first = write_pdf(tmp_path, "first", build_worksheet(*seeds, request).key_html).read_bytes()
    second = write_pdf(tmp_path, "second", build_worksheet(*seeds, request).key_html).read_bytes()
    assert first == second
    assert b"CreationDate" not in first and b"ModDate" not in first


def test_paper_size_a4_and_letter(seeds: tuple[Corpus, QuestionBank], tmp_path: Path) -> None:
    sizes = {}
    for paper in ("a4", "letter"):
        pdf = write_pdf(tmp_path, paper, build_worksheet(*seeds, WorksheetRequest(count=3, paper=paper)).student_html)
        sizes[paper] = pdf_info(pdf)["Page size"]
    assert sizes["a4"].startswith("595.276 x 841.89 pts (A4)")
    assert sizes["letter"].startswith("612 x 792 pts (letter)")


def test_fonts_are_embedded_and_rendering_logs_no_warning(seeds: tuple[Corpus, QuestionBank], tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="weasyprint")
    documents = [build_worksheet(*seeds, WorksheetRequest(count=5)),
                 build_worksheet(*seeds, WorksheetRequest(type="glossary", count=9)),
                 build_worksheet(*seeds, WorksheetRequest(type="handout", articles=(seeds[0].articles[0].id,), count=3))]
    for number, document in enumerate(documents):
        fonts = pdf_fonts(write_pdf(tmp_path, f"doc{number}", document.teacher_html))
        assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # the `emb` column
        assert all("DejaVu" in row[0] for row in fonts), fonts
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], [r.getMessage() for r in caplog.records]


HEADLINE, STATEMENT = "<b>bridge</b>atlast&<script>alert(1)</script>&amp;", "<b>bridge</b>&<script>alert(2)</script>&amp;more"
HOSTILE_PRINTED = {  # where each edited text appears: the headline in sources, the statement in a question, the definition in the glossary
    "questions": (HEADLINE, STATEMENT),
    "glossary": ("<script>alert(3)</script>acrosstheriver&amp;<b>in</b>Riverton",),
    "handout": (HEADLINE, STATEMENT),
}


def test_corpus_markup_prints_as_text(tmp_path: Path) -> None:
    corpus = load_corpus(make_corpus(HOSTILE, tmp_path / "seeds"))
    bank = build_question_bank(corpus)
    for request in (WorksheetRequest(count=50), WorksheetRequest(type="glossary"),
                    WorksheetRequest(type="handout", articles=("weekly-2020",))):
        text = squeezed("".join(pdf_pages(write_pdf(tmp_path, request.type, build_worksheet(corpus, bank, request).teacher_html))))
        for needle in HOSTILE_PRINTED[request.type]:
            assert needle in text, (request.type, needle)


def test_the_renderer_fetches_nothing(caplog: pytest.LogCaptureFixture) -> None:
    from quizgen.worksheet.pdf import RefusingURLFetcher, render_pdf

    with pytest.raises(ValueError, match="refused"):
        RefusingURLFetcher().fetch("https://example.org/logo.png")
    caplog.set_level(logging.ERROR, logger="weasyprint")
    html = ('<html><head><link rel="stylesheet" href="http://127.0.0.1:9/style.css"></head>'
            '<body><p>text</p><img src="file:///etc/hostname"><img src="https://example.org/x.png"></body></html>')
    assert render_pdf(html).startswith(b"%PDF-")
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refused) == 3, [r.getMessage() for r in caplog.records]


def test_render_pdf_cached_renders_an_unchanged_html_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quizgen.worksheet.pdf as pdf_module

    calls: list[str] = []
    real_render = pdf_module.render_pdf

    def counting_render(html: str) -> bytes:
        calls.append(html)
        return real_render(html)

    monkeypatch.setattr(pdf_module, "render_pdf", counting_render)
    cache = tmp_path / "cache"
    first = pdf_module.render_pdf_cached("<p>one</p>", cache)
    again = pdf_module.render_pdf_cached("<p>one</p>", cache)
    other = pdf_module.render_pdf_cached("<p>two</p>", cache)
    assert calls == ["<p>one</p>", "<p>two</p>"]
    assert first == again != other
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{pdf_module.cache_key(h)}.pdf" for h in ("<p>one</p>", "<p>two</p>"))
    assert pdf_module.cache_key("<p>one</p>") != pdf_module.cache_key("<p>one</p> ")


def test_page_images_of_a_worksheet_and_its_key_for_review(seeds: tuple[Corpus, QuestionBank]) -> None:
    """Writes tests/artifacts/worksheets/*.png (gitignored): look at them after a layout change."""
    corpus, bank = seeds
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    variants = [("A", mixed_questions(bank))]
    for copy in ("student", "key"):
        html = render_question_worksheet(corpus, variants, PageSetup("Mixed worksheet", "All kinds"), html_environment(), copy)
        pdf = write_pdf(ARTIFACTS, f"worksheet-{copy}", html)
        images = page_images(pdf, ARTIFACTS, f"worksheet-{copy}", 1, len(pdf_pages(pdf)))
        assert images and all(image.stat().st_size > 10_000 for image in images)
    glossary = build_worksheet(corpus, bank, WorksheetRequest(type="glossary"))
    for copy in ("student", "key"):
        assert page_images(write_pdf(ARTIFACTS, f"glossary-{copy}", glossary.copy_html(copy)), ARTIFACTS, f"glossary-{copy}", 1, 1)
    handout = build_worksheet(corpus, bank, WorksheetRequest(type="handout", articles=(corpus.articles[0].id,)))
    for copy in ("student", "key"):
        pdf = write_pdf(ARTIFACTS, f"handout-{copy}", handout.copy_html(copy))
        assert page_images(pdf, ARTIFACTS, f"handout-{copy}", 1, len(pdf_pages(pdf)))


KEY_MARKS = ("Answer key", "answer key", "At a glance", "For the teacher")
"""Words printed on every key page and nowhere on a sheet for students."""
LAYOUT_INSTRUCTIONS = {  # what a student sees of an item kind on the page → the instruction that must be printed with it
    "Answer:": KIND_INSTRUCTIONS["multiple-choice"],
    "Circle one:": KIND_INSTRUCTIONS["true-false"],
    "on the lines, one number per event": KIND_INSTRUCTIONS["ordering"],
    "Part 1": GLOSSARY_INSTRUCTIONS[0],
}


@pytest.fixture(scope="module")
def teacher_set_pdfs(seeds: tuple[Corpus, QuestionBank], tmp_path_factory: pytest.TempPathFactory) -> list[tuple[PrintedFile, list[str]]]:
    """Every PDF of the teachers' set of the seed corpus, with the text of its pages."""
    from quizgen.worksheet.pdf import render_pdf_cached

    folder, cache = tmp_path_factory.mktemp("teacher-set"), tmp_path_factory.mktemp("pdf-cache")
    read = []
    for file in teacher_worksheets(*seeds):
        path = folder / Path(file.uri).name
        path.write_bytes(render_pdf_cached(file.html, cache))
        read.append((file, pdf_pages(path)))
    return read


def test_no_student_copy_of_the_teachers_set_prints_a_word_of_its_key(seeds: tuple[Corpus, QuestionBank],
                                                                      teacher_set_pdfs: list[tuple[PrintedFile, list[str]]]) -> None:
    corpus, bank = seeds
    explanations = {squeezed(q.explanation) for q in bank.questions}
    by_sheet: dict[str, dict[str, str]] = {}
    for file, pages in teacher_set_pdfs:
        by_sheet.setdefault(file.uri.rsplit("-", 1)[0], {})[file.copy] = "\f".join(pages)
    with_items = [a for a in corpus.articles if bank.by_article(a.id)]
    assert len(by_sheet) == 2 + 2 * len(with_items) and all(len(copies) == 3 for copies in by_sheet.values())
    for sheet, copies in by_sheet.items():
        student, key, teacher = (squeezed(copies[c]) for c in ("student", "key", "teacher"))
        for mark in KEY_MARKS:
            assert squeezed(mark) not in student, (sheet, mark)
            assert squeezed(mark) in key and squeezed(mark) in teacher, (sheet, mark)
        answers = _key_answers(copies["key"])
        assert answers and sorted(answers) == list(range(1, len(answers) + 1)), sheet
        assert _key_answers(copies["teacher"]) == answers and not _key_answers(copies["student"]), sheet
        if not sheet.startswith("teachers/glossary"):  # a glossary's explanations are the definitions students match
            printed = [e for e in explanations if e in key]
            assert printed, f"{sheet}: the key has no explanation"
            assert not [e for e in printed if e in student], f"{sheet}: an explanation is in the student copy"
        assert "Name" in copies["student"] and "Name" not in copies["key"], sheet


def test_every_student_copy_has_the_instructions_of_each_kind_it_holds(teacher_set_pdfs: list[tuple[PrintedFile, list[str]]]) -> None:
    kinds_seen = set()
    for file, pages in teacher_set_pdfs:
        if file.copy != "student":
            continue
        text = squeezed("\f".join(pages))
        layouts = [layout for layout in LAYOUT_INSTRUCTIONS if squeezed(layout) in text]
        assert layouts, f"{file.uri}: no item to answer"
        for layout in layouts:
            assert squeezed(LAYOUT_INSTRUCTIONS[layout]) in text, (file.uri, layout)
        kinds_seen.update(layouts)
    assert {"Answer:", "Part 1"} <= kinds_seen  # true/false: the seed bank has none; see the next test


def test_a_true_false_sheet_prints_its_instructions_and_circles(tmp_path: Path) -> None:
    """The seed bank asks no true/false item, so a corpus that has them prints one: the instruction
    of its kind on the student copy, a circle per item, and the key's True or False."""
    corpus = load_corpus(REPO / "tests" / "fixtures" / "base_corpus")
    bank = build_question_bank(corpus)
    asked = tuple(q for q in bank.questions if q.kind == "true-false")
    assert asked
    html = render_question_worksheet(corpus, [("A", make_variant(asked, "tf", "A"))], PageSetup("True or false", "T/F"), html_environment(), "student")
    text = squeezed(" ".join(pdf_pages(write_pdf(tmp_path, "tf", html))))
    assert squeezed(KIND_INSTRUCTIONS["true-false"]) in text
    assert text.count("Circleone") == len(asked)
    assert not any(mark in text for mark in ("Answerkey", "answerkey"))


def test_the_key_gives_ordering_answers_as_the_numbers_students_write(variants_pdf: tuple[Path, tuple[Question, ...]]) -> None:
    pdf, selected = variants_pdf
    ordering = [q for q in selected if q.kind == "ordering"]
    numbered = []
    for label in ("Variant A", "Variant B", "Variant C"):
        key_text = _sheet_and_key_pages(pdf_pages(pdf), label)[1]
        numbered += [answer for answer in _key_answers(key_text).values() if re.fullmatch(r"[A-Z] \d+(, [A-Z] \d+)*", answer)]
    assert len(numbered) == 3 * len(ordering)
    for answer in numbered:
        assert sorted(int(part.split(" ")[1]) for part in answer.split(", ")) == list(range(1, answer.count(",") + 2))
    sheet_text = squeezed("\n".join(page for page in pdf_pages(pdf) if "answer key" not in page))
    assert squeezed(KIND_INSTRUCTIONS["ordering"]) in sheet_text


def test_no_key_leaves_an_item_or_a_tail_of_sources_alone_on_its_last_page(teacher_set_pdfs: list[tuple[PrintedFile, list[str]]]) -> None:
    for file, pages in teacher_set_pdfs:
        if file.copy == "key" and len(pages) > 1:
            items_on_last = re.findall(r"^\s*\d+\.\s+\S", pages[-1], re.MULTILINE)
            assert len(items_on_last) >= 2, f"{file.uri}: its last page holds {len(items_on_last)} item(s)"


def _printed_questions(text: str, bank: QuestionBank) -> list[Question]:
    """The bank's questions whose numbered stem is printed in ``text`` (squeezed), followed by its
    answer space: the true-or-false circle, or its own options (in any order) before the next item."""
    found = []
    for question in bank.questions:
        for match in re.finditer(rf"\d+\.{re.escape(squeezed(question.stem))}", text):
            block = re.split(r"(?<!\d)\d{1,2}\.(?=[A-Z])", text[match.end():], maxsplit=1)[0]  # an item number, not a year
            if (block.startswith("Circleone") if question.kind == "true-false"
                    else block.startswith(("A", "Write1")) and all(squeezed(o) in block for o in question.options)):
                found.append(question)
                break
    return found


def _giving_away(questions: list[Question]) -> list[str]:
    """Pairs of questions on one fact, or where one stem states another's multiple-choice answer."""
    problems = []
    for first, second in itertools.permutations(questions, 2):
        points = [set(q.clusters or q.fact_ids) for q in (first, second)]  # a cluster of restating facts is one point
        if first.id < second.id and points[0] & points[1]:
            problems.append(f"{first.id} and {second.id} test the same fact")
        answer = answer_key(first.answer_text)
        if first.kind == "multiple-choice" and len(answer) >= 4 and answer in answer_key(second.stem):
            problems.append(f"the stem of {second.id} states the answer of {first.id} ({first.answer_text})")
    return problems


def test_no_sheet_or_variant_asks_a_fact_twice_or_answers_one_item_with_another(
        seeds: tuple[Corpus, QuestionBank], teacher_set_pdfs: list[tuple[PrintedFile, list[str]]], tmp_path: Path) -> None:
    corpus, bank = seeds
    sheets = [(file.uri, squeezed("".join(pages)), int(re.search(r"(\d+) questions?", file.description)[1]))  # type: ignore[index]
              for file, pages in teacher_set_pdfs if file.copy == "student" and "glossary" not in file.uri]
    variants = write_pdf(tmp_path, "variants", build_worksheet(corpus, bank, WorksheetRequest(count=12, variants=3, seed="9c")).student_html)
    pages = pdf_pages(variants)
    for label in ("Variant A", "Variant B", "Variant C"):
        sheets.append((label, squeezed("".join(p for p in pages if re.search(rf"· {label}\s+Page", p))), 12))
    for name, text, count in sheets:
        printed = _printed_questions(text, bank)
        assert len(printed) == count, f"{name}: {len(printed)} of its {count} questions found in the text"
        assert not _giving_away(printed), (name, _giving_away(printed))


def test_a_matching_and_numeric_sheet_prints_no_key_in_the_student_copy(tmp_path: Path) -> None:
    """Read back with pdftotext: the student copy has the items, lettered answers, lines and the
    instructions of both kinds, and none of the key; the key has the letters and the numbers.
    Page images of both are kept for review in tests/artifacts/worksheets. (The seed bank keeps no
    written item: the corpus is tests/written_corpus.py's.)"""
    from written_corpus import make_written_corpus

    corpus = load_corpus(make_written_corpus(tmp_path / "written"))
    bank = build_question_bank(corpus)
    document = build_worksheet(corpus, bank, WorksheetRequest(kinds=("matching", "numeric"), count=6))
    student = write_pdf(tmp_path, "matching-student", document.student_html)
    key = write_pdf(tmp_path, "matching-key", document.key_html)
    student_text, key_text = squeezed(" ".join(pdf_pages(student))), squeezed(" ".join(pdf_pages(key)))
    for kind in ("matching", "numeric"):
        assert squeezed(KIND_INSTRUCTIONS[kind]) in student_text
    assert "Answer key" not in student_text and "accepted" not in student_text
    assert not re.search(r"1[A-E],2[A-E]", student_text)  # squeezed: no spaces left
    assert re.search(r"1[A-E],2[A-E],3[A-E]", key_text)
    # an item is on the sheet when its numbered left column is (a name alone may stand in another stem)
    on_sheet = [item for item in bank.matching
                if squeezed("".join(f"{n}. {left}" for n, (left, _) in enumerate(item.pairs, 1))) in student_text]
    assert on_sheet, "a matching item is on the sheet"
    for item in on_sheet:
        assert all(squeezed(right)[:40] in student_text for _, right in item.pairs)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert page_images(student, ARTIFACTS, "matching-student", 1, 1) and page_images(key, ARTIFACTS, "matching-key", 1, 1)
