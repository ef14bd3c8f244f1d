"""Rendering every page of the study site from the model, the question bank and the templates.

Pure: takes the corpus and returns each page as a ``Page``: its prose (Markdown) and its quizzes
(raw HTML) apart. Links in Markdown are `.md` links that MkDocs checks and rewrites; links inside
raw HTML (quizzes, article text) are final URLs.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, NamedTuple

from jinja2 import Environment
from markupsafe import Markup

from quizgen.generate.question_bank import QuestionBank
from quizgen.generate.question_model import Citation, Question, citations_from
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
from quizgen.render.summary_pages import (
    agreed_lines,
    briefing_page,
    differences_for_sources,
    named_sources,
    outlet_rows,
    quote_linked,
    source_name,
    timeline_page,
)

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
    """Renders the pages of one build; ``directory_urls`` must match the site's MkDocs setting.

    Each method returns a page and keeps nothing of it; what a build works out once (links,
    answers, the comparison of the sources) lives as long as the renderer."""

    def __init__(self, corpus: Corpus, bank: QuestionBank, markdown: Environment, html: Environment, directory_urls: bool = True):
        self.corpus, self.bank, self.md, self.html, self.directory_urls = corpus, bank, markdown, html, directory_urls
        self.links = SiteLinks(directory_urls)
        self.quizzes = QuizRenderer(corpus, html, self.links)

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

    # -- quizzes ---------------------------------------------------------------------------
    def quiz(self, page: str, quiz_id: str, questions: list[Question]) -> QuizBlock:
        return self.quizzes.render(page, quiz_id, questions)

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
            quizzes={"quiz": self.quiz(page, f"article-{article_id}", questions) if questions else None}, meta=article.meta, outlet=corpus.outlet_of(article_id), published=article.meta.published.display,
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
                           differences=differences_for_sources(self, page), spellings=spellings)

    def quizzes_index(self) -> Page:
        page = "quizzes/index.md"
        articles = [{"label": f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}", "url": self.links.md(page, article_uri(a.id), "quiz"),
                     "count": len(self.bank.by_article(a.id))} for a in self.corpus.articles if self.bank.by_article(a.id)]
        topics = [{"label": t.title, "url": self.links.md(page, topic_quiz_uri(t.id)), "count": len(self.bank.by_topic(t.id))}
                  for t in self.corpus.topics if self.bank.by_topic(t.id)]
        written = len(self.bank.numeric + self.bank.matching + self.bank.cloze)
        return render_page(self.md.get_template("quizzes_index.md"), page, "Quizzes", total=len(self.bank.questions), articles=articles, topics=topics,
                                                               written=written, written_page=self.links.md(page, WRITTEN_URI),
                                                               bank_page=self.links.md(page, BANK_URI), bank_on_one_page=len(self.bank.questions) <= BANK_PAGE_LIMIT)

    def topic_quiz(self, topic_id: str) -> Page:
        topic, page = self.corpus.topic(topic_id), topic_quiz_uri(topic_id)
        questions = self.bank.by_topic(topic_id)
        return render_page(self.md.get_template("quiz.md"), page, topic.title, quizzes={"quiz": self.quiz(page, f"topic-{topic_id}", questions)},
                           title=f"Quiz: {topic.title}", intro=f"{topic.description} {counted(len(questions), 'question')}.")

    def written_quiz(self) -> Page:
        """The items the topic quizzes do not ask: a number to write in, pairs to match, a gap to fill."""
        bank = self.bank
        questions = list(bank.numeric + bank.matching + bank.cloze)[:BANK_PAGE_LIMIT]
        kinds = [f"{what} ({counted(len(items), 'question')})" for what, items in (
            ("write the number", bank.numeric), ("match terms or people", bank.matching), ("fill the gap in a quote", bank.cloze)) if items]
        intro = (f"Questions of kinds the other quizzes do not ask: {', '.join(kinds) or 'none in this bank'}. "
                 "A number counts as right within the margin its sources give; each match is marked on its own.")
        if len(questions) < len(bank.numeric + bank.matching + bank.cloze):
            intro += f" This page holds the first {len(questions)}."
        return render_page(self.md.get_template("quiz.md"), WRITTEN_URI, "Write, match, fill the gap",
                           quizzes={"quiz": self.quiz(WRITTEN_URI, "write-match-fill", questions)},
                           title="Write the number, match, fill the gap", intro=intro)

    def practice(self) -> Page:
        """The Practice page: its filters (sorted by id, as questions.json lists articles and topics) and
        where the script finds the bank and the questions it clones."""
        page = "practice.md"
        articles = sorted((a.id, f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}") for a in self.corpus.articles)
        return render_page(
            self.md.get_template("practice.md"), page, "Practice",
            articles=articles, topics=sorted((t.id, t.title) for t in self.corpus.topics),
            total=len(self.bank.questions) + len(self.bank.cloze), progress_page="progress.md",
            bank_url=self.links.url(page, "exports/questions.json"),
            questions_url=self.links.url(page, PRACTICE_QUESTIONS_URI),
            quizzes_url=self.links.url(page, "quizzes/index.md"))

    def practice_questions(self) -> str:
        """The questions of ``PRACTICE_QUESTIONS_URI``: the bank's, but the numeric and matching items
        (asked on a page of their own), rendered for practice.md."""
        return self.quizzes.render("practice.md", "practice", list(self.bank.questions + self.bank.cloze)).html

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

    def progress(self) -> Page:
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
        topics = [ProgressRow(t.title, qs, self.links.url(page, topic_quiz_uri(t.id)) if qs else "")
                  for t in sorted(self.corpus.topics, key=lambda t: t.id) for qs in [tuple(ids.get(("topic", t.id), ()))]]
        return render_page(self.md.get_template("progress.md"), page, "My progress", by_article=articles, by_topic=topics)

    def flashcards(self) -> Page:
        terms = sorted(self.corpus.terms, key=lambda t: t.term.casefold())
        cards = Markup(self.html.get_template("flashcards.html").render(terms=terms))
        return render_page(self.md.get_template("flashcards.md"), "flashcards.md", "Flashcards", count=len(terms), cards=cards)

    def bank_quiz(self) -> Page:
        questions = list(self.bank.questions)
        if len(questions) > BANK_PAGE_LIMIT:
            links = {"quizzes": self.links.md(BANK_URI, "quizzes/index.md"), "practice": self.links.md(BANK_URI, "practice.md"),
                     "bank": self.links.md(BANK_URI, "exports/questions.json")}
            intro = (f"The bank holds {len(questions)} questions, too many to answer on one page. Take them by article or by topic "
                     f"from [Quizzes]({links['quizzes']}), or let [Practice]({links['practice']}) draw a set from all of them. "
                     f"Every question is also in [questions.json]({links['bank']}).")
            return render_page(self.md.get_template("quiz.md"), BANK_URI, "All questions", title="All questions", intro=Markup(intro), quiz="")
        return render_page(self.md.get_template("quiz.md"), BANK_URI, "All questions", quizzes={"quiz": self.quiz(BANK_URI, "all", questions)},
                           title="All questions", intro=f"Every question in the bank: {len(questions)}.")

