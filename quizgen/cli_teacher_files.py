"""`quizgen worksheet` and `quizgen export`: the teachers' files (printable PDFs, classroom formats)
written from the question bank, each replaced only when everything was made."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from quizgen.cli_outputs import default_seeds, note_default_seeds, writing_to
from quizgen.corpus_loader import load_corpus
from quizgen.errors import UsageError
from quizgen.written_files import remember


def _command_worksheet(args: argparse.Namespace) -> int:
    from quizgen.generate.question_bank import build_question_bank
    from quizgen.output_guard import check_output_file, content_folders, project_paths
    from quizgen.worksheet import WorksheetRequest, build_worksheet

    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"expected --out to name a PDF file, found the folder {out}")
    defaulted = default_seeds(args)
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
    with writing_to(out):
        write_files_atomically(pdfs)
    remember(pdfs)
    paths = list(pdfs)
    print(f"wrote {paths[0]} (student copy), {paths[1]} (answer key), {paths[2]} (teacher's copy): {document.description}")
    if defaulted:
        note_default_seeds("the worksheets were")
    return 0


def _command_export(args: argparse.Namespace) -> int:
    from quizgen.atomic_files import write_files_atomically
    from quizgen.export import EXPORT_FORMATS
    from quizgen.generate.question_bank import build_question_bank
    from quizgen.generate.question_filters import did_you_mean, unknown_filter_values
    from quizgen.generate.question_selection import QuestionCriteria, select_questions

    formats = list(EXPORT_FORMATS.values()) if args.format == "all" else [EXPORT_FORMATS[args.format]]
    defaulted = default_seeds(args)
    corpus = load_corpus(Path(args.seeds))
    unknown = unknown_filter_values(corpus, tuple(args.articles), tuple(args.topics), tuple(args.kinds))
    if unknown:  # the first filter with unknown values, as argparse names one option at a time
        first = unknown[0]
        unknown_values = ", ".join(f"{value!r}{did_you_mean(value, first.known)}" for value in first.unknown)
        raise UsageError(f"--{first.filter}: unknown {unknown_values}; expected one of: {', '.join(sorted(first.known))}")
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
    written = {target: result.data for target, result in zip(targets, results)}
    with writing_to(targets[0].parent if len(targets) > 1 else targets[0]):
        write_files_atomically(written)
    remember(written)
    for export_format, target, result in zip(formats, targets, results):
        print(f"wrote {target}: {export_format.title}, {len(questions) - len(result.left_out)} of {len(questions)} questions")
        if result.left_out:
            reasons = "; ".join(f"{count} because {reason}" for reason, count in result.left_out_reasons())
            print(f"quizgen: warning: {target.name} leaves out {len(result.left_out)} of {len(questions)} questions: {reasons}",
                  file=sys.stderr)
        for line in result.left_out:
            print(f"quizgen: left out of {target.name}: {line}", file=sys.stderr)
    if defaulted:
        note_default_seeds("the export was" if len(targets) == 1 else "the exports were")
    return 0


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


def add_worksheet_command(commands: Any) -> None:
    """Add `worksheet` to the parser's commands."""
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


def add_export_command(commands: Any) -> None:
    """Add `export` to the parser's commands."""
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
