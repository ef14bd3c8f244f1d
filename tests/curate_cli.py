"""Running the real `quizgen` command in a subprocess, as a curator runs it, for the curation tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
BASE = TESTS / "fixtures" / "base_corpus"
RAW = TESTS / "fixtures" / "curate_raw"


def quizgen(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env, input=stdin,
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def copy_base_corpus(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(BASE, seeds)
    return seeds
