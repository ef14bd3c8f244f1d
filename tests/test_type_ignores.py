"""Every `type: ignore` in quizgen/ names the error it silences and says why, on its own line:
`# type: ignore[arg-type]  # pydantic's validator takes the raw value`. mypy (warn_unused_ignores,
in `make test`) fails on one that no longer silences anything."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "quizgen"
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[a-z0-9,\- ]+\])?(?P<rest>.*)$")
REASON = re.compile(r"^\s*(?:#|-|—)\s*\w")


def unexplained_ignores(text: str, display: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = IGNORE.search(line)
        if match is None:
            continue
        if not match["codes"]:
            found.append(f"{display}:{number}: a type: ignore without the error code it silences")
        elif not REASON.match(match["rest"]):
            found.append(f"{display}:{number}: a type: ignore{match['codes']} without a reason after it")
    return found


def test_every_type_ignore_names_its_error_and_says_why() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += unexplained_ignores(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE.parent).as_posix())
    assert not found, "\n".join(found)


def test_an_ignore_without_a_reason_is_named() -> None:
    text = "a = f()  # type: ignore[arg-type]\nb = g()  # type: ignore\nc = h()  # type: ignore[misc]  # h is untyped\n"
    assert unexplained_ignores(text, "m.py") == ["m.py:1: a type: ignore[arg-type] without a reason after it",
                                                "m.py:2: a type: ignore without the error code it silences"]


def test_make_test_lints_and_type_checks_before_the_tests() -> None:
    makefile = (PACKAGE.parent / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint: ")[1].split("\n\n")[0]
    assert "$(BIN)/ruff check" in lint and "$(BIN)/mypy" in lint
    assert makefile.split("\ntest: ")[1].split("\n")[0].startswith("lint "), "make test runs lint first"
