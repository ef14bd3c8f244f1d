"""The teachers' files kept on disk between builds, by a digest of everything they are made from.

Exports hold every question and worksheets draw from the whole bank, so any change to the corpus
changes them; with no change they are the same bytes. ``inputs_digest`` names a build's inputs (the
corpus files, the template folders, quizgen's own code and the versions of the libraries that write
the files); ``cached_teacher_files`` returns the files of that digest from the cache, or makes them,
writing each one to disk as it is made, so that neither a hit nor a miss holds every export in
memory. The files come back as paths: the MkDocs plugin hands them to MkDocs to copy.

A cache folder that cannot be written (read-only, owned by another user, a full disk or a file
size limit while an entry is written) is skipped: the files are made in memory, and the result
carries one warning saying so; the build does not fail for it.

An entry is used only if it is whole: a manifest of this format, and each file a plain file (no
link) of the size and sha256 the manifest records; anything else is made anew. The cache removes
only what it made: entries named by a digest, and temporary folders of builds that were killed.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from quizgen.atomic_files import process_is_gone
from quizgen.load.input_digest import CODE_FOLDER, file_digest
from quizgen.load.input_digest import inputs_digest as digest_of_inputs
from quizgen.render.downloads import TeacherDownload, TeacherFiles
from quizgen.render.environment import builtin_templates_dir
from quizgen.teachers.downloads import FileStore, keep_in_memory

CACHE_FORMAT = "quizgen-teacher-files-2"
LIBRARIES = ("genanki", "jinja2", "markupsafe", "openpyxl", "pydyf", "pyyaml", "weasyprint")
"""Libraries whose version can change the bytes of an export or a worksheet."""
_MANIFEST = "manifest.json"
STAGING_KEPT_S = 24 * 3600
"""A temporary folder this old was left by a build that was killed: removed."""
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
_STAGING_NAME = re.compile(r"\.([0-9a-f]{64})\.quizgen-(\d+)-")
_NOT_WRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)


@dataclass(frozen=True)
class TeacherCache:
    folder: Path
    """Where entries are kept: one folder per digest; only the latest is kept."""
    key: str
    """``inputs_digest`` of this build's inputs, with its options."""


def inputs_digest(seeds: Path, template_dirs: tuple[Path, ...] = (), *options: str) -> str:
    """sha256 of the corpus files, the templates, quizgen's code, library versions and ``options``."""
    folders = [("code", CODE_FOLDER), ("builtin-templates", builtin_templates_dir()), ("seeds", seeds)]
    folders += [(f"templates-{at}", folder) for at, folder in enumerate(template_dirs)]
    return digest_of_inputs(CACHE_FORMAT, folders, LIBRARIES, options)


def site_teacher_cache(folder: Path, seeds: Path, template_dirs: tuple[Path, ...], worksheets: str,
                       directory_urls: bool) -> TeacherCache:
    """The cache a site build uses: keyed by its inputs and the options the teachers' files depend on."""
    return TeacherCache(folder, inputs_digest(seeds, template_dirs, f"worksheets={worksheets}", f"directory_urls={directory_urls}"))


def _download(record: dict[str, object]) -> TeacherDownload:
    return TeacherDownload(str(record["uri"]), str(record["title"]), str(record["description"]),
                           tuple(str(line) for line in record.get("left_out", ())))  # type: ignore[attr-defined]  # a list of text in the manifest this module wrote


def _record(download: TeacherDownload) -> dict[str, object]:
    return {"uri": download.uri, "title": download.title, "description": download.description, "left_out": list(download.left_out)}


def _read_entry(entry: Path) -> TeacherFiles:
    """The entry's files, if it is whole; OSError or ValueError otherwise."""
    if entry.is_symlink() or not entry.is_dir():
        raise ValueError(f"{entry}: not a cache entry")
    manifest_path = entry / _MANIFEST
    if manifest_path.is_symlink() or manifest_path.stat().st_size > MANIFEST_MAX_BYTES:
        raise ValueError(f"{manifest_path}: not a manifest")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if not isinstance(manifest, dict) or manifest.get("format") != CACHE_FORMAT or not isinstance(manifest.get("files"), dict):
        raise ValueError(f"{manifest_path}: another format")
    root = (entry / "files").resolve()
    files = {}
    for uri, recorded in manifest["files"].items():
        path = entry / "files" / uri
        if not path.resolve().is_relative_to(root) or list(recorded) != list(file_digest(path)):
            raise ValueError(f"{path}: changed since it was cached")
        files[uri] = path
    return TeacherFiles(tuple(map(_download, manifest["worksheets"])), tuple(map(_download, manifest["exports"])),
                        files)


def _remove_other_entries(cache: TeacherCache) -> None:
    """Entries of other digests, and temporary folders of builds that were killed; nothing else."""
    for other in cache.folder.iterdir():
        if other.is_symlink() or not other.is_dir() or other.name == cache.key:
            continue
        staging = _STAGING_NAME.match(other.name)
        if staging:
            pid = int(staging.group(2))
            if pid == os.getpid() or not (process_is_gone(pid) or time.time() - other.stat().st_mtime > STAGING_KEPT_S):
                continue  # a build running beside this one is writing it
        elif not _ENTRY_NAME.fullmatch(other.name):
            continue  # not the cache's: never removed
        shutil.rmtree(other, ignore_errors=True)


class _EntryNotWritten(Exception):
    """The system refused a file of the entry being made (a full disk, a file size limit)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _made_without_cache(cache: TeacherCache, make: Callable[[FileStore], TeacherFiles], error: OSError) -> TeacherFiles:
    """The files made in memory, with a warning that the cache could not keep them."""
    made = make(keep_in_memory)
    return replace(made, warnings=(*made.warnings, f"quizgen: warning: the teachers' cache {cache.folder} cannot be written "
                                                   f"({error.strerror}); the teachers' files were made without it"))


def cached_teacher_files(cache: TeacherCache, make: Callable[[FileStore], TeacherFiles]) -> TeacherFiles:
    """The entry for ``cache.key``, or ``make(store)``'s files written to a new entry, as paths.

    ``store(uri, data)`` writes one file into the entry being made and returns its final path.
    The entry appears all at once (made in a temporary folder, then renamed), so an interrupted
    build leaves no half entry; entries of other digests are removed once the new one is in place.
    """
    entry = cache.folder / cache.key
    try:
        return _read_entry(entry)
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        pass
    try:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)  # broken: make it anew
        elif entry.is_symlink() or entry.exists():
            entry.unlink()  # a link or a file where an entry belongs
        cache.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{cache.key}.quizgen-{os.getpid()}-", dir=cache.folder))
    except OSError as error:
        if error.errno not in _NOT_WRITABLE:
            raise
        return _made_without_cache(cache, make, error)
    try:
        def store(uri: str, data: bytes) -> Path:
            path = staging / "files" / uri
            if not path.resolve().is_relative_to(staging.resolve()):
                raise ValueError(f"refusing to write outside the cache entry: {uri}")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except OSError as error:
                raise _EntryNotWritten(error) from error
            return entry / "files" / uri

        try:
            made = make(store)
        except _EntryNotWritten as failed:  # a full disk or a file size limit: the site may still fit where it goes
            shutil.rmtree(staging, ignore_errors=True)
            return _made_without_cache(cache, make, failed.error)
        manifest = {"format": CACHE_FORMAT, "worksheets": [_record(d) for d in made.worksheets],
                    "exports": [_record(d) for d in made.exports],
                    "files": {uri: list(file_digest(staging / "files" / uri)) for uri in sorted(made.files)}}
        (staging / _MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        try:
            staging.rename(entry)
        except OSError:  # a build beside this one put the same entry in place first: use it
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remove_other_entries(cache)
    return _read_entry(entry)
