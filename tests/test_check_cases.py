"""Every validation rule has a broken corpus under cases/check/, with its exact output as a golden.

The command runs as a user runs it (`quizgen check --seeds seeds` in the corpus's parent folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_cases import load_case, make_corpus
from golden_files import assert_golden

CASES = sorted((Path(__file__).parent / "cases" / "check").glob("*.yaml"))


def run_check(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "quizgen", "check", "--seeds", "seeds"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_check_case(case_path: Path, tmp_path: Path, update_goldens: bool) -> None:
    case = load_case(case_path)
    make_corpus(case, tmp_path / "seeds")
    result = run_check(tmp_path)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == case.get("exit", 1), result.stderr
    output = result.stderr if result.returncode else result.stdout
    assert_golden(case_path.with_suffix(".expected"), output, update_goldens)
    if result.returncode == 1:
        lines = output.splitlines()
        assert lines[-1].startswith("quizgen: "), "the last line counts the problems"
        for line in lines[:-1]:
            path, line_no, column, message = line.split(":", 3)
            assert path.startswith("seeds/") and int(line_no) >= 1 and int(column) >= 1 and message.strip(), line


def test_there_is_a_case_for_every_rule() -> None:
    assert len(CASES) >= 90
