"""Where quizgen may write: it never replaces, deletes or overwrites what it did not make.

Every command and the MkDocs plugin ask here before writing. A folder that quizgen replaces as a
whole (`quizgen build --out`) must be new, empty, or one that quizgen wrote (it holds the marker
file ``OUTPUT_MARKER``); it may never be, or hold, the corpus, the templates, the docs folder,
mkdocs.yml or the working folder. Caches and single output files may never sit inside the corpus
or the templates, and an existing file is replaced only by a file of its own kind. A file quizgen
writes into a folder of the user's (`quizgen schema --out`) replaces only a file quizgen wrote there.
Every refusal is a ``UsageError``: one line that says what was asked, what is there, and what to do.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from quizgen.errors import UsageError
from quizgen.written_files import wrote

OUTPUT_MARKER = ".quizgen-output"
"""Written into every folder `quizgen build` makes: a folder without it is never replaced."""
MARKER_TEXT = ("This folder was written by `quizgen build`. The next build replaces it as a whole:\n"
               "keep nothing else here.\n")


def shown(path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder where it is under it."""
    cwd = Path.cwd().resolve()
    resolved = path.resolve()
    if resolved == cwd:
        return "."
    return os.path.relpath(resolved, cwd) if resolved.is_relative_to(cwd) else str(resolved)


def _resolved(paths: Mapping[str, Path | None]) -> dict[str, Path]:
    return {label: path.resolve() for label, path in paths.items() if path is not None}


def refuse_overlap(option: str, target: Path, protected: Mapping[str, Path | None], *,
                   inside: Iterable[str] = (), as_given: str | None = None) -> None:
    """Refuse ``target`` (named as the user gave it) if it is, or holds, a ``protected`` path, or lies inside one named in ``inside``.

    ``protected`` maps a description ("the corpus folder") to its path; ``inside`` names the
    descriptions whose insides are off limits too (the corpus: a cache there would become corpus files).
    """
    folder = target.resolve()
    within = set(inside)
    target = Path(as_given) if as_given is not None else target
    for label, path in _resolved(protected).items():
        if folder == path:
            raise UsageError(f"{option} {target} is {label}; quizgen never writes over it: choose another folder")
        if path.is_relative_to(folder):
            raise UsageError(f"{option} {target} holds {label} ({shown(path)}); quizgen never writes over it: "
                             "choose another folder")
        if label in within and folder.is_relative_to(path):
            raise UsageError(f"{option} {target} is inside {label} ({shown(path)}); choose a folder outside it")


def check_replaceable_folder(option: str, target: Path) -> None:
    """Refuse to replace ``target`` as a whole unless it is absent, empty, or marked as quizgen's."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        kind = "a link" if target.is_symlink() else "a file"
        raise UsageError(f"{option} {target} is {kind}, not a folder quizgen made; choose a new folder")
    try:
        entries = [entry.name for entry in os.scandir(target)]
    except OSError as exc:
        raise UsageError(f"{option} {target} cannot be read ({exc.strerror}); choose another folder") from None
    if entries and OUTPUT_MARKER not in entries:
        raise UsageError(f"{option} {target} holds files quizgen did not write (it has no {OUTPUT_MARKER} file), "
                         "and the build replaces the folder as a whole; choose a new or empty folder")
    if {"index.html", "sitemap.xml"} <= set(entries):  # what every MkDocs build writes
        raise UsageError(f"{option} {target} holds the study site `mkdocs build` made; `quizgen build` writes the site's "
                         "Markdown pages and would replace it: choose another folder, such as build")


def check_output_file(option: str, target: Path, protected_folders: Mapping[str, Path | None], *,
                      looks_like: tuple[bytes, ...] = (), kind: str = "", suffixes: tuple[str, ...] = ()) -> None:
    """Refuse to write the file ``target`` inside a protected folder, over a folder, or over a file
    of another kind: an existing file is replaced only if it starts with one of ``looks_like`` (a
    PDF's ``%PDF-``) or, when no signature is given, has one of ``suffixes``."""
    resolved = target.resolve()
    for label, folder in _resolved(protected_folders).items():
        if resolved == folder or resolved.is_relative_to(folder):
            raise UsageError(f"{option} {target} is inside {label} ({shown(folder)}); quizgen never writes there: "
                             "choose a file outside it")
    if target.is_symlink():
        raise UsageError(f"{option} {target} is a link; name the file itself")
    if not target.exists():
        return
    if not target.is_file():
        raise UsageError(f"{option} {target} is not a file; name the file to write")
    if looks_like:
        try:
            with target.open("rb") as stream:
                start = stream.read(max(len(sig) for sig in looks_like))
        except OSError as exc:
            raise UsageError(f"{option} {target} cannot be read ({exc.strerror})") from None
        if not any(start.startswith(sig) for sig in looks_like):
            raise UsageError(f"{option} {target} exists and is not a {kind}; quizgen replaces only "
                             "its own output: choose another name")
    elif suffixes and target.suffix.lower() not in suffixes:
        raise UsageError(f"{option} {target} exists and is not a {' or '.join(suffixes)} file; quizgen replaces "
                         "only its own output: choose another name")
    if not wrote(target):
        raise UsageError(f"{option} {target} exists and quizgen did not write it, or it was changed since; quizgen "
                         "never replaces a file it did not make: choose another name, or move the file away first")


def check_files_to_replace(option: str, folder: Path, files: Mapping[Path, bytes], *, own_folder: Path | None = None) -> None:
    """Refuse to write ``files`` into ``folder`` if one of them would replace a file of the user's:
    a file is replaced only if quizgen wrote it there and it is unchanged since, or if it already
    holds what would be written. Every file of ``own_folder`` (quizgen's own committed copies) is
    quizgen's. One line names every file refused."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise UsageError(f"{option} {folder} is {'a link' if folder.is_symlink() else 'a file'}, not a folder; name a folder")
    ours = own_folder is not None and folder.resolve() == own_folder.resolve()
    refused = []
    for path, data in files.items():
        if path.is_symlink() or (path.exists() and not path.is_file()):
            refused.append(path.name)
        elif path.exists() and not ours and not wrote(path):
            try:
                same = path.read_bytes() == data
            except OSError:
                same = False
            if not same:
                refused.append(path.name)
    if refused:
        which = "which quizgen did not write there or which was changed since"
        raise UsageError(f"{option} {folder} holds {', '.join(refused)}, {which}; quizgen never replaces a file it "
                         f"did not make: choose another folder, or move the file{'s' if len(refused) > 1 else ''} away first")


def project_paths(seeds: Path, templates: Iterable[Path], *, docs_dir: Path | None = None,
                  config_file: Path | None = None) -> dict[str, Path | None]:
    """The paths no output may replace: the corpus, the templates, docs_dir, mkdocs.yml, the working folder."""
    paths: dict[str, Path | None] = {"the corpus folder": seeds}
    for at, folder in enumerate(templates):
        paths["the templates folder" if at == 0 else f"templates folder {at + 1}"] = folder
    paths["the docs folder"] = docs_dir
    paths["mkdocs.yml"] = config_file
    paths["the working folder"] = Path.cwd()
    return paths


def content_folders(paths: Mapping[str, Path | None]) -> dict[str, Path | None]:
    """The folders of ``project_paths`` whose insides are read as content: no output or cache goes there."""
    return {label: path for label, path in paths.items() if label not in ("mkdocs.yml", "the working folder")}
