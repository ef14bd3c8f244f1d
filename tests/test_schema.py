"""The committed JSON Schemas match the model, and the seed corpus validates against them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from quizgen.schema import PACKAGED_SCHEMAS, SCHEMA_MODELS, render_schema

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.mark.parametrize("name", list(SCHEMA_MODELS))
def test_committed_schema_is_in_sync_with_the_model(name: str) -> None:
    committed = (PACKAGED_SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(name), "run `quizgen schema --out quizgen/schemas` and commit the result"


def _as_json(data: object) -> object:
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize(("name", "files"), [
    ("facts", sorted((SEEDS / "facts").glob("*.yaml"))), ("glossary", [SEEDS / "glossary.yaml"]),
    ("people", [SEEDS / "people.yaml"]), ("outlets", [SEEDS / "outlets.yaml"]), ("topics", [SEEDS / "topics.yaml"]),
    ("corpus", [SEEDS / "corpus.yaml"])])
def test_seed_files_validate_against_their_schema(name: str, files: list[Path]) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(render_schema(name)))
    for path in files:
        errors = list(validator.iter_errors(_as_json(yaml.safe_load(path.read_text(encoding="utf-8")))))
        assert not errors, f"{path}: {errors[0].message}"


def test_schema_rejects_what_quizgen_check_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(render_schema("facts")))
    bad = {"facts": [{"id": "Bad Id", "kind": "quantity", "statement": "", "topics": [], "sources": [], "value": "2,500",
                      "unit": "troops", "measure": "m", "units": "x"}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "Bad Id" in messages and "2,500" in messages and "units" in messages
