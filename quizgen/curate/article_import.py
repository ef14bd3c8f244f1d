"""`quizgen add-article`: a saved web page or a plain text made into an article file.

The article file holds front matter (id, outlet, headline, byline, published, source_sha256 ...)
and the text, with likely furniture fenced for review (`furniture_lines`). From a web page the
text and metadata come from trafilatura and htmldate (`page_text`); from a plain text, the
headline is the line repeated at the top or the first short line, and the date and byline are
the short lines around it. The curator reviews the fences and writes the reliability line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.curate.furniture_lines import (
    Line,
    classify_lines,
    fence_furniture,
    find_headline,
    is_body_line,
    is_date_line,
    is_fence_line,
)
from quizgen.errors import CorpusError, Problem, UsageError
from quizgen.load.article_file import split_article_file
from quizgen.load.source_text import SourceText, read_source_text
from quizgen.model.field_types import PartialDate
from quizgen.validate.consistency import published_sha256

RELIABILITY_TODO = "TODO: one line on how far this text can be trusted, and why"
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'-]+(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?) [—–-] ")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


@dataclass(frozen=True)
class ArticleRequest:
    """What the curator gives besides the file: the outlet, and overrides of what is guessed."""

    outlet: str
    url: str | None = None
    article_id: str | None = None
    headline: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet_name: str | None = None
    """The outlet's name: a line at the top that holds it is the masthead, not the headline."""


@dataclass(frozen=True)
class ImportedArticle:
    id: str
    text: str
    """The whole article file: front matter, then the fenced text."""
    furniture: int
    """How many lines were fenced as furniture."""
    notes: tuple[str, ...]


def _problem(display: str, message: str, line: int = 1, column: int = 1) -> CorpusError:
    return CorpusError([Problem(display, line, column, message)])


def _date_from_text(lines: list[Line], head: int | None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, the line as printed) from the first short date line at the top of a text."""
    from html import escape

    import htmldate

    top = lines[:(head or 0) + 12]
    for line in top:
        text = line.text.strip()
        if is_date_line(text) and not is_body_line(text):
            page = f"<html><body><p>{escape(text)}</p></body></html>"
            found = htmldate.find_date(page, extensive_search=True, original_date=True, outputformat="%Y-%m-%d",
                                       min_date="1990-01-01", max_date="2099-12-31")
            if found:
                return found, text
    return None, None


def _byline_from_text(lines: list[Line], kinds: list[str | None], head: int | None) -> str | None:
    if head is None:
        return None
    for i in range(head + 1, min(len(lines), head + 8)):
        text = lines[i].text.strip()
        if kinds[i] == "header" and text and not is_date_line(text) and text != lines[head].text.strip():
            return text.removeprefix("By ").removeprefix("by ")
    return None


def _front_matter(fields: list[tuple[str, str | None]]) -> str:
    lines = ["---"]
    for key, value in fields:
        if value is None:
            continue
        # JSON strings are YAML double-quoted scalars: every character escaped as YAML reads it
        shown = value if key in ("published", "source_sha256") else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {shown}")
    return "\n".join(lines + ["---", ""])


def import_article(path: Path, request: ArticleRequest, display: str | None = None) -> ImportedArticle:
    """The article file made from ``path`` (HTML when it looks like HTML, else plain text)."""
    display = str(path) if display is None else display
    if not path.is_file():
        raise UsageError(f"expected a saved web page or a text file, found no file at '{display}'")
    source = read_source_text(path, display)
    if isinstance(source, Problem):
        raise CorpusError([source])
    notes: list[str] = []
    looks_like_html = path.suffix.lower() in (".html", ".htm") or source.text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if looks_like_html:
        from quizgen.curate.page_text import read_page

        page = read_page(source.text)
        if not page.lines:
            raise _problem(display, "expected a web page with an article in it, found none that trafilatura could extract")
        lines = [item for line in page.lines for item in (line, Line(""))][:-1]
        headline, byline, published, printed = page.headline, page.byline, page.published, None
        url = request.url or page.url
        if page.left_out:
            notes.append(f"left out {page.left_out} lines of the page outside the article (menus, footers)")
    else:
        lines = [Line(text) for text in source.text.rstrip("\n").split("\n")]
        masthead_names = tuple(n for n in (request.outlet_name, request.outlet.replace("-", " ")) if n)
        head = find_headline(lines, masthead_names)
        headline = lines[head].text.strip() if head is not None else None
        published, printed = _date_from_text(lines, head)
        byline, url = None, request.url
    for number, line in enumerate(lines, start=1):
        if is_fence_line(line.text):
            raise _problem(display, "expected article text, found a line that reads as a furniture fence (':::'); edit the article file by hand", number)
    headline = request.headline or headline
    kinds = classify_lines(lines, headline)
    if not looks_like_html:
        byline = _byline_from_text(lines, kinds, find_headline(lines, masthead_names))
    byline = request.byline or byline
    published = request.published or published
    if not headline:
        raise _problem(display, "expected a headline, found none to take; give --headline")
    if not published:
        raise _problem(display, "expected a publication date, found none on the page; give --published YYYY-MM-DD")
    try:
        date = PartialDate.parse(published)
    except ValueError as exc:
        raise _problem(display, f"{exc} (for --published)") from None
    if date.precision != "day":
        raise _problem(display, f"expected a full publication date YYYY-MM-DD, found '{published}'")
    body = fence_furniture(lines, kinds)
    article_id = request.article_id or f"{request.outlet}-{date.iso}"
    first_body = next((line.text for line, kind in zip(lines, kinds) if kind is None and line.text.strip()), "")
    dateline = _DATELINE.match(first_body)
    fields = [("id", article_id), ("outlet", request.outlet), ("headline", headline), ("byline", byline),
              ("published", date.iso), ("date_as_printed", printed if printed and _NUMERIC_DATE.search(printed) else None),
              ("dateline", dateline.group("place") if dateline else None), ("url", url),
              ("reliability", RELIABILITY_TODO), ("source_file", path.name)]
    probe = SourceText(path, display, _front_matter(fields) + body)
    digest = published_sha256(split_article_file(probe).published_text)
    text = _front_matter(fields + [("source_sha256", digest)]) + body
    return ImportedArticle(article_id, text, sum(1 for kind in kinds if kind), tuple(notes))
