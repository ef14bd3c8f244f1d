"""Hypothesis strategies: small corpora that are valid by construction, and random damage to them.

A corpus is drawn as a dict of relative path -> file text, written by ``write_corpus``. Every
quote is a sentence of its article's text, so an undamaged corpus passes validation.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßñçøåÉ"
words = st.text(alphabet=LETTERS, min_size=3, max_size=9)  # two words make a quote long enough to prove something
phrases = st.lists(words, min_size=2, max_size=6).map(" ".join)
# Names, roles, terms and the like start with a word of their own, so that no generated answer is
# contained in another's wording by chance (the item-writing rules rightly refuse a stem that gives the
# answer away, and two people named alike).


def labelled(label: str) -> st.SearchStrategy[str]:
    return phrases.map(lambda phrase: f"{label} {phrase}")


FURNITURE = "::: furniture comments\nComments are moderated.\n:::\n"


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


@st.composite
def partial_dates(draw: st.DrawFn, precision: str | None = None) -> str:
    day = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
    precision = precision or draw(st.sampled_from(["day", "month", "year"]))
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, str]:
    """A valid corpus: outlets, people with role facts, articles, facts of every kind, terms."""
    n_outlets = draw(st.integers(1, 3))
    n_people = draw(st.integers(1, 3))
    files: dict[str, str] = {
        "corpus.yaml": f"corpus:\n  title: {q(draw(phrases))}\n  description: {q(draw(phrases))}\n",
        "outlets.yaml": "outlets:\n" + "".join(f"  - id: outlet-{i}\n    name: {q(draw(labelled('Outlet' + 'abc'[i])))}\n" for i in range(n_outlets)),
        "topics.yaml": f"topics:\n  - id: topic-0\n    title: {q(draw(phrases))}\n    description: {q(draw(phrases))}\n",
        "people.yaml": "people:\n" + "".join(
            f"  - id: person-{i}\n    name: {q(draw(labelled('Person' + 'abc'[i])))}\n    role: {q(draw(labelled('Office')))}\n" for i in range(n_people))
        + f"organizations:\n  - id: org-0\n    name: {q(draw(labelled('Council')))}\n    description: {q(draw(phrases))}\n",
    }
    sentences: list[tuple[str, str]] = []  # (article id, sentence)
    for a in range(draw(st.integers(1, 3))):
        body = [draw(phrases).capitalize() + "." for _ in range(draw(st.integers(3, 8)))]
        sentences += [(f"article-{a}", s) for s in body]
        furniture = FURNITURE if draw(st.booleans()) else ""
        files[f"articles/article-{a}.md"] = (
            f"---\nid: article-{a}\noutlet: outlet-{draw(st.integers(0, n_outlets - 1))}\nheadline: {q(draw(phrases))}\n"
            f"published: {draw(partial_dates('day'))}\nreliability: {q(draw(phrases))}\n---\n"
            + "\n\n".join(body) + "\n\n" + furniture)

    def sources() -> str:
        article, sentence = draw(st.sampled_from(sentences))
        return f"    sources:\n      - article: {article}\n        quote: {q(sentence)}\n"

    def common(i: int, kind: str) -> str:
        text = f"  - id: fact-{i}\n    kind: {kind}\n    statement: {q(draw(phrases) + '.')}\n    topics: [topic-0]\n"
        if draw(st.booleans()):
            text += f"    false_statement: {q('Not ' + draw(phrases) + '.')}\n"
        return text

    facts = []
    for p in range(n_people):
        facts.append(common(len(facts), "role") + f"    person: person-{p}\n    role: {q(draw(labelled('Office' + 'abc'[p])))}\n" + sources())
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["quantity", "event", "quotation", "claim"]))
        i = len(facts)
        if kind == "quantity":
            value = draw(st.one_of(st.integers(1, 10**7), st.floats(0.1, 1e6, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 2))))
            fields = f"    value: {value}\n    unit: {q(draw(words))}\n    measure: {q(draw(labelled('Measure')))}\n"
            if draw(st.booleans()):
                fields += f"    qualifier: {draw(st.sampled_from(['about', 'nearly', 'more than']))}\n"
        elif kind == "event":
            precision = draw(st.sampled_from(["day", "month", "year"]))
            date = draw(partial_dates(precision))
            fields = f"    date: {date}\n    title: {q(draw(labelled('Event')))}\n"
            if draw(st.booleans()):
                fields += f"    distractors: [{draw(partial_dates(precision).filter(lambda d: d != date))}]\n"
        elif kind == "quotation":
            article, sentence = draw(st.sampled_from(sentences))
            said = " ".join(sentence.rstrip(".").split()[:2])
            fields = f"    speaker: {draw(st.sampled_from(['org-0', 'person-0']))}\n    text: {q(said)}\n"
            facts.append(common(i, kind) + fields + f"    sources:\n      - article: {article}\n        quote: {q(sentence)}\n")
            continue
        else:
            fields = f"    claim: {q(draw(labelled('claim')))}\n"
        facts.append(common(i, kind) + fields + sources())
    files["facts/facts.yaml"] = "facts:\n" + "".join(facts)
    terms = []
    for t in range(draw(st.integers(1, 3))):
        article, sentence = draw(st.sampled_from(sentences))
        terms.append(f"  - id: term-{t}\n    term: {q('Term' + 'abc'[t] + draw(words))}\n    definition: {q(draw(labelled('Definition')))}\n    topics: [topic-0]\n"
                     f"    sources:\n      - article: {article}\n        quote: {q(sentence)}\n")
    files["glossary.yaml"] = "terms:\n" + "".join(terms)
    return files


@st.composite
def damaged_corpora(draw: st.DrawFn) -> dict[str, str]:
    """A valid corpus with one to three random edits: lines dropped, doubled or swapped, characters
    inserted (control, quote and YAML characters among them), files truncated or emptied."""
    files = draw(corpora())
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(files)))
        text = files[name]
        lines = text.split("\n")
        edit = draw(st.sampled_from(["drop", "double", "swap", "insert", "truncate", "empty"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        if edit == "drop":
            del lines[at]
        elif edit == "double":
            lines.insert(at, lines[at])
        elif edit == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif edit == "insert":
            junk = draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\x00\x07\ufeff\u202e:::---") + list(LETTERS)), min_size=1, max_size=6))
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + junk + lines[at][column:]
        elif edit == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
            files[name] = text
            continue
        elif edit == "empty":
            files[name] = ""
            continue
        files[name] = "\n".join(lines)
    return files


def write_corpus(files: dict[str, str], root: Path) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def corpus_summary(files: dict[str, Any]) -> str:
    """The corpus as one text, for a failing example's report."""
    return "\n".join(f"--- {name}\n{text}" for name, text in sorted(files.items()))
