"""Relative links between pages, for raw HTML that MkDocs does not rewrite."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st
from quizgen.render.links import relative_path, relative_url


def test_links_between_pages_with_directory_urls() -> None:
    assert relative_url("quizzes/topics/bridges.md", "articles/daily-2020.md", "quote-1") == "../../../articles/daily-2020/#quote-1"
    assert relative_url("articles/a.md", "articles/b.md") == "../b/"
    assert relative_url("articles/a.md", "articles/a.md", "q") == "#q"
    assert relative_url("index.md", "exports/questions.json") == "exports/questions.json"
    assert relative_url("articles/index.md", "articles/a.md") == "a/"


def test_links_between_pages_without_directory_urls() -> None:
    assert relative_url("quizzes/topics/bridges.md", "articles/a.md", "q", directory_urls=False) == "../../articles/a.html#q"
    assert relative_url("articles/a.md", "articles/b.md", directory_urls=False) == "b.html"
    assert relative_url("articles/index.md", "index.md", directory_urls=False) == "../index.html"


_PARTS = st.sampled_from(["a", "b", "articles", "topics", "x.html", ".", "..", ""])


@given(st.lists(_PARTS, max_size=4).map("/".join), st.lists(_PARTS, max_size=4).map("/".join))
def test_relative_paths_are_what_posixpath_gives(target: str, base: str) -> None:
    target, base = target.lstrip("/") or ".", base.lstrip("/") or "."
    assert relative_path(target, base) == posixpath.relpath(target, base)
