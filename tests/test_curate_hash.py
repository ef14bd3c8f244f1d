"""`quizgen hash` prints the source_sha256 that `quizgen check` accepts; `check --fix-hashes` rewrites
only the wrong source_sha256 lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

from curate_cli import copy_base_corpus, quizgen

ZEROS = "0" * 64


def record_hash(article: Path, value: str, *, quoted: bool = False, newline: str = "\n") -> None:
    text = article.read_text(encoding="utf-8").replace("\r\n", "\n")
    line = f'source_sha256: "{value}"' if quoted else f"source_sha256: {value}"
    text = text.replace("\nreliability:", f"\n{line}  # recorded when copied\nreliability:", 1)
    article.write_bytes(text.replace("\n", newline).encode("utf-8"))


def test_the_printed_hash_is_the_one_check_accepts(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    article = seeds / "articles" / "daily-2020.md"
    printed = quizgen("hash", "seeds/articles/daily-2020.md", cwd=tmp_path)
    assert printed.returncode == 0 and printed.stderr == ""
    digest = printed.stdout.strip()
    assert len(digest) == 64 and printed.stdout == digest + "\n"
    record_hash(article, digest)
    assert quizgen("check", cwd=tmp_path).returncode == 0
    record_hash(seeds / "articles" / "weekly-2020.md", ZEROS)
    wrong = quizgen("check", cwd=tmp_path)
    assert wrong.returncode == 1
    weekly = quizgen("hash", "seeds/articles/weekly-2020.md", cwd=tmp_path).stdout.strip()
    # the message gives both hashes in full and the normalisation, and does not claim the text was changed
    assert f"SHA-256 {ZEROS}, found {weekly};" in wrong.stderr
    assert "fence lines" in wrong.stderr and "white space at the end of each line counts" in wrong.stderr
    assert "was changed" not in wrong.stderr


def test_white_space_at_line_ends_counts_and_at_the_end_of_the_text_does_not(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    article = seeds / "articles" / "weekly-2020.md"
    before = quizgen("hash", str(article), cwd=tmp_path).stdout
    article.write_text(article.read_text(encoding="utf-8") + "\n\n   \n", encoding="utf-8")
    assert quizgen("hash", str(article), cwd=tmp_path).stdout == before
    article.write_text(article.read_text(encoding="utf-8").replace("2020.", "2020. "), encoding="utf-8")
    assert quizgen("hash", str(article), cwd=tmp_path).stdout != before


def test_a_raw_text_hashes_as_the_article_made_from_it(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_bytes("Mayor Anna Lima cut the ribbon. \r\nThe council paid.\r\n\r\n".encode("utf-8"))
    expected = hashlib.sha256("Mayor Anna Lima cut the ribbon. \nThe council paid.\n".encode("utf-8")).hexdigest()
    assert quizgen("hash", "raw.txt", cwd=tmp_path).stdout.strip() == expected


def test_fix_hashes_rewrites_only_the_wrong_line_and_keeps_every_other_byte(tmp_path: Path) -> None:
    seeds = copy_base_corpus(tmp_path)
    daily, weekly = seeds / "articles" / "daily-2020.md", seeds / "articles" / "weekly-2020.md"
    record_hash(daily, ZEROS, quoted=True, newline="\r\n")  # Windows line ends stay as they are
    good = quizgen("hash", str(weekly), cwd=tmp_path).stdout.strip()
    record_hash(weekly, good)
    weekly_before, daily_before = weekly.read_bytes(), daily.read_bytes()
    result = quizgen("check", "--fix-hashes", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    right = quizgen("hash", str(daily), cwd=tmp_path).stdout.strip()
    assert result.stdout.startswith(f"seeds/articles/daily-2020.md:6:16: rewrote source_sha256 {ZEROS} as {right}\n")
    assert "the corpus is valid" in result.stdout
    assert weekly.read_bytes() == weekly_before
    assert daily.read_bytes() == daily_before.replace(ZEROS.encode(), right.encode())
    assert sorted(p.name for p in (seeds / "articles").iterdir()) == ["daily-2020.md", "weekly-2020.md"]  # no temporary left
    again = quizgen("check", "--fix-hashes", cwd=tmp_path)
    assert again.returncode == 0 and "rewrote" not in again.stdout


def test_errors_are_one_line_with_a_position(tmp_path: Path) -> None:
    missing = quizgen("hash", "nothing.md", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr == "quizgen: error: expected an article file, found no file at 'nothing.md'\n"
    broken = tmp_path / "broken.md"
    broken.write_text("---\nid: x\n", encoding="utf-8")
    result = quizgen("hash", "broken.md", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.splitlines()[0].startswith("broken.md:3:1: expected a '---' line closing")
    assert quizgen("check", "--fix-hashes", "--seeds", "nowhere", cwd=tmp_path).returncode == 2
