"""A corpus whose bank holds every written kind (numeric items with and without a margin, a
matching item, a cloze item): the seed corpus keeps none, so the browser tests of the page of
written items build their site from this one."""

from __future__ import annotations

from pathlib import Path

from corpus_cases import make_corpus
from test_cloze_items import FERRY_FACT, TERMS
from test_numeric_items import HISTORY


def make_written_corpus(target: Path) -> Path:
    """The base corpus with the cloze tests' ferry and glossary, and the numeric tests' year long
    before the articles: 2 numeric items (a year, and 3,000 people within 300), 1 matching, 1 cloze."""
    edit: dict[str, list[list[str]]] = {
        "articles/weekly-2020.md": [["The town council paid for the bridge.", "The town council paid for the bridge. "
                                     "The new bridge replaced a ferry that had carried people across the river for forty years."]],
        "facts/bridge.yaml": [["  - id: lima-mayor\n", FERRY_FACT + "  - id: lima-mayor\n"]],
        "glossary.yaml": [["terms:\n", "terms:\n" + TERMS]]}
    for name, pairs in HISTORY["edit"].items():
        edit.setdefault(name, []).extend(pairs)
    return make_corpus({"description": "every written kind", "edit": edit}, target)
