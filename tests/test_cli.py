"""The command line: exit codes, help for every command, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.cli import build_parser

BASE = Path(__file__).parent / "fixtures" / "base_corpus"
REPO = Path(__file__).parent.parent


def quizgen(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_check_exits_0_and_prints_counts_on_a_clean_corpus() -> None:
    result = quizgen("check", "--seeds", str(BASE))
    assert result.returncode == 0, result.stderr
    assert "facts: 5 (1 claim, 1 event, 1 quantity, 1 quotation, 1 role)" in result.stdout
    assert "glossary terms: 1" in result.stdout and "people: 1" in result.stdout


def test_check_exits_2_on_a_usage_error() -> None:
    missing = quizgen("check", "--seeds", "no/such/folder")
    assert missing.returncode == 2 and "expected a corpus folder" in missing.stderr and "Traceback" not in missing.stderr
    unknown = quizgen("chek")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


def test_console_script_and_module_agree() -> None:
    script = Path(sys.executable).parent / "quizgen"
    if not script.exists():
        pytest.skip("the console script is installed by `pip install -e .`")
    result = subprocess.run([str(script), "check", "--seeds", str(BASE)], capture_output=True, text=True)
    assert result.returncode == 0


def test_every_command_has_help_and_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        result = quizgen(name, "--help")
        assert result.returncode == 0 and "usage: quizgen" in result.stdout
        assert f"quizgen {name}" in readme, f"the README does not document `quizgen {name}`"
