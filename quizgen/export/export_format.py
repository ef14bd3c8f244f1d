"""What an export is: a format's name, file name and renderer, and what a render gives back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from quizgen.generate.question_model import Question
from quizgen.model.corpus import Corpus


def plain_number(value: float) -> str:
    """A number as import formats read it: ``2500``, ``12.5``; no thousands separators."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass(frozen=True)
class ExportResult:
    """The bytes of one export file, and the questions the format could not hold."""

    data: bytes
    left_out: tuple[str, ...] = ()
    """One line per question left out, ``"q-…: why"`` (a Kahoot limit, a kind the format cannot hold).
    Questions left out for the same reason read the same, but for a detail in closing brackets."""

    def left_out_reasons(self) -> list[tuple[str, int]]:
        """Why questions were left out, each reason once with how many, most first:
        ``[("the question is longer than Kahoot's 120 characters, …", 5), ...]``."""
        counts: dict[str, int] = {}
        for line in self.left_out:
            why = line.partition(": ")[2]
            reason = why.rsplit(" (", 1)[0] if why.endswith(")") else why
            counts[reason] = counts.get(reason, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass(frozen=True)
class ExportFormat:
    """One classroom export, as the CLI and the teachers' page list it."""

    name: str
    """The name on the command line: `gift`, `moodle-xml`, `qti`, `anki`, `kahoot`, `csv`, `json`."""
    filename: str
    """The default file name: `questions.gift`, `kahoot.xlsx`, ..."""
    title: str
    """What teachers call it: `Moodle GIFT`."""
    description: str
    """One sentence for teachers: where to import it and how."""
    render: Callable[[Corpus, tuple[Question, ...]], ExportResult]
    """A pure function from the corpus and the chosen questions to the file's bytes."""
