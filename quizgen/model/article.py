"""An article: front matter, and its published text in blocks, some of them page furniture."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from quizgen.model.quote_search import QuoteSearch
from quizgen.model.registry import ArticleMeta


@dataclass(frozen=True)
class TextBlock:
    """A run of the published text; ``furniture`` names its kind when it is page furniture."""

    text: str
    furniture: str | None
    first_line: int


def furniture_ranges(blocks: tuple[TextBlock, ...] | list[TextBlock]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each furniture block, as offsets in the joined text of ``blocks``."""
    ranges, offset = [], 0
    for block in blocks:
        if block.furniture:
            ranges.append((offset, offset + len(block.text), block.furniture))
        offset += len(block.text)
    return ranges


@dataclass(frozen=True, eq=False)
class Article:
    """An article: its front matter and its published text, split into blocks."""

    meta: ArticleMeta
    blocks: tuple[TextBlock, ...]

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def published_text(self) -> str:
        return "".join(block.text for block in self.blocks)

    @cached_property
    def furniture_ranges(self) -> list[tuple[int, int, str]]:
        return furniture_ranges(self.blocks)

    @cached_property
    def quote_search(self) -> QuoteSearch:
        return QuoteSearch(self.published_text, self.furniture_ranges)

    def line_of(self, offset: int) -> int:
        """The line of the article file holding ``offset`` of the published text."""
        for block in self.blocks:
            if offset < len(block.text):
                return block.first_line + block.text.count("\n", 0, offset)
            offset -= len(block.text)
        return self.blocks[-1].first_line if self.blocks else 1
