"""Picking wrong answers: of the same type as the answer, never true of the same question.

Pools are built once per corpus; a pick walks a pool from a seeded starting point, so picking
costs the number of options wanted plus the ones skipped, not the size of the corpus.
"""

from __future__ import annotations

import bisect
import math
import random
from typing import (
    TYPE_CHECKING,
    Callable,
    Generic,
    Iterable,
    Sequence,
    TypeVar,
    overload,
)

from quizgen.generate.question_model import answer_key, stable_hash
from quizgen.model.field_types import PartialDate

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

T = TypeVar("T")
C = TypeVar("C", bound="SupportsRichComparison")

WRONG_OPTIONS = 3
"""How many wrong options a multiple-choice item gets: with its answer, the four options of an item."""


def seeded_random(*parts: str) -> random.Random:
    return random.Random(int(stable_hash(*parts)[:16], 16))


def pick_from_pool(pool: Sequence[T], wanted: int, seed: str, keep: Callable[[T], bool],
                   key: Callable[[T], str] = lambda item: answer_key(str(item)), preferred: Iterable[T] = ()) -> list[T]:
    """Up to ``wanted`` distinct items, ``preferred`` first, then from ``pool`` starting at a seeded place."""
    chosen: list[T] = []
    seen: set[str] = set()

    def offer(item: T) -> None:
        k = key(item)
        if k not in seen and keep(item):
            seen.add(k)
            chosen.append(item)

    for item in preferred:
        if len(chosen) == wanted:
            return chosen
        offer(item)
    if pool:
        start = int(stable_hash(seed)[:8], 16) % len(pool)
        for step in range(len(pool)):
            if len(chosen) == wanted:
                break
            offer(pool[(start + step) % len(pool)])
    return chosen


def number_scale(value: float) -> int:
    """The order of magnitude that options must share: 2,000 and 1,500 do, 2,000 and 20,000 do not."""
    return int(math.floor(math.log10(abs(value)))) if value else 0


def nearby_numbers(value: float, seed: str) -> list[float]:
    """Plausible wrong figures of the same scale (and within 0–100 for percentages)."""
    scale = number_scale(value)
    step = 10 ** max(scale - 1, 0) if value >= 10 else 1
    rng = seeded_random("numbers", seed)
    multipliers = [0.4, 0.6, 0.8, 1.2, 1.4, 1.6, 2.0, 3.0]
    rng.shuffle(multipliers)
    found: list[float] = []
    for m in multipliers:
        candidate: float = round(value * m / step) * step
        if candidate != value and candidate > 0 and number_scale(candidate) == scale:
            found.append(float(candidate))
    for delta in (1, 2, 3, -1, -2, 4, 5):  # small counts: 2 rockets -> 3, 4, 1
        candidate = value + delta * step
        if candidate > 0 and number_scale(candidate) == scale:
            found.append(float(candidate))
    return found


def nearby_dates(date: PartialDate, seed: str) -> list[PartialDate]:
    """Wrong dates of the same precision: other years, months or days near the answer."""
    rng = seeded_random("dates", seed)
    shifts = [-3, -2, -1, 1, 2, 3, 4, -4]
    rng.shuffle(shifts)
    found = []
    for shift in shifts:
        if date.precision == "year":
            found.append(PartialDate(date.year + shift))
        elif date.precision == "month":
            months = date.year * 12 + (date.month or 1) - 1 + shift
            found.append(PartialDate(months // 12, months % 12 + 1))
        else:
            day = (date.day or 1) + shift * 3
            if 1 <= day <= 28:
                found.append(PartialDate(date.year, date.month, day))
            else:
                months = date.year * 12 + (date.month or 1) - 1 + (1 if shift > 0 else -1)
                found.append(PartialDate(months // 12, months % 12 + 1, min(date.day or 1, 28)))
    return found


class SortedPool(Generic[C]):
    """Values of one type in sorted order; neighbours of a value make plausible distractors."""

    def __init__(self, values: Iterable[C]):
        self.values: list[C] = sorted(set(values))

    def neighbours(self, value: C, count: int) -> list[C]:
        index = bisect.bisect_left(self.values, value)
        low, high = max(0, index - count), min(len(self.values), index + count + 1)
        ranked = sorted(range(low, high), key=lambda i: (abs(i - index), i))
        return [self.values[i] for i in ranked]


class AllBut(Sequence[T]):
    """A sorted pool without the item at ``index``, without copying it: every term's pool is all
    terms but itself, and a copy per term would make the bank quadratic in the glossary's size."""

    def __init__(self, items: Sequence[T], index: int):
        self.items, self.skipped = items, index

    def __len__(self) -> int:
        return len(self.items) - 1

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...
    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        return self.items[i if i < self.skipped else i + 1]
