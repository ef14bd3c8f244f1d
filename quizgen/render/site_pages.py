"""Rendering every page of the study site from the model, the question bank and the templates.

``PageRenderer`` renders the pages to read (home, articles, briefing, timeline, glossary, people,
sources, flashcards, teachers) and holds ``QuizPages`` (`quiz_pages.py`), the pages that ask the
bank's questions. Pure: takes the corpus and returns each page as a ``Page``: its prose (Markdown)
and its quizzes (raw HTML) apart. Links in Markdown are `.md` links that MkDocs checks and rewrites; links inside
raw HTML (quizzes, article text) are final URLs.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from quizgen.generate.question_bank import QuestionBank
from quizgen.generate.question_model import Citation, citations_from
from quizgen.generate.source_comparison import (
    SourceComparison,
    compare_sources,
    term_appearances,
)
from quizgen.generate.summaries import (
    CitedSentence,
    article_date,
    article_facts,
    article_summary,
    cite,
)
from quizgen.model.corpus import AnyFact, Corpus
from quizgen.render.article_text import render_article_text
from quizgen.render.downloads import TeacherFiles
from quizgen.render.environment import counted
from quizgen.render.escape import escape_markdown
from quizgen.render.links import SiteLinks
from quizgen.render.page import Page, QuizBlock, prose_page, render_page
from quizgen.render.quiz_html import Link, QuizRenderer, article_uri
from quizgen.render.quiz_pages import QuizPages
from quizgen.render.summary_pages import (
    agreed_lines,
    briefing_page,
    differences_for_sources,
    named_sources,
    outlet_rows,
    outlets_named,
    quote_linked,
    source_name,
    timeline_page,
)


class PageRenderer:
    """Renders the pages of one build; ``directory_urls`` must match the site's MkDocs setting.

    Each method returns a page and keeps nothing of it; what a build works out once (links,
    answers, the comparison of the sources) lives as long as the renderer."""

    def __init__(self, corpus: Corpus, bank: QuestionBank, markdown: Environment, html: Environment, directory_urls: bool = True):
        self.corpus, self.bank, self.md, self.html, self.directory_urls = corpus, bank, markdown, html, directory_urls
        self.links = SiteLinks(directory_urls)
        self.quizzes = QuizRenderer(corpus, html, self.links)
        self.quiz_pages = QuizPages(corpus, bank, markdown, self.links, self.quizzes)
        """The pages that ask the bank's questions, sharing this build's links and quiz HTML."""

    # -- links -----------------------------------------------------------------------------
    def article_link(self, page: str, article_id: str) -> str:
        """A Markdown link target (MkDocs rewrites it) from ``page`` to an article's page."""
        return self.links.md(page, article_uri(article_id))

    def citation_link(self, page: str, citation: Citation) -> Link:
        """A Markdown link (MkDocs rewrites it) from ``page`` to the quoted passage."""
        target = article_uri(citation.article)
        url = f"#{citation.anchor}" if target == page else self.links.md(page, target, citation.anchor)
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
        return self.cited(page, CitedSentence(fact.statement, citations_from(fact.sources), fact.id))

    # -- pages -----------------------------------------------------------------------------
    def home(self) -> Page:
        corpus = self.corpus
        counts = {"facts": len(corpus.facts), "terms": len(corpus.terms), "articles": len(corpus.articles),
                  "outlets": len(corpus.outlets), "questions": len(self.bank.questions), "people": len(corpus.people),
                  "by_kind": corpus.facts_by_kind()}
        return render_page(self.md.get_template("home.md"), "index.md", "Home", info=corpus.info, counts=counts, articles=self._article_rows())

    def _article_rows(self) -> list[dict[str, Any]]:
        rows = []
        for article in self.corpus.articles:
            rows.append({"id": article.id, "headline": article.meta.headline, "outlet": self.corpus.outlet_of(article.id).name,
                         "published": article.meta.published.display, "reliability": article.meta.reliability,
                         "facts": len(article_facts(self.corpus, article)), "questions": len(self.bank.by_article(article.id))})
        return rows

    def articles_index(self) -> Page:
        return render_page(self.md.get_template("articles_index.md"), "articles/index.md", "Articles", articles=self._article_rows())

    def article(self, article_id: str) -> Page:
        corpus, page = self.corpus, article_uri(article_id)
        article = corpus.article(article_id)
        facts = []
        for fact in article_facts(corpus, article):
            quote = next(s.quote for s in fact.sources if s.article == article_id)
            others = [corpus.outlet(o).name for o in corpus.outlets_of(fact) if o != article.meta.outlet]
            facts.append({"statement": fact.statement, "anchor_url": "#" + Citation(article_id, quote).anchor,
                          "others": ", ".join(others)})
        quotes = list(corpus.quotes_from(article_id))
        questions = self.bank.by_article(article_id)
        return render_page(
            self.md.get_template("article.md"), page, article.meta.headline,
            quizzes={"quiz": self.quizzes.render(page, f"article-{article_id}", questions) if questions else None}, meta=article.meta, outlet=corpus.outlet_of(article_id), published=article.meta.published.display,
            summary=[quote_linked(self, page, s) for s in article_summary(corpus, article)], facts=facts,
            text=render_article_text(article, quotes))

    def briefing(self) -> Page:
        return prose_page("briefing.md", "Briefing", briefing_page(self))

    @cached_property
    def comparison(self) -> SourceComparison:
        """How the sources compare, worked out once for the pages that show it."""
        return compare_sources(self.corpus)

    def timeline(self) -> Page:
        return prose_page("timeline.md", "Timeline", timeline_page(self))

    def glossary(self) -> Page:
        page, corpus = "glossary.md", self.corpus
        appears = term_appearances(corpus)
        terms = []
        for term in sorted(corpus.terms, key=lambda t: t.term.casefold()):
            sentence = CitedSentence(term.definition, citations_from(term.sources), term.id)
            terms.append({"term": term, "definition": self.cited(page, sentence),
                          "appears": [Link(corpus.outlet_of(a).name, self.links.md(page, article_uri(a))) for a in appears[term.id]],
                          "related": [Link(corpus.term(r).term, f"#{r}") for r in term.related]})
        return render_page(self.md.get_template("glossary.md"), page, "Glossary", terms=terms)

    def people(self) -> Page:
        page, corpus = "people.md", self.corpus
        entries = []
        for person in sorted(corpus.people, key=lambda p: p.name.split()[-1]):
            roles = [self.fact_sentence(page, f) for f in corpus.role_facts_of(person.id)]
            spellings = [{"name": s.name, "sentence": self.cited(page, CitedSentence(
                "", citations_from(s.sources), person.id))} for s in person.spellings]
            entries.append({"person": person, "roles": roles, "spellings": spellings})
        return render_page(self.md.get_template("people.md"), page, "People", people=entries, organizations=corpus.organizations)

    def sources(self) -> Page:
        """How the sources compare. With a curated story: the headlines, who the outlets are, the
        copies apart, what they agree on, and the differences, changes over time and corrections
        in short lists of their own. Without one, the counts of distinct facts and the lists they
        are the lengths of stand in for the curated lines."""
        page, corpus = "sources.md", self.corpus
        curated = corpus.story is not None
        outlets = outlet_rows(self, page, counted=not curated)
        corroborated = [] if curated else [{"sentence": named_sources(self, page, cite(f)), "count": len(o)}
                                           for f, o in self.comparison.corroborated]
        spellings = [] if curated else [{"name": p.name, "spellings": [{"name": s.name, "sentence": self.cited(page, CitedSentence(
            "", citations_from(s.sources), p.id))} for s in p.spellings]} for p in self.comparison.spellings]
        notes = {n.article: n.text for n in corpus.story.headline_notes} if corpus.story else {}
        # plain strings: the Markdown templates' finalize escapes them (escaping here too showed `\(`)
        headlines = [{"source": source_name(corpus.outlet_of(a.id)), "date": article_date(corpus, a.id),
                      "headline": a.meta.headline, "note": notes.get(a.id, "")} for a in corpus.articles]
        return render_page(self.md.get_template("sources.md"), page, "How the sources compare", curated=curated, outlets=outlets,
                           corroborated=corroborated, headlines=headlines, agreed=agreed_lines(self, page),
                           lead=outlets_named(self, page, corpus.story.sources_lead) if corpus.story and corpus.story.sources_lead else "",
                           differences=differences_for_sources(self, page), spellings=spellings)

    def teachers(self, files: TeacherFiles) -> Page:
        article = self.corpus.articles[0].id if self.corpus.articles else "ARTICLE-ID"
        topic = self.corpus.topics[0].id if self.corpus.topics else "TOPIC-ID"
        left_out = {item.uri: self._left_out_lines(item.left_out) for item in files.exports}
        return render_page(
            self.md.get_template("teachers.md"), "teachers.md", "For teachers", downloads=files.worksheets + files.exports,
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

    def flashcards(self) -> Page:
        terms = sorted(self.corpus.terms, key=lambda t: t.term.casefold())
        # the cards are raw HTML, kept out of the prose as a quiz is: no tooltip can reach them
        cards = QuizBlock("flashcards", self.html.get_template("flashcards.html").render(terms=terms))
        return render_page(self.md.get_template("flashcards.md"), "flashcards.md", "Flashcards", quizzes={"cards": cards},
                           count=len(terms))
