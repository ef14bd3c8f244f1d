"""Numeric items (a figure or a year written in) follow the item-writing rules, and every export
that can mark a number reads them back: gift-pegjs, Moodle XML and QTI parsed back, the real Anki."""

from __future__ import annotations

import html
import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection
from quizgen.corpus_loader import load_corpus
from quizgen.export import EXPORT_FORMATS
from quizgen.export.gift import render_gift
from quizgen.export.moodle_xml import render_moodle_xml
from quizgen.export.qti_package import assessment_ident, render_qti_package
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.generate.question_model import Question

from corpus_cases import make_corpus
from export_cases import BASE_CORPUS, SEEDS, load_questions
from test_exports_anki import import_deck, notes_by_id
from test_exports_gift import parse_gift

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
FIGURE = "According to the articles, what was the number of people who crossed the bridge on its first day?"


FERRY = """  - id: ferry-stopped
    kind: event
    date: 2008-06
    title: the end of the old ferry service
    statement: The old ferry stopped running in June 2008.
    topics: [bridges]
    sources:
      - article: weekly-2020
        quote: The old ferry stopped running in June 2008.
"""
HISTORY = {"description": "a year long before the articles", "edit": {
    "articles/weekly-2020.md": [["The town council paid", "The old ferry stopped running in June 2008. The town council paid"]],
    "facts/bridge.yaml": [["  - id: lima-mayor\n", FERRY + "  - id: lima-mayor\n"]]}}
COPY_OUTLET = "  - id: mirror\n    name: Mirror site\n    kind: copy\n"
COPY_ARTICLE = """---
id: mirror-2020
outlet: mirror
headline: Bridge opens
published: 2020-05-20
reliability: Republishes other sites' text, spun by a program.
---
Some 3,000 people crossed it on the first day.
"""


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The base corpus with an event of 2008, twelve years before its articles."""
    yield make_corpus(HISTORY, tmp_path_factory.mktemp("history") / "c")


def numeric_bank(root: Path) -> tuple[object, QuestionBank]:
    corpus = load_corpus(root)
    return corpus, build_question_bank(corpus)


def by_stem(bank: QuestionBank, start: str) -> Question | None:
    return next((q for q in bank.numeric if q.stem.startswith(start)), None)


def test_an_approximate_figure_asks_for_its_unit_and_accepts_a_tenth_either_side() -> None:
    _, bank = numeric_bank(BASE_CORPUS)
    item = by_stem(bank, FIGURE)
    assert item is not None and item.kind == "numeric" and item.options == ()
    assert item.stem == FIGURE + " Write it as a number."
    assert item.numeric is not None and (item.numeric.value, item.numeric.tolerance) == (3000, 300)
    assert item.answer_text == "About 3,000 people"
    assert "3,000" not in item.stem and "3000" not in item.stem


def test_a_year_item_is_exact_and_says_it_wants_a_year(history: Path) -> None:
    _, bank = numeric_bank(history)
    item = by_stem(bank, "According to the articles, in what year did the end of the old ferry service take place?")
    assert item is not None and item.stem.endswith("take place? Write the year.")
    assert item.numeric is not None and (item.numeric.value, item.numeric.tolerance, item.numeric.unit) == (2008, 0, "year")


def test_the_year_of_the_news_is_guessable_and_gets_no_item(history: Path) -> None:
    # The articles are of 2020: the bridge's opening in 2020 is the year on every article's page.
    stems = [q.stem for q in numeric_bank(history)[1].numeric]
    assert not any("Riverton bridge" in stem for stem in stems) and any("old ferry" in stem for stem in stems)


def test_a_year_is_asked_when_the_articles_span_enough_years(tmp_path: Path) -> None:
    case = {"description": "articles of many years", "edit": {**HISTORY["edit"]}, "write": {}}
    for year in (2012, 2014, 2016):  # the articles' own years no longer point to one answer
        case["write"][f"articles/weekly-{year}.md"] = (f"---\nid: weekly-{year}\noutlet: weekly\nheadline: Bridge news\n"
                                                      f"published: {year}-05-09\nreliability: A weekly round-up.\n---\nNo news.\n")
    stems = [q.stem for q in numeric_bank(make_corpus(case, tmp_path / "c"))[1].numeric]
    assert any("Riverton bridge" in stem for stem in stems)


def test_a_figure_is_cited_from_its_outlets_not_from_a_copy(tmp_path: Path) -> None:
    root = make_corpus({"description": "a copy", "edit": {
        "outlets.yaml": [["  - id: weekly\n", COPY_OUTLET + "  - id: weekly\n"]],
        "facts/bridge.yaml": [["        quote: About 3,000 people crossed it on the first day.\n",
                               "        quote: About 3,000 people crossed it on the first day.\n"
                               "      - article: mirror-2020\n        quote: Some 3,000 people crossed it on the first day.\n"]]},
        "write": {"articles/mirror-2020.md": COPY_ARTICLE}}, tmp_path / "c")
    item = by_stem(numeric_bank(root)[1], FIGURE)
    assert item is not None and [c.article for c in item.citations] == ["daily-2020"]
    assert "Mirror site" not in item.explanation and item.explanation.endswith("(Source: The Daily.)")


def test_a_figure_only_a_copy_gives_gets_no_item(tmp_path: Path) -> None:
    root = make_corpus({"description": "only a copy", "edit": {
        "outlets.yaml": [["  - id: weekly\n", COPY_OUTLET + "  - id: weekly\n"]],
        "facts/bridge.yaml": [["      - article: daily-2020\n        quote: About 3,000 people crossed it on the first day.\n",
                               "      - article: mirror-2020\n        quote: Some 3,000 people crossed it on the first day.\n"]]},
        "write": {"articles/mirror-2020.md": COPY_ARTICLE}}, tmp_path / "c")
    assert by_stem(numeric_bank(root)[1], FIGURE) is None


def test_a_figure_answered_by_another_item_is_asked_once(tmp_path: Path) -> None:
    same = """  - id: second-day-crossings
    kind: quantity
    value: 3000
    unit: people
    measure: the number of people who crossed the bridge in its first hours
    statement: About 3,000 people crossed the bridge on its first day.
    topics: [bridges]
    sources:
      - article: daily-2020
        quote: About 3,000 people crossed it on the first day.
"""
    root = make_corpus({"description": "same figure", "edit": {"facts/bridge.yaml": [["  - id: lima-twelve-years\n",
                                                                                      same + "  - id: lima-twelve-years\n"]]}},
                       tmp_path / "c")
    assert [q.stem.split("?")[0] for q in numeric_bank(root)[1].numeric] == [FIGURE.rstrip("?")]


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
    root = make_corpus({"description": "year in title", "edit": {"facts/bridge.yaml": [["  - id: lima-mayor\n", FERRY + "  - id: lima-mayor\n"],
        ["title: the end of the old ferry service", "title: the 2008 end of the old ferry service"]], "articles/weekly-2020.md": HISTORY["edit"]["articles/weekly-2020.md"]}}, tmp_path / "c")
    assert not any("what year" in q.stem for q in numeric_bank(root)[1].numeric)


def test_gift_reads_numeric_items_back_with_their_margin(history: Path) -> None:
    corpus, bank = numeric_bank(history)
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


def test_moodle_xml_holds_numeric_items_as_numerical_questions(history: Path) -> None:
    corpus, bank = numeric_bank(history)
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


def test_qti_holds_numeric_items_as_canvas_numerical_questions(history: Path) -> None:
    corpus, bank = numeric_bank(history)
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


def test_anki_shows_no_options_and_the_number_on_the_back(tmp_path: Path, history: Path) -> None:
    corpus, bank = numeric_bank(history)
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, EXPORT_FORMATS["anki"].render(corpus, bank.numeric).data, tmp_path)
        notes = notes_by_id(collection)
        for question in bank.numeric:
            assert notes[question.id]["Options"] == ""  # nothing on the front to choose from, or to give it away
            assert html.unescape(notes[question.id]["Answer"]) == f"<b>{question.answer_text}</b>"
    finally:
        collection.close()


def test_kahoot_and_quizizz_leave_numeric_items_out_and_say_why(history: Path) -> None:
    corpus, bank = numeric_bank(history)
    kahoot = EXPORT_FORMATS["kahoot"].render(corpus, bank.numeric)
    csv = EXPORT_FORMATS["csv"].render(corpus, bank.numeric)
    assert [line.split(": ")[0] for line in kahoot.left_out] == [q.id for q in bank.numeric]
    assert all("type-answer" in line for line in kahoot.left_out)
    assert [line.split(": ")[0] for line in csv.left_out] == [q.id for q in bank.numeric]
    assert all("compares text" in line for line in csv.left_out)


def test_a_bank_with_numeric_items_repeats_no_number_from_their_stems(history: Path) -> None:
    # A fixture, not the seed corpus: the seed's one year is told by its ordering item, so it has none.
    _, questions = load_questions(history)  # the quiz bank itself is unchanged: numeric items are kept apart
    assert all(q.kind != "numeric" for q in questions)
    bank = build_question_bank(load_corpus(history))
    assert bank.numeric
    for item in bank.numeric:
        assert item.numeric is not None
        assert ("Write the year." in item.stem) == (item.numeric.unit == "year")
        assert item.numeric.unit in item.stem or "percent" in item.stem
        number = f"{int(item.numeric.value):,}" if item.numeric.value.is_integer() else str(item.numeric.value)
        assert number not in item.stem and number.replace(",", "") not in item.stem


def test_a_figure_another_item_states_in_its_stem_gets_no_item(tmp_path: Path) -> None:
    curated = """    questions:
      - stem: "About 3,000 people crossed the bridge on its first day. Which outlet reported the figure?"
        answer: "The Daily"
        wrong:
          - text: "The Weekly"
            why: "The Weekly gives no figure for the first day."
          - text: "Neither outlet"
            why: "The Daily: “About 3,000 people crossed it on the first day.”"
        explanation: "The Daily: “About 3,000 people crossed it on the first day.”"
"""
    root = make_corpus({"description": "figure in a stem", "edit": {"facts/bridge.yaml": [
        ["  - id: first-day-crossings\n    kind: quantity\n", "  - id: first-day-crossings\n    kind: quantity\n" + curated]]}},
        tmp_path / "c")
    assert by_stem(numeric_bank(root)[1], FIGURE) is None  # the quiz's own stem gives the answer away


def test_no_other_item_of_the_seed_bank_shows_a_numeric_items_answer() -> None:
    """A student who met "cut to 2,500" or a definition "... in 2014" answers the numeric item
    without reading: no multiple-choice stem and no matching definition may show its answer."""
    bank = build_question_bank(load_corpus(SEEDS))
    shown = [q.stem for q in bank.questions if q.kind == "multiple-choice"]
    shown += [right for q in bank.matching for _, right in q.pairs]
    for item in bank.numeric:
        assert item.numeric is not None
        number = f"{int(item.numeric.value):,}" if item.numeric.value.is_integer() else str(item.numeric.value)
        assert [text for text in shown if number in text] == [], item.stem


def test_a_year_another_items_feedback_states_gets_no_item(tmp_path: Path) -> None:
    """A student who read "the ferry stopped in 2008" in another item's explanation or in the
    feedback on a wrong option answers the year item without reading the articles."""
    curated = """    questions:
      - stem: "Which outlet reported how many people crossed the bridge on its first day?"
        answer: "The Daily"
        wrong:
          - text: "The Weekly"
            why: "The Weekly gives no figure for the first day; it recalls that the old ferry stopped in 2008."
          - text: "Neither outlet"
            why: "The Daily: “About 3,000 people crossed it on the first day.”"
        explanation: "The Daily: “About 3,000 people crossed it on the first day.”"
"""
    case = {**HISTORY, "edit": {**HISTORY["edit"], "facts/bridge.yaml": [
        *HISTORY["edit"]["facts/bridge.yaml"],
        ["  - id: first-day-crossings\n    kind: quantity\n", "  - id: first-day-crossings\n    kind: quantity\n" + curated]]}}
    bank = numeric_bank(make_corpus(case, tmp_path / "c"))[1]
    assert [q.stem for q in bank.numeric if "Write the year." in q.stem] == []
    assert [q.stem for q in numeric_bank(make_corpus(HISTORY, tmp_path / "h"))[1].numeric if "Write the year." in q.stem]


def _curated_on_the_mayor(stem: str, why: str) -> list[str]:
    """An edit of the base corpus's facts: a curated question on `lima-mayor`, a fact with no number."""
    curated = f"""    questions:
      - stem: "{stem}"
        answer: "Ana Lima"
        wrong:
          - text: "Anna Lima"
            why: "{why}"
          - text: "The town council"
            why: "The council paid for the bridge."
        explanation: "The Daily: “Mayor Ana Lima”. {why}"
"""
    return ["  - id: lima-mayor\n    kind: role\n", "  - id: lima-mayor\n    kind: role\n" + curated]


@pytest.mark.parametrize(("shown", "asked"), [
    ("The bridge cost 23,000,000 euros.", True),  # 3,000 inside a larger number is not 3,000
    ("It cost 13,000 euros.", True),
    ("It cost 3,000.50 euros a day.", True),  # nor the whole part of a decimal
    ("Some 3,000 crossed.", False),
    ("Some (3,000) crossed, or 3,000,", False),
])
def test_a_figure_is_shown_only_where_it_stands_alone(tmp_path: Path, shown: str, asked: bool) -> None:
    """"23,000,000" does not show 3,000; "3,000." does (the numbers a bank shows are found on whole numbers)."""
    root = make_corpus({"description": "a number in a stem", "edit": {"facts/bridge.yaml": [
        _curated_on_the_mayor(f"{shown} Who was the mayor of Riverton?", "The Weekly misspells her name.")]}}, tmp_path / "c")
    assert (by_stem(numeric_bank(root)[1], FIGURE) is not None) == asked


def test_a_year_told_only_by_an_item_of_its_own_cluster_is_still_asked(tmp_path: Path) -> None:
    """An item on the same cluster is the fact asked another way: its feedback telling the year
    of the ferry's end does not rule the year item out, as the same feedback elsewhere does."""
    why = "The Weekly recalls that the old ferry stopped in 2008."
    def year_items(cluster: str, name: str) -> list[str]:
        facts = [["  - id: lima-mayor\n", FERRY.replace("    kind: event\n", f"    kind: event\n    cluster: {cluster}\n")
                  + "  - id: lima-mayor\n"], _curated_on_the_mayor("Who was the mayor of Riverton?", why)]
        facts[1][1] = facts[1][1].replace("    kind: role\n", "    kind: role\n    cluster: ferry-story\n", 1)
        case = {**HISTORY, "edit": {**HISTORY["edit"], "facts/bridge.yaml": facts}}
        return [q.stem for q in numeric_bank(make_corpus(case, tmp_path / name))[1].numeric if "Write the year." in q.stem]
    assert year_items("ferry-story", "same") == [
        "According to the articles, in what year did the end of the old ferry service take place? Write the year."]
    assert year_items("ferry-alone", "other") == []  # the same feedback on another cluster tells the year
