"""The teachers' files kept on disk between builds, by a digest of everything they are made from.

Exports hold every question and worksheets draw from the whole bank, so any change to the corpus
changes them; with no change they are the same bytes. ``inputs_digest`` names a build's inputs (the
corpus files, the template folders, quizgen's own code and the versions of the libraries that write
the files); ``cached_teacher_files`` returns the files of that digest from the cache, or makes them,
writing each one to disk as it is made, so that neither a hit nor a miss holds every export in
memory. The files come back as paths: the MkDocs plugin hands them to MkDocs to copy.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from quizgen.emit.teacher_downloads import FileStore, TeacherDownload, TeacherFiles
from quizgen.render.environment import builtin_templates_dir

CACHE_FORMAT = "quizgen-teacher-files-1"
LIBRARIES = ("genanki", "jinja2", "markupsafe", "openpyxl", "pydyf", "pyyaml", "weasyprint")
"""Libraries whose version can change the bytes of an export or a worksheet."""
_MANIFEST = "manifest.json"
STAGING_KEPT_S = 24 * 3600
"""A temporary folder this old was left by a build that was killed: removed."""


@dataclass(frozen=True)
class TeacherCache:
    folder: Path
    """Where entries are kept: one folder per digest; only the latest is kept."""
    key: str
    """``inputs_digest`` of this build's inputs, with its options."""


def _files_under(folder: Path) -> Iterable[tuple[str, Path]]:
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path.relative_to(folder).as_posix(), path


def inputs_digest(seeds: Path, template_dirs: tuple[Path, ...] = (), *options: str) -> str:
    """sha256 of the corpus files, the templates, quizgen's code, library versions and ``options``."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    code = Path(__file__).resolve().parent.parent
    folders = [("code", code), ("builtin-templates", builtin_templates_dir()), ("seeds", seeds)]
    folders += [(f"templates-{at}", folder) for at, folder in enumerate(template_dirs)]
    for label, folder in folders:
        for name, path in _files_under(folder):
            if label == "code" and path.suffix != ".py":
                continue
            data = path.read_bytes()
            digest.update(f"\x1e{label}\x1f{name}\x1f{len(data)}\x1f".encode())
            digest.update(data)
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\x1e{library}\x1f{version}".encode())
    for option in options:
        digest.update(f"\x1eoption\x1f{option}".encode())
    return digest.hexdigest()


def site_teacher_cache(folder: Path, seeds: Path, template_dirs: tuple[Path, ...], worksheets: str,
                       directory_urls: bool) -> TeacherCache:
    """The cache a site build uses: keyed by its inputs and the options the teachers' files depend on."""
    return TeacherCache(folder, inputs_digest(seeds, template_dirs, f"worksheets={worksheets}", f"directory_urls={directory_urls}"))


def _download(record: dict[str, object]) -> TeacherDownload:
    return TeacherDownload(str(record["uri"]), str(record["title"]), str(record["description"]),
                           tuple(str(line) for line in record.get("left_out", ())))  # type: ignore[union-attr]


def _record(download: TeacherDownload) -> dict[str, object]:
    return {"uri": download.uri, "title": download.title, "description": download.description, "left_out": list(download.left_out)}


def _read_entry(entry: Path) -> TeacherFiles:
    manifest = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
    files = {uri: entry / "files" / uri for uri in manifest["files"]}
    if not all(path.is_file() for path in files.values()):
        raise ValueError(f"{entry}: a file is missing")
    return TeacherFiles(tuple(map(_download, manifest["worksheets"])), tuple(map(_download, manifest["exports"])),
                        files)  # type: ignore[arg-type]


def cached_teacher_files(cache: TeacherCache, make: Callable[[FileStore], TeacherFiles]) -> TeacherFiles:
    """The entry for ``cache.key``, or ``make(store)``'s files written to a new entry, as paths.

    ``store(uri, data)`` writes one file into the entry being made and returns its final path.
    The entry appears all at once (made in a temporary folder, then renamed), so an interrupted
    build leaves no half entry; entries of other digests are removed once the new one is in place.
    """
    entry = cache.folder / cache.key
    try:
        return _read_entry(entry)
    except (OSError, ValueError, KeyError, TypeError):
        shutil.rmtree(entry, ignore_errors=True)  # absent, or broken: make it anew
    cache.folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{cache.key}.", dir=cache.folder))
    try:
        def store(uri: str, data: bytes) -> Path:
            path = staging / "files" / uri
            if not path.resolve().is_relative_to(staging.resolve()):
                raise ValueError(f"refusing to write outside the cache entry: {uri}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return entry / "files" / uri

        made = make(store)
        manifest = {"worksheets": [_record(d) for d in made.worksheets], "exports": [_record(d) for d in made.exports],
                    "files": sorted(made.files)}
        (staging / _MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        staging.rename(entry)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for other in cache.folder.iterdir():  # a build running beside this one may be writing a "." folder
        left_behind = other.name.startswith(".") and time.time() - other.stat().st_mtime > STAGING_KEPT_S
        if other.is_dir() and other.name != cache.key and (left_behind or not other.name.startswith(".")):
            shutil.rmtree(other, ignore_errors=True)
    return _read_entry(entry)
