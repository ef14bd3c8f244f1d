"""The teachers' files cache: a build with unchanged inputs takes its exports and worksheets from
disk, and any change to the corpus, the templates or the options makes them anew (never stale)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from site_checks import REPO, make_project, mkdocs, tree_digest
from quizgen.emit.teacher_cache import TeacherCache, cached_teacher_files, inputs_digest, site_teacher_cache
from quizgen.emit.teacher_downloads import FileStore, TeacherDownload, TeacherFiles

BASE = REPO / "tests" / "fixtures" / "base_corpus"


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
    first = cached_teacher_files(TeacherCache(tmp_path, "k1"), make)
    again = cached_teacher_files(TeacherCache(tmp_path, "k1"), make)
    assert make.calls == 1
    assert all(isinstance(path, Path) for path in again.files.values())
    assert _bytes(again) == _bytes(first) == {"exports/questions.gift": b"one", "teachers/worksheet.pdf": b"%PDF one"}
    assert again.worksheets == first.worksheets and again.exports == first.exports
    assert again.exports[0].left_out == ("q-1: why “not”",)


def test_a_new_key_makes_the_files_anew_and_removes_the_old_entry(tmp_path: Path) -> None:
    cached_teacher_files(TeacherCache(tmp_path, "k1"), Maker("one"))
    make = Maker("two")
    files = cached_teacher_files(TeacherCache(tmp_path, "k2"), make)
    assert make.calls == 1 and _bytes(files)["exports/questions.gift"] == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["k2"]


def test_a_broken_entry_is_made_anew(tmp_path: Path) -> None:
    cached_teacher_files(TeacherCache(tmp_path, "k1"), Maker())
    (tmp_path / "k1" / "files" / "teachers" / "worksheet.pdf").unlink()
    make = Maker()
    assert _bytes(cached_teacher_files(TeacherCache(tmp_path, "k1"), make))["teachers/worksheet.pdf"] == b"%PDF one"
    assert make.calls == 1
    (tmp_path / "k1" / "manifest.json").write_text("{not json", encoding="utf-8")
    assert _bytes(cached_teacher_files(TeacherCache(tmp_path, "k1"), make))["exports/questions.gift"] == b"one"
    assert make.calls == 2


def test_a_failure_while_making_leaves_no_entry_and_no_temporary_folder(tmp_path: Path) -> None:
    def fail(store: FileStore) -> TeacherFiles:
        store("exports/questions.gift", b"half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        cached_teacher_files(TeacherCache(tmp_path, "k1"), fail)
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
