"""The curation commands of `quizgen` (hash, quote, new, draft, preview, add-article): thin
adapters over ``quizgen.curate``, added to the parser by ``add_curation_commands``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizgen.corpus_loader import load_corpus
from quizgen.errors import UsageError
from quizgen.validate.consistency import HASHED_TEXT as HASHED_TEXT_HELP


def _command_draft(args: argparse.Namespace) -> int:
    from quizgen.curate.draft_yaml import render_drafts
    from quizgen.curate.fact_drafts import (
        draft_facts,
        people_missing,
        read_draft_article,
        read_other_articles,
        read_people,
    )

    path = Path(args.article)
    if not path.exists() and "/" not in args.article and not args.article.endswith(".md"):
        path = Path(args.seeds) / "articles" / f"{args.article}.md"  # an article id
    article = read_draft_article(path)
    people = read_people(Path(args.seeds))
    facts, terms = draft_facts(article, people, read_other_articles(Path(args.seeds), article))
    missing = people_missing(facts, people)
    sys.stdout.write(render_drafts(str(path), facts, terms, missing))
    if missing:  # each would be an unknown person once the draft flag is gone
        print(f"quizgen: warning: {len(missing)} {'person' if len(missing) == 1 else 'people'} of these drafts "
              f"{'is' if len(missing) == 1 else 'are'} not in {args.seeds.rstrip('/')}/people.yaml ({', '.join(missing)}): "
              "add each there (id, name, role) before you keep their facts", file=sys.stderr)
    return 0


def _command_preview(args: argparse.Namespace) -> int:
    import difflib

    from quizgen.curate.fact_preview import preview_fact
    from quizgen.export.kahoot import why_not_kahoot
    from quizgen.generate.question_bank import build_question_bank

    corpus = load_corpus(Path(args.seeds))
    items = {item.id: item for item in (*corpus.facts, *corpus.terms)}
    if args.fact not in items:
        near = difflib.get_close_matches(args.fact, sorted(items), n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"expected the id of a fact or glossary term of {args.seeds}, found '{args.fact}'{hint}")
    bank = build_question_bank(corpus)
    questions = [q for q in bank.questions if args.fact in q.fact_ids]
    origin = corpus.origins.get(args.fact)
    where = f"{origin.path}:{origin.line}:{origin.column}: " if origin else ""
    print(f"{where}{args.fact}: {len(questions)} question{'s' if len(questions) != 1 else ''}")
    # every question citing the article, not only the quiz set drawn from them: the set builder drops
    # an item that gives another away, and the curator should hear of it
    preview = preview_fact(items[args.fact], questions, lambda article: list(bank.candidates((article,))), why_not_kahoot)  # type: ignore[arg-type]  # Question is frozen; PreviewQuestion declares plain attributes
    for line in preview.lines:
        print(line)
    if preview.warnings:
        print(f"quizgen: {preview.warnings} warning{'s' if preview.warnings != 1 else ''}", file=sys.stderr)
    return 0


def _command_hash(args: argparse.Namespace) -> int:
    from quizgen.curate.article_hash import article_hash

    found = article_hash(Path(args.article))
    print(found.computed)
    if found.recorded is not None and found.recorded != found.computed:
        print(f"{found.display}:{found.line}:{found.column}: the file records source_sha256 {found.recorded}; "
              "`quizgen check --fix-hashes` rewrites it", file=sys.stderr)
    return 0


def _command_quote(args: argparse.Namespace) -> int:
    from quizgen.curate.quote_finder import (
        find_passages,
        nearest_passages,
        read_article_text,
    )

    path = Path(args.article)
    if not path.exists() and "/" not in args.article and not args.article.endswith(".md"):
        path = Path(args.seeds) / "articles" / f"{args.article}.md"  # an article id
    article = read_article_text(path)
    if not args.words.strip():
        raise UsageError("expected words to look for, found an empty string")
    found = find_passages(article, args.words)
    quotable = [p for p in found if p.furniture is None]
    for passage in found:
        note = f"  (in furniture: {passage.furniture}; never quoted)" if passage.furniture else ""
        print(f"{article.display}:{passage.line}:{passage.column}: {passage.text}{note}")
    if quotable:
        return 0
    if not found:
        print(f"{article.display}: the words are not in the article; the nearest passages:")
        for passage in nearest_passages(article, args.words, args.count):
            note = f" (in furniture: {passage.furniture})" if passage.furniture else ""
            difference = f"; {passage.difference}" if passage.difference else ""
            alike = "the same words but for case and punctuation" if passage.similarity == 1 else f"{passage.similarity:.0%} alike"
            print(f"{article.display}:{passage.line}:{passage.column}: {alike}{note}{difference}")
            print(f"    {passage.text}")
    print(f"quizgen: expected the words word for word in {article.display} outside furniture, found {'them only in furniture' if found else 'them nowhere'}", file=sys.stderr)
    return 1


def _command_new(args: argparse.Namespace) -> int:
    from quizgen.atomic_files import write_tree_atomically
    from quizgen.curate.skeleton import corpus_skeleton, refuse_unless_new

    target = Path(args.dir)
    refuse_unless_new(target)
    files = corpus_skeleton(target)
    write_tree_atomically(target, {name: data for name, data in files.items()})
    print(f"wrote a new corpus in {target}: {', '.join(sorted(files))}")
    print(f"next: replace the example, then run `quizgen check --seeds {target}`")
    return 0


def _command_add_article(args: argparse.Namespace) -> int:
    import re

    from quizgen.curate.article_import import ArticleRequest, import_article
    from quizgen.curate.corpus_registry import known_outlets, write_new_file
    from quizgen.model.field_types import ID_PATTERN

    for option, value in (("--outlet", args.outlet), ("--id", args.id)):
        if value is not None and not re.fullmatch(ID_PATTERN, value):  # an id names the file: no '/' or '..'
            raise UsageError(f"{option}: expected an id of lowercase letters, digits and single hyphens, like rudaw-2021-04-07, found '{value}'")
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        raise UsageError(f"expected a corpus folder, found no folder at '{seeds}'")
    outlets = known_outlets(seeds)
    if outlets is not None and args.outlet not in outlets:
        raise UsageError(f"--outlet: expected an outlet of {seeds}/outlets.yaml ({', '.join(sorted(outlets)) or 'none yet'}), found '{args.outlet}'; add it there first")
    request = ArticleRequest(outlet=args.outlet, url=args.url, article_id=args.id, headline=args.headline,
                             byline=args.byline, published=args.published, outlet_name=(outlets or {}).get(args.outlet))
    article = import_article(Path(args.file), request)
    target = seeds / "articles" / f"{article.id}.md"
    write_new_file(target)(article.text.encode("utf-8"))
    print(f"wrote {target}: {article.furniture} lines fenced as furniture for review")
    for note in article.notes:
        print(f"  {note}")
    print(f"next: review the fences and write the reliability line in {target}, then `quizgen check --seeds {seeds}`")
    return 0


def add_curation_commands(commands: Any) -> None:
    """Add the curation subcommands to ``commands`` (the parser's subparsers)."""
    hash_ = commands.add_parser("hash", help="print the source_sha256 an article file should carry",
                                description="Print the SHA-256 that an article file's source_sha256 should hold: the hash of " + HASHED_TEXT_HELP + ". A file that does not start with a '---' line is taken as all text (a raw article).")
    hash_.add_argument("article", metavar="ARTICLE", help="an article file (articles/ID.md) or a raw text file")
    hash_.set_defaults(run=_command_hash)
    quote = commands.add_parser("quote", help="find words in an article as the quote check does, or the nearest passages",
                                description="Print where the words stand in the article (path:line:col and the passage as the file has it), as `quizgen check` finds a quote: typographic quotes, dashes, non-breaking spaces and runs of white space may differ, and ' ... ' joins passages. When the words are not there, print the nearest passages, best first, and exit 1.")
    quote.add_argument("article", metavar="ARTICLE", help="an article file, or an article id (looked up in DIR/articles/)")
    quote.add_argument("words", metavar="WORDS", help="the words to look for")
    quote.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder an article id is looked up in (default: seeds)")
    quote.add_argument("--count", type=int, default=3, metavar="N", help="how many nearest passages to show when the words are not there (default: 3)")
    quote.set_defaults(run=_command_quote)
    new = commands.add_parser("new", help="make a corpus folder with a commented example of every file",
                              description="Make a corpus folder holding a commented example of every file (corpus, outlets, people, topics, glossary, two articles, and a facts file with every kind of fact) that `quizgen check --seeds DIR` accepts as made. DIR must not exist or be empty.")
    new.add_argument("dir", metavar="DIR", help="the folder to make (new, or empty)")
    new.set_defaults(run=_command_new)
    draft = commands.add_parser("draft", help="propose facts from an article, each quoting it word for word",
                                description="Print, as a facts: YAML document marked draft: true, the facts an article suggests: figures with their units and qualifiers, dates (a weekday resolved from the publication date), quotations with their speaker, people with the role an apposition gives them, every sentence of ten words or more as a claim, and acronyms with their expansion as glossary terms; a figure or a name that other articles of the corpus state too gets them as further sources. Every quote is a sentence of the article, word for word; the rest is a guess, with TODO where you must write. quizgen check skips a file marked draft: true, with a warning. Offline and deterministic.")
    draft.add_argument("article", metavar="ARTICLE", help="an article file, or an article id (looked up in DIR/articles/)")
    draft.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder: its people.yaml gives speakers and persons their ids (default: seeds)")
    draft.set_defaults(run=_command_draft)
    preview = commands.add_parser("preview", help="show the questions a fact makes, with warnings",
                                  description="Print every question a fact (or glossary term) makes, with its options and the correct one marked, and warn about a measure or title that is not a noun phrase, a question outside Kahoot's limits, and questions of the same article's quiz that give each other away. Exit 0 even with warnings.")
    preview.add_argument("fact", metavar="FACT-ID", help="the id of a fact or a glossary term")
    preview.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder (default: seeds)")
    preview.set_defaults(run=_command_preview)
    add = commands.add_parser("add-article", help="make an article file from a saved web page or a plain text",
                              description="Make DIR/articles/ID.md from a saved web page (HTML: text and metadata by trafilatura, the date by htmldate) or a plain text: front matter with id, outlet, headline, byline, published, source_sha256 and the rest, then the text with likely furniture (headline, dates, bylines, share and 'Read also' lines, captions, timestamps, credits, comments, lines the extractor dropped) fenced in '::: furniture KIND' blocks to review. An existing article file is never replaced.")
    add.add_argument("file", metavar="FILE", help="the saved web page (.html) or text file")
    add.add_argument("--outlet", required=True, metavar="ID", help="the outlet's id (from DIR/outlets.yaml)")
    add.add_argument("--url", metavar="URL", help="the article's address (default: the page's canonical address)")
    add.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder (default: seeds)")
    add.add_argument("--id", metavar="ID", help="the article's id (default: OUTLET-YYYY-MM-DD)")
    add.add_argument("--headline", metavar="TEXT", help="the headline, when the one found is wrong")
    add.add_argument("--byline", metavar="TEXT", help="the byline, when the one found is wrong or missing")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date, when the one found is wrong or missing")
    add.set_defaults(run=_command_add_article)
