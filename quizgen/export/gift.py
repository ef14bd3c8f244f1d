"""Moodle GIFT: the question bank as a text file for Moodle's question import.

Multiple-choice questions become GIFT multiple choice (``=`` the answer, ``~`` the others, ``#``
option feedback), true-or-false questions GIFT true/false; ordering questions have no GIFT type
and are left out. Every text is HTML (``[html]``), escaped for HTML, then for GIFT, where
``~ = # { } :`` and the backslash are escaped with a backslash. Each question's id is its name
and its Moodle ID number (``// [id:q-…]``), so a re-import can be matched to the old questions;
its topics are its tags. The questions go into a category named after the corpus.
"""

from __future__ import annotations

from quizgen.export.export_format import ExportResult
from quizgen.export.feedback_text import html_feedback, html_text
from quizgen.generate.question_model import Question, answer_key
from quizgen.model.corpus import Corpus

GIFT_SPECIAL = "~=#{}:"


def escape_gift(text: str) -> str:
    """Text for any GIFT field: the backslash first, then each special character.

    >>> escape_gift("a = b {c}")
    'a \\\\= b \\\\{c\\\\}'
    """
    escaped = text.replace("\\", "\\\\")
    for char in GIFT_SPECIAL:
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def gift_html(text: str) -> str:
    """Corpus text as GIFT-escaped HTML."""
    return escape_gift(html_text(text))


def _question(corpus: Corpus, question: Question) -> str:
    tags = " ".join(f"[tag:{topic}]" for topic in question.topics)
    lines = [f"// [id:{question.id}] {tags}".rstrip(),
             f"::{escape_gift(question.id)} ({escape_gift(question.family)})::[html]{gift_html(question.stem)} {{"]
    feedback = escape_gift(html_feedback(corpus, question))
    assert question.correct is not None
    if question.kind == "true-false":
        truth = "TRUE" if answer_key(question.options[question.correct]) == "true" else "FALSE"
        lines.append(f"\t{truth}")
    else:
        for index, option in enumerate(question.options):
            mark = "=" if index == question.correct else "~"
            note = question.option_notes[index]
            lines.append(f"\t{mark}{gift_html(option)}" + (f"#{gift_html(note)}" if note else ""))
    lines += [f"\t####{feedback}", "}"]
    return "\n".join(lines)


GIFT_KINDS = ("multiple-choice", "true-false")


def render_gift(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The questions as GIFT text (UTF-8, ``\\n`` line ends), and the ordering questions left out."""
    kept = [q for q in questions if q.kind in GIFT_KINDS]
    # By kind, not `q not in kept`: list membership over whole questions made this quadratic.
    left_out = tuple(f"{q.id}: GIFT has no {q.kind} questions" for q in questions if q.kind not in GIFT_KINDS)
    # Moodle reads "/" in a category path as a level and "//" as a slash; the path is not escaped.
    category = " ".join(corpus.info.title.split()).replace("/", "//")
    header = [f"// {len(kept)} questions exported by quizgen. Import in Moodle: Question bank > Import > GIFT format.",
              f"$CATEGORY: $course$/top/{category}", ""]
    body = "\n\n".join(_question(corpus, q) for q in kept)
    return ExportResult(("\n".join(header) + "\n" + body + "\n").encode("utf-8"), left_out)
