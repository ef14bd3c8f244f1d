"""Finding a name in a text as a whole word, without compiling a pattern per name.

``(?<![\\w-])NAME(?![\\w-])`` compiled once per glossary term cost more than the search itself
(3,000 terms: 6,000 patterns, beyond `re`'s cache); this finds the same matches with `str.find`.
"""

from __future__ import annotations


def _is_word_char(char: str, joiners: str) -> bool:
    return char.isalnum() or char == "_" or char in joiners  # `\w` is str.isalnum() and "_"


def contains_whole(text: str, name: str, joiners: str = "") -> bool:
    """Whether ``name`` occurs in ``text`` with neither a word character (``\\w``) nor one of
    ``joiners`` just before or just after it (case-sensitive)."""
    if not name:
        return False
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before_ok = at == 0 or not _is_word_char(text[at - 1], joiners)
        if before_ok and (end == len(text) or not _is_word_char(text[end], joiners)):
            return True
        at = text.find(name, at + 1)
    return False
