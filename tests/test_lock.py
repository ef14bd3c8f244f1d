"""The lock file installs what pyproject.toml asks for, pinned and hashed (make's install step)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]


def _pins() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) from requirements.lock."""
    pins: dict[str, tuple[str, int]] = {}
    name = ""
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(" ")[0].split("==")
            pins[name.lower()] = (version, 0)
        elif line.strip().startswith("--hash=sha256:") and name:
            version, hashes = pins[name.lower()]
            pins[name.lower()] = (version, hashes + 1)
    return pins


def test_every_requirement_of_pyproject_is_locked_within_its_range() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(text) for text in project["dependencies"] + project["optional-dependencies"]["test"]]
    pins = _pins()
    for requirement in wanted:
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{requirement.name} is not in requirements.lock: run make lock"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name][0]}, outside pyproject.toml's {requirement.specifier}: run make lock")


def test_every_pin_carries_a_hash() -> None:
    unhashed = [name for name, (_version, hashes) in _pins().items() if hashes == 0]
    assert not unhashed, f"pins without a hash (pip --require-hashes refuses them): {unhashed}"


def test_the_install_step_uses_the_lock_and_nothing_unpinned() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    install = makefile.split("$(STAMP): ")[1].split("\n\n")[0]
    assert "--require-hashes -r requirements.lock" in install
    assert "--no-deps --no-build-isolation -e ." in install
    assert "--upgrade" not in install
