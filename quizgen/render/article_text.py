"""An article's published text as HTML: quoted passages marked and anchored, furniture set apart."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from quizgen.generate.question_model import quote_anchor
from quizgen.model.article import Article
from quizgen.model.quote_search import QuoteMiss

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _paragraphs(text: str, base: int) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((base + start, base + match.start()))
        start = match.end()
    ranges.append((base + start, base + len(text)))
    trimmed = []
    for a, b in ranges:
        piece = text[a - base:b - base]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trimmed.append((a + lead, a + len(piece.rstrip())))
    return trimmed


def render_article_text(article: Article, quotes: list[str]) -> Markup:
    """HTML for the article text; each quote's first passage carries the anchor `quote_anchor(quote)`."""
    text = article.published_text
    coverage: list[tuple[int, int, str]] = []
    anchors_at: dict[int, list[str]] = {}
    for quote in sorted(set(quotes)):
        found = article.quote_search.find(quote)
        if isinstance(found, QuoteMiss):
            continue  # validation has already refused such quotes
        anchor = quote_anchor(quote)
        anchors_at.setdefault(found[0].start, []).append(anchor)
        coverage += [(span.start, span.end, anchor) for span in found]
    out: list[str] = ['<div class="qg-article-text">']
    offset = 0
    for block in article.blocks:
        for start, end in _paragraphs(block.text, offset):
            if block.furniture:
                body = html.escape(text[start:end]).replace("\n", "<br>")
                out.append(f'<p class="qg-furniture" data-furniture="{block.furniture}" title="Page furniture ({block.furniture}): never quoted or summarised">{body}</p>')
            else:
                out.append("<p>" + _marked(text, start, end, coverage, anchors_at) + "</p>")
        offset += len(block.text)
    out.append("</div>")
    return Markup("\n".join(out))


def _marked(text: str, start: int, end: int, coverage: list[tuple[int, int, str]], anchors_at: dict[int, list[str]]) -> str:
    inside = [(max(a, start), min(b, end), anchor) for a, b, anchor in coverage if a < end and b > start]
    points = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside), *(p for p in anchors_at if start <= p < end)})
    parts = []
    for a, b in zip(points, points[1:]):
        for anchor in anchors_at.get(a, []):
            parts.append(f'<a class="qg-quote-anchor" id="{anchor}"></a>')
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        covering = sorted({anchor for s, e, anchor in inside if s <= a and e >= b})
        parts.append(f'<mark class="qg-quote" data-quotes="{" ".join(covering)}">{piece}</mark>' if covering else piece)
    return "".join(parts)
