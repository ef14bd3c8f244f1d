"""Moodle XML and the QTI 1.2 package, parsed back with ElementTree and compared with the bank.

No QTI 1.2 XSD ships in any PyPI package, so the QTI structure is checked element by element
against what Canvas and text2qti produce: manifest resources, item metadata, one response_lid,
the correct choice scored 100, and feedback blocks that the respconditions link to.
"""

from __future__ import annotations

import html
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from export_cases import BASE_CORPUS, HOSTILE, REPO, SEEDS, load_questions, make_hostile_corpus
from golden_files import assert_golden

from quizgen.export.feedback_text import source_lines
from quizgen.export.moodle_xml import render_moodle_xml
from quizgen.export.qti import choice_ident, render_qti_assessment
from quizgen.export.qti_package import assessment_ident, render_qti_package
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

GOLDENS = REPO / "tests" / "goldens" / "exports"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def _html(element: ET.Element | None) -> str:
    assert element is not None and element.text is not None
    return html.unescape(element.text)


def assert_moodle_round_trip(corpus: Corpus, questions: tuple[Question, ...]) -> None:
    root = ET.fromstring(render_moodle_xml(corpus, questions).data)
    category, *items = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/" + corpus.info.title.replace("/", "//")
    assert len(items) == len(questions)
    for question, item in zip(questions, items):
        assert item.get("type") == {"multiple-choice": "multichoice", "true-false": "truefalse", "ordering": "ordering"}[question.kind]
        assert item.findtext("idnumber") == question.id and item.findtext("name/text") == f"{question.id} ({question.family})"
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
    kept = [q for q in questions if q.kind != "ordering"]
    assert result.left_out == tuple(f"{q.id}: QTI 1.2 (Canvas) has no ordering questions" for q in questions if q.kind == "ordering")
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
    items = assessment.findall(f"{QTI}section/{QTI}item")
    assert [i.get("ident") for i in items] == [q.id for q in kept]
    for question, item in zip(kept, items):
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == {"multiple-choice": "multiple_choice_question", "true-false": "true_false_question"}[question.kind]
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
