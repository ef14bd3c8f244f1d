"""Checking one file's data against its model, with every error placed at its line and column.

Pydantic does the checking; this module turns its errors into quizgen's messages, which say
what was expected and what was found, at the position the YAML loader recorded.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from quizgen.errors import Problem
from quizgen.load.corpus_files import (
    CorpusFiles,
    LoadedArticle,
    LoadedFile,
    ParsedCorpus,
)
from quizgen.load.yaml_tree import YamlDocument
from quizgen.model.field_types import HEX64_PATTERN, ID_PATTERN
from quizgen.model.files import FactsFile
from quizgen.model.kinds import FACT_KINDS
from quizgen.model.registry import ArticleMeta
from quizgen.validate.characters import (
    placeholders_in_document,
    unprintable_in_article,
    unprintable_in_document,
)
from quizgen.validate.partial_files import salvage_items

M = TypeVar("M", bound=BaseModel)


def describe_value(value: Any) -> str:
    """How a found value is named in a message: `the number 17`, `the text 'on'`, `a list`."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value; put text in quotes)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return "an empty string" if not value.strip() else f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _unwrap(annotation: Any) -> list[Any]:
    """The model-ish types an annotation can hold (through Annotated, Optional, list, Union)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class at an error location, following discriminated-union tags."""
    current: list[Any] = [root]
    for part in loc:
        if isinstance(part, int):
            continue
        models = [t for t in current if isinstance(t, type) and issubclass(t, BaseModel)]
        tagged = [m for m in models if "kind" in m.model_fields and typing.get_args(m.model_fields["kind"].annotation) == (part,)]
        if tagged:
            current = tagged
            continue
        nxt: list[Any] = []
        for model in models:
            if part in model.model_fields:
                nxt.extend(_unwrap(model.model_fields[part].annotation))
        current = nxt
    models = [t for t in current if isinstance(t, type) and issubclass(t, BaseModel)]
    return models[0] if len(models) == 1 else None


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The path into the data for a pydantic location, dropping discriminated-union tags.

    Pydantic puts the tag right after the list index of a tagged item: `('facts', 3, 'claim', 'id')`.
    """
    path: list[Any] = []
    node = data
    after_index = False
    for part in loc:
        if after_index and isinstance(node, dict) and node.get("kind") == part:
            after_index = False
            continue
        path.append(part)
        after_index = isinstance(part, int)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(path)


def _message(error: Any, root: type[BaseModel], data_path: tuple[Any, ...]) -> str:
    kind = error["type"]
    found = describe_value(error.get("input"))
    field = data_path[-1] if data_path else None
    if kind == "missing":
        model = _model_at(root, tuple(error["loc"][:-1]))
        required = [name for name, info in model.model_fields.items() if info.is_required()] if model else []
        needs = f" (required here: {', '.join(required)})" if required else ""
        return f"missing field '{field}'{needs}"
    if kind == "extra_forbidden":
        model = _model_at(root, tuple(error["loc"][:-1]))
        allowed = list(model.model_fields) if model else []
        close = difflib.get_close_matches(str(field), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field '{field}'{hint} Expected one of: {', '.join(allowed)}" if allowed else f"unknown field '{field}'"
    if kind == "union_tag_invalid":
        return f"unknown kind '{error['ctx']['tag']}'; expected one of: {error['ctx']['expected_tags'].replace(chr(39), '')}"
    if kind == "union_tag_not_found":
        return f"missing field 'kind' (expected one of: {', '.join(FACT_KINDS)})"
    if kind == "string_type":
        return f"expected text, found {found}"
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
        return f"expected a number, found {found}"
    if kind == "finite_number":
        return "expected a number of ordinary size, found one too large to hold (it reads as infinity)"
    if kind == "bool_type":
        return f"expected true or false, found {found}"
    if kind == "list_type":
        return f"expected a list, found {found}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields, found {found}"
    if kind == "string_too_short":
        return "expected text, found an empty string"
    if kind == "too_short":
        length = error["ctx"].get("actual_length") or 0
        return f"expected at least {error['ctx']['min_length']} item(s), found {length or 'none'}"
    if kind == "too_long":
        return f"expected at most {error['ctx']['max_length']} item(s), found {error['ctx'].get('actual_length')}"
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        if pattern == ID_PATTERN:
            return f"expected an id of lowercase letters, digits and single hyphens (like 'fuad-hussein'), found {found}"
        if pattern == HEX64_PATTERN:
            return f"expected 64 lowercase hexadecimal digits (a SHA-256), found {found}"
        return "expected text, found an empty string"
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected']}, found {found}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return f"{error['msg']}, found {found}"  # pragma: no cover - a pydantic error type not met yet


def validate_file_shape(model: type[M], doc: YamlDocument, display: str) -> tuple[M | None, list[Problem]]:
    """Validate ``doc`` as a ``model``; return the model (or None) and every problem found."""
    data = doc.data
    if data is None:
        required = [name for name, info in model.model_fields.items() if info.is_required()]
        return None, [Problem(display, 1, 1, f"expected a mapping with the fields {', '.join(required)}, found an empty file")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = _data_path(data, tuple(error["loc"]))
            mark = doc.mark_of(path, key=error["type"] == "extra_forbidden")
            problems.append(Problem(display, mark.line, mark.column, _message(error, model, path)))
        return None, problems


def check_file_shapes(parsed: ParsedCorpus) -> tuple[CorpusFiles, list[Problem]]:
    """Check every parsed file against its model and for unprintable characters; return the files
    that passed, in the order they were listed, and every problem found.

    A file with some broken items is kept with its good items (`salvage_items`), so that one run
    of `check` reports the problems of every item; its kind is marked failed all the same."""
    files = CorpusFiles()
    for kind in parsed.failed:
        files.lose(kind)
    problems: list[Problem] = []
    for entry in parsed.files:
        if entry.kind == "articles":
            problems.extend(unprintable_in_article(entry.blocks, entry.display))
        if entry.doc is None:
            files.lose(entry.kind)
            continue
        doc = entry.doc
        model, found = validate_file_shape(entry.shape, doc, entry.display)
        problems.extend(found)
        problems.extend(unprintable_in_document(doc, entry.display))
        problems.extend(placeholders_in_document(doc, entry.display))
        if model is None:
            salvage = salvage_items(entry.shape, doc) if found else None
            if salvage is None:
                _record_lost(files, entry.kind, doc)
                continue
            files.failed.add(entry.kind)
            files.lost_spaces.update(salvage.lost_spaces)
            for space, ids in salvage.unloaded_ids.items():
                files.unloaded_ids.setdefault(space, set()).update(ids)
            model, doc = salvage.model, salvage.doc
        if isinstance(model, ArticleMeta):
            files.articles.append(LoadedArticle(entry.display, doc, model, entry.blocks))
        elif isinstance(model, FactsFile):
            files.facts.append(LoadedFile(entry.display, doc, model))
        else:
            files.registries[entry.kind] = LoadedFile(entry.display, doc, model)
    return files, problems


def _record_lost(files: CorpusFiles, kind: str, doc: YamlDocument) -> None:
    """A file none of whose items could be kept. An article whose id can be read is only marked
    failed: its quotes go unchecked, but citing it is no error."""
    article_id = doc.data.get("id") if kind == "articles" and isinstance(doc.data, dict) else None
    if isinstance(article_id, str):
        files.failed.add(kind)
        files.unloaded_ids.setdefault("article", set()).add(article_id)
    else:
        files.lose(kind)
