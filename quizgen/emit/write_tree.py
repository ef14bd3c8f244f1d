"""Writing generated files to a folder all at once: into a temporary folder, then swapped in.

A failure while writing leaves the previous folder as it was; a reader never sees half a site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


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
