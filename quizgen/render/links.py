"""URLs between generated pages, for raw HTML where MkDocs does not rewrite `.md` links."""

from __future__ import annotations

import posixpath


def page_url(uri: str, directory_urls: bool) -> str:
    """Where a page's HTML ends up: `articles/x.md` → `articles/x/` (or `articles/x.html`)."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return (folder + "/" if folder else "") if directory_urls else stem + ".html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_uri: str, to_uri: str, anchor: str = "", *, directory_urls: bool = True) -> str:
    """A relative link from one page (by source uri) to another page or file, with an optional anchor."""
    source = page_url(from_uri, directory_urls)
    target = page_url(to_uri, directory_urls) if to_uri.endswith(".md") else to_uri
    rel = _relative_path(source, target)
    if rel in (".", "./") and anchor:
        return f"#{anchor}"
    return rel + (f"#{anchor}" if anchor else "")


def _relative_path(source: str, target: str) -> str:
    """`posixpath.relpath` between two page urls."""
    base = posixpath.dirname(source) if not source.endswith("/") else source.rstrip("/")
    rel = relative_path(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def relative_path(target: str, base: str) -> str:
    """``posixpath.relpath(target, base)`` for two paths inside the site: by their parts, without
    the absolute paths relpath makes first (a tenth of the time; most page pairs are asked once)."""
    target_parts, base_parts = [p for p in target.split("/") if p], [p for p in base.split("/") if p]
    if {".", ".."} & {*target_parts, *base_parts} or target.startswith("/") or base.startswith("/"):
        return posixpath.relpath(target, base)
    common = 0
    for mine, theirs in zip(target_parts, base_parts):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."


class SiteLinks:
    """Relative links between the pages of one build, each pair worked out once: a quiz page links
    the same few articles many times. One per build, so what it keeps goes with the build."""

    def __init__(self, directory_urls: bool = True):
        self.directory_urls = directory_urls
        self._urls: dict[tuple[str, str], str] = {}
        self._md: dict[tuple[str, str], str] = {}

    def url(self, from_uri: str, to_uri: str) -> str:
        """``relative_url(from_uri, to_uri)``, for raw HTML (MkDocs rewrites no link there)."""
        key = (from_uri, to_uri)
        found = self._urls.get(key)
        if found is None:
            found = self._urls[key] = relative_url(from_uri, to_uri, directory_urls=self.directory_urls)
        return found

    def md(self, page: str, target: str, anchor: str = "") -> str:
        """A relative `.md` link that MkDocs resolves: `../articles/x.md#quote-1`."""
        key = (page, target)
        rel = self._md.get(key)
        if rel is None:
            rel = self._md[key] = posixpath.relpath(target, posixpath.dirname(page) or ".")
        return rel + (f"#{anchor}" if anchor else "")
