"""The quiz script and style: small, dependency-free, and free of other hosts, as the site ships them."""

from __future__ import annotations

import gzip
import posixpath
import re
from functools import cache
from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.emit.site import ASSETS, SCRIPTS
from quizgen.emit.site_content import build_site_content

TEMPLATES = Path(__file__).parent.parent / "templates"
BASE = Path(__file__).parent / "fixtures" / "base_corpus"


@cache
def shipped() -> dict[str, bytes]:
    files = build_site_content(load_corpus(BASE, display_root="seeds")).files
    return {name: files[f"assets/{name}"] for name in ASSETS}  # type: ignore[misc]


def test_quiz_script_and_style_add_at_most_10_kb_gzipped() -> None:
    # each file on its own, as a browser downloads it: splitting the script costs what it costs
    assert {"quizgen.css", "quizgen.js", "quizgen/state.js", "quizgen/practice.js", "quizgen/progress.js", "quizgen/flashcards.js"} <= set(shipped())
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
    for name, data in shipped().items():
        script = data.decode("utf-8")
        assert not re.search(r"https?://", script), name
        assert "require(" not in script and "import(" not in script, name
        if not name.endswith(".js"):
            continue
        # ES modules import only one another, by relative path: nothing to install, nothing to build
        imported = re.findall(r"""\bimport\b[^"';]*?\bfrom\s*["']([^"']+)["']""", script)
        assert len(imported) == script.count("import{") + script.count("import {"), name
        for path in imported:
            assert path.startswith(("./", "../")) and posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) in shipped(), f"{name} imports {path}"


def test_the_script_works_with_instant_navigation() -> None:
    assert b"document$" in shipped()["quizgen.js"] and all(b"onPage(" in shipped()[name] for name in SCRIPTS)


def test_every_module_ships_and_is_loaded_by_the_pages_or_imported() -> None:
    scripts = {name for name in shipped() if name.endswith(".js")}
    imported = {posixpath.normpath(posixpath.join(posixpath.dirname(name), path.decode()))
                for name in scripts for path in re.findall(rb'from ?"(\.[^"]+)"', shipped()[name])}
    assert imported <= scripts and imported | set(SCRIPTS) == scripts
