"""What the study site contains, as one value: pages, downloads, assets, the nav, the glossary's
abbreviations, and the site's name and date.

`build_site_content` (`quizgen.emit.site_content`) makes it from the corpus; the pages' cache
(`quizgen.emit.page_cache`) reads it back. This module imports nothing of the model, so a build
whose site comes from the cache never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quizgen.render.abbreviations import AbbreviationFinder

SCRIPTS = ("quizgen.js", "quizgen/practice.js", "quizgen/progress.js", "quizgen/flashcards.js")
"""The quiz script's ES modules that the pages load (type=module), each setting up its own part."""
ASSETS = ("quizgen.css", *SCRIPTS, "quizgen/state.js")
"""The style, and the script's modules: those the pages load, and the state they share."""
NavItem = tuple[str, "str | list[NavItem]"]


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]
    """Markdown pages by their path in the site (`articles/x.md`)."""
    files: dict[str, bytes | Path]
    """Other files: downloads and assets (`exports/questions.json`), as bytes or the path of a file
    holding them (the teachers' files, when they come from a ``TeacherCache``)."""
    nav: list[NavItem] = field(default_factory=list)
    """The navigation: (title, uri) or (title, [children])."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Abbreviation → expansion, for tooltips in the `abbr` convention."""
    not_in_nav: tuple[str, ...] = ()
    """Pages deliberately left out of the nav (listed on their section's index page instead)."""
    warnings: tuple[str, ...] = ()
    """What the adapter should print without failing the build (a teachers' cache it could not write)."""
    title: str = ""
    """The corpus's title: the site's name, unless mkdocs.yml keeps its own."""
    latest_publication_timestamp: int = 0
    """The corpus's ``latest_publication_timestamp``: what dates the pages in the sitemap."""

    @cached_property
    def _abbreviation_finder(self) -> AbbreviationFinder:
        return AbbreviationFinder(self.abbreviations)

    def abbreviation_lines_for(self, markdown: str) -> str:
        """`abbreviation_lines` for the abbreviations that can occur in ``markdown`` only."""
        return self._abbreviation_finder.lines_for(markdown)
