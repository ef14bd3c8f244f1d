"""Moodle XML: the question bank for Moodle's question import, with every option's feedback.

Multiple-choice questions become `multichoice` (one answer), true-or-false questions `truefalse`
and ordering questions `ordering` (a standard question type since Moodle 4.4; older Moodles
need the Ordering plugin); numeric items become `numerical`, one answer with its tolerance (0 for
an exact figure or a year) and no units to grade, as the stem names the unit; matching items
(terms to definitions, people to roles) `matching`; cloze items (a quoted passage with a glossary
term blanked) `multichoice` with the blank in the text. Each question's name is the start of its stem and its id, and the id
is its ID number, so that re-importing an updated file can be matched with the questions already
in the bank. Questions sit in a category per topic, under one named after the corpus. Texts are
HTML escaped for HTML, and the XML is written by ElementTree, which escapes it for XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import assert_never

from quizgen.export.export_format import ExportResult, plain_number
from quizgen.export.feedback_text import html_feedback, html_text
from quizgen.export.question_names import by_topic, question_name
from quizgen.export.xml_stream import tostring_with_elements
from quizgen.generate.question_model import Question, answer_key
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind
from quizgen.model.registry import Topic


def _text_element(parent: ET.Element, tag: str, text: str, *, html: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = text
    return element


def category_path(corpus: Corpus, topic: Topic | None) -> str:
    """`$course$/top/<corpus title>/<topic title>`; Moodle reads "/" as a level, "//" as a slash in a name."""
    names = [corpus.info.title] + ([topic.title] if topic else [])
    return "$course$/top/" + "/".join(name.replace("/", "//") for name in names)


def _category(corpus: Corpus, topic: Topic | None) -> ET.Element:
    question = ET.Element("question", {"type": "category"})
    category = ET.SubElement(question, "category")
    ET.SubElement(category, "text").text = category_path(corpus, topic)
    _text_element(question, "info", html_text(topic.description if topic else corpus.info.description))
    return question


def _question(corpus: Corpus, question: Question) -> ET.Element:
    moodle_type, write_answers = moodle_form(question.kind)
    element = ET.Element("question", {"type": moodle_type})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question_name(question)
    _text_element(element, "questiontext", html_text(question.stem))
    _text_element(element, "generalfeedback", html_feedback(corpus, question))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0" if question.kind in (QuestionKind.TRUE_FALSE, QuestionKind.NUMERIC, QuestionKind.MATCHING) else "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    write_answers(element, question)
    tags = ET.SubElement(element, "tags")
    for topic in question.topics:
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = topic
    return element


def moodle_form(kind: QuestionKind) -> tuple[str, Callable[[ET.Element, Question], None]]:
    """The Moodle question type a kind is imported as, and what writes its answers."""
    match kind:
        case QuestionKind.MULTIPLE_CHOICE | QuestionKind.CLOZE:  # a cloze item: the blank is in its text
            return "multichoice", _multichoice
        case QuestionKind.TRUE_FALSE:
            return "truefalse", _truefalse
        case QuestionKind.ORDERING:
            return "ordering", _ordering
        case QuestionKind.NUMERIC:
            return "numerical", _numerical
        case QuestionKind.MATCHING:
            return "matching", _matching
        case _:
            assert_never(kind)


def _multichoice(element: ET.Element, question: Question) -> None:
    for tag, value in (("single", "true"), ("shuffleanswers", "false"), ("answernumbering", "abc"),
                       ("showstandardinstruction", "0")):
        ET.SubElement(element, tag).text = value
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_element(element, tag, "")
    for index, option in enumerate(question.options):
        answer = ET.SubElement(element, "answer", {"fraction": "100" if index == question.correct else "0", "format": "html"})
        ET.SubElement(answer, "text").text = html_text(option)
        note = question.option_notes[index]
        _text_element(answer, "feedback", html_text(note) if note else "")


def _truefalse(element: ET.Element, question: Question) -> None:
    assert question.correct is not None
    is_true = answer_key(question.options[question.correct]) == "true"
    for word, right in (("true", is_true), ("false", not is_true)):
        answer = ET.SubElement(element, "answer", {"fraction": "100" if right else "0", "format": "moodle_auto_format"})
        ET.SubElement(answer, "text").text = word
        _text_element(answer, "feedback", "")


def _numerical(element: ET.Element, question: Question) -> None:
    assert question.numeric is not None
    answer = ET.SubElement(element, "answer", {"fraction": "100", "format": "moodle_auto_format"})
    ET.SubElement(answer, "text").text = plain_number(question.numeric.value)
    ET.SubElement(answer, "tolerance").text = plain_number(question.numeric.tolerance)
    _text_element(answer, "feedback", "")
    # No units: the stem says which one to answer in, so a bare number is the whole answer.
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "3"), ("unitsleft", "0")):
        ET.SubElement(element, tag).text = value


def _matching(element: ET.Element, question: Question) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true"  # Moodle shuffles the answers' dropdown
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_element(element, tag, "")
    for left, right in question.pairs:
        subquestion = _text_element(element, "subquestion", html_text(left))
        ET.SubElement(ET.SubElement(subquestion, "answer"), "text").text = right  # the answer side is plain text


def _ordering(element: ET.Element, question: Question) -> None:
    assert question.correct_order is not None
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(element, tag).text = value
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_element(element, tag, "")
    # The ordering type stores the correct order in the answers' order, numbered by "fraction".
    for position, index in enumerate(question.correct_order, start=1):
        answer = ET.SubElement(element, "answer", {"fraction": str(position), "format": "html"})
        ET.SubElement(answer, "text").text = html_text(question.options[index])


def _elements(corpus: Corpus, questions: tuple[Question, ...]) -> Iterator[ET.Element]:
    """The corpus's category, then each topic's category followed by its questions (Moodle puts a
    question in the category named last before it)."""
    current: Topic | None = None
    yield _category(corpus, None)
    for topic, grouped in by_topic(corpus, questions):
        if topic != current:
            yield _category(corpus, topic)
            current = topic
        yield from (_question(corpus, question) for question in grouped)


def render_moodle_xml(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """Every question as Moodle XML: a category named after the corpus, and in it one per topic."""
    quiz = ET.Element("quiz")
    body = tostring_with_elements(quiz, quiz, 0, _elements(corpus, questions))
    return ExportResult(b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n")
