"""Moodle GIFT: the question bank as a text file for Moodle's question import.

Multiple-choice questions become GIFT multiple choice (``=`` the answer, ``~`` the others, ``#``
option feedback), true-or-false questions GIFT true/false. GIFT has no ordering type, so an
ordering question becomes GIFT matching: each event matched to its place in the order
(``ordering_forms``); Moodle needs at least two pairs and three places, so an ordering question of
two events is left out. Matching items (terms to definitions, people to roles) are GIFT matching
too; a cloze item (a quoted passage with a blank) is multiple choice with the blank in its text. A numeric item becomes GIFT numerical: ``{#2500}`` for an exact
figure or a year, ``{#3000:300}`` where the source gives the figure as approximate. Every text is HTML (``[html]``), escaped for HTML, then for GIFT, where
``~ = # { } :`` and the backslash are escaped with a backslash. Each question's id is its name
and its Moodle ID number (``// [id:q-…]``), so a re-import can be matched to the old questions;
its topics are its tags. The questions go into a category named after the corpus.
"""

from __future__ import annotations

from typing import assert_never

from quizgen.export.export_format import ExportResult, plain_number
from quizgen.export.feedback_text import html_feedback, html_text
from quizgen.export.ordering_forms import pairs_of, pairs_stem
from quizgen.generate.question_model import Question, answer_key
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind, left_out_reason

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


def gift_number(value: float, tolerance: float) -> str:
    """A GIFT numerical answer: ``2500``, or with its margin, ``3000:300`` (no thousands separators)."""
    return plain_number(value) + (f":{plain_number(tolerance)}" if tolerance else "")


def _question(corpus: Corpus, question: Question) -> str:
    tags = " ".join(f"[tag:{topic}]" for topic in question.topics)
    stem = pairs_stem(question) if question.kind in PAIRED_KINDS else question.stem
    lines = [f"// [id:{question.id}] {tags}".rstrip(),
             f"::{escape_gift(question.id)} ({escape_gift(question.family)})::[html]{gift_html(stem)} {{"]
    feedback = escape_gift(html_feedback(corpus, question))
    match question.kind:
        case QuestionKind.NUMERIC:
            assert question.numeric is not None
            lines.append(f"\t#{gift_number(question.numeric.value, question.numeric.tolerance)}")
        case QuestionKind.ORDERING | QuestionKind.MATCHING:
            # A matching pair's question side takes the question's format (HTML); its answer side is plain text.
            lines += [f"\t={gift_html(left)} -> {escape_gift(right)}" for left, right in pairs_of(question)]
        case QuestionKind.TRUE_FALSE:
            assert question.correct is not None
            truth = "TRUE" if answer_key(question.options[question.correct]) == "true" else "FALSE"
            lines.append(f"\t{truth}")
        case QuestionKind.MULTIPLE_CHOICE | QuestionKind.CLOZE:
            for index, option in enumerate(question.options):
                mark = "=" if index == question.correct else "~"
                note = question.option_notes[index]
                lines.append(f"\t{mark}{gift_html(option)}" + (f"#{gift_html(note)}" if note else ""))
        case _:
            assert_never(question.kind)
    lines += [f"\t####{feedback}", "}"]
    return "\n".join(lines)


PAIRED_KINDS = (QuestionKind.ORDERING, QuestionKind.MATCHING)
"""Kinds that GIFT asks as matching."""
MATCHING_PAIRS_AT_LEAST = 3
"""Moodle's matching type needs two pairs and three answers; an ordering question has one place per event."""


def why_not_gift(question: Question) -> str | None:
    """Why GIFT cannot hold ``question``, or None when it can."""
    reason = left_out_reason(question.kind, "gift")
    if reason is not None:
        return reason
    if question.kind in PAIRED_KINDS and len(question.options) < MATCHING_PAIRS_AT_LEAST:
        return (f"an ordering question becomes GIFT matching, which needs at least {MATCHING_PAIRS_AT_LEAST} "
                f"events to match to places ({len(question.options)})")
    return None


def render_gift(corpus: Corpus, questions: tuple[Question, ...]) -> ExportResult:
    """The questions as GIFT text (UTF-8, ``\\n`` line ends), and those GIFT cannot hold, left out."""
    reasons = {q.id: why_not_gift(q) for q in questions}
    kept = [q for q in questions if reasons[q.id] is None]
    left_out = tuple(f"{q.id}: {reasons[q.id]}" for q in questions if reasons[q.id])
    # Moodle reads "/" in a category path as a level and "//" as a slash; the path is not escaped.
    category = " ".join(corpus.info.title.split()).replace("/", "//")
    header = [f"// {len(kept)} questions exported by quizgen. Import in Moodle: Question bank > Import > GIFT format.",
              f"$CATEGORY: $course$/top/{category}", ""]
    body = "\n\n".join(_question(corpus, q) for q in kept)
    return ExportResult(("\n".join(header) + "\n" + body + "\n").encode("utf-8"), left_out)
