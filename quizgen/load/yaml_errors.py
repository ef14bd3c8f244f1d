"""Turning PyYAML's syntax errors into one-line messages at the place a curator must fix.

PyYAML reports where its parser gave up, which is often far below the mistake: an unclosed quote
swallows the lines after it, and a tab looks like any other bad token. These cases are
recognised here and placed where the mistake is; other errors keep PyYAML's own wording.
"""

from __future__ import annotations

import unicodedata

import yaml


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _unclosed_quote_above(text: str, error_line: int) -> int | None:
    """The line of the last quoted text above ``error_line`` that runs over several lines.

    A missing closing quote makes the quoted text run on until the next quote character, and
    the parser fails somewhere after it; that multi-line quoted text is the likely culprit.
    """
    culprit = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line + 1 >= error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and token.end_mark.line > token.start_mark.line:
                culprit = token.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return culprit


def explain_yaml_error(exc: yaml.YAMLError, text: str, line_offset: int = 0) -> tuple[int, int, str]:
    """The line and column (from 1, lines shifted by ``line_offset``) and message for a PyYAML error."""
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _line_and_column(text, exc.position)
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)[:1] or " "
        name = unicodedata.name(char, "a control character").lower()
        return line + line_offset, column, f"expected printable text, found the invisible character U+{ord(char):04X} ({name}); delete it"
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 1 + line_offset, 1, f"invalid YAML: {' '.join(str(exc).split())}"
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    opened = exc.context_mark
    if "quoted scalar" in context and "end of stream" in problem and opened is not None:
        return opened.line + 1 + line_offset, opened.column + 1, "expected a closing quote for the text that starts here, found the end of the file"
    lines = text.split("\n")
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = current[:len(current) - len(current.lstrip(" \t"))]
    if "\t" in indent or "tab" in problem:
        tab_column = indent.find("\t") + 1 if "\t" in indent else column
        return line + line_offset, tab_column, "expected spaces for indentation, found a tab (YAML does not allow tabs there)"
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    if "flow" in context and opened is not None and opened.line + 1 < line:
        bracket = "[" if "sequence" in context else "{"
        message += f"; is the '{bracket}' on line {opened.line + 1 + line_offset} closed?"
    quoted = _unclosed_quote_above(text, line)
    if quoted is not None:
        message += f"; the quoted text opened on line {quoted + line_offset} runs over several lines: is its closing quote missing?"
    return line + line_offset, column, message
