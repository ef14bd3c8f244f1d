"""Writing export files: each into a temporary file beside it, then renamed over the target.

A failure while writing leaves the previous file as it was; a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, creating its folder, replacing the file only once complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
