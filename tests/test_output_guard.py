"""quizgen never deletes or overwrites what it did not make: a slip of --out, site_dir or a cache
folder is refused with one line that says why, and every file of the project stays as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from golden_files import assert_golden
from site_checks import REPO, make_project, mkdocs, tree_digest

BASE = REPO / "tests" / "fixtures" / "base_corpus"
GOLDEN = REPO / "tests" / "goldens" / "messages"
DEAD_PID = 2 ** 22 + 12345  # above Linux's default pid_max: no process has it


def quizgen(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def everything(folder: Path) -> dict[str, str]:
    """Every file's digest and every folder's name, under ``folder``."""
    return {**tree_digest(folder), **{f"{p.relative_to(folder)}/": "dir" for p in folder.rglob("*") if p.is_dir()}}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Two sibling projects; the tests run in ``project`` and must leave both as they were."""
    project = make_project(tmp_path / "project", BASE)
    (project / "notes").mkdir()
    (project / "notes" / "plan.txt").write_text("my lesson plan\n", encoding="utf-8")
    make_project(tmp_path / "sibling", BASE)
    return project


BUILD_SLIPS = {
    "the corpus": ["build", "--out", "seeds"],
    "the project folder": ["build", "--out", "."],
    "the parent folder": ["build", "--out", ".."],
    "the templates": ["build", "--out", "templates"],
    "inside the corpus": ["build", "--out", "seeds/facts/site"],
    "a folder of other work": ["build", "--out", "notes"],
    "a file": ["build", "--out", "mkdocs.yml"],
    "a cache inside the corpus": ["build", "--out", "out", "--pdf-cache", "seeds/cache"],
    "a cache holding the project": ["build", "--out", "out", "--yaml-cache", ".."],
    "a cache inside the output": ["build", "--out", "out", "--yaml-cache", "out/yaml"],
    "worksheet over a fact file": ["worksheet", "--out", "seeds/facts/bridge.yaml"],
    "worksheet over mkdocs.yml": ["worksheet", "--out", "mkdocs.yml"],
    "worksheet into the templates": ["worksheet", "--out", "templates/sheet.pdf"],
    "export over a corpus file": ["export", "--format", "gift", "--out", "seeds/corpus.yaml"],
    "export over mkdocs.yml": ["export", "--format", "json", "--out", "mkdocs.yml"],
    "export all into the corpus": ["export", "--format", "all", "--out", "seeds"],
    "schema over the project's parent": ["schema", "--out", ".."],
}


def test_every_slip_is_refused_and_nothing_is_touched(workspace: Path, update_goldens: bool) -> None:
    before = everything(workspace.parent)
    report = []
    for name, args in BUILD_SLIPS.items():
        result = quizgen(workspace, *args)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, (name, result.stderr)
        assert everything(workspace.parent) == before, f"{name}: a file changed"
        report.append(f"quizgen {' '.join(args)}\n{result.stderr}")
    assert_golden(GOLDEN / "output_guard.txt", "\n".join(report), update_goldens)


def test_build_replaces_only_a_folder_it_wrote(workspace: Path) -> None:
    (workspace / "empty").mkdir()
    assert quizgen(workspace, "build", "--out", "empty", "--worksheets", "none").returncode == 0
    assert (workspace / "empty" / ".quizgen-output").is_file()
    (workspace / "empty" / "stale.md").write_text("left from before", encoding="utf-8")
    result = quizgen(workspace, "build", "--out", "empty", "--worksheets", "none")
    assert result.returncode == 0, result.stderr
    assert not (workspace / "empty" / "stale.md").exists(), "the marked folder is replaced as a whole"
    assert (workspace / "empty" / "index.md").is_file()


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(workspace: Path) -> None:
    left = [workspace / f".out.quizgen-{DEAD_PID}-x1y2z3", workspace / f".out.quizgen-{DEAD_PID}-old"]
    for folder in left:
        (folder / "quizzes").mkdir(parents=True)
    (workspace / ".out.mine").mkdir()  # not quizgen's name: kept
    assert quizgen(workspace, "build", "--out", "out", "--worksheets", "none").returncode == 0
    assert not any(folder.exists() for folder in left)
    assert (workspace / ".out.mine").is_dir()


def test_worksheet_and_export_never_replace_a_teachers_own_file(workspace: Path) -> None:
    """A file of the right kind that quizgen did not write, or that was changed since, stays as it is."""
    (workspace / "exam.csv").write_text("my own,quiz\n", encoding="utf-8")
    (workspace / "report.pdf").write_bytes(b"%PDF-1.7 a report made elsewhere\n")
    for args in (["export", "--format", "csv", "--out", "exam.csv"], ["worksheet", "--out", "report.pdf"]):
        result = quizgen(workspace, *args)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "quizgen did not write it, or it was changed since" in result.stderr
    assert (workspace / "exam.csv").read_text(encoding="utf-8") == "my own,quiz\n"
    assert (workspace / "report.pdf").read_bytes() == b"%PDF-1.7 a report made elsewhere\n"
    assert quizgen(workspace, "export", "--format", "gift", "--out", "q.gift").returncode == 0
    (workspace / "q.gift").write_text((workspace / "q.gift").read_text(encoding="utf-8") + "// my own question\n", encoding="utf-8")
    result = quizgen(workspace, "export", "--format", "gift", "--out", "q.gift")
    assert result.returncode == 2 and "changed since" in result.stderr, "a file the teacher edited is theirs now"
    assert (workspace / "q.gift").read_text(encoding="utf-8").endswith("// my own question\n")


def test_worksheet_and_export_replace_their_own_files(workspace: Path) -> None:
    assert quizgen(workspace, "worksheet", "--out", "sheet.pdf").returncode == 0
    result = quizgen(workspace, "worksheet", "--out", "sheet.pdf", "--seed", "2")
    assert result.returncode == 0, result.stderr
    assert quizgen(workspace, "export", "--format", "gift", "--out", "q.gift").returncode == 0
    assert quizgen(workspace, "export", "--format", "gift", "--out", "q.gift").returncode == 0


MKDOCS_SLIPS = {
    "site_dir is the corpus": "site_dir: seeds",
    "site_dir is the project": "site_dir: .",
    "site_dir holds other work": "site_dir: notes",
    "teachers_cache is the project": "      teachers_cache: .",
    "pdf_cache inside the corpus": "      pdf_cache: seeds/pdf",
    "yaml_cache inside docs": "      yaml_cache: docs/yaml",
    "teachers_cache inside the site": "      teachers_cache: site/cache",
}


@pytest.mark.parametrize("name", MKDOCS_SLIPS)
def test_mkdocs_refuses_folders_it_would_empty(workspace: Path, name: str) -> None:
    config = workspace / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = MKDOCS_SLIPS[name]
    if line.startswith("site_dir"):
        text = text.replace("site_dir: site", line)
    else:
        text = text.replace("      templates: templates\n", f"      templates: templates\n{line}\n")
    assert line in text
    config.write_text(text, encoding="utf-8")
    before = everything(workspace.parent)
    result = mkdocs(workspace, "build")
    assert result.returncode != 0
    refused_by = "should not be within the 'site_dir'" if name == "site_dir is the project" else "nothing was built or deleted"
    assert refused_by in result.stderr, result.stderr  # MkDocs itself refuses a site_dir that holds docs_dir
    assert "Traceback" not in result.stderr
    assert everything(workspace.parent) == before
    if refused_by == "nothing was built or deleted":
        assert f"quizgen: {line.split(':')[0].strip()} {line.split(':')[1].strip()} " in result.stderr, result.stderr


def test_quizgen_build_does_not_turn_the_built_site_into_markdown(workspace: Path) -> None:
    """After the quick start's `mkdocs build`, `quizgen build --out site` is the obvious next try:
    it would replace the study site students open with the Markdown it is made from."""
    assert mkdocs(workspace, "build").returncode == 0
    before = everything(workspace / "site")
    result = quizgen(workspace, "build", "--out", "site", "--worksheets", "none")
    assert result.returncode == 2 and "Traceback" not in result.stderr, "refused like every other slip of --out"
    assert result.stderr.strip().splitlines() == [
        "quizgen: error: --out site holds the study site `mkdocs build` made; `quizgen build` writes the site's "
        "Markdown pages and would replace it: choose another folder, such as build"]
    assert everything(workspace / "site") == before, "the built site is as it was"


def test_mkdocs_builds_again_into_its_own_site(workspace: Path) -> None:
    assert mkdocs(workspace, "build").returncode == 0
    assert (workspace / "site" / ".quizgen-output").is_file()
    result = mkdocs(workspace, "build")
    assert result.returncode == 0, result.stderr
    assert (workspace / "notes" / "plan.txt").read_text(encoding="utf-8") == "my lesson plan\n"


def test_a_truncated_cached_worksheet_is_rendered_again(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from quizgen.worksheet.pdf import cache_key, render_pdf_cached

    html = "<!doctype html><title>t</title><p>One question.</p>"
    whole = render_pdf_cached(html, tmp_path)
    entry = tmp_path / f"{cache_key(html)}.pdf"
    entry.write_bytes(whole[: len(whole) // 2])
    assert render_pdf_cached(html, tmp_path) == whole
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert render_pdf_cached(html, tmp_path) == whole


def test_a_templates_folder_that_does_not_exist_is_refused(workspace: Path) -> None:
    """A mistyped --templates would silently build with the built-in templates instead of yours."""
    result = quizgen(workspace, "build", "--out", "out", "--templates", "tempaltes")
    assert (result.returncode, result.stderr) == (2, "quizgen: error: --templates tempaltes: expected a folder of template overrides, found no such folder\n")
    assert not (workspace / "out").exists()
