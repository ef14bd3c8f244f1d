"""Reading a built site: its links, anchors, external references and files, for the site tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).parent.parent


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sources: list[str] = []
        self.stack: list[str] = []
        self.abbr_in_quiz = 0
        self._quiz_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "link" and values.get("href"):
            self.sources.append(values["href"] or "")
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.sources.append(values["src"] or "")
        if tag == "div" and "qg-quiz" in (values.get("class") or "").split():
            self._quiz_depth = 1
        elif self._quiz_depth and tag == "div":
            self._quiz_depth += 1
        if self._quiz_depth and tag == "abbr":
            self.abbr_in_quiz += 1

    def handle_endtag(self, tag: str) -> None:
        if self._quiz_depth and tag == "div":
            self._quiz_depth -= 1


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve_link(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The file and anchor a relative link points at, or None for external and special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        target = page
    elif parts.path.startswith("/"):  # site-absolute, as on 404.html
        target = (site / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def make_project(target: Path, seeds: Path) -> Path:
    """A site project: the repository's mkdocs.yml and templates, with the given corpus."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "templates", target / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    (target / "docs").mkdir(exist_ok=True)
    shutil.copytree(seeds, target / "seeds")
    return target


def mkdocs(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("SOURCE_DATE_EPOCH", None) if env is None or "SOURCE_DATE_EPOCH" not in env else None
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=full_env, capture_output=True, text=True, timeout=600)
