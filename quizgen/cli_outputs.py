"""What the `quizgen` commands that write files share: a refused write told in one line, and the
corpus folder they use when --seeds is not given."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from quizgen.errors import UsageError


class OutputRefused(Exception):
    """The system refused to write an output (read-only, full, over a file size limit)."""

    def __init__(self, target: Path, error: OSError):
        super().__init__(f"cannot write {target} ({error.strerror or error}); what was there before is left as it was")


@contextmanager
def writing_to(target: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise OutputRefused(target, error) from error


def default_seeds(args: argparse.Namespace) -> bool:
    """Fill in --seeds (seeds/) if it was not given, and say whether it was not."""
    if args.seeds is not None:
        return False
    if not Path("seeds").is_dir():
        raise UsageError("no --seeds given, and there is no seeds/ folder here: name the corpus folder with --seeds DIR")
    args.seeds = "seeds"
    return True


def note_default_seeds(what: str) -> None:
    """Once written, say which corpus was used when --seeds was not given: a curator of another
    corpus who forgot it would otherwise get material about the wrong articles without a word."""
    print(f"quizgen: note: no --seeds given: {what} made from the corpus in seeds/ (name another with --seeds DIR)", file=sys.stderr)
