"""Print the summaries as a reviewer reads them: the briefing, the timeline, the source comparison
and one article's reading handout, as plain Markdown text (no YAML, no fact ids, links reduced to
their text). The word counts and the Flesch-Kincaid grades go to stderr: they are not on the page,
and a reviewer who saw them took them for text a student reads.

    .venv/bin/python tools/review_summaries.py [--seeds seeds] [--article rudaw-2021-04-07]

The pages are the ones the site build renders (quizgen's page renderer with the built-in templates).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.generate.briefing import briefing
from quizgen.generate.question_bank import build_question_bank
from quizgen.model.readability import flesch_kincaid_grade, word_count
from quizgen.render.environment import make_environments
from quizgen.render.site_pages import PageRenderer
from quizgen.worksheet.handout import (
    handout_article,
    handout_corrections,
    handout_glossary,
    handout_summary,
)

_MARKER = re.compile(r"(?:<sup>)?\[\\\[(\d+)\\\]\]\([^)\s]*(?: \"[^\"]*\")?\)(?:</sup>)?")
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()|!#+\-.>=])")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]: .*$\n?", re.MULTILINE)
_ANCHOR = re.compile(r"<a id=\"[^\"]*\"></a>")  # a link target: nothing on the page


def plain(markdown: str) -> str:
    """Markdown as a reader sees it: `[1]` markers, link labels, no escapes or abbreviation lines."""
    text = _MARKER.sub(r" [\1]", markdown)
    text = _LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text).replace("<br>", "\n    ")
    text = _ABBREVIATION.sub("", text)
    text = _ANCHOR.sub("", text)
    text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--article", help="the article whose handout is shown (default: the first)")
    args = parser.parse_args(argv)
    corpus = load_corpus(Path(args.seeds))
    markdown, html_env = make_environments()
    renderer = PageRenderer(corpus, build_question_bank(corpus), markdown, html_env)
    told = briefing(corpus)
    key_points = " ".join(s.text for s in told.key_points)
    differences = " ".join(d.sentence.text for d in told.differences)
    print("=" * 30, "BRIEFING", "=" * 30)
    print(plain(renderer.briefing().markdown))
    print(f"[key points: {len(told.key_points)} bullets, {word_count(key_points)} words; prose: {word_count(told.prose)} words, "
          f"Flesch-Kincaid grade {flesch_kincaid_grade(told.prose)}; where the sources differ: {word_count(differences)} words, "
          f"grade {flesch_kincaid_grade(differences)}; curated: {'yes' if told.curated else 'no'}]\n", file=sys.stderr)
    print("=" * 30, "TIMELINE", "=" * 30)
    print(plain(renderer.timeline().markdown))
    print("=" * 30, "HOW THE SOURCES COMPARE", "=" * 30)
    print(plain(renderer.sources().markdown))
    article = corpus.article(args.article) if args.article else corpus.articles[0]
    meta = handout_article(corpus, article)
    print("=" * 30, f"READING HANDOUT: {article.id}", "=" * 30)
    print(f"# {meta.headline}\n\n{meta.outlet}{', by ' + meta.byline if meta.byline else ''}, {meta.published}\n")
    print(f"- Owned or funded by: {meta.owner or 'not recorded'}\n- Stance: {meta.editorial_line or 'not recorded'}\n"  # as templates/handout.html words it
          f"- What its text shows: {meta.reliability}\n\n## Summary\n")
    summary = handout_summary(corpus, article)
    for number, sentence in enumerate(summary, 1):
        print(f"{number}. {sentence.text}")
        for quote in sentence.quotes:
            print(f"    - The article: \u201c{quote}\u201d")
    words = handout_glossary(corpus, article)
    if words:  # as templates/handout.html shows it
        print("\n## Words to know\n")
        for word in words:
            print(f"- **{word.term}**: {word.definition}")
    corrections = handout_corrections(corpus, article)
    if corrections:  # as templates/handout.html shows it
        print("\n## The article's own correction\n")
        for sentence in corrections:
            print(f"- {sentence.text}")
            for quote in sentence.quotes:
                print(f"    - The article: \u201c{quote}\u201d")
    told = " ".join(s.text for s in summary)
    print(f"\n[handout summary: {len(summary)} sentences, {word_count(told)} words, Flesch-Kincaid grade {flesch_kincaid_grade(told)}]", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
