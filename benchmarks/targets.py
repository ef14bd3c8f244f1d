"""The benchmark's targets and its table: pure functions of the measured records.

A record is one corpus size: ``articles``, ``facts``, ``questions``, ``check_s``, ``generate_s``,
``build_s``, ``plain_build_s``, ``rebuild_s``, ``peak_mb`` (medians, seconds and MiB), the
stage timings ``quotes_s`` and ``bank_s``, and ``generate_remade_s``: generation when the teachers'
files cannot come from their cache (as after an edit). ``cold_build_s`` is the project's first
build (one sample). ``build_s`` is a build with nothing changed since the last one, so its site
comes from the pages' cache; ``generating_build_s`` is the same build with the pages' cache emptied
first (the site generated, every other cache warm); ``rebuild_s`` follows an edit of one fact, so
it builds the site and the teachers' files anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

GENERATION_SHARE_MAX = 0.10
"""Load, validate and generate take at most this share of a full build that generates the site
(``generating_build_s``; ``build_s`` in records made before the pages' cache, whose builds all generated)."""
LINEAR_RATIO_MAX = 1.3
"""Build time per article at the largest size, over that at the smallest size of 100 or more."""
STAGE_RATIO_MAX = 1.5
"""The same ratio for quote verification and the question bank: timings of milliseconds per article
(each the fastest of a few repeats) are noisier, and quadratic growth from 100 to 1,000 articles
would give about 10."""
PEAK_MB_MAX = 1024.0
OVERHEAD_MAX = 1.15
"""The full build over plain MkDocs building the same Markdown, at ``OVERHEAD_AT`` articles: there the
plugin's fixed cost at start-up (its imports, loading, templates) shows most."""
OVERHEAD_AT = 10
LINEAR_FROM = 100
"""Below this, fixed costs (start-up, theme assets) dominate and time per article falls."""

COLUMNS = ("articles", "facts", "questions", "check_s", "generate_s", "cold_build_s", "build_s", "generating_build_s",
           "plain_build_s", "rebuild_s", "peak_mb")


@dataclass(frozen=True)
class TargetResult:
    name: str
    status: str
    """PASS, FAIL, SKIP or INFO (measured, with no pass mark)."""
    detail: str


def _per_article_ratio(records: Sequence[dict[str, Any]], key: str) -> tuple[dict[str, Any], dict[str, Any], float] | None:
    """(base, top, ratio): time per article at the largest size over that at the smallest size >= LINEAR_FROM."""
    eligible = sorted((r for r in records if r["articles"] >= LINEAR_FROM), key=lambda r: r["articles"])
    if len(eligible) < 2 or eligible[0]["articles"] == eligible[-1]["articles"]:
        return None
    base, top = eligible[0], eligible[-1]
    if not base[key]:
        return None
    return base, top, (top[key] / top["articles"]) / (base[key] / base["articles"])


def _linear(records: Sequence[dict[str, Any]], key: str, name: str, limit: float) -> TargetResult:
    found = _per_article_ratio(records, key)
    if found is None:
        return TargetResult(name, "SKIP", f"needs two sizes of {LINEAR_FROM} articles or more")
    base, top, ratio = found
    detail = (f"per article {1000 * top[key] / top['articles']:.2f} ms at {top['articles']} vs "
              f"{1000 * base[key] / base['articles']:.2f} ms at {base['articles']}: ratio {ratio:.2f} (max {limit})")
    return TargetResult(name, "PASS" if ratio <= limit else "FAIL", detail)


def pdf_target(records: Sequence[dict[str, Any]]) -> TargetResult:
    """No PDF rendered again by a build with no change; how many after one fact changes."""
    name = "no PDF re-rendered without change"
    with_pdfs = [r for r in records if r.get("pdf_cached")]
    if not with_pdfs:
        return TargetResult(name, "SKIP", "the build renders no PDF")
    detail = "; ".join(f"at {r['articles']}: {r['pdf_rerendered_unchanged']} of {r['pdf_cached']} re-rendered without change, "
                       f"{r['pdf_rerendered_after_edit']} after one fact changed" for r in with_pdfs)
    return TargetResult(name, "PASS" if all(r["pdf_rerendered_unchanged"] == 0 for r in with_pdfs) else "FAIL", detail)


def evaluate_targets(records: Sequence[dict[str, Any]], pdf_check: TargetResult | None = None) -> list[TargetResult]:
    """Every target, judged on the medians in ``records``."""
    results = []
    shares = [(r["articles"], r["generate_s"] / _generating_build(r)) for r in records if _generating_build(r)]
    results.append(TargetResult(
        "generation <= 10% of the full build", "PASS" if all(s <= GENERATION_SHARE_MAX for _, s in shares) else "FAIL",
        ", ".join(f"{s:.1%} at {n}" for n, s in shares) + " of a build that generates the site (the pages' cache emptied)"))
    results.append(_linear(records, "build_s", "full build grows linearly", LINEAR_RATIO_MAX))
    results.append(_linear(records, "quotes_s", "quote verification is not quadratic", STAGE_RATIO_MAX))
    results.append(_linear(records, "bank_s", "question bank (distractors) is not quadratic", STAGE_RATIO_MAX))
    results.append(pdf_check or TargetResult("no PDF re-rendered without change", "SKIP", "the build renders no PDF yet"))
    results.append(TargetResult(
        "rebuild after one fact changes", "INFO",
        ", ".join(f"{r['rebuild_s'] / r['build_s']:.2f} of a full build at {r['articles']}" for r in records if r["build_s"])
        + " (MkDocs renders every page again; quizgen makes every page, export and worksheet again, and renders"
          " only the worksheet PDFs whose content changed)"))
    remade = [(r["articles"], r["generate_remade_s"] / _generating_build(r)) for r in records
              if _generating_build(r) and r.get("generate_remade_s")]
    if remade:
        results.append(TargetResult(
            "generation when the teachers' files are made again (after an edit)", "INFO",
            ", ".join(f"{s:.1%} at {n}" for n, s in remade)
            + " of a build that generates the site (unchanged PDFs still come from their cache)"))
    peak = max(records, key=_peak_mb) if records else None
    results.append(TargetResult(
        "peak memory < 1 GiB", "PASS" if peak is None or _peak_mb(peak) < PEAK_MB_MAX else "FAIL",
        ", ".join(f"{_peak_mb(r):.0f} MiB at {r['articles']}" for r in records)
        + (" (the larger of a build from the pages' cache and one that generates the site)"
           if any(r.get("generating_peak_mb") for r in records) else "")))
    results.append(_overhead(records))
    results.append(TargetResult(
        "overhead over plain MkDocs", "INFO",
        ", ".join(f"{r['build_s'] / r['plain_build_s']:.2f}x at {r['articles']}" for r in records if r["plain_build_s"])
        + " (nothing changed: the site from the pages' cache)"))
    results.append(TargetResult(
        "overhead over plain MkDocs of a build that generates the site", "INFO",
        ", ".join(f"{r['generating_build_s'] / r['plain_build_s']:.2f}x at {r['articles']}"
                  + (f" (CPU time {r['generating_build_cpu_s'] / r['plain_build_cpu_s']:.2f}x)" if r.get("plain_build_cpu_s") else "")
                  for r in records if r["plain_build_s"] and r.get("generating_build_s"))
        + " (the pages' cache emptied, every other cache warm: what every build measured before the pages' cache)"))
    results.append(TargetResult(
        "overhead over plain MkDocs after one fact changes", "INFO",
        ", ".join(f"{r['rebuild_s'] / r['plain_build_s']:.2f}x at {r['articles']}"
                  + (f" (CPU time {r['rebuild_cpu_s'] / r['plain_build_cpu_s']:.2f}x)" if r.get("rebuild_cpu_s") and r.get("plain_build_cpu_s") else "")
                  for r in records if r["plain_build_s"])
        + " (the site built anew: corpus loaded and validated, pages, exports and changed worksheets made again)"))
    return results


def _peak_mb(record: dict[str, Any]) -> float:
    """The full build's peak memory: the larger of the build from the pages' cache and the one
    that generates the site (which holds the corpus and the bank as well)."""
    return float(max(record["peak_mb"], record.get("generating_peak_mb") or 0.0))


def _generating_build(record: dict[str, Any]) -> float:
    """The full build that generates the site; before the pages' cache every full build did."""
    return float(record.get("generating_build_s") or record["build_s"])


def _overhead(records: Sequence[dict[str, Any]]) -> TargetResult:
    """The ratio of the medians of the full build and the plain build at ``OVERHEAD_AT`` articles
    (bench.py measures them in pairs, interleaved, so load from other work falls on both alike)."""
    name = f"build at {OVERHEAD_AT} articles within {OVERHEAD_MAX}x plain MkDocs"
    record = next((r for r in records if r["articles"] == OVERHEAD_AT and r["plain_build_s"]), None)
    if record is None:
        return TargetResult(name, "SKIP", f"needs the size of {OVERHEAD_AT} articles")
    ratio = record["build_s"] / record["plain_build_s"]
    detail = f"{ratio:.2f}x ({record['build_s']:.2f} s / {record['plain_build_s']:.2f} s)"
    if record.get("build_cpu_s") and record.get("plain_build_cpu_s"):  # steadier than wall time on a busy machine
        detail += f"; CPU time {record['build_cpu_s'] / record['plain_build_cpu_s']:.2f}x"
    if record.get("generating_build_s"):
        detail += "; nothing changed since the last build, so the site came from the pages' cache"
    return TargetResult(name, "PASS" if ratio <= OVERHEAD_MAX else "FAIL", detail)


def format_table(records: Sequence[dict[str, Any]]) -> str:
    """A Markdown table of the records, one row per size."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---:|" * len(COLUMNS)]
    for record in records:
        cells = ["-" if record.get(c) is None else f"{record[c]:.2f}" if c.endswith("_s") else f"{_peak_mb(record):.0f}" if c == "peak_mb"
                 else str(record[c]) for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_targets(results: Sequence[TargetResult]) -> str:
    return "\n".join(f"{r.status:<4}  {r.name}: {r.detail}" for r in results)
