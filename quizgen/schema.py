"""JSON Schemas of the corpus files, generated from the model, for editors that validate YAML.

The committed copies live in ``quizgen/schemas/``; a test keeps them in sync with the model.
Regenerate them with ``quizgen schema --out quizgen/schemas``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from quizgen.model.files import (
    CorpusFile,
    FactsFile,
    GlossaryFile,
    OutletsFile,
    PeopleFile,
    TopicsFile,
)
from quizgen.model.registry import ArticleMeta
from quizgen.model.story import StoryFile

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "facts": FactsFile,
    "glossary": GlossaryFile,
    "people": PeopleFile,
    "outlets": OutletsFile,
    "topics": TopicsFile,
    "corpus": CorpusFile,
    "briefing": StoryFile,
    "article-front-matter": ArticleMeta,
}
PACKAGED_SCHEMAS = Path(__file__).parent / "schemas"


def schema_of(name: str) -> dict[str, Any]:
    schema = SCHEMA_MODELS[name].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"quizgen/{name}.schema.json", **schema}


def render_schema(name: str) -> str:
    return json.dumps(schema_of(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_files(folder: Path) -> dict[Path, bytes]:
    """Each schema's file in ``folder`` (``facts.schema.json``, ...) and its bytes, written by the CLI."""
    return {folder / f"{name}.schema.json": render_schema(name).encode("utf-8") for name in SCHEMA_MODELS}
