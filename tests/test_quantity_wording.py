"""A figure of one reads as English: `about 1 metre`, not `about 1 metres`, in every option."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.generate.family_support import format_quantity

BASE = Path(__file__).parent / "fixtures" / "base_corpus"


def test_an_option_of_one_has_a_singular_unit_through_the_cli(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(BASE, seeds)
    article = seeds / "articles" / "daily-2020.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "crossed it on the first day.", "crossed it on the first day. The river rose about 1 metre that week."), encoding="utf-8")
    with (seeds / "facts" / "bridge.yaml").open("a", encoding="utf-8") as facts:
        facts.write("  - id: river-rise\n    kind: quantity\n    value: 1\n    qualifier: about\n    unit: metres\n"
                    "    measure: how far the river rose that week\n    distractors: [2, 3, 4]\n"
                    "    statement: The river rose about 1 metre that week.\n    topics: [bridges]\n    sources:\n"
                    "      - article: daily-2020\n        quote: The river rose about 1 metre that week.\n")
    result = subprocess.run([sys.executable, "-m", "quizgen", "export", "--seeds", "seeds", "--format", "json", "--out", "q.json"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    bank = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    figure = next(q for q in bank["questions"] if q["facts"] == ["river-rise"] and q["family"] == "figure")
    assert sorted(figure["options"]) == ["About 1 metre", "About 2 metres", "About 3 metres", "About 4 metres"]


@pytest.mark.parametrize("value, unit, shown", [
    (1, "days", "1 day"), (1, "people", "1 person"), (1, "square miles", "1 square mile"), (1, "tonnes of grain", "1 tonne of grain"),
    (1, "countries", "1 country"), (1, "buses", "1 bus"), (1, "billion dollars", "1 billion dollars"), (1, "percent", "1 percent"),
    (1, "km", "1 km"), (2, "days", "2 days"), (1.5, "metres", "1.5 metres"),
])
def test_the_unit_of_one_is_its_singular(value: float, unit: str, shown: str) -> None:
    assert format_quantity(value, unit, None) == shown
