"""Hostile text in every field of the corpus comes out as text in every output.

The corpus is the base corpus with a payload in every text field (HTML and script tags, Markdown
and Jinja syntax, GIFT control characters, XML entities, spreadsheet formulas, right-to-left and
zero-width characters, emoji, a very long word). Quotes stay verbatim: the payloads are appended to
the articles' text and quoted from there. Each output is read back with a real parser and checked:
no injected element, attribute, formula or markup, and every payload's text still there.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from site_checks import make_project, mkdocs

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"

PAYLOADS = {
    "script": "</title><script>alert('pwn-1')</script>",
    "img": '<img src=x onerror="alert(2)">pwn-2',
    "markdown": "**pwn-3** [pwn-4](javascript:alert(4)) `pwn-5` ![pwn-6](x.png) # pwn-7",
    "jinja": "{{ pwn_8 }} {% if true %}pwn-9{% endif %}",
    "gift": "~= pwn-10 # { } : \\ ::pwn-11::",
    "xml": "&amp; &lt;pwn-12&gt; <![CDATA[pwn-13]]> &xxe;",
    "formula": '=HYPERLINK("http://example.invalid","pwn-14")',
    "bidi": "\u202epwn-15\u202c \u200bpwn-16\u200d",
    "emoji": "\U0001F9E8\U0001F4A5 pwn-17",
    "long": "pwn18" + "x" * 300,
}
BLOB = " | ".join(PAYLOADS.values())
MARKERS = re.compile(r"pwn[-_]?\d+")


def _yaml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def hostile_corpus(target: Path) -> Path:
    """The base corpus with the payloads in every text field (ids stay plain)."""
    shutil.copytree(BASE_CORPUS, target)

    def edit(name: str, *pairs: tuple[str, str]) -> None:
        file = target / name
        text = file.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) >= 1, (name, old)
            text = text.replace(old, new)
        file.write_text(text, encoding="utf-8")

    q = _yaml_text
    edit("corpus.yaml", ("title: Test corpus", f"title: {q('Corpus ' + PAYLOADS['script'])}"),
         ("description: A tiny corpus that every error case starts from.", f"description: {q(BLOB)}"))
    edit("outlets.yaml", ("name: The Daily", f"name: {q(PAYLOADS['formula'])}"), ("name: The Weekly", f"name: {q('@SUM(1+1) ' + PAYLOADS['gift'])}"))
    edit("topics.yaml", ("title: Bridges", f"title: {q('Bridges ' + PAYLOADS['markdown'])}"), ("description: The new bridge over the river.", f"description: {q(BLOB)}"))
    edit("people.yaml", ("role: mayor of Riverton", f"role: {q('mayor ' + PAYLOADS['jinja'])}"),
         ("name: the town council", f"name: {q('the council ' + PAYLOADS['img'])}"),
         ("description: The council that runs Riverton.", f"description: {q(BLOB)}"))
    edit("glossary.yaml", ("definition: The new bridge across the river in Riverton.", f"definition: {q('The bridge ' + PAYLOADS['xml'] + ' ' + PAYLOADS['bidi'])}"))
    for article in ("daily-2020", "weekly-2020"):
        file = target / "articles" / f"{article}.md"
        front, body = file.read_text(encoding="utf-8").split("\n---\n", 1)
        front = re.sub(r"(?m)^headline: .*$", f"headline: {q('Headline ' + PAYLOADS['script'] + ' ' + PAYLOADS['emoji'])}", front)
        front = re.sub(r"(?m)^reliability: .*$", f"reliability: {q(BLOB)}", front)
        file.write_text(f"{front}\n---\n{body.rstrip()}\n\nHostile paragraph: {BLOB}\n", encoding="utf-8")
    edit("facts/bridge.yaml",
         ("statement: The Riverton bridge opened on 4 May 2020.", f"statement: {q('The bridge opened on 4 May 2020. ' + BLOB)}"),
         ("title: the opening of the Riverton bridge", f"title: {q('the opening ' + PAYLOADS['markdown'])}"),
         ("measure: the number of people who crossed the bridge on its first day", f"measure: {q('the crowd ' + PAYLOADS['gift'] + ' ' + PAYLOADS['long'])}"),
         ("unit: people", f"unit: {q('people ' + PAYLOADS['emoji'])}"),
         ("statement: Ana Lima was the mayor of Riverton.", f"statement: {q('Ana Lima was mayor. ' + BLOB)}"),
         ("claim: the town council paid for the bridge", f"claim: {q('the council paid ' + PAYLOADS['jinja'] + ' ' + PAYLOADS['bidi'])}"),
         ("statement: The Weekly reported that the town council paid for the bridge.", f"statement: {q('The Weekly reported it. ' + BLOB)}\n    false_statement: {q('The Weekly denied it. ' + BLOB)}"))
    (target / "facts" / "hostile.yaml").write_text(
        "facts:\n"
        "  - id: hostile-claim\n    kind: claim\n"
        f"    claim: {q('the text said ' + BLOB)}\n"
        f"    statement: {q('The Daily printed: ' + BLOB)}\n"
        "    topics: [bridges]\n    sources:\n      - article: daily-2020\n"
        f"        quote: {q(BLOB)}\n"
        "  - id: hostile-quotation\n    kind: quotation\n    speaker: council\n"
        f"    text: {q(PAYLOADS['script'])}\n"
        f"    statement: {q('The council wrote ' + BLOB)}\n"
        "    topics: [bridges]\n    sources:\n      - article: weekly-2020\n"
        f"        quote: {q(BLOB)}\n", encoding="utf-8")
    return target


class HtmlReading(HTMLParser):
    """Text nodes, executable script bodies, and every element with attributes, as a browser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        elif not self._in:
            self.text.append(data)


def read_html(markup: str) -> HtmlReading:
    reading = HtmlReading()
    reading.feed(markup)
    reading.close()
    return reading


def assert_no_injection(reading: HtmlReading, where: str) -> None:
    for tag, attrs in reading.elements:
        assert tag not in ("img", "iframe", "object", "embed") or not MARKERS.search(str(attrs)) and attrs.get("src") != "x", (where, tag, attrs)
        for name, value in attrs.items():
            assert not (name.startswith("on") and "alert" in (value or "")), (where, tag, name, value)
            assert not (value or "").strip().lower().startswith("javascript:"), (where, tag, name, value)
    for body in reading.scripts:
        assert "alert(" not in body and not MARKERS.search(body), (where, body[:200])


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_payloads_as_text(text: str, where: str, payloads: dict[str, str] = PAYLOADS) -> None:
    flat = squash(text)
    missing = [name for name, payload in payloads.items() if squash(payload) not in flat]
    assert not missing, f"{where}: these payloads do not appear as text: {missing}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root / "project", hostile_corpus(root / "seeds"))
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_site_page_shows_the_payloads_as_text(hostile_site: Path) -> None:
    all_text = []
    for page in sorted(hostile_site.rglob("*.html")):
        reading = read_html(page.read_text(encoding="utf-8"))
        assert_no_injection(reading, str(page.relative_to(hostile_site)))
        all_text.append(" ".join(reading.text))
    assert_payloads_as_text(" ".join(all_text), "the site")
    for name in ("index.html", "briefing/index.html", "articles/daily-2020/index.html"):
        assert_payloads_as_text(" ".join(read_html((hostile_site / name).read_text(encoding="utf-8")).text), name)


def test_questions_json_holds_the_payloads_as_strings(hostile_site: Path) -> None:
    bank = json.loads((hostile_site / "exports" / "questions.json").read_text(encoding="utf-8"))
    assert_payloads_as_text(" ".join(json_strings(bank)), "questions.json")


def json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in json_strings(item)]
    return []


def _corpus_and_bank(tmp_path: Path):  # type: ignore[no-untyped-def]
    from quizgen.corpus_loader import load_corpus
    from quizgen.generate.question_bank import build_question_bank

    corpus = load_corpus(hostile_corpus(tmp_path / "seeds"))
    return corpus, build_question_bank(corpus)


def _export_formats() -> dict[str, object]:
    try:
        from quizgen.export import EXPORT_FORMATS
    except ImportError:
        return {}
    return dict(EXPORT_FORMATS)


def _html_fragments_in_xml(data: bytes, where: str) -> str:
    """Parse XML (fails on a broken entity or tag); check every HTML-bearing text; return all text."""
    root = ElementTree.fromstring(data)
    texts = []
    for parent in root.iter():
        for element in parent:
            text = element.text or ""
            local = element.tag.rsplit("}", 1)[-1]
            is_html = (element.get("texttype") == "text/html" or local == "description"
                       or (local == "text" and parent.get("format") == "html"))
            if is_html:  # HTML carried as text: Moodle's format="html", QTI's text/html, Canvas' description
                reading = read_html(text)
                assert_no_injection(reading, f"{where} <{local}>")
                texts.append(" ".join(reading.text))
            else:
                texts.append(text)
    return " ".join(texts)


@pytest.mark.skipif(not _export_formats(), reason="quizgen.export is not there yet")
@pytest.mark.parametrize("name", sorted(_export_formats()) or ["none"])
def test_every_export_keeps_the_payloads_as_text(name: str, tmp_path: Path) -> None:
    corpus, bank = _corpus_and_bank(tmp_path)
    export = _export_formats()[name]
    data: bytes = export.render(corpus, bank.questions).data  # type: ignore[attr-defined]
    found = ""
    if name == "json":
        found = " ".join(json_strings(json.loads(data)))
    elif name == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), f"formula injection in {name}: {cell[:60]!r}"
        found = " ".join(cell for row in rows for cell in row)
    elif name == "kahoot":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for member in package.namelist():
                if member.endswith(".xml"):
                    xml = package.read(member)
                    assert b"<f>" not in xml and b"<f " not in xml, f"a formula cell in {member}"
                    found += " " + " ".join(ElementTree.fromstring(xml).itertext())
        # Kahoot leaves out questions over its length limits, which most hostile ones are: no marker set here.
        assert MARKERS.search(found), "kahoot: no payload text at all"
        return
    elif name in ("moodle-xml",):
        found = _html_fragments_in_xml(data, name)
    elif name == "qti":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            found = " ".join(_html_fragments_in_xml(package.read(m), f"{name}:{m}") for m in package.namelist() if m.endswith(".xml"))
    elif name == "anki":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            database = tmp_path / "collection.anki2"
            database.write_bytes(package.read("collection.anki2"))
        with sqlite3.connect(database) as connection:
            fields = [row[0] for row in connection.execute("select flds from notes")]
        for field in fields:
            reading = read_html(field.replace("\x1f", " "))
            assert_no_injection(reading, name)
            found += " " + " ".join(reading.text)
    elif name == "gift":
        text = data.decode("utf-8")
        assert "~= pwn-10" not in text and "::pwn-11::" not in text, "GIFT control characters are escaped"
        questions = "\n".join(line for line in text.splitlines() if not line.startswith(("$CATEGORY", "//")))
        found = re.sub(r"\\([~=#{}:\\])", r"\1", questions)
        reading = read_html(found)
        assert not any(tag == "script" for tag, _ in reading.elements), "GIFT text is HTML in Moodle: tags must be escaped"
        found = " ".join(reading.text)
    else:
        pytest.fail(f"no reader for the export format {name!r}: add one here")
    markers = set(MARKERS.findall(found))
    assert {"pwn-1", "pwn-10", "pwn-14", "pwn-17"} <= markers, f"{name}: payload text lost; found markers {sorted(markers)}"


def _worksheet_documents(corpus, bank):  # type: ignore[no-untyped-def]
    from quizgen.worksheet import WorksheetRequest, build_worksheet

    yield "questions", build_worksheet(corpus, bank, WorksheetRequest(type="questions", count=len(bank.questions)))
    yield "glossary", build_worksheet(corpus, bank, WorksheetRequest(type="glossary"))
    yield "handout", build_worksheet(corpus, bank, WorksheetRequest(type="handout", articles=("daily-2020",)))


@pytest.mark.skipif(shutil.which("true") is None or not (Path(__file__).parent.parent / "quizgen" / "worksheet").is_dir(), reason="quizgen.worksheet is not there yet")
def test_every_worksheet_shows_the_payloads_as_text(tmp_path: Path) -> None:
    corpus, bank = _corpus_and_bank(tmp_path)
    for kind, document in _worksheet_documents(corpus, bank):
        reading = read_html(document.html)
        assert_no_injection(reading, f"worksheet {kind}")
        markers = set(MARKERS.findall(" ".join(reading.text)))
        assert markers, f"worksheet {kind}: no payload text at all"
        if kind != "glossary":
            assert {"pwn-1", "pwn-10", "pwn-14", "pwn-17"} <= markers, f"worksheet {kind}: {sorted(markers)}"
