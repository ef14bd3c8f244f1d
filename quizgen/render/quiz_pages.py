"""The pages that ask the bank's questions: the quizzes' index, a quiz per topic, the written
items, all questions on one page, Practice and My progress.

Pure, like the other pages: each method returns a ``Page`` and keeps nothing of it. The quiz HTML
comes from the build's one ``QuizRenderer``, which the article pages share.
"""

from __future__ import annotations

from typing import NamedTuple

from jinja2 import Environment
from markupsafe import Markup

from quizgen.generate.question_bank import QuestionBank
from quizgen.model.corpus import Corpus
from quizgen.model.kinds import QuestionKind
from quizgen.render.environment import counted
from quizgen.render.links import SiteLinks
from quizgen.render.page import Page, render_page
from quizgen.render.quiz_html import QuizRenderer, article_uri

WRITTEN_URI = "quizzes/write-match-fill.md"
"""The numeric, matching and cloze items: written in, matched, a gap filled."""
PRACTICE_QUESTIONS_URI = "exports/practice-questions.html"
"""The questions Practice draws from, as the quiz pages render them (links relative to practice.md):
the script clones them, so that a practice question reads as it does on every other page."""
PRACTICE_KINDS = {QuestionKind.MULTIPLE_CHOICE: "Multiple choice", QuestionKind.TRUE_FALSE: "True or false",
                  QuestionKind.ORDERING: "Put in order", QuestionKind.CLOZE: "Fill the gap"}
"""The kinds Practice can draw (the numeric and matching items are asked on a page of their own), as
its Kind filter names them; the page offers those its bank has."""
BANK_URI = "quizzes/all.md"
BANK_PAGE_LIMIT = 500
"""The "All questions" page holds the whole bank up to this many questions. Beyond, no one answers
them on one page, and the page would be the site's largest by far (50 MB of HTML at 40,000
questions): it points to the quizzes by article and topic and to Practice, which draws from all."""


def topic_quiz_uri(topic_id: str) -> str:
    return f"quizzes/topics/{topic_id}.md"


class ProgressRow(NamedTuple):
    """A row of My progress: what it counts, its questions' ids, and the page they are asked on ("" for none)."""

    name: str
    questions: tuple[str, ...]
    url: str = ""


class QuizPages:
    """Renders the quiz pages of one build, with the build's links and quiz renderer."""

    def __init__(self, corpus: Corpus, bank: QuestionBank, markdown: Environment, links: SiteLinks, quizzes: QuizRenderer):
        self.corpus, self.bank, self.md, self.links, self.quizzes = corpus, bank, markdown, links, quizzes

    def quizzes_index(self) -> Page:
        page = "quizzes/index.md"
        articles = [{"label": f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}", "url": self.links.md(page, article_uri(a.id), "quiz"),
                     "count": len(self.bank.by_article(a.id))} for a in self.corpus.articles if self.bank.by_article(a.id)]
        topics = [{"label": t.title, "url": self.links.md(page, topic_quiz_uri(t.id)), "count": len(self.bank.by_topic(t.id))}
                  for t in self.corpus.topics if self.bank.by_topic(t.id)]
        written = len(self.bank.numeric + self.bank.matching + self.bank.cloze)
        return render_page(self.md.get_template("quizzes_index.md"), page, "Quizzes", total=len(self.bank.questions),
                           articles=articles, topics=topics, written=written, written_page=self.links.md(page, WRITTEN_URI),
                           bank_page=self.links.md(page, BANK_URI), bank_on_one_page=len(self.bank.questions) <= BANK_PAGE_LIMIT)

    def topic_quiz(self, topic_id: str) -> Page:
        topic, page = self.corpus.topic(topic_id), topic_quiz_uri(topic_id)
        questions = self.bank.by_topic(topic_id)
        return render_page(self.md.get_template("quiz.md"), page, topic.title, quizzes={"quiz": self.quizzes.render(page, f"topic-{topic_id}", questions)},
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
                           quizzes={"quiz": self.quizzes.render(WRITTEN_URI, "write-match-fill", questions)},
                           title="Write the number, match, fill the gap", intro=intro)

    def bank_quiz(self) -> Page:
        questions = list(self.bank.questions)
        if len(questions) > BANK_PAGE_LIMIT:
            links = {"quizzes": self.links.md(BANK_URI, "quizzes/index.md"), "practice": self.links.md(BANK_URI, "practice.md"),
                     "bank": self.links.md(BANK_URI, "exports/questions.json")}
            intro = (f"The bank holds {len(questions)} questions, too many to answer on one page. Take them by article or by topic "
                     f"from [Quizzes]({links['quizzes']}), or let [Practice]({links['practice']}) draw a set from all of them. "
                     f"Every question is also in [questions.json]({links['bank']}).")
            return render_page(self.md.get_template("quiz.md"), BANK_URI, "All questions", title="All questions", intro=Markup(intro), quiz="")
        return render_page(self.md.get_template("quiz.md"), BANK_URI, "All questions", quizzes={"quiz": self.quizzes.render(BANK_URI, "all", questions)},
                           title="All questions", intro=f"Every question in the bank: {len(questions)}.")

    def practice(self) -> Page:
        """The Practice page: its filters (sorted by id, as questions.json lists articles and topics),
        each offering only what at least one question it draws from has, and where the script finds
        the bank and the questions it clones."""
        page = "practice.md"
        pool = self.bank.questions + self.bank.cloze  # what practice_questions renders for the script
        asked_articles, asked_topics = {a for q in pool for a in q.articles}, {t for q in pool for t in q.topics}
        asked_kinds = {q.kind for q in pool}
        articles = sorted((a.id, f"{self.corpus.outlet_of(a.id).name}: {a.meta.headline}") for a in self.corpus.articles
                          if a.id in asked_articles)
        return render_page(
            self.md.get_template("practice.md"), page, "Practice",
            articles=articles, topics=sorted((t.id, t.title) for t in self.corpus.topics if t.id in asked_topics),
            kinds=[(str(kind), label) for kind, label in PRACTICE_KINDS.items() if kind in asked_kinds],
            total=len(pool), progress_page="progress.md",
            bank_url=self.links.url(page, "exports/questions.json"),
            questions_url=self.links.url(page, PRACTICE_QUESTIONS_URI),
            quizzes_url=self.links.url(page, "quizzes/index.md"))

    def practice_questions(self) -> str:
        """The questions of ``PRACTICE_QUESTIONS_URI``: the bank's, but the numeric and matching items
        (asked on a page of their own), rendered for practice.md."""
        return self.quizzes.render("practice.md", "practice", list(self.bank.questions + self.bank.cloze)).html

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
