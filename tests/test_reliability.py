"""A broken corpus never damages what was built before: the site, `quizgen build`, the exports and
the worksheets stay byte for byte as they were, and the command says why in path:line:col lines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.written_files import remember

from site_checks import make_project, mkdocs, tree_digest

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"
EXPECTED_LINES = [
    "seeds/facts/bridge.yaml:4:11: expected a real calendar date, found '2020-02-30' (February 2020 has 29 days)",
    "seeds/facts/bridge.yaml:26:5: unknown field 'units'; did you mean 'unit'?",
    "quizgen: 3 problems found",
]


def break_corpus(seeds: Path) -> None:
    facts = seeds / "facts" / "bridge.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("date: 2020-05-04", "date: 2020-02-30").replace("unit: people", "units: people"), encoding="utf-8")


def quizgen(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def assert_reported(result: subprocess.CompletedProcess[str]) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    for expected in EXPECTED_LINES:
        assert expected in output, output


def folder_state(folder: Path) -> dict[str, str]:
    """Every file's digest, and the names of every folder (an empty one left behind counts)."""
    return {**tree_digest(folder), **{f"{p.relative_to(folder)}/": "dir" for p in folder.rglob("*") if p.is_dir()}}


def test_failed_mkdocs_build_leaves_the_site_untouched(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE_CORPUS)
    assert mkdocs(project, "build").returncode == 0
    before = folder_state(project / "site")
    assert "exports/questions.json" in before
    break_corpus(project / "seeds")
    result = mkdocs(project, "build")
    assert_reported(result)
    assert folder_state(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == [".cache", "docs", "mkdocs.yml", "seeds", "site", "templates"], "no temporary folder left (.cache holds the worksheet PDFs by content)"


def test_failed_quizgen_build_leaves_the_output_untouched(tmp_path: Path) -> None:
    shutil.copytree(BASE_CORPUS, tmp_path / "seeds")
    assert quizgen(tmp_path, "build", "--out", "out").returncode == 0
    before = folder_state(tmp_path / "out")
    break_corpus(tmp_path / "seeds")
    assert_reported(quizgen(tmp_path, "build", "--out", "out"))
    assert folder_state(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "out", "seeds"], "no temporary folder left (.cache holds the worksheet PDFs by content)"


def _commands() -> set[str]:
    from quizgen.cli import build_parser

    parser = build_parser()
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


@pytest.mark.skipif("export" not in _commands(), reason="`quizgen export` is not there yet")
def test_failed_export_leaves_every_export_untouched(tmp_path: Path) -> None:
    shutil.copytree(BASE_CORPUS, tmp_path / "seeds")
    first = quizgen(tmp_path, "export", "--format", "all", "--out", "exports")
    assert first.returncode == 0, first.stderr
    before = folder_state(tmp_path / "exports")
    assert len(before) >= 5
    break_corpus(tmp_path / "seeds")
    assert_reported(quizgen(tmp_path, "export", "--format", "all", "--out", "exports"))
    assert_reported(quizgen(tmp_path, "export", "--format", "gift", "--out", "exports/questions.gift"))
    assert folder_state(tmp_path / "exports") == before


@pytest.mark.skipif("worksheet" not in _commands(), reason="`quizgen worksheet` is not there yet")
def test_failed_worksheet_leaves_the_previous_pdf_untouched(tmp_path: Path) -> None:
    # The PDF renderer may be missing here; the corpus is checked before it is needed, so a
    # previous file stands in for the previous worksheet.
    shutil.copytree(BASE_CORPUS, tmp_path / "seeds")
    previous = b"%PDF-1.7 the worksheet printed last week\n"
    (tmp_path / "sheet.pdf").write_bytes(previous)
    remember({tmp_path / "sheet.pdf": previous})  # as one quizgen wrote: the corpus is what is wrong here
    break_corpus(tmp_path / "seeds")
    assert_reported(quizgen(tmp_path, "worksheet", "--out", "sheet.pdf"))
    assert (tmp_path / "sheet.pdf").read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds", "sheet.pdf"]
