"""The reading handout of one article: its summary, comprehension questions, and a key.

The summary is the one the study site shows (``quizgen.generate.summaries.article_summary``):
curated statements of the facts the article supports, each with the article's own words that
support it. Pure: corpus, article and questions in, HTML out.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from quizgen.generate.question_model import Question
from quizgen.generate.summaries import article_date, article_summary
from quizgen.model.article import Article
from quizgen.model.corpus import Corpus
from quizgen.worksheet.worksheet_html import PageSetup, check_copy, instructions_for, sheet_variants


@dataclass(frozen=True)
class HandoutArticle:
    headline: str
    outlet: str
    byline: str | None
    published: str
    reliability: str
    editorial_line: str | None = None
    """The outlet's editorial line (`outlets.yaml`), which a reader of one article needs beside it."""
    owner: str | None = None
    """Who owns or funds the outlet (`outlets.yaml`)."""


@dataclass(frozen=True)
class SummarySentence:
    text: str
    quotes: tuple[str, ...]
    """The passages of this article that support the sentence."""


def handout_article(corpus: Corpus, article: Article) -> HandoutArticle:
    meta = article.meta
    outlet = corpus.outlet(meta.outlet)
    return HandoutArticle(meta.headline, outlet.name, meta.byline, article_date(corpus, article.id), meta.reliability,
                          outlet.editorial_line, outlet.owner)


def handout_summary(corpus: Corpus, article: Article) -> tuple[SummarySentence, ...]:
    """Each sentence with the passages that support it: a passage once (under the first sentence
    that cites it), and not a fragment beside the longer passage that holds it."""
    shown: set[str] = set()
    told = []
    for sentence in article_summary(corpus, article):
        quotes = list(dict.fromkeys(c.quote for c in sentence.citations))
        whole = [q for q in quotes if not any(q != other and q in other for other in quotes)]
        fresh = [q for q in whole if q not in shown]  # shown under an earlier point: the reader has it
        shown.update(fresh)
        told.append(SummarySentence(sentence.text, tuple(fresh)))
    return tuple(told)


def render_reading_handout(corpus: Corpus, article: Article, variants: list[tuple[str, tuple[Question, ...]]],
                           setup: PageSetup, env: Environment, copy: str = "teacher") -> str:
    """The HTML of ``copy`` of a reading handout: per variant, the summary and the questions (not in
    the key copy), then the key on its own page (not in the student copy)."""
    if not variants or not variants[0][1]:
        raise ValueError("a reading handout needs at least one question")
    return env.get_template("handout.html").render(
        setup=setup, article=handout_article(corpus, article), summary=handout_summary(corpus, article),
        variants=sheet_variants(corpus, variants), instructions=instructions_for(variants[0][1]),
        copy=check_copy(copy))
