"""Writing files and folders so that no reader ever sees half of one.

Each file is written to a temporary file beside its target, then renamed over it; a folder is
written as a temporary folder, then swapped in. A failure leaves what was there before.
Temporary files and folders are made private (0600, 0700); what is swapped in gets the modes a
plainly created file or folder would have (0666 or 0777 less the umask: usually 0644 and 0755).
Temporary names carry the writing process's id (``.NAME.quizgen-PID-...``): what a killed run left
beside a target is removed by the next write to that target, once that process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path


def _temporary_prefix(target: Path) -> str:
    return f".{target.name}.quizgen-{os.getpid()}-"


def process_is_gone(pid: int) -> bool:
    """True when no process has ``pid`` (one of another user's counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove what killed runs left beside ``target`` (only quizgen's temporary names); return it."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.quizgen-(\d+)-")
    removed: list[Path] = []
    try:
        siblings = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in siblings:
        match = pattern.match(entry.name)
        if match and int(match.group(1)) != os.getpid() and process_is_gone(int(match.group(1))):
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def current_umask() -> int:
    """The process's umask (read by setting it and back: there is no other way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, creating its folder, replacing the file only once complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tree_atomically(target: Path, files: dict[str, bytes | Path]) -> None:
    """Write ``files`` (uri → bytes, or the path of a file to copy) as the folder ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    staging = Path(tempfile.mkdtemp(prefix=_temporary_prefix(target), dir=target.parent))
    try:
        for uri, data in sorted(files.items()):
            path = staging / uri
            if not path.resolve().is_relative_to(staging):
                raise ValueError(f"refusing to write outside the output folder: {uri}")
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, Path):
                shutil.copyfile(data, path)
            else:
                path.write_bytes(data)
        os.chmod(staging, 0o777 & ~current_umask())
        if target.exists():
            old = target.with_name(f"{_temporary_prefix(target)}old")
            target.rename(old)
            staging.rename(target)
            shutil.rmtree(old)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_files_atomically(files: dict[Path, bytes]) -> None:
    """Write several files so that either all of them are replaced or none is.

    Every file is written in full beside its target first (a full disk or a size limit fails
    here, with nothing replaced), and only then renamed over the targets."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((temporary, target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o666 & ~current_umask())
        for temporary, target in staged:
            os.replace(temporary, target)
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise
