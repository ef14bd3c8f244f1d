"""The `quizgen` command: a thin adapter that turns library errors into messages and exit codes.

Its commands live beside it: `check` and `schema` here, `build` in cli_build.py, `worksheet` and
`export` in cli_teacher_files.py, the curation commands in cli_curate.py.

Exit codes: 0 success, 1 a content problem in the corpus, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from jinja2 import TemplateError

from quizgen.cli_build import add_build_command
from quizgen.cli_curate import add_curation_commands
from quizgen.cli_outputs import OutputRefused, writing_to
from quizgen.cli_teacher_files import add_export_command, add_worksheet_command
from quizgen.corpus_loader import load_corpus
from quizgen.errors import CorpusError, UsageError, escape_for_message
from quizgen.load.corpus_listing import left_alone_entries
from quizgen.render.environment import template_error


def _command_check(args: argparse.Namespace) -> int:
    from quizgen.generate.question_bank import build_question_bank

    if args.fix_hashes:
        _fix_hashes(Path(args.seeds))
    _warn_about_drafts(Path(args.seeds))
    corpus = load_corpus(Path(args.seeds))
    bank = build_question_bank(corpus)  # a broken item-writing rule fails here as it would fail the build
    kinds = ", ".join(f"{count} {kind}" for kind, count in corpus.facts_by_kind().items())
    print(f"{args.seeds}: the corpus is valid.")
    print(f"  articles: {len(corpus.articles)} (from {len({a.meta.outlet for a in corpus.articles})} outlets)")
    print(f"  facts: {len(corpus.facts)} ({kinds})")
    print(f"  glossary terms: {len(corpus.terms)}")
    print(f"  people: {len(corpus.people)}; organisations: {len(corpus.organizations)}")
    print(f"  topics: {len(corpus.topics)}")
    print(f"  quotes checked: {sum(len(f.sources) for f in corpus.facts) + sum(len(t.sources) for t in corpus.terms) + sum(len(s.sources) for p in corpus.people for s in p.spellings)}")
    print(f"  questions: {len(bank.questions)}")
    skipped = left_alone_entries(Path(args.seeds))
    if skipped:
        print(f"  left alone (hidden, swap or backup files, never read): {', '.join(map(escape_for_message, skipped))}")
    if bank.facts_without_questions:  # not an error: too few answers of the same type to make wrong options
        print(f"  without a question (too few other answers of the same type to make wrong options): {', '.join(bank.facts_without_questions)}")
    return 0


def _fix_hashes(seeds: Path) -> None:
    from quizgen.curate.article_hash import fix_hashes

    if not seeds.is_dir():
        raise UsageError(f"expected a corpus folder, found no folder at '{seeds}'")
    fixes, _ = fix_hashes(seeds, str(seeds))  # files that cannot be read are reported by the check that follows
    for fix in fixes:
        print(fix)


def _warn_about_drafts(seeds: Path) -> None:
    from quizgen.curate.fact_drafts import draft_warnings

    for warning in draft_warnings(seeds, str(seeds)):
        print(warning, file=sys.stderr)


def _command_schema(args: argparse.Namespace) -> int:
    from quizgen.atomic_files import write_files_atomically
    from quizgen.output_guard import check_files_to_replace, refuse_overlap
    from quizgen.schema import PACKAGED_SCHEMAS, schema_files
    from quizgen.written_files import remember

    out = Path(args.out)
    refuse_overlap("--out", out, {"the working folder": Path.cwd()})
    files = schema_files(out)
    check_files_to_replace("--out", out, files, own_folder=PACKAGED_SCHEMAS)  # before any file is written
    with writing_to(out):
        write_files_atomically(files)
    remember(files)
    for path in files:
        print(f"wrote {path}")
    return 0


def installed_version() -> str:
    """The version of the installed quizgen package, as pip sees it (pyproject.toml's)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quizgen")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed: run `pip install -e .`)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quizgen", description="Study material from source-checked news facts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {installed_version()}",
                        help="print quizgen's version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser("check", help="validate the corpus and print what it holds",
                                description="Load every article, fact and glossary file, check the whole corpus and report every problem as path:line:col: message.")
    check.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder (default: seeds)")
    check.add_argument("--fix-hashes", action="store_true", help="first rewrite every article's wrong source_sha256 line with the hash of its text as it stands (only that line; use it once the text is as published)")
    check.set_defaults(run=_command_check)
    add_curation_commands(commands)
    add_build_command(commands)
    schema = commands.add_parser("schema", help="write the JSON Schemas of the corpus files",
                                 description="Write a JSON Schema per kind of corpus file, for editors that validate YAML while typing.")
    schema.add_argument("--out", default="schemas", metavar="DIR", help="where to write them (default: schemas); an existing schema file there is replaced only if quizgen wrote it and it is unchanged since")
    schema.set_defaults(run=_command_schema)
    add_worksheet_command(commands)
    add_export_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on a usage error, as argparse does
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except CorpusError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"quizgen: error: {exc}", file=sys.stderr)
        return 2
    except TemplateError as exc:  # a broken override in templates/: where it broke, not a traceback
        print(template_error(exc).report(), file=sys.stderr)
        return 1
    except OutputRefused as exc:  # an output folder that is read-only or full, a file size limit
        print(f"quizgen: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # anything else the system refused (a cache folder, say), in one line
        where = f" {exc.filename}" if isinstance(exc.filename, str) else ""
        print(f"quizgen: error: the system refused to read or write{where} ({exc.strerror or exc})", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
