"""Comparing output with golden files, or rewriting them under --update-goldens."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent


def assert_golden(path: Path, actual: str, update: bool) -> None:
    """Compare ``actual`` with the golden file, or rewrite it under --update-goldens."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {path} did not exist; written now, review and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from golden {path.relative_to(REPO)} (run pytest --update-goldens and review the diff)"
