"""Guessing which lines of an article are page furniture, and fencing them for review.

Furniture stays in the text (the published text is kept whole) but is fenced between
``::: furniture KIND`` and ``:::`` lines, so it is never quoted or summarised. These are guesses
for a curator to review: the headline and the lines around it (dates, bylines), share and
"Read also" lines, captions with a photo credit, stray timestamps, credits, comment sections,
site notices and footers, and lines a web-page extractor dropped from the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LIKE = re.compile(rf"\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
                        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}", re.IGNORECASE)
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
    ("related-links", r"^(?:read|see) (?:also|more)\b|^also read\b|^related(?: articles| stories| news)?\s*:|^more on this\b|^recommended\b"),
    ("widgets", r"^a\+\s*a-$|^share\b|\bshare (?:on|this)\b|^copy link$|^(?:tweet|email|print|whatsapp)$|^editor'?s? picks$|"
                r"^most (?:read|popular)$|^advertisement$|^listen to this article\b"),
    ("comments", r"^(?:\d+ )?comments?(?: ?\(\d+\))?$|^(?:leave|post|add|write) a comment\b|moderates all comments|\bcomments? policy\b|"
                 r"^(?:show|view|hide|load) (?:all |more )?comments\b|^join the (?:conversation|discussion)\b|\bcomments? (?:are|is) (?:closed|moderated)\b"),
    ("site-notice", r"content spinners|not for human consumption|\bsubscribe\b|\bnewsletter\b|\bcookies?\b|enable javascript"),
    ("credit", r"\bcontributed(?: to this report)?\.?\)?$|^\(?(?:additional )?reporting by\b|^(?:writing|editing) by\b|^sources?: .*\b(?:agencies|news)\b"),
    ("footer", r"^published at www\.|©|\ball rights reserved\b|\bprivacy policy\b|\bterms of (?:use|service)\b"),
    ("caption", r"\b(?:reuters|afp|ap|epa|getty images)/|/file photo\b|\bphoto(?:graph)?:|\(photo\b|\[[^\]]*/[^\]]*\]$|\bgetty images\b"),
))
_MAX_FURNITURE_WORDS = 40
_COMMENTS_HEADING = re.compile(r"(?:\d+ )?comments?(?: ?\(\d+\))?")
"""A comment section's heading (`Comments`, `Comments (4)`, `12 comments`): what follows is comments."""
_FENCE = re.compile(r"::: *furniture\b.*|:::\s*")


@dataclass(frozen=True)
class Line:
    """One line of the article's text, and what a web page said it was (``figcaption``, ``time``...)."""

    text: str
    tag: str = ""
    dropped: bool = False
    """True when the extractor left the line out of the article's text."""


def is_date_line(text: str) -> bool:
    """A short line that is mostly a date: ``07-04-2021``, ``Updated on April 8, 2021``."""
    return len(text.split()) <= 8 and bool(_DATE_LIKE.search(text))


def is_fence_line(text: str) -> bool:
    return bool(_FENCE.fullmatch(text))


def is_body_line(text: str) -> bool:
    """A line of running prose: long, or a sentence."""
    words = len(text.split())
    return words >= 12 or (words >= 6 and text.rstrip().endswith((".", "”", '"', "?", "!")))


def _is_byline(text: str) -> bool:
    words = text.removeprefix("By ").removeprefix("by ").split()
    return 1 < len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"[\d.:!?]$", text)


def rule_kind(text: str) -> str | None:
    """The furniture kind a line's own words suggest, if any."""
    stripped = text.strip().lstrip("•·|- ").strip()
    if not stripped or len(stripped.split()) > _MAX_FURNITURE_WORDS:
        return None
    for kind, pattern in _RULES:
        if pattern.search(stripped):
            return kind
    return "timestamp" if is_date_line(stripped) else None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_headline(lines: list[Line], outlet_names: tuple[str, ...] = ()) -> int | None:
    """The index of the headline in a plain text: a line repeated near the top, else the first
    line near the top that is neither furniture nor prose nor the outlet's masthead (a line that
    names the outlet)."""
    names = [re.compile(rf"(?<!\w){re.escape(_norm(name))}(?!\w)") for name in outlet_names if name.strip()]
    top = [i for i, line in enumerate(lines) if line.text.strip() and not any(n.search(_norm(line.text)) for n in names)][:10]
    seen: dict[str, int] = {}
    for i in top:
        key = _norm(lines[i].text)
        if key in seen and rule_kind(lines[i].text) is None and len(key.split()) >= 3 and not _is_byline(lines[i].text):
            return seen[key]
        seen.setdefault(key, i)
    for i in top:
        text = lines[i].text.strip()
        if rule_kind(text) is None and 3 <= len(text.split()) <= 25 and not text.endswith("."):
            return i
    return None


def _headline_index(lines: list[Line], headline: str | None) -> int | None:
    if not headline:
        return None
    top = [i for i, line in enumerate(lines) if line.text.strip()][:15]
    return next((i for i in top if _norm(lines[i].text) == _norm(headline)), None)


def classify_lines(lines: list[Line], headline: str | None) -> list[str | None]:
    """A furniture kind (or None for the article's own text) for every line."""
    kinds: list[str | None] = [None] * len(lines)
    head = _headline_index(lines, headline)
    start = 0 if head is None else head + 1
    body = [i for i in range(start, len(lines))
            if is_body_line(lines[i].text) and not lines[i].dropped and rule_kind(lines[i].text) is None]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else -1
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        kind = "caption" if line.tag == "figcaption" else rule_kind(text)
        if head is not None and i < first_body:  # the top of the page: masthead, headline, date and byline
            if _norm(text) == _norm(lines[head].text):
                kind = "header"
            elif i > head and kind in (None, "timestamp") and (is_date_line(text) or _is_byline(text) or line.tag == "time"):
                kind = "header"
            elif i < head and kind is None:
                kind = "masthead"
        if kind is None and line.dropped:
            kind = "header" if i < first_body else "footer" if i > last_body else "widgets"
        kinds[i] = kind
    for i, line in enumerate(lines):  # a comment section runs to the end; "Read also:" takes its link
        if kinds[i] == "comments" and i > first_body and _COMMENTS_HEADING.fullmatch(_norm(line.text)):
            for j in range(i, len(lines)):
                kinds[j] = "comments" if lines[j].text.strip() else None
            break
        if kinds[i] == "related-links" and line.text.strip().endswith(":"):
            following = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
            if following is not None and kinds[following] is None and not is_body_line(lines[following].text):
                kinds[following] = "related-links"
    return kinds


def fence_furniture(lines: list[Line], kinds: list[str | None]) -> str:
    """The text with each run of furniture of one kind fenced; blank lines between two lines of
    the same kind stay inside the fence. Removing the fence lines gives back the text."""
    out: list[str] = []
    open_kind: str | None = None
    for i, line in enumerate(lines):
        kind = kinds[i]
        if not line.text.strip() and open_kind is not None:
            following = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
            if following is not None and kinds[following] == open_kind:
                out.append(line.text)
                continue
        if kind != open_kind and open_kind is not None:
            out.append(":::")
            open_kind = None
        if kind is not None and open_kind is None:
            out.append(f"::: furniture {kind}")
            open_kind = kind
        out.append(line.text)
    if open_kind is not None:
        out.append(":::")
    return "\n".join(out) + "\n"
