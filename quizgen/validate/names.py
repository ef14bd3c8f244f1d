"""Names and ids that would mislead: an id that takes a generated page's name, and look-alikes.

Names, terms, roles and titles become the options of questions. Two of them that look the same
but are spelled with different characters (a Cyrillic "а" for a Latin "a", a full-width "Ｉ")
would give a question two options a student cannot tell apart, or a person two names that look
alike. Text is read in Unicode's composed form (NFC, see `read_source_text`), so "é" typed as one
character or as "e" and an accent is one spelling; what is refused here is:

- a word that mixes Latin, Cyrillic or Greek letters where one of them is a look-alike of a
  letter of the other script ("Аna": a Cyrillic А, then Latin letters). A word that mixes
  scripts with letters that do not look alike ("β-blocker") is accepted;
- two different names that look the same once look-alike letters, compatibility forms
  (full-width letters, ligatures) and invisible characters are set aside;
- two people (or organisations), outlets or glossary terms with the same name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator, NamedTuple, assert_never

from quizgen.errors import Problem
from quizgen.load.corpus_files import CorpusFiles, LoadedFile
from quizgen.load.yaml_tree import DataPath
from quizgen.model.facts import (
    AnyFact,
    ClaimFact,
    EventFact,
    QuantityFact,
    QuotationFact,
    RoleFact,
)

RESERVED_IDS = {"index": "articles/index.md, the Articles section's own page"}
"""Article ids that would give an article page the name of a generated page (`articles/<id>.md`)."""
RESERVED_ANCHORS = {
    "people": {"people": "the People page's title", "organisations-and-documents-quoted": "a heading of the People page"},
    "terms": {"glossary": "the Glossary page's title"},
}
"""Person and term ids that are anchors on their page (`people.md#<id>`, `glossary.md#<id>`), and
the anchors MkDocs gives that page's own headings: links to such an id would land on the heading."""

_LOOKALIKES = {
    # Cyrillic letters that look like Latin ones
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y", "Һ": "h",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ү": "y", "ӏ": "l",
    # Greek letters that look like Latin ones
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t",
}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_LOOKS_LATIN = set(_LOOKALIKES.values())
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script for script in _SCRIPTS if name.startswith(script + " ")), None)


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'an unnamed character')}"


def mixed_script_lookalike(text: str) -> str | None:
    """Why ``text`` holds a word that mixes scripts with look-alike letters, or None.

    >>> mixed_script_lookalike("Аna Lima")  # the first letter is Cyrillic
    "the word 'Аna' mixes Latin letters with U+0410 CYRILLIC CAPITAL LETTER A, which looks like the Latin 'A'"
    >>> mixed_script_lookalike("β-blocker") is None
    True
    """
    if text.isascii():  # the common case: one script
        return None
    for word in _WORD.findall(text):
        scripts = [_script(char) for char in word]
        present = {s for s in scripts if s}
        if len(present) < 2:
            continue
        main = max(sorted(present), key=scripts.count)
        for char, script in zip(word, scripts):
            if script and script != main:
                if char in _LOOKALIKES:
                    return (f"the word '{word}' mixes {main.title()} letters with {_describe(char)}, "
                            f"which looks like the Latin '{_LOOKALIKES[char]}'")
                if char in _LOOKS_LATIN and main != "LATIN":
                    return (f"the word '{word}' mixes {main.title()} letters with {_describe(char)}, "
                            f"which looks like a {main.title()} letter")
    return None


def lookalike_skeleton(text: str) -> str:
    """What ``text`` looks like: compatibility forms folded (NFKC), look-alike letters made Latin,
    invisible characters dropped, white space made single spaces."""
    if text.isascii():
        return " ".join(text.split())
    folded = unicodedata.normalize("NFKC", text).translate(_LOOKALIKE_TABLE)
    return " ".join("".join(c for c in folded if unicodedata.category(c) != "Cf").split())


def _first_difference(a: str, b: str) -> str:
    """What ``b`` has that ``a`` does not, at the first character where they differ."""
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return f"{_describe(b[at])} where the other has {_describe(a[at])}"
    if len(b) > len(a):
        return f"{_describe(b[at])} as its character {at + 1}, which the other does not have"
    return f"no {_describe(a[at])} as its character {at + 1}"


class _Name(NamedTuple):
    file: LoadedFile[Any]
    path: DataPath
    text: str

    @property
    def group(self) -> str | None:
        """The things that are options of the same questions, and so need names of their own."""
        return _GROUPS.get((self.path[0], self.path[-1]))


def _fact_option(fact: AnyFact) -> tuple[str, str] | None:
    """The field of a fact that is a question's option, and its text (None for kinds with none)."""
    match fact:
        case RoleFact():
            return "role", fact.role
        case EventFact():
            return "title", fact.title
        case QuantityFact():
            return "unit", fact.unit
        case QuotationFact() | ClaimFact():
            return None
        case _:
            assert_never(fact)


_GROUPS: dict[tuple[str | int, str | int], str] = {("people", "name"): "person or organisation", ("organizations", "name"): "person or organisation",
           ("outlets", "name"): "outlet", ("terms", "term"): "glossary term"}


def _names(files: CorpusFiles) -> Iterator[_Name]:
    """Every text that names something or can be a question's option, in corpus order."""
    reg = files.registries

    def fields(file: LoadedFile[Any] | None, items: str, *names: str) -> Iterator[_Name]:
        if file is None:
            return
        for index, item in enumerate(getattr(file.model, items)):
            for name in names:
                value = getattr(item, name)
                values = value if isinstance(value, list) else [value]
                for j, text in enumerate(values):
                    if isinstance(text, str):
                        path = (items, index, name, j) if isinstance(value, list) else (items, index, name)
                        yield _Name(file, path, text)

    yield from fields(reg.get("outlets.yaml"), "outlets", "name")
    yield from fields(reg.get("topics.yaml"), "topics", "title")
    people = reg.get("people.yaml")
    yield from fields(people, "people", "name", "role")
    if people is not None:
        for index, person in enumerate(people.model.people):
            for j, spelling in enumerate(person.spellings):
                yield _Name(people, ("people", index, "spellings", j, "name"), spelling.name)
    yield from fields(people, "organizations", "name", "aliases")
    yield from fields(reg.get("glossary.yaml"), "terms", "term", "expansion", "aliases")
    for article in files.articles:
        yield _Name(article, ("headline",), article.model.headline)
    for facts_file in files.facts:
        for index, fact in enumerate(facts_file.model.facts):
            option = _fact_option(fact)
            if option is not None:
                yield _Name(facts_file, ("facts", index, option[0]), option[1])


def check_names(files: CorpusFiles) -> list[Problem]:
    """A problem for an article id that is a generated page's name, and for look-alike names."""
    problems: list[Problem] = []
    for article in files.articles:
        if article.model.id in RESERVED_IDS:
            problems.append(article.problem(("id",), f"expected an article id other than '{article.model.id}', "
                                                     f"which is the name of {RESERVED_IDS[article.model.id]}; found '{article.model.id}'"))
    for registry, items in (("people.yaml", "people"), ("glossary.yaml", "terms")):
        file = files.registries.get(registry)
        for index, item in enumerate(getattr(file.model, items) if file else ()):
            heading = RESERVED_ANCHORS[items].get(item.id)
            if heading and file is not None:
                problems.append(file.problem((items, index, "id"), f"expected an id other than '{item.id}', which is the anchor of "
                                                                  f"{heading}: a link to it would land there; found '{item.id}'"))
    first_seen: dict[str, _Name] = {}
    for name in _names(files):
        mixed = mixed_script_lookalike(name.text)
        if mixed:
            problems.append(name.file.problem(name.path, f"expected a name written in one script, found '{name.text}': {mixed}; retype it"))
            continue
        skeleton = lookalike_skeleton(name.text)
        other = first_seen.setdefault(skeleton, name)
        if other is not name and other.text == name.text and name.group and other.group == name.group:
            mark = other.file.doc.mark_of(other.path)
            problems.append(name.file.problem(name.path, (
                f"expected every {name.group} to have a name of its own, found '{name.text}', already the name of "
                f"the one at {other.file.display}:{mark.line}:{mark.column}: two options of a question would be the same")))
        elif other.text != name.text:
            mark = other.file.doc.mark_of(other.path)
            problems.append(name.file.problem(name.path, (
                f"expected names that look different, found '{name.text}', which looks like '{other.text}' "
                f"({other.file.display}:{mark.line}:{mark.column}) but has {_first_difference(other.text, name.text)}")))
    return problems
