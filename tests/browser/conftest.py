"""Browser tests: the built site served on localhost, driven in Debian's Chromium by Playwright.

The browser is never downloaded: Playwright launches /usr/bin/chromium (`apt-get install chromium`,
which `make test` does when it is missing). Without it the tests skip, except under CI (CI=true),
where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest
from browser_env import CHROMIUM, CHROMIUM_ARGS, REPO, require_browser

from site_checks import make_project, mkdocs
from written_corpus import make_written_corpus


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1; the folder can be rebuilt while it serves.

    It serves from the start, before the site is built, so that the build's `site_url` is the address it
    is served at: mkdocs-material's instant navigation only follows links listed in the sitemap.
    """

    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def project_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser") / "project"


@pytest.fixture(scope="session")
def server(project_folder: Path) -> Iterator[SiteServer]:
    served = SiteServer(project_folder / "site")
    yield served
    served.close()


@pytest.fixture(scope="session")
def site_project(project_folder: Path, server: SiteServer) -> Path:
    require_browser()
    project = make_project(project_folder, REPO / "seeds")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nsite_url: {server.url}\n")
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def written_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """A second site, built from a corpus with every written kind (tests/written_corpus.py)."""
    served = SiteServer(tmp_path_factory.mktemp("browser-written") / "project" / "site")
    yield served
    served.close()


@pytest.fixture(scope="session")
def written_project(written_server: SiteServer) -> Path:
    require_browser()
    folder = written_server.root.parent
    project = make_project(folder, make_written_corpus(folder.parent / "seeds"))
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nsite_url: {written_server.url}\n")
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class PageWatch:
    """Console errors, page errors and requests that leave localhost, for one page."""

    def __init__(self, page: Any, base: str):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(base) or url.startswith("data:") or url.startswith("blob:"):
                route.continue_()
            else:
                self.foreign.append(url)
                route.abort()

        page.route("**/*", route)


def _watched_tab(browser: Any, server: SiteServer) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = PageWatch(tab, server.url)
    tab.watch = watch  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert watch.errors == [], f"console errors: {watch.errors}"
    assert watch.foreign == [], f"requests left localhost: {watch.foreign}"


@pytest.fixture
def page(browser: Any, server: SiteServer, site_project: Path) -> Iterator[Any]:
    yield from _watched_tab(browser, server)


@pytest.fixture
def written_page(browser: Any, written_server: SiteServer, written_project: Path) -> Iterator[Any]:
    """A tab on the site of written items, watched like ``page``."""
    yield from _watched_tab(browser, written_server)
