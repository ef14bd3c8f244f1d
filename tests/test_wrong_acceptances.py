"""Wrong acceptances: what `quizgen check` must refuse, beyond its golden cases in cases/check/.

The golden cases pin each message (quote-one-letter, ellipsis-changes-speaker, article-id-index,
lookalike-*, line-separator-*, newline-in-key-is-escaped, ...). These tests state the promises
behind them over many inputs: a message is always one line that shows what is there; a position
is where an editor shows it; text that looks the same is the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quizgen.corpus_loader import load_corpus
from quizgen.errors import CorpusError, Problem
from quizgen.model.quote_search import QuoteSearch

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"
FORGED = "seeds: the corpus is valid."


def run_check(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "quizgen", "check", "--seeds", "seeds"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def corpus(tmp_path: Path) -> Path:
    shutil.copytree(BASE_CORPUS, tmp_path / "seeds")
    return tmp_path / "seeds"


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_a_printed_problem_is_one_printable_line_whatever_it_quotes(path: str, message: str) -> None:
    shown = str(Problem(path, 3, 7, message))
    assert shown.isprintable(), repr(shown)  # no newline, escape, bidi control or invisible character
    assert len(shown.splitlines()) == 1


BREAKERS = ["\\n", "\\r", "\\x1b[2K\\r", "\\x85", "\\u2028", "\\u2029", "\\u202e", "\\x00", "\\a", "\\b", "\\v", "\\f"]


@pytest.mark.parametrize("breaker", BREAKERS)
def test_no_corpus_text_starts_a_line_of_its_own(breaker: str, tmp_path: Path) -> None:
    """A key, a value and a quote that hold a line break, a terminal escape or an invisible control
    (YAML escapes reach past the file's own character check) print as escapes, on their line."""
    seeds = corpus(tmp_path)
    forged = f"x{breaker}{FORGED}{breaker}"
    edit(seeds / "people.yaml", "  - id: council\n", f'  - id: council\n    "{forged}": 1\n')
    edit(seeds / "facts" / "bridge.yaml", "quote: The town council paid for the bridge.", f'quote: "The town council paid {forged}"')
    edit(seeds / "outlets.yaml", "name: The Weekly", f'name: "The Weekly {forged}"')
    result = run_check(tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == f"quizgen: {len(lines) - 1} problems found"
    for line in lines[:-1]:
        assert line.startswith("seeds/") and line.isprintable(), repr(line)
    assert FORGED not in lines
    assert breaker in result.stderr or breaker == "\\a" and "\\x07" in result.stderr or breaker == "\\b" and "\\x08" in result.stderr \
        or breaker == "\\v" and "\\x0b" in result.stderr or breaker == "\\f" and "\\x0c" in result.stderr


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"])
def test_positions_in_an_article_count_only_newlines(separator: str, tmp_path: Path) -> None:
    """Editors break lines at newlines only; a message about the text below such a character
    names the line an editor shows (the article's own lines are not moved by it)."""
    seeds = corpus(tmp_path)
    article = seeds / "articles" / "daily-2020.md"
    edit(article, "Mayor Ana Lima opened", f"Mayor{separator}Ana Lima opened")
    edit(seeds / "facts" / "bridge.yaml", "quote: About 3,000 people crossed it on the first day.", "quote: About 3,000 people crossed it on the last day.")
    result = run_check(tmp_path)
    assert result.returncode == 1
    editor_line = next(i for i, line in enumerate(article.read_text(encoding="utf-8").split("\n"), 1) if line.startswith("About 3,000"))
    assert f"ending at seeds/articles/daily-2020.md:{editor_line}," in result.stderr, result.stderr


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_positions_in_yaml_count_only_newlines(separator: str, tmp_path: Path) -> None:
    seeds = corpus(tmp_path)
    facts = seeds / "facts" / "bridge.yaml"
    edit(facts, "title: the opening of", f"title: the opening{separator}of")
    result = run_check(tmp_path)
    lines = facts.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if separator in text)
    column = lines[line - 1].index(separator) + 1
    assert result.stderr.startswith(f"seeds/facts/bridge.yaml:{line}:{column}: expected printable text, found the invisible character U+{ord(separator):04X}")


def test_a_bad_byte_is_placed_by_characters_and_by_cr_line_ends(tmp_path: Path) -> None:
    seeds = corpus(tmp_path)
    text = (seeds / "facts" / "bridge.yaml").read_text(encoding="utf-8").replace("\n", "\r")
    data = text.replace("title: the opening", "title: “the” op\xffening").encode("utf-8").replace("\xff".encode(), b"\xff")
    (seeds / "facts" / "bridge.yaml").write_bytes(data)
    result = run_check(tmp_path)
    lines = text.replace("title: the opening", "title: “the” op\xffening").split("\r")
    line = next(i for i, text in enumerate(lines, 1) if "\xff" in text)
    column = lines[line - 1].index("\xff") + 1  # characters, not bytes: the curly quotes are 3 bytes each
    assert result.stderr.startswith(f"seeds/facts/bridge.yaml:{line}:{column}: expected UTF-8 text, found the byte 0xff"), result.stderr


def test_composed_and_decomposed_text_are_one_text(tmp_path: Path) -> None:
    """An article saved decomposed (NFD) and a quote typed composed (NFC) match; every text of the
    loaded corpus is composed, so what looks the same compares the same."""
    seeds = corpus(tmp_path)
    edit(seeds / "articles" / "daily-2020.md", "Mayor Ana Lima opened", "Mayor Ana Lima opened the cafe\u0301 and")
    edit(seeds / "facts" / "bridge.yaml", "quote: Mayor Ana Lima\n", "quote: Mayor Ana Lima opened the caf\u00e9\n")
    edit(seeds / "glossary.yaml", "definition: The new bridge", "definition: The ne\u0301w bridge")
    loaded = load_corpus(seeds)
    assert "café" in loaded.article("daily-2020").published_text
    assert loaded.term("rtb").definition == unicodedata.normalize("NFC", "The ne\u0301w bridge across the river in Riverton.")


@pytest.mark.parametrize("name", ["The W\u0435ekly", "The \uff24aily", "The Daily\u200b", "Th\u0435 Daily", "\u0422he Weekly"])
def test_an_outlet_name_that_looks_like_another_or_mixes_scripts_is_refused(name: str, tmp_path: Path) -> None:
    seeds = corpus(tmp_path)
    edit(seeds / "outlets.yaml", "name: The Weekly", f'name: "{name}"')
    with pytest.raises(CorpusError) as error:
        load_corpus(seeds, "seeds")
    assert str(error.value).startswith("seeds/outlets.yaml:5:11: expected "), str(error.value)


def test_joined_passages_are_placed_as_close_as_the_text_allows() -> None:
    """The first words of a quotation may occur far above the place that is quoted: the check (and
    the marked passage) uses the nearest placement, so a correct quote is not refused as too wide."""
    text = "She said it would open soon. " + "Other news of the week. " * 40 + "She said it had taken twelve years, and then: it is open."
    search = QuoteSearch(text, [])
    spans = search.find("She said it ... it is open.")
    assert isinstance(spans, list)
    assert spans[0].start == text.rindex("She said it")
    assert spans[1].start - spans[0].end < 60


@pytest.mark.parametrize(("quote", "found"), [
    ("500 people came", False),  # from "3,500 people came": a different figure
    ("5 percent more", False),  # from "2.5 percent more"
    ("5 degrees at night", False),  # from "-5 degrees": the sign is part of the number
    ("legal action", False),  # from "illegal action"
    ("the mayo", False),  # cut inside "mayor"
    ("3,500 people came", True),
    ("-5 degrees at night", True),
    ("2,000 troops left", True),  # after a dash that joins words ("them—2,000")
    ("19 cases rose", True),  # after "COVID-": a hyphen after a word joins words
])
def test_a_quote_stands_on_whole_words_and_numbers(quote: str, found: bool) -> None:
    text = ("Some 3,500 people came, 2.5 percent more. It was -5 degrees at night. An illegal action by the "
            "mayor. Of them—2,000 troops left. COVID-19 cases rose.")
    assert isinstance(QuoteSearch(text, []).find(quote), list) is found
