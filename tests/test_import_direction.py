"""Imports go one way down the pipeline, and the core never imports MkDocs.

The stages, lowest first; a module may import its own stage and any stage of a lower tier, never a
stage of its own tier (siblings stay apart) or of a higher one:

0. foundation: errors, atomic_files, staged_site, collector, output_guard (shared by every stage)
1. model: the typed, immutable vocabulary that load builds and validate checks (quizgen/model/)
2. load: reading files, the positioned YAML parser and its cache
3. validate: shapes, references, quotes, consistency
4. corpus_loader (load -> validate -> the model's Corpus) | curate (the curators' tools, beside the
   pipeline: they read with load and check with validate and model)
5. generate (questions, summaries) | schema (JSON Schemas from the model)
6. render: Jinja environments and pages
7. worksheet | export: the teachers' files, each from the bank and the renderers
8. teachers: the teachers' files as one stage (every export, the worksheets, their cache)
9. emit: assembling the site's pages, downloads and navigation
10. adapters: cli.py and its commands (cli_*.py), mkdocs_plugin.py and mkdocs_serve.py (the only modules that
   may import MkDocs)
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "quizgen"

TIERS: tuple[tuple[str, ...], ...] = (
    ("foundation",),
    ("model",),
    ("load",),
    ("validate",),
    ("corpus_loader", "curate"),
    ("generate", "schema"),
    ("render",),
    ("worksheet", "export"),
    ("teachers",),
    ("emit",),
    ("adapter",),
)
FOUNDATION = {"quizgen.errors", "quizgen.atomic_files", "quizgen.collector", "quizgen.output_guard", "quizgen.staged_site",
              "quizgen.written_files"}
ADAPTERS = {"quizgen", "quizgen.__main__", "quizgen.cli", "quizgen.cli_build", "quizgen.cli_curate", "quizgen.cli_outputs",
            "quizgen.cli_teacher_files", "quizgen.mkdocs_plugin", "quizgen.mkdocs_serve"}
MKDOCS_ALLOWED = {"quizgen.mkdocs_plugin", "quizgen.mkdocs_serve"}
TIER_OF = {stage: tier for tier, stages in enumerate(TIERS) for stage in stages}


def stage_of(module: str) -> str | None:
    """The stage of a module named ``quizgen.…``, or None for one no stage holds yet."""
    if module in FOUNDATION:
        return "foundation"
    if module in ADAPTERS:
        return "adapter"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in TIER_OF else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, imported module) for every import in ``source``, relative ones made absolute; in
    functions and under ``TYPE_CHECKING`` too, since those still tie one stage to the other."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            # `from quizgen import export` imports the module quizgen.export
            targets = [f"{name}.{alias.name}" for alias in node.names] if name == "quizgen" else [name]
            found += [(node.lineno, target) for target in targets]
    return found


def wrong_imports(source: str, module: str, display: str, is_package: bool = False) -> list[str]:
    """One line per import of ``source`` that goes back up the pipeline or brings in MkDocs."""
    own = stage_of(module)
    if own is None:
        return [f"{display}: {module} is in no stage: add it to TIERS in tests/test_import_direction.py"]
    wrong = []
    for line, imported in imports_of(source, module, is_package):
        top = imported.split(".")[0]
        if top == "mkdocs" or top == "material":
            if module not in MKDOCS_ALLOWED:
                wrong.append(f"{display}:{line}: imports {imported}: only the MkDocs plugin may import MkDocs")
            continue
        if top != "quizgen":
            continue
        target = stage_of(imported)
        if target is None or target == own or TIER_OF[target] < TIER_OF[own]:
            continue
        where = "a sibling stage" if TIER_OF[target] == TIER_OF[own] else "a later stage"
        wrong.append(f"{display}:{line}: imports {imported} ({own} -> {target}, {where})")
    return wrong


def test_every_import_goes_down_the_pipeline() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100
    wrong = []
    for path in modules:
        wrong += wrong_imports(path.read_text(encoding="utf-8"), module_name(path), path.relative_to(REPO).as_posix(),
                               path.name == "__init__.py")
    assert not wrong, "imports that go back up the pipeline:\n" + "\n".join(wrong)


def test_a_backward_import_is_named_with_its_file_and_line() -> None:
    source = "from quizgen.model.corpus import Corpus\n\nfrom quizgen.validate.file_shape import validate_file_shape\n"
    assert wrong_imports(source, "quizgen.load.corpus_files", "quizgen/load/corpus_files.py") == [
        "quizgen/load/corpus_files.py:3: imports quizgen.validate.file_shape (load -> validate, a later stage)"]


def test_relative_and_sibling_imports_are_caught() -> None:
    source = "def f():\n    from ..emit import bank_json\n    from quizgen import worksheet\n"
    assert wrong_imports(source, "quizgen.export.bank_export", "x.py") == [
        "x.py:2: imports quizgen.emit (export -> emit, a later stage)",
        "x.py:3: imports quizgen.worksheet (export -> worksheet, a sibling stage)"]


def test_only_the_plugin_imports_mkdocs() -> None:
    source = "import mkdocs.plugins\n"
    assert wrong_imports(source, "quizgen.emit.site_content", "e.py") == [
        "e.py:1: imports mkdocs.plugins: only the MkDocs plugin may import MkDocs"]
    assert wrong_imports(source, "quizgen.mkdocs_plugin", "p.py") == []
