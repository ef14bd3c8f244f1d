"""How the MkDocs plugin fails: one message in place of a traceback, and under `mkdocs serve` the
last good site kept until the corpus is fixed.

`mkdocs serve` prints a traceback for any error in a rebuild and then serves nothing new; the
plugin keeps the last good content instead, shows the problems, and rebuilds that content. Part of
the adapter (with mkdocs_plugin.py, the only modules that import MkDocs).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from mkdocs.exceptions import MkDocsException, PluginError

from quizgen.emit.site import SiteContent
from quizgen.errors import QuizgenError
from quizgen.render.environment import template_error

quizgen_log = logging.getLogger("quizgen.serve")
"""Not under the `mkdocs` logger: with `strict: true` MkDocs would count this as a warning and abort."""


def problem_report(error: Exception) -> str | None:
    """The one-line-per-problem report of an error the user can fix, or None for a bug."""
    if isinstance(error, TemplateError):  # a broken override in templates/
        return template_error(error).report()
    if isinstance(error, QuizgenError):
        return error.report() if hasattr(error, "report") else str(error)
    if isinstance(error, OSError):  # a cache folder that is read-only or full, a file size limit
        where = f" {error.filename}" if isinstance(error.filename, str) else ""
        return f"quizgen: error: the system refused to read or write{where} ({error.strerror or error})"
    return None


def refused_build(error: Exception) -> PluginError | None:
    """The error that ends a build the corpus or the system made impossible, or None for a bug
    (which the plugin raises as it is: its traceback helps whoever reports it)."""
    report = problem_report(error)
    if report is None:
        return None
    what = "found problems in the corpus" if isinstance(error, QuizgenError) else "could not build the site"
    return PluginError(f"quizgen {what}; nothing was built:\n{report}")


def report_failed_rebuild(error: Exception) -> None:
    """Show why a rebuild under `mkdocs serve` failed; the plugin then rebuilds the last good content."""
    report = problem_report(error)
    if report is None:
        quizgen_log.exception("quizgen failed to rebuild the site; still serving the last good site")
    else:
        what = "found problems in the corpus" if isinstance(error, QuizgenError) else "could not rebuild the site"
        quizgen_log.error("quizgen %s; still serving the last good site:\n%s", what, report)


def held_in_memory(content: SiteContent) -> SiteContent:
    """The content with the teachers' files read into memory: a failed rebuild may replace the
    teachers' cache entry they are in, and the last good site must still have them."""
    return replace(content, files={uri: data.read_bytes() if isinstance(data, Path) else data for uri, data in content.files.items()})


def keep_serving_after_failed_rebuilds(server: Any) -> None:
    """Make ``server`` (MkDocs' LiveReloadServer) log a failed rebuild and go on serving: MkDocs'
    server holds every page request after a failed rebuild until one succeeds, and the failed build
    went to a staging folder, so the last good site is whole."""
    rebuild = server.builder

    def rebuild_or_keep_the_last_good_site() -> None:
        try:
            rebuild()
        except Exception as error:  # noqa: BLE001 - anything that failed the rebuild
            if not isinstance(error, MkDocsException):  # a bug: its traceback helps whoever reports it
                quizgen_log.exception("the site could not be rebuilt")
            quizgen_log.error("the site could not be rebuilt (%s); still serving the last good site",
                              " ".join(str(error).split()) or type(error).__name__)

    server.builder = rebuild_or_keep_the_last_good_site
