"""Rendering every page of the study site from the model, the question bank and the templates.

Pure: takes the corpus and returns Markdown text per page. Links in Markdown are `.md` links that
MkDocs checks and rewrites; links inside raw HTML (quizzes, article text) are final URLs.
"""

from __future__ import annotations

import posixpath
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from jinja2 import Environment
from markupsafe import Markup

from quizgen.generate.question_bank import QuestionBank
from quizgen.generate.question_model import Citation, Question
from quizgen.generate.source_comparison import SourceComparison, compare_sources, outlets_of, term_appearances
from quizgen.generate.summaries import CitedSentence, article_date, article_facts, article_summary, cite
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.render.article_text import render_article_text
from quizgen.render.downloads import TeacherFiles
from quizgen.render.environment import counted
from quizgen.render.escape import escape_markdown
from quizgen.render.links import relative_url
from quizgen.render.quiz_html import Link, QuizRenderer, article_uri
from quizgen.render.summary_pages import (briefing_page, curated_source_lines, differences_for_sources, named_sources, quote_linked,
                                          reference_link, source_name, timeline_page)


WRITTEN_URI = "quizzes/write-match-fill.md"
PRACTICE_QUESTIONS_URI = "exports/practice-questions.html"
"""The questions Practice draws from, as the quiz pages render them (links relative to practice.md):
the script clones them, so that a practice question reads as it does on every other page."""
"""The numeric, matching and cloze items: written in, matched, a gap filled."""


def topic_quiz_uri(topic_id: str) -> str:
    return f"quizzes/topics/{topic_id}.md"


BANK_URI = "quizzes/all.md"
BANK_PAGE_LIMIT = 500
"""The "All questions" page holds the whole bank up to this many questions. Beyond, no one answers
them on one page, and the page would be the site's largest by far (50 MB of HTML at 40,000
questions): it points to the quizzes by article and topic and to Practice, which draws from all."""


class ProgressRow(NamedTuple):
    """A row of My progress: what it counts, its questions' ids, and the page they are asked on ("" for none)."""

    name: str
    questions: tuple[str, ...]
    url: str = ""


class PageRenderer:
    """Renders pages for one corpus; ``directory_urls`` must match the site's MkDocs setting."""

    def __init__(self, corpus: Corpus, bank: QuestionBank, markdown: Environment, html: Environment, directory_urls: bool = True):
        self.corpus, self.bank, self.md, self.html, self.directory_urls = corpus, bank, markdown, html, directory_urls
        self._quizzes: dict[str, list[str]] = {}
        self.quizzes = QuizRenderer(corpus, html, directory_urls)

    def take_quizzes(self, page: str) -> list[str]:
        """The quiz HTML rendered for ``page`` since the last call (kept until then, so that the
        caller can tell the page's quizzes, raw HTML, from its prose)."""
        return self._quizzes.pop(page, [])

    # -- links -----------------------------------------------------------------------------
    def citation_link(self, page: str, citation: Citation) -> Link:
        """A Markdown link (MkDocs rewrites it) from ``page`` to the quoted passage."""
        target = article_uri(citation.article)
        url = f"#{citation.anchor}" if target == page else _md_link(page, target, citation.anchor)
        return Link(self.corpus.outlet_of(citation.article).name, url)

    def cited(self, page: str, sentence: CitedSentence) -> Markup:
        """The sentence in Markdown, followed by a link per outlet to the quoted passage."""
        links, seen = [], set()
        for citation in sentence.citations:
            link = self.citation_link(page, citation)
            if link.label not in seen:
                seen.add(link.label)
                links.append(f"[{escape_markdown(link.label)}]({link.url})")
        return Markup(escape_markdown(sentence.text) + "".join(" " + link for link in links))

    def fact_sentence(self, page: str, fact: AnyFact) -> Markup:
        return self.cited(page, CitedSentence(fact.statement, tuple(Citation(s.article, s.quote) for s in fact.sources), fact.id))

    # -- quizzes ---------------------------------------------------------------------------
    def quiz(self, page: str, quiz_id: str, questions: list[Question]) -> Markup:
        html = self.quizzes.render(page, quiz_id, questions)
        self._quizzes.setdefault(page, []).append(html)
        return Markup(html)

    # -- pages -----------------------------------------------------------------------------
    def home(self) -> str:
        corpus = self.corpus
        counts = {"facts": len(corpus.facts), "terms": len(corpus.terms), "articles": len(corpus.articles),
                  "outlets": len(corpus.outlets), "questions": len(self.bank.questions), "people": len(corpus.people),
                  "by_kind": corpus.facts_by_kind()}
        return self.md.get_template("home.md").render(info=corpus.info, counts=counts, articles=self._article_rows())

    def _article_rows(self) -> list[dict[str, Any]]:
        rows = []
        for article in self.corpus.articles:
            rows.append({"id": article.id, "headline": article.meta.headline, "outlet": self.corpus.outlet_of(article.id).name,
                         "published": article.meta.published.display, "reliability": article.meta.reliability,
                         "facts": len(article_facts(self.corpus, article)), "questions": len(self.bank.by_article(article.id))})
        return rows

    def articles_index(self) -> str:
        return self.md.get_template("articles_index.md").render(articles=self._article_rows())

    def article(self, article_id: str) -> str:
        corpus, page = self.corpus, article_uri(article_id)
        article = corpus.article(article_id)
        facts = []
        for fact in article_facts(corpus, article):
            quote = next(s.quote for s in fact.sources if s.article == article_id)
            others = [corpus.outlet(o).name for o in outlets_of(corpus, fact) if o != article.meta.outlet]
            facts.append({"statement": fact.statement, "anchor_url": "#" + Citation(article_id, quote).anchor,
                          "others": ", ".join(others)})
        quotes = list(corpus.quotes_from(article_id))
        questions = self.bank.by_article(article_id)
        return self.md.get_template("article.md").render(
            meta=article.meta, outlet=corpus.outlet_of(article_id), published=article.meta.published.display,
            summary=[quote_linked(self, page, s) for s in article_summary(corpus, article)], facts=facts,
            text=render_article_text(article, quotes),
            quiz=self.quiz(page, f"article-{article_id}", questions) if questions else None)

    def briefing(self) -> str:
        return briefing_page(self)

    @cached_property
    def comparison(self) -> SourceComparison:
        """How the sources compare, worked out once for the pages that show it."""
        return compare_sources(self.corpus)

    def timeline(self) -> str:
        return timeline_page(self)

    def glossary(self) -> str:
        page, corpus = "glossary.md", self.corpus
        appears = term_appearances(corpus)
        terms = []
        for term in sorted(corpus.terms, key=lambda t: t.term.casefold()):
            sentence = CitedSentence(term.definition, tuple(Citation(s.article, s.quote) for s in term.sources), term.id)
            terms.append({"term": term, "definition": self.cited(page, sentence),
                          "appears": [Link(corpus.outlet_of(a).name, _md_link(page, article_uri(a))) for a in appears[term.id]],
                          "related": [Link(corpus.term(r).term, f"#{r}") for r in term.related]})
        return self.md.get_template("glossary.md").render(terms=terms)

    def people(self) -> str:
        page, corpus = "people.md", self.corpus
        entries = []
        for person in sorted(corpus.people, key=lambda p: p.name.split()[-1]):
            roles = [self.fact_sentence(page, f) for f in corpus.role_facts_of(person.id)]
            spellings = [{"name": s.name, "sentence": self.cited(page, CitedSentence(
                "", tuple(Citation(src.article, src.quote) for src in s.sources), person.id))} for s in person.spellings]
            entries.append({"person": person, "roles": roles, "spellings": spellings})
        return self.md.get_template("people.md").render(people=entries, organizations=corpus.organizations)

    def sources(self) -> str:
        page, corpus = "sources.md", self.corpus
        comparison = self.comparison
        outlets = []
        for row in comparison.coverage:
            outlet = row.outlet
            outlets.append({"name": outlet.name, "is_copy": outlet.kind == "copy", "facts": row.fact_count, "only": len(row.only_here), "shared": len(row.shared),
                            "owner": outlet.owner, "editorial_line": outlet.editorial_line, "about": [reference_link(about) for about in outlet.about_sources],
                            "reliability": [corpus.article(a).meta.reliability for a in row.article_ids],
                            "articles": [Link(article_date(corpus, a), _md_link(page, article_uri(a))) for a in row.article_ids],
                            "only_facts": [named_sources(self, page, cite(f)) for f in row.only_here]})
        corroborated = [{"sentence": named_sources(self, page, cite(f)), "count": len(o)} for f, o in comparison.corroborated]
        spellings = [{"name": p.name, "spellings": [{"name": s.name, "sentence": self.cited(page, CitedSentence(
            "", tuple(Citation(src.article, src.quote) for src in s.sources), p.id))} for s in p.spellings]} for p in comparison.spellings]
        notes = {n.article: n.text for n in corpus.story.headline_notes} if corpus.story else {}
        # plain strings: the Markdown templates' finalize escapes them (escaping here too showed `\(`)
        headlines = [{"source": source_name(corpus.outlet_of(a.id)), "date": article_date(corpus, a.id),
                      "headline": a.meta.headline, "note": notes.get(a.id, "")} for a in corpus.articles]
        curated = curated_source_lines(self, page)
        return self.md.get_template("sources.md").render(outlets=outlets, corroborated=corroborated, headlines=headlines, adds=curated.adds,
                                                         unconfirmed=curated.unconfirmed, agreed=curated.agreed, differences=differences_for_sources(self, page),
                                                         spellings=spellings, sources=curated.markers.listed())

    def quizzes_index(self) -> str:
        page = "quizzes/index.md"
        articles = [{"label": f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}", "url": _md_link(page, article_uri(a.id), "quiz"),
                     "count": len(self.bank.by_article(a.id))} for a in self.corpus.articles if self.bank.by_article(a.id)]
        topics = [{"label": t.title, "url": _md_link(page, topic_quiz_uri(t.id)), "count": len(self.bank.by_topic(t.id))}
                  for t in self.corpus.topics if self.bank.by_topic(t.id)]
        written = len(self.bank.numeric + self.bank.matching + self.bank.cloze)
        return self.md.get_template("quizzes_index.md").render(total=len(self.bank.questions), articles=articles, topics=topics,
                                                               written=written, written_page=_md_link(page, WRITTEN_URI),
                                                               bank_page=_md_link(page, BANK_URI), bank_on_one_page=len(self.bank.questions) <= BANK_PAGE_LIMIT)

    def topic_quiz(self, topic_id: str) -> str:
        topic, page = self.corpus.topic(topic_id), topic_quiz_uri(topic_id)
        questions = self.bank.by_topic(topic_id)
        return self.md.get_template("quiz.md").render(title=f"Quiz: {topic.title}", intro=f"{topic.description} {counted(len(questions), 'question')}.",
                                                      quiz=self.quiz(page, f"topic-{topic_id}", questions))

    def written_quiz(self) -> str:
        """The items the topic quizzes do not ask: a number to write in, pairs to match, a gap to fill."""
        bank = self.bank
        questions = list(bank.numeric + bank.matching + bank.cloze)[:BANK_PAGE_LIMIT]
        kinds = [f"{what} ({counted(len(items), 'question')})" for what, items in (
            ("write the number", bank.numeric), ("match terms or people", bank.matching), ("fill the gap in a quote", bank.cloze)) if items]
        intro = (f"Questions of kinds the other quizzes do not ask: {', '.join(kinds) or 'none in this bank'}. "
                 "A number counts as right within the margin its sources give; each match is marked on its own.")
        if len(questions) < len(bank.numeric + bank.matching + bank.cloze):
            intro += f" This page holds the first {len(questions)}."
        return self.md.get_template("quiz.md").render(title="Write the number, match, fill the gap", intro=intro,
                                                      quiz=self.quiz(WRITTEN_URI, "write-match-fill", questions))

    def practice(self) -> str:
        """The Practice page: its filters (sorted by id, as questions.json lists articles and topics) and
        where the script finds the bank and the questions it clones."""
        page = "practice.md"
        articles = sorted((a.id, f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}") for a in self.corpus.articles)
        return self.md.get_template("practice.md").render(
            articles=articles, topics=sorted((t.id, t.title) for t in self.corpus.topics),
            total=len(self.bank.questions) + len(self.bank.cloze), progress_page="progress.md",
            bank_url=relative_url(page, "exports/questions.json", directory_urls=self.directory_urls),
            questions_url=relative_url(page, PRACTICE_QUESTIONS_URI, directory_urls=self.directory_urls),
            quizzes_url=relative_url(page, "quizzes/index.md", directory_urls=self.directory_urls))

    def practice_questions(self) -> str:
        """The questions of ``PRACTICE_QUESTIONS_URI``: the bank's, but the numeric and matching items
        (asked on a page of their own), rendered for practice.md."""
        return self.quizzes.render("practice.md", "practice", list(self.bank.questions + self.bank.cloze))

    def teachers(self, files: TeacherFiles) -> str:
        article = self.corpus.articles[0].id if self.corpus.articles else "ARTICLE-ID"
        topic = self.corpus.topics[0].id if self.corpus.topics else "TOPIC-ID"
        left_out = {item.uri: self._left_out_lines(item.left_out) for item in files.exports}
        return self.md.get_template("teachers.md").render(
            worksheets=files.worksheets, exports=files.exports, left_out=left_out,
            total=len(self.bank.exported), numeric=len(self.bank.numeric), matching=len(self.bank.matching),
            cloze=len(self.bank.cloze),
            example_article=article, example_topic=topic)

    def _left_out_lines(self, left_out: tuple[str, ...]) -> list[str]:
        """`q-id: why` lines for teachers: a reason shared by several questions once, with a count
        (a closing `(…)` detail, such as a length, does not count), else the stem and its reason."""
        stems = {q.id: q.stem for q in self.bank.exported}
        reasons = [(qid, why, why.rsplit(" (", 1)[0] if why.endswith(")") else why)
                   for qid, _, why in (line.partition(": ") for line in left_out)]
        shared: dict[str, int] = {}
        for _, _, key in reasons:
            shared[key] = shared.get(key, 0) + 1
        lines = [f"{counted(n, 'question')}: {key}" for key, n in shared.items() if n > 1]
        return lines + [f"{stems.get(qid, qid)} ({why})" for qid, why, key in reasons if shared[key] == 1]

    def progress(self) -> str:
        """My progress: a row per article and per topic (sorted by id), with the ids of its questions
        (the whole bank's, as questions.json holds them), which the script counts the student's
        answers to; a topic with questions links to its quiz page."""
        page = "progress.md"
        ids: dict[tuple[str, str], list[str]] = {}
        for q in self.bank.exported:
            for key in [("article", a) for a in q.articles] + [("topic", t) for t in q.topics]:
                ids.setdefault(key, []).append(q.id)
        articles = [ProgressRow(f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}", tuple(ids.get(("article", a.id), ())))
                    for a in sorted(self.corpus.articles, key=lambda a: a.id)]
        topics = [ProgressRow(t.title, qs, relative_url(page, topic_quiz_uri(t.id), directory_urls=self.directory_urls) if qs else "")
                  for t in sorted(self.corpus.topics, key=lambda t: t.id) for qs in [tuple(ids.get(("topic", t.id), ()))]]
        return self.md.get_template("progress.md").render(by_article=articles, by_topic=topics)

    def flashcards(self) -> str:
        terms = sorted(self.corpus.terms, key=lambda t: t.term.casefold())
        cards = Markup(self.html.get_template("flashcards.html").render(terms=terms))
        return self.md.get_template("flashcards.md").render(count=len(terms), cards=cards)

    def bank_quiz(self) -> str:
        questions = list(self.bank.questions)
        if len(questions) > BANK_PAGE_LIMIT:
            links = {"quizzes": _md_link(BANK_URI, "quizzes/index.md"), "practice": _md_link(BANK_URI, "practice.md"),
                     "bank": _md_link(BANK_URI, "exports/questions.json")}
            intro = (f"The bank holds {len(questions)} questions, too many to answer on one page. Take them by article or by topic "
                     f"from [Quizzes]({links['quizzes']}), or let [Practice]({links['practice']}) draw a set from all of them. "
                     f"Every question is also in [questions.json]({links['bank']}).")
            return self.md.get_template("quiz.md").render(title="All questions", intro=Markup(intro), quiz="")
        return self.md.get_template("quiz.md").render(title="All questions", intro=f"Every question in the bank: {len(questions)}.",
                                                      quiz=self.quiz(BANK_URI, "all", questions))


def _md_link(page: str, target: str, anchor: str = "") -> str:
    """A relative `.md` link that MkDocs resolves: `../articles/x.md#quote-1`."""
    rel = _md_relative(page, target)
    return rel + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _md_relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
