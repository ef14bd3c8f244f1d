"""The `source_sha256` an article file should carry, and rewriting the ones that are wrong.

The hash is the one `quizgen check` compares (`quizgen.validate.consistency.published_sha256`):
the text after the front matter, fence lines removed, line ends made ``\\n``, white space at the
end of the text dropped and one final newline added. White space at the end of each line counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import CorpusError, Problem, UsageError
from quizgen.load.article_file import split_article_file
from quizgen.load.source_text import SourceText, read_source_text
from quizgen.load.yaml_tree import YamlSyntaxError, parse_yaml
from quizgen.validate.consistency import HASHED_TEXT, published_sha256

__all__ = ["HASHED_TEXT", "ArticleHash", "HashFix", "article_hash", "fix_hashes"]

_FIELD = "source_sha256"


@dataclass(frozen=True)
class ArticleHash:
    """An article file's computed hash, and the one it records (with the position of its value)."""

    display: str
    computed: str
    recorded: str | None
    line: int = 0
    column: int = 0


def _read(path: Path, display: str) -> SourceText:
    if not path.is_file():
        raise UsageError(f"expected an article file, found no file at '{display}'")
    source = read_source_text(path, display)
    if isinstance(source, Problem):
        raise CorpusError([source])
    return source


def article_hash(path: Path, display: str | None = None) -> ArticleHash:
    """The hash of an article file's published text; a file without front matter is all text.

    Raises ``CorpusError`` (one positioned problem) for a file that cannot be read or split.
    """
    display = str(path) if display is None else display
    source = _read(path, display)
    if source.text.split("\n", 1)[0].strip() != "---":
        return ArticleHash(display, published_sha256(source.text), None)
    try:
        parts = split_article_file(source)
        front = parse_yaml(parts.front_matter, line_offset=parts.front_matter_line - 1)
    except YamlSyntaxError as exc:
        raise CorpusError([Problem(display, exc.mark.line, exc.mark.column, exc.message)]) from None
    recorded = front.data.get(_FIELD) if isinstance(front.data, dict) else None
    if not isinstance(recorded, str):
        return ArticleHash(display, published_sha256(parts.published_text), None)
    line, column = front.mark_of((_FIELD,))
    return ArticleHash(display, published_sha256(parts.published_text), recorded, line, column)


@dataclass(frozen=True)
class HashFix:
    """A `source_sha256` line rewritten: where, and the hashes before and after."""

    display: str
    line: int
    column: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.display}:{self.line}:{self.column}: rewrote source_sha256 {self.old} as {self.new}"


_LINE_ENDS = re.compile(rb"\r\n|\r|\n")


def _rewrite_line(path: Path, found: ArticleHash) -> bool:
    """Replace the recorded hash on its line, leaving every other byte of the file as it was."""
    from quizgen.atomic_files import write_file_atomically

    data = path.read_bytes()
    starts = [0] + [m.end() for m in _LINE_ENDS.finditer(data)]
    if found.line > len(starts):
        return False
    start = starts[found.line - 1]
    end = starts[found.line] if found.line < len(starts) else len(data)
    line = data[start:end]
    key = line.find(_FIELD.encode())
    old = (found.recorded or "").encode("utf-8")
    at = line.find(old, key + len(_FIELD)) if key >= 0 and old else -1
    if at < 0:  # the value is not on the key's line (a block scalar, say): leave it to the curator
        return False
    new_line = line[:at] + found.computed.encode("ascii") + line[at + len(old):]
    write_file_atomically(path, data[:start] + new_line + data[end:])
    return True


def fix_hashes(root: Path, display_root: str) -> tuple[list[HashFix], list[Problem]]:
    """Rewrite every wrong `source_sha256` line under ``root/articles``, in place and atomically.

    Files that cannot be read or split, and records that could not be rewritten, are returned as
    problems; `quizgen check` reports the first kind again, so callers may ignore them.
    """
    fixes: list[HashFix] = []
    problems: list[Problem] = []
    folder = root / "articles"
    paths = sorted(p for p in folder.glob("*.md") if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    for path in paths:
        display = f"{display_root.rstrip('/')}/articles/{path.name}"
        try:
            found = article_hash(path, display)
        except CorpusError as exc:
            problems.extend(exc.problems)
            continue
        if found.recorded is None or found.recorded == found.computed:
            continue
        if _rewrite_line(path, found):
            fixes.append(HashFix(display, found.line, found.column, found.recorded, found.computed))
        else:
            problems.append(Problem(display, found.line, found.column,
                                    f"expected source_sha256 on one line with its key, found it elsewhere; write source_sha256: {found.computed}"))
    return fixes, problems
