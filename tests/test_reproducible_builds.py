"""Reproducible builds: two clones of the repository in different paths, built at different times
in different time zones, give a byte-identical site/ and exports. The clones hold only what is
committed, so this also catches a build that needs an uncommitted file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_checks import REPO, tree_digest


def _clone(target: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(target)], check=True, capture_output=True, timeout=300)
    return target


def _build(clone: Path, timezone: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TZ": timezone, "PYTHONPATH": str(clone), "PYTHONHASHSEED": "random"}
    env.pop("SOURCE_DATE_EPOCH", None)
    site = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    assert site.returncode == 0, site.stderr
    commands = subprocess.run([sys.executable, "-m", "quizgen", "--help"], cwd=clone, env=env, capture_output=True, text=True, timeout=120).stdout
    if "export" in commands:
        export = subprocess.run([sys.executable, "-m", "quizgen", "export", "--format", "all", "--out", "exports"],
                                cwd=clone, env=env, capture_output=True, text=True, timeout=900)
        assert export.returncode == 0, export.stderr


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git and the repository")
def test_two_clones_built_at_different_times_give_identical_bytes(tmp_path: Path) -> None:
    first = _clone(tmp_path / "first")
    second = _clone(tmp_path / "elsewhere" / "second-clone")
    _build(first, "UTC")
    time.sleep(2)  # a different second, for anything that reads the clock
    _build(second, "Pacific/Kiritimati")
    for output in ("site", "exports"):
        if not (first / output).exists():
            assert output == "exports", f"{output}/ was not built"
            continue
        one, two = tree_digest(first / output), tree_digest(second / output)
        assert one, f"{output}/ is empty"
        differing = sorted(name for name in one.keys() | two.keys() if one.get(name) != two.get(name))
        assert differing == [], f"{output}/ differs between the two builds: {differing[:20]}"
