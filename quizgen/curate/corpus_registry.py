"""What the curation commands read from a corpus folder, and how they add files to it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from quizgen.errors import UsageError
from quizgen.load.source_text import SourceText, read_source_text
from quizgen.load.yaml_tree import YamlSyntaxError, parse_yaml


def known_outlets(root: Path) -> dict[str, str] | None:
    """The outlets of ``root/outlets.yaml`` (id → name); None when it is missing or does not parse (check says why)."""
    path = root / "outlets.yaml"
    if not path.is_file():
        return None
    source = read_source_text(path, str(path))
    if not isinstance(source, SourceText):
        return None
    try:
        data = parse_yaml(source.text).data
    except YamlSyntaxError:
        return None
    outlets = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(outlets, list):
        return None
    return {o["id"]: str(o.get("name") or o["id"]) for o in outlets if isinstance(o, dict) and isinstance(o.get("id"), str)}


def write_new_file(target: Path) -> Callable[[bytes], None]:
    """A writer that creates ``target`` whole, and refuses (before and at the rename) to replace a file.

    Returned after the first refusal check, so a caller can refuse before doing any work.
    """
    if target.exists() or target.is_symlink():
        raise UsageError(f"expected a new article file, found '{target}' already there; nothing was written (give --id for another id)")

    def write(data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.quizgen-{os.getpid()}-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)
            try:
                os.link(temporary, target)  # fails if the target appeared meanwhile: never replaced
            except FileExistsError:
                raise UsageError(f"expected a new article file, found '{target}' already there; nothing was written") from None
        finally:
            Path(temporary).unlink(missing_ok=True)

    return write
