"""The quiz script and style: small, dependency-free, and free of other hosts."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

TEMPLATES = Path(__file__).parent.parent / "templates"


def test_quiz_script_and_style_add_at_most_10_kb_gzipped() -> None:
    total = sum(len(gzip.compress((TEMPLATES / name).read_bytes(), 9)) for name in ("quizgen.js", "quizgen.css"))
    assert total <= 10 * 1024, f"{total} bytes gzipped"


def test_the_script_loads_nothing_from_another_host_and_needs_no_framework() -> None:
    script = (TEMPLATES / "quizgen.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", script)
    assert "import " not in script and "require(" not in script


def test_the_script_works_with_instant_navigation() -> None:
    assert "document$" in (TEMPLATES / "quizgen.js").read_text(encoding="utf-8")
