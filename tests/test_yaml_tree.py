"""The strict YAML loader: conservative scalars, positions, and refusal of unsafe input."""

from __future__ import annotations

import time

import pytest
import yaml
from quizgen.load import yaml_tree
from quizgen.load.yaml_tree import MAX_DEPTH, Mark, YamlSyntaxError, parse_yaml


@pytest.mark.parametrize("text", ["NO", "no", "on", "Off", "yes", "Y", "12:30", "017", "0o17", "0x1F", "1_000", "2021-04-07", ".inf", ".nan"])
def test_yaml_11_surprises_stay_text(text: str) -> None:
    assert parse_yaml(f"value: {text}\n").data == {"value": text}


@pytest.mark.parametrize(("text", "value"), [("true", True), ("False", False), ("null", None), ("~", None), ("", None),
                                             ("0", 0), ("2500", 2500), ("-3", -3), ("2.5", 2.5), ("1e3", "1e3"), ("1.5e3", 1500.0)])
def test_plain_scalars_resolve_conservatively(text: str, value: object) -> None:
    assert parse_yaml(f"value: {text}\n").data == {"value": value}


def test_quoted_scalars_are_always_text() -> None:
    assert parse_yaml("a: 'true'\nb: \"2500\"\nc: !!str 5\n").data == {"a": "true", "b": "2500", "c": "5"}


def test_keys_are_always_text() -> None:
    assert parse_yaml("on: 1\n2021: x\nnull: y\n").data == {"on": 1, "2021": "x", "null": "y"}


def test_positions_of_keys_and_values_count_from_one() -> None:
    doc = parse_yaml("facts:\n  - id: a\n    quote: 'x'\n")
    assert doc.mark_of(("facts", 0, "quote")) == Mark(3, 12)
    assert doc.mark_of(("facts", 0, "quote"), key=True) == Mark(3, 5)
    assert doc.mark_of(("facts", 0, "missing")) == Mark(2, 5), "a missing field points at its parent"


def test_line_offset_shifts_positions() -> None:
    assert parse_yaml("a: 1\n", line_offset=10).mark_of(("a",)) == Mark(11, 4)


@pytest.mark.parametrize(("text", "message"), [
    ("a: 1\na: 2\n", "duplicate key 'a' (first given on line 1)"),
    ("a: !!python/object/apply:os.system ['true']\n", "found the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("a: !custom 1\n", "found the tag '!custom'"),
    ("a: 1\n---\nb: 2\n", "found a second one"),
    ("a: *nowhere\n", "unknown alias '*nowhere'"),
    ("? [a, b]\n: 1\n", "found a list or mapping used as a key"),
    ("a: [1,\n", "invalid YAML"),
])
def test_refused_input_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert message in caught.value.message


def test_nesting_is_bounded() -> None:
    parse_yaml("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1))
    with pytest.raises(YamlSyntaxError, match="levels of nesting"):
        parse_yaml("[" * 5000 + "]" * 5000)


def test_alias_bomb_is_refused_without_expanding_it() -> None:
    bomb = "a: &a [" + ",".join(['"lol"'] * 10) + "]\n"
    for prev, name in zip("abcdefghijklmnopqrs", "bcdefghijklmnopqrst"):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]\n"
    started = time.process_time()
    with pytest.raises(YamlSyntaxError, match="aliases expand"):
        parse_yaml(bomb)
    assert time.process_time() - started < 5, "10**20 values must never be built"


def test_aliases_within_the_budget_share_the_anchored_value() -> None:
    data = parse_yaml("base: &b {unit: troops}\nother: *b\n").data
    assert data["other"] == {"unit": "troops"}


@pytest.mark.parametrize("text", [
    "facts:\n  - id: a\n    quote: 'x'\n    figures: [1, 2.5, null]\n  - {id: b, on: true}\n",
    "base: &b {unit: troops}\nother: *b\n",
    "a: 1\n---\nb: 2\n", "a: !!int 3\n", "a: [1,\n", "a: 1\na: 2\n", "x: \x07\n", "<<: {a: 1}\n",
])
def test_the_pure_python_parser_gives_the_same_values_positions_and_errors(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """quizgen reads events from PyYAML's C parser when PyYAML has it; without it, nothing changes."""
    def outcome() -> object:
        try:
            doc = parse_yaml(text, line_offset=2)
        except YamlSyntaxError as error:
            return error.mark, error.message.split(":")[0]
        return doc.data, doc.value_marks, doc.key_marks

    with_c_parser = outcome()
    monkeypatch.setattr(yaml_tree, "_Loader", yaml.SafeLoader)
    assert outcome() == with_c_parser
