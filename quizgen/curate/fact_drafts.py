"""`quizgen draft`: proposed facts from an article, each quoting a sentence of it word for word.

Every quote is cut from the article's published text outside furniture and checked with the quote
check's own search before it is proposed. Everything else (values, units, dates, speakers,
roles) is a guess to review; statements, measures, titles and topics are left as TODO. The
document is marked ``draft: true``: `quizgen check` skips such a file, with a warning, so a draft
never reaches the site until the curator removes the flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quizgen.curate.draft_finders import (
    find_acronyms,
    find_dates,
    find_figures,
    find_quotations,
    find_roles,
)
from quizgen.curate.quote_finder import read_article_parts
from quizgen.errors import CorpusError, Problem
from quizgen.load.corpus_files import YAML_SUFFIXES, draft_line
from quizgen.load.source_text import read_source_text
from quizgen.load.yaml_tree import YamlSyntaxError, parse_yaml
from quizgen.model.article import furniture_ranges
from quizgen.model.field_types import PartialDate
from quizgen.model.quote_search import QuoteMiss, QuoteSearch

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|No|Lt|Col|Maj|Gov)\.)$")
_ID_CHARS = re.compile(r"[^a-z0-9]+")
_KIND_ORDER = ("quantity", "event", "role", "quotation", "claim")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class DraftArticle:
    id: str
    published: PartialDate
    text: str
    search: QuoteSearch
    sentences: list[Sentence] = field(default_factory=list)


def read_draft_article(path: Path, display: str | None = None) -> DraftArticle:
    display = str(path) if display is None else display
    parts = read_article_parts(path, display)
    try:
        front = parse_yaml(parts.front_matter, line_offset=1).data
    except YamlSyntaxError as exc:
        raise CorpusError([Problem(display, exc.mark.line, exc.mark.column, exc.message)]) from None
    if not isinstance(front, dict) or not isinstance(front.get("id"), str) or not isinstance(front.get("published"), str):
        raise CorpusError([Problem(display, 2, 1, "expected front matter with the article's id and published date")])
    try:
        published = PartialDate.parse(front["published"])
    except ValueError as exc:
        raise CorpusError([Problem(display, 2, 1, f"{exc} (published)")]) from None
    furniture = furniture_ranges(parts.blocks)
    article = DraftArticle(front["id"], published, parts.published_text, QuoteSearch(parts.published_text, furniture))
    offset = 0
    for block in parts.blocks:
        if not block.furniture:
            article.sentences.extend(_sentences(block.text, offset))
        offset += len(block.text)
    return article


def _sentences(text: str, offset: int) -> list[Sentence]:
    """The sentences of each line of ``text``, with their offsets in the published text."""
    found: list[Sentence] = []
    position = 0
    for line in text.split("\n"):
        pieces, start = [], 0
        for m in _SENTENCE_END.finditer(line):
            if _ABBREVIATION.search(line[:m.start()]):
                continue
            closing = len(m.group()) - len(m.group().lstrip("”\"’"))  # a closing quote ends the sentence
            pieces.append((start, m.start() + closing))
            start = m.end()
        pieces.append((start, len(line)))
        for a, b in pieces:
            chunk = line[a:b]
            stripped = chunk.strip()
            if len(stripped.split()) >= 4:
                lead = len(chunk) - len(chunk.lstrip())
                begin = offset + position + a + lead
                found.append(Sentence(begin, begin + len(stripped), stripped))
        position += len(line) + 1
    return found


@dataclass(frozen=True)
class People:
    """Names and spellings of the corpus's people and organisations, to give speakers and persons ids."""

    names: dict[str, str]
    ids: frozenset[str] = frozenset()
    """Every id of people.yaml (people and organisations)."""

    def id_for(self, name: str) -> str | None:
        key = " ".join(name.split()).casefold()
        if key in self.names:
            return self.names[key]
        last = key.split()[-1] if key.split() else ""
        matches = {pid for known, pid in self.names.items() if known.split()[-1:] == [last] and " " in known}
        return matches.pop() if len(matches) == 1 else None


def read_people(root: Path | None) -> People:
    names: dict[str, str] = {}
    ids: set[str] = set()
    path = root / "people.yaml" if root else None
    if path and path.is_file():
        source = read_source_text(path, str(path))
        try:
            data = parse_yaml(source.text).data if not isinstance(source, Problem) else {}
        except YamlSyntaxError:
            data = {}
        for entry in (data.get("people") or []) + (data.get("organizations") or []) if isinstance(data, dict) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                ids.add(entry["id"])
                for name in [entry.get("name")] + [s.get("name") for s in entry.get("spellings") or [] if isinstance(s, dict)] + list(entry.get("aliases") or []):
                    if isinstance(name, str):
                        names[" ".join(name.split()).casefold()] = entry["id"]
    return People(names, frozenset(ids))


def people_missing(facts: list[dict[str, object]], people: People) -> list[str]:
    """The ids drafted as a role's person or a quotation's speaker that people.yaml does not define."""
    named = (str(fact.get("person") or fact.get("speaker")) for fact in facts if fact["kind"] in ("role", "quotation"))
    return sorted({pid for pid in named if not pid.startswith("TODO") and pid not in people.ids})


def _slug(text: str) -> str:
    return _ID_CHARS.sub("-", text.casefold()).strip("-")[:60].strip("-") or "todo"


def _quotable(article: DraftArticle, quote: str) -> bool:
    found = article.search.find(quote)
    return not isinstance(found, QuoteMiss)


def read_other_articles(root: Path, article: DraftArticle) -> list[DraftArticle]:
    """The corpus's other articles that can be read (the rest are `quizgen check`'s to report)."""
    others = []
    for path in sorted((root / "articles").glob("*.md")) if (root / "articles").is_dir() else []:
        try:
            other = read_draft_article(path)
        except CorpusError:
            continue
        if other.id != article.id:
            others.append(other)
    return others


def _further_sources(others: tuple[DraftArticle, ...] | list[DraftArticle], words: list[str]) -> list[dict[str, str]]:
    """For each other article, its first sentence that states one of ``words`` (a figure, a name)."""
    patterns = [re.compile(rf"(?<![\w,.]){re.escape(w)}(?![\w]|[,.]\d)") for w in words if w]
    sources = []
    for other in others:
        sentence = next((s for s in other.sentences if any(p.search(s.text) for p in patterns) and _quotable(other, s.text)), None)
        if sentence is not None:
            sources.append({"article": other.id, "quote": sentence.text})
    return sources


def draft_facts(article: DraftArticle, people: People, others: tuple[DraftArticle, ...] | list[DraftArticle] = ()) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """(facts, glossary terms) proposed from ``article``, in kind order, each in text order.

    A figure or a person's name that ``others`` (the corpus's other articles) state too gets each
    of them as a further source, quoting the sentence that states it."""
    spellings: dict[str, list[str]] = {}
    for name, pid in people.names.items():
        spellings.setdefault(pid, []).append(name)
    by_kind: dict[str, list[dict[str, object]]] = {kind: [] for kind in _KIND_ORDER}
    terms: list[dict[str, object]] = []
    seen_terms: set[str] = set()
    seen_roles: set[tuple[str, str]] = set()
    last_speaker: str | None = None
    for sentence in article.sentences:
        if not _quotable(article, sentence.text):
            continue
        source = [{"article": article.id, "quote": sentence.text}]
        for found in find_figures(sentence.text):
            printed = str(found.fields.pop("printed"))
            further = _further_sources(others, [printed]) if not printed.isalpha() else []
            by_kind["quantity"].append({**found.fields, "measure": "TODO: a noun phrase naming the figure", "sources": source + further})
        for found in find_dates(sentence.text, article.published):
            date: PartialDate = found.fields["date"]  # type: ignore[assignment]  # the date finder's fields hold a PartialDate under 'date'
            by_kind["event"].append({"date": date.iso, "title": "TODO: a noun phrase naming the event",
                                     "planned": found.fields["planned"], "sources": source})
        for found in find_roles(sentence.text):
            name, role = str(found.fields["name"]), str(found.fields["role"])
            person = people.id_for(name) or _slug(name)
            if (person, role.casefold()) not in seen_roles:
                seen_roles.add((person, role.casefold()))
                names = [name] + [n for n in spellings.get(person, []) if n != name.casefold()]
                further = _further_sources(others, names + [n.title() for n in names])
                by_kind["role"].append({"person": person, "role": role, "sources": source + further})
            last_speaker = person
        for found in find_quotations(sentence.text):
            who = found.fields["speaker_name"]
            if who in (None, "he", "she", "He", "She", "it", "they"):
                # "she said": the last person with a role is only a guess (a new user's quotes went to
                # the wrong person and passed check), so the curator must name the speaker
                speaker = f"TODO: who said it? ({who or 'no name'}; perhaps {last_speaker})" if last_speaker else "TODO"
            else:
                speaker = people.id_for(str(who)) or _slug(str(who))
            by_kind["quotation"].append({"speaker": speaker, "text": found.fields["text"], "sources": source})
        for found in find_acronyms(sentence.text):
            if found.fields["term"] not in seen_terms:
                seen_terms.add(str(found.fields["term"]))
                quote = sentence.text[found.start:found.end]
                terms.append({"id": _slug(str(found.fields["term"])), "term": found.fields["term"], "expansion": found.fields["expansion"],
                              "definition": "TODO", "topics": ["TODO"], "sources": [{"article": article.id, "quote": quote}]})
        # a reported sentence is a claim candidate even when it also holds a figure, a date or a role
        if len(sentence.text.split()) >= 10 and not sentence.text.startswith(("“", '"')):
            by_kind["claim"].append({"claim": "TODO: what was reported, as a clause after 'reported that'", "sources": source})
    facts: list[dict[str, object]] = []
    for kind in _KIND_ORDER:
        for number, fields in enumerate(by_kind[kind], start=1):
            sources = fields.pop("sources")
            facts.append({"id": f"{article.id}-{kind}-{number}", "kind": kind, **fields, "statement": "TODO",
                          "topics": ["TODO"], "sources": sources})
    return facts, terms


def draft_warnings(root: Path, display_root: str) -> list[str]:
    """A warning for every facts file marked ``draft: true``, which the loader skips."""
    folder = root / "facts"
    warnings: list[str] = []
    try:  # links, unreadable folders and files: the loader that runs next reports them, located
        paths = sorted(p for p in folder.iterdir() if not p.is_symlink() and p.is_file() and p.suffix in YAML_SUFFIXES
                       and not p.name.startswith(".")) if folder.is_dir() else []
    except OSError:
        return warnings
    if paths:
        for path in paths:
            source = read_source_text(path, path.name)
            line = None if isinstance(source, Problem) else draft_line(source.text)
            if line:
                count = len(re.findall(r"^    kind:", source.text, re.MULTILINE))  # type: ignore[union-attr]  # line is set only when source is text, not a Problem
                warnings.append(f"{display_root.rstrip('/')}/facts/{path.name}:{line}:1: warning: a draft (draft: true) of {count} facts, "
                                "skipped: nothing in it is checked or reaches the site until you remove this line")
    return warnings
