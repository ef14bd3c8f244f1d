"""`quizgen quote` finds words as the quote check does, or ranks the passages nearest to them."""

from __future__ import annotations

from pathlib import Path

from curate_cli import copy_base_corpus, quizgen


def position(article: Path, text: str) -> str:
    """line:col of ``text`` in the file, found independently of quizgen."""
    for number, line in enumerate(article.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return f"{number}:{line.index(text) + 1}"
    raise AssertionError(text)


def test_words_in_the_text_are_given_with_their_position_and_typography(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    article = seeds / "articles" / "daily-2020.md"
    result = quizgen("quote", "seeds/articles/daily-2020.md", '"It took  12 years," she said', cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"seeds/articles/daily-2020.md:{position(article, '“It took')}: “It took 12 years,” she said\n"
    by_id = quizgen("quote", "daily-2020", "Mayor Ana Lima ... the first day", cwd=tmp_path)
    assert by_id.returncode == 0
    assert by_id.stdout.splitlines() == [f"seeds/articles/daily-2020.md:{position(article, 'Mayor Ana Lima')}: Mayor Ana Lima",
                                         f"seeds/articles/daily-2020.md:{position(article, 'the first day')}: the first day"]


def test_words_that_differ_give_the_nearest_passages_best_first(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    article = seeds / "articles" / "daily-2020.md"
    result = quizgen("quote", "daily-2020", "about 3000 people crossed it on the 1st day", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "quizgen: expected the words word for word in seeds/articles/daily-2020.md outside furniture, found them nowhere\n"
    lines = result.stdout.splitlines()
    assert lines[0] == "seeds/articles/daily-2020.md: the words are not in the article; the nearest passages:"
    assert lines[1].startswith(f"seeds/articles/daily-2020.md:{position(article, 'About 3,000')}: ")
    assert "the article has 'About 3,000 people" in lines[1]
    assert lines[2] == "    About 3,000 people crossed it on the first day."
    percents = [int(line.split(": ")[1].split("%")[0]) for line in lines[1::2] if "% alike" in line]
    assert percents == sorted(percents, reverse=True) and len(lines) <= 1 + 2 * 3


def test_punctuation_only_differences_are_named(tmp_path: Path) -> None:
    copy_base_corpus(tmp_path)
    result = quizgen("quote", "daily-2020", "the RTB [Riverton Town Bridge]", "--count", "1", cwd=tmp_path)
    assert result.returncode == 1
    assert ": the same words but for case and punctuation; the article has '" in result.stdout.splitlines()[1]
    assert result.stdout.splitlines()[2] == "    the RTB (Riverton Town Bridge)"


def test_words_only_in_furniture_are_not_quotable(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    article = seeds / "articles" / "daily-2020.md"
    result = quizgen("quote", "daily-2020", "Comments are moderated.", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"seeds/articles/daily-2020.md:{position(article, 'Comments are')}: Comments are moderated.  (in furniture: comments; never quoted)\n"
    assert "found them only in furniture" in result.stderr


def test_usage_and_file_errors(tmp_path: Path) -> None:
    copy_base_corpus(tmp_path)
    missing = quizgen("quote", "no-such-article", "words", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr == "quizgen: error: expected an article file, found no file at 'seeds/articles/no-such-article.md'\n"
    empty = quizgen("quote", "daily-2020", "  ", cwd=tmp_path)
    assert empty.returncode == 2 and empty.stderr.count("\n") == 1
