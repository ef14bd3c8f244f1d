"""The README's figures about the seed corpus are what a fresh clone gets: its console example of
`quizgen export` prints what the command prints, and its count of worksheets is what the build renders."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.generate.question_bank import build_question_bank
from quizgen.teachers.downloads import teacher_files

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _console_block(command: str) -> str:
    """What the README shows ``command`` printing: the lines after it, up to the next command."""
    block = re.search(rf"^\$ {re.escape(command)}\n(?P<output>(?:(?!\$ |```).*\n)*)", README, re.MULTILINE)
    assert block, f"the README shows no `$ {command}`"
    return block["output"]


def test_the_readme_kahoot_example_is_what_the_command_prints(tmp_path: Path) -> None:
    command = "quizgen export --format kahoot --articles rudaw-2021-04-07"
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    result = subprocess.run([sys.executable, "-m", "quizgen", *command.split()[1:]], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert _console_block(command) == result.stdout + result.stderr


def test_the_readme_counts_the_worksheets_the_seed_build_renders() -> None:
    corpus = load_corpus(REPO / "seeds")
    files = teacher_files(corpus, build_question_bank(corpus), render_pdf=lambda html: b"%PDF-")
    pdfs = [uri for uri in files.files if uri.endswith(".pdf")]
    said = re.search(r"the seed\s+set of (\d+) takes", README)
    assert said and int(said[1]) == len(pdfs), f"the seed build renders {len(pdfs)} PDFs"
