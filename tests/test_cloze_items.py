"""Cloze items (a quoted passage with a glossary term blanked) keep one defensible answer and come
back from every export: gift-pegjs, the XML parsed back, openpyxl, csv and the real Anki."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from anki.collection import Collection
from export_cases import SEEDS
from openpyxl import load_workbook
from test_exports_anki import import_deck, notes_by_id
from test_exports_gift import parse_gift
from test_exports_spreadsheets import read_csv

from quizgen.corpus_loader import load_corpus
from quizgen.export import EXPORT_FORMATS
from quizgen.export.qti_package import assessment_ident
from quizgen.generate.families_cloze import BLANK
from quizgen.generate.families_terms import names_any
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.model.corpus import Corpus
from quizgen.worksheet import WorksheetRequest, build_worksheet

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def seed_bank() -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(SEEDS)
    return corpus, build_question_bank(corpus)


def test_each_passage_is_a_quote_with_its_term_blanked_once_and_options_of_its_category() -> None:
    corpus, bank = seed_bank()
    assert len(bank.cloze) >= 10
    terms = {t.id: t for t in corpus.terms}
    for item in bank.cloze:
        term = terms[item.fact_ids[0]]
        assert item.kind == "cloze" and item.correct is not None and item.options[item.correct] == term.term
        passage = re.search(r"“(.*)”$", item.stem)
        assert passage is not None and passage[1].count(BLANK) == 1
        (citation,) = item.citations
        assert passage[1].replace(BLANK, "") in citation.quote.replace(term.term, "") or \
            re.sub(re.escape(BLANK), term.term, passage[1]).casefold() == citation.quote.casefold()
        assert corpus.outlet_of(citation.article).name in item.stem
        assert not names_any(passage[1], [term.term, *([term.expansion] if term.expansion else []), *term.aliases])
        assert 3 <= len(item.options) <= 4 and len(set(item.options)) == len(item.options)
        abbreviation = term.term.replace("-", "").replace(" ", "").isupper()
        for index, option in enumerate(item.options):
            assert option.replace("-", "").replace(" ", "").isupper() == abbreviation, (item.stem, option)
            if index != item.correct:
                assert not names_any(citation.quote, [option])  # a wrong option is not in the passage


def test_gift_moodle_and_qti_read_cloze_items_back_as_multiple_choice() -> None:
    corpus, bank = seed_bank()
    _, *parsed = parse_gift(EXPORT_FORMATS["gift"].render(corpus, bank.cloze).data.decode("utf-8"))
    for question, item in zip(bank.cloze, parsed, strict=True):
        assert item["type"] == "MC" and html.unescape(item["stem"]["text"]) == question.stem
        assert [c["isCorrect"] for c in item["choices"]] == [i == question.correct for i in range(len(question.options))]
        assert [html.unescape(c["text"]["text"]) for c in item["choices"]] == list(question.options)
    root = ET.fromstring(EXPORT_FORMATS["moodle-xml"].render(corpus, bank.cloze).data)
    items = {q.findtext("idnumber"): q for q in root.findall("question") if q.get("type") != "category"}
    for question in bank.cloze:
        item = items[question.id]
        assert item.get("type") == "multichoice" and html.unescape(item.findtext("questiontext/text") or "") == question.stem
        assert [a.get("fraction") for a in item.findall("answer")] == ["100" if i == question.correct else "0"
                                                                        for i in range(len(question.options))]
    ident = assessment_ident(corpus)
    with zipfile.ZipFile(io.BytesIO(EXPORT_FORMATS["qti"].render(corpus, bank.cloze).data)) as archive:
        qti = ET.fromstring(archive.read(f"{ident}/{ident}.xml"))
    qti_items = {i.get("ident"): i for i in qti.iter(f"{QTI}item")}
    for question in bank.cloze:
        labels = qti_items[question.id].findall(f"{QTI}presentation/{QTI}response_lid/{QTI}render_choice/{QTI}response_label")
        assert [html.unescape(label.findtext(f"{QTI}material/{QTI}mattext") or "") for label in labels] == list(question.options)


def test_spreadsheets_hold_cloze_items_whole_or_leave_them_out_for_length(tmp_path: Path) -> None:
    corpus, bank = seed_bank()
    rows = read_csv(EXPORT_FORMATS["csv"].render(corpus, bank.cloze).data)
    assert [row[0] for row in rows] == [q.stem for q in bank.cloze]
    assert [int(row[7]) - 1 for row in rows] == [q.correct for q in bank.cloze]
    kahoot = EXPORT_FORMATS["kahoot"].render(corpus, bank.cloze)
    sheet = load_workbook(io.BytesIO(kahoot.data)).active
    assert sheet is not None
    kept = [row for row in sheet.iter_rows(min_row=9, values_only=True)]
    left = {line.split(": ")[0] for line in kahoot.left_out}
    fitting = [q for q in bank.cloze if q.id not in left]
    assert [row[1] for row in kept] == [q.stem for q in fitting]  # never cut: the blank stays
    assert all(len(q.stem) > 120 for q in bank.cloze if q.id in left)


def test_anki_cards_show_the_passage_and_the_term_on_the_back(tmp_path: Path) -> None:
    corpus, bank = seed_bank()
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, EXPORT_FORMATS["anki"].render(corpus, bank.cloze).data, tmp_path)
        notes = notes_by_id(collection)
        for question in bank.cloze:
            assert html.unescape(notes[question.id]["Question"]) == question.stem
            assert html.unescape(notes[question.id]["Answer"]) == f"<b>{question.answer_text}</b>"
    finally:
        collection.close()


def test_a_cloze_worksheet_prints_the_passage_and_lettered_terms_and_keeps_the_key_apart() -> None:
    corpus, bank = seed_bank()
    document = build_worksheet(corpus, bank, WorksheetRequest(kinds=("cloze",), count=5))
    student, key = document.student_html.partition("<body>")[2], document.key_html.partition("<body>")[2]
    assert student.count('class="question cloze"') == 5 and "write the letter of the term that fills it" in student
    assert "answer-key" not in student
    for stem in re.findall(r'<span class="number">\d+\.</span>([^<]*)</p>', student):
        item = next(q for q in bank.cloze if html.escape(q.stem, quote=True).replace("&#x27;", "&#39;") == stem
                    or html.escape(q.stem) == stem)
        assert item is not None
    assert len(re.findall(r'<p class="key-answer">', key)) == 5
