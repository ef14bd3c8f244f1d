"""Keeping the good items of a file whose other items are broken, so that one run reports everything.

A facts file with one malformed fact would otherwise drop all its facts: their quotes, topics and
references went unchecked, and their problems appeared only once the first was fixed. Here each
item of a file's lists (facts, terms, people, ...) is checked on its own; the file is loaded with
the items that pass, and its positions are renumbered so that every later message still points
at the right line. The broken items' problems are the file's shape problems, reported as before;
their ids, where readable, are kept so that references to them are not reported as unknown.

A corpus with a broken item never builds: this only lets `check` look further before it fails.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from quizgen.load.yaml_tree import DataPath, YamlDocument

M = TypeVar("M", bound=BaseModel)

LIST_SPACES = {"facts": "fact", "terms": "fact", "people": "speaker", "organizations": "speaker",
               "outlets": "outlet", "topics": "topic"}
"""Each list of items a corpus file holds, and the namespace its ids are defined in."""


@dataclass
class Salvage:
    """What a file with broken items still gives: its good items, and the ids of the broken ones."""

    model: Any
    doc: YamlDocument
    unloaded_ids: dict[str, set[str]] = field(default_factory=dict)
    lost_spaces: set[str] = field(default_factory=set)
    """Namespaces with a broken item whose id could not be read: any id of them may be there."""


def _item_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any] | None:
    annotation = model.model_fields[name].annotation
    if typing.get_origin(annotation) is not list:
        return None
    return TypeAdapter(typing.get_args(annotation)[0])


def _renumbered(marks: dict[DataPath, tuple[int, int]], kept: dict[str, dict[int, int]]) -> dict[DataPath, tuple[int, int]]:
    result: dict[DataPath, tuple[int, int]] = {}
    for path, mark in marks.items():
        if len(path) >= 2 and path[0] in kept and isinstance(path[1], int):
            new = kept[path[0]].get(path[1])
            if new is None:
                continue
            path = (path[0], new, *path[2:])
        result[path] = mark
    return result


def salvage_items(model: type[M], doc: YamlDocument) -> Salvage | None:
    """``model`` loaded from the items of ``doc`` that pass on their own, or None if nothing can
    be kept (the file's own fields are wrong, or no item of a list passes)."""
    data = doc.data
    if not isinstance(data, dict):
        return None
    filtered = dict(data)
    kept: dict[str, dict[int, int]] = {}
    salvage = Salvage(None, doc)
    for name in model.model_fields:
        items = data.get(name)
        adapter = _item_adapter(model, name)
        if adapter is None or not isinstance(items, list) or name not in LIST_SPACES:
            continue
        kept[name] = {}
        good: list[Any] = []
        for index, item in enumerate(items):
            try:
                adapter.validate_python(item)
            except ValidationError:
                item_id = item.get("id") if isinstance(item, dict) else None
                space = LIST_SPACES[name]
                if isinstance(item_id, str):
                    salvage.unloaded_ids.setdefault(space, set()).add(item_id)
                else:
                    salvage.lost_spaces.add(space)
                continue
            kept[name][index] = len(good)
            good.append(item)
        filtered[name] = good
    try:
        salvage.model = model.model_validate(filtered)
    except ValidationError:
        return None
    salvage.doc = YamlDocument(filtered, _renumbered(doc.value_marks, kept), _renumbered(doc.key_marks, kept))
    return salvage
