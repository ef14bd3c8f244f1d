"""Pausing Python's cycle collector while quizgen builds its model and pages.

Loading, the question bank and the pages make a great many small, long-lived objects and almost no
garbage cycles. Each collection those allocations trigger walks the whole heap, the corpus
included, so its cost grows with the corpus: at 1,000 articles the collector took a quarter of
generation (5 of 21 s) and made the bank's time per article 1.6x that at 100. Objects are still
freed as soon as nothing refers to them; only cycles wait until the collector runs again.

Work that does make cyclic garbage (WeasyPrint's layout trees, openpyxl's workbooks) runs inside
``collector_running``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block, and back as it was after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def collector_running() -> Iterator[None]:
    """The cycle collector on inside the block (in a paused one too), and back as it was after it."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
