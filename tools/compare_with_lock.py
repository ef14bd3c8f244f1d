"""Print the packages whose installed version differs from requirements.lock.

Used by `make latest`, which installs the newest versions pyproject.toml allows into
.venv-latest and runs every test there: this list says what moved, pytest says what broke.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import distributions
from pathlib import Path

_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\;]+)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: Path) -> dict[str, str]:
    """The name -> version pins of a pip-compile lock file."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := _PIN.match(line):
            pins[_normal(match[1])] = match[2]
    return pins


def main() -> int:
    lock = Path(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock")
    pins = locked_versions(lock)
    installed = {_normal(d.metadata["Name"]): d.version for d in distributions()}
    moved = [(name, pins[name], installed[name]) for name in sorted(pins)
             if name in installed and installed[name] != pins[name]]
    for name, locked, now in moved:
        print(f"{name}: locked {locked}, newest allowed {now}")
    print(f"{len(moved)} of {len(pins)} locked packages differ from {lock}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
