"""QTI 1.2 assessment XML (the `questestinterop` file) for Canvas and other QTI 1.2 importers.

Multiple-choice and true-or-false questions become single-answer `response_lid` items with
Canvas's `question_type` metadata. Canvas has no ordering type, so an ordering question becomes a
Canvas `matching_question` (``ordering_forms``): one `response_lid` per event, each offering the
places in the order, each right place scoring its share of 100. A numeric item becomes a Canvas
`numerical_question`: a decimal fill-in, right when it equals the number or, where the source
gives the figure as approximate, lies within its margin. Matching items (terms to definitions,
people to roles) are `matching_question` items like the ordering ones; cloze items multiple choice
with the blank in the text. Item idents are the question ids and choice idents derive from
the question id and the option's text, so a re-import of an updated package matches the old
items; item titles (the names Canvas's quiz editor lists) are the start of the stem and the id.
Items are grouped by topic, one section per topic, each a Canvas question group that asks all
of its questions. The package around this file is assembled by ``qti_package``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import assert_never

from quizgen.export.export_format import plain_number
from quizgen.export.feedback_text import html_feedback, html_text
from quizgen.export.ordering_forms import pairs_of, pairs_stem, right_choices
from quizgen.export.question_names import by_topic, question_name
from quizgen.export.xml_stream import tostring_with_elements
from quizgen.generate.question_model import Question, stable_hash
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
QTI_SCHEMA_LOCATION = f"{QTI_NAMESPACE} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
MAX_ATTEMPTS = "unlimited"
"""`cc_maxattempts`: a practice quiz, taken as often as a student likes (`allowed_attempts` -1 in
``qti_package``, which must agree)."""


def _sub(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = text
    return element


def choice_ident(question: Question, index: int) -> str:
    """A choice's ident: the same question and option text give the same ident."""
    return f"{question.id}-{stable_hash(question.id, question.options[index])[:8]}"


def _material(parent: ET.Element, html: str) -> None:
    _sub(_sub(parent, "material"), "mattext", {"texttype": "text/html"}, html)


def _metadata(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    metadata = _sub(parent, "qtimetadata")
    for label, entry in fields:
        field = _sub(metadata, "qtimetadatafield")
        _sub(field, "fieldlabel", text=label)
        _sub(field, "fieldentry", text=entry)


def place_ident(question: Question, place: str) -> str:
    """The ident of a place a matching item offers: the same question and place, the same ident."""
    return f"{question.id}-{stable_hash(question.id, 'place', place)[:8]}"


def _response_processing(item: ET.Element) -> ET.Element:
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
    general = _sub(processing, "respcondition", {"continue": "Yes"})
    _sub(_sub(general, "conditionvar"), "other")
    _sub(general, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
    return processing


def _matching_item(corpus: Corpus, question: Question) -> ET.Element:
    """A matching item, or an ordering question, as Canvas matching: each left-hand item, in the
    order presented, with a dropdown of every right-hand one (for ordering, the places)."""
    item = ET.Element("item", {"ident": question.id, "title": question_name(question)})
    pairs = pairs_of(question)
    events = [choice_ident(question, i) for i in range(len(pairs))]
    _metadata(_sub(item, "itemmetadata"), [("question_type", canvas_type(question.kind)), ("points_possible", "1.0"),
                                            ("original_answer_ids", ",".join(events))])
    presentation = _sub(item, "presentation")
    _material(presentation, html_text(pairs_stem(question)))
    places = right_choices(question)
    for ident, (event, _) in zip(events, pairs):
        response = _sub(presentation, "response_lid", {"ident": f"response_{ident}"})
        # Canvas's matching sides are plain text (its own exports say so): no HTML escaping here.
        _sub(_sub(response, "material"), "mattext", {"texttype": "text/plain"}, event)
        render = _sub(response, "render_choice")
        for place in places:  # Canvas shows the places as the dropdown of every event
            _sub(_sub(_sub(render, "response_label", {"ident": place_ident(question, place)}), "material"),
                 "mattext", text=place)
    processing = _response_processing(item)
    share = f"{100 / len(pairs):.2f}"
    for ident, (_, place) in zip(events, pairs):
        condition = _sub(processing, "respcondition")
        _sub(_sub(condition, "conditionvar"), "varequal", {"respident": f"response_{ident}"}, place_ident(question, place))
        _sub(condition, "setvar", {"varname": "SCORE", "action": "Add"}, share)
    _material(_sub(_sub(item, "itemfeedback", {"ident": "general_fb"}), "flow_mat"), html_feedback(corpus, question))
    return item


def _numerical_item(corpus: Corpus, question: Question) -> ET.Element:
    """A number written in, marked as Canvas marks an "exact answer" with a margin."""
    assert question.numeric is not None
    item = ET.Element("item", {"ident": question.id, "title": question_name(question)})
    _metadata(_sub(item, "itemmetadata"), [("question_type", canvas_type(question.kind)), ("points_possible", "1.0"),
                                            ("original_answer_ids", f"{question.id}-number")])
    presentation = _sub(item, "presentation")
    _material(presentation, html_text(question.stem))
    fill_in = _sub(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
    _sub(_sub(fill_in, "render_fib", {"fibtype": "Decimal"}), "response_label", {"ident": f"{question.id}-number"})
    processing = _response_processing(item)
    value, margin = question.numeric.value, question.numeric.tolerance
    correct = _sub(processing, "respcondition", {"continue": "No"})
    either = _sub(_sub(correct, "conditionvar"), "or")
    _sub(either, "varequal", {"respident": "response1"}, plain_number(value))
    within = _sub(either, "and")
    _sub(within, "vargte", {"respident": "response1"}, plain_number(value - margin))
    _sub(within, "varlte", {"respident": "response1"}, plain_number(value + margin))
    _sub(correct, "setvar", {"action": "Set", "varname": "SCORE"}, "100")
    _material(_sub(_sub(item, "itemfeedback", {"ident": "general_fb"}), "flow_mat"), html_feedback(corpus, question))
    return item


def canvas_type(kind: QuestionKind) -> str:
    """Canvas's `question_type` for a kind: Canvas has no ordering type, so ordering is matching."""
    match kind:
        case QuestionKind.MULTIPLE_CHOICE | QuestionKind.CLOZE:
            return "multiple_choice_question"
        case QuestionKind.TRUE_FALSE:
            return "true_false_question"
        case QuestionKind.ORDERING | QuestionKind.MATCHING:
            return "matching_question"
        case QuestionKind.NUMERIC:
            return "numerical_question"
        case _:
            assert_never(kind)


def _item(corpus: Corpus, question: Question) -> ET.Element:
    match question.kind:
        case QuestionKind.ORDERING | QuestionKind.MATCHING:
            return _matching_item(corpus, question)
        case QuestionKind.NUMERIC:
            return _numerical_item(corpus, question)
        case QuestionKind.MULTIPLE_CHOICE | QuestionKind.TRUE_FALSE | QuestionKind.CLOZE:
            return _choice_item(corpus, question)
        case _:
            assert_never(question.kind)


def _choice_item(corpus: Corpus, question: Question) -> ET.Element:
    item = ET.Element("item", {"ident": question.id, "title": question_name(question)})
    idents = [choice_ident(question, i) for i in range(len(question.options))]
    _metadata(_sub(item, "itemmetadata"), [("question_type", canvas_type(question.kind)), ("points_possible", "1.0"),
                                            ("original_answer_ids", ",".join(idents))])
    presentation = _sub(item, "presentation")
    _material(presentation, html_text(question.stem))
    render = _sub(_sub(presentation, "response_lid", {"ident": "response1", "rcardinality": "Single"}), "render_choice")
    for ident, option in zip(idents, question.options):
        _material(_sub(render, "response_label", {"ident": ident}), html_text(option))
    processing = _response_processing(item)
    notes = [(ident, note) for ident, note in zip(idents, question.option_notes) if note]
    for ident, _ in notes:
        condition = _sub(processing, "respcondition", {"continue": "Yes"})
        _sub(_sub(condition, "conditionvar"), "varequal", {"respident": "response1"}, ident)
        _sub(condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": f"{ident}_fb"})
    assert question.correct is not None
    correct = _sub(processing, "respcondition", {"continue": "No"})
    _sub(_sub(correct, "conditionvar"), "varequal", {"respident": "response1"}, idents[question.correct])
    _sub(correct, "setvar", {"action": "Set", "varname": "SCORE"}, "100")
    for ident, html in [("general_fb", html_feedback(corpus, question))] + [(f"{i}_fb", html_text(n)) for i, n in notes]:
        _material(_sub(_sub(item, "itemfeedback", {"ident": ident}), "flow_mat"), html)
    return item


def _group(corpus: Corpus, topic_title: str, ident: str, questions: list[Question]) -> ET.Element:
    """A section Canvas imports as a question group that asks every one of ``questions``."""
    section = ET.Element("section", {"ident": ident, "title": topic_title})
    selection = _sub(_sub(section, "selection_ordering"), "selection")
    _sub(selection, "selection_number", text=str(len(questions)))
    _sub(_sub(selection, "selection_extension"), "points_per_item", text="1.0")
    for question in questions:
        section.append(_item(corpus, question))
    return section


def group_ident(assessment_ident: str, topic_id: str | None) -> str:
    """A question group's ident: the same quiz and topic, the same ident, so a re-import updates the group."""
    return "topic-" + stable_hash("qti-topic", assessment_ident, topic_id or "")[:12]


def render_qti_assessment(corpus: Corpus, questions: tuple[Question, ...], assessment_ident: str) -> bytes:
    """The assessment XML of ``questions``, a section per topic."""
    # The namespaces are declared as plain attributes: ElementTree's default_namespace refuses
    # unqualified attributes, and QTI's attributes are unqualified.
    root = ET.Element("questestinterop", {"xmlns": QTI_NAMESPACE, "xmlns:xsi": XSI_NAMESPACE,
                                          "xsi:schemaLocation": QTI_SCHEMA_LOCATION})
    assessment = _sub(root, "assessment", {"ident": assessment_ident, "title": corpus.info.title})
    _metadata(assessment, [("cc_maxattempts", MAX_ATTEMPTS)])
    section = _sub(assessment, "section", {"ident": "root_section"})
    groups = ((_group(corpus, topic.title if topic else corpus.info.title, group_ident(assessment_ident, topic.id if topic else None), grouped))
              for topic, grouped in by_topic(corpus, questions))
    body = tostring_with_elements(root, section, 2, groups)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"
