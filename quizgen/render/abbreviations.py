"""The glossary's abbreviations as tooltips: `*[WHO]: World Health Organization` lines for
Python-Markdown's abbr extension, for the abbreviations a page's prose can hold.

The lines go at the end of the Markdown. The abbr extension leaves raw HTML alone, so a page's
quizzes (``Page.quizzes``) have no say: the abbreviations are looked for in its prose only.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the finder is the site's (`SiteContent`), which a build from the pages' cache has without the model
    from quizgen.model.corpus import Corpus

_NON_ASCII_SEPARATORS = re.compile(r"[^\x00-\x7f\w]+")
"""Runs of characters outside ASCII that are not letters or digits (curly quotes, dashes)."""
_ASCII_SEPARATORS_TO_SPACE = bytes(c if chr(c).isalnum() else ord(" ") for c in range(128)) + bytes(range(128, 256))
"""A `bytes.translate` table: every ASCII byte but a letter or digit becomes a space; bytes of
characters outside ASCII (UTF-8 sequences) are kept."""


class AbbreviationFinder:
    """Which of a glossary's abbreviations a page can hold.

    An abbreviation matches only as whole words, so one whose first word is not a run of letters
    and digits in the page cannot occur there. Leaving the others out changes no output and keeps
    each page's cost independent of the size of the glossary.
    """

    def __init__(self, abbreviations: dict[str, str]):
        self.abbreviations = abbreviations
        self.by_first_word: dict[str, list[str]] = {}
        for abbr in abbreviations:
            self.by_first_word.setdefault(abbr.split()[0], []).append(abbr)

    def lines_for(self, markdown: str) -> str:
        """The lines of the abbreviations that can occur in ``markdown``."""
        words = self.first_words_in(markdown)
        return abbreviation_lines({abbr: self.abbreviations[abbr] for word in words for abbr in self.by_first_word[word]})

    def first_words_in(self, markdown: str) -> set[str]:
        """The abbreviations' first words that occur in ``markdown`` as words (maximal runs of
        letters and digits, as the regex ``[^\\W_]+`` finds them), found in C, not a loop over the
        page's words: outside ASCII, separators become spaces; encoded, ASCII separators become
        spaces; what `bytes.split` leaves are the words, in UTF-8."""
        if not markdown.isascii():
            markdown = _NON_ASCII_SEPARATORS.sub(" ", markdown)
        words = self._first_words_utf8.intersection(markdown.encode().translate(_ASCII_SEPARATORS_TO_SPACE).split())
        return {word.decode() for word in words}

    @cached_property
    def _first_words_utf8(self) -> frozenset[bytes]:
        return frozenset(word.encode() for word in self.by_first_word)


def abbreviation_lines(abbreviations: dict[str, str]) -> str:
    """`*[WHO]: World Health Organization` lines for Python-Markdown's abbr extension, each a block
    of its own (a blank line between two): abbr reads one definition of a block at a time and gives the
    rest of the block back to every block processor, which made a long run of lines quadratic."""
    return "\n".join(f"*[{abbr}]: {expansion}\n" for abbr, expansion in sorted(abbreviations.items()))


def glossary_abbreviations(corpus: Corpus) -> dict[str, str]:
    """Every glossary term and alias whose first word is a word (what the finder can match), with
    its tooltip: the expansion, if any, then the definition."""
    found: dict[str, str] = {}
    for term in corpus.terms:
        tip = " ".join((f"{term.expansion}: {term.definition}" if term.expansion else term.definition).split())
        for name in (term.term, *term.aliases):
            if name.split()[0].isalnum() and "]" not in name:
                found.setdefault(name, tip)
    return found
