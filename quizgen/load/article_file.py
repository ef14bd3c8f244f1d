"""Splitting an article file into its YAML front matter and its published text.

An article file is Markdown-like text::

    ---
    id: rudaw
    headline: ...
    ---
    ::: furniture header
    Council approves the new bridge
    :::

    RIVERTON — The town council voted on Monday to ...

The body is the article exactly as published. Page furniture (comment policies, "Read also"
links, stray timestamps, photo captions, repeated headers) stays in the text but is fenced by a
``::: furniture KIND`` line and a ``:::`` line, so that it is never quoted or summarised.
Removing the fence lines gives back the published text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.load.source_text import SourceText
from quizgen.load.yaml_tree import Mark, YamlSyntaxError
from quizgen.model.article import TextBlock

FURNITURE_KINDS = (
    "caption", "comments", "credit", "footer", "header", "masthead",
    "related-links", "site-notice", "timestamp", "widgets",
)
_OPEN = re.compile(r"::: *furniture(?: +(?P<kind>\S+))? *")
_CLOSE = re.compile(r":::\s*")


@dataclass(frozen=True)
class ArticleFileParts:
    front_matter: str
    front_matter_line: int
    blocks: tuple[TextBlock, ...]

    @property
    def published_text(self) -> str:
        return "".join(block.text for block in self.blocks)


def split_article_file(source: SourceText) -> ArticleFileParts:
    """Split an article file; raises ``YamlSyntaxError`` (with a position) when it is malformed."""
    lines = source.text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise YamlSyntaxError(Mark(1, 1), "expected the article file to start with a '---' line opening its YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise YamlSyntaxError(Mark(len(lines), 1), "expected a '---' line closing the front matter, found the end of the file") from None
    front = "\n".join(lines[1:end]) + "\n"
    body_lines = [line + "\n" for line in lines[end + 1:]]
    if body_lines:  # the last element of split() carries no newline
        body_lines[-1] = body_lines[-1][:-1]
    return ArticleFileParts(front, 2, tuple(_blocks(body_lines, end + 2)))


def _blocks(body_lines: list[str], first_line: int) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    current: list[str] = []
    current_start = first_line
    kind: str | None = None
    opened_at = 0

    def flush(next_start: int) -> None:
        nonlocal current, current_start
        if current:
            blocks.append(TextBlock("".join(current), kind, current_start))
        current = []
        current_start = next_start

    for index, line in enumerate(body_lines):
        number = first_line + index
        stripped = line.rstrip("\n")
        opener = _OPEN.fullmatch(stripped)
        if opener:
            if kind is not None:
                raise YamlSyntaxError(Mark(number, 1), f"expected ':::' closing the furniture block opened on line {opened_at}, found another opening fence")
            found = opener.group("kind")
            if found not in FURNITURE_KINDS:
                shown = f"'{found}'" if found else "nothing"
                column = opener.start("kind") + 1 if found else len(stripped) + 1
                raise YamlSyntaxError(Mark(number, column), f"expected a furniture kind ({', '.join(FURNITURE_KINDS)}), found {shown}")
            flush(number + 1)
            kind, opened_at = found, number
        elif _CLOSE.fullmatch(stripped) and stripped.startswith(":::"):
            if kind is None:
                raise YamlSyntaxError(Mark(number, 1), "found ':::' closing a furniture block, but no '::: furniture KIND' line opened one")
            flush(number + 1)
            kind = None
        else:
            current.append(line)
    if kind is not None:
        raise YamlSyntaxError(Mark(opened_at, 1), "expected ':::' closing this furniture block, found the end of the file")
    flush(0)
    return blocks
