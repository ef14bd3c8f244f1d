"""`quizgen export` and the export registry: choices, files, filters, errors, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import quizgen.export
from quizgen.cli import build_parser
from quizgen.export import EXPORT_FORMATS
from quizgen.export.bank_json import render_bank_json
from quizgen.generate.question_bank import build_question_bank

from export_cases import (
    BASE_CORPUS,
    REPO,
    SEEDS,
    load_exported,
    load_questions,
    make_corpus,
)

FILENAMES = {"gift": "questions.gift", "moodle-xml": "questions-moodle.xml", "qti": "questions-qti.zip", "anki": "questions.apkg",
             "kahoot": "kahoot.xlsx", "csv": "questions.csv", "json": "questions.json"}


def run_quizgen(*args: str, cwd: Path = REPO, seed: str = "0") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=environment)


def test_registry_api_and_cli_choices_agree() -> None:
    assert quizgen.export.__all__ == ["EXPORT_FORMATS", "ExportFormat", "ExportResult"]
    assert {name: f.filename for name, f in EXPORT_FORMATS.items()} == FILENAMES
    assert all(f.name == name and f.title and f.description.endswith(".") for name, f in EXPORT_FORMATS.items())
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    format_option = next(a for a in commands["export"]._actions if a.dest == "format")
    assert list(format_option.choices) == [*EXPORT_FORMATS, "all"]


def test_json_export_is_the_sites_bank() -> None:
    corpus, questions = load_questions(SEEDS)
    assert EXPORT_FORMATS["json"].render(corpus, questions).data == render_bank_json(corpus, build_question_bank(corpus).questions)


def test_every_format_renders_identical_bytes_twice() -> None:
    corpus, questions = load_questions(SEEDS)
    for export_format in EXPORT_FORMATS.values():
        first, second = export_format.render(corpus, questions), export_format.render(corpus, questions)
        assert first.data == second.data, export_format.name
        assert first.left_out == second.left_out


def test_export_all_writes_every_format_byte_identically_across_runs(tmp_path: Path) -> None:
    runs = []
    for run, seed in (("one", "1"), ("two", "2")):  # other processes, other hash seeds
        result = run_quizgen("export", "--format", "all", "--out", str(tmp_path / run), "--seeds", str(SEEDS), seed=seed)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "quizgen: left out of kahoot.xlsx: q-" in result.stderr
        runs.append({p.name: p.read_bytes() for p in (tmp_path / run).iterdir()})
    assert sorted(runs[0]) == sorted(FILENAMES.values())
    assert runs[0] == runs[1]
    assert not [p for p in (tmp_path / "one").iterdir() if p.name.startswith(".")]  # no temporary file left


def test_export_writes_the_default_file_name_in_the_current_folder(tmp_path: Path) -> None:
    result = run_quizgen("export", "--format", "gift", "--seeds", str(BASE_CORPUS), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote questions.gift: Moodle GIFT, 8 of 8 questions\n"  # 7 in the quizzes, 1 numeric
    assert (tmp_path / "questions.gift").read_bytes() == EXPORT_FORMATS["gift"].render(*load_exported(BASE_CORPUS)).data


def test_filters_choose_the_questions(tmp_path: Path) -> None:
    out = tmp_path / "ordering.json"
    result = run_quizgen("export", "--format", "json", "--out", str(out), "--seeds", str(SEEDS), "--kinds", "ordering",
                     "--articles", "rudaw-2021-04-07")
    assert result.returncode == 0, result.stderr
    questions = json.loads(out.read_text(encoding="utf-8"))["questions"]
    assert questions and all(q["kind"] == "ordering" and "rudaw-2021-04-07" in q["articles"] for q in questions)


def test_usage_errors_exit_2_and_write_nothing(tmp_path: Path) -> None:
    unknown_format = run_quizgen("export", "--format", "docx", "--seeds", str(BASE_CORPUS), cwd=tmp_path)
    assert unknown_format.returncode == 2 and "invalid choice: 'docx'" in unknown_format.stderr
    unknown_article = run_quizgen("export", "--format", "csv", "--seeds", str(BASE_CORPUS), "--articles", "nope", cwd=tmp_path)
    assert unknown_article.returncode == 2
    assert unknown_article.stderr == "quizgen: error: --articles: unknown 'nope'; expected one of: daily-2020, weekly-2020\n"
    misspelt = run_quizgen("export", "--format", "csv", "--seeds", str(BASE_CORPUS), "--articles", "daily-2002", "--topics", "bridge", cwd=tmp_path)
    assert misspelt.returncode == 2
    assert misspelt.stderr == ("quizgen: error: --articles: unknown 'daily-2002' (did you mean 'daily-2020'?); "
                               "expected one of: daily-2020, weekly-2020\n")
    nothing = run_quizgen("export", "--format", "csv", "--seeds", str(BASE_CORPUS), "--kinds", "ordering", cwd=tmp_path)
    assert nothing.returncode == 2 and "no question matches" in nothing.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_content_error_exits_1_with_its_location_and_writes_nothing(tmp_path: Path) -> None:
    import shutil

    corpus = shutil.copytree(BASE_CORPUS, tmp_path / "corpus")
    facts = corpus / "facts" / "bridge.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("kind: claim", "kind: rumour"), encoding="utf-8")
    result = run_quizgen("export", "--format", "all", "--out", str(tmp_path / "out"), "--seeds", str(corpus))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{corpus}/facts/bridge.yaml:") and "problem" in result.stderr
    assert not (tmp_path / "out").exists()


def test_export_warns_how_many_questions_a_format_left_out_and_why(tmp_path: Path) -> None:
    out = tmp_path / "kahoot.xlsx"
    result = run_quizgen("export", "--format", "kahoot", "--out", str(out), "--seeds", str(SEEDS))
    assert result.returncode == 0, result.stderr
    rendered = EXPORT_FORMATS["kahoot"].render(*load_exported(SEEDS))
    total = len(load_exported(SEEDS)[1])
    reasons = "; ".join(f"{n} because {why}" for why, n in rendered.left_out_reasons())
    assert f"quizgen: warning: kahoot.xlsx leaves out {len(rendered.left_out)} of {total} questions: {reasons}\n" in result.stderr
    assert sum(n for _, n in rendered.left_out_reasons()) == len(rendered.left_out) > 0
    assert any("ordering" in why for why, _ in rendered.left_out_reasons())
    assert result.stdout == f"wrote {out}: Kahoot spreadsheet, {total - len(rendered.left_out)} of {total} questions\n"


def test_the_teachers_page_counts_the_numeric_and_matching_items(tmp_path: Path) -> None:
    # Fixtures: the seed bank has neither (its year is told by another item, its terms are detail).
    from quizgen.emit.site_content import build_site_content

    from test_matching_items import glossary_corpus
    from test_numeric_items import HISTORY

    for root, kind, words in ((make_corpus(HISTORY, tmp_path / "history"), "numeric", "of them are numeric"),
                              (glossary_corpus(), "matching", "are matching items")):
        corpus, questions = load_exported(root)
        page = build_site_content(corpus, render_pdf=None).pages["teachers.md"]
        count = sum(q.kind == kind for q in questions)
        assert count and f"The bank holds {len(questions)} questions" in page and f"; {count} {words}" in page


def test_the_teachers_page_says_how_many_questions_each_file_holds_and_why_some_are_left_out() -> None:
    from quizgen.emit.site_content import build_site_content

    corpus, questions = load_exported(SEEDS)
    page = build_site_content(corpus, render_pdf=None).pages["teachers.md"]
    total = len(questions)
    assert "whole bank" not in page
    for export_format in EXPORT_FORMATS.values():
        result = export_format.render(corpus, questions)  # the site's own questions.json too: the site asks them all
        row = next(line for line in page.splitlines() if line.startswith("| [") and f"](exports/{export_format.filename})" in line)
        held = row.split(" | ")[1]
        if result.left_out:
            assert held == f"{total - len(result.left_out)} of {total} questions; {len(result.left_out)} left out, see below", row
            section = page.split(f"### Left out of the {export_format.title.replace('(', chr(92) + '(').replace(')', chr(92) + ')')}\n", 1)[1]
            section = section.split("###", 1)[0]
            for reason, count in result.left_out_reasons():
                reason_md = reason.replace("(", "\\(").replace(")", "\\)")
                assert (f"- {count} questions: {reason_md}" if count > 1 else reason_md) in section, (export_format.name, reason)
        else:
            assert held == f"all {total} questions", row
