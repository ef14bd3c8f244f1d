"""Golden corpus cases: a YAML file that edits the base corpus, and the expected output beside it.

A case file holds::

    description: what is wrong
    edit:            # exact text replacements; each `old` must occur exactly once in the file
      facts/bridge.yaml:
        - [old text, new text]
    write:           # whole files (text); `write_hex` for raw bytes; null deletes the file
      facts/extra.yaml: |
        ...
    exit: 1          # the expected exit code (default 1)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"


def load_case(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        case = yaml.safe_load(handle)
    assert isinstance(case, dict) and "description" in case, f"{path}: a case needs a description"
    return case


def make_corpus(case: dict[str, Any], target: Path) -> Path:
    """Copy the base corpus to ``target`` and apply the case's edits; return ``target``."""
    shutil.copytree(BASE_CORPUS, target)
    for name, pairs in (case.get("edit") or {}).items():
        file = target / name
        text = file.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, f"edit of {name}: {old!r} occurs {text.count(old)} times, expected once"
            text = text.replace(old, new)
        file.write_text(text, encoding="utf-8")
    for name, content in (case.get("write") or {}).items():
        file = target / name
        if content is None:
            file.unlink()
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(content, encoding="utf-8", newline="")
    for name, hex_bytes in (case.get("write_hex") or {}).items():
        (target / name).write_bytes(bytes.fromhex("".join(hex_bytes.split())))
    for name, spec in (case.get("write_repeated") or {}).items():
        (target / name).write_text(spec["head"] + spec["line"] * spec["times"] + spec.get("tail", ""), encoding="utf-8")
    return target
