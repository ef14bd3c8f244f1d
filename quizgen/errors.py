"""Errors that reach the user: every content problem carries a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One content problem, printed as ``path:line:col: message``.

    ``line`` and ``column`` count from 1, as editors do.
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


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

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise CorpusError(self.problems)
