"""Word counts and the Flesch-Kincaid grade of plain text, for the limits the briefing keeps.

Flesch-Kincaid grade = 0.39 x words per sentence + 11.8 x syllables per word - 15.59. Syllables are
counted by vowel groups (a final silent `e` dropped, at least one per word): an estimate, as in
every readability tool, but the same text always gets the same grade.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9][0-9,.]*[0-9]|[0-9]|[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?:[\"\u201d\u2019')\]]*)(?=\s|$)")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
NUMBER_SYLLABLES = 3
"""A figure such as `1,200` read aloud ("one thousand two hundred") has several syllables."""


def words(text: str) -> list[str]:
    """The words of ``text``: `al-Amin` is two, `1,200` one, `town's` one."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def sentence_count(text: str) -> int:
    return max(1, len(_SENTENCE_END.findall(text.strip())))


def syllables(word: str) -> int:
    if word[0].isdigit():
        return NUMBER_SYLLABLES
    lower = word.lower().replace("'", "").replace("\u2019", "")
    count = len(_VOWEL_GROUP.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text`` (0.0 for text without words), rounded to one decimal."""
    found = words(text)
    if not found:
        return 0.0
    grade = 0.39 * len(found) / sentence_count(text) + 11.8 * sum(syllables(w) for w in found) / len(found) - 15.59
    return round(grade, 1)
