"""An Anki deck (.apkg): every question as a card, and the glossary terms the questions touch.

The deck is named after the corpus, with a subdeck per topic (`Corpus::Topic`) holding the
questions of that topic (``question_names.question_topic``) and a `Glossary` subdeck for the
terms; Anki's browser lists each card by its question's text, the note type's sort field.

Built with genanki, without its file writer: the collection is written into an in-memory SQLite
database, serialised, and zipped with fixed timestamps, so the same questions give the same bytes.
Note GUIDs derive from question ids and term ids, and the deck and note-type ids from the corpus
title, so importing an updated deck updates the cards already there instead of adding copies.

Anki only replaces a note on import when the incoming one is newer (its default, "update if
newer"); every note is stamped with the corpus's latest publication date, so a deck rebuilt from
the same articles keeps its stamp: choose "Update notes: Always" when importing corrections.
"""

from __future__ import annotations

import sqlite3
from itertools import count

import genanki

from quizgen.export.export_format import ExportResult
from quizgen.export.feedback_text import html_text, source_lines
from quizgen.export.fixed_zip import zip_bytes
from quizgen.export.question_names import by_topic
from quizgen.generate.families_matching import matching_answers
from quizgen.generate.question_model import Question, stable_hash
from quizgen.model.corpus import Corpus

CARD_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; } .sources { font-size: 14px; }"


def stable_anki_id(*parts: str) -> int:
    """An id in the range genanki recommends for deck and note-type ids, from a content hash."""
    return (1 << 30) + int(stable_hash(*parts)[:8], 16) % (1 << 30)


def _question_model(title: str) -> genanki.Model:
    return genanki.Model(
        stable_anki_id("anki-question-model", title), f"quizgen question ({title})",
        fields=[{"name": n} for n in ("Question", "Options", "Answer", "Explanation", "Sources", "QuestionId")],
        templates=[{"name": "Question", "qfmt": "{{Question}}<br>{{Options}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p>{{Explanation}}</p><div class=sources>{{Sources}}</div>"}],
        css=CARD_CSS)


def _term_model(title: str) -> genanki.Model:
    return genanki.Model(
        stable_anki_id("anki-term-model", title), f"quizgen glossary term ({title})",
        fields=[{"name": n} for n in ("Term", "Expansion", "Definition", "Sources", "TermId")],
        templates=[{"name": "Term", "qfmt": "{{Term}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{#Expansion}}<b>{{Expansion}}</b><br>{{/Expansion}}"
                            "{{Definition}}<div class=sources>{{Sources}}</div>"}],
        css=CARD_CSS)


def _list(items: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def _question_note(corpus: Corpus, model: genanki.Model, question: Question) -> genanki.Note:
    options = [html_text(o) for o in question.options]
    if question.pairs:  # the left-hand items and, in their seeded order, what they match
        options = [*options, *(html_text(r) for r in matching_answers(question))]
        answer = _list([f"{html_text(left)} → {html_text(right)}" for left, right in question.pairs])
    elif question.numeric is not None:  # a number to recall: no options on the front
        answer = f"<b>{html_text(question.numeric.display)}</b>"
    elif question.correct_order is not None:
        answer = _list([options[i] for i in question.correct_order], ordered=True)
    else:
        assert question.correct is not None
        answer = f"<b>{options[question.correct]}</b>"
    notes = [f"{options[i]}: {html_text(n)}" for i, n in enumerate(question.option_notes) if n]
    explanation = html_text(question.explanation) + (_list(notes) if notes else "")
    sources = _list([html_text(line) for line in source_lines(corpus, question)])
    tags = [question.family, *question.topics]
    shown_options = _list(options) if options else ""
    return genanki.Note(model=model, fields=[html_text(question.stem), shown_options, answer, explanation, sources, question.id],
                        guid=genanki.guid_for("quizgen-question", question.id), tags=tags)


def _term_notes(corpus: Corpus, model: genanki.Model, articles: set[str]) -> list[genanki.Note]:
    notes = []
    for term in sorted(corpus.terms, key=lambda t: (t.term.casefold(), t.id)):
        if not any(s.article in articles for s in term.sources):
            continue
        sources = []
        for source in term.sources:
            article = corpus.article(source.article)
            sources.append(html_text(f"{corpus.outlet_of(source.article).name}, “{article.meta.headline}” "
                                     f"({article.meta.published.iso}): “{source.quote}”"))
        fields = [html_text(term.term), html_text(term.expansion or ""), html_text(term.definition), _list(sources), term.id]
        notes.append(genanki.Note(model=model, fields=fields, guid=genanki.guid_for("quizgen-term", term.id),
                                  tags=["glossary", *term.topics]))
    return notes


def render_anki_deck(corpus: Corpus, questions: tuple[Question, ...], timestamp: int | None = None) -> ExportResult:
    """The deck: one card per question, then the glossary terms cited from the questions' articles.

    ``timestamp`` (seconds) stamps the notes; by default the latest publication date of the corpus.
    """
    title = corpus.info.title
    stamp = corpus.latest_publication_timestamp() if timestamp is None else timestamp
    deck_name = title.replace("::", ":")  # "::" would start a subdeck
    decks = [genanki.Deck(stable_anki_id("anki-deck", title), deck_name, description=html_text(corpus.info.description))]
    question_model, term_model = _question_model(title), _term_model(title)
    for topic, grouped in by_topic(corpus, questions):
        if topic is None:
            deck = decks[0]
        else:
            deck = genanki.Deck(stable_anki_id("anki-deck", title, topic.id), f"{deck_name}::{topic.title.replace('::', ':')}",
                                description=html_text(topic.description))
            decks.append(deck)
        for question in grouped:
            deck.add_note(_question_note(corpus, question_model, question))
    terms = _term_notes(corpus, term_model, {a for q in questions for a in q.articles})
    if terms:
        glossary = genanki.Deck(stable_anki_id("anki-deck", title, "\x1fglossary"), f"{deck_name}::Glossary",
                                description="The glossary's terms, with their definitions and sources.")
        for note in terms:
            glossary.add_note(note)
        decks.append(glossary)
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(decks).write_to_db(connection.cursor(), stamp, count(stamp * 1000))
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    return ExportResult(zip_bytes([("collection.anki2", database), ("media", b"{}")]))
