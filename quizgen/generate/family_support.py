"""What every question family needs: citations, explanations that name their sources, and wording."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from quizgen.generate.question_model import Citation
from quizgen.model.corpus import Corpus


class Quoted(Protocol):
    """A source as families read it: a fact's or a term's `Source`, or a question's `Citation`."""

    @property
    def article(self) -> str: ...
    @property
    def quote(self) -> str: ...


class Sourced(Protocol):
    """What a family explains and cites: a fact, a term, or several of them merged."""

    @property
    def sources(self) -> Sequence[Quoted]: ...


class WithContext(Sourced, Protocol):
    """A fact (or facts merged) with its curated line on why it matters."""

    @property
    def context(self) -> str | None: ...


def citations_of(item: Sourced) -> tuple[Citation, ...]:
    return tuple(Citation(s.article, s.quote) for s in item.sources)


def outlet_names(corpus: Corpus, item: Sourced) -> list[str]:
    return list(dict.fromkeys(corpus.outlet_of(s.article).name for s in item.sources))


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def explain(corpus: Corpus, item: Sourced | WithContext, sentence: str, with_context: bool = True) -> str:
    """A sentence that explains the answer, then the item's curated context (why it matters), then
    the outlets it comes from."""
    sentence = _full_stop(sentence.strip())
    # An attribute read, not isinstance() against the protocol: a runtime-checkable protocol walks its
    # members at every check, and every question of the bank is explained.
    context: str | None = getattr(item, "context", None)
    if with_context and context:
        sentence = f"{sentence} {_full_stop(context.strip())}"
    return f"{sentence} (Source: {join_names(outlet_names(corpus, item))}.)"


def _full_stop(sentence: str) -> str:
    return sentence if sentence.endswith((".", "!", "?", "”", '"')) else sentence + "."


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def format_quantity(value: float, unit: str, qualifier: str | None) -> str:
    """`about 2,000 cars`; `60 percent`; `about 1 metre` (a unit written plural is singular for 1)."""
    text = f"{format_number(value)} {singular_unit(unit) if value == 1 else unit}"
    return f"{qualifier} {text}" if qualifier else text


_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                      "teeth": "tooth", "mice": "mouse", "geese": "goose",
                      "buses": "bus", "gases": "gas", "lenses": "lens", "crises": "crisis", "analyses": "analysis"}
_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "dozen"}
"""`1 million dollars` keeps its plural: the count is a million."""
_UNCHANGED = ("percent", "per cent", "series", "species", "news", "aircraft", "sheep", "fish", "deer", "data")


def singular_unit(unit: str) -> str:
    """The unit for a count of one: its head noun (the last word, or the word before `of` or
    `per`) made singular: `metres` → `metre`, `square miles` → `square mile`, `tonnes of grain` →
    `tonne of grain`, `people` → `person`, `days` → `day`. Units that are not plurals stay."""
    words = unit.split(" ")
    head = next((i - 1 for i, word in enumerate(words) if word in ("of", "per") and i > 0), len(words) - 1)
    word = words[head]
    lower = word.lower()
    if unit.lower() in _UNCHANGED or lower in _UNCHANGED or not lower.isalpha() or _SCALES & {w.lower() for w in words}:
        return unit
    if lower in _IRREGULAR_PLURALS:
        single = _IRREGULAR_PLURALS[lower]
        word = single.capitalize() if word[:1].isupper() else single
    elif lower.endswith("ies") and len(lower) > 4:
        word = word[:-3] + "y"
    elif lower.endswith(("sses", "ches", "shes", "xes", "zzes")):
        word = word[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        word = word[:-1]
    else:
        return unit
    return " ".join([*words[:head], word, *words[head + 1:]])


def difficulty_from_sources(item: Sourced, easy_at: int = 3) -> str:
    """Facts that many outlets report are easier to recall than ones only one outlet gives."""
    return "easy" if len(item.sources) >= easy_at else "medium"
