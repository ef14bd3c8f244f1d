"""A digest of everything a build reads: the caches of built output are keyed by it.

The teachers' files (`quizgen.teachers.cache`) and the generated site (`quizgen.emit.page_cache`)
are kept between builds under ``inputs_digest`` of their inputs: folders of files (the corpus,
the templates, quizgen's code), the versions of the libraries that shape the output, and options.
Any change to one of them gives another digest, so an entry is never stale.

This module imports nothing of the model: a build whose output comes from a cache computes the
digest and nothing else.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from quizgen.load.corpus_listing import is_left_alone

CODE_FOLDER = Path(__file__).resolve().parent.parent
"""quizgen's own code: every `.py` file under it is an input of every cached output."""


def _raise(error: OSError) -> None:
    raise error


def files_under(folder: Path, *, unreadable_is_error: bool = False) -> Iterable[tuple[str, Path]]:
    """Every file and link under ``folder``, sorted, without following links and without what
    quizgen leaves alone (`is_left_alone`: `.git`, editors' swap and backup files): those are not
    inputs, and hashing them would read a whole repository's history, or a link to `/dev/zero`.
    A folder that cannot be read is left out, or with ``unreadable_is_error`` raises OSError."""
    if not folder.is_dir():
        return
    found = []
    for parent, folders, names in os.walk(folder, followlinks=False, onerror=_raise if unreadable_is_error else None):
        folders[:] = [name for name in folders if not is_left_alone(name) and name != "__pycache__"]
        at = Path(parent)
        found += [at / name for name in names if not is_left_alone(name)]
        found += [at / name for name in folders if (at / name).is_symlink()]  # a link to a folder: its target's name only
    for path in sorted(found):
        if path.is_symlink() or path.is_file():
            yield path.relative_to(folder).as_posix(), path


def input_bytes(path: Path) -> bytes:
    """A plain file's bytes; for a link, where it points (what it leads to is hashed where it stands)."""
    if path.is_symlink():
        return b"link\x1f" + os.fsencode(os.readlink(path))
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NOFOLLOW | os.O_NONBLOCK)) as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return b"not a file"
        return stream.read()


def file_digest(path: Path) -> tuple[int, str]:
    """(size, sha256) of the plain file ``path``, read in blocks; ValueError for a link or a device."""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NOFOLLOW | os.O_NONBLOCK)) as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise ValueError(f"{path}: not a plain file")
        digest, size = hashlib.sha256(), 0
        while block := stream.read(1 << 20):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def inputs_digest(cache_format: str, folders: Sequence[tuple[str, Path]], libraries: Sequence[str],
                  options: Sequence[str] = (), *, unreadable_is_error: bool = False) -> str:
    """sha256 of ``cache_format``, the files under each labelled folder, the installed version of
    each library and ``options``. Of the folder labelled ``code`` only the `.py` files count.
    OSError for a file that cannot be read (and, with ``unreadable_is_error``, a folder)."""
    digest = hashlib.sha256(cache_format.encode())
    for label, folder in folders:
        for name, path in files_under(folder, unreadable_is_error=unreadable_is_error):
            if label == "code" and path.suffix != ".py":
                continue
            data = input_bytes(path)
            digest.update(f"\x1e{label}\x1f{name}\x1f{len(data)}\x1f".encode())
            digest.update(data)
    for library in libraries:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\x1e{library}\x1f{version}".encode())
    for option in options:
        digest.update(f"\x1eoption\x1f{option}".encode())
    return digest.hexdigest()
