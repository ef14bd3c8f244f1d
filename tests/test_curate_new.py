"""`quizgen new DIR` makes a corpus that `quizgen check` accepts as made, with an example of every file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from quizgen.load.corpus_files import REGISTRY_FILES
from quizgen.model.kinds import FACT_KINDS

from curate_cli import quizgen


def test_the_new_corpus_is_valid_as_made_and_shows_every_kind(tmp_path: Path) -> None:
    made = quizgen("new", "course/corpus", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "course" / "corpus"
    check = quizgen("check", "--seeds", "course/corpus", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    counts = re.search(r"facts: \d+ \((.*)\)", check.stdout)
    assert counts and sorted(part.split()[1] for part in counts.group(1).split(", ")) == sorted(FACT_KINDS)
    assert "people: 1; organisations: 1" in check.stdout and "glossary terms: 1" in check.stdout
    for name in REGISTRY_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.count("\n#") >= 1, f"{name} explains itself in comments"
    assert len(list((folder / "articles").glob("*.md"))) == 2 and list((folder / "facts").glob("*.yaml"))
    facts = (folder / "facts" / "library.yaml").read_text(encoding="utf-8")
    for kind in FACT_KINDS:
        assert f"# {kind}:" in facts, f"the facts file explains the {kind} kind"


def test_every_schema_line_names_a_schema_that_exists(tmp_path: Path) -> None:
    assert quizgen("new", "c", cwd=tmp_path).returncode == 0
    files = sorted((tmp_path / "c").rglob("*.yaml"))
    assert len(files) == 6
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+\.schema\.json)", first)
        assert match, first
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {match.group(1)}"


def test_an_existing_folder_that_holds_anything_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert quizgen("new", "empty", cwd=tmp_path).returncode == 0
    refused = quizgen("new", "empty", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr == "quizgen: error: expected DIR to be a new or empty folder, found 'empty' holding files; nothing was written\n"
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    assert quizgen("new", "busy", cwd=tmp_path).returncode == 2
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert quizgen("new", "file", cwd=tmp_path).returncode == 2


def test_an_installed_wheel_makes_the_same_corpus(tmp_path: Path) -> None:
    """The example files ship in the wheel (package data), not only in the repository."""
    repo = Path(__file__).parent.parent
    wheels, target = tmp_path / "wheels", tmp_path / "installed"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(repo)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), *map(str, wheels.glob("*.whl"))],
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    work = tmp_path / "elsewhere"
    work.mkdir()
    for args in (["new", "corpus"], ["check", "--seeds", "corpus"]):
        result = subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=work, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    schema_line = (work / "corpus" / "corpus.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (work / "corpus" / schema_line.split("$schema=")[1]).resolve().is_relative_to(target.resolve())
