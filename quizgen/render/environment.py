"""The Jinja2 environments: project templates override the built-in ones; undefined is an error.

Markdown templates (`*.md`) escape every value for Markdown; HTML templates (`*.html`) escape for
HTML. Values already rendered (``Markup``) pass through unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Callable

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket

from quizgen.errors import CorpusError, Problem
from quizgen.output_guard import shown
from quizgen.render.escape import escape_markdown, markdown_finalize


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`1 event`, `2 events`, `1 person`, `3 people` (give the plural when it is not singular + s)."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def builtin_templates_dir() -> Path:
    return Path(str(files("quizgen.templates")))


class _TemplateFolder(FileSystemLoader):
    """A folder of templates whose unreadable files are template errors, with their position."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            filename = str(Path(self.searchpath[0]) / template)
            line = exc.object[:exc.start].count(b"\n") + 1
            raise TemplateSyntaxError(f"expected UTF-8 text, found the byte 0x{exc.object[exc.start]:02x}; save the file as UTF-8",
                                      line, template, filename) from None
        except PermissionError as exc:
            raise TemplateSyntaxError(f"expected a file quizgen can read, found one it cannot read ({exc.strerror})",
                                      1, template, str(Path(self.searchpath[0]) / template)) from None


def _loader(override_dirs: tuple[Path, ...]) -> ChoiceLoader:
    folders = [str(d) for d in override_dirs if d.is_dir()] + [str(builtin_templates_dir())]
    return ChoiceLoader([_TemplateFolder(folder) for folder in folders])


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, in its own folder for this user in the temporary folder
    (made private to the user, as Jinja makes it). Compiling quizgen's templates takes a few tenths
    of a second, a fifth of a small site's build, at every build; an entry is used only while the
    template's source is the same (Jinja checks a digest of it), so an edit is compiled anew. An entry
    that cannot be read or written is compiled as if there were no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged or unreadable entry: compile the template
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full or read-only temporary folder: the next build compiles it again
            pass


def _compiled_templates() -> BytecodeCache | None:
    try:
        return _CompiledTemplates()
    except (OSError, RuntimeError):  # Jinja refuses a folder another user owns or could write to
        return None


@lru_cache(maxsize=8)
def make_environments(override_dirs: tuple[Path, ...] = ()) -> tuple[Environment, Environment]:
    """(markdown environment, html environment).

    Cached by folders, so every page and worksheet of a build shares compiled templates; the
    loaders still check each template file's modification time, so edits are picked up. A site
    build starts with the cache empty (``emit.site_build.forget_earlier_builds``): an override
    added since the last build, or a templates folder made since, would be missed. Between
    builds, compiled templates are kept by `_CompiledTemplates`."""
    # Imported here: the error reports and the templates' folder (`builtin_templates_dir`) are
    # needed by a build whose pages come from the pages' cache, which imports no model.
    from quizgen.model.kinds import QuestionKind

    common = dict(loader=_loader(override_dirs), undefined=StrictUndefined, keep_trailing_newline=True,
                  trim_blocks=True, lstrip_blocks=True, bytecode_cache=_compiled_templates())
    markdown = Environment(autoescape=False, finalize=markdown_finalize, **common)  # type: ignore[arg-type]  # Jinja's Environment takes these options by keyword; the dict's value type is their union
    html = Environment(autoescape=True, **common)  # type: ignore[arg-type]  # Jinja's Environment takes these options by keyword; the dict's value type is their union
    for env in (markdown, html):
        env.filters["md"] = escape_markdown
        env.filters["counted"] = counted
        env.globals["kinds"] = QuestionKind  # `q.kind == kinds.ORDERING`: a misspelt kind is an error, not False
    return markdown, html


def _innermost_template_line(tb: TracebackType | None) -> tuple[str, int] | None:
    """The template file and line where an error was raised, from its traceback.

    A frame of a compiled template knows its template (its line is of the generated code);
    a frame that Jinja rewrote for a template call carries the template's file and line itself."""
    found = None
    while tb is not None:
        frame = tb.tb_frame
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            found = (template.filename, template.get_corresponding_lineno(tb.tb_lineno))
        elif frame.f_code.co_filename.endswith((".md", ".html")) and "__jinja_exception__" in frame.f_globals:
            found = (frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_path(template: Template) -> str:
    """The template's file as a problem names it (relative to the working folder when inside it)."""
    return shown(Path(template.filename)) if template.filename else str(template.name)


def macro_call_error(template: Template, exc: TypeError, calls: str) -> CorpusError:
    """An override's macro that takes other arguments than quizgen passes (an override written for
    another release), located at its template, with the calls quizgen makes."""
    return CorpusError([Problem(template_path(template), 1, 1, f"the template failed: {' '.join(str(exc).split())} "
                                             f"(quizgen calls {calls}; see the built-in template)")])


def template_error(exc: TemplateError) -> CorpusError:
    """A broken template (a syntax error, an undefined variable) as a located problem.

    The template file and line are those of the project's override when it is the one at fault:
    ``templates/home.md:3:1: the template failed: 'infoo' is undefined``."""
    message = " ".join(str(exc.message or exc).split())
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        where: tuple[str, int] | None = (exc.filename, exc.lineno)
        if not message.startswith("expected"):
            message = f"expected a valid Jinja template, found a syntax error: {message}"
    else:
        where = _innermost_template_line(exc.__traceback__)
        message = f"the template failed: {message} (expected only the variables quizgen passes; see the built-in template)"
    path, line = where if where else ("templates", 1)
    return CorpusError([Problem(shown(Path(path)) if where else path, max(line, 1), 1, message)])
