"""Which output files quizgen wrote, so that it replaces only those.

`quizgen worksheet` and `quizgen export` write single files wherever a teacher asks. A file of the
same kind that the teacher made (an exam.csv of their own) or changed since quizgen wrote it is
never overwritten: before replacing a file, quizgen checks that its content is still what quizgen
last wrote there. The record (each file's resolved path and SHA-256) is kept in the user's state
folder: ``$QUIZGEN_STATE_DIR``, else ``$XDG_STATE_HOME/quizgen``, else ``~/.local/state/quizgen``.
A record that cannot be read counts as empty, so that nothing is replaced on its word.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from quizgen.atomic_files import write_file_atomically

RECORD_NAME = "written-files.json"


def record_path() -> Path:
    explicit = os.environ.get("QUIZGEN_STATE_DIR")
    if explicit:
        return Path(explicit) / RECORD_NAME
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "quizgen" / RECORD_NAME


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read() -> dict[str, str]:
    try:
        loaded = json.loads(record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(loaded, dict) else {}


def wrote(path: Path) -> bool:
    """Whether ``path`` holds exactly what quizgen last wrote there."""
    recorded = _read().get(str(path.resolve()))
    if recorded is None:
        return False
    try:
        return _digest(path.read_bytes()) == recorded
    except OSError:
        return False


def remember(files: Mapping[Path, bytes]) -> None:
    """Record ``files`` as written by quizgen (forgetting files that are gone). A record that cannot
    be written is not an error: the files were written; the next run will not replace them."""
    record = {name: digest for name, digest in _read().items() if Path(name).exists()}
    record.update({str(path.resolve()): _digest(data) for path, data in files.items()})
    target = record_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomically(target, json.dumps(record, indent=0, sort_keys=True).encode("utf-8"))
    except OSError:
        pass
