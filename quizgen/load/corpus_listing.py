"""Finding the files of a corpus folder, refusing what quizgen must not read or would skip.

Every entry of the corpus folder, of ``facts/`` and of ``articles/`` is either read or reported:

- a link is followed only when it leads to a place inside the corpus folder; a link leading out
  of it is refused and never opened, so nothing from outside is published or shown in a message;
- a link to nothing, a named pipe (FIFO), a socket or a device is refused (reading a FIFO would
  wait for ever);
- a file that is not what its folder holds is refused with what was expected: ``facts/x.YAML``
  (extensions are lower case), ``facts/notes.txt``, a subfolder (quizgen does not read
  subfolders), ``seeds/README.md``;
- names that start with a dot, end with ``~`` or are framed by ``#`` are left alone (``.git``,
  editors' swap, lock and backup files: see `is_left_alone`).

One folder is checked but never read: ``schemas/``, where a curator may keep the JSON Schemas
(`quizgen schema --out CORPUS/schemas`) that editors use; it may hold only ``*.json`` files.

All of these are errors: a corpus that builds is one whose every file was read.
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from quizgen.errors import Problem
from quizgen.load.source_text import unreadable

FOLDERS = {"facts": (".yaml", ".yml"), "articles": (".md",)}
"""Each folder of the corpus, and the endings of the files it holds."""
SCHEMAS_FOLDER = "schemas"
"""The folder of JSON Schemas for editors that a corpus may hold: checked, never read."""


@dataclass
class CorpusListing:
    """The files to read (each a regular file inside the corpus folder), and what was refused."""

    registries: dict[str, Path] = field(default_factory=dict)
    facts: list[Path] = field(default_factory=list)
    articles: list[Path] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    """Registry files and folders that are absent or were refused (their kind failed to load)."""
    unread: set[str] = field(default_factory=set)
    """Folders with an entry that was refused: some of their files were not read."""
    problems: list[Problem] = field(default_factory=list)


_OTHER_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device file",
                stat.S_IFBLK: "a device file"}


class _Entry:
    """One entry of a folder: what it is once links inside the corpus folder are followed."""

    def __init__(self, path: Path, inside: str):
        self.path = path
        self.kind = "file"
        self.refusal: str | None = None
        try:
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                target = os.path.realpath(path)
                if target != inside and not target.startswith(inside.rstrip(os.sep) + os.sep):
                    self.refusal = ("a link that leads out of the corpus folder; quizgen does not follow it "
                                    "(copy what it points to into the corpus folder)")
                    return
                try:
                    mode = os.stat(path).st_mode
                except FileNotFoundError:
                    self.refusal = "a link to nothing (its target does not exist)"
                    return
                except OSError as exc:
                    if exc.errno != errno.ELOOP:
                        raise
                    self.refusal = "a link that leads round in a loop"
                    return
        except OSError as exc:
            self.refusal = f"an entry that cannot be read ({exc.strerror or 'error'})"
            return
        if stat.S_ISDIR(mode):
            self.kind = "folder"
        elif not stat.S_ISREG(mode):
            self.kind = "other"
            self.refusal = _OTHER_KINDS.get(stat.S_IFMT(mode), "a file that is not a regular file")


def is_left_alone(name: str) -> bool:
    """Names quizgen neither reads nor reports: ``.git``, ``.DS_Store``, and editors' swap, lock and
    backup files (``.bridge.yaml.swp``, ``bridge.yaml~``, ``#bridge.yaml#``), which come and go
    while a curator edits under `mkdocs serve`."""
    return name.startswith(".") or name.endswith("~") or (len(name) > 1 and name.startswith("#") and name.endswith("#"))


def left_alone_entries(root: Path) -> list[str]:
    """The entries of the corpus folder, ``facts/`` and ``articles/`` that quizgen leaves alone
    (`is_left_alone`), as paths relative to ``root``, sorted: `check` lists them, so that a
    curator sees what was skipped and why."""
    found: list[str] = []
    for folder in (Path(), *map(Path, FOLDERS)):
        try:
            names = os.listdir(root / folder)
        except OSError:
            continue  # reported by list_corpus when it matters
        found.extend((folder / name).as_posix() for name in names if is_left_alone(name))
    return sorted(found)


def _entries(folder: Path) -> list[str] | OSError:
    """The names in ``folder`` that are not left alone, sorted; or why they cannot be listed."""
    try:
        names = sorted(name for name in os.listdir(folder) if not is_left_alone(name))
        if names:
            os.lstat(folder / names[0])  # a folder that can be listed but not searched (mode 600)
        return names
    except OSError as exc:
        return exc


def list_corpus(root: Path, display: Callable[[Path], str], required: tuple[str, ...],
                optional: tuple[str, ...] = ()) -> CorpusListing:
    """Every file of the corpus folder ``root`` to read, and a problem for every entry refused.

    ``required`` and ``optional`` name the files the top of the folder holds (``corpus.yaml``,
    ...); ``display`` turns a path relative to ``root`` into the path shown in messages.
    """
    listing = CorpusListing()
    inside = os.path.realpath(root)

    def refuse(relative: Path, message: str) -> None:
        listing.problems.append(Problem(display(relative), 1, 1, message))

    names = _entries(root)
    if isinstance(names, OSError):  # one message for the folder, not one for each file it should hold
        listing.problems.append(unreadable(display(Path()), names, "folder"))
        listing.missing.update((*required, *FOLDERS))
        return listing
    allowed = [*required, *optional, *FOLDERS, SCHEMAS_FOLDER]
    for name in names:
        if name in allowed:
            continue
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
        if name.endswith((".yaml", ".yml")) and not close:
            message = (f"expected one of {', '.join((*required, *optional))} at the top of the corpus folder, "
                       f"found '{name}' (facts go under facts/)")
        else:
            hint = f"; did you mean '{close[0]}'?" if close else "; move it out of the corpus folder"
            message = (f"expected only {', '.join((*required, *optional))}, articles/, facts/ and {SCHEMAS_FOLDER}/ in the corpus folder, "
                       f"found '{name}'{hint}")
        refuse(Path(name), message)
    for name in (*required, *optional):
        if name not in names:
            if name in required:
                refuse(Path(name), f"expected the file {name} in the corpus folder, found no such file")
                listing.missing.add(name)
            continue
        entry = _Entry(root / name, inside)
        if entry.refusal or entry.kind != "file":
            refuse(Path(name), f"expected the file {name}, found {entry.refusal or 'a folder'}")
            listing.missing.add(name)
        else:
            listing.registries[name] = entry.path
    if SCHEMAS_FOLDER in names:
        _check_schemas_folder(root, inside, refuse)
    for folder, suffixes in FOLDERS.items():
        entry = _Entry(root / folder, inside)
        if folder not in names:
            continue  # reported as a folder with no files
        if entry.refusal or entry.kind != "folder":
            refuse(Path(folder), f"expected the folder {folder}/, found {entry.refusal or 'a file'}")
            listing.missing.add(folder)
            continue
        found = _folder_files(root, Path(folder), suffixes, inside, refuse)
        if found is None:
            listing.missing.add(folder)
            continue
        files, complete = found
        getattr(listing, folder).extend(files)
        if not complete:
            listing.unread.add(folder)
    return listing


def _folder_files(root: Path, folder: Path, suffixes: tuple[str, ...], inside: str,
                  refuse: Callable[[Path, str], None]) -> tuple[list[Path], bool] | None:
    """The files ``folder`` holds and whether every entry was one; None if it cannot be listed."""
    names = _entries(root / folder)
    if isinstance(names, OSError):
        refuse(folder, unreadable("", names, "folder").message)
        return None
    holds = " and ".join(f"*{suffix}" for suffix in suffixes)
    files: list[Path] = []
    complete = True
    for name in names:
        entry = _Entry(root / folder / name, inside)
        relative = folder / name
        suffix = Path(name).suffix
        if entry.refusal:
            refuse(relative, f"expected a file of {folder}/, found {entry.refusal}")
        elif entry.kind == "folder":
            refuse(relative, f"expected only {holds} files in {folder}/, found the folder '{name}' "
                             f"(quizgen does not read subfolders: move its files into {folder}/)")
        elif suffix in suffixes:
            files.append(entry.path)
            continue
        elif suffix.lower() in suffixes:
            refuse(relative, f"expected a file name ending in {' or '.join(suffixes)} in {folder}/, found '{name}'; "
                             f"rename it '{Path(name).stem}{suffix.lower()}' (endings are lower case)")
        else:
            refuse(relative, f"expected only {holds} files in {folder}/, found '{name}'; "
                             f"move it out of the corpus folder")
        complete = False
    return files, complete


def _check_schemas_folder(root: Path, inside: str, refuse: Callable[[Path, str], None]) -> None:
    """``schemas/`` holds JSON Schemas for editors, which quizgen does not read: only ``*.json`` files."""
    folder = Path(SCHEMAS_FOLDER)
    entry = _Entry(root / folder, inside)
    if entry.refusal or entry.kind != "folder":
        refuse(folder, f"expected the folder {SCHEMAS_FOLDER}/ (JSON Schemas for editors), found {entry.refusal or 'a file'}")
        return
    names = _entries(root / folder)
    if isinstance(names, OSError):
        refuse(folder, unreadable("", names, "folder").message)
        return
    for name in names:
        item = _Entry(root / folder / name, inside)
        if item.refusal or item.kind != "file" or Path(name).suffix != ".json":
            found = item.refusal or ("the folder" if item.kind == "folder" else "") + f" '{name}'"
            refuse(folder / name, f"expected only *.json files (JSON Schemas for editors, which quizgen does not read) "
                                  f"in {SCHEMAS_FOLDER}/, found {found.strip()}; move it out of the corpus folder")
