"""Writing files and folders so that no reader ever sees half of one.

Each file is written to a temporary file beside its target, then renamed over it; a folder is
written as a temporary folder, then swapped in. A failure leaves what was there before.
Temporary files and folders are made private (0600, 0700); what is swapped in gets the modes a
plainly created file or folder would have (0666 or 0777 less the umask: usually 0644 and 0755).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, creating its folder, replacing the file only once complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tree_atomically(target: Path, files: dict[str, bytes | Path]) -> None:
    """Write ``files`` (uri → bytes, or the path of a file to copy) as the folder ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
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
        os.chmod(staging, 0o777 & ~_umask())
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
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
            os.chmod(temporary, 0o666 & ~_umask())
        for temporary, target in staged:
            os.replace(temporary, target)
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise
