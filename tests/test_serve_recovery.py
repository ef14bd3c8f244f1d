"""`mkdocs serve` survives a broken edit: it shows the problems, keeps serving the last good site,
and serves the fixed content once the file is fixed. Loopback only; the server is always stopped."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable

from site_checks import make_project

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"
WAIT_SECONDS = 120


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page, without the build counters that mkdocs serve's live-reload script carries."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a loopback URL built here
        return re.sub(r"livereload\(\d+, \d+\)|reload\(\d+, \d+\)", "reload()", response.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting for {what}; server log:\n{log.read_text(errors='replace')}")


def test_serve_keeps_the_last_good_site_while_the_corpus_is_broken(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE_CORPUS)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    with log.open("w") as log_file:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    facts = project / "seeds" / "facts" / "bridge.yaml"
    good = facts.read_text(encoding="utf-8")

    def log_text() -> str:
        return log.read_text(encoding="utf-8", errors="replace")

    def serves(text: str) -> bool:
        try:
            return text in fetch(url + "briefing/")
        except OSError:
            return False

    try:
        wait_for(lambda: serves("The Riverton bridge opened on 4 May 2020."), "the first build", log)
        before = fetch(url + "briefing/")

        facts.write_text(good.replace("date: 2020-05-04", "date: 2020-02-30"), encoding="utf-8")
        wait_for(lambda: "2020-02-30" in log_text(), "the broken rebuild to report the problem", log)
        assert "seeds/facts/bridge.yaml:4:11: expected a real calendar date, found '2020-02-30'" in log_text()
        assert "still serving the last good site" in log_text()
        time.sleep(1)  # let the rebuild finish writing, if it were to write anything
        assert fetch(url + "briefing/") == before, "the last good page is still served"
        assert server.poll() is None, "the server is still running"

        facts.write_text(good.replace("The Riverton bridge opened on 4 May 2020.", "The new Riverton bridge opened on 4 May 2020."), encoding="utf-8")
        wait_for(lambda: serves("The new Riverton bridge opened on 4 May 2020."), "the fixed content to be served", log)
        assert server.poll() is None
        assert "Traceback" not in log_text(), log_text()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)
