"""The quiz script and style: small, dependency-free, and free of other hosts, as the site ships them."""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

from quizgen.emit.site_content import build_site_content
from quizgen.corpus_loader import load_corpus

TEMPLATES = Path(__file__).parent.parent / "templates"
BASE = Path(__file__).parent / "fixtures" / "base_corpus"


@cache
def shipped() -> dict[str, bytes]:
    files = build_site_content(load_corpus(BASE, display_root="seeds")).files
    return {name: files[f"assets/{name}"] for name in ("quizgen.js", "quizgen.css")}  # type: ignore[misc]


def test_quiz_script_and_style_add_at_most_10_kb_gzipped() -> None:
    total = sum(len(gzip.compress(data, 9)) for data in shipped().values())
    assert total <= 10 * 1024, f"{total} bytes gzipped"


def test_the_site_ships_the_templates_minified_and_keeps_their_words() -> None:
    for name, data in shipped().items():
        template = (TEMPLATES / name).read_bytes()
        assert len(data) < 0.85 * len(template), name
        assert b"/*" not in data, f"{name} still holds comments"
    assert b'"Check answer"' in shipped()["quizgen.js"] and b".qg-question" in shipped()["quizgen.css"]


def test_the_shipped_assets_are_the_same_bytes_every_build() -> None:
    again = build_site_content(load_corpus(BASE, display_root="seeds")).files
    assert all(again[f"assets/{name}"] == data for name, data in shipped().items())


def test_the_script_loads_nothing_from_another_host_and_needs_no_framework() -> None:
    script = shipped()["quizgen.js"].decode("utf-8")
    assert not re.search(r"https?://", script)
    assert "import " not in script and "require(" not in script


def test_the_script_works_with_instant_navigation() -> None:
    assert b"document$" in shipped()["quizgen.js"]
