"""Finding a curator's quote in an article's text, tolerant only of typography.

Typographic quotes and dashes, non-breaking spaces and runs of white space are normalised on
both sides; letters, digits and punctuation must match exactly, from the start of a word to the
end of one (`500 people` is not in `3,500 people`). `...` or `…` in a quote joins
passages that appear in that order. Matches inside page furniture do not count.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
})
_WHITE_RUN = re.compile(r"\s{2,}")  # \s is what str.isspace() and str.split() take for white space
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")


def normalise_for_matching(text: str) -> str:
    """The text as the quote check compares it (see module docstring)."""
    return " ".join(text.translate(_CHAR_MAP).split())


def quote_passages(quote: str) -> list[str]:
    """The passages of a quote that `...` or `…` joins, normalised for matching; empty ones dropped.

    >>> quote_passages("“It took 12 years,” ... she said.")
    ['"It took 12 years,"', 'she said.']
    """
    parts = [normalise_for_matching(p) for p in _ELLIPSIS.split(quote.translate(_CHAR_MAP))]
    return [p for p in parts if p]


def contains_words(text: str, part: str) -> bool:
    """Whether normalised ``part`` stands in normalised ``text`` on whole words and numbers (as a
    quote must stand in its article): `It took 1` is not in `It took 12 years`.

    >>> contains_words("Mayor Anna Lima cut the ribbon", "Anna Lima"), contains_words("Mayor Anna Lima", "Anna Lim")
    (True, False)
    """
    search = QuoteSearch(text, [])
    at = text.find(part)
    while at >= 0:
        if not search.cuts_a_word(at, at + len(part)):
            return True
        at = text.find(part, at + 1)
    return False


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quoted passage stands in the published text (offsets into it)."""

    start: int
    end: int


CUT = "inside longer words"
"""`QuoteMiss.furniture` when a passage was found only inside longer words or numbers."""


@dataclass(frozen=True)
class QuoteMiss:
    """Why a quote was not found: `furniture` names the block it was found in instead, if any, or
    is `CUT` when it was found only inside longer words or numbers.

    ``matched`` is how many characters of the (normalised) quote match somewhere in the article,
    and ``near`` the offset in the published text where that longest match ends.
    """

    furniture: str | None
    matched: int
    near: int | None
    passage: str = ""
    """The passage (normalised) that was not found: the whole quote, or one part of a quote with `...`."""


class QuoteSearch:
    """An article's published text prepared once for many quote look-ups (linear in its length)."""

    def __init__(self, text: str, furniture: list[tuple[int, int, str]]):
        """``furniture`` lists (start, end, kind) ranges of page furniture in ``text``."""
        self.text = text
        translated = text.translate(_CHAR_MAP)
        self.normalised = " ".join(translated.split())
        # Where each normalised character came from: its offset plus how many characters were dropped
        # before it, which changes only at leading white space and at runs of two or more white-space
        # characters (each run becomes one space, standing for the run's last character).
        shift = len(translated) - len(translated.lstrip())
        self._shift_from, self._shift = [0], [shift]
        for run in _WHITE_RUN.finditer(translated, shift):
            start, end = run.span()
            if end == len(translated):
                break
            self._shift_from.append(start - shift)
            shift += end - start - 1
            self._shift.append(shift)
        starts = [start for start, _, _ in furniture]
        self._furniture = sorted(furniture)
        self._furniture_starts = sorted(starts)
        self._found: dict[str, list[QuoteSpan] | QuoteMiss] = {}

    def _furniture_at(self, start: int, end: int) -> str | None:
        """The kind of furniture overlapping original offsets [start, end), if any."""
        index = bisect.bisect_right(self._furniture_starts, end - 1) - 1
        while index >= 0:
            f_start, f_end, kind = self._furniture[index]
            if f_end > start:
                return kind
            if f_end <= start:
                break
            index -= 1
        return None

    def origin(self, offset: int) -> int:
        """The offset in the published text of the normalised text's character at ``offset``."""
        return offset + self._shift[bisect.bisect_right(self._shift_from, offset) - 1]

    def _span(self, norm_start: int, norm_end: int) -> QuoteSpan:
        return QuoteSpan(self.origin(norm_start), self.origin(norm_end - 1) + 1)

    def cuts_a_word(self, start: int, end: int) -> bool:
        """Whether normalised [start, end) begins or ends inside a word or a number: `500 people`
        inside `3,500 people`, `legal` inside `illegal`, `Lim` inside `Lima`."""
        text = self.normalised
        before, after = text[start - 1:start], text[end:end + 1]
        first, last = text[start:start + 1], text[end - 1:end]
        if first.isalnum() and before.isalnum() or last.isalnum() and after.isalnum():
            return True
        # a digit after "2," or before ",5" is part of a number, and so is its sign: "-5" (a dash
        # after a word joins words, "COVID-19", "them—2,000")
        if first.isdigit() and before in (",", ".") and text[start - 2:start - 1].isdigit():
            return True
        if first.isdigit() and before in ("-", "+") and not text[max(start - 2, 0):start - 1].isalnum():
            return True
        return last.isdigit() and after in (",", ".") and text[end + 1:end + 2].isdigit()

    def _outside_furniture(self, part: str, at: int, step: int, stop: int) -> tuple[int, str | None]:
        """The first occurrence of ``part`` from ``at`` (moving on by ``step``: 1 forwards, -1
        backwards, to ``stop``) that is on whole words and not in furniture, or -1; and, if it
        passed one, the furniture it was in or ``CUT`` for one inside longer words."""
        found_in: str | None = None
        while at >= 0:
            span = self._span(at, at + len(part))
            kind = CUT if self.cuts_a_word(at, at + len(part)) else self._furniture_at(span.start, span.end)
            if kind is None:
                return at, found_in
            found_in = found_in or kind
            at = self.normalised.find(part, at + 1) if step > 0 else self.normalised.rfind(part, stop, at + len(part) - 1)
        return -1, found_in

    def find(self, quote: str) -> list[QuoteSpan] | QuoteMiss:
        """The spans of a quote's passages outside furniture, or why it was not found.

        Passages joined by `...` are placed as close together as the text allows: each is found
        after the one before it, then each but the last is moved to its last occurrence before the
        next (what is marked, and what the distance between passages is measured on).
        """
        found = self._found.get(quote)
        if found is None:  # a quote is looked up by its check, its article's page and every summary citing it
            found = self._found[quote] = self.find_passages(quote_passages(quote))
        return list(found) if isinstance(found, list) else found

    def find_passages(self, parts: list[str]) -> list[QuoteSpan] | QuoteMiss:
        """`find` for a quote already split by `quote_passages`."""
        starts: list[int] = []
        position = 0
        for part in parts:
            at, found_in = self._outside_furniture(part, self.normalised.find(part, position), 1, 0)
            if at < 0:
                return self._miss(part, found_in)
            starts.append(at)
            position = at + len(part)
        for index in range(len(parts) - 2, -1, -1):
            part, limit = parts[index], starts[index + 1]
            at, _ = self._outside_furniture(part, self.normalised.rfind(part, starts[index], limit), -1, starts[index])
            if at >= 0:  # never -1: the first placement is itself before the next passage
                starts[index] = at
        return [self._span(at, at + len(part)) for at, part in zip(starts, parts)]

    def _miss(self, part: str, furniture: str | None) -> QuoteMiss:
        low, high = 0, len(part)  # longest prefix of `part` found anywhere: binary search
        while low < high:
            mid = (low + high + 1) // 2
            if self.normalised.find(part[:mid]) >= 0:
                low = mid
            else:
                high = mid - 1
        near = None
        if low:
            at = self.normalised.find(part[:low])
            near = self.origin(at + low - 1) + 1
        return QuoteMiss(furniture, low, near, part)
