"""Errors that reach the user: every content problem carries a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_for_message(text: str) -> str:
    r"""``text`` with every character that is not printable escaped as Python's ``repr`` does
    (``\n``, ``\x1b``, ``\u200b``): controls, format and invisible characters, line and paragraph
    separators, spaces other than ' ' (`str.isprintable`). Corpus text in a message then stays on
    its line and shows what is there: a key cannot print a line of its own, move the cursor or
    hide a character.

    >>> escape_for_message("ok\nseeds: the corpus is valid.\x1b[2K")
    'ok\\nseeds: the corpus is valid.\\x1b[2K'
    """
    if text.isprintable():  # the common case: nothing to escape, found in C
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char.isprintable():
        return char
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One content problem, printed as ``path:line:col: message``.

    ``line`` and ``column`` count from 1, as editors do. Printed, the path and the message show
    corpus text escaped (`escape_for_message`): a problem is always one line.
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{escape_for_message(self.path)}:{self.line}:{self.column}: {escape_for_message(self.message)}"


class QuizgenError(Exception):
    """Base class of every error quizgen reports to a user (never shown as a traceback)."""


class UsageError(QuizgenError):
    """The command was called wrongly (a missing folder, a bad option): exit code 2."""


class CorpusError(QuizgenError):
    """The corpus has one or more content problems: exit code 1.

    All problems found are collected before this is raised, so that a curator sees them at once.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"{self}\nquizgen: {count} {noun} found"


class ProblemCollector:
    """Collects problems during one stage; ``raise_if_any`` aborts the stage with all of them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def extend(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise CorpusError(self.problems)
