"""The generated site kept between builds: a build whose corpus, templates, quizgen and options are
unchanged takes every page and file from `.cache/quizgen/pages` without loading the corpus or
importing the model, and publishes the same bytes; any change to one of them builds anew, and a
corpus that breaks a rule still fails the build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quizgen.emit.page_cache import PageCache, cached_site_content, page_cache_key
from quizgen.emit.site import SiteContent

from site_checks import REPO, make_project, mkdocs, tree_digest

BASE = REPO / "tests" / "fixtures" / "base_corpus"
K1, K2 = "1" * 64, "2" * 64
ENV = {"SOURCE_DATE_EPOCH": "946684800"}
HEAVY = ("pydantic", "quizgen.corpus_loader", "quizgen.generate.question_bank", "quizgen.model.corpus")
"""What a build from the cache has no need of: loading, validating and generating."""

_BUILD_AND_NAME_THE_HEAVY_MODULES = f"""
import sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "--quiet"], standalone_mode=False)
finally:
    print(" ".join(m for m in {HEAVY!r} if m in sys.modules))
"""


def _build(project: Path) -> str:
    """`mkdocs build --strict` in ``project``; the modules of ``HEAVY`` it imported."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENV}
    result = subprocess.run([sys.executable, "-c", _BUILD_AND_NAME_THE_HEAVY_MODULES], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


def _fresh_site(tmp_path: Path, seeds: Path, name: str, edit_config: str | None = None) -> dict[str, str]:
    """The site of a new project (no cache at all) with ``seeds``: what a cached build must match."""
    project = make_project(tmp_path / name, seeds)
    if edit_config:
        (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8") + edit_config, encoding="utf-8")
    assert mkdocs(project, "build", "--strict", env=ENV).returncode == 0
    return tree_digest(project / "site")


def test_an_unchanged_build_takes_the_site_from_the_cache_without_the_model(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE)
    assert _build(project) == " ".join(HEAVY), "the first build loads, validates and generates"
    first = tree_digest(project / "site")
    assert list((project / ".cache" / "quizgen" / "pages").iterdir()), "the first build fills the pages' cache"
    assert _build(project) == "", "an unchanged build loads nothing of the corpus and imports no model"
    assert tree_digest(project / "site") == first, "the same site, byte for byte"


def test_a_changed_fact_template_or_option_builds_anew(tmp_path: Path) -> None:
    """Each change misses the cache, and the site is the one a project without any cache builds."""
    project = make_project(tmp_path / "project", BASE)
    _build(project)
    _build(project)
    fact_file = project / "seeds" / "facts" / "bridge.yaml"
    fact_file.write_text(fact_file.read_text(encoding="utf-8").replace("opened on 4 May 2020.", "was opened on 4 May 2020."),
                         encoding="utf-8")
    assert _build(project) == " ".join(HEAVY)
    assert "was opened on 4 May 2020" in (project / "site" / "exports" / "questions.gift").read_text(encoding="utf-8")
    assert tree_digest(project / "site") == _fresh_site(tmp_path, project / "seeds", "fresh-fact")

    glossary = project / "templates" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nEvery term is from the articles.\n", encoding="utf-8")
    assert _build(project) == " ".join(HEAVY)
    assert "Every term is from the articles." in (project / "site" / "glossary" / "index.html").read_text(encoding="utf-8")

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    assert _build(project) == " ".join(HEAVY)
    assert (project / "site" / "glossary.html").is_file()


def test_a_corpus_broken_after_a_cached_build_still_fails_with_its_problem(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE)
    _build(project)
    _build(project)
    before = tree_digest(project / "site")
    fact_file = project / "seeds" / "facts" / "bridge.yaml"
    good = fact_file.read_text(encoding="utf-8")
    fact_file.write_text(good.replace("quote: cut the ribbon on 4 May 2020", "quote: cut the ribbon on 5 May 2020"), encoding="utf-8")
    result = mkdocs(project, "build", "--strict", env=ENV)
    assert result.returncode != 0
    assert "seeds/facts/bridge.yaml:10:16: expected the quote" in result.stderr and "5 May 2020" in result.stderr
    assert tree_digest(project / "site") == before, "the previous site stays as it was"
    fact_file.write_text(good, encoding="utf-8")
    assert _build(project) == "", "the corpus as it was: the pages it had"
    assert tree_digest(project / "site") == before


def test_the_key_follows_the_code_the_corpus_the_templates_and_the_options(tmp_path: Path) -> None:
    seeds, templates, code = tmp_path / "seeds", tmp_path / "templates", tmp_path / "code"
    shutil.copytree(BASE, seeds)
    templates.mkdir()
    (code / "emit").mkdir(parents=True)
    (code / "emit" / "pages.py").write_text("PAGES = 1\n", encoding="utf-8")

    def key(*options: str) -> str:
        return page_cache_key(seeds, (templates,), *options, code=code)

    first = key("worksheets=all")
    assert first == key("worksheets=all")
    assert first != key("worksheets=corpus")
    (code / "emit" / "pages.py").write_text("PAGES = 2\n", encoding="utf-8")
    assert key("worksheets=all") != first, "a change to quizgen's code misses the cache"
    changed_code = key("worksheets=all")
    (templates / "home.md").write_text("# Home\n", encoding="utf-8")
    assert key("worksheets=all") != changed_code, "a template override misses the cache"
    with_template = key("worksheets=all")
    (seeds / "corpus.yaml").write_text((seeds / "corpus.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert key("worksheets=all") != with_template, "any change to a corpus file misses the cache"


def _content(tmp_path: Path, text: str = "one") -> SiteContent:
    download = tmp_path / "teachers-entry" / "questions.gift"
    download.parent.mkdir(exist_ok=True)
    download.write_bytes(f"gift {text}".encode())
    return SiteContent(
        pages={"index.md": f"# Home {text}\n", "articles/a.md": "# A\n\n*[UN]: United Nations\n"},
        files={"assets/quizgen.css": b"body {}", "exports/questions.gift": download},
        nav=[("Home", "index.md"), ("Articles", ["articles/index.md", ("A", "articles/a.md")])],  # type: ignore[list-item]  # a section's children are (title, uri) pairs, as site_content builds them
        abbreviations={"UN": "United Nations"}, not_in_nav=("articles/a.md",), title=f"Riverton {text}",
        latest_publication_timestamp=1588982400)


class Maker:
    """A stand-in for the pipeline that counts its calls."""

    def __init__(self, content: SiteContent) -> None:
        self.content, self.calls = content, 0

    def __call__(self) -> SiteContent:
        self.calls += 1
        return self.content


def test_a_cached_site_is_the_same_value(tmp_path: Path) -> None:
    content = _content(tmp_path)
    make = Maker(content)
    assert cached_site_content(PageCache(tmp_path / "cache", K1), make) == content
    again = cached_site_content(PageCache(tmp_path / "cache", K1), make)
    assert make.calls == 1
    assert again == content
    assert isinstance(again.files["exports/questions.gift"], Path) and again.files["assets/quizgen.css"] == b"body {}"


def test_another_key_or_a_changed_download_makes_the_site_anew(tmp_path: Path) -> None:
    content = _content(tmp_path)
    cached_site_content(PageCache(tmp_path / "cache", K1), Maker(content))
    make = Maker(_content(tmp_path, "two"))
    assert cached_site_content(PageCache(tmp_path / "cache", K2), make).title == "Riverton two"
    assert make.calls == 1
    download = content.files["exports/questions.gift"]
    assert isinstance(download, Path)
    download.write_bytes(b"gift changed by another build")  # the teachers' cache entry it points into was replaced
    make = Maker(_content(tmp_path, "three"))
    assert cached_site_content(PageCache(tmp_path / "cache", K2), make).title == "Riverton three"
    assert make.calls == 1
    download.unlink()
    make = Maker(_content(tmp_path, "four"))
    assert cached_site_content(PageCache(tmp_path / "cache", K2), make).title == "Riverton four"
    assert make.calls == 1


@pytest.mark.parametrize("damage", ["truncated", "garbage", "link", "device"])
def test_a_damaged_cache_is_never_used(tmp_path: Path, damage: str) -> None:
    cache = PageCache(tmp_path / "cache", K1)
    cached_site_content(cache, Maker(_content(tmp_path)))
    [stored] = list(cache.folder.iterdir())
    if damage == "truncated":
        stored.write_bytes(stored.read_bytes()[:-40])
    elif damage == "garbage":
        stored.write_bytes(b"\x00not marshal data" * 10)
    else:
        copy = tmp_path / "elsewhere"
        shutil.copyfile(stored, copy)
        stored.unlink()
        stored.symlink_to(copy if damage == "link" else "/dev/zero")
    make = Maker(_content(tmp_path, "anew"))
    assert cached_site_content(cache, make).title == "Riverton anew"
    assert make.calls == 1


def test_a_site_with_warnings_or_a_cache_that_cannot_be_written_is_not_kept(tmp_path: Path) -> None:
    """A warning (a teachers' cache that could not be written) is printed by every build that has it."""
    from dataclasses import replace

    warned = replace(_content(tmp_path), warnings=("quizgen: warning: the teachers' cache cannot be written",))
    make = Maker(warned)
    cached_site_content(PageCache(tmp_path / "cache", K1), make)
    assert cached_site_content(PageCache(tmp_path / "cache", K1), make).warnings == warned.warnings
    assert make.calls == 2
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    make = Maker(_content(tmp_path))
    assert cached_site_content(PageCache(blocked / "cache", K1), make) == make.content
