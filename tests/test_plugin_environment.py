"""The MkDocs plugin dates the sitemap by the corpus without touching the process's environment:
whatever runs MkDocs in the same process (a script, another tool's build) keeps its own clock."""

from __future__ import annotations

import calendar
import gzip
import os
import re
import struct
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_checks import make_project

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"


def test_a_build_dates_the_sitemap_by_the_latest_article_and_leaves_the_environment_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project", BASE_CORPUS)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8").replace("      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    config_file.write_text(text + "site_url: https://school.example/riverton/\n", encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    build(load_config(str(config_file)))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap))
    assert dates == {"2020-05-09"}, "every page is dated by the latest article (weekly-2020, 9 May 2020)"
    header = (project / "site" / "sitemap.xml.gz").read_bytes()[:10]
    assert struct.unpack("<I", header[4:8])[0] == calendar.timegm((2020, 5, 9, 0, 0, 0)), "the gzip header holds the same date"
    assert gzip.decompress((project / "site" / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
