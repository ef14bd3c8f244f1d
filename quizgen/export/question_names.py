"""What learning platforms show of a question in their lists: a readable name and a category.

Moodle's question bank, Canvas's quiz editor and Anki's deck list show a question's name or its
deck, not its text. A name is the start of the stem, cut after a whole word, then the stable id:
`How many US troops were in Iraq in April 2021? (q-9332a3329111)` is findable by a teacher and
still unique, so a re-import matches it. The category of a question is the first topic its fact
lists (the curator's main one), and categories come in the corpus's order of topics, so every
platform groups the bank the way the study site's topic quizzes do.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus
from quizgen.model.registry import Topic

NAME_STEM_CHARS = 60
"""About how much of the stem a name shows: Moodle's and Canvas's lists cut longer names."""
_TRAILING = " ,;:—–-"


def stem_start(text: str, limit: int = NAME_STEM_CHARS) -> str:
    """``text`` when it has at most ``limit`` characters, else its whole words up to ``limit``
    and `…`: ``stem_start("Which outlet reported the talks?", 20)`` → ``"Which outlet…"``.
    A first word longer than ``limit`` is kept whole: a name never ends in half a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text.split(" ", 1)[0]
    return cut.rstrip(_TRAILING) + "…"


def question_name(question: Question) -> str:
    """The start of the stem, then the stable id in brackets."""
    return f"{stem_start(question.stem)} ({question.id})"


def question_topic(corpus: Corpus, question: Question) -> Topic | None:
    """The category of ``question``: the first of its topics; None without one."""
    known = {topic.id for topic in corpus.topics}
    return next((corpus.topic(t) for t in question.topics if t in known), None)


def by_topic(corpus: Corpus, questions: Iterable[Question]) -> list[tuple[Topic | None, list[Question]]]:
    """``questions`` grouped by ``question_topic``: topics in the corpus's order, questions in the
    order given, questions without a topic last."""
    order = {topic.id: index for index, topic in enumerate(corpus.topics)}
    groups: dict[str | None, list[Question]] = {}
    topics: dict[str | None, Topic | None] = {}
    for question in questions:
        topic = question_topic(corpus, question)
        key = topic.id if topic else None
        topics[key] = topic
        groups.setdefault(key, []).append(question)
    keys = sorted(groups, key=lambda k: (k is None, order.get(k, 0) if k is not None else 0))
    return [(topics[k], groups[k]) for k in keys]
