"""Finding fact candidates in an article's sentences: figures, dates, quotations, roles, acronyms.

English patterns, deterministic and offline. Each finder returns what it saw and where, in the
sentence's own words; `fact_drafts` turns them into draft facts quoting the sentence.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from quizgen.model.field_types import PartialDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_QUALIFIERS = ("more than", "at least", "up to", "about", "nearly", "roughly", "some", "almost")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "dozen": 12, "hundred": 100, "thousand": 1000}
_FIGURE = re.compile(r"(?<![\w.,])(?:(?P<qualifier>" + "|".join(_QUALIFIERS) + r")\s+)?"
                     r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
                     r"(?P<scale>\s+(?:million|billion|thousand))?(?P<percent>\s*(?:%|percent|per cent))?"
                     r"(?P<unit>(?:\s+[A-Za-z][\w-]*){0,3})", re.IGNORECASE)
_UNIT_STOP = {"in", "of", "to", "the", "a", "an", "and", "or", "were", "was", "are", "is", "had", "have", "has", "by",
              "for", "on", "at", "from", "with", "that", "who", "which", "would", "will", "currently", "said", "as",
              "per", "each", "into", "since", "after", "before", "during", "than", "could", "did", "be", "been",
              "due", "because", "while", "when", "if", "but", "so", "this", "these", "those", "it", "they",
              "ahead", "long", "high", "wide", "old", "deep", "tall", "above", "below", "later", "earlier", "ago",
              # prepositions and adverbs: "12 miles through the town", "40 people across the region"
              "through", "across", "over", "under", "around", "along", "between", "among", "near", "off", "out", "up",
              "down", "about", "against", "within", "without", "toward", "towards", "via", "like", "beyond", "inside",
              "outside", "onto", "upon", "until", "whose", "where", "there", "here", "then", "now", "also", "still",
              "already", "just", "only", "even", "more", "less", "not", "no", "all", "both", "their", "its", "his", "her",
              # verbs that follow a subject ("500 people spent", "3,000 workers lost"); "-ed" and "-ing" words stop too
              "spent", "took", "came", "went", "left", "made", "gave", "lost", "won", "fell", "rose", "paid", "ran",
              "saw", "got", "died", "say", "live", "work", "need", "face", "fled", "held", "kept", "met", "sent",
              "sold", "stood", "built", "brought", "bought", "fought", "felt", "grew", "knew", "flew", "wrote", "spoke",
              "broke", "chose", "drove", "began", "hit", "cut", "put", "set", "let", "must", "can", "may", "might",
              "should", "shall", "do", "does", "get", "go", "goes", "come", "take", "make", "see", "remain", "remains"}
_CURRENCIES = {"£": "pounds", "$": "dollars", "€": "euros"}
_DATES = (
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{_MONTH}),? (?P<year>\d{{4}})\b")),
    ("day", re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})\b")),
    ("month", re.compile(rf"\b(?P<month>{_MONTH}) (?P<year>\d{{4}})\b")),
    ("day-no-year", re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d)")),
    ("last-month", re.compile(rf"\blast (?P<month>{_MONTH})\b")),
    ("weekday", re.compile(rf"\b(?P<weekday>{_WEEKDAY})\b")),
    ("end-of-year", re.compile(r"\b(?:by )?the end of (?:this year|the year|(?P<year>\d{4}))\b")),
    ("year", re.compile(r"\b(?:in|since|until|by|from|of|after|before) (?P<year>(?:19|20)\d{2})\b")),
)
_NAME = r"(?:[A-Z][\w'’-]+)(?:\s+(?:al-|Al-|bin\s+)?[A-Z][\w'’-]+){1,2}"
_ROLE_NOUN = (r"(?:President|Vice President|Prime Minister|Minister|Secretary(?: of State| of Defen[cs]e| General)?|"
              r"[Ss]pokes(?:man|woman|person)|Mayor|Ambassador|General|Commander|Chairman|Chairwoman|Director|Chief|"
              r"Governor|Senator|Leader|Envoy|Advis[eo]r|King|Queen|Foreign Minister|Defen[cs]e Minister|"
              r"president|prime minister|minister|secretary|mayor|ambassador|envoy|commander|governor|senator|leader|"
              r"chief|manager|head|spokes(?:man|woman|person)|director|chairman|chairwoman|"
              r"Representative|Negotiator|Chancellor|Commissioner|Councillor|Treasurer|"
              r"representative|negotiator|chancellor|commissioner|councillor|treasurer|official|adviser|advisor|aide|"
              r"deputy|lawmaker|economist|analyst|executive|founder|chair|editor|inspector|superintendent)")
_LOWER_ROLE_WORD = r"(?!(?:said|says|told|added|and|by|with|from|to|for|a|an|that|who)\b)[a-z][\w'’-]*"
_ROLE_BEFORE = re.compile(rf"\b(?P<role>(?:(?:[A-Z][\w'’.-]*|of|the|{_LOWER_ROLE_WORD})\s+){{0,4}}?{_ROLE_NOUN})\s+(?P<name>{_NAME})")
_ROLE_AFTER = re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?P<role>(?:[\w'’-]+\s+){{0,5}}?{_ROLE_NOUN}(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?)[,.]")
_ROLE_THEN_NAME = re.compile(rf"\b[Tt]he\s+(?P<role>(?:[\w'’-]+\s+){{0,5}}?{_ROLE_NOUN}),\s+(?P<name>{_NAME}),")
_QUOTED = re.compile(r"[“\"](?P<text>[^”\"]{12,}?)[”\"]")
_SAID_AFTER = re.compile(r"^[,.]?\s*(?:(?:said|says|added|read|told \w+)\s+(?P<after>the [a-z][\w -]*?|(?:(?:a|an|the)\s+)?(?:[a-z][\w'’-]*\s+){0,3}" + _NAME + r"|[A-Z][\w'’-]+)\b"
                         r"|(?P<before>" + _NAME + r"|[A-Z][\w'’-]+|he|she|it|they|the [a-z][\w -]*?) (?:said|says|added|told))")
_SAID_BEFORE = re.compile(r"(?P<who>" + _NAME + r"|[A-Z][\w'’-]+|[Hh]e|[Ss]he|[Tt]he [a-z][\w -]*?) (?:said|says|added|told [\w ]+?)\b[^“”\"]{0,80}$")
_TRAILING_NAME = re.compile(_NAME + "$")
_ACRONYM_FIRST = re.compile(r"\b(?P<term>[A-Z]{2,6})\s*[\[(](?P<expansion>[A-Z][\w'’-]*(?:\s+[\w'’-]+){1,6})[\])]")
_ACRONYM_AFTER = re.compile(r"(?P<expansion>\b[A-Z][\w'’-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’-]*)){1,6})\s*\((?P<term>[A-Z]{2,6})(?:,[^)]*)?\)")


@dataclass(frozen=True)
class Found:
    """A candidate: its kind, the fields seen, and where in the sentence it stands."""

    kind: str
    fields: dict[str, object]
    start: int
    end: int


def _number(text: str) -> float:
    return float(_NUMBER_WORDS.get(text.lower(), 0) or text.replace(",", ""))


def find_figures(sentence: str) -> list[Found]:
    found = []
    for m in _FIGURE.finditer(sentence):
        number = m["number"]
        if re.fullmatch(r"(?:19|20)\d{2}", number) and not m["percent"]:
            continue  # a year
        if re.match(rf"\s*{_MONTH}", sentence[m.end("number"):]) or re.search(rf"{_MONTH}\s*$", sentence[:m.start("number")]):
            continue  # a day of a date
        if sentence[m.end("number"):m.end("number") + 1] in (":", "-") or re.match(r"(?:st|nd|rd|th)\b", sentence[m.end("number"):]):
            continue
        words: list[str] = []
        for word in m["unit"].split():
            if word.lower() in _UNIT_STOP or (words and word[:1].isupper() and not words[-1][:1].isupper()) \
                    or (words and word.lower().endswith(("ed", "ing", "ly"))):  # "people crossed", "troops currently"
                break
            words.append(word)
        unit = "percent" if m["percent"] else " ".join(words)
        if number.lower() in _NUMBER_WORDS and not unit:
            continue
        currency = _CURRENCIES.get(sentence[max(0, m.start("number") - 1):m.start("number")])
        if currency:
            unit = currency
        scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((m["scale"] or "").strip().lower(), 1)
        value = _number(number) * scale
        fields: dict[str, object] = {"value": int(value) if value == int(value) else value, "unit": unit or "TODO", "printed": number}
        if m["qualifier"]:
            fields["qualifier"] = m["qualifier"].lower()
        found.append(Found("quantity", fields, m.start(), m.end()))
    return found


def _nearest(year: int, month: int, day: int, published: PartialDate) -> PartialDate:
    """The date of this month and day nearest the publication date."""
    base = datetime.date(published.year, published.month or 1, published.day or 1)
    options = []
    for y in (year - 1, year, year + 1):
        try:
            options.append(datetime.date(y, month, day))
        except ValueError:
            continue
    best = min(options, key=lambda d: (abs((d - base).days), d))
    return PartialDate(best.year, best.month, best.day)


def find_dates(sentence: str, published: PartialDate) -> list[Found]:
    """Dates, each resolved against the publication date (a weekday is the last one on or before it)."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for shape, pattern in _DATES:
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = m.groupdict()
            month = MONTHS.get((groups.get("month") or "").rstrip(".").lower())
            try:
                if shape == "day":
                    date = PartialDate.parse(f"{int(groups['year']):04d}-{month:02d}-{int(groups['day']):02d}")
                elif shape == "month":
                    date = PartialDate(int(groups["year"]), month)
                elif shape == "day-no-year":
                    date = _nearest(published.year, month or 1, int(groups["day"]), published)
                elif shape == "last-month":
                    date = PartialDate(published.year if (month or 0) < (published.month or 1) else published.year - 1, month)
                elif shape == "weekday":
                    base = datetime.date(published.year, published.month or 1, published.day or 1)
                    back = (base.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
                    day = base - datetime.timedelta(days=back)
                    date = PartialDate(day.year, day.month, day.day)
                elif shape == "end-of-year":
                    date = PartialDate(int(groups["year"]) if groups.get("year") else published.year)
                else:
                    date = PartialDate(int(groups["year"]))
            except (ValueError, TypeError):
                continue
            planned = shape == "end-of-year" or date.sort_key > published.sort_key
            taken.append((m.start(), m.end()))
            found.append(Found("event", {"date": date, "planned": planned}, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


_TITLE_WORDS = {"president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior", "finance", "trade",
                "secretary", "state", "general", "spokesman", "spokeswoman", "spokesperson", "mayor", "ambassador", "commander",
                "chairman", "chairwoman", "chair", "director", "chief", "governor", "senator", "leader", "envoy", "adviser",
                "advisor", "representative", "negotiator", "chancellor", "commissioner", "councillor", "treasurer", "deputy",
                "executive", "national", "security", "press", "senior", "former", "acting", "special", "economist", "analyst"}
"""Words of a title that are capitalised before a name ("Deputy Mayor Ana Ruiz") and not
in a role of its own ("foreign minister"); names of places and bodies ("Harbourton", "UN") keep theirs."""


def _lowercase_title(role: str) -> str:
    """``Harbourton Deputy Mayor`` → ``Harbourton deputy mayor``; ``Mayor`` → ``mayor``."""
    return " ".join(word.lower() if word.lower() in _TITLE_WORDS else word for word in role.split(" "))


def find_roles(sentence: str) -> list[Found]:
    found: list[Found] = []
    for pattern in (_ROLE_THEN_NAME, _ROLE_AFTER, _ROLE_BEFORE):
        for m in pattern.finditer(sentence):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            role = " ".join(m["role"].split())
            if role.split()[0] in ("The", "the", "of"):
                role = " ".join(role.split()[1:])
            role = _lowercase_title(role)
            found.append(Found("role", {"name": m["name"], "role": role}, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def find_quotations(sentence: str) -> list[Found]:
    found = []
    for m in _QUOTED.finditer(sentence):
        text = m["text"].strip().rstrip(",.;:").strip()
        if len(text.split()) < 4:
            continue
        after = _SAID_AFTER.match(sentence[m.end():])
        before = _SAID_BEFORE.search(sentence[:m.start()])
        who = (after and (after["after"] or after["before"])) or (before and before["who"]) or None
        named = _TRAILING_NAME.search(who) if who else None
        if named and named.start() > 0:  # "council leader Priya Nair": the name, not the role
            who = named.group()
        if who:  # "Mayor Ana Ruiz": a title is not part of the name
            words = who.split()
            while len(words) > 2 and words[0].lower() in _TITLE_WORDS:
                words = words[1:]
            who = " ".join(words)
        found.append(Found("quotation", {"text": text, "speaker_name": who}, m.start(), m.end()))
    return found


def _initials_match(term: str, expansion: str) -> bool:
    capitals = [w[0] for w in expansion.split() if w[:1].isupper()]
    return bool(capitals) and capitals[0] == term[0] and len(capitals) >= len(term) - 1


def find_acronyms(sentence: str) -> list[Found]:
    found = []
    for pattern in (_ACRONYM_FIRST, _ACRONYM_AFTER):
        for m in pattern.finditer(sentence):
            expansion = m["expansion"]
            if pattern is _ACRONYM_AFTER:  # keep only the words the initials need, from the right
                words = expansion.split()
                while len(words) > len(m["term"]) and not words[0].startswith(m["term"][0]):
                    words = words[1:]
                expansion = " ".join(words)
            if _initials_match(m["term"], expansion):
                found.append(Found("term", {"term": m["term"], "expansion": expansion}, m.start(), m.end()))
    return found
