"""Building a site into a folder beside the served one, swapped in only when the build succeeds.

Any failure (a full disk, a broken page, a strict-mode warning) leaves the last good site as it
was, and under ``mkdocs serve`` still served. Knows nothing of MkDocs: the plugin says when a
build starts, succeeds or fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from quizgen.atomic_files import current_umask, remove_stale_temporaries
from quizgen.output_guard import MARKER_TEXT, OUTPUT_MARKER


def holds_a_site(folder: Path) -> bool:
    """Empty, marked by an earlier build, or holding what every MkDocs build writes."""
    names = {entry.name for entry in folder.iterdir()}
    return not names or OUTPUT_MARKER in names or {"index.html", "sitemap.xml"} <= names


class StagedSite:
    """One build at a time: `start` gives the folder to build into, `finish` swaps it in, `discard` drops it."""

    def __init__(self) -> None:
        self.served: Path | None = None
        """The folder the finished site replaces."""
        self.staging: Path | None = None
        """The folder being built into, while a build runs."""

    def start(self, site_dir: Path) -> Path:
        """Make an empty folder beside ``site_dir`` for the build, and return it."""
        self.served = site_dir.resolve()
        self.served.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.served)  # left by a build that was killed
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.served.name}.quizgen-{os.getpid()}-next-", dir=self.served.parent))
        self.staging.chmod(0o777 & ~current_umask())
        return self.staging

    def finish(self, *, mark: bool) -> Path | None:
        """Swap the built folder in for the served one; return the served folder (None when no build
        was staged). ``mark``: leave the mark that lets the next build replace the folder."""
        if self.staging is None or self.served is None:
            return None
        if mark:
            (self.staging / OUTPUT_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        if self.served.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.served.name}.quizgen-{os.getpid()}-old-", dir=self.served.parent))
            self.served.rename(old / self.served.name)
            self.staging.rename(self.served)
            shutil.rmtree(old, ignore_errors=True)
        else:
            self.staging.rename(self.served)
        self.staging = None
        return self.served

    def discard(self) -> None:
        """Drop a failed build's folder: the last good site stays as it was."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
