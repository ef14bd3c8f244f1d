"""`quizgen worksheet`: a PDF on success, exit 2 on a usage error, 1 on a corpus error, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.written_files import remember

from corpus_cases import make_corpus
from worksheet_pdf_tools import pdf_info, pdf_pages, require_pdf_tools

TESTS = Path(__file__).parent
REPO = TESTS.parent
BASE = TESTS / "fixtures" / "base_corpus"


@pytest.fixture(scope="module", autouse=True)
def _pdf_tools() -> None:
    require_pdf_tools()


def worksheet(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizgen", "worksheet", *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def test_writes_a_student_copy_a_key_and_a_teacher_copy_and_the_same_options_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("first", "second"):
        out = tmp_path / f"{name}.pdf"
        result = worksheet("--seeds", str(BASE), "--out", str(out), "--variants", "2", "--seed", "7b", "--paper", "letter")
        assert result.returncode == 0, result.stderr
        assert result.stdout == (f"wrote {out} (student copy), {tmp_path / name}-key.pdf (answer key), "
                                 f"{tmp_path / name}-teacher.pdf (teacher's copy): 5 questions on Test corpus, in 2 variants.\n")
    for suffix in ("", "-key", "-teacher"):
        assert (tmp_path / f"first{suffix}.pdf").read_bytes() == (tmp_path / f"second{suffix}.pdf").read_bytes()
        assert pdf_info(tmp_path / f"first{suffix}.pdf")["Page size"].startswith("612 x 792")
    student, key, teacher = ("".join(pdf_pages(tmp_path / f"first{suffix}.pdf")) for suffix in ("", "-key", "-teacher"))
    assert "Answer key" not in student and "At a glance" not in student
    assert "Name" in student and "Variant A" in student and "Variant B" in student
    assert "Answer key (Variant A)" in key and "Answer key (Variant B)" in key and "Name" not in key
    assert "Answer key (Variant A)" in teacher and "Name" in teacher
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}{s}.pdf" for n in ("first", "second") for s in ("", "-key", "-teacher")), \
        "a temporary file was left behind"


def test_glossary_and_handout_types(tmp_path: Path) -> None:
    glossary = worksheet("--seeds", str(BASE), "--out", str(tmp_path / "g.pdf"), "--type", "glossary")
    assert glossary.returncode == 0, glossary.stderr
    assert "RTB" in "".join(pdf_pages(tmp_path / "g.pdf"))
    handout = worksheet("--seeds", str(BASE), "--out", str(tmp_path / "h.pdf"), "--type", "handout", "--articles", "daily-2020", "--title", "Read & answer")
    assert handout.returncode == 0, handout.stderr
    pages = pdf_pages(tmp_path / "h.pdf")
    assert "Riverton opens its bridge" in pages[0] and "Read & answer" in pages[0] and "Summary" in pages[0]


@pytest.mark.parametrize("args, message", [
    (("--articles", "no-such-article"), "quizgen: error: unknown article 'no-such-article'; expected one of: daily-2020, weekly-2020\n"),
    (("--articles", "weekly-2002"), "quizgen: error: unknown article 'weekly-2002' (did you mean 'weekly-2020'?); expected one of: daily-2020, weekly-2020\n"),
    (("--topics", "bridge"), "quizgen: error: unknown topic 'bridge' (did you mean 'bridges'?); expected one of: bridges\n"),
    (("--count", "0"), "quizgen: error: expected a count of at least 1, found 0\n"),
    (("--kinds", "ordering"), "quizgen: error: no question matches --kinds ordering; expected at least one\n"),
    (("--type", "handout"), "quizgen: error: a reading handout is about one article: expected exactly one --articles ID, found 0\n"),
    (("--variants", "30"), "quizgen: error: expected 1 to 26 variants, found 30\n"),
])
def test_usage_errors_exit_2_and_leave_the_previous_pdf(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"%PDF-1.7 the previous worksheet")
    remember({out: out.read_bytes()})  # as a worksheet quizgen wrote: the option is what is wrong here
    result = worksheet("--seeds", str(BASE), "--out", str(out), *args)
    assert (result.returncode, result.stderr) == (2, message)
    assert out.read_bytes() == b"%PDF-1.7 the previous worksheet"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_argument_errors_exit_2(tmp_path: Path) -> None:
    for args in (("--paper", "a5"), ("--difficulty", "trivial"), ("--count", "many")):
        result = worksheet("--seeds", str(BASE), "--out", str(tmp_path / "x.pdf"), *args)
        assert result.returncode == 2 and "usage: quizgen worksheet" in result.stderr and "Traceback" not in result.stderr
    folder = worksheet("--seeds", str(BASE), "--out", str(tmp_path))
    assert (folder.returncode, folder.stderr) == (2, f"quizgen: error: expected --out to name a PDF file, found the folder {tmp_path}\n")


def test_a_corpus_error_exits_1_with_the_check_messages(tmp_path: Path) -> None:
    case = {"description": "a fact cites an article that does not exist",
            "edit": {"facts/bridge.yaml": [["      - article: weekly-2020\n        quote: cut the ribbon", "      - article: weekly-2021\n        quote: cut the ribbon"]]}}
    seeds = make_corpus(case, tmp_path / "seeds")
    check = subprocess.run([sys.executable, "-m", "quizgen", "check", "--seeds", str(seeds)], cwd=REPO, capture_output=True, text=True, timeout=300)
    result = worksheet("--seeds", str(seeds), "--out", str(tmp_path / "sheet.pdf"))
    assert result.returncode == 1 and check.returncode == 1
    assert result.stderr == check.stderr and "weekly-2021" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "sheet.pdf").exists()
