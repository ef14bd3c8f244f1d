"""Slips on the command line that used to succeed quietly: each is refused with a message that
says what was expected, before anything is written, or said out loud (issues 14 and 19)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).parent / "fixtures" / "base_corpus"


def quizgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "seeds")
    return tmp_path


def written(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name != "seeds")


@pytest.mark.parametrize("out, message", [
    ("x.xlsx", "quizgen: error: expected --out to name a file ending in .csv for --format csv, found 'x.xlsx'; "
               "name it like x.csv, or choose the format that writes .xlsx files\n"),
    ("x", "quizgen: error: expected --out to name a file ending in .csv for --format csv, found 'x', with no ending; name it like x.csv\n"),
])
def test_export_refuses_a_file_name_that_is_not_the_formats(project: Path, out: str, message: str) -> None:
    result = quizgen("export", "--seeds", "seeds", "--format", "csv", "--out", out, cwd=project)
    assert (result.returncode, result.stderr) == (2, message)
    assert written(project) == []


def test_export_accepts_the_formats_ending_in_any_case_and_a_folder(project: Path) -> None:
    upper = quizgen("export", "--seeds", "seeds", "--format", "gift", "--out", "Q.GIFT", cwd=project)
    assert upper.returncode == 0, upper.stderr
    (project / "out").mkdir()
    folder = quizgen("export", "--seeds", "seeds", "--format", "kahoot", "--out", "out", cwd=project)
    assert folder.returncode == 0, folder.stderr
    assert (project / "out" / "kahoot.xlsx").is_file() and (project / "Q.GIFT").is_file()


def test_export_all_refuses_a_new_folder_named_like_a_file(project: Path) -> None:
    result = quizgen("export", "--seeds", "seeds", "--format", "all", "--out", "x.pdf", cwd=project)
    assert (result.returncode, result.stderr) == (2, "quizgen: error: expected --out to name a folder for --format all "
                                                     "(it writes 7 files), found 'x.pdf', which ends like a file's name; name a folder (like exports)\n")
    assert written(project) == []
    made = quizgen("export", "--seeds", "seeds", "--format", "all", "--out", "exports.v2", cwd=project)
    assert made.returncode == 0, made.stderr
    assert len(list((project / "exports.v2").iterdir())) == 7


def test_worksheet_refuses_an_out_that_is_not_a_pdf(project: Path) -> None:
    result = quizgen("worksheet", "--seeds", "seeds", "--out", "sheet", cwd=project)
    assert (result.returncode, result.stderr) == (2, "quizgen: error: expected --out to name a file ending in .pdf (like sheet.pdf), "
                                                     "found 'sheet'; the answer key and the teacher's copy are named after it\n")
    assert written(project) == []


@pytest.mark.parametrize("command", [("worksheet", "--out", "sheet.pdf"), ("export", "--format", "json")])
def test_a_missing_seeds_option_is_said_once_the_files_are_written(project: Path, command: tuple[str, ...]) -> None:
    result = quizgen(*command, cwd=project)
    assert result.returncode == 0, result.stderr
    what = "the worksheets were" if command[0] == "worksheet" else "the export was"
    assert result.stderr.splitlines()[-1] + "\n" == f"quizgen: note: no --seeds given: {what} made from the corpus in seeds/ (name another with --seeds DIR)\n" in result.stderr
    given = quizgen(*command, "--seeds", "seeds", cwd=project)
    assert given.returncode == 0 and "note" not in given.stderr


@pytest.mark.parametrize("command", [("worksheet", "--out", "sheet.pdf"), ("export", "--format", "json")])
def test_without_seeds_and_no_seeds_folder_the_corpus_must_be_named(tmp_path: Path, command: tuple[str, ...]) -> None:
    result = quizgen(*command, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "quizgen: error: no --seeds given, and there is no seeds/ folder here: "
                                                     "name the corpus folder with --seeds DIR\n")
    assert list(tmp_path.iterdir()) == []
