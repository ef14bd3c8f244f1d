"""Where the browser test tools are, and what to do when they are missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def require_browser() -> None:
    problems = []
    if CHROMIUM is None:
        problems.append("Chromium is not installed (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        problems.append("Playwright is not installed (pip install -e '.[test]')")
    if not AXE.is_file():
        problems.append(f"axe-core is not installed at {AXE} (make test installs it)")
    if problems:
        if os.environ.get("CI"):
            pytest.fail("browser tests cannot run under CI: " + "; ".join(problems))
        pytest.skip("; ".join(problems))


