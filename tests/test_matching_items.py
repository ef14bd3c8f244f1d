"""Matching items (terms to definitions, people to roles) keep one defensible match, and GIFT,
Moodle XML, QTI and Anki read them back: gift-pegjs, the XML parsed back, the real Anki."""

from __future__ import annotations

import atexit
import functools
import html
import io
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from anki.collection import Collection
from quizgen.corpus_loader import load_corpus
from quizgen.export import EXPORT_FORMATS
from quizgen.export.gift import render_gift
from quizgen.export.moodle_xml import render_moodle_xml
from quizgen.export.qti_package import assessment_ident, render_qti_package
from quizgen.generate.families_terms import names_any
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.model.corpus import Corpus
from quizgen.render.environment import make_environments
from quizgen.render.links import SiteLinks
from quizgen.render.quiz_html import QuizRenderer

from corpus_cases import make_corpus
from export_cases import HOSTILE, SEEDS
from test_exports_anki import import_deck, notes_by_id
from test_exports_gift import parse_gift

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
PEOPLE = """  - id: role-two
    kind: role
    person: ben-ode
    role: chief engineer of the bridge
    statement: Ben Ode was the chief engineer of the bridge.
    topics: [bridges]
    sources:
      - article: daily-2020
        quote: Mayor Ana Lima
  - id: role-three
    kind: role
    person: cara-vix
    role: head of the town council
    statement: Cara Vix was the head of the town council.
    topics: [bridges]
    sources:
      - article: daily-2020
        quote: Mayor Ana Lima
"""


@functools.cache
def glossary_corpus(kept_out: tuple[str, ...] = ()) -> Path:
    """A fixture: the seed corpus with its glossary open to quizzes. The seed marks every term
    `detail` (a news word a student matches without reading), so the seed bank itself has no
    term matching; this copy marks none, or only the ids ``kept_out``."""
    folder = tempfile.mkdtemp(prefix="glossary-corpus-")
    atexit.register(shutil.rmtree, folder, True)
    root = Path(folder) / "c"
    shutil.copytree(SEEDS, root)
    glossary = root / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8").replace("    importance: detail\n", "")
    for term_id in kept_out:
        text = text.replace(f"  - id: {term_id}\n", f"  - id: {term_id}\n    importance: detail\n", 1)
    glossary.write_text(text, encoding="utf-8")
    return root


def seed_bank(kept_out: tuple[str, ...] = ()) -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(glossary_corpus(kept_out))
    return corpus, build_question_bank(corpus)


def test_a_term_curated_as_detail_gets_no_matching_pair() -> None:
    """A term the curator marks `detail` gets no quiz question, matching included: a glossary
    word a student matches from general knowledge tests no reading."""
    terms = [left for q in seed_bank()[1].matching for left, _ in q.pairs]
    assert "Pentagon" in terms
    assert "Pentagon" not in [left for q in seed_bank(("pentagon",))[1].matching for left, _ in q.pairs]
    seed = build_question_bank(load_corpus(SEEDS))
    assert [q for q in seed.matching if q.family == "term-matching"] == []


def people_bank(tmp_path: Path, role: str = "head of the town council") -> tuple[Corpus, QuestionBank]:
    root = make_corpus({"description": "three people", "edit": {"facts/bridge.yaml": [[
        "  - id: lima-twelve-years\n", PEOPLE.replace("head of the town council", role) + "  - id: lima-twelve-years\n"]]}},
        tmp_path / "c")
    people = root / "people.yaml"
    text = people.read_text(encoding="utf-8")
    added = "".join(f"  - id: {pid}\n    name: {name}\n    role: {what}\n"
                    for pid, name, what in (("ben-ode", "Ben Ode", "engineer"), ("cara-vix", "Cara Vix", "councillor")))
    people.write_text(text.replace("organizations:\n", added + "organizations:\n", 1), encoding="utf-8")
    corpus = load_corpus(root)
    return corpus, build_question_bank(corpus)


def test_term_matching_pairs_each_term_with_its_own_definition_and_gives_none_away() -> None:
    corpus, bank = seed_bank()
    items = [q for q in bank.matching if q.family == "term-matching"]
    assert items and all(3 <= len(q.pairs) <= 5 for q in items)
    terms = {t.term: t for t in corpus.terms}
    used = [left for q in items for left, _ in q.pairs]
    assert len(used) == len(set(used))  # each term in one item only
    for item in items:
        assert item.kind == "matching" and item.options == tuple(left for left, _ in item.pairs)
        assert len({right for _, right in item.pairs}) == len(item.pairs)
        for left, right in item.pairs:
            term = terms[left]
            assert right == term.definition
            for other, _ in item.pairs:
                names = [terms[other].term, *([terms[other].expansion] if terms[other].expansion else []), *terms[other].aliases]
                assert not names_any(right, names), (left, other)


def test_people_match_their_roles_and_a_shared_role_breaks_no_item(tmp_path: Path) -> None:
    corpus, bank = people_bank(tmp_path / "one")
    (item,) = [q for q in bank.matching if q.family == "person-matching"]
    assert dict(item.pairs) == {"Ana Lima": "Mayor of Riverton", "Ben Ode": "Chief engineer of the bridge",
                                "Cara Vix": "Head of the town council"}
    assert item.stem == "Match each person to their role, as the articles describe it."
    _, shared = people_bank(tmp_path / "two", role="mayor of Riverton")  # two mayors: no one match
    assert not [q for q in shared.matching if q.family == "person-matching"]


def test_gift_reads_matching_items_back_pair_by_pair() -> None:
    corpus, bank = seed_bank()
    _, *parsed = parse_gift(render_gift(corpus, bank.matching).data.decode("utf-8"))
    assert [p["id"] for p in parsed] == [q.id for q in bank.matching]
    for question, item in zip(bank.matching, parsed):
        assert item["type"] == "Matching" and html.unescape(item["stem"]["text"]) == question.stem
        assert [(html.unescape(p["subquestion"]["text"]), p["subanswer"]) for p in item["matchPairs"]] == list(question.pairs)
        assert question.explanation in html.unescape(item["globalFeedback"]["text"])


def test_moodle_xml_holds_matching_items_as_matching_questions() -> None:
    corpus, bank = seed_bank()
    root = ET.fromstring(render_moodle_xml(corpus, bank.matching).data)
    items = {q.findtext("idnumber"): q for q in root.findall("question") if q.get("type") != "category"}
    assert sorted(items) == sorted(q.id for q in bank.matching)
    for question in bank.matching:
        item = items[question.id]
        assert item.get("type") == "matching" and item.findtext("shuffleanswers") == "true"
        pairs = [(html.unescape(s.findtext("text") or ""), s.findtext("answer/text")) for s in item.findall("subquestion")]
        assert pairs == list(question.pairs)


def test_qti_holds_matching_items_as_canvas_matching_and_scores_each_right_pair(tmp_path: Path) -> None:
    corpus, bank = seed_bank()
    ident = assessment_ident(corpus)
    with zipfile.ZipFile(io.BytesIO(render_qti_package(corpus, bank.matching).data)) as archive:
        root = ET.fromstring(archive.read(f"{ident}/{ident}.xml"))
    items = {i.get("ident"): i for i in root.iter(f"{QTI}item")}
    for question in bank.matching:
        item = items[question.id]
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == "matching_question"
        responses = item.findall(f"{QTI}presentation/{QTI}response_lid")
        texts = {}
        for response in responses:
            texts.update({label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
                          for label in response.findall(f"{QTI}render_choice/{QTI}response_label")})
        assert sorted(texts.values()) == sorted(right for _, right in question.pairs)
        scored = {}
        for condition in item.iter(f"{QTI}respcondition"):
            if condition.find(f"{QTI}setvar") is not None:
                equal = condition.find(f"{QTI}conditionvar/{QTI}varequal")
                assert equal is not None
                scored[equal.get("respident")] = texts[equal.text]
        assert [(r.findtext(f"{QTI}material/{QTI}mattext"), scored[r.get("ident")]) for r in responses] == list(question.pairs)


def test_hostile_pairs_stay_text_in_every_matching_export(tmp_path: Path) -> None:
    import dataclasses

    corpus, bank = seed_bank()
    item = dataclasses.replace(bank.matching[0], id="q-hostile00001",
                               pairs=((HOSTILE, "A plain definition"),) + bank.matching[0].pairs[1:],
                               options=(HOSTILE,) + bank.matching[0].options[1:])
    _, parsed = parse_gift(render_gift(corpus, (item,)).data.decode("utf-8"))
    assert html.unescape(parsed["matchPairs"][0]["subquestion"]["text"]) == HOSTILE
    for name in ("moodle-xml", "qti"):
        data = EXPORT_FORMATS[name].render(corpus, (item,)).data
        texts = [data] if name == "moodle-xml" else [zipfile.ZipFile(io.BytesIO(data)).read(n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist()]
        for text in texts:
            assert b"<script>" not in text
            ET.fromstring(text)


def test_anki_shows_both_sides_on_the_front_and_the_pairs_on_the_back(tmp_path: Path) -> None:
    corpus, bank = seed_bank()
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, EXPORT_FORMATS["anki"].render(corpus, bank.matching).data, tmp_path)
        notes = notes_by_id(collection)
        for question in bank.matching:
            fields = notes[question.id]
            for left, right in question.pairs:
                assert f"<li>{html.escape(left, quote=False)}</li>" in fields["Options"]
                assert f"<li>{html.escape(right, quote=False)}</li>" in fields["Options"]
                assert f"<li>{html.escape(left, quote=False)} → {html.escape(right, quote=False)}</li>" in fields["Answer"]
    finally:
        collection.close()


def test_kahoot_and_quizizz_leave_matching_items_out_and_say_why() -> None:
    corpus, bank = seed_bank()
    for name, says in (("kahoot", "takes only quiz questions"), ("csv", "has no matching questions")):
        result = EXPORT_FORMATS[name].render(corpus, bank.matching)
        assert [line.split(": ")[0] for line in result.left_out] == [q.id for q in bank.matching]
        assert all(says in line for line in result.left_out), name


TERMS = """  - id: span
    term: span
    definition: The length of the bridge between two of its supports.
    topics: [bridges]
    sources:
      - article: daily-2020
        quote: About 3,000 people crossed it on the first day.
  - id: toll
    term: toll
    definition: What each car pays to cross.
    topics: [bridges]
    sources:
      - article: daily-2020
        quote: Mayor Ana Lima opened the RTB
  - id: ferry
    term: ferry
    definition: The boat that carried people over the river before the bridge.
    topics: [bridges]
    sources:
      - article: weekly-2020
        quote: The town council paid for the bridge.
"""


def terms_bank(tmp_path: Path, edits: list[list[str]] | None = None) -> tuple[Corpus, QuestionBank]:
    root = make_corpus({"description": "four terms", "edit": {"glossary.yaml": [["terms:\n", "terms:\n" + TERMS], *(edits or [])]}},
                       tmp_path / "c")
    corpus = load_corpus(root)
    return corpus, build_question_bank(corpus)


def test_a_definition_that_shares_a_word_with_its_term_is_left_out(tmp_path: Path) -> None:
    # "a base near Baghdad" for "Balad air base", "a town bridge" for "RTB (Riverton Town Bridge)":
    # a student who has not read the articles matches them by the shared word.
    _, bank = terms_bank(tmp_path)
    (item,) = [q for q in bank.matching if q.family == "term-matching"]
    assert [left for left, _ in item.pairs] == ["ferry", "span", "toll"]  # RTB's "bridge" gives it away
    _, other = terms_bank(tmp_path / "two", [["term: ferry", "term: river ferry"]])  # "over the river"
    assert not [q for q in other.matching if q.family == "term-matching"]  # two terms left: no item


def test_a_matching_item_shows_one_hint_per_article_it_cites(tmp_path: Path) -> None:
    corpus, bank = terms_bank(tmp_path)
    (item,) = [q for q in bank.matching if q.family == "term-matching"]
    assert [c.article for c in item.citations].count("daily-2020") == 2
    page = QuizRenderer(corpus, make_environments()[1], SiteLinks()).render("quizzes/written.md", "written", [item]).html
    sources = re.search(r'<p class="qg-sources">(.*?)</p>', page)
    assert sources is not None
    assert re.findall(r">([^<]+)</a>", sources[1]) == ["The Weekly", "The Daily"]  # the hints' labels, one each


def test_a_matching_explanation_shows_the_words_each_pair_rests_on_not_the_pairs_again() -> None:
    """After answering, the key already shows the pairs; the explanation teaches where each term
    is read: the outlet and its own words, one sentence per pair."""
    _, bank = seed_bank()
    assert bank.matching
    for item in bank.matching:
        for (left, right), citation in zip(item.pairs, item.citations):
            assert right.rstrip(".") not in item.explanation
            assert f'writes "{citation.quote}".' in item.explanation
            assert left.casefold() in item.explanation.casefold()
