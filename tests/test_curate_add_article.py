"""`quizgen add-article` makes an article file from a raw text or a saved web page: front matter,
the text as published, likely furniture fenced; `quizgen check` accepts it; nothing is overwritten."""

from __future__ import annotations

import re
from pathlib import Path

from curate_cli import RAW, quizgen

REPO = Path(__file__).parent.parent
RT, RUDAW = RAW / "001_b8e82f10cd3f249e.txt", RAW / "000_31cfb2d14bb7864f.txt"


def new_corpus(tmp_path: Path, *outlets: str) -> Path:
    assert quizgen("new", "corpus", cwd=tmp_path).returncode == 0
    listed = "".join(f"  - id: {outlet}\n    name: {outlet.title()}\n" for outlet in outlets)
    path = tmp_path / "corpus" / "outlets.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("outlets:\n", "outlets:\n" + listed), encoding="utf-8")
    return tmp_path / "corpus"


def split(text: str) -> tuple[dict[str, str], str]:
    front, body = text.removeprefix("---\n").split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in front.splitlines())
    return {key: value.strip('"') for key, value in fields.items()}, body


def test_a_raw_text_becomes_the_article_a_curator_made_from_it(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path, "rt", "rudaw")
    for name, outlet, raw in (("rt-2021-04-07", "rt", RT), ("rudaw-2021-04-07", "rudaw", RUDAW)):
        result = quizgen("add-article", str(raw), "--outlet", outlet, "--seeds", "corpus", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"wrote corpus/articles/{name}.md: ")
        made, body = split((corpus / "articles" / f"{name}.md").read_text(encoding="utf-8"))
        curated, curated_body = split((REPO / "seeds" / "articles" / f"{name}.md").read_text(encoding="utf-8"))
        assert body.rstrip("\n") == curated_body.rstrip("\n"), "the same text with the same furniture fenced as the seed corpus's curator did"
        for field in ("id", "outlet", "headline", "published", "source_sha256", "source_file"):
            assert made[field] == curated[field], field
        assert made["reliability"].startswith("TODO")
    rudaw, _ = split((corpus / "articles" / "rudaw-2021-04-07.md").read_text(encoding="utf-8"))
    assert (rudaw["byline"], rudaw["date_as_printed"], rudaw["dateline"]) == ("Sura Ali", "07-04-2021", "ERBIL, Kurdistan Region")
    check = quizgen("check", "--seeds", "corpus", cwd=tmp_path)
    assert check.returncode == 1 and check.stderr.count("found the placeholder 'TODO: one line") == 2, check.stderr
    for name in ("rt-2021-04-07", "rudaw-2021-04-07"):  # the curator's one line each: a TODO never reaches the site
        fill_in_reliability(corpus / "articles" / f"{name}.md")
    check = quizgen("check", "--seeds", "corpus", cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def fill_in_reliability(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    article.write_text(re.sub(r"reliability: .*TODO[^\n]*", "reliability: A curator's note on this outlet.", text), encoding="utf-8")


def test_a_saved_web_page_gives_its_text_metadata_and_fenced_furniture(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path, "gazette")
    result = quizgen("add-article", str(RAW / "harbour-gazette.html"), "--outlet", "gazette", "--seeds", "corpus", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "left out 3 lines of the page outside the article" in result.stdout
    fields, body = split((corpus / "articles" / "gazette-2024-03-04.md").read_text(encoding="utf-8"))
    assert fields["headline"] == "Harbourton opens its new library" and fields["byline"] == "Sam Reed"
    assert fields["published"] == "2024-03-04" and fields["url"] == "https://gazette.example/news/library-opens"
    assert fields["dateline"] == "HARBOURTON"
    blocks = [part.split("\n:::", 1)[0] for part in body.split("::: furniture ")[1:]]
    assert blocks == ["header\nHarbourton opens its new library\n\nBy Sam Reed\n\n4 March 2024, 09:15",
                      "widgets\nShare on Facebook Share on X Copy link",
                      "caption\nThe new library on Quay Street. Photo: Sam Reed/Harbourton Gazette",
                      "related-links\nRead also: Harbour wall repairs begin next month",
                      "timestamp\nUpdated on 5 March 2024"]
    assert "Chief librarian Tom Hale said the library holds about 40,000 books" in body
    assert "Privacy policy" not in body and "Weather" not in body, "the site's menu and footer are not the article"
    fill_in_reliability(corpus / "articles" / "gazette-2024-03-04.md")
    assert quizgen("check", "--seeds", "corpus", cwd=tmp_path).returncode == 0
    printed = quizgen("hash", "corpus/articles/gazette-2024-03-04.md", cwd=tmp_path).stdout.strip()
    assert printed == fields["source_sha256"]


def test_an_existing_article_file_is_never_replaced(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path, "rt")
    args = ("add-article", str(RT), "--outlet", "rt", "--seeds", "corpus")
    assert quizgen(*args, cwd=tmp_path).returncode == 0
    target = corpus / "articles" / "rt-2021-04-07.md"
    target.write_text(target.read_text(encoding="utf-8").replace("TODO: one line", "Russian state broadcaster; one line"), encoding="utf-8")
    before = target.read_bytes()
    again = quizgen(*args, cwd=tmp_path)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "already there; nothing was written" in again.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["coast-weekly-2024-03-08.md", "harbourton-gazette-2024-03-04.md", "rt-2021-04-07.md"]
    other = quizgen(*args, "--id", "rt-2021-04-07-copy", cwd=tmp_path)
    assert other.returncode == 0 and (target.parent / "rt-2021-04-07-copy.md").is_file()


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path, "rt")
    unknown = quizgen("add-article", str(RT), "--outlet", "bbc", "--seeds", "corpus", cwd=tmp_path)
    assert unknown.returncode == 2
    assert unknown.stderr == "quizgen: error: --outlet: expected an outlet of corpus/outlets.yaml (coast-weekly, harbourton-gazette, rt), found 'bbc'; add it there first\n"
    for option, value in (("--id", "../../escape"), ("--outlet", "Bad Outlet")):
        refused = quizgen("add-article", str(RT), "--outlet", "rt", "--seeds", "corpus", option, value, cwd=tmp_path)
        assert refused.returncode == 2 and refused.stderr.startswith(f"quizgen: error: {option}: expected an id of lowercase letters")
    assert not (tmp_path / "escape.md").exists()
    missing = quizgen("add-article", "nothing.html", "--outlet", "rt", "--seeds", "corpus", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr == "quizgen: error: expected a saved web page or a text file, found no file at 'nothing.html'\n"
    undated = tmp_path / "undated.txt"
    undated.write_text("A headline without a date\n\nThe council met on Monday and voted to build a new bridge across the river.\n", encoding="utf-8")
    no_date = quizgen("add-article", "undated.txt", "--outlet", "rt", "--seeds", "corpus", cwd=tmp_path)
    assert no_date.returncode == 1 and "give --published YYYY-MM-DD" in no_date.stderr
    assert len(list((corpus / "articles").iterdir())) == 2
    dated = quizgen("add-article", "undated.txt", "--outlet", "rt", "--seeds", "corpus", "--published", "2020-05-04", cwd=tmp_path)
    assert dated.returncode == 0 and (corpus / "articles" / "rt-2020-05-04.md").is_file()
    bad = quizgen("add-article", "undated.txt", "--outlet", "rt", "--seeds", "corpus", "--published", "2020-02-30", "--id", "x", cwd=tmp_path)
    assert bad.returncode == 1 and "February 2020 has 29 days" in bad.stderr


def test_a_line_naming_the_outlet_above_the_headline_is_its_masthead(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path, "county-echo")
    (tmp_path / "echo.txt").write_text("County Echo — news for the Wend valley\n\nFlood defences complete in Millbrook\n\n15/09/2025\n\n"
                                       "The flood barrier protecting about 800 homes in Millbrook was completed last week.\n", encoding="utf-8")
    assert quizgen("add-article", "echo.txt", "--outlet", "county-echo", "--seeds", "corpus", cwd=tmp_path).returncode == 0
    fields, body = split((corpus / "articles" / "county-echo-2025-09-15.md").read_text(encoding="utf-8"))
    assert fields["headline"] == "Flood defences complete in Millbrook" and fields["date_as_printed"] == "15/09/2025"
    assert body.startswith("::: furniture masthead\nCounty Echo — news for the Wend valley\n:::\n")


def test_a_comment_section_and_its_policy_line_are_fenced(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path, "county-echo")
    body = ("The flood barrier protecting about 800 homes in Millbrook was completed last week.\n\n"
            "The council said the work had cost £4 million and taken two years to finish.\n\n")
    (tmp_path / "echo.txt").write_text("Flood defences complete in Millbrook\n\n15/09/2025\n\n" + body +
                                       "Comments (4)\n\nRead our comment policy\n\nJo Smith: About time too, we waited years for this.\n",
                                       encoding="utf-8")
    result = quizgen("add-article", "echo.txt", "--outlet", "county-echo", "--seeds", "corpus", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _, text = split((corpus / "articles" / "county-echo-2025-09-15.md").read_text(encoding="utf-8"))
    assert text.endswith(body + "::: furniture comments\nComments (4)\n\nRead our comment policy\n\n"
                                "Jo Smith: About time too, we waited years for this.\n:::\n"), text
    for line in ("Leave a comment", "Read our comments policy", "Comments are closed.", "View all comments", "12 comments"):
        (tmp_path / "one.txt").write_text("Flood defences complete in Millbrook\n\n15/09/2025\n\n" + body + line + "\n", encoding="utf-8")
        made = quizgen("add-article", "one.txt", "--outlet", "county-echo", "--seeds", "corpus", "--id", "one", cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        article = corpus / "articles" / "one.md"
        assert article.read_text(encoding="utf-8").endswith(f"::: furniture comments\n{line}\n:::\n"), line
        article.unlink()
