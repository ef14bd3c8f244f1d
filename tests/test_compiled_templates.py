"""Compiled templates kept between builds never stand in for a template that changed or broke.

The environments keep each compiled template in Jinja's cache (a folder private to the user in
the temporary folder): a build that follows reads it back instead of compiling again. A template
edited since, a broken one or a damaged entry must read, and fail, exactly as if compiled anew.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import TemplateError
from quizgen.render.environment import (
    _CompiledTemplates,
    make_environments,
    template_error,
)


@pytest.fixture(autouse=True)
def fresh_environments() -> Iterator[None]:
    make_environments.cache_clear()  # each build starts with new environments, as a new process does
    yield
    make_environments.cache_clear()


def _render(folder: Path) -> str:
    make_environments.cache_clear()
    markdown, _ = make_environments((folder,))
    return markdown.get_template("home.md").render(info={"title": "News"})


def _entry(folder: Path) -> Path:
    """Where the cache keeps the override ``folder/home.md``."""
    markdown, _ = make_environments((folder,))
    cache = _CompiledTemplates()
    source = (folder / "home.md").read_text(encoding="utf-8")
    bucket = cache.get_bucket(markdown, "home.md", str(folder / "home.md"), source)
    return Path(cache._get_cache_filename(bucket))


def test_a_template_is_kept_compiled_and_an_edit_is_compiled_anew(tmp_path: Path) -> None:
    template = tmp_path / "home.md"
    template.write_text("# {{ info.title }}: first\n", encoding="utf-8")
    assert _render(tmp_path) == "# News: first\n"
    assert _entry(tmp_path).is_file()
    stamp = template.stat()
    template.write_text("# {{ info.title }}: again\n", encoding="utf-8")
    os.utime(template, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # the same size and time: only its text differs
    assert _render(tmp_path) == "# News: again\n"


def test_a_damaged_entry_is_compiled_anew(tmp_path: Path) -> None:
    (tmp_path / "home.md").write_text("# {{ info.title }}\n", encoding="utf-8")
    assert _render(tmp_path) == "# News\n"
    entry = _entry(tmp_path)
    entry.write_bytes(entry.read_bytes()[:40] + b"\x00not a compiled template")
    assert _render(tmp_path) == "# News\n"


def test_a_broken_template_read_back_names_the_same_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "home.md").write_text("# {{ info.title }}\n\nHello {{ infoo.title }}\n", encoding="utf-8")
    reports = []
    for _ in range(2):  # compiled, then read back from the cache
        with pytest.raises(TemplateError) as raised:
            _render(tmp_path)
        reports.append(str(template_error(raised.value)))
    assert _entry(tmp_path).is_file()
    assert reports[0] == reports[1] and "home.md:3:1: the template failed: 'infoo' is undefined" in reports[0]
