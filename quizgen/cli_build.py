"""`quizgen build`: the site's pages and downloads written to a folder without MkDocs, through the
same pipeline as the MkDocs plugin (`site_content_from_folders`), caches included."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizgen.cli_outputs import writing_to
from quizgen.errors import UsageError


def _guard_caches(paths: dict[str, Path | None], *caches: tuple[str, Path]) -> None:
    from quizgen.output_guard import content_folders, refuse_overlap

    for option, folder in caches:
        refuse_overlap(option, folder, paths, inside=content_folders(paths))


def _command_build(args: argparse.Namespace) -> int:
    from quizgen.atomic_files import write_tree_atomically
    from quizgen.emit.page_cache import BuildCaches, site_content_from_folders
    from quizgen.output_guard import (
        MARKER_TEXT,
        OUTPUT_MARKER,
        check_replaceable_folder,
        content_folders,
        project_paths,
        refuse_overlap,
    )

    if args.templates is not None and not Path(args.templates).is_dir():
        raise UsageError(f"--templates {args.templates}: expected a folder of template overrides, found no such folder")
    out, templates = Path(args.out), Path(args.templates or "templates")
    paths = project_paths(Path(args.seeds), (templates,))
    refuse_overlap("--out", out, paths, inside=content_folders(paths))  # before anything is read or written
    check_replaceable_folder("--out", out)
    caches = BuildCaches(yaml=Path(args.yaml_cache), pdf=Path(args.pdf_cache), teachers=Path(args.teachers_cache),
                         pages=Path(args.pages_cache))
    _guard_caches({**paths, "the output folder": out}, ("--pdf-cache", caches.pdf), ("--yaml-cache", caches.yaml),
                  ("--teachers-cache", caches.teachers), ("--pages-cache", Path(args.pages_cache)))
    content = site_content_from_folders(Path(args.seeds), templates, caches, directory_urls=not args.no_directory_urls,
                                        worksheets=args.worksheets)
    files = {uri: text.encode("utf-8") for uri, text in content.pages.items()} | content.files
    files[OUTPUT_MARKER] = MARKER_TEXT.encode("utf-8")
    with writing_to(out):
        write_tree_atomically(out, files)
    print(f"wrote {len(content.pages)} pages and {len(content.files)} files to {args.out}")
    for warning in content.warnings:  # a teachers' cache that cannot be written: the site was built without it
        print(warning, file=sys.stderr)
    return 0


def add_build_command(commands: Any) -> None:
    """Add `build` to the parser's commands."""
    build = commands.add_parser("build", help="generate the site's Markdown pages and downloads without MkDocs",
                                description="Generate every page (Markdown) and download of the study site into a folder, as the MkDocs plugin does, without MkDocs. The folder is replaced only when everything was generated, and only if it is new, empty, or was written by quizgen build (it holds a .quizgen-output file); never the corpus, the templates, the working folder or a folder holding them.")
    build.add_argument("--seeds", default="seeds", metavar="DIR", help="the corpus folder (default: seeds)")
    build.add_argument("--out", required=True, metavar="DIR", help="the folder to write: new, empty, or written by quizgen build before (replaced as a whole)")
    build.add_argument("--templates", metavar="DIR", help="templates that override the built-in ones; a folder you name must exist (default: templates, if there is one)")
    build.add_argument("--no-directory-urls", action="store_true", help="link pages as page.html instead of page/ (match MkDocs' use_directory_urls)")
    build.add_argument("--worksheets", default="all", choices=("all", "corpus", "none"), help="printable worksheets for the teachers' page: all (per article too), corpus (the corpus and glossary worksheets), none (default: all)")
    build.add_argument("--pdf-cache", default=".cache/quizgen/pdf", metavar="DIR", help="where rendered worksheets are kept by content, so unchanged ones are not rendered again (default: .cache/quizgen/pdf)")
    build.add_argument("--yaml-cache", default=".cache/quizgen/yaml", metavar="DIR", help="where the corpus's parsed YAML is kept, so unchanged files are not parsed again; they are still validated (default: .cache/quizgen/yaml)")
    build.add_argument("--teachers-cache", default=".cache/quizgen/teachers", metavar="DIR", help="where the teachers' files (exports and worksheets) of the last build are kept, so a build whose corpus, templates, quizgen and options are unchanged takes them from there, as the MkDocs plugin does (default: .cache/quizgen/teachers)")
    build.add_argument("--pages-cache", default=".cache/quizgen/pages", metavar="DIR", help="where the generated site (every page and file) of the last build is kept, so a build whose corpus, templates, quizgen and options are unchanged takes it from there without loading the corpus, as the MkDocs plugin does (default: .cache/quizgen/pages)")
    build.set_defaults(run=_command_build)
