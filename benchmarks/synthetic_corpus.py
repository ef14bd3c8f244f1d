"""Synthetic corpora of the seed corpus's shape, for the benchmark and its tests.

``write_synthetic_corpus(root, articles)`` writes a corpus folder that passes ``load_corpus``: every
quote stands word for word in its article's text, outside page furniture, every person has a
sourced role fact, every quotation's words are in its quote. The content is invented (coined
place and person names), never about real events, and deterministic: the same arguments give the
same bytes.

The shape follows ``seeds/``: articles come in stories of five, each from its own outlet (the seed
is five articles from five outlets on one story). Per story (five articles): 80 facts (16 per
article) in the seed's mix of kinds (40% claims, 19% events, 7% figures, 19% quotations, 15%
roles), about 1.6 sources per fact, 12 people (3 with other spellings), 4 organisations, 8 topics
and 15 glossary terms (3 per article, one in twelve an abbreviation with its expansion).
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

STORY_ARTICLES = 5
FACT_MIX = {"claim": 32, "event": 15, "quantity": 6, "quotation": 15, "role": 12}  # per story: 16 facts per article
PEOPLE, ORGANISATIONS, TOPICS, TERMS = 12, 4, 8, 15  # per story, as in the seed
SPELLINGS = 3  # people per story whose name some article spells differently
EXTRA_SOURCE_SHARE = 0.45  # facts cited by a second article (a few by a third): about 1.6 sources per fact

_CONSONANTS, _VOWELS = "bdfgklmnprstvz", "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]  # 70: three of them give 343,000 words
_WORD_SPACE = len(_SYLLABLES) ** 3
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_FIRST_NAMES = ("Ana", "Bela", "Carim", "Dora", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Karel", "Lena",
                "Marek", "Nadia", "Oskar", "Petra", "Rafael", "Sara", "Tomas", "Vera")
_OFFICES = ("director", "chair", "spokesperson", "treasurer", "head", "deputy head", "secretary", "auditor")
_BODIES = ("water board", "port authority", "housing office", "transport council", "school district", "health trust",
           "planning office", "harbour commission", "energy agency", "farm union")
_OUTLET_KINDS = ("Herald", "Times", "Post", "Courier", "Gazette", "Tribune", "Observer", "Chronicle", "Ledger", "Record")
_ORG_KINDS = ("council", "ministry", "workers' union", "residents' association", "chamber of commerce", "court")
_PROJECTS = ("bridge", "tunnel", "dam", "rail line", "market hall", "ring road", "stadium", "pipeline", "library", "airport")
_OPENINGS = (("the opening of", "opened"), ("the closure of", "closed"), ("the completion of", "was completed"),
             ("the inspection of", "was inspected"), ("the sale of", "was sold"))
_ACTIONS = (("approved", "rejected"), ("expanded", "cut"), ("delayed", "brought forward"), ("funded", "refused to fund"),
            ("supported", "opposed"))
_PLANS = ("the budget for", "the plan for", "the survey of", "the repairs to", "the tender for")
_UNITS = ("people", "vehicles", "homes", "jobs", "tonnes of grain", "percent")
_TERM_KINDS = ("accord", "levy", "corridor", "scheme", "compact", "charter")
_GENERIC = ("Authority", "Board", "Council", "Commission", "Fund", "Agency", "Network", "Union", "Service", "Office",
            "Bureau", "Trust", "League", "Institute", "Group", "Movement", "Forum", "Alliance", "Registry", "Partnership")
_FILLER = ("Residents gathered near the market on the morning of the announcement.",
           "The weather was dry and the roads were busy for most of the week.",
           "Several local businesses closed early that day.",
           "The meeting lasted more than three hours.",
           "Reporters waited outside the building until the evening.",
           "Earlier in the year the same questions had been raised at a public hearing.")


class Coiner:
    """Unique invented words (`Kobeti`): three syllables from a bijective scramble of a counter."""

    def __init__(self) -> None:
        self.count = 0

    def word(self) -> str:
        n = (self.count * 7919 + 4242) % _WORD_SPACE  # 7919 is prime and coprime with 70**3: a bijection
        self.count += 1
        syllables = []
        for _ in range(3):
            n, digit = divmod(n, len(_SYLLABLES))
            syllables.append(_SYLLABLES[digit])
        return "".join(syllables).capitalize()


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _y(value: object) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted scalars."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)


def _date(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str]:
    """(iso, display) of a partial date."""
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}", f"{day} {_MONTHS[month - 1]} {year}"  # type: ignore[index,operator]
    if month:
        return f"{year:04d}-{month:02d}", f"{_MONTHS[month - 1]} {year}"
    return f"{year:04d}", str(year)


def _number(value: int) -> str:
    return f"{value:,}"


@dataclass
class _Article:
    id: str
    outlet_id: str
    outlet_name: str
    headline: str
    published: tuple[int, int, int]
    sentences: list[str] = field(default_factory=list)


@dataclass
class _Story:
    """One story: five articles and everything the facts about it need."""

    index: int
    rng: random.Random
    coin: Coiner
    articles: list[_Article] = field(default_factory=list)
    people: list[dict[str, object]] = field(default_factory=list)
    organisations: list[dict[str, object]] = field(default_factory=list)
    topics: list[dict[str, str]] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    def cite(self, sentence: str, quote: str, primary: int) -> list[tuple[str, str]]:
        """Put ``sentence`` in the primary article (and sometimes others); the sources citing ``quote``."""
        chosen = [primary]
        if self.rng.random() < EXTRA_SOURCE_SHARE:
            chosen.append((primary + 1 + self.rng.randrange(STORY_ARTICLES - 1)) % STORY_ARTICLES)
            if self.rng.random() < 0.25:
                chosen.append(next(i for i in range(STORY_ARTICLES) if i not in chosen))
        for i in chosen:
            self.articles[i].sentences.append(sentence)
        return [(self.articles[i].id, quote) for i in chosen]

    def topic_ids(self) -> list[str]:
        picked = self.rng.sample(self.topics, 1 + (self.rng.random() < 0.5))
        return [str(t["id"]) for t in picked]


def _sources_yaml(sources: list[tuple[str, str]], indent: str) -> str:
    return "".join(f"{indent}- article: {a}\n{indent}  quote: {_y(q)}\n" for a, q in sources)


def _fact_yaml(fields: dict[str, object], sources: list[tuple[str, str]]) -> str:
    lines = []
    for i, (key, value) in enumerate(fields.items()):
        shown = "[" + ", ".join(str(v) for v in value) + "]" if isinstance(value, list) else _y(value)
        lines.append(f"{'  - ' if i == 0 else '    '}{key}: {shown}\n")
    return "".join(lines) + "    sources:\n" + _sources_yaml(sources, "      ")


def _story(index: int, seed: int, coin: Coiner, used_acronyms: set[str]) -> _Story:
    rng = random.Random(f"quizgen-synthetic:{seed}:{index}")
    story = _Story(index, rng, coin)
    year = 2000 + index % 20
    month = 1 + (index // 20) % 12
    for i in range(STORY_ARTICLES):
        word = coin.word()
        name = f"The {word} {_OUTLET_KINDS[(index + i) % len(_OUTLET_KINDS)]}"
        day = 1 + (index * 3 + i * 2) % 27
        story.articles.append(_Article(f"{_slug(name)}-{year:04d}-{month:02d}-{day:02d}", _slug(name), name,
                                       f"{coin.word()} {rng.choice(_ORG_KINDS)} weighs {rng.choice(_PLANS)} the {coin.word()} {rng.choice(_PROJECTS)}",
                                       (year, month, day)))
    for t in range(TOPICS):
        word = coin.word()
        story.topics.append({"id": _slug(f"{word} {_PROJECTS[t % len(_PROJECTS)]}"), "title": f"The {word} {_PROJECTS[t % len(_PROJECTS)]}",
                             "description": f"What the articles report about the {word} {_PROJECTS[t % len(_PROJECTS)]}."})
    for p in range(PEOPLE):
        first, last = _FIRST_NAMES[(index + p) % len(_FIRST_NAMES)], coin.word()
        role = f"{_OFFICES[p % len(_OFFICES)]} of the {coin.word()} {_BODIES[(index + p) % len(_BODIES)]}"
        story.people.append({"id": _slug(f"{first} {last}"), "name": f"{first} {last}", "role": role, "spellings": []})
    for o in range(ORGANISATIONS):
        word = coin.word()
        kind = _ORG_KINDS[(index + o) % len(_ORG_KINDS)]
        story.organisations.append({"id": _slug(f"{word} {kind}"), "name": f"the {word} {kind}", "description": f"The {kind} of {word}."})
    _write_facts(story)
    _write_terms(story, used_acronyms)
    for p, person in enumerate(story.people[:SPELLINGS]):
        first, last = str(person["name"]).split(" ", 1)
        spelling = f"{first} {last[:-1]}{last[-1] * 2}"  # Kobeti → Kobetii, as a careless copy would print it
        at = (p + 2) % STORY_ARTICLES
        sentence = f"{spelling} was seen at the site later that week."
        story.articles[at].sentences.append(sentence)
        person["spellings"] = [{"name": spelling, "sources": [(story.articles[at].id, f"{spelling} was seen at the site")]}]
    return story


def _write_facts(story: _Story) -> None:
    rng, coin = story.rng, story.coin
    kinds = [kind for kind, count in FACT_MIX.items() for _ in range(count)]
    claim_ids: list[str] = []
    people = list(story.people)
    for n, kind in enumerate(kinds):
        primary = n % STORY_ARTICLES
        fid = f"s{story.index:04d}-{kind}-{n:02d}"
        topics = story.topic_ids()
        if kind == "claim":
            place, project = coin.word(), rng.choice(_PROJECTS)
            done, undone = rng.choice(_ACTIONS)
            claim = f"the {place} {rng.choice(_ORG_KINDS)} had {done} {rng.choice(_PLANS)} the {coin.word()} {project}"
            sources = story.cite(f"{claim[0].upper()}{claim[1:]}, according to officials.", f"{claim[0].upper()}{claim[1:]}", primary)
            names = list(dict.fromkeys(a.outlet_name for a in story.articles if a.id in {s for s, _ in sources}))
            outlets = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
            fields: dict[str, object] = {"id": fid, "kind": "claim", "claim": claim, "statement": f"{outlets} reported that {claim}."}
            if rng.random() < 0.8:
                fields["false_statement"] = f"{outlets} reported that {claim.replace(f' had {done} ', f' had {undone} ')}."
            if claim_ids and rng.random() < 0.12:
                fields["differs_from"] = [rng.choice(claim_ids)]
                fields["difference"] = "The two reports give different accounts of what was decided."
            claim_ids.append(fid)
        elif kind == "event":
            precision = rng.choice(("day", "day", "month", "month", "year"))
            y = 1980 + rng.randrange(40)
            m = rng.randrange(1, 13) if precision != "year" else None
            d = rng.randrange(1, 29) if precision == "day" else None
            iso, display = _date(y, m, d)
            noun, verb = rng.choice(_OPENINGS)
            project = f"{coin.word()} {rng.choice(_PROJECTS)}"
            when = f"on {display}" if d else f"in {display}"
            sentence = f"The {project} {verb} {when}."
            sources = story.cite(sentence, sentence, primary)
            fields = {"id": fid, "kind": "event", "date": iso, "title": f"{noun} the {project}", "statement": sentence}
            if rng.random() < 0.85:
                fields["false_statement"] = sentence.replace(str(y), str(y + rng.choice((-3, -2, 2, 3))))
        elif kind == "quantity":
            unit = rng.choice(_UNITS)
            value = rng.randrange(5, 95) if unit == "percent" else rng.choice((12, 40, 150, 600, 2500, 8000, 35000)) * rng.randrange(1, 4)
            place, (month, year) = coin.word(), (rng.randrange(1, 13), 1990 + rng.randrange(30))
            if unit == "percent":
                measure = f"the share of households in the {place} district with running water in {_MONTHS[month - 1]} {year}"
                sentence = f"In {_MONTHS[month - 1]} {year}, {value} percent of households in the {place} district had running water."
            else:
                measure = f"the number of {unit} counted in the {place} district in {_MONTHS[month - 1]} {year}"
                sentence = f"About {_number(value)} {unit} were counted in the {place} district in {_MONTHS[month - 1]} {year}."
            sources = story.cite(sentence, sentence, primary)
            fields = {"id": fid, "kind": "quantity", "value": value, "unit": unit, "measure": measure,
                      "as_of": _date(year, month)[0], "statement": sentence}
            if unit != "percent":
                fields = {**fields, "qualifier": "about"}
        elif kind == "quotation":
            speaker = rng.choice(people + story.organisations)
            project, season = f"{coin.word()} {rng.choice(_PROJECTS)}", rng.choice(("winter", "summer", "elections", "holidays"))
            text = f"We will finish the {project} before the {season}"
            name = str(speaker["name"])
            sentence = f"{name[0].upper()}{name[1:]} said: “{text}.”"
            sources = story.cite(sentence, sentence, primary)
            fields = {"id": fid, "kind": "quotation", "speaker": speaker["id"], "text": text,
                      "statement": f"{name[0].upper()}{name[1:]} said the {project} would be finished before the {season}."}
        else:
            person = people[n % len(people)]
            role, name = str(person["role"]), str(person["name"])
            sentence = f"{name}, the {role}, spoke to reporters."
            sources = story.cite(sentence, f"{name}, the {role}", primary)
            other = people[(n + 5) % len(people)]
            fields = {"id": fid, "kind": "role", "person": person["id"], "role": role, "statement": f"{name} was the {role}.",
                      "false_statement": f"{name} was the {other['role']}."}
        fields["topics"] = topics
        story.facts.append(_fact_yaml(fields, sources))


def _write_terms(story: _Story, used_acronyms: set[str]) -> None:
    rng, coin = story.rng, story.coin
    ids: list[str] = []
    for n in range(TERMS):
        primary = n % STORY_ARTICLES
        if n % 12 == 0:  # the seed has expansions for one term in twelve
            while True:
                words = [coin.word(), *rng.sample(_GENERIC, 2)]
                acronym = "".join(w[0] for w in words)
                if acronym not in used_acronyms:
                    used_acronyms.add(acronym)
                    break
            expansion = " ".join(words)
            sentence = f"Officials from the {expansion} ({acronym}) attended the hearing."
            sources = story.cite(sentence, f"{expansion} ({acronym})", primary)
            definition = f"A public body that the articles say oversaw the {coin.word()} {rng.choice(_PROJECTS)}."
            term, extra = acronym, f"    expansion: {_y(expansion)}\n"
        else:
            word, kind = coin.word(), rng.choice(_TERM_KINDS)
            term = f"{word} {kind}"
            sentence = f"The {term} was mentioned in the debate."
            sources = story.cite(sentence, sentence, primary)
            definition = f"An arrangement named after a town, which the articles describe in the debate about the {coin.word()} {rng.choice(_PROJECTS)}."
            extra = ""
        tid = _slug(f"term {term}")
        related = f"    related: [{ids[-1]}]\n" if ids and rng.random() < 0.5 else ""
        topics = ", ".join(story.topic_ids())
        story.terms.append(f"  - id: {tid}\n    term: {_y(term)}\n{extra}    definition: {_y(definition)}\n"
                           f"    topics: [{topics}]\n{related}    sources:\n" + _sources_yaml(sources, "      "))
        ids.append(tid)


def _article_file(article: _Article, rng: random.Random) -> str:
    year, month, day = article.published
    sentences = list(article.sentences)
    rng.shuffle(sentences)
    for i, filler in enumerate(rng.sample(_FILLER, 3)):
        sentences.insert((i + 1) * len(sentences) // 4, filler)
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    half = len(paragraphs) // 2
    body = (f"::: furniture header\n{article.headline}\n\n{day} {_MONTHS[month - 1]} {year}\n:::\n\n"
            + "\n\n".join(paragraphs[:half]) + "\n\n::: furniture related-links\nRead also:\nCouncil elections: the candidates\n:::\n\n"
            + "\n\n".join(paragraphs[half:]) + f"\n\n::: furniture footer\nPublished by {article.outlet_name}\n:::\n")
    published = "".join(line + "\n" for line in body.split("\n") if not line.startswith(":::"))
    digest = hashlib.sha256((published.rstrip() + "\n").encode("utf-8")).hexdigest()
    return (f"---\nid: {article.id}\noutlet: {article.outlet_id}\nheadline: {_y(article.headline)}\n"
            f"published: {year:04d}-{month:02d}-{day:02d}\n"
            f"reliability: {_y('An invented outlet for the benchmark; its text is generated, not reported.')}\n"
            f"source_sha256: {digest}\n---\n{body}")


@dataclass(frozen=True)
class SyntheticCorpus:
    """What was written: counts, for the benchmark's table."""

    root: Path
    articles: int
    facts: int
    terms: int


def write_synthetic_corpus(root: Path, articles: int, seed: int = 0) -> SyntheticCorpus:
    """Write a valid corpus of ``articles`` articles (rounded up to whole stories of five) into ``root``."""
    coin, used = Coiner(), set()
    coin.count = seed * 1_000_003
    stories = [_story(i, seed, coin, used) for i in range(-(-articles // STORY_ARTICLES))]
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "facts").mkdir(exist_ok=True)
    count = len(stories) * STORY_ARTICLES
    (root / "corpus.yaml").write_text(
        f"corpus:\n  title: {_y(f'Synthetic corpus of {count} articles')}\n"
        f"  description: {_y('Invented articles and facts in the shape of the seed corpus, for the performance benchmark.')}\n"
        "  language: en\n", encoding="utf-8")
    outlets, people, orgs, topics, terms = [], [], [], [], []
    for story in stories:
        for article in story.articles:
            outlets.append(f"  - id: {article.outlet_id}\n    name: {_y(article.outlet_name)}\n")
            (root / "articles" / f"{article.id}.md").write_text(_article_file(article, story.rng), encoding="utf-8")
        for person in story.people:
            entry = f"  - id: {person['id']}\n    name: {_y(person['name'])}\n    role: {_y(person['role'])}\n"
            for spelling in person["spellings"]:  # type: ignore[attr-defined]
                entry += f"    spellings:\n      - name: {_y(spelling['name'])}\n        sources:\n" + _sources_yaml(spelling["sources"], "          ")
            people.append(entry)
        orgs += [f"  - id: {o['id']}\n    name: {_y(o['name'])}\n    description: {_y(o['description'])}\n" for o in story.organisations]
        topics += [f"  - id: {t['id']}\n    title: {_y(t['title'])}\n    description: {_y(t['description'])}\n" for t in story.topics]
        terms += story.terms
        (root / "facts" / f"story-{story.index:04d}.yaml").write_text("facts:\n" + "".join(story.facts), encoding="utf-8")
    (root / "outlets.yaml").write_text("outlets:\n" + "".join(outlets), encoding="utf-8")
    (root / "people.yaml").write_text("people:\n" + "".join(people) + "organizations:\n" + "".join(orgs), encoding="utf-8")
    (root / "topics.yaml").write_text("topics:\n" + "".join(topics), encoding="utf-8")
    (root / "glossary.yaml").write_text("terms:\n" + "".join(terms), encoding="utf-8")
    return SyntheticCorpus(root, count, sum(len(s.facts) for s in stories), sum(len(s.terms) for s in stories))
