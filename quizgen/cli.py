"""The `quizgen` command: a thin adapter that turns library errors into messages and exit codes.

Exit codes: 0 success, 1 a content problem in the corpus, 2 a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator

from jinja2 import TemplateError

from quizgen.corpus_loader import load_corpus
from quizgen.errors import CorpusError, UsageError, escape_for_message
from quizgen.load.corpus_listing import left_alone_entries
from quizgen.render.environment import template_error
from quizgen.cli_curate import add_curation_commands


class _OutputRefused(Exception):
    """The system refused to write an output (read-only, full, over a file size limit)."""

    def __init__(self, target: Path, error: OSError):
        super().__init__(f"cannot write {target} ({error.strerror or error}); what was there before is left as it was")


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise _OutputRefused(target, error) from error


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


def _guard_caches(paths: dict[str, Path | None], *caches: tuple[str, Path]) -> None:
    from quizgen.output_guard import content_folders, refuse_overlap

    for option, folder in caches:
        refuse_overlap(option, folder, paths, inside=content_folders(paths))


def _command_build(args: argparse.Namespace) -> int:
    from quizgen.emit.site_content import build_site_content
    from quizgen.atomic_files import write_tree_atomically
    from quizgen.teachers.downloads import pdf_renderer
    from quizgen.output_guard import MARKER_TEXT, OUTPUT_MARKER, check_replaceable_folder, content_folders, project_paths, refuse_overlap

    if args.templates is not None and not Path(args.templates).is_dir():
        raise UsageError(f"--templates {args.templates}: expected a folder of template overrides, found no such folder")
    out, templates = Path(args.out), Path(args.templates or "templates")
    paths = project_paths(Path(args.seeds), (templates,))
    refuse_overlap("--out", out, paths, inside=content_folders(paths))  # before anything is read or written
    check_replaceable_folder("--out", out)
    _guard_caches({**paths, "the output folder": out}, ("--pdf-cache", Path(args.pdf_cache)), ("--yaml-cache", Path(args.yaml_cache)))
    corpus = load_corpus(Path(args.seeds), yaml_cache=Path(args.yaml_cache))
    render_pdf = pdf_renderer(Path(args.pdf_cache)) if args.worksheets != "none" else None
    content = build_site_content(corpus, template_dirs=(templates,), directory_urls=not args.no_directory_urls,
                                 render_pdf=render_pdf, worksheets=args.worksheets)
    files = {uri: text.encode("utf-8") for uri, text in content.pages.items()} | content.files
    files[OUTPUT_MARKER] = MARKER_TEXT.encode("utf-8")
    with _writing(out):
        write_tree_atomically(out, files)
    print(f"wrote {len(content.pages)} pages and {len(content.files)} files to {args.out}")
    return 0


def _command_schema(args: argparse.Namespace) -> int:
    from quizgen.schema import write_schemas

    from quizgen.output_guard import refuse_overlap

    refuse_overlap("--out", Path(args.out), {"the working folder": Path.cwd()})
    for path in write_schemas(Path(args.out)):
        print(f"wrote {path}")
    return 0


def _command_worksheet(args: argparse.Namespace) -> int:
    from quizgen.generate.question_bank import build_question_bank
    from quizgen.worksheet import WorksheetRequest, build_worksheet

    from quizgen.output_guard import check_output_file, content_folders, project_paths

    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"expected --out to name a PDF file, found the folder {out}")
    defaulted = _default_seeds(args)
    protected = content_folders(project_paths(Path(args.seeds), (Path("templates"),)))
    check_output_file("--out", out, protected, looks_like=(b"%PDF-",), kind="PDF")
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"expected --out to name a file ending in .pdf (like {out.stem or 'sheet'}.pdf), found '{out}'; "
                         "the answer key and the teacher's copy are named after it")
    request = WorksheetRequest(type=args.type, articles=tuple(args.articles), topics=tuple(args.topics), kinds=tuple(args.kinds),
                               difficulties=tuple(args.difficulty), count=args.count, variants=args.variants, seed=args.seed,
                               paper=args.paper, title=args.title)
    corpus = load_corpus(Path(args.seeds))
    document = build_worksheet(corpus, build_question_bank(corpus), request, uri=out.name)
    try:
        from quizgen.worksheet.pdf import render_pdf
    except OSError as exc:  # WeasyPrint loads Pango when imported
        raise UsageError(f"the PDF renderer cannot start ({exc}); `make pdf-tools` installs what it needs") from exc
    from quizgen.atomic_files import write_files_atomically

    # the student copy is --out; the key and the teacher's copy go beside it. All are rendered before any is written.
    files = [(out if file.copy == "student" else out.with_name(Path(file.uri).name), file) for file in document.files()]
    for path, _ in files[1:]:
        check_output_file("--out", path, protected, looks_like=(b"%PDF-",), kind="PDF")
    pdfs = {path: render_pdf(file.html) for path, file in files}
    with _writing(out):
        write_files_atomically(pdfs)
    paths = list(pdfs)
    print(f"wrote {paths[0]} (student copy), {paths[1]} (answer key), {paths[2]} (teacher's copy): {document.description}")
    if defaulted:
        _note_default_seeds("the worksheets were")
    return 0


def _command_export(args: argparse.Namespace) -> int:
    from quizgen.export import EXPORT_FORMATS
    from quizgen.atomic_files import write_files_atomically
    from quizgen.generate.families_cloze import CLOZE_FAMILIES
    from quizgen.generate.families_matching import MATCHING_FAMILIES
    from quizgen.generate.families_numeric import NUMERIC_FAMILIES
    from quizgen.generate.question_bank import FAMILY_TITLES, build_question_bank
    from quizgen.generate.question_selection import QuestionCriteria, select_questions

    formats = list(EXPORT_FORMATS.values()) if args.format == "all" else [EXPORT_FORMATS[args.format]]
    defaulted = _default_seeds(args)
    corpus = load_corpus(Path(args.seeds))
    for option, given, known in (("--articles", args.articles, {a.id for a in corpus.articles}),
                                 ("--topics", args.topics, {t.id for t in corpus.topics}),
                                 ("--kinds", args.kinds, {"multiple-choice", "true-false", "ordering", "numeric", "matching", "cloze",
                                                             *FAMILY_TITLES, *NUMERIC_FAMILIES, *MATCHING_FAMILIES, *CLOZE_FAMILIES})):
        unknown = [value for value in given if value not in known]
        if unknown:
            raise UsageError(f"{option}: unknown {', '.join(map(repr, unknown))}; expected one of: {', '.join(sorted(known))}")
    criteria = QuestionCriteria(articles=tuple(args.articles), topics=tuple(args.topics), kinds=tuple(args.kinds))
    bank = build_question_bank(corpus)
    questions = select_questions(bank.candidates(criteria.articles, criteria.topics) + bank.numeric + bank.matching + bank.cloze, criteria)
    if not questions:
        raise UsageError("no question matches --articles, --topics and --kinds together")
    if args.format == "all":
        folder = Path(args.out or ".")
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"expected --out to name a folder for --format all, found the file {folder}")
        targets = [folder / f.filename for f in formats]
    else:
        targets = [Path(args.out or formats[0].filename)]
        if targets[0].is_dir():
            targets = [targets[0] / formats[0].filename]
    from quizgen.output_guard import check_output_file, content_folders, project_paths

    protected = content_folders(project_paths(Path(args.seeds), (Path("templates"),)))
    for export_format, target in zip(formats, targets):
        check_output_file("--out", target, protected, suffixes=(Path(export_format.filename).suffix,))
    _check_export_out(args.out, args.format, [Path(f.filename).suffix for f in formats])
    results = [f.render(corpus, questions) for f in formats]  # everything rendered before anything is written
    with _writing(targets[0].parent if len(targets) > 1 else targets[0]):
        write_files_atomically({target: result.data for target, result in zip(targets, results)})
    for export_format, target, result in zip(formats, targets, results):
        print(f"wrote {target}: {export_format.title}, {len(questions) - len(result.left_out)} of {len(questions)} questions")
        if result.left_out:
            reasons = "; ".join(f"{count} because {reason}" for reason, count in result.left_out_reasons())
            print(f"quizgen: warning: {target.name} leaves out {len(result.left_out)} of {len(questions)} questions: {reasons}",
                  file=sys.stderr)
        for line in result.left_out:
            print(f"quizgen: left out of {target.name}: {line}", file=sys.stderr)
    if defaulted:
        _note_default_seeds("the export was" if len(targets) == 1 else "the exports were")
    return 0


def _default_seeds(args: argparse.Namespace) -> bool:
    """Fill in --seeds (seeds/) if it was not given, and say whether it was not."""
    if args.seeds is not None:
        return False
    if not Path("seeds").is_dir():
        raise UsageError("no --seeds given, and there is no seeds/ folder here: name the corpus folder with --seeds DIR")
    args.seeds = "seeds"
    return True


def _note_default_seeds(what: str) -> None:
    """Once written, say which corpus was used when --seeds was not given: a curator of another
    corpus who forgot it would otherwise get material about the wrong articles without a word."""
    print(f"quizgen: note: no --seeds given: {what} made from the corpus in seeds/ (name another with --seeds DIR)", file=sys.stderr)


_FILE_LIKE_ENDING = re.compile(r"\.[A-Za-z]{1,5}")


def _check_export_out(out: str | None, format_name: str, suffixes: list[str]) -> None:
    """Refuse an --out whose name contradicts the format: `--format csv --out x.xlsx` would write
    CSV under a spreadsheet's name, and `--format all --out x.pdf` would make a folder called x.pdf."""
    if out is None:
        return
    target = Path(out)
    if format_name == "all":
        if not target.exists() and _FILE_LIKE_ENDING.fullmatch(target.suffix):
            raise UsageError(f"expected --out to name a folder for --format all (it writes {len(suffixes)} files), "
                             f"found '{out}', which ends like a file's name; name a folder (like exports)")
        return
    if target.is_dir():
        return  # the format's own file name inside it
    if target.suffix.lower() != suffixes[0]:
        found = f"'{out}'" + ("" if target.suffix else ", with no ending")
        other = f", or choose the format that writes {target.suffix} files" if target.suffix else ""
        raise UsageError(f"expected --out to name a file ending in {suffixes[0]} for --format {format_name}, found {found}; "
                         f"name it like {target.stem or 'questions'}{suffixes[0]}{other}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quizgen", description="Study material from source-checked news facts.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser("check", help="validate the corpus and print what it holds",
                                description="Load every article, fact and glossary file, check the whole corpus and report every problem as path:line:col: message.")
    check.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder (default: seeds)")
    check.add_argument("--fix-hashes", action="store_true", help="first rewrite every article's wrong source_sha256 line with the hash of its text as it stands (only that line; use it once the text is as published)")
    check.set_defaults(run=_command_check)
    add_curation_commands(commands)
    build = commands.add_parser("build", help="generate the site's Markdown pages and downloads without MkDocs",
                                description="Generate every page (Markdown) and download of the study site into a folder, as the MkDocs plugin does, without MkDocs. The folder is replaced only when everything was generated, and only if it is new, empty, or was written by quizgen build (it holds a .quizgen-output file); never the corpus, the templates, the working folder or a folder holding them.")
    build.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder (default: seeds)")
    build.add_argument("--out", required=True, metavar="DIR", help="the folder to write: new, empty, or written by quizgen build before (replaced as a whole)")
    build.add_argument("--templates", metavar="DIR", help="templates that override the built-in ones; a folder you name must exist (default: templates, if there is one)")
    build.add_argument("--no-directory-urls", action="store_true", help="link pages as page.html instead of page/ (match MkDocs' use_directory_urls)")
    build.add_argument("--worksheets", default="all", choices=("all", "corpus", "none"), help="printable worksheets for the teachers' page: all (per article too), corpus (the corpus and glossary worksheets), none (default: all)")
    build.add_argument("--pdf-cache", default=".cache/quizgen/pdf", metavar="DIR", help="where rendered worksheets are kept by content, so unchanged ones are not rendered again (default: .cache/quizgen/pdf)")
    build.add_argument("--yaml-cache", default=".cache/quizgen/yaml", metavar="DIR", help="where the corpus's parsed YAML is kept, so unchanged files are not parsed again; they are still validated (default: .cache/quizgen/yaml)")
    build.set_defaults(run=_command_build)
    schema = commands.add_parser("schema", help="write the JSON Schemas of the corpus files",
                                 description="Write a JSON Schema per kind of corpus file, for editors that validate YAML while typing.")
    schema.add_argument("--out", default="schemas", metavar="DIR", help="where to write them (default: schemas)")
    schema.set_defaults(run=_command_schema)
    worksheet = commands.add_parser("worksheet", help="make a printable PDF worksheet with an answer key",
                                    description="Make a printable worksheet of questions, a glossary worksheet (match terms to definitions) or an article's reading handout, as three PDFs: --out is the student copy (no answers), and beside it FILE-key.pdf (the answer key) and FILE-teacher.pdf (each variant's questions, then its key). With --variants N each holds variant A, then variant B, and so on. The same options give byte-identical PDFs.")
    worksheet.add_argument("--out", required=True, metavar="FILE.pdf", help="the student copy to write; the key and the teacher's copy are written beside it (each replaced only when complete)")
    worksheet.add_argument("--seeds", metavar="DIR", help="the corpus folder (default: seeds, with a note saying so)")
    worksheet.add_argument("--type", default="questions", choices=("questions", "glossary", "handout"), help="what to make (default: questions); a handout needs one --articles ID")
    worksheet.add_argument("--articles", nargs="+", default=[], metavar="ID", help="only questions (terms) citing these articles")
    worksheet.add_argument("--topics", nargs="+", default=[], metavar="ID", help="only questions (terms) on these topics")
    worksheet.add_argument("--kinds", nargs="+", default=[], metavar="KIND", help="only these kinds (multiple-choice, true-false, ordering; numeric, matching and cloze only when named) or families (figure, acronym, figure-number, event-year, term-matching, person-matching, term-cloze, ...)")
    worksheet.add_argument("--difficulty", nargs="+", default=[], choices=("easy", "medium", "hard"), help="only these difficulties")
    worksheet.add_argument("--count", type=int, metavar="N", help="how many questions (default: 20; handout 10) or terms (default: all)")
    worksheet.add_argument("--variants", type=int, default=1, metavar="N", help="variants A, B, ...: the same questions reordered, options reshuffled, each with its own key (default: 1)")
    worksheet.add_argument("--seed", default="", metavar="S", help="seeds the choice of questions and the variants' order (default: empty)")
    worksheet.add_argument("--paper", default="a4", choices=("a4", "letter"), help="paper size (default: a4)")
    worksheet.add_argument("--title", metavar="T", help="the title printed on the sheet (default: from what it covers)")
    worksheet.set_defaults(run=_command_worksheet)
    export_names = ("gift", "moodle-xml", "qti", "anki", "kahoot", "csv", "json", "all")
    export = commands.add_parser("export", help="export questions for Moodle, Canvas, Anki, Kahoot, Quizizz or as JSON",
                                 description="Export the question bank, or the questions chosen with --articles, --topics and --kinds, in a format a classroom tool imports: gift and moodle-xml (Moodle), qti (Canvas and other QTI 1.2 tools), anki (an .apkg deck with the glossary), kahoot (.xlsx), csv (Quizizz), json; or all of them into a folder. Questions a format cannot hold are listed on stderr.")
    export.add_argument("--format", required=True, choices=export_names, metavar="NAME", help="one of: " + ", ".join(export_names))
    export.add_argument("--out", metavar="PATH", help="the file to write (default: the format's file name, e.g. questions.gift, in the current folder); with --format all, the folder")
    export.add_argument("--seeds", metavar="DIR", help="the corpus folder (default: seeds, with a note saying so)")
    export.add_argument("--articles", nargs="+", default=[], metavar="ID", help="only questions citing these articles")
    export.add_argument("--topics", nargs="+", default=[], metavar="ID", help="only questions on these topics")
    export.add_argument("--kinds", nargs="+", default=[], metavar="KIND", help="only these kinds (multiple-choice, true-false, ordering, numeric, matching, cloze) or families (figure, acronym, figure-number, event-year, term-matching, person-matching, term-cloze, ...)")
    export.set_defaults(run=_command_export)
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
    except _OutputRefused as exc:  # an output folder that is read-only or full, a file size limit
        print(f"quizgen: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # anything else the system refused (a cache folder, say), in one line
        where = f" {exc.filename}" if isinstance(exc.filename, str) else ""
        print(f"quizgen: error: the system refused to read or write{where} ({exc.strerror or exc})", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
