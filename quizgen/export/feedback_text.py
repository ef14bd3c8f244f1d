"""The feedback every export attaches to a question: its explanation, then its sources as text.

Each citation names the outlet, the headline, the date and the quoted words, so that feedback
stays checkable once it has left the study site (no link survives an import into Moodle or Anki).
"""

from __future__ import annotations

import html

from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus


def source_lines(corpus: Corpus, question: Question) -> tuple[str, ...]:
    """One line per citation, e.g. ``The Daily, “Riverton opens its bridge” (2020-05-04): “Mayor Ana Lima”``."""
    lines = []
    for citation in question.citations:
        article = corpus.article(citation.article)
        outlet = corpus.outlet_of(citation.article).name
        lines.append(f"{outlet}, “{article.meta.headline}” ({article.meta.published.iso}): “{citation.quote}”")
    return tuple(dict.fromkeys(lines))  # two facts citing the same passage list it once


def plain_feedback(corpus: Corpus, question: Question) -> str:
    """The explanation and the sources as plain text, one source a line."""
    sources = source_lines(corpus, question)
    if not sources:
        return question.explanation
    return question.explanation + "\nSources:\n" + "\n".join(f"- {line}" for line in sources)


def html_feedback(corpus: Corpus, question: Question) -> str:
    """The explanation and the sources as HTML, every piece of corpus text escaped."""
    parts = [f"<p>{html_text(question.explanation)}</p>"]
    sources = source_lines(corpus, question)
    if sources:
        items = "".join(f"<li>{html_text(line)}</li>" for line in sources)
        parts.append(f"<p>Sources:</p><ul>{items}</ul>")
    return "".join(parts)


def html_text(text: str) -> str:
    """Corpus text as HTML text: markup in the text shows as text; line breaks stay line breaks."""
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
