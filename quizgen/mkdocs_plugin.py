"""The MkDocs plugin: a thin adapter over `site_content_from_folders`.

It loads and validates the corpus (or, when nothing it is made from changed, takes the last
build's site from the pages' cache), adds every generated page (`File.generated`, MkDocs 1.6) and
download (in memory, or copied from the teachers' cache), sets the navigation when mkdocs.yml has
none, appends the glossary's abbreviations to the project's own pages (generated pages come with
theirs), and makes `mkdocs serve` watch the corpus and the templates.
This is the only module that imports MkDocs.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from quizgen.emit.page_cache import (
    DEFAULT_CACHE_FOLDERS,
    BuildCaches,
    site_content_from_folders,
)
from quizgen.emit.site import SCRIPTS, SiteContent
from quizgen.errors import UsageError
from quizgen.mkdocs_serve import (
    held_in_memory,
    keep_serving_after_failed_rebuilds,
    problem_report,
    quizgen_log,
    refused_build,
    report_failed_rebuild,
)
from quizgen.output_guard import (
    OUTPUT_MARKER,
    content_folders,
    project_paths,
    refuse_overlap,
    shown,
)
from quizgen.render.downloads import WORKSHEET_SCOPES
from quizgen.staged_site import StagedSite, holds_a_site


class QuizgenPluginConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    """The corpus folder, relative to mkdocs.yml."""
    templates = c.Optional(c.Type(str))
    """A folder of templates that override the built-in ones, relative to mkdocs.yml; it must exist
    when named. Unnamed: `templates/` beside mkdocs.yml, if there is one."""
    title_from_corpus = c.Type(bool, default=True)
    """Use the corpus title as the site name."""
    worksheets = c.Choice(WORKSHEET_SCOPES, default="all")
    """Which printable worksheets the teachers' page offers: `all` (per article too), `corpus`, `none`."""
    pdf_cache = c.Type(str, default=DEFAULT_CACHE_FOLDERS["pdf"])
    """Where rendered worksheets are kept by content, relative to mkdocs.yml: unchanged ones are not rendered again."""
    yaml_cache = c.Type(str, default=DEFAULT_CACHE_FOLDERS["yaml"])
    """Where the corpus's parsed YAML is kept, relative to mkdocs.yml: unchanged files are read back,
    not parsed again (and are validated all the same)."""
    teachers_cache = c.Type(str, default=DEFAULT_CACHE_FOLDERS["teachers"])
    """Where the teachers' files (exports and worksheets) of the last build are kept, relative to
    mkdocs.yml: a build whose corpus, templates and quizgen are unchanged takes them from here."""
    pages_cache = c.Type(str, default=DEFAULT_CACHE_FOLDERS["pages"])
    """Where the generated site (every page and file) of the last build is kept, relative to
    mkdocs.yml: a build whose corpus, templates, quizgen and options are unchanged takes it from
    here, without loading the corpus again."""


def _as_html_title(text: str) -> Markup:
    """MkDocs themes print titles as HTML (raw, or through `|e`, which leaves Markup alone): escape once."""
    return Markup(html.escape(text, quote=True))


def _mkdocs_nav(items: list[Any]) -> list[Any]:
    nav: list[Any] = []
    for item in items:
        if isinstance(item, str):
            nav.append(item)
        else:
            title, target = item
            nav.append({_as_html_title(title): _mkdocs_nav(target) if isinstance(target, list) else target})
    return nav


def _build_date(content: SiteContent) -> str:
    """The date MkDocs stamps on every page in the sitemap (and the sitemap's gzip header): the
    latest article's, fixed by the corpus, not the clock. The gzip header holds 1970-01-01 to
    2106-02-07: an older corpus is dated 1970."""
    epoch = content.latest_publication_timestamp
    return datetime.fromtimestamp(min(max(epoch, 0), 2**32 - 1), timezone.utc).strftime("%Y-%m-%d")


class _Counter(logging.Handler):
    """Counts MkDocs' warnings, which make a strict build abort after on_post_build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class QuizgenPlugin(BasePlugin[QuizgenPluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.content: SiteContent | None = None
        self.serving = False
        self.staged = False
        self.generated_pages: set[str] = set()
        self.build_date: str | None = None
        """Every page's date in the sitemap, unless SOURCE_DATE_EPOCH sets it (MkDocs reads it then)."""
        self.site = StagedSite()
        self.warnings: _Counter | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across `mkdocs serve` rebuilds,
        # so the last good content is still here when an edit breaks the corpus.
        self.serving = command == "serve"
        self.staged = not dirty  # a dirty build writes over the last one, so it needs it in place

    def _stage(self, config: Any) -> None:
        """Build into a folder beside site/, swapped in only when the build succeeds (`StagedSite`)."""
        config.site_dir = str(self.site.start(Path(config.site_dir)))
        if self.warnings is None:
            self.warnings = _Counter()
            logging.getLogger("mkdocs").addHandler(self.warnings)
        self.warnings.count = 0

    @event_priority(-100)  # after every other plugin's on_post_build (search writes its index there)
    def on_post_build(self, *, config: Any) -> None:
        if config.strict and self.warnings is not None and self.warnings.count:
            return  # MkDocs aborts next, in strict mode: on_build_error discards the staged site
        served = self.site.finish(mark=not self.serving)  # under serve, no mark: the folder is MkDocs' own
        if served is not None:
            config.site_dir = str(served)  # for what reads it after the build (gh-deploy)

    @event_priority(-100)  # last: it may end the build with a message in place of the error
    def on_build_error(self, *, error: Exception) -> None:
        self.site.discard()  # the last good site stays served (on_serve)
        if isinstance(error, OSError):  # MkDocs' own writes on a full disk or past a file size limit: one line, not a traceback
            raise Abort(f"{problem_report(error)}; the previous site was left as it was") from None

    def _paths(self, config: Any) -> tuple[Path, Path, str]:
        root = Path(config.config_file_path or ".").resolve().parent
        seeds = root / self.config.seeds
        display = os.path.relpath(seeds, Path.cwd()) if seeds.is_relative_to(Path.cwd()) else str(seeds)
        return seeds, root / (self.config.templates or "templates"), display

    def _refuse_unsafe_folders(self, config: Any, seeds: Path, templates: Path) -> None:
        """A build replaces site_dir (MkDocs empties it under --dirty=False), and the caches remove their old entries: neither
        may be, hold or sit inside what the project is made of, and site_dir must hold a site."""
        root = Path(config.config_file_path or ".").resolve().parent
        paths = project_paths(seeds, (templates,), docs_dir=Path(config.docs_dir),
                              config_file=Path(config.config_file_path) if config.config_file_path else None)
        site_dir = Path(config.site_dir)
        if not self.serving:  # mkdocs serve builds into a temporary folder of its own
            refuse_overlap("site_dir", site_dir, paths, inside=content_folders(paths), as_given=shown(site_dir))
            if site_dir.is_dir() and not holds_a_site(site_dir):
                raise UsageError(f"site_dir {shown(site_dir)} holds files that are not a built site (no {OUTPUT_MARKER}, "
                                 "index.html or sitemap.xml), and a build replaces it as a whole; choose a new or empty folder")
        guarded = {**paths, "site_dir": None if self.serving else site_dir}
        for option in ("teachers_cache", "pdf_cache", "yaml_cache", "pages_cache"):
            refuse_overlap(option, root / getattr(self.config, option), guarded, inside=[*content_folders(paths), "site_dir"],
                           as_given=getattr(self.config, option))

    def on_config(self, config: Any) -> Any:
        seeds, templates, display = self._paths(config)
        if self.config.templates is not None and not templates.is_dir():  # as `quizgen build --templates` refuses it
            raise PluginError(f"quizgen: templates: {self.config.templates}: expected a folder of template overrides beside "
                              f"mkdocs.yml, found no such folder; remove the line to use the built-in templates. "
                              f"Nothing was built or deleted")
        try:
            self._refuse_unsafe_folders(config, seeds, templates)
        except UsageError as error:
            raise PluginError(f"quizgen: {error}; nothing was built or deleted") from None
        try:
            root = Path(config.config_file_path or ".").resolve().parent
            caches = BuildCaches(yaml=root / self.config.yaml_cache, pdf=root / self.config.pdf_cache,
                                 teachers=root / self.config.teachers_cache, pages=root / self.config.pages_cache)
            content = site_content_from_folders(seeds, templates, caches, directory_urls=config.use_directory_urls,
                                                worksheets=self.config.worksheets, display_root=display)
            for warning in content.warnings:  # not under the `mkdocs` logger: strict mode would abort the build
                quizgen_log.warning("%s", warning)
            # Under serve, kept as the last good site: held in memory, not in a cache entry a failed rebuild may replace.
            self.content = held_in_memory(content) if self.serving else content
        except Exception as error:  # noqa: BLE001 - under serve, any failure keeps the last good site
            if not (self.serving and self.content is not None):
                refused = refused_build(error)
                if refused is None:
                    raise
                raise refused from None
            report_failed_rebuild(error)  # and rebuild the last good content, until the corpus is fixed
        assert self.content is not None  # built now, or kept from the last good build
        if self.config.title_from_corpus:
            config.site_name = _as_html_title(self.content.title)
        if not config.nav:
            config.nav = _mkdocs_nav(self.content.nav)
        if "assets/quizgen.css" not in config.extra_css:
            config.extra_css.append("assets/quizgen.css")
        # The quiz script's parts are ES modules (they import one another): listed in mkdocs.yml as plain
        # paths, they would be loaded as classic scripts, which cannot import.
        scripts = [f"assets/{name}" for name in SCRIPTS]
        config.extra_javascript[:] = [s for s in config.extra_javascript if str(s) not in scripts]
        for path in scripts:
            script = ExtraScriptValue(path)
            script.type = "module"
            config.extra_javascript.append(script)
        self.build_date = None if "SOURCE_DATE_EPOCH" in os.environ else _build_date(self.content)
        if self.staged:
            self._stage(config)
        return config

    def on_pre_build(self, *, config: Any) -> None:
        # site/ is replaced at the end (or, unstaged, cleaned by MkDocs next): a folder in it that may
        # not be changed would fail that halfway, with a traceback: refuse first, the site as it was.
        site = self.site.served if self.site.staging is not None and self.site.served is not None else Path(config.site_dir)
        folders = [site.parent, *([site, *(p for p in site.rglob("*") if p.is_dir() and not p.is_symlink())] if site.is_dir() else [])]
        for folder in folders:
            if not os.access(folder, os.W_OK | os.X_OK):
                raise PluginError(f"quizgen: error: cannot replace the site: the folder {shown(folder)} may not be changed (check its permissions); "
                                  "the previous site was left as it was")

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.content is not None
        self.generated_pages = set(self.content.pages)
        not_in_nav = set(self.content.not_in_nav)  # listed on their section's index page instead
        for uri, text in sorted(self.content.pages.items()):
            inclusion = InclusionLevel.NOT_IN_NAV if uri in not_in_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, uri, content=text, inclusion=inclusion))
        if not self.serving:  # the Files hold the pages now: no second reference to keep them alive (on_post_page)
            self.content = replace(self.content, pages={})
        for uri, data in sorted(self.content.files.items()):
            if isinstance(data, Path):  # from the teachers' cache: MkDocs copies it, and it is never read into memory
                files.append(File.generated(config, uri, abs_src_path=str(data)))
            else:
                files.append(File.generated(config, uri, content=data))
        return files

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        # Every page exists now (a --dirty build's unchanged ones too) and the sitemap comes next.
        if self.build_date is not None:  # the sitemap's dates, and so its gzip header's (see _build_date)
            for file in files.documentation_pages():
                if file.page is not None:
                    file.page.update_date = self.build_date
        return env

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        assert self.content is not None
        if isinstance(page.title, Markup):  # ours: material prints `page.title|striptags` in <title>, which unescapes it
            page.meta.setdefault("title", page.title)
        if page.file.src_uri in self.generated_pages:  # ours end with their abbreviations already
            return markdown
        lines = self.content.abbreviation_lines_for(markdown)
        return f"{markdown}\n\n{lines}" if lines else markdown

    @event_priority(-100)  # after every other plugin's on_page_content
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        # MkDocs renders every page before it writes any, and keeps each page's Markdown twice
        # meanwhile (the File's text, and page.markdown without its meta lines), though nothing reads
        # it once the page is rendered: for a large corpus that is hundreds of MiB. Release it for
        # quizgen's pages ("", not None: a page without Markdown would lose its title).
        if page.file.src_uri in self.generated_pages:
            page.markdown = ""
            page.file.content_string = ""
        return html

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        seeds, templates, _ = self._paths(config)
        for folder in (seeds, templates):
            if folder.is_dir():
                server.watch(str(folder))
        if self.staged:  # a failed rebuild went to a staging folder: the last good site is whole
            keep_serving_after_failed_rebuilds(server)
        return server
