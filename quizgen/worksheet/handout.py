"""The reading handout of one article: its summary, comprehension questions, and a key.

The summary is the one the study site shows (``quizgen.generate.summaries.article_summary``):
curated statements of the facts the article supports, each with the article's own words that
support it. Pure: corpus, article and questions in, HTML out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment

from quizgen.generate.question_model import Question
from quizgen.generate.summaries import (
    CitedSentence,
    article_date,
    article_summary,
    classified_differences,
)
from quizgen.model.article import Article
from quizgen.model.corpus import Corpus
from quizgen.worksheet.worksheet_html import (
    PageSetup,
    check_copy,
    instructions_for,
    sheet_variants,
)


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


@dataclass(frozen=True)
class HandoutWord:
    term: str
    definition: str


HANDOUT_WORDS = 5
"""At most this many glossary terms on a handout: the few hard words, not the whole glossary."""


def handout_glossary(corpus: Corpus, article: Article) -> tuple[HandoutWord, ...]:
    """The glossary terms the article itself uses (a term citing it) that its handout's summary or
    quoted passages show, at most ``HANDOUT_WORDS``, in the order a reader meets them. Those only
    the passages show come first: the summary is written in plain words, so a term its own sentences
    use ("joint statement") is one a pupil already reads plainly, and the hard words are the article's."""
    summary = handout_summary(corpus, article)
    shown = " ".join(t for s in summary for t in (s.text, *s.quotes))
    plain = " ".join(s.text for s in summary)
    found: list[tuple[bool, int, HandoutWord]] = []
    for term in corpus.terms:
        if article.id not in {s.article for s in term.sources}:
            continue
        # an abbreviation matches as written: the alias "IS" is not the word "is"
        names = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", 0 if name.isupper() else re.IGNORECASE)
                 for name in (term.term, *term.aliases)]
        places = [m.start() for name in names if (m := name.search(shown))]
        if places:
            in_plain = any(name.search(plain) for name in names)
            found.append((in_plain, min(places), HandoutWord(term.term, term.definition)))
    chosen = sorted(found, key=lambda f: (f[0], f[1]))[:HANDOUT_WORDS]
    return tuple(word for _, _, word in sorted(chosen, key=lambda f: f[1]))


def handout_article(corpus: Corpus, article: Article) -> HandoutArticle:
    meta = article.meta
    outlet = corpus.outlet(meta.outlet)
    return HandoutArticle(meta.headline, outlet.name, meta.byline, article_date(corpus, article.id), meta.reliability,
                          outlet.editorial_line, outlet.owner)


def _with_passages(sentences: list[CitedSentence], shown: set[str]) -> tuple[SummarySentence, ...]:
    """Each sentence with the passages that support it: a passage once (under the first sentence
    that cites it, ``shown`` holding those shown already), and not a fragment beside the longer
    passage that holds it."""
    told = []
    for sentence in sentences:
        quotes = list(dict.fromkeys(c.quote for c in sentence.citations))
        whole = [q for q in quotes if not any(q != other and q in other for other in quotes)]
        fresh = [q for q in whole if q not in shown]  # shown under an earlier point: the reader has it
        shown.update(fresh)
        told.append(SummarySentence(sentence.text, tuple(fresh)))
    return tuple(told)


def handout_summary(corpus: Corpus, article: Article) -> tuple[SummarySentence, ...]:
    """The article's summary, each sentence with the passages that support it."""
    return _with_passages(article_summary(corpus, article), set())


def handout_corrections(corpus: Corpus, article: Article) -> tuple[SummarySentence, ...]:
    """The article's own corrections, if it has any: the first version and the corrected one,
    each with this article's words (the passages the summary shows are not shown again). A
    correction tells a reader how the report was made, so a handout keeps it beside the summary.
    The versions are told together, so a passage inside another version's passage is not shown."""
    shown = {q for s in handout_summary(corpus, article) for q in s.quotes}
    versions = [[c for c in s.citations if c.article == article.id]
                for d in classified_differences(corpus) if d.kind == "correction" for s in (d.sentence, *d.versions)]
    texts = [s.text for d in classified_differences(corpus) if d.kind == "correction" for s in (d.sentence, *d.versions)]
    quotes = {c.quote for cited in versions for c in cited}
    kept = [CitedSentence(text, tuple(c for c in cited if not any(c.quote != q and c.quote in q for q in quotes)), "")
            for text, cited in zip(texts, versions) if cited]
    return _with_passages(kept, shown)


def render_reading_handout(corpus: Corpus, article: Article, variants: list[tuple[str, tuple[Question, ...]]],
                           setup: PageSetup, env: Environment, copy: str = "teacher") -> str:
    """The HTML of ``copy`` of a reading handout: per variant, the summary and the questions (not in
    the key copy), then the key on its own page (not in the student copy)."""
    if not variants or not variants[0][1]:
        raise ValueError("a reading handout needs at least one question")
    return env.get_template("handout.html").render(
        setup=setup, article=handout_article(corpus, article), summary=handout_summary(corpus, article),
        corrections=handout_corrections(corpus, article), words=handout_glossary(corpus, article),
        variants=sheet_variants(corpus, variants), instructions=instructions_for(variants[0][1]),
        copy=check_copy(copy))
