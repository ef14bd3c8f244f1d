"""Moodle XML and the QTI 1.2 package, parsed back with ElementTree and compared with the bank.

No QTI 1.2 XSD ships in any PyPI package, so the QTI structure is checked element by element
against what Canvas and text2qti produce: manifest resources, item metadata, one response_lid,
the correct choice scored 100, and feedback blocks that the respconditions link to.
"""

from __future__ import annotations

import dataclasses
import html
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from quizgen.export.feedback_text import source_lines
from quizgen.export.moodle_xml import render_moodle_xml
from quizgen.export.ordering_forms import place_labels
from quizgen.export.qti import choice_ident, render_qti_assessment
from quizgen.export.qti_package import assessment_ident, render_qti_package
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

from export_cases import (
    BASE_CORPUS,
    HOSTILE,
    REPO,
    SEEDS,
    load_questions,
    make_hostile_corpus,
)
from golden_files import assert_golden

GOLDENS = REPO / "tests" / "goldens" / "exports"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def _html(element: ET.Element | None) -> str:
    assert element is not None and element.text is not None
    return html.unescape(element.text)


def assert_readable_name(name: str | None, question: Question) -> None:
    """The start of the stem, cut after a whole word at about 60 characters and marked `…`, then the id."""
    assert name is not None and name.endswith(f" ({question.id})"), name
    start = name.removesuffix(f" ({question.id})")
    if start == question.stem:
        assert len(start) <= 60
        return
    prefix = start.removesuffix("…")
    assert start.endswith("…") and question.stem.startswith(prefix), name
    assert 40 <= len(prefix) <= 60 and not question.stem[len(prefix)].isalnum(), f"cut mid-word or far too short: {name}"


def moodle_categories(corpus: Corpus, root: ET.Element) -> dict[str, str]:
    """The category each question is in, by its ID number: the category element named last before it."""
    found, current = {}, None
    for element in root.findall("question"):
        if element.get("type") == "category":
            current = element.findtext("category/text")
        else:
            assert current is not None
            found[element.findtext("idnumber") or ""] = current
    return found


def expected_category(corpus: Corpus, question: Question) -> str:
    top = "$course$/top/" + corpus.info.title.replace("/", "//")
    topics = [t for t in question.topics if t in {topic.id for topic in corpus.topics}]
    return top + ("/" + corpus.topic(topics[0]).title.replace("/", "//") if topics else "")


def assert_moodle_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> None:
    root = ET.fromstring(render_moodle_xml(corpus, questions).data)
    category, *elements = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/" + corpus.info.title.replace("/", "//")
    items_by_id = {item.findtext("idnumber"): item for item in elements if item.get("type") != "category"}
    assert sorted(items_by_id) == sorted(q.id for q in questions)
    categories = moodle_categories(corpus, root)
    assert {categories[q.id] for q in questions} == {expected_category(corpus, q) for q in questions}
    for question in questions:
        item = items_by_id[question.id]
        assert categories[question.id] == expected_category(corpus, question)
        assert item.get("type") == {"multiple-choice": "multichoice", "true-false": "truefalse", "ordering": "ordering"}[question.kind]
        assert_readable_name(item.findtext("name/text"), question)
        assert _html(item.find("questiontext/text")) == question.stem
        feedback = _html(item.find("generalfeedback/text"))
        assert question.explanation in feedback and all(line in feedback for line in source_lines(corpus, question))
        assert [t.text for t in item.findall("tags/tag/text")] == list(question.topics)
        answers = item.findall("answer")
        if question.kind == "true-false":
            assert question.correct is not None
            right = {a.findtext("text"): a.get("fraction") for a in answers}
            assert right == ({"true": "100", "false": "0"} if question.options[question.correct] == "True" else {"true": "0", "false": "100"})
        elif question.kind == "multiple-choice":
            assert [_html(a.find("text")) for a in answers] == list(question.options)
            assert [a.get("fraction") for a in answers] == ["100" if i == question.correct else "0" for i in range(len(answers))]
            notes = [html.unescape(a.findtext("feedback/text") or "") or None for a in answers]
            assert notes == list(question.option_notes)
        else:
            assert question.correct_order is not None
            assert [_html(a.find("text")) for a in answers] == [question.options[i] for i in question.correct_order]
            assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, len(answers) + 1)]


def assert_qti_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> None:
    result = render_qti_package(corpus, questions)
    kept = list(questions)
    assert result.left_out == ()
    ident = assessment_ident(corpus)
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["imsmanifest.xml", f"{ident}/{ident}.xml", f"{ident}/assessment_meta.xml"]
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        assessment_xml = ET.fromstring(archive.read(f"{ident}/{ident}.xml"))
        meta = ET.fromstring(archive.read(f"{ident}/assessment_meta.xml"))
    files = {f.get("href") for f in manifest.iter(f"{MANIFEST}file")}
    assert files == {f"{ident}/{ident}.xml", f"{ident}/assessment_meta.xml"}
    assert manifest.find(f"{MANIFEST}resources/{MANIFEST}resource").get("type") == "imsqti_xmlv1p2"  # type: ignore[union-attr]
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}title") == corpus.info.title
    assessment = assessment_xml.find(f"{QTI}assessment")
    assert assessment is not None and assessment.get("ident") == ident and assessment.get("title") == corpus.info.title
    assert [f.findtext(f"{QTI}fieldentry") for f in assessment.iter(f"{QTI}qtimetadatafield")
            if f.findtext(f"{QTI}fieldlabel") == "cc_maxattempts"] == ["unlimited"]
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}allowed_attempts") == "-1"  # Canvas's "unlimited": they agree
    groups = assessment.findall(f"{QTI}section/{QTI}section")
    by_id = {q.id: q for q in kept}
    items = []
    for group in groups:  # a question group per topic, asking every one of its questions
        grouped = group.findall(f"{QTI}item")
        assert group.findtext(f"{QTI}selection_ordering/{QTI}selection/{QTI}selection_number") == str(len(grouped))
        titles = {expected_category(corpus, by_id[str(item.get("ident"))]).rsplit("/", 1)[-1].replace("//", "/") for item in grouped}
        assert titles == {(group.get("title") or "").replace("//", "/")} or group.get("title") == corpus.info.title
        items += grouped
    assert sorted(i.get("ident") for i in items) == sorted(q.id for q in kept)
    assert len({g.get("ident") for g in groups}) == len(groups)
    for item in items:
        question = by_id[str(item.get("ident"))]
        assert_readable_name(item.get("title"), question)
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == {"multiple-choice": "multiple_choice_question", "true-false": "true_false_question",
                                           "ordering": "matching_question"}[question.kind]
        if question.kind == "ordering":
            assert_qti_matching_is_the_order(corpus, question, item)
            continue
        assert _html(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")) == question.stem
        labels = item.findall(f"{QTI}presentation/{QTI}response_lid/{QTI}render_choice/{QTI}response_label")
        assert [_html(label.find(f"{QTI}material/{QTI}mattext")) for label in labels] == list(question.options)
        idents = [label.get("ident") for label in labels]
        assert idents == [choice_ident(question, i) for i in range(len(labels))] and len(set(idents)) == len(idents)
        scored = [c for c in item.iter(f"{QTI}respcondition") if c.find(f"{QTI}setvar") is not None]
        assert len(scored) == 1 and scored[0].findtext(f"{QTI}setvar") == "100"
        assert question.correct is not None and scored[0].findtext(f"{QTI}conditionvar/{QTI}varequal") == idents[question.correct]
        feedback = {f.get("ident"): _html(f.find(f"{QTI}flow_mat/{QTI}material/{QTI}mattext")) for f in item.findall(f"{QTI}itemfeedback")}
        linked = {d.get("linkrefid") for d in item.iter(f"{QTI}displayfeedback")}
        assert linked == set(feedback)
        assert question.explanation in feedback["general_fb"]
        assert all(line in feedback["general_fb"] for line in source_lines(corpus, question))
        for ident, note in zip(idents, question.option_notes):
            assert feedback.get(f"{ident}_fb") == note


def assert_qti_matching_is_the_order(corpus: Corpus, question: Question, item: ET.Element) -> None:
    """Canvas matching: one dropdown per event offering every place; the scored place of each event
    puts the events in the right order, and the shares add up to the full score."""
    assert question.correct_order is not None
    stem = _html(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext"))
    assert stem.startswith(question.stem) and "1st is the earliest" in stem
    places = place_labels(len(question.options))
    responses = item.findall(f"{QTI}presentation/{QTI}response_lid")
    assert [r.findtext(f"{QTI}material/{QTI}mattext") for r in responses] == list(question.options)
    label_text = {}
    for response in responses:
        labels = response.findall(f"{QTI}render_choice/{QTI}response_label")
        assert [label.findtext(f"{QTI}material/{QTI}mattext") for label in labels] == list(places)
        label_text.update({label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext") for label in labels})
    scored = {}
    total = 0.0
    for condition in item.iter(f"{QTI}respcondition"):
        setvar = condition.find(f"{QTI}setvar")
        if setvar is None:
            continue
        assert setvar.get("action") == "Add"
        total += float(setvar.text or 0)
        equal = condition.find(f"{QTI}conditionvar/{QTI}varequal")
        assert equal is not None
        scored[equal.get("respident")] = label_text[equal.text]
    assert 99.9 <= total <= 100
    place_of = {r.findtext(f"{QTI}material/{QTI}mattext"): scored[r.get("ident")] for r in responses}
    assert sorted(place_of, key=lambda event: places.index(place_of[event])) == [question.options[i] for i in question.correct_order]
    feedback = _html(item.find(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext"))
    assert question.explanation in feedback and all(line in feedback for line in source_lines(corpus, question))


def test_hostile_ordering_events_round_trip_through_qti() -> None:
    corpus, questions = load_questions(SEEDS)
    ordering = next(q for q in questions if q.kind == "ordering")
    three = dataclasses.replace(ordering, id="q-hostile00001", options=(HOSTILE,) + ordering.options[1:3], correct_order=(2, 0, 1))
    assert_qti_round_trip(corpus, (three,))
    with zipfile.ZipFile(io.BytesIO(render_qti_package(corpus, (three,)).data)) as archive:
        assert all("<script>" not in archive.read(name).decode("utf-8") for name in archive.namelist())


def test_base_corpus_round_trips() -> None:
    assert_moodle_round_trip(*load_questions(BASE_CORPUS))
    assert_qti_round_trip(*load_questions(BASE_CORPUS))


def test_seed_corpus_round_trips_with_ordering_and_option_notes() -> None:
    corpus, questions = load_questions(SEEDS)
    assert any(q.kind == "ordering" for q in questions) and any(any(q.option_notes) for q in questions)
    assert_moodle_round_trip(corpus, questions)
    assert_qti_round_trip(corpus, questions)


def test_hostile_text_round_trips_and_stays_escaped(tmp_path: Path) -> None:
    corpus, questions = load_questions(make_hostile_corpus(tmp_path / "corpus"))
    assert_moodle_round_trip(corpus, questions)
    assert_qti_round_trip(corpus, questions)
    moodle = render_moodle_xml(corpus, questions).data.decode("utf-8")
    # Escaped twice: once for HTML (the text is HTML in Moodle), once for XML.
    assert "<script>" not in moodle and "&amp;lt;script&amp;gt;" in moodle and "&amp;amp;amp;" in moodle
    assert HOSTILE in corpus.info.title
    with zipfile.ZipFile(io.BytesIO(render_qti_package(corpus, questions).data)) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8")
            assert "<script>" not in text
            ET.fromstring(text)  # well-formed


def test_moodle_xml_matches_golden(update_goldens: bool) -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    assert_golden(GOLDENS / "questions-moodle.xml", render_moodle_xml(corpus, questions).data.decode("utf-8"), update_goldens)


def test_qti_assessment_matches_golden(update_goldens: bool) -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    xml = render_qti_assessment(corpus, questions, assessment_ident(corpus)).decode("utf-8")
    assert_golden(GOLDENS / "qti-assessment.xml", xml, update_goldens)


def test_names_cut_the_stem_after_a_whole_word() -> None:
    from quizgen.export.question_names import stem_start

    assert stem_start("Which outlet reported the talks?", 20) == "Which outlet…"
    assert stem_start("Which outlet, in April, reported it?", 14) == "Which outlet…"  # no comma before the mark
    assert stem_start("Short enough.", 20) == "Short enough."
    assert stem_start("Antidisestablishmentarianism is long", 10) == "Antidisestablishmentarianism…"
    assert stem_start("Spaces   and\nline ends", 60) == "Spaces and line ends"
