"""The drafts of `quizgen draft` as YAML: a ``facts:`` list (and ``terms:``), marked ``draft: true``,
every scalar written so that it reads back as the same text."""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*|[0-9]{4}(?:-[0-9]{2}){0,2}")
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "todo"}


def _scalar(value: object) -> str:
    if isinstance(value, str) and _PLAIN.fullmatch(value) and value not in _YAML_WORDS:
        return value  # ids, kinds and dates read back as the same text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


_NOT_IN_PEOPLE = "  # TODO: not in people.yaml: add it there (id, name, role)"


def _items(items: list[dict[str, object]], missing: frozenset[str] = frozenset()) -> list[str]:
    lines: list[str] = []
    for item in items:
        first = True
        for key, value in item.items():
            prefix = "  - " if first else "    "
            first = False
            if key == "sources":
                lines.append(f"{prefix}sources:")
                for source in value:  # type: ignore[attr-defined]  # a draft's 'sources' is a list of mappings
                    lines.append(f"      - article: {_scalar(source['article'])}")
                    lines.append(f"        quote: {_scalar(source['quote'])}")
            else:
                flag = _NOT_IN_PEOPLE if key in ("person", "speaker") and value in missing else ""
                lines.append(f"{prefix}{key}: {_scalar(value)}{flag}")
    return lines


def render_drafts(display: str, facts: list[dict[str, object]], terms: list[dict[str, object]],
                  missing_people: list[str] | tuple[str, ...] = ()) -> str:
    """The draft document: a ``facts:`` list (and ``terms:`` for the glossary), marked ``draft: true``;
    a person or speaker of ``missing_people`` is flagged with a TODO comment."""
    lines = [f"# Drafts of facts from {display} (quizgen draft). Every quote is copied from the article",
             "# word for word; every other field is a guess, and TODO marks what to write. While this file",
             "# says draft: true, quizgen check skips it with a warning and nothing in it reaches the site.",
             "# Keep the facts you check, fill in their TODOs, then remove the draft line (or move them to",
             "# another facts file); glossary terms go to glossary.yaml.",
             "draft: true", "facts:"]
    lines += _items(facts, frozenset(missing_people)) if facts else ["  []"]
    if terms:
        lines += ["terms:"] + _items(terms)
    return "\n".join(lines) + "\n"
