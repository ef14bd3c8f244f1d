"""The Anki deck, imported by the real Anki backend (the `anki` package) into a fresh collection."""

from __future__ import annotations

import dataclasses
import html
import io
import zipfile
from pathlib import Path
from typing import Any

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
from quizgen.export.anki_deck import render_anki_deck
from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus

from export_cases import (
    BASE_CORPUS,
    HOSTILE,
    SEEDS,
    load_questions,
    make_hostile_corpus,
)

IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER


def import_deck(collection: Collection, data: bytes, folder: Path, name: str = "deck.apkg") -> Any:
    """Import as Anki's File > Import does by default: update notes and note types if newer."""
    package = folder / name
    package.write_bytes(data)
    options = ImportAnkiPackageOptions(merge_notetypes=True, update_notes=IF_NEWER, update_notetypes=IF_NEWER,
                                       with_scheduling=False, with_deck_configs=False)
    return collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options)).log


def decks_by_id(collection: Collection) -> dict[str, str]:
    """The deck of every note's card, keyed by the question or term id field."""
    decks = {}
    for note_id in collection.find_notes(""):
        note = collection.get_note(note_id)
        fields = dict(note.items())
        decks[fields.get("QuestionId") or fields["TermId"]] = collection.decks.name(note.cards()[0].did)
    return decks


def notes_by_id(collection: Collection) -> dict[str, dict[str, str]]:
    """Every note's fields, keyed by the question or term id field."""
    notes = {}
    for note_id in collection.find_notes(""):
        fields = dict(collection.get_note(note_id).items())
        notes[fields.get("QuestionId") or fields["TermId"]] = fields
    return notes


def terms_expected(corpus: Corpus, questions: tuple[Question, ...]) -> set[str]:
    articles = {a for q in questions for a in q.articles}
    return {t.id for t in corpus.terms if any(s.article in articles for s in t.sources)}


def assert_imported(collection: Collection, corpus: Corpus, questions: tuple[Question, ...]) -> None:
    notes = notes_by_id(collection)
    assert set(notes) == {q.id for q in questions} | terms_expected(corpus, questions)
    assert collection.card_count() == len(notes)
    deck = corpus.info.title.replace("::", ":")
    assert deck in collection.decks.all_names()
    decks = decks_by_id(collection)
    known = {t.id for t in corpus.topics}
    for question in questions:  # a subdeck per topic: the question's first topic
        topic = next((corpus.topic(t) for t in question.topics if t in known), None)
        assert decks[question.id] == (f"{deck}::{topic.title.replace('::', ':')}" if topic else deck), question.id
    assert all(decks[t.id] == f"{deck}::Glossary" for t in corpus.terms if t.id in notes)
    for question in questions:
        fields = notes[question.id]
        assert html.unescape(fields["Question"]) == question.stem
        for option in question.options:
            assert f"<li>{html.escape(option, quote=False)}</li>" in fields["Options"]
        if question.correct_order is not None:  # the back lists the events in their order
            ordered = [question.options[i] for i in question.correct_order]
            assert fields["Answer"] == "<ol>" + "".join(f"<li>{html.escape(e, quote=False)}</li>" for e in ordered) + "</ol>"
        else:
            assert html.unescape(fields["Answer"]) == f"<b>{question.answer_text}</b>"
        assert question.explanation in html.unescape(fields["Explanation"])
        for note in filter(None, question.option_notes):
            assert note in html.unescape(fields["Explanation"])
        for citation in question.citations:
            assert citation.quote in html.unescape(fields["Sources"])
    for term in corpus.terms:
        if term.id in notes:
            assert html.unescape(notes[term.id]["Term"]) == term.term
            assert html.unescape(notes[term.id]["Definition"]) == term.definition


def test_anki_imports_the_seed_deck_and_a_reimport_adds_nothing(tmp_path: Path) -> None:
    corpus, questions = load_questions(SEEDS)
    assert any(q.kind == "ordering" for q in questions)
    data = render_anki_deck(corpus, questions).data
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        first = import_deck(collection, data, tmp_path)
        assert len(first.new) == len(questions) + len(terms_expected(corpus, questions)) and len(first.updated) == 0
        assert_imported(collection, corpus, questions)
        count = collection.note_count()
        again = import_deck(collection, data, tmp_path, "again.apkg")
        assert len(again.new) == 0 and len(again.duplicate) == count
        assert collection.note_count() == count and collection.card_count() == count
    finally:
        collection.close()


def test_an_updated_deck_updates_notes_instead_of_duplicating(tmp_path: Path) -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, render_anki_deck(corpus, questions).data, tmp_path)
        before = collection.note_count()
        corrected = (dataclasses.replace(questions[0], explanation="A corrected explanation."), *questions[1:])
        later = corpus.latest_publication_timestamp() + 86400
        log = import_deck(collection, render_anki_deck(corpus, corrected, timestamp=later).data, tmp_path, "updated.apkg")
        assert len(log.new) == 0 and len(log.updated) == before
        assert collection.note_count() == before
        assert notes_by_id(collection)[questions[0].id]["Explanation"] == "A corrected explanation."
    finally:
        collection.close()


def test_hostile_text_is_escaped_in_the_deck(tmp_path: Path) -> None:
    corpus, questions = load_questions(make_hostile_corpus(tmp_path / "corpus"))
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, render_anki_deck(corpus, questions).data, tmp_path)
        assert_imported(collection, corpus, questions)
        fields = [value for note in notes_by_id(collection).values() for value in note.values()]
        assert not any("<script>" in value for value in fields)
        assert any(HOSTILE.replace("<", "&lt;").replace(">", "&gt;").replace("&amp;", "&amp;amp;") in value for value in fields)
    finally:
        collection.close()


def test_deck_is_a_zip_of_the_collection_with_fixed_dates() -> None:
    corpus, questions = load_questions(BASE_CORPUS)
    data = render_anki_deck(corpus, questions).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("collection.anki2").startswith(b"SQLite format 3\x00")
    assert render_anki_deck(corpus, questions).data == data
