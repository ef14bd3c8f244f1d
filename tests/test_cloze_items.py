"""Cloze items (a quoted passage with a glossary term blanked) keep one defensible answer and come
back from every export: gift-pegjs, the XML parsed back, openpyxl, csv and the real Anki."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection
from openpyxl import load_workbook
from quizgen.corpus_loader import load_corpus
from quizgen.export import EXPORT_FORMATS
from quizgen.export.qti_package import assessment_ident
from quizgen.generate.families_cloze import BLANK, TermsByWord, term_form
from quizgen.generate.families_terms import names_any
from quizgen.generate.question_bank import QuestionBank, build_question_bank
from quizgen.model.corpus import Corpus
from quizgen.worksheet import WorksheetRequest, build_worksheet

from corpus_cases import make_corpus
from export_cases import SEEDS
from test_exports_anki import import_deck, notes_by_id
from test_exports_gift import parse_gift
from test_exports_spreadsheets import read_csv

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def seed_bank() -> tuple[Corpus, QuestionBank]:
    corpus = load_corpus(SEEDS)
    return corpus, build_question_bank(corpus)


FERRY_FACT = """  - id: ferry-replaced
    kind: claim
    claim: the bridge replaced a ferry
    statement: The new bridge replaced a ferry that had run for forty years.
    topics: [bridges]
    sources:
      - article: weekly-2020
        quote: The town council paid for the bridge. The new bridge replaced a ferry that had carried people across the river for forty years.
"""
FERRY_PASSAGE = "The new bridge replaced a _____ that had carried people across the river for forty years."


def _term(term: str, definition: str, article: str, quote: str, related: str = "[]") -> str:
    return (f"  - id: {term.lower().replace(' ', '-')}\n    term: {term}\n    definition: {definition}\n    topics: [bridges]\n"
            f"    sources:\n      - article: {article}\n        quote: {quote}\n    related: {related}\n")


TERMS = (_term("ferry", "A boat that carries people over water on a fixed route.", "weekly-2020",
               "a ferry that had carried people across the river", "[toll, span, arch, boats, causeway]")
         + _term("boats", "What a ferry service runs.", "daily-2020", "About 3,000 people crossed it on the first day.")
         + _term("Causeway", "The old road over the marsh.", "daily-2020", "About 3,000 people crossed it on the first day.")
         + _term("toll", "What each car pays to cross.", "daily-2020", "About 3,000 people crossed it on the first day.")
         + _term("span", "The length between two supports.", "daily-2020", "About 3,000 people crossed it on the first day.")
         + _term("arch", "A curved support.", "daily-2020", "About 3,000 people crossed it on the first day."))


def ferry_bank(tmp_path: Path, fact: str = FERRY_FACT, terms: str = TERMS) -> QuestionBank:
    return build_question_bank(load_corpus(ferry_corpus(tmp_path, fact, terms)))


def ferry_corpus(tmp_path: Path, fact: str = FERRY_FACT, terms: str = TERMS) -> Path:
    return make_corpus({"description": "a ferry", "edit": {
        "articles/weekly-2020.md": [["The town council paid for the bridge.",
                                     "The town council paid for the bridge. The new bridge replaced a ferry that had carried people across the river for forty years."]],
        "facts/bridge.yaml": [["  - id: lima-mayor\n", fact + "  - id: lima-mayor\n"]],
        "glossary.yaml": [["terms:\n", "terms:\n" + terms]]}}, tmp_path / "c")


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, QuestionBank]:
    """A corpus with a cloze item: the seed glossary's terms have too few neighbours of their form."""
    corpus = load_corpus(ferry_corpus(tmp_path_factory.mktemp("ferry")))
    return corpus, build_question_bank(corpus)


def test_a_cloze_blanks_a_term_in_the_one_sentence_of_a_fact_that_teaches_it(tmp_path: Path) -> None:
    (item,) = ferry_bank(tmp_path).cloze
    assert item.stem == f"Which term fills the blank in these words from The Weekly? “{FERRY_PASSAGE}”"
    assert item.correct is not None and item.options[item.correct] == "ferry"
    assert "council" not in item.stem  # the quote's other sentence is not the item's
    assert item.fact_ids == ("ferry-replaced", "ferry")
    assert "The new bridge replaced a ferry" in item.explanation and "A boat that carries people" in item.explanation


def test_the_options_agree_with_the_article_before_the_blank(tmp_path: Path) -> None:
    (item,) = ferry_bank(tmp_path).cloze
    # "a arch" rules itself out; "a boats" is a plural, "a Causeway" a name, where a common noun goes
    assert sorted(item.options) == ["ferry", "span", "toll"]


def test_a_detail_fact_gets_no_cloze(tmp_path: Path) -> None:
    assert not ferry_bank(tmp_path, FERRY_FACT.replace("    kind: claim\n", "    kind: claim\n    importance: detail\n")).cloze


def test_a_term_with_too_few_related_terms_gets_no_cloze(tmp_path: Path) -> None:
    # Terms drawn from the whole glossary fill the blank with "the Kurdistan Region": no one is misled.
    assert not ferry_bank(tmp_path, terms=TERMS.replace("[toll, span, arch, boats, causeway]", "[toll]")).cloze


def test_a_term_the_passage_does_not_teach_is_not_blanked(tmp_path: Path) -> None:
    # The glossary cites another passage for "ferry": this sentence only names it in passing.
    terms = TERMS.replace("quote: a ferry that had carried people across the river", "quote: The town council paid for the bridge.")
    assert not ferry_bank(tmp_path, terms=terms).cloze


def test_every_passage_is_one_sentence_with_a_term_blanked_and_options_of_its_form(ferry: tuple[Corpus, QuestionBank]) -> None:
    checked = 0
    for corpus, bank in (ferry, seed_bank()):
        checked += len(bank.cloze)
        _check_cloze_items(corpus, bank)
    assert checked


def _check_cloze_items(corpus: Corpus, bank: QuestionBank) -> None:
    terms = {t.id: t for t in corpus.terms}
    facts = {f.id: f for f in corpus.facts}
    for item in bank.cloze:
        fact, term = facts[item.fact_ids[0]], terms[item.fact_ids[1]]
        assert fact.importance != "detail"
        assert item.kind == "cloze" and item.correct is not None and item.options[item.correct] == term.term
        passage = re.search(r"“(.*)”$", item.stem)
        assert passage is not None and passage[1].count(BLANK) == 1 and " ... " not in passage[1]
        (citation,) = item.citations
        assert corpus.outlet_of(citation.article).kind != "copy"
        assert passage[1].replace(BLANK, term.term) in citation.quote
        assert corpus.outlet_of(citation.article).name in item.stem
        assert not names_any(passage[1], [term.term, *([term.expansion] if term.expansion else []), *term.aliases])
        assert 3 <= len(item.options) <= 4 and len(set(item.options)) == len(item.options)
        for index, option in enumerate(item.options):
            assert term_form(option) == term_form(term.term), (item.stem, option)
            if index != item.correct:
                assert option in [terms[r].term for r in term.related] or term.id in next(t for t in corpus.terms if t.term == option).related
                assert not names_any(citation.quote, [option])  # a wrong option is not in the passage


def test_gift_moodle_and_qti_read_cloze_items_back_as_multiple_choice(ferry: tuple[Corpus, QuestionBank]) -> None:
    corpus, bank = ferry
    _, *parsed = parse_gift(EXPORT_FORMATS["gift"].render(corpus, bank.cloze).data.decode("utf-8"))
    for question, item in zip(bank.cloze, parsed, strict=True):
        assert item["type"] == "MC" and html.unescape(item["stem"]["text"]) == question.stem
        assert [c["isCorrect"] for c in item["choices"]] == [i == question.correct for i in range(len(question.options))]
        assert [html.unescape(c["text"]["text"]) for c in item["choices"]] == list(question.options)
    root = ET.fromstring(EXPORT_FORMATS["moodle-xml"].render(corpus, bank.cloze).data)
    items = {q.findtext("idnumber"): q for q in root.findall("question") if q.get("type") != "category"}
    for question in bank.cloze:
        item = items[question.id]
        assert item.get("type") == "multichoice" and html.unescape(item.findtext("questiontext/text") or "") == question.stem
        assert [a.get("fraction") for a in item.findall("answer")] == ["100" if i == question.correct else "0"
                                                                        for i in range(len(question.options))]
    ident = assessment_ident(corpus)
    with zipfile.ZipFile(io.BytesIO(EXPORT_FORMATS["qti"].render(corpus, bank.cloze).data)) as archive:
        qti = ET.fromstring(archive.read(f"{ident}/{ident}.xml"))
    qti_items = {i.get("ident"): i for i in qti.iter(f"{QTI}item")}
    for question in bank.cloze:
        labels = qti_items[question.id].findall(f"{QTI}presentation/{QTI}response_lid/{QTI}render_choice/{QTI}response_label")
        assert [html.unescape(label.findtext(f"{QTI}material/{QTI}mattext") or "") for label in labels] == list(question.options)


def test_spreadsheets_hold_cloze_items_whole_or_leave_them_out_for_length(tmp_path: Path, ferry: tuple[Corpus, QuestionBank]) -> None:
    corpus, bank = ferry
    rows = read_csv(EXPORT_FORMATS["csv"].render(corpus, bank.cloze).data)
    assert [row[0] for row in rows] == [q.stem for q in bank.cloze]
    assert [int(row[7]) - 1 for row in rows] == [q.correct for q in bank.cloze]
    kahoot = EXPORT_FORMATS["kahoot"].render(corpus, bank.cloze)
    sheet = load_workbook(io.BytesIO(kahoot.data)).active
    assert sheet is not None
    kept = [row for row in sheet.iter_rows(min_row=9, values_only=True)]
    left = {line.split(": ")[0] for line in kahoot.left_out}
    fitting = [q for q in bank.cloze if q.id not in left]
    assert [row[1] for row in kept] == [q.stem for q in fitting]  # never cut: the blank stays
    assert all(len(q.stem) > 120 for q in bank.cloze if q.id in left)


def test_anki_cards_show_the_passage_and_the_term_on_the_back(tmp_path: Path, ferry: tuple[Corpus, QuestionBank]) -> None:
    corpus, bank = ferry
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_deck(collection, EXPORT_FORMATS["anki"].render(corpus, bank.cloze).data, tmp_path)
        notes = notes_by_id(collection)
        for question in bank.cloze:
            assert html.unescape(notes[question.id]["Question"]) == question.stem
            assert html.unescape(notes[question.id]["Answer"]) == f"<b>{question.answer_text}</b>"
    finally:
        collection.close()


def test_a_cloze_worksheet_prints_the_passage_and_lettered_terms_and_keeps_the_key_apart(ferry: tuple[Corpus, QuestionBank]) -> None:
    corpus, bank = ferry
    document = build_worksheet(corpus, bank, WorksheetRequest(kinds=("cloze",), count=5))  # the one there is
    student, key = document.student_html.partition("<body>")[2], document.key_html.partition("<body>")[2]
    assert student.count('class="question cloze"') == len(bank.cloze) == 1 and "write the letter of the term that fills it" in student
    assert "answer-key" not in student
    for stem in re.findall(r'<span class="number">\d+\.</span>([^<]*)</p>', student):
        item = next(q for q in bank.cloze if html.escape(q.stem, quote=True).replace("&#x27;", "&#39;") == stem
                    or html.escape(q.stem) == stem)
        assert item is not None
    assert len(re.findall(r'<p class="key-answer">', key)) == 1


def test_the_glossary_index_finds_the_terms_names_any_finds() -> None:
    """Cloze items look a quote's terms up by its words: the same terms, in the same order, as
    trying every term with ``names_any``, for names of several words, capitals, hyphens and
    letters outside ASCII (which ``re.IGNORECASE`` matches in ways ``str.lower`` does not)."""
    corpus = load_corpus(SEEDS)
    tricky = [corpus.terms[0].model_copy(update={"id": f"tricky-{at}", "term": name})
              for at, name in enumerate(["IS-K", ".NET", "Öcalan", "Kelvin", "st. john", "_x"])]
    terms = [*corpus.terms, *tricky]
    texts = [source.quote for fact in corpus.facts for source in fact.sources]
    texts += ["this is the IS caliphate", "the US-led coalition's ISF", "Islamic State-run", "IS-K, .NET and st. John",
              "the \u212aelvin scale", "öcalan", "Öcalan said", "_x_", "x _x", "Kurdistan Region's", "technical-talks"]
    index = TermsByWord(terms)
    for text in texts:
        assert [t.id for t in index.named_in(text)] == [t.id for t in terms if names_any(text, [t.term])], text
