"""A second build in the same process, as `mkdocs serve` makes one after each edit, shows the edit:
nothing a build keeps in memory (its Jinja environments, its quote anchors and answer keys) is
served from the build before."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizgen.emit.site_build import BuildCaches, build_site_from_folders
from quizgen.render.environment import builtin_templates_dir

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"


def test_a_rebuild_in_the_same_process_shows_each_template_and_fact_edit(tmp_path: Path) -> None:
    seeds, templates = tmp_path / "seeds", tmp_path / "templates"
    shutil.copytree(BASE_CORPUS, seeds)
    caches = BuildCaches(yaml=tmp_path / "cache" / "yaml", pdf=tmp_path / "cache" / "pdf", teachers=tmp_path / "cache" / "teachers")

    def build() -> dict[str, str]:
        return build_site_from_folders(seeds, templates, caches, directory_urls=True, worksheets="none")[1].pages

    def override(name: str, marker: str) -> None:
        templates.mkdir(exist_ok=True)
        (templates / name).write_text(f"{marker}\n\n" + (builtin_templates_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")

    first = build()
    assert "Override of home" not in first["index.md"]
    override("home.md", "Override of home")  # the project's templates folder, made after the first build
    assert build()["index.md"].startswith("Override of home\n"), "the new templates folder is used"
    override("glossary.md", "Override of the glossary")  # a new override in a folder that was there
    assert build()["glossary.md"].startswith("Override of the glossary\n"), "the new override replaces the built-in template"
    facts = seeds / "facts" / "bridge.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("The Riverton bridge opened on 4 May 2020.",
                                                               "The new Riverton bridge opened on 4 May 2020."), encoding="utf-8")
    assert "The new Riverton bridge opened on 4 May 2020." in build()["briefing.md"]
