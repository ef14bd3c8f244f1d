"""Time quizgen's own stages on one corpus, in this (fresh) process; print the timings as JSON.

    python benchmarks/time_stages.py SEEDS [--site-info FILE] [--cache DIR --templates DIR] [--repeats N]

Prints ``generate_s`` (load, validate and generate every page and download, as the MkDocs plugin
does, imports excluded, measured first with every cache empty), and the parts the benchmark checks
for quadratic growth on their own: ``quotes_s`` (quote verification) and ``bank_s`` (the question
bank, distractor selection included), each the fastest of a few repeats made as a build makes them.
With ``--cache`` (the plugin's cache folder, `.cache/quizgen`, warm after a build) and
``--templates``, the corpus is loaded and the teachers' files are made as the plugin does: from
its caches (the YAML read back, not parsed; ``--remake-teachers``: the teachers' files made anew,
as after an edit, their PDFs still from the PDF cache).
With ``--site-info``, writes the site's nav, its pages kept out of the nav and its title, for
the plain-MkDocs comparison build.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from quizgen.collector import collector_paused
from quizgen.corpus_loader import load_corpus, load_corpus_files
from quizgen.emit.site_content import build_site_content
from quizgen.generate.question_bank import build_question_bank
from quizgen.generate.question_model import answer_key, quote_anchor
from quizgen.model.article import Article
from quizgen.validate.quotes import verify_quotes


def time_quote_verification(seeds: Path, repeats: int) -> float:
    """The fastest of ``repeats`` verifications of every quote, each on freshly prepared article
    texts, with the cycle collector paused as `load_corpus` pauses it."""
    files, _ = load_corpus_files(seeds, str(seeds))
    times = []
    for _ in range(repeats):
        loaded = {entry.model.id: (Article(entry.model, entry.blocks), entry) for entry in files.articles}
        with collector_paused():
            start = time.perf_counter()
            problems = verify_quotes(files, loaded)
            times.append(time.perf_counter() - start)
        assert not problems, problems[:3]
    return min(times)


def time_question_bank(seeds: Path, yaml_cache: Path | None, repeats: int) -> tuple[float, int]:
    """The fastest of ``repeats`` builds of the question bank, each from a freshly loaded corpus and
    with the bank's caches empty, as a build starts; and how many questions it holds."""
    times, questions = [], 0
    for _ in range(repeats):
        corpus = load_corpus(seeds, yaml_cache=yaml_cache)
        answer_key.cache_clear()
        quote_anchor.cache_clear()
        start = time.perf_counter()
        questions = len(build_question_bank(corpus).questions)
        times.append(time.perf_counter() - start)
    return min(times), questions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--site-info", type=Path, help="write the nav and title for the plain MkDocs build here")
    parser.add_argument("--cache", type=Path, help="make the teachers' files as the plugin does, from its caches in this folder")
    parser.add_argument("--remake-teachers", action="store_true",
                        help="with --cache: make the exports and worksheets again, as after an edit (PDFs still from the cache)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="quote verification and the bank: report the fastest of this many (quotes: 2 more; default: 3)")
    parser.add_argument("--templates", type=Path, default=Path("templates"), help="the site's template folder (default: templates)")
    args = parser.parse_args(argv)
    # Generation first, as the plugin runs it: in a fresh process, every cache empty. Quote
    # verification and the bank are then timed on their own, each the fastest of a few repeats:
    # they take milliseconds per article, and the scaling targets compare them between sizes.
    yaml_cache = args.cache / "yaml" if args.cache else None
    start = time.perf_counter()
    corpus = load_corpus(args.seeds, yaml_cache=yaml_cache)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    if args.cache:
        from quizgen.teachers.cache import site_teacher_cache
        from quizgen.teachers.downloads import pdf_renderer

        teacher_cache = None if args.remake_teachers else site_teacher_cache(args.cache / "teachers", args.seeds, (args.templates,), "all", True)
        content = build_site_content(corpus, template_dirs=(args.templates,), render_pdf=pdf_renderer(args.cache / "pdf"),
                                     teacher_cache=teacher_cache)
    else:
        content = build_site_content(corpus)
    generate_s = load_s + time.perf_counter() - start
    counts = {"articles": len(corpus.articles), "facts": len(corpus.facts), "terms": len(corpus.terms), "pages": len(content.pages)}
    if args.site_info:
        not_in_nav = list(getattr(content, "not_in_nav", ()))
        args.site_info.write_text(json.dumps({"nav": content.nav, "not_in_nav": not_in_nav, "site_name": corpus.info.title}), encoding="utf-8")
    del corpus, content
    quotes_s = time_quote_verification(args.seeds, max(args.repeats, 1) + 2)
    bank_s, questions = time_question_bank(args.seeds, yaml_cache, max(args.repeats, 1))
    result = {"generate_s": generate_s, "quotes_s": quotes_s, "bank_s": bank_s, "questions": questions, **counts}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
