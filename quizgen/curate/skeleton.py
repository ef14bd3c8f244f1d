"""`quizgen new`: a corpus folder with a commented example of every file and every fact kind.

The example files live in ``quizgen/curate/skeleton/``. Two tokens are filled in when a folder is
made: ``SCHEMAS`` (the path from the folder to quizgen's JSON Schemas, for editors) and
``SOURCE_SHA256`` (each article's hash, computed as `quizgen check` computes it).
"""

from __future__ import annotations

import os
from pathlib import Path

from quizgen.errors import UsageError
from quizgen.load.article_file import split_article_file
from quizgen.load.source_text import SourceText
from quizgen.validate.consistency import published_sha256

SKELETON = Path(__file__).parent / "skeleton"
SCHEMAS = Path(__file__).parent.parent / "schemas"


def _schemas_path(folder: Path) -> str:
    """The path from ``folder`` to quizgen's schemas: relative when it can be, else absolute."""
    try:
        return Path(os.path.relpath(SCHEMAS.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return SCHEMAS.resolve().as_posix()


def _with_hash(relative: str, text: str) -> str:
    source = SourceText(Path(relative), relative, text)
    return text.replace("SOURCE_SHA256", published_sha256(split_article_file(source).published_text), 1)


def corpus_skeleton(target: Path) -> dict[str, bytes]:
    """The files of a new corpus folder at ``target`` (relative path → bytes)."""
    files: dict[str, bytes] = {}
    schemas = _schemas_path(target)
    for path in sorted(SKELETON.rglob("*")):
        if not path.is_file() or path.suffix not in (".yaml", ".md"):
            continue
        relative = path.relative_to(SKELETON).as_posix()
        text = path.read_text(encoding="utf-8")
        # facts/*.yaml reach the schemas through '../SCHEMAS': the token is the corpus folder's path
        text = text.replace("SCHEMAS/", f"{schemas}/")
        if path.suffix == ".md":
            text = _with_hash(relative, text)
        files[relative] = text.encode("utf-8")
    return files


def refuse_unless_new(target: Path) -> None:
    """A usage error unless ``target`` is missing or an empty folder."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UsageError(f"expected DIR to be a new or empty folder, found a file at '{target}'")
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(f"expected DIR to be a new or empty folder, found '{target}' holding files; nothing was written")
