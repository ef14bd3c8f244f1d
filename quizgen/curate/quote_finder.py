"""Finding words in an article as the quote check finds them, or the passages nearest to them.

`find_passages` uses the quote check's own search (`quizgen.model.quote_search`): what it finds,
`quizgen check` accepts (unless it is in furniture). `nearest_passages` ranks the article's
passages by how close they come once case and punctuation are set aside, for words that differ
from the text in a letter, a quote mark, a hyphen or an abbreviation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import CorpusError, Problem, UsageError
from quizgen.load.article_file import ArticleFileParts, split_article_file
from quizgen.load.source_text import read_source_text
from quizgen.load.yaml_tree import YamlSyntaxError
from quizgen.model.article import TextBlock, furniture_ranges
from quizgen.model.quote_search import QuoteMiss, QuoteSearch, normalise_for_matching

_WORD = re.compile(r"\S+")
_NOT_WORD = re.compile(r"[^\w\s]")
_CANDIDATES = 40  # windows kept by shared words before the slower character comparison


@dataclass(frozen=True)
class Passage:
    """A passage of the article: where it starts in the file, its text, and how close it came."""

    line: int
    column: int
    text: str
    furniture: str | None = None
    similarity: float = 1.0
    difference: str = ""


@dataclass(frozen=True)
class ArticleText:
    """An article file's published text, its blocks and the quote search over it."""

    display: str
    blocks: tuple[TextBlock, ...]

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.blocks)

    def furniture_ranges(self) -> list[tuple[int, int, str]]:
        return furniture_ranges(self.blocks)

    def furniture_at(self, start: int, end: int) -> str | None:
        return next((kind for f_start, f_end, kind in self.furniture_ranges() if f_start < end and start < f_end), None)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the article file of ``offset`` in the published text."""
        for block in self.blocks:
            if offset < len(block.text):
                before = block.text[:offset]
                return block.first_line + before.count("\n"), offset - (before.rfind("\n") + 1) + 1
            offset -= len(block.text)
        return (self.blocks[-1].first_line if self.blocks else 1), 1

    def passage(self, start: int, end: int, **extra: object) -> Passage:
        line, column = self.position(start)
        shown = " ".join(self.text[start:end].split())
        return Passage(line, column, shown, self.furniture_at(start, end), **extra)  # type: ignore[arg-type]  # extra holds Passage's own optional fields


def read_article_parts(path: Path, display: str) -> ArticleFileParts:
    """An article file split into front matter and blocks; ``UsageError`` if there is no file,
    ``CorpusError`` with one positioned problem if it cannot be read or split."""
    if not path.is_file():
        raise UsageError(f"expected an article file, found no file at '{display}'")
    source = read_source_text(path, display)
    if isinstance(source, Problem):
        raise CorpusError([source])
    try:
        return split_article_file(source)
    except YamlSyntaxError as exc:
        raise CorpusError([Problem(display, exc.mark.line, exc.mark.column, exc.message)]) from None


def read_article_text(path: Path, display: str | None = None) -> ArticleText:
    """An article file's text; raises ``CorpusError`` with one positioned problem if unreadable."""
    display = str(path) if display is None else display
    return ArticleText(display, read_article_parts(path, display).blocks)


def find_passages(article: ArticleText, words: str) -> list[Passage]:
    """Every place the quote check finds ``words`` (one place for passages joined by `...`)."""
    search = QuoteSearch(article.text, article.furniture_ranges())
    found = search.find(words)
    if isinstance(found, QuoteMiss) and not found.furniture:
        return []
    wanted = normalise_for_matching(words)
    if not isinstance(found, QuoteMiss) and len(found) > 1:  # passages joined by '...'
        return [article.passage(span.start, span.end) for span in found]
    passages: list[Passage] = []
    at = search.normalised.find(wanted)
    while at >= 0 and wanted:
        start, end = search.origin(at), search.origin(at + len(wanted) - 1) + 1
        passages.append(article.passage(start, end))
        at = search.normalised.find(wanted, at + 1)
    return passages


def _loose(text: str) -> str:
    """Text with case, punctuation and typography set aside, for ranking near misses."""
    return " ".join(_NOT_WORD.sub(" ", normalise_for_matching(text).casefold()).split())


def _first_difference(words: str, passage: str) -> str:
    a, b = normalise_for_matching(words), normalise_for_matching(passage)
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if a == b:
        return ""
    start = max(0, i - 10)
    return f"the article has '{b[start:i + 20]}' where the words have '{a[start:i + 20]}'"


def nearest_passages(article: ArticleText, words: str, limit: int = 3) -> list[Passage]:
    """The ``limit`` passages closest to ``words``, best first, that do not overlap."""
    text = article.text
    tokens = [(m.start(), m.end(), _loose(m.group())) for m in _WORD.finditer(text)]
    wanted = _loose(words)
    count = max(1, len(wanted.split()))
    if not tokens or not wanted:
        return []
    wanted_words = set(wanted.split())
    shared = [sum(1 for _, _, w in tokens[i:i + count] if w and w in wanted_words) for i in range(len(tokens))]
    starts = sorted(range(len(tokens)), key=lambda i: (-shared[i], i))[:_CANDIDATES]
    scored: list[tuple[float, int, int]] = []
    for i in starts:
        for length in range(max(1, count - 2), count + 3):
            window = tokens[i:i + length]
            if len(window) < length:
                break
            ratio = difflib.SequenceMatcher(None, wanted, " ".join(w for _, _, w in window), autojunk=False).ratio()
            scored.append((ratio, i, i + length))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen: list[tuple[float, int, int]] = []
    for ratio, first, last in scored:
        if all(last <= c_first or first >= c_last for _, c_first, c_last in chosen):
            chosen.append((ratio, first, last))
        if len(chosen) == limit:
            break
    result = []
    for ratio, first, last in chosen:
        start, end = tokens[first][0], tokens[last - 1][1]
        result.append(article.passage(start, end, similarity=ratio,
                                      difference=_first_difference(words, text[start:end])))
    return result
