"""quizgen/curate stands beside the pipeline: it reads with load, checks with validate and model,
and never imports the generators, the renderers, the exports or MkDocs."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

CURATE = Path(__file__).parent.parent / "quizgen" / "curate"
ALLOWED = ("quizgen.load", "quizgen.validate", "quizgen.model", "quizgen.errors", "quizgen.atomic_files", "quizgen.curate")
FOREIGN_ALLOWED = {"trafilatura", "htmldate", "lxml"}


def imported(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_curate_imports_only_downward() -> None:
    modules = sorted(CURATE.glob("*.py"))
    assert len(modules) >= 8
    for module in modules:
        for name in imported(module):
            top = name.split(".")[0]
            if top == "quizgen":
                assert name.startswith(ALLOWED), f"{module.name} imports {name}"
            else:
                assert top in FOREIGN_ALLOWED or top in sys.stdlib_module_names, f"{module.name} imports {name}"
