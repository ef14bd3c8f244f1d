"""The QTI 1.2 package: a zip with `imsmanifest.xml`, the assessment XML and Canvas's quiz settings.

Canvas imports it under Settings > Import Course Content > QTI .zip file; other QTI 1.2
importers read the manifest and the assessment and ignore `assessment_meta.xml`. The identifiers
derive from the corpus title, so an updated package replaces the quiz it was imported as.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.export.export_format import ExportResult
from quizgen.export.feedback_text import html_text
from quizgen.export.fixed_zip import zip_bytes
from quizgen.export.qti import MAX_ATTEMPTS, render_qti_assessment
from quizgen.generate.question_model import Question, stable_hash
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import left_out_reason

MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NAMESPACE = "http://canvas.instructure.com/xsd/cccv1p0"
ALLOWED_ATTEMPTS = {"unlimited": "-1"}.get(MAX_ATTEMPTS, MAX_ATTEMPTS)
"""Canvas's own setting for ``MAX_ATTEMPTS``: -1 is unlimited."""


def assessment_ident(corpus: Corpus) -> str:
    return "quizgen-" + stable_hash("qti-assessment", corpus.info.title)[:16]


def _xml(root: ET.Element, namespace: str) -> bytes:
    ET.indent(root, space="  ")
    root.attrib = {"xmlns": namespace, **root.attrib}  # declared as a plain attribute: ElementTree's
    text = ET.tostring(root, encoding="unicode")         # default_namespace refuses unqualified attributes
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def render_manifest(ident: str) -> bytes:
    manifest = ET.Element("manifest", {"identifier": ident + "-manifest"})
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    quiz = ET.SubElement(resources, "resource", {"identifier": ident, "type": "imsqti_xmlv1p2"})
    ET.SubElement(quiz, "file", {"href": f"{ident}/{ident}.xml"})
    ET.SubElement(quiz, "dependency", {"identifierref": ident + "-meta"})
    meta = ET.SubElement(resources, "resource", {"identifier": ident + "-meta", "href": f"{ident}/assessment_meta.xml",
                                                    "type": "associatedcontent/imscc_xmlv1p1/learning-application-resource"})
    ET.SubElement(meta, "file", {"href": f"{ident}/assessment_meta.xml"})
    return _xml(manifest, MANIFEST_NAMESPACE)


def render_assessment_meta(corpus: Corpus, ident: str, count: int) -> bytes:
    quiz = ET.Element("quiz", {"identifier": ident})
    for tag, value in (("title", corpus.info.title), ("description", html_text(corpus.info.description)),
                       ("shuffle_answers", "false"), ("quiz_type", "practice_quiz"), ("points_possible", f"{count:.1f}"),
                       ("show_correct_answers", "true"), ("allowed_attempts", ALLOWED_ATTEMPTS)):
        ET.SubElement(quiz, tag).text = value
    return _xml(quiz, CANVAS_NAMESPACE)


def render_qti_package(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The QTI 1.2 zip of the questions; a kind the registry says QTI cannot hold is left out."""
    reasons = {q.id: left_out_reason(q.kind, "qti") for q in questions}
    kept = tuple(q for q in questions if reasons[q.id] is None)
    left_out = tuple(f"{q.id}: {reasons[q.id]}" for q in questions if reasons[q.id])
    ident = assessment_ident(corpus)
    data = zip_bytes([("imsmanifest.xml", render_manifest(ident)),
                      (f"{ident}/{ident}.xml", render_qti_assessment(corpus, kept, ident)),
                      (f"{ident}/assessment_meta.xml", render_assessment_meta(corpus, ident, len(kept)))])
    return ExportResult(data, left_out)
