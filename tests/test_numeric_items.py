"""Numeric items (a figure or a year written in) follow the item-writing rules, and every export
that can mark a number reads them back: gift-pegjs, Moodle XML and QTI parsed back, the real Anki."""

from __future__ import annotations

import html
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from corpus_cases import make_corpus
from export_cases import BASE_CORPUS, SEEDS, load_questions
from test_exports_anki import import_deck, notes_by_id
from test_exports_gift import parse_gift

from anki.collection import Collection
from quizgen.corpus_loader import load_corpus
from quizgen.export import EXPORT_FORMATS
from quizgen.export.gift import render_gift
from quizgen.export.moodle_xml import render_moodle_xml
from quizgen.export.qti_package import assessment_ident, render_qti_package
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.generate.question_model import Question

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
FIGURE = "According to the articles, what was the number of people who crossed the bridge on its first day?"


def numeric_bank(root: Path) -> tuple[object, QuestionBank]:
    corpus = load_corpus(root)
    return corpus, build_question_bank(corpus)


def by_stem(bank: QuestionBank, start: str) -> Question | None:
    return next((q for q in bank.numeric if q.stem.startswith(start)), None)


def test_an_approximate_figure_asks_for_its_unit_and_accepts_a_tenth_either_side() -> None:
    _, bank = numeric_bank(BASE_CORPUS)
    item = by_stem(bank, FIGURE)
    assert item is not None and item.kind == "numeric" and item.options == ()
    assert item.stem == FIGURE + " Answer with a number of people."
    assert item.numeric is not None and (item.numeric.value, item.numeric.tolerance) == (3000, 300)
    assert item.answer_text == "About 3,000 people"
    assert "3,000" not in item.stem and "3000" not in item.stem


def test_a_year_item_is_exact_and_says_it_wants_a_year() -> None:
    _, bank = numeric_bank(BASE_CORPUS)
    item = by_stem(bank, "According to the articles, in what year did the opening of the Riverton bridge happen?")
    assert item is not None and item.stem.endswith("Answer with a year.")
    assert item.numeric is not None and (item.numeric.value, item.numeric.tolerance, item.numeric.unit) == (2020, 0, "year")


def test_an_exact_figure_has_no_margin(tmp_path: Path) -> None:
    root = make_corpus({"description": "exact", "edit": {"facts/bridge.yaml": [["    qualifier: about\n", ""]]}}, tmp_path / "c")
    item = by_stem(numeric_bank(root)[1], FIGURE)
    assert item is not None and item.numeric is not None and item.numeric.tolerance == 0


def test_a_bound_has_no_single_answer_and_gets_no_item(tmp_path: Path) -> None:
    root = make_corpus({"description": "bound", "edit": {"facts/bridge.yaml": [["qualifier: about", "qualifier: more than"]]}},
                       tmp_path / "c")
    assert by_stem(numeric_bank(root)[1], FIGURE) is None


def test_two_figures_for_one_measure_get_no_item(tmp_path: Path) -> None:
    other = """  - id: first-day-crossings-weekly
    kind: quantity
    value: 5000
    unit: people
    measure: the number of people who crossed the bridge on its first day
    statement: 5,000 people crossed the bridge on its first day.
    topics: [bridges]
    sources:
      - article: daily-2020
        quote: About 3,000 people crossed it on the first day.
"""
    root = make_corpus({"description": "two figures", "edit": {"facts/bridge.yaml": [["  - id: lima-twelve-years\n",
                                                                                       other + "  - id: lima-twelve-years\n"]]}},
                       tmp_path / "c")
    assert by_stem(numeric_bank(root)[1], FIGURE) is None


def test_a_year_in_the_title_would_give_the_answer_away_and_gets_no_item(tmp_path: Path) -> None:
    root = make_corpus({"description": "year in title", "edit": {"facts/bridge.yaml": [
        ["title: the opening of the Riverton bridge", "title: the 2020 opening of the Riverton bridge"]]}}, tmp_path / "c")
    assert not any("what year" in q.stem for q in numeric_bank(root)[1].numeric)


def test_gift_reads_numeric_items_back_with_their_margin() -> None:
    corpus, bank = numeric_bank(BASE_CORPUS)
    _, *parsed = parse_gift(render_gift(corpus, bank.numeric).data.decode("utf-8"))
    assert [p["id"] for p in parsed] == [q.id for q in bank.numeric] and len(parsed) == 2
    for question, item in zip(bank.numeric, parsed):
        assert question.numeric is not None
        assert item["type"] == "Numerical" and html.unescape(item["stem"]["text"]) == question.stem
        assert question.explanation in html.unescape(item["globalFeedback"]["text"])
        if question.numeric.tolerance:
            assert item["choices"] == {"type": "range", "number": question.numeric.value, "range": question.numeric.tolerance}
        else:
            assert item["choices"] == {"type": "simple", "number": question.numeric.value}


def test_moodle_xml_holds_numeric_items_as_numerical_questions() -> None:
    corpus, bank = numeric_bank(BASE_CORPUS)
    root = ET.fromstring(render_moodle_xml(corpus, bank.questions + bank.numeric).data)
    items = {q.findtext("idnumber"): q for q in root.findall("question") if q.get("type") != "category"}
    assert len(items) == len(bank.questions) + len(bank.numeric)
    for question in bank.numeric:
        item = items[question.id]
        assert question.numeric is not None and item.get("type") == "numerical"
        assert html.unescape(item.findtext("questiontext/text") or "") == question.stem
        (answer,) = item.findall("answer")
        assert answer.get("fraction") == "100"
        assert float(answer.findtext("text") or "nan") == question.numeric.value
        assert float(answer.findtext("tolerance") or "nan") == question.numeric.tolerance
        assert item.findtext("showunits") == "3"  # no unit to type: the stem names it


def test_qti_holds_numeric_items_as_canvas_numerical_questions() -> None:
    corpus, bank = numeric_bank(BASE_CORPUS)
    result = render_qti_package(corpus, bank.numeric)
    assert result.left_out == ()
    ident = assessment_ident(corpus)
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        root = ET.fromstring(archive.read(f"{ident}/{ident}.xml"))
    items = {i.get("ident"): i for i in root.iter(f"{QTI}item")}
    for question in bank.numeric:
        item = items[question.id]
        assert question.numeric is not None
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == "numerical_question"
        assert item.find(f"{QTI}presentation/{QTI}response_str/{QTI}render_fib").get("fibtype") == "Decimal"  # type: ignore[union-attr]
        (scored,) = [c for c in item.iter(f"{QTI}respcondition") if c.find(f"{QTI}setvar") is not None]
        assert float(scored.findtext(f"{QTI}conditionvar/{QTI}or/{QTI}varequal") or "nan") == question.numeric.value
        low = float(scored.findtext(f"{QTI}conditionvar/{QTI}or/{QTI}and/{QTI}vargte") or "nan")
        high = float(scored.findtext(f"{QTI}conditionvar/{QTI}or/{QTI}and/{QTI}varlte") or "nan")
        assert (low, high) == (question.numeric.value - question.numeric.tolerance, question.numeric.value + question.numeric.tolerance)


def test_anki_shows_no_options_and_the_number_on_the_back(tmp_path: Path) -> None:
    corpus, bank = numeric_bank(BASE_CORPUS)
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, EXPORT_FORMATS["anki"].render(corpus, bank.numeric).data, tmp_path)
        notes = notes_by_id(collection)
        for question in bank.numeric:
            assert notes[question.id]["Options"] == ""  # nothing on the front to choose from, or to give it away
            assert html.unescape(notes[question.id]["Answer"]) == f"<b>{question.answer_text}</b>"
    finally:
        collection.close()


def test_kahoot_and_quizizz_leave_numeric_items_out_and_say_why() -> None:
    corpus, bank = numeric_bank(BASE_CORPUS)
    kahoot = EXPORT_FORMATS["kahoot"].render(corpus, bank.numeric)
    csv = EXPORT_FORMATS["csv"].render(corpus, bank.numeric)
    assert [line.split(": ")[0] for line in kahoot.left_out] == [q.id for q in bank.numeric]
    assert all("type-answer" in line for line in kahoot.left_out)
    assert [line.split(": ")[0] for line in csv.left_out] == [q.id for q in bank.numeric]
    assert all("compares text" in line for line in csv.left_out)


def test_the_seed_bank_has_numeric_items_and_none_repeats_a_number_from_its_stem() -> None:
    _, questions = load_questions(SEEDS)  # the quiz bank itself is unchanged: numeric items are kept apart
    assert all(q.kind != "numeric" for q in questions)
    bank = build_question_bank(load_corpus(SEEDS))
    assert bank.numeric
    for item in bank.numeric:
        assert item.numeric is not None
        assert ("Answer with a year." in item.stem) == (item.numeric.unit == "year")
        assert item.numeric.unit in item.stem or "percent" in item.stem
        number = f"{int(item.numeric.value):,}" if item.numeric.value.is_integer() else str(item.numeric.value)
        assert number not in item.stem and number.replace(",", "") not in item.stem
