"""Containment: quizgen reads only files inside the corpus folder, and reports every entry it does not read.

Each case copies the base corpus, adds what a YAML case cannot write (a link, a FIFO, a folder),
and runs `quizgen check --seeds seeds` as a user does; its exact output is the golden beside it in
cases/containment/. Files outside the corpus folder hold a marker that no message, page or export
may show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from golden_files import assert_golden

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"
GOLDENS = Path(__file__).parent / "cases" / "containment"
SECRET = "SECRET-MARKER-from-outside"
SECRET_FACTS = f"facts:\n  - id: outside\n    kind: claim\n    claim: {SECRET}\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def _outside(project: Path) -> Path:
    """A folder beside the corpus, with a facts file, an article and a folder of them."""
    outside = project / "outside"
    (outside / "facts").mkdir(parents=True)
    (outside / "secret.yaml").write_text(SECRET_FACTS, encoding="utf-8")
    (outside / "facts" / "secret.yaml").write_text(SECRET_FACTS, encoding="utf-8")
    article = (BASE_CORPUS / "articles" / "daily-2020.md").read_text(encoding="utf-8")
    (outside / "secret.md").write_text(article.replace("id: daily-2020", "id: secret-2020") + f"\n{SECRET}\n", encoding="utf-8")
    shutil.copytree(BASE_CORPUS / "articles", outside / "articles")
    (outside / "articles" / "secret.md").write_text((outside / "secret.md").read_text(encoding="utf-8"), encoding="utf-8")
    return outside


def link_fact_out(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "secret.yaml").symlink_to(outside / "secret.yaml")


def link_fact_to_passwd(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "passwd.yaml").symlink_to("/etc/passwd")


def link_article_out(seeds: Path, outside: Path) -> None:
    (seeds / "articles" / "secret.md").symlink_to(Path("..") / ".." / "outside" / "secret.md")


def link_registry_out(seeds: Path, outside: Path) -> None:
    (seeds / "topics.yaml").unlink()
    (seeds / "topics.yaml").symlink_to(outside / "secret.yaml")


def link_facts_folder_out(seeds: Path, outside: Path) -> None:
    shutil.rmtree(seeds / "facts")
    (seeds / "facts").symlink_to(outside / "facts")


def link_articles_folder_out(seeds: Path, outside: Path) -> None:
    shutil.rmtree(seeds / "articles")
    (seeds / "articles").symlink_to(outside / "articles", target_is_directory=True)


def dangling_link(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "gone.yaml").symlink_to("missing.yaml")


def link_loop(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "loop.yaml").symlink_to("loop.yaml")


def fifo_article(seeds: Path, outside: Path) -> None:
    os.mkfifo(seeds / "articles" / "pipe.md")


def fifo_registry(seeds: Path, outside: Path) -> None:
    (seeds / "glossary.yaml").unlink()
    os.mkfifo(seeds / "glossary.yaml")


def subfolder_of_facts(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "2021").mkdir()
    (seeds / "facts" / "2021" / "more.yaml").write_text(SECRET_FACTS, encoding="utf-8")


def subfolder_of_articles(seeds: Path, outside: Path) -> None:
    (seeds / "articles" / "drafts").mkdir()


def upper_case_endings(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "more.YAML").write_text(SECRET_FACTS, encoding="utf-8")
    (seeds / "facts" / "other.Yml").write_text(SECRET_FACTS, encoding="utf-8")
    (seeds / "articles" / "draft.MD").write_text("---\n", encoding="utf-8")


def files_a_folder_does_not_hold(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "notes.txt").write_text(SECRET, encoding="utf-8")
    (seeds / "articles" / "daily-2020.markdown").write_text(SECRET, encoding="utf-8")
    (seeds / "articles" / "extra.yaml").write_text(SECRET_FACTS, encoding="utf-8")


def unknown_entries_at_the_top(seeds: Path, outside: Path) -> None:
    (seeds / "README.md").write_text(SECRET, encoding="utf-8")
    (seeds / "Facts").mkdir()
    (seeds / "people.yml").write_text(SECRET_FACTS, encoding="utf-8")


def registry_is_a_folder(seeds: Path, outside: Path) -> None:
    (seeds / "outlets.yaml").unlink()
    (seeds / "outlets.yaml").mkdir()


def facts_is_a_file(seeds: Path, outside: Path) -> None:
    shutil.rmtree(seeds / "facts")
    (seeds / "facts").write_text(SECRET_FACTS, encoding="utf-8")


def editor_files_are_left_alone(seeds: Path, outside: Path) -> None:
    """Editors' backup, autosave, swap and lock files are neither read nor reported; the one real
    problem in this corpus is the file that is not an editor's."""
    for name in ("bridge.yaml~", "#bridge.yaml#", ".bridge.yaml.swp", ".#bridge.yaml"):
        (seeds / "facts" / name).write_text(SECRET_FACTS, encoding="utf-8")
    (seeds / "facts" / "bridge.yaml.orig").write_text(SECRET_FACTS, encoding="utf-8")


def a_valid_corpus_lists_what_it_left_alone(seeds: Path, outside: Path) -> None:
    """A curator sees which files check skipped and why, and a name cannot forge a line."""
    for name in ("bridge.yaml~", ".bridge.yaml.swp"):
        (seeds / "facts" / name).write_text(SECRET_FACTS, encoding="utf-8")
    (seeds / ".DS_Store").write_bytes(b"")
    (seeds / "articles" / ".x\nseeds: the corpus is valid.md").write_text("", encoding="utf-8")


def file_name_with_a_newline(seeds: Path, outside: Path) -> None:
    (seeds / "facts" / "x\nseeds: the corpus is valid.txt").write_text("", encoding="utf-8")


CASES: dict[str, Callable[[Path, Path], None]] = {f.__name__.replace("_", "-"): f for f in (
    link_fact_out, link_fact_to_passwd, link_article_out, link_registry_out, link_facts_folder_out,
    link_articles_folder_out, dangling_link, link_loop, fifo_article, fifo_registry, subfolder_of_facts,
    subfolder_of_articles, upper_case_endings, files_a_folder_does_not_hold, unknown_entries_at_the_top,
    registry_is_a_folder, facts_is_a_file, editor_files_are_left_alone, file_name_with_a_newline)}


def make_project(tmp_path: Path, case: Callable[[Path, Path], None]) -> Path:
    seeds = tmp_path / "project" / "seeds"
    shutil.copytree(BASE_CORPUS, seeds)
    case(seeds, _outside(tmp_path / "project"))
    return seeds.parent


@pytest.mark.parametrize("name", CASES)
def test_containment_case(name: str, tmp_path: Path, update_goldens: bool) -> None:
    project = make_project(tmp_path, CASES[name])
    result = run(project, "check", "--seeds", "seeds")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stdout
    assert SECRET not in result.stderr and "root:" not in result.stderr
    assert_golden(GOLDENS / f"{name}.expected", result.stderr, update_goldens)
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("quizgen: ")
    for line in lines[:-1]:
        assert line.startswith("seeds/") and line.split(":", 3)[3].strip(), line


@pytest.mark.parametrize("name", ["link-fact-out", "link-article-out", "link-facts-folder-out", "subfolder-of-facts"])
def test_build_publishes_nothing_from_outside(name: str, tmp_path: Path) -> None:
    project = make_project(tmp_path, CASES[name])
    result = run(project, "build", "--seeds", "seeds", "--out", "site", "--worksheets", "none",
                 "--pdf-cache", ".cache/pdf", "--yaml-cache", ".cache/yaml")
    assert result.returncode == 1, result.stdout
    assert SECRET not in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_a_valid_corpus_lists_what_check_left_alone(tmp_path: Path) -> None:
    project = make_project(tmp_path, a_valid_corpus_lists_what_it_left_alone)
    result = run(project, "check", "--seeds", "seeds")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "seeds: the corpus is valid."  # no line of the output comes from a file name
    assert ("  left alone (hidden, swap or backup files, never read): .DS_Store, "
            "articles/.x\\nseeds: the corpus is valid.md, facts/.bridge.yaml.swp, facts/bridge.yaml~") in lines
    assert lines.count("seeds: the corpus is valid.") == 1


def test_links_inside_the_corpus_folder_are_followed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(BASE_CORPUS, seeds)
    (seeds / "facts" / "bridge.yaml").rename(seeds / "bridge-facts.keep")
    (seeds / "facts" / "bridge.yaml").symlink_to(Path("..") / "bridge-facts.keep")
    result = run(tmp_path, "check", "--seeds", "seeds")
    # the link is read; the file it points to is not a corpus file, and says so
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("seeds/bridge-facts.keep:1:1: expected only corpus.yaml")
    (seeds / "bridge-facts.keep").rename(seeds / "articles" / ".bridge-facts")  # names with a dot are left alone
    (seeds / "facts" / "bridge.yaml").unlink()
    (seeds / "facts" / "bridge.yaml").symlink_to(Path("..") / "articles" / ".bridge-facts")
    result = run(tmp_path, "check", "--seeds", "seeds")
    assert result.returncode == 0, result.stderr
    assert "facts: 5" in result.stdout


def test_a_corpus_folder_reached_through_a_link_is_read(tmp_path: Path) -> None:
    shutil.copytree(BASE_CORPUS, tmp_path / "real-seeds")
    (tmp_path / "seeds").symlink_to(tmp_path / "real-seeds")
    result = run(tmp_path, "check", "--seeds", "seeds")
    assert result.returncode == 0, result.stderr


def test_optional_top_level_files_are_read_when_present_and_not_required(tmp_path: Path) -> None:
    from quizgen.load.corpus_listing import list_corpus

    seeds = tmp_path / "seeds"
    shutil.copytree(BASE_CORPUS, seeds)
    required = ("corpus.yaml", "outlets.yaml", "people.yaml", "topics.yaml", "glossary.yaml")
    listing = list_corpus(seeds, lambda relative: f"seeds/{relative.as_posix()}", required, ("extra.yaml",))
    assert listing.problems == [] and listing.missing == set() and "extra.yaml" not in listing.registries
    (seeds / "extra.yaml").write_text("x: 1\n", encoding="utf-8")
    (seeds / "extras.yaml").write_text("x: 1\n", encoding="utf-8")
    listing = list_corpus(seeds, lambda relative: f"seeds/{relative.as_posix()}", required, ("extra.yaml",))
    assert listing.registries["extra.yaml"] == seeds / "extra.yaml"
    assert [str(p) for p in listing.problems] == [
        "seeds/extras.yaml:1:1: expected only corpus.yaml, outlets.yaml, people.yaml, topics.yaml, glossary.yaml, "
        "extra.yaml, articles/, facts/ and schemas/ in the corpus folder, found 'extras.yaml'; did you mean 'extra.yaml'?"]
