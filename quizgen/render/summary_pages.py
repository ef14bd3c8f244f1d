"""The briefing, the timeline and the comparison of the sources, as Markdown pages.

Sentences carry numbered source markers (`[1]`) that link to the quoted passage on the article
page, with the outlet and the quote as a tooltip; the briefing ends with the numbered list of its
sources. Outlet names stay out of the sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from quizgen.generate.briefing import Briefing, briefing, story_difference
from quizgen.generate.question_model import Citation
from quizgen.generate.summaries import (
    CitedSentence,
    Difference,
    article_date,
    cite,
    timeline,
    timeline_closing,
    timeline_position,
)
from quizgen.model.facts import AnyFact
from quizgen.model.registry import Outlet
from quizgen.model.story import StorySentence
from quizgen.render.escape import escape_markdown

if TYPE_CHECKING:
    from quizgen.render.site_pages import PageRenderer

DIFFERENCE_TITLES = {"disagreement": "Two versions at the same time", "framing": "Same facts, different words",
                     "update": "What changed over time", "correction": "Corrections"}


def _title_text(text: str) -> str:
    """Text for a Markdown link title, which ends at a straight double quote."""
    return " ".join(text.replace('"', "\u201d").replace("\\", "/").split())


def source_name(outlet: Outlet) -> str:
    """How a source is named beside a sentence: a copy says it is one, so it never reads as an outlet."""
    return f"{outlet.name} (a copy)" if outlet.kind == "copy" else outlet.name


class SourceMarkers:
    """Footnote-like markers: each sentence gets one number, `[3]`, which links to note 3 in the
    page's list of sources; the note names each article and links to each quoted passage."""

    def __init__(self, renderer: "PageRenderer", page: str) -> None:
        self.renderer, self.page = renderer, page
        self.notes: dict[tuple[Citation, ...], int] = {}

    def label(self, citation: Citation) -> str:
        corpus = self.renderer.corpus
        return f"{source_name(corpus.outlet_of(citation.article))}, {article_date(corpus, citation.article)}"

    def sentence(self, sentence: CitedSentence) -> Markup:
        text = escape_markdown(sentence.text)
        if not sentence.citations:
            return Markup(text)
        number = self.notes.setdefault(sentence.citations, len(self.notes) + 1)
        outlets = ", ".join(dict.fromkeys(source_name(self.renderer.corpus.outlet_of(c.article)) for c in sentence.citations))
        title = _title_text(f"Sources: {outlets}")
        return Markup(f'{text}<sup>[\\[{number}\\]](#source-{number} "{escape_markdown(title)}")</sup>')

    def listed(self) -> list[dict[str, Any]]:
        """The notes in number order, each with its quotes: label, link to the passage, quote."""
        return [{"number": n, "anchor": f"source-{n}",
                 "quotes": [{"label": self.label(c), "url": self.renderer.citation_link(self.page, c).url, "quote": c.quote}
                            for c in citations]}
                for citations, n in self.notes.items()]


def _difference_groups(markers: SourceMarkers, differences: tuple[Difference, ...]) -> list[dict[str, Any]]:
    groups: dict[str, list[Markup]] = {}
    for difference in differences:
        parts = [markers.sentence(difference.sentence)] + [markers.sentence(v) for v in difference.versions]
        groups.setdefault(difference.kind, []).append(Markup(" ").join(parts))
    return [{"title": DIFFERENCE_TITLES[kind], "entries": groups[kind]} for kind in DIFFERENCE_TITLES if kind in groups]


def briefing_page(renderer: "PageRenderer") -> str:
    page = "briefing.md"
    told: Briefing = briefing(renderer.corpus)
    markers = SourceMarkers(renderer, page)
    key_points = [markers.sentence(s) for s in told.key_points]
    paragraphs = [{"title": p.title, "text": Markup(" ").join(markers.sentence(s) for s in p.sentences)} for p in told.paragraphs]
    differences = _difference_groups(markers, told.differences)
    return renderer.md.get_template("briefing.md").render(
        info=renderer.corpus.info, key_points=key_points, paragraphs=paragraphs, differences=differences,
        sources=markers.listed(), curated=told.curated)


STATUS_NOTES = {"happened": "", "planned": "planned", "hinted": "a hint, not an announcement"}


def timeline_page(renderer: "PageRenderer") -> str:
    page = "timeline.md"
    markers = SourceMarkers(renderer, page)
    entries: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []  # events of one date stand under one heading
    for entry in timeline(renderer.corpus):
        title = entry.title[:1].upper() + entry.title[1:]
        sentence = markers.sentence(CitedSentence(title + ".", entry.citations, entry.fact_id))
        entries.append({"date": entry.date.display, "status": STATUS_NOTES[entry.status], "line": sentence, "detail": entry.detail})
        if dates and dates[-1]["date"] == entry.date.display:
            dates[-1]["entries"].append(entries[-1])
        else:
            dates.append({"date": entry.date.display, "entries": [entries[-1]]})
    closing = timeline_closing(renderer.corpus)
    return renderer.md.get_template("timeline.md").render(
        entries=entries, dates=dates, first=entries[0]["date"] if entries else "", last=entries[-1]["date"] if entries else "",
        closing=markers.sentence(closing) if closing else None, sources=markers.listed())


def reference_link(reference: str) -> Markup:
    """A reference from `outlets.yaml`: a link named by its site when it is a web address
    (`en.wikipedia.org`: the address itself is no word for a reader), else the text itself."""
    found = re.fullmatch(r"https?://(?:www\.)?([^/\s<>\"]+)[^\s<>\"]*", reference)
    if found:
        target = reference.replace("(", "%28").replace(")", "%29")
        return Markup(f"[{escape_markdown(found.group(1))}]({target})")
    return Markup(escape_markdown(reference))


def with_source(text: str | None, references: list[Markup]) -> Markup:
    """An outlet's note with where it comes from, as every row shows it: `note (source: link)`."""
    if not text:
        return Markup("not recorded")
    told = escape_markdown(text)
    return Markup(f"{told} (source: {', '.join(references)})" if references else f"{told} (no source recorded)")


def outlet_rows(renderer: "PageRenderer", page: str, counted: bool) -> list[dict[str, Any]]:
    """Per source (outlets, then copies apart), the same three notes, each with its source: who
    owns or funds it and its stance (`outlets.yaml`, from reference pages), and what its text
    shows (each article's `reliability`, from the article). With `counted`, how many distinct
    facts it reports (clusters, not restatements), and the lists the counts are the lengths of."""
    corpus = renderer.corpus
    rows = []
    for row in renderer.comparison.coverage:
        outlet = row.outlet
        if not row.article_ids:
            continue
        about = [reference_link(a) for a in outlet.about_sources]
        shows = Markup(" ").join(
            with_source(corpus.article(a).meta.reliability,
                        [Markup(f"[{'its article' if len(row.article_ids) == 1 else corpus.article(a).meta.published.display}]"
                                f"({renderer.article_link(page, a)})")])
            for a in row.article_ids)
        rows.append({"name": outlet.name, "is_copy": outlet.kind == "copy", "noted": bool(outlet.owner or outlet.editorial_line),
                     "owner": with_source(outlet.owner, [reference_link(outlet.owner_source)] if outlet.owner_source else about),
                     "stance": with_source(outlet.editorial_line,
                                           [reference_link(outlet.editorial_line_source)] if outlet.editorial_line_source else about),
                     "shows": shows, "counted": counted, "facts": row.fact_count, "only": len(row.only_here), "shared": len(row.shared),
                     "only_facts": [named_sources(renderer, page, cite(f) if counted else _as_copy_says(f)) for f in row.only_here]
                     if counted or outlet.kind == "copy" else []})
    return rows


def _as_copy_says(fact: AnyFact) -> CitedSentence:
    """A fact only a copy gives, under "What only the copy says": a claim as the copy's own clause
    (its statement's "A website that republished the story reported that" is the heading's job)."""
    claim = getattr(fact, "claim", None)
    text = f"{claim[0].upper()}{claim[1:]}." if claim else fact.statement
    return CitedSentence(text, cite(fact).citations, fact.id)



def quote_linked(renderer: "PageRenderer", page: str, sentence: CitedSentence) -> Markup:
    """A sentence of an article's own summary, on that article's page: a `quote` link per passage
    (the outlet's name after every sentence of its own page says nothing)."""
    links = [f"[quote]({renderer.citation_link(page, c).url})" for c in sentence.citations]
    return Markup(escape_markdown(sentence.text) + ("" if not links else " (" + ", ".join(links) + ")"))


def named_sources(renderer: "PageRenderer", page: str, sentence: CitedSentence, dated: bool = False) -> Markup:
    """The sentence, then its sources in brackets: each outlet once, linked to its quoted passage.
    A copy is named only when no outlet gives the quote: beside an outlet it is no second witness.
    `dated` opens it with the day the first of those sources was published (a change over time)."""
    links: dict[str, str] = {}
    corpus = renderer.corpus
    outlets_cite = any(corpus.outlet_of(c.article).kind != "copy" for c in sentence.citations)
    shown = [c for c in sentence.citations if not (outlets_cite and corpus.outlet_of(c.article).kind == "copy")]
    for citation in shown:
        name = source_name(renderer.corpus.outlet_of(citation.article))
        links.setdefault(name, f"[{escape_markdown(name)}]({renderer.citation_link(page, citation).url})")
    text = escape_markdown(sentence.text)
    if dated and shown:
        day = min((corpus.article(c.article).meta.published for c in shown), key=timeline_position)
        text = f"**{escape_markdown(day.display)}:** {text}"
    return Markup(f"{text} ({', '.join(links.values())})" if links else text)


SOURCES_PAGE_LISTS = {"disagreement": "Where the reports differ", "framing": "Where the reports differ",
                      "update": "What changed over time", "correction": "Corrections"}
"""The sources page's lists: real differences together; changes over time and corrections apart
(a report updated later, or an article that corrects itself, is no clash between reports)."""


def differences_for_sources(renderer: "PageRenderer", page: str) -> list[dict[str, Any]]:
    """The sources page's lists of differences, each version with its outlets' links: those the
    facts record (`differs_from`), then the curated story's disagreements and framings (the
    briefing's and the sources page's own, `compare`)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    notes_shown: set[str] = set()  # one fact's note can explain two pairs: shown with the first
    corpus = renderer.corpus
    story = corpus.story
    curated = {frozenset(n.facts): n.text for n in story.difference_notes} if story else {}
    listed: list[frozenset[str]] = []
    for difference in renderer.comparison.differences:
        dated = difference.kind == "update"
        versions = [named_sources(renderer, page, difference.sentence, dated)]
        pair = frozenset(v.fact_id for v in (difference.sentence, *difference.versions) if v.citations)
        for version in difference.versions:
            if version.citations:
                versions.append(named_sources(renderer, page, version, dated))
            elif (difference.kind == "correction" or story) and pair not in curated:
                continue  # the versions say what differs; a curated story adds a note only where it explains more
            elif (text := curated.get(pair, version.text)) not in notes_shown:
                notes_shown.add(text)
                versions.append(Markup("*The difference:* ") + escape_markdown(text))
        groups.setdefault(SOURCES_PAGE_LISTS[difference.kind], []).append({"versions": versions})
        listed.append(pair)
    for told in (story.differences + story.compare) if story else []:
        # a curated difference between versions listed above already (the briefing's words for a
        # pair the facts record) would tell the same clash twice: the versions and their note tell it
        said = frozenset(fid for fid in told.facts if corpus.fact(fid).kind != "role")
        if told.kind in ("disagreement", "framing") and not any(said <= pair for pair in listed):
            groups.setdefault(SOURCES_PAGE_LISTS[told.kind], []).append(
                {"versions": [named_sources(renderer, page, story_difference(corpus, told).sentence)]})
    return [{"title": title, "entries": groups[title]} for title in dict.fromkeys(SOURCES_PAGE_LISTS.values()) if title in groups]


def outlets_named(renderer: "PageRenderer", page: str, line: StorySentence) -> Markup:
    """A curated line, then the outlets whose quotes it cites (a copy is no witness: only outlets
    are named)."""
    corpus = renderer.corpus
    citations = tuple(dict.fromkeys(Citation(s.article, s.quote) for fid in line.facts for s in corpus.fact(fid).sources
                                    if corpus.outlet_of(s.article).kind != "copy"))
    return named_sources(renderer, page, CitedSentence(line.text, citations, line.facts[0]))


def agreed_lines(renderer: "PageRenderer", page: str) -> list[Markup]:
    """The curated lines of what two or more outlets report (`briefing.yaml`, `agree`), each
    naming the outlets whose quotes it cites (a copy is no witness: only outlets are named)."""
    story = renderer.corpus.story
    return [outlets_named(renderer, page, line) for line in story.agree] if story else []
