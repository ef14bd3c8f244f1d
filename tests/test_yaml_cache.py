"""The YAML cache: a document read back is the document parsing gives, values and positions; a
changed text is parsed again; a broken, foreign or unwritable cache changes nothing but speed."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest
from quizgen.corpus_loader import load_corpus
from quizgen.errors import CorpusError
from quizgen.load import yaml_cache as yaml_cache_module
from quizgen.load.yaml_cache import CACHE_FILE, YamlCache
from quizgen.load.yaml_tree import parse_yaml
from quizgen.model.corpus import Corpus

from corpus_cases import load_case, make_corpus
from site_checks import REPO

CASES = sorted((Path(__file__).parent / "cases" / "check").glob("*.yaml"))
TEXT = "facts:\n  - id: a\n    figures: [1, 2.5, null, 017]\n    on: yes\n  - {id: b, quote: 'x: y'}\n"


class CountingParser:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        monkeypatch.setattr(yaml_cache_module, "parse_yaml", self)

    def __call__(self, text: str, *, line_offset: int = 0):  # type: ignore[no-untyped-def]
        self.texts.append(text)
        return parse_yaml(text, line_offset=line_offset)


def _same(one, other) -> None:  # type: ignore[no-untyped-def]
    assert (one.data, one.value_marks, one.key_marks) == (other.data, other.value_marks, other.key_marks)
    assert [type(v) for v in one.data["facts"][0]["figures"]] == [type(v) for v in other.data["facts"][0]["figures"]]


def test_a_document_read_back_is_the_one_parsed_and_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parser = CountingParser(monkeypatch)
    first = YamlCache(tmp_path)
    parsed = first.parse(TEXT, line_offset=3)
    first.save()
    again = YamlCache(tmp_path).parse(TEXT, line_offset=3)
    _same(again, parse_yaml(TEXT, line_offset=3))
    assert again.mark_of(("facts", 1, "quote")) == parsed.mark_of(("facts", 1, "quote")) == (8, 20)
    assert parser.texts == [TEXT]  # the second cache read it back
    assert again.data is not parsed.data  # a fresh copy: nothing is shared between loads
    YamlCache(tmp_path).parse(TEXT, line_offset=4)
    assert parser.texts == [TEXT, TEXT]  # another offset, other positions: parsed


def test_only_the_documents_the_last_build_used_are_kept(tmp_path: Path) -> None:
    cache = YamlCache(tmp_path)
    cache.parse("a: 1\n")
    cache.parse("b: 2\n")
    cache.save()
    cache = YamlCache(tmp_path)
    cache.parse("b: 2\n")
    cache.save()
    version, entries = marshal.loads((tmp_path / CACHE_FILE).read_bytes())
    assert len(entries) == 1


@pytest.mark.parametrize("content", [b"", b"not marshal data", marshal.dumps(("another version", {})), marshal.dumps([1, 2, 3])])
def test_a_broken_or_foreign_cache_file_is_ignored(tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / CACHE_FILE).write_bytes(content)
    parser = CountingParser(monkeypatch)
    cache = YamlCache(tmp_path)
    _same(cache.parse(TEXT), parse_yaml(TEXT))
    assert parser.texts == [TEXT]
    cache.save()
    assert YamlCache(tmp_path).parse(TEXT).data == parse_yaml(TEXT).data


def test_a_broken_entry_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = YamlCache(tmp_path)
    cache.parse(TEXT)
    cache.save()
    version, entries = marshal.loads((tmp_path / CACHE_FILE).read_bytes())
    (tmp_path / CACHE_FILE).write_bytes(marshal.dumps((version, {key: b"\x00" for key in entries})))
    parser = CountingParser(monkeypatch)
    _same(YamlCache(tmp_path).parse(TEXT), parse_yaml(TEXT))
    assert parser.texts == [TEXT]


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file where the cache folder should be")
    cache = YamlCache(tmp_path / "file")
    assert cache.parse("a: 1\n").data == {"a": 1}
    cache.save()  # no error: the next build parses again


def test_the_seed_corpus_loads_the_same_with_a_cold_and_a_warm_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = load_corpus(REPO / "seeds", "seeds")
    parser = CountingParser(monkeypatch)
    cold = load_corpus(REPO / "seeds", "seeds", yaml_cache=tmp_path)
    parsed = len(parser.texts)
    warm = load_corpus(REPO / "seeds", "seeds", yaml_cache=tmp_path)
    assert parsed > 5 and len(parser.texts) == parsed  # the second load parsed nothing
    assert _fields(plain) == _fields(cold) == _fields(warm)
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    glossary = seeds / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_corpus(seeds, "seeds", yaml_cache=tmp_path)
    assert parser.texts[parsed:] == [glossary.read_text(encoding="utf-8")]  # only the changed file


def _fields(corpus: Corpus) -> tuple[object, ...]:
    articles = [(a.meta, a.blocks) for a in corpus.articles]
    return (corpus.info, articles, corpus.outlets, corpus.people, corpus.organizations, corpus.topics, corpus.facts,
            corpus.terms, corpus.origins)


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_every_bad_corpus_gets_the_same_problems_with_the_cache(case_path: Path, tmp_path: Path) -> None:
    make_corpus(load_case(case_path), tmp_path / "seeds")
    reports = []
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):  # none, cold, warm
        try:
            load_corpus(tmp_path / "seeds", "seeds", yaml_cache=cache)
            reports.append("")
        except CorpusError as error:
            reports.append(error.report())
    assert reports[0] == reports[1] == reports[2]
