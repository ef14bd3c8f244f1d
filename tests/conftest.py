"""Shared test fixtures and the --update-goldens option."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output (review the diff)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(autouse=True, scope="session")
def private_state_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """quizgen's record of the files it wrote (``quizgen.written_files``) kept in the test session's
    own folder, not the user's: every quizgen the tests start, in-process or not, inherits it."""
    os.environ["QUIZGEN_STATE_DIR"] = str(tmp_path_factory.mktemp("quizgen-state"))
