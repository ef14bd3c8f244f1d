"""The teachers' files cache: a build with unchanged inputs takes its exports and worksheets from
disk, and any change to the corpus, the templates or the options makes them anew (never stale)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.render.downloads import TeacherDownload, TeacherFiles
from quizgen.teachers.cache import (
    TeacherCache,
    cached_teacher_files,
    inputs_digest,
    site_teacher_cache,
)
from quizgen.teachers.downloads import FileStore

from site_checks import REPO, make_project, mkdocs, tree_digest

BASE = REPO / "tests" / "fixtures" / "base_corpus"
K1, K2 = "1" * 64, "2" * 64  # entries are named by a sha256 digest


class Maker:
    """A stand-in for `teacher_files` that counts its calls; the bytes depend on ``text``."""

    def __init__(self, text: str = "one") -> None:
        self.text, self.calls = text, 0

    def __call__(self, store: FileStore) -> TeacherFiles:
        self.calls += 1
        files = {"exports/questions.gift": store("exports/questions.gift", self.text.encode()),
                 "teachers/worksheet.pdf": store("teachers/worksheet.pdf", b"%PDF " + self.text.encode())}
        return TeacherFiles((TeacherDownload("teachers/worksheet.pdf", "Worksheet", "Ten questions."),),
                            (TeacherDownload("exports/questions.gift", "GIFT", "For Moodle.", ("q-1: why “not”",)),), files)


def _bytes(files: TeacherFiles) -> dict[str, bytes]:
    return {uri: path.read_bytes() for uri, path in files.files.items()}  # type: ignore[union-attr]


def test_a_second_build_with_the_same_key_takes_the_files_from_disk(tmp_path: Path) -> None:
    make = Maker()
    first = cached_teacher_files(TeacherCache(tmp_path, K1), make)
    again = cached_teacher_files(TeacherCache(tmp_path, K1), make)
    assert make.calls == 1
    assert all(isinstance(path, Path) for path in again.files.values())
    assert _bytes(again) == _bytes(first) == {"exports/questions.gift": b"one", "teachers/worksheet.pdf": b"%PDF one"}
    assert again.worksheets == first.worksheets and again.exports == first.exports
    assert again.exports[0].left_out == ("q-1: why “not”",)


def test_a_new_key_makes_the_files_anew_and_removes_the_old_entry(tmp_path: Path) -> None:
    cached_teacher_files(TeacherCache(tmp_path, K1), Maker("one"))
    make = Maker("two")
    files = cached_teacher_files(TeacherCache(tmp_path, K2), make)
    assert make.calls == 1 and _bytes(files)["exports/questions.gift"] == b"two"
    assert [p.name for p in tmp_path.iterdir()] == [K2]


def test_a_broken_entry_is_made_anew(tmp_path: Path) -> None:
    cached_teacher_files(TeacherCache(tmp_path, K1), Maker())
    (tmp_path / K1 / "files" / "teachers" / "worksheet.pdf").unlink()
    make = Maker()
    assert _bytes(cached_teacher_files(TeacherCache(tmp_path, K1), make))["teachers/worksheet.pdf"] == b"%PDF one"
    assert make.calls == 1
    (tmp_path / K1 / "manifest.json").write_text("{not json", encoding="utf-8")
    assert _bytes(cached_teacher_files(TeacherCache(tmp_path, K1), make))["exports/questions.gift"] == b"one"
    assert make.calls == 2


def test_a_failure_while_making_leaves_no_entry_and_no_temporary_folder(tmp_path: Path) -> None:
    def fail(store: FileStore) -> TeacherFiles:
        store("exports/questions.gift", b"half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        cached_teacher_files(TeacherCache(tmp_path, K1), fail)
    assert list(tmp_path.iterdir()) == []


def test_the_digest_follows_the_inputs_not_where_they_are(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "a")
    shutil.copytree(BASE, tmp_path / "b")
    templates = tmp_path / "templates"
    templates.mkdir()
    key = inputs_digest(tmp_path / "a", (templates,), "worksheets=all")
    assert key == inputs_digest(tmp_path / "b", (templates,), "worksheets=all")  # another clone, same inputs
    assert key != inputs_digest(tmp_path / "a", (templates,), "worksheets=corpus")
    (templates / "worksheet.css").write_text("body { color: red }", encoding="utf-8")
    with_template = inputs_digest(tmp_path / "a", (templates,), "worksheets=all")
    assert with_template != key
    fact_file = tmp_path / "b" / "facts" / "bridge.yaml"
    fact_file.write_text(fact_file.read_text(encoding="utf-8").replace("4 May 2020.", "4 May 2020!"), encoding="utf-8")
    assert inputs_digest(tmp_path / "b", (templates,), "worksheets=all") != with_template
    cache = site_teacher_cache(tmp_path / "c", tmp_path / "a", (templates,), "all", True)
    assert cache.key != site_teacher_cache(tmp_path / "c", tmp_path / "a", (templates,), "all", False).key


def test_mkdocs_builds_reuse_the_teachers_files_until_a_fact_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE)
    env = {"SOURCE_DATE_EPOCH": "946684800"}
    assert mkdocs(project, "build", "--strict", env=env).returncode == 0
    site = project / "site"
    entries = list((project / ".cache" / "quizgen" / "teachers").iterdir())
    assert len(entries) == 1 and (entries[0] / "manifest.json").is_file()
    assert (project / ".cache" / "quizgen" / "yaml" / "documents.marshal").is_file()  # the plugin keeps the parsed YAML
    first, made_at = tree_digest(site), entries[0].stat().st_mtime_ns
    assert mkdocs(project, "build", "--strict", env=env).returncode == 0
    assert tree_digest(site) == first  # the same site, byte for byte
    assert entries[0].stat().st_mtime_ns == made_at  # taken from the cache, not made again
    fact_file = project / "seeds" / "facts" / "bridge.yaml"
    fact_file.write_text(fact_file.read_text(encoding="utf-8").replace("opened on 4 May 2020.", "was opened on 4 May 2020."),
                         encoding="utf-8")
    assert mkdocs(project, "build", "--strict", env=env).returncode == 0
    statements = json.loads((site / "exports" / "questions.json").read_text(encoding="utf-8"))
    assert "was opened on 4 May 2020" in json.dumps(statements)
    assert "was opened on 4 May 2020" in (site / "exports" / "questions.gift").read_text(encoding="utf-8")
    assert [p.name for p in (project / ".cache" / "quizgen" / "teachers").iterdir()] != [entries[0].name]


def test_the_cache_removes_only_its_own_entries(tmp_path: Path) -> None:
    """A cache folder set to one that holds other work (`teachers_cache: .`) loses nothing of it."""
    for name in ("seeds", "docs", "templates", "notes-" + "3" * 64):
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep.txt").write_text("mine", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    cached_teacher_files(TeacherCache(tmp_path, K1), Maker("one"))
    cached_teacher_files(TeacherCache(tmp_path, K2), Maker("two"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".git", "docs", "notes-" + "3" * 64, "seeds", "templates", K2])
    assert all((tmp_path / name / "keep.txt").read_text(encoding="utf-8") == "mine" for name in ("seeds", "docs", "templates"))


def test_a_killed_builds_temporary_folder_is_removed_by_the_next_build(tmp_path: Path) -> None:
    dead = 2 ** 22 + 12345  # above Linux's default pid_max: no process has it
    left = tmp_path / f".{K1}.quizgen-{dead}-abc123"
    (left / "files").mkdir(parents=True)
    cached_teacher_files(TeacherCache(tmp_path, K2), Maker())
    assert not left.exists()
    assert [p.name for p in tmp_path.iterdir()] == [K2]


@pytest.mark.parametrize("damage", ["truncated", "link", "device", "manifest-link", "outside"])
def test_a_damaged_entry_is_never_used(tmp_path: Path, damage: str) -> None:
    """A truncated file, a link to /dev/zero or to a file outside the cache is made anew, never published."""
    cached_teacher_files(TeacherCache(tmp_path, K1), Maker("one"))
    pdf = tmp_path / K1 / "files" / "teachers" / "worksheet.pdf"
    manifest = tmp_path / K1 / "manifest.json"
    outside = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    outside.write_text("secret", encoding="utf-8")
    if damage == "truncated":
        pdf.write_bytes(b"%PDF")
    elif damage == "link":
        pdf.unlink()
        pdf.symlink_to(outside)
    elif damage == "device":
        pdf.unlink()
        pdf.symlink_to("/dev/zero")
    elif damage == "manifest-link":
        copy = tmp_path.parent / f"{tmp_path.name}-manifest.json"
        shutil.copyfile(manifest, copy)
        manifest.unlink()
        manifest.symlink_to(copy)
    else:
        record = json.loads(manifest.read_text(encoding="utf-8"))
        record["files"]["../../" + outside.name] = record["files"].pop("teachers/worksheet.pdf")
        manifest.write_text(json.dumps(record), encoding="utf-8")
    make = Maker("one")
    files = cached_teacher_files(TeacherCache(tmp_path, K1), make)
    assert make.calls == 1, "the damaged entry was made anew"
    assert _bytes(files) == {"exports/questions.gift": b"one", "teachers/worksheet.pdf": b"%PDF one"}
    assert outside.read_text(encoding="utf-8") == "secret"


def test_two_builds_sharing_the_cache_both_succeed(tmp_path: Path) -> None:
    """`mkdocs serve` beside `mkdocs build`: the second to finish finds the entry in place and uses it."""
    other = Maker("one")

    def make_while_another_build_finishes(store: FileStore) -> TeacherFiles:
        made = Maker("one")(store)
        cached_teacher_files(TeacherCache(tmp_path, K1), other)  # the other build puts K1 in place meanwhile
        return made

    files = cached_teacher_files(TeacherCache(tmp_path, K1), make_while_another_build_finishes)
    assert other.calls == 1
    assert _bytes(files) == {"exports/questions.gift": b"one", "teachers/worksheet.pdf": b"%PDF one"}
    assert [p.name for p in tmp_path.iterdir()] == [K1]


def test_the_digest_leaves_hidden_entries_alone_and_follows_no_link(tmp_path: Path) -> None:
    """What quizgen does not read is no input: `.git`, editors' swap and backup files under the
    corpus change nothing, and a link is hashed as where it points, never read through."""
    seeds = tmp_path / "seeds"
    shutil.copytree(BASE, seeds)
    key = inputs_digest(seeds)
    (seeds / ".git").mkdir()
    (seeds / ".git" / "index").write_bytes(b"history")
    (seeds / "facts" / ".bridge.yaml.swp").write_bytes(b"swap")
    (seeds / "facts" / "bridge.yaml~").write_bytes(b"backup")
    (seeds / "#notes#").write_bytes(b"lock")
    assert inputs_digest(seeds) == key
    outside = tmp_path / "outside.txt"
    outside.write_text("one", encoding="utf-8")
    (seeds / "facts" / "linked.yaml").symlink_to(outside)
    (seeds / ".hidden-link").symlink_to("/dev/zero")  # would never end if it were read
    (seeds / "loop").symlink_to(seeds)  # a folder link: not walked into
    linked = inputs_digest(seeds)
    assert linked != key, "a link in the corpus is an input"
    outside.write_text("two", encoding="utf-8")
    assert inputs_digest(seeds) == linked, "what a link leads to out of the corpus is not read"
    (seeds / "facts" / "linked.yaml").unlink()
    (seeds / "facts" / "linked.yaml").symlink_to(tmp_path / "elsewhere.txt")
    assert inputs_digest(seeds) != linked, "where a link points is"



def test_quizgen_build_keeps_the_teachers_files_in_the_cache_the_plugin_shares(tmp_path: Path) -> None:
    """`quizgen build` runs the plugin's pipeline: a second build takes the teachers' files from the
    cache instead of making them again, and so does `mkdocs build` with the same corpus, templates
    and options, publishing the same bytes."""
    project = make_project(tmp_path / "project", BASE)

    def quizgen_build(out: str) -> None:
        result = subprocess.run([sys.executable, "-m", "quizgen", "build", "--out", out], cwd=project, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr

    quizgen_build("out")
    cache = project / ".cache" / "quizgen" / "teachers"
    entries = list(cache.iterdir()) if cache.is_dir() else []
    assert len(entries) == 1 and (entries[0] / "manifest.json").is_file(), "the first build fills the teachers' cache"
    made_at = entries[0].stat().st_mtime_ns
    quizgen_build("again")
    assert tree_digest(project / "again") == tree_digest(project / "out")
    assert mkdocs(project, "build", "--strict", env={"SOURCE_DATE_EPOCH": "946684800"}).returncode == 0
    assert list(cache.iterdir()) == entries and entries[0].stat().st_mtime_ns == made_at, "taken from the cache, not made again"
    site, out = project / "site", project / "out"
    downloads = sorted(p.relative_to(out).as_posix() for folder in ("exports", "teachers") for p in (out / folder).rglob("*") if p.is_file())
    assert "exports/questions.gift" in downloads
    assert all((site / uri).read_bytes() == (out / uri).read_bytes() for uri in downloads if not uri.endswith(".md"))


def test_a_cache_the_system_refuses_to_fill_is_skipped_with_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk or a file size limit while an entry is written: the files are made in memory,
    and nothing of the entry is left."""
    def refusing(path: Path, data: bytes) -> int:
        raise OSError(27, "File too large")

    make = Maker()
    with monkeypatch.context() as patched:
        patched.setattr(Path, "write_bytes", refusing)
        made = cached_teacher_files(TeacherCache(tmp_path / "cache", K1), make)
    assert made.files == {"exports/questions.gift": b"one", "teachers/worksheet.pdf": b"%PDF one"}
    assert len(made.warnings) == 1 and "cannot be written (File too large)" in made.warnings[0]
    assert list((tmp_path / "cache").iterdir()) == [], "no half entry, no temporary folder"


_BUILD_FROM_THE_CACHE = """
import sys
from pathlib import Path
from quizgen.corpus_loader import load_corpus
from quizgen.emit.site_content import build_site_content
from quizgen.teachers.cache import site_teacher_cache
from quizgen.teachers.downloads import pdf_renderer
seeds, cache = Path(sys.argv[1]), Path(sys.argv[2])
content = build_site_content(load_corpus(seeds), render_pdf=pdf_renderer(cache / "pdf"), worksheets="corpus",
                             teacher_cache=site_teacher_cache(cache / "teachers", seeds, (), "corpus", True))
assert "exports/questions.apkg" in content.files and "exports/kahoot.xlsx" in content.files
print(" ".join(sorted({"genanki", "openpyxl", "weasyprint", "quizgen.worksheet"} & set(sys.modules))))
"""


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="WeasyPrint needs Pango and fonts (make pdf-tools)")
def test_a_build_from_the_cache_loads_no_export_or_worksheet_library(tmp_path: Path) -> None:
    """genanki, openpyxl and WeasyPrint were most of a small site's start-up: a build whose
    teachers' files all come from the cache must not import them."""
    seeds = tmp_path / "seeds"
    shutil.copytree(BASE, seeds)

    def build() -> str:
        result = subprocess.run([sys.executable, "-c", _BUILD_FROM_THE_CACHE, str(seeds), str(tmp_path / "cache")],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout.strip()

    assert build() == "genanki openpyxl quizgen.worksheet weasyprint"  # the first build makes every file
    assert build() == ""
