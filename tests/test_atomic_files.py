"""Files and folders quizgen writes: whole or not at all, with the modes a plain write would give."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from quizgen.atomic_files import write_file_atomically, write_tree_atomically


@pytest.fixture(params=[0o022, 0o077, 0o002])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_written_file_has_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "sheets" / "worksheet.pdf"
    write_file_atomically(target, b"%PDF-1.7")
    assert target.read_bytes() == b"%PDF-1.7"
    assert mode(target) == 0o666 & ~umask, "a teacher's PDF is readable as any file they save"
    write_file_atomically(target, b"%PDF-1.7 again")
    assert target.read_bytes() == b"%PDF-1.7 again" and mode(target) == 0o666 & ~umask
    assert sorted(p.name for p in target.parent.iterdir()) == ["worksheet.pdf"], "no temporary file left"


def test_a_written_folder_has_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "site-out"
    write_tree_atomically(target, {"index.md": b"# Home\n", "exports/questions.json": b"[]"})
    assert mode(target) == 0o777 & ~umask, "a web server can read the folder `quizgen build --out` makes"
    assert (target / "exports" / "questions.json").read_bytes() == b"[]"
    assert mode(target / "index.md") == 0o666 & ~umask


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "bank.gift"
    write_file_atomically(target, b"old")

    def refuse(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_file_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bank.gift"]
