"""Characters no corpus text may hold, however they were written: controls and non-characters.

PyYAML refuses them when they are typed into a file, but a double-quoted escape (``"\\a"``,
``"\\0"``, ``"\\x85"``, ``"\\uFFFF"``) puts them into a value all the same, and from there into
every page and export: XML cannot hold most of them and spreadsheet writers refuse them. So every
text value of every YAML file, and the text of every article, is checked here, before
anything is made from it. Tab and newline stay allowed (a block scalar holds newlines).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from quizgen.errors import Problem, escape_for_message
from quizgen.load.yaml_tree import DataPath, YamlDocument
from quizgen.model.article import TextBlock

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
# C0 controls but tab and newline, DEL, C1 controls, lone surrogates, non-characters.
_UNPRINTABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# An article's own text: the same, except U+0085 (NEXT LINE), which some editors write as a line end.
_UNPRINTABLE_IN_ARTICLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff{_NONCHARACTERS}]")


def describe_character(char: str) -> str:
    """``U+0007 (a control character)``, ``U+FFFF (a non-character)``: never the character itself."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        kind = "a control character"
    elif 0xD800 <= code <= 0xDFFF:
        kind = "half of a surrogate pair"
    else:
        kind = unicodedata.name(char, "a non-character").lower()
    return f"U+{code:04X} ({kind})"


def _texts(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """Every text value in a YAML value, with its path. (Keys are field names: a key with a
    control character in it is an unknown field, reported as such.)"""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))


def _text_values(value: Any) -> Iterator[str]:
    """Every text value in a YAML value, without its path: what a check runs through first, as
    nearly every document passes it (the paths are made only for a document that fails)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def unprintable_in_document(doc: YamlDocument, display: str) -> list[Problem]:
    """A problem for each text value of ``doc`` that holds an unprintable character."""
    if not any(_UNPRINTABLE.search(text) for text in _text_values(doc.data)):
        return []
    problems = []
    for path, text in _texts(doc.data, ()):
        found = _UNPRINTABLE.search(text)
        if found is None:
            continue
        mark = doc.mark_of(path)
        problems.append(Problem(display, mark.line, mark.column,
                                f"expected printable text, found the invisible character {describe_character(found.group())} "
                                f"at character {found.start() + 1} of this text (written as an escape such as \\a, \\0 or \\uFFFF); delete it"))
    return problems


_PLACEHOLDER = re.compile(r"TODO\b")


def placeholders_in_document(doc: YamlDocument, display: str) -> list[Problem]:
    """A problem for each text value of ``doc`` that still starts with the ``TODO`` that
    `quizgen draft` and `quizgen add-article` leave where the curator must write: once a file is no
    longer marked `draft: true`, a placeholder would reach the site as a question or a summary."""
    if not any(_PLACEHOLDER.match(text.lstrip()) for text in _text_values(doc.data)):
        return []
    problems = []
    for path, text in _texts(doc.data, ()):
        if _PLACEHOLDER.match(text.lstrip()):
            mark = doc.mark_of(path)
            shown = text if len(text) <= 40 else text[:40] + "..."
            problems.append(Problem(display, mark.line, mark.column,
                                    f"expected your own words, found the placeholder '{escape_for_message(shown)}' that a "
                                    f"draft left; write it, or keep the fact in a file marked draft: true"))
    return problems


def unprintable_in_article(blocks: tuple[TextBlock, ...], display: str) -> list[Problem]:
    """A problem for the first unprintable character of an article's text, at its line and column."""
    for block in blocks:
        found = _UNPRINTABLE_IN_ARTICLE.search(block.text)
        if found is not None:
            before = block.text[:found.start()]
            line = block.first_line + before.count("\n")
            column = found.start() - (before.rfind("\n") + 1) + 1
            return [Problem(display, line, column, f"expected printable text, found the invisible character {describe_character(found.group())}; delete it")]
    return []
