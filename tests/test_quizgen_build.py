"""`quizgen build --out`: the same pages without MkDocs, written all at once, from an installed wheel too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_checks import tree_digest

REPO = Path(__file__).parent.parent
BASE = Path(__file__).parent / "fixtures" / "base_corpus"


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_build_writes_pages_and_downloads(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "seeds")
    result = run(["build", "--out", "out"], tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for name in ["index.md", "briefing.md", "articles/daily-2020.md", "quizzes/all.md", "exports/questions.json", "assets/quizgen.css"]:
        assert (out / name).is_file(), name
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")], "no staging folder is left behind"
    assert (tmp_path / ".cache" / "quizgen" / "yaml" / "documents.marshal").is_file()  # the parsed YAML, for the next build


def test_a_failed_build_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "seeds")
    assert run(["build", "--out", "out"], tmp_path).returncode == 0
    before = tree_digest(tmp_path / "out")
    facts = tmp_path / "seeds" / "facts" / "bridge.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("value: 3000", "value: lots"), encoding="utf-8")
    result = run(["build", "--out", "out"], tmp_path)
    assert result.returncode == 1 and "seeds/facts/bridge.yaml:24:12: expected a number" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(tmp_path / "out") == before


def test_build_is_deterministic(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "seeds")
    assert run(["build", "--out", "a"], tmp_path).returncode == 0
    assert run(["build", "--out", "b"], tmp_path).returncode == 0  # with the YAML read back from the first build's cache
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_an_installed_wheel_finds_its_templates_outside_the_repository(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    target = tmp_path / "installed"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), *map(str, wheels.glob("*.whl"))],
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr
    work = tmp_path / "elsewhere"
    shutil.copytree(BASE, work / "seeds")
    result = run(["build", "--out", "out"], work, env={"PYTHONPATH": str(target)})
    assert result.returncode == 0, result.stderr
    probe = subprocess.run([sys.executable, "-c", "import quizgen, quizgen.templates; print(quizgen.__file__, quizgen.templates.__file__)"],
                           cwd=work, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(target)})
    assert str(target) in probe.stdout.split()[0] and str(target) in probe.stdout.split()[1], probe.stdout
    assert (work / "out" / "glossary.md").read_text(encoding="utf-8").startswith("# Glossary")
