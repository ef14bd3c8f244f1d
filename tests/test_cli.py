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


def test_version_prints_the_installed_package_version() -> None:
    from importlib.metadata import version

    result = quizgen("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"quizgen {version('quizgen')}\n", "")


def test_schema_replaces_its_own_files_and_refuses_the_users(tmp_path: Path) -> None:
    """`quizgen schema --out DIR` twice is fine; a file of the same name that quizgen did not write
    there, or that was edited since, is the user's: refused in one line, and nothing is written."""
    first = quizgen("schema", "--out", "schemas", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = quizgen("schema", "--out", "schemas", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    (tmp_path / "schemas" / "facts.schema.json").write_text('{"my": "own schema"}\n', encoding="utf-8")
    (tmp_path / "schemas" / "people.schema.json").unlink()
    refused = quizgen("schema", "--out", "schemas", cwd=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr == ("quizgen: error: --out schemas holds facts.schema.json, which quizgen did not write there or "
                              "which was changed since; quizgen never replaces a file it did not make: choose another "
                              "folder, or move the file away first\n")
    assert (tmp_path / "schemas" / "facts.schema.json").read_text(encoding="utf-8") == '{"my": "own schema"}\n'
    assert not (tmp_path / "schemas" / "people.schema.json").exists(), "nothing is written when one file is refused"


def test_a_schemas_folder_inside_the_corpus_is_left_unread(tmp_path: Path) -> None:
    """The README's way to keep the schemas with the corpus: `quizgen schema --out CORPUS/schemas`."""
    import shutil

    shutil.copytree(BASE, tmp_path / "corpus")
    assert quizgen("schema", "--out", "corpus/schemas", cwd=tmp_path).returncode == 0
    result = quizgen("check", "--seeds", "corpus", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "corpus: the corpus is valid." in result.stdout
    (tmp_path / "corpus" / "schemas" / "notes.txt").write_text("mine\n", encoding="utf-8")
    stray = quizgen("check", "--seeds", "corpus", cwd=tmp_path)
    assert stray.returncode == 1 and "Traceback" not in stray.stderr
    assert stray.stderr.splitlines()[0] == ("corpus/schemas/notes.txt:1:1: expected only *.json files (JSON Schemas for "
                                            "editors, which quizgen does not read) in schemas/, found 'notes.txt'; "
                                            "move it out of the corpus folder")
