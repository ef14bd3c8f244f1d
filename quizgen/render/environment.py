"""The Jinja2 environments: project templates override the built-in ones; undefined is an error.

Markdown templates (`*.md`) escape every value for Markdown; HTML templates (`*.html`) escape for
HTML. Values already rendered (``Markup``) pass through unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from quizgen.render.escape import escape_markdown, markdown_finalize


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`1 event`, `2 events`, `1 person`, `3 people` (give the plural when it is not singular + s)."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def builtin_templates_dir() -> Path:
    return Path(str(files("quizgen.templates")))


def _loader(override_dirs: tuple[Path, ...]) -> ChoiceLoader:
    folders = [str(d) for d in override_dirs if d.is_dir()] + [str(builtin_templates_dir())]
    return ChoiceLoader([FileSystemLoader(folder) for folder in folders])


@lru_cache(maxsize=8)
def make_environments(override_dirs: tuple[Path, ...] = ()) -> tuple[Environment, Environment]:
    """(markdown environment, html environment).

    Cached by folders, so every page and worksheet of a build shares compiled templates; the
    loaders still check each template file's modification time, so edits are picked up."""
    common = dict(loader=_loader(override_dirs), undefined=StrictUndefined, keep_trailing_newline=True,
                  trim_blocks=True, lstrip_blocks=True)
    markdown = Environment(autoescape=False, finalize=markdown_finalize, **common)  # type: ignore[arg-type]
    html = Environment(autoescape=True, **common)  # type: ignore[arg-type]
    for env in (markdown, html):
        env.filters["md"] = escape_markdown
        env.filters["counted"] = counted
    return markdown, html
