"""What every question family needs: citations, explanations that name their sources, and wording."""

from __future__ import annotations

from typing import Any

from quizgen.generate.question_model import Citation
from quizgen.model.corpus import Corpus


def citations_of(item: Any) -> tuple[Citation, ...]:
    return tuple(Citation(s.article, s.quote) for s in item.sources)


def outlet_names(corpus: Corpus, item: Any) -> list[str]:
    names: list[str] = []
    for source in item.sources:
        name = corpus.outlet_of(source.article).name
        if name not in names:
            names.append(name)
    return names


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def explain(corpus: Corpus, item: Any, sentence: str, with_context: bool = True) -> str:
    """A sentence that explains the answer, then the item's curated context (why it matters), then
    the outlets it comes from."""
    sentence = _full_stop(sentence.strip())
    context = getattr(item, "context", None)
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
    """`about 2,000 cars`; `60 percent`."""
    text = f"{format_number(value)} {unit}"
    return f"{qualifier} {text}" if qualifier else text


def difficulty_from_sources(item: Any, easy_at: int = 3) -> str:
    """Facts that many outlets report are easier to recall than ones only one outlet gives."""
    return "easy" if len(item.sources) >= easy_at else "medium"
