"""quizgen's performance benchmark: synthetic corpora of the seed's shape, timed end to end.

    python benchmarks/bench.py --articles 10 100 1000 --json FILE [--runs 3] [--check]

For each size it writes a synthetic corpus (benchmarks/synthetic_corpus.py) into a site project
(this repository's mkdocs.yml and templates), then measures, each the median of ``--runs`` runs
in fresh processes: ``quizgen check``; generation alone (load, validate, generate, in-process,
imports excluded, as the plugin does it on a build with no change: the teachers' files from its
cache; and again with the exports and worksheets made anew, as after an edit, their PDFs still
from the PDF cache; and quote verification and the question bank on their own, for the scaling
targets: benchmarks/time_stages.py); the full ``mkdocs build``; the same Markdown (from
``quizgen build``) built by plain MkDocs with the same theme, extensions and nav but without the
quizgen plugin; a rebuild after one fact's statement changes; and the peak memory (maximum
resident set) of the full builds. The first build of the project (every cache empty: every worksheet
PDF rendered) is timed once, as ``cold_build_s``; the full builds timed after it change nothing, so
their site comes from the pages' cache (what `mkdocs build` does again on an unchanged project);
once a round, the same build with the pages' cache emptied first generates the site (every other
cache warm: ``generating_build_s`` and ``generating_peak_mb``, what every full build measured
before that cache); and the rebuilds after an edit build the site anew. Builds and plain builds alternate, and so do the sizes (every
size is measured once per round), so that load from other processes on the machine falls on all
of them alike; at 10 articles, where the overhead over plain MkDocs is judged, each round measures
four pairs of builds, each pair starting with the other one. It prints a table and the targets (PASS/FAIL with the
measured ratios), writes the records as JSON, and with ``--check`` exits 1 if a target fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))

from synthetic_corpus import write_synthetic_corpus  # noqa: E402
from targets import (  # noqa: E402
    OVERHEAD_AT,
    evaluate_targets,
    format_table,
    format_targets,
    pdf_target,
)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "946684800"}


def run_measured(command: list[str], cwd: Path) -> tuple[float, float, str, float]:
    """Run ``command``; return (wall seconds, peak resident MiB of that process, stdout, its CPU
    seconds, user and system). Fails loudly."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)  # the rusage of this one child, not of every child so far
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed in {cwd} (exit {process.returncode}):\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, stdout, usage.ru_utime + usage.ru_stime  # ru_maxrss is in KiB on Linux


def _mkdocs_nav(items: list[Any]) -> list[Any]:
    """quizgen's nav, (title, uri | children) pairs, as mkdocs.yml writes it."""
    return [item if isinstance(item, str) else {item[0]: _mkdocs_nav(item[1]) if isinstance(item[1], list) else item[1]} for item in items]


def prepare_project(size: int, workdir: Path, seed: int) -> Path:
    """A site project: this repository's mkdocs.yml and templates, with a synthetic corpus.

    The project is made anew, but a ``--workdir`` used before keeps its PDF cache: the corpus of a
    size and seed is the same each time, so its worksheets need not be rendered again (a quarter of
    an hour at 1,000 articles). Every other cache starts empty.
    """
    project = workdir / f"articles-{size}" / "project"
    pdfs, kept = project / ".cache" / "quizgen" / "pdf", workdir / f"articles-{size}-pdf-cache"
    if pdfs.is_dir():
        shutil.rmtree(kept, ignore_errors=True)
        pdfs.rename(kept)
    shutil.rmtree(project.parent, ignore_errors=True)
    project.mkdir(parents=True)
    if kept.is_dir():
        pdfs.parent.mkdir(parents=True)
        kept.rename(pdfs)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "templates", project / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "docs").mkdir()
    write_synthetic_corpus(project / "seeds", size, seed)
    return project


def prepare_plain(project: Path) -> Path:
    """A plain MkDocs project with the Markdown and files ``quizgen build`` generates for ``project``."""
    plain = project.parent / "plain"
    plain.mkdir()
    run_measured([sys.executable, "-m", "quizgen", "build", "--seeds", "seeds", "--templates", "templates", "--out", str(plain / "docs")], project)
    info_file = plain / "site-info.json"
    run_measured([sys.executable, str(BENCHMARKS / "time_stages.py"), "seeds", "--site-info", str(info_file), "--repeats", "1"], project)
    info = json.loads(info_file.read_text(encoding="utf-8"))
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config.get("plugins", []) if not (isinstance(p, dict) and "quizgen" in p) and p != "quizgen"]
    config.update(site_name=info["site_name"], nav=_mkdocs_nav(info["nav"]), docs_dir="docs", site_dir="site",
                  extra_css=["assets/quizgen.css"], extra_javascript=["assets/quizgen.js"])
    if info["not_in_nav"]:
        config["not_in_nav"] = "\n".join(f"/{uri}" for uri in info["not_in_nav"])
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return plain


def _edit_one_fact(seeds: Path, revision: int) -> None:
    """Change the first fact's statement (its quotes stay valid), as a curator's small fix would."""
    path = sorted((seeds / "facts").glob("*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("statement:"))
    head, _, text = lines[at].partition('statement: "')
    lines[at] = f'{head}statement: "Revision {revision}: {text.split(": ", 1)[-1] if text.startswith("Revision ") else text}'
    path.write_text("\n".join(lines), encoding="utf-8")


def _pdf_cache(project: Path) -> dict[str, int]:
    """The plugin's PDF cache (default `.cache/quizgen/pdf`): entry name → modification time."""
    folder = project / ".cache" / "quizgen" / "pdf"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")} if folder.is_dir() else {}


SAMPLED = ("check_s", "generate_s", "generate_remade_s", "quotes_s", "bank_s", "build_s", "plain_build_s", "rebuild_s", "peak_mb",
           "build_cpu_s", "plain_build_cpu_s", "rebuild_cpu_s", "generating_build_s", "generating_build_cpu_s",
           "generating_peak_mb")
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
OVERHEAD_PAIRS = 4
"""Pairs of a full and a plain build per round at ``OVERHEAD_AT`` articles (one at other sizes):
builds of two seconds on a shared machine vary by a good part of the 15% the target allows."""


@dataclass
class SizeUnderTest:
    """One corpus size's projects and the samples measured on them so far."""

    size: int
    project: Path
    plain: Path
    cold_build_s: float
    samples: dict[str, list[float]] = field(default_factory=lambda: {key: [] for key in SAMPLED})
    stages: dict[str, Any] = field(default_factory=dict)


def prepare(size: int, workdir: Path, seed: int) -> SizeUnderTest:
    """The synthetic project built once (which renders every PDF; later builds find them cached)."""
    project = prepare_project(size, workdir, seed)
    cold_build_s = run_measured(MKDOCS, project)[0]
    return SizeUnderTest(size, project, prepare_plain(project), cold_build_s)


def measure_round(under: SizeUnderTest) -> None:
    """One sample of every measure that needs no edit, appended to ``under.samples``."""
    project, samples = under.project, under.samples
    stage_command = [sys.executable, str(BENCHMARKS / "time_stages.py"), "seeds", "--cache", str(project / ".cache" / "quizgen")]
    samples["check_s"].append(run_measured([sys.executable, "-m", "quizgen", "check", "--seeds", "seeds"], project)[0])
    under.stages = json.loads(run_measured(stage_command, project)[2])
    for key in ("generate_s", "quotes_s", "bank_s"):
        samples[key].append(under.stages[key])
    remade = run_measured(stage_command + ["--remake-teachers", "--repeats", "1"], project)[2]
    samples["generate_remade_s"].append(json.loads(remade)["generate_s"])
    for pair in range(OVERHEAD_PAIRS if under.size == OVERHEAD_AT else 1):
        # Each pair in turn starts with the other build, so neither always runs on a machine the
        # other has just warmed (or slowed): the overhead target compares the two.
        if pair % 2:
            _measure_plain(under)
        seconds, peak, _, cpu = run_measured(MKDOCS, project)
        samples["build_s"].append(seconds)
        samples["build_cpu_s"].append(cpu)
        samples["peak_mb"].append(peak)
        if not pair % 2:
            _measure_plain(under)
    # The same build with the pages' cache emptied first (every other cache warm): the site is
    # generated, as every build generated it before that cache, and as one does after an edit.
    shutil.rmtree(project / ".cache" / "quizgen" / "pages", ignore_errors=True)
    seconds, peak, _, cpu = run_measured(MKDOCS, project)
    samples["generating_build_s"].append(seconds)
    samples["generating_build_cpu_s"].append(cpu)
    samples["generating_peak_mb"].append(peak)


def _measure_plain(under: SizeUnderTest) -> None:
    seconds, _, _, cpu = run_measured(MKDOCS, under.plain)
    under.samples["plain_build_s"].append(seconds)
    under.samples["plain_build_cpu_s"].append(cpu)


def measure_edits(under: SizeUnderTest, runs: int) -> dict[str, Any]:
    """PDFs re-rendered by a build with no change and after one fact changes; ``runs`` rebuilds."""
    project = under.project
    before = _pdf_cache(project)
    run_measured(MKDOCS, project)
    unchanged = _pdf_cache(project)
    rerendered_unchanged = sum(1 for name, mtime in unchanged.items() if before.get(name) != mtime)
    original = {p: p.read_bytes() for p in (project / "seeds" / "facts").glob("*.yaml")}
    rerendered_after_edit = 0
    try:
        for revision in range(runs):
            _edit_one_fact(project / "seeds", revision + 1)
            seconds, _, _, cpu = run_measured(MKDOCS, project)
            under.samples["rebuild_s"].append(seconds)
            under.samples["rebuild_cpu_s"].append(cpu)
            if revision == 0:
                rerendered_after_edit = len(set(_pdf_cache(project)) - set(unchanged))
    finally:
        for path, data in original.items():
            path.write_bytes(data)
    return {"pdf_cached": len(unchanged), "pdf_rerendered_unchanged": rerendered_unchanged,
            "pdf_rerendered_after_edit": rerendered_after_edit}


def record_of(under: SizeUnderTest, runs: int, pdfs: dict[str, Any]) -> dict[str, Any]:
    stages = under.stages
    record: dict[str, Any] = {"articles": stages["articles"], "facts": stages["facts"], "questions": stages["questions"]}
    record.update({key: round(statistics.median(values), 4) for key, values in under.samples.items()})
    record.update(pages=stages["pages"], runs=runs, cold_build_s=round(under.cold_build_s, 4), **pdfs)
    return record


def measure_all(sizes: list[int], workdir: Path, runs: int, seed: int) -> list[dict[str, Any]]:
    """Every size prepared, then ``runs`` rounds that each measure every size in turn, then the edits.

    Sizes alternate round by round, so a slow stretch of the shared machine falls on every size
    alike instead of on whichever size it happened to be measuring: the scaling targets compare
    sizes, and measured one size after another, half an hour apart, drift decided them.
    """
    prepared = []
    for size in sizes:
        print(f"bench: {size} articles: first build ...", file=sys.stderr, flush=True)
        prepared.append(prepare(size, workdir, seed))
    for round_number in range(1, runs + 1):
        for under in prepared:
            print(f"bench: round {round_number} of {runs}: {under.size} articles ...", file=sys.stderr, flush=True)
            measure_round(under)
    records = []
    for under in prepared:
        print(f"bench: {under.size} articles: rebuilds ...", file=sys.stderr, flush=True)
        records.append(record_of(under, runs, measure_edits(under, runs)))
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time quizgen on synthetic corpora of the seed corpus's shape.")
    parser.add_argument("--articles", type=int, nargs="+", default=[10, 100, 1000], metavar="N", help="corpus sizes (default: 10 100 1000)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write one record per size here")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="the synthetic corpus's seed (default: 0)")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temporary folder, removed afterwards)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    try:
        records = measure_all(args.articles, workdir, args.runs, args.seed)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    results = evaluate_targets(records, pdf_target(records))
    print(format_table(records))
    print()
    print(format_targets(results))
    return 1 if args.check and any(r.status == "FAIL" for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
