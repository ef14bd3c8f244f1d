"""Shared test fixtures and the --update-goldens option."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output (review the diff)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
