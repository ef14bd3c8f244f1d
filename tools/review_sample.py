"""Draw a random sample of the question bank for a blind review (see REVIEW.md of the team).

    python tools/review_sample.py --seed 7 [--count 40] site/exports/questions.json

prints Markdown: each item first as a student sees it (stem, lettered options), then as a teacher
does (the key, the explanation, feedback on wrong options, the quotes it cites with their outlets).
It prints nothing a blind reviewer should not see: no fact ids, no YAML. The same seed and bank
give the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

LETTERS = "ABCDEFGH"


def render_item(number: int, question: dict[str, Any], articles: dict[str, Any]) -> str:
    lines = [f"## Item {number}", "", "**Student**", "", question["stem"], ""]
    options = question["options"]
    lines += [f"{LETTERS[i]}. {text}" for i, text in enumerate(options)]
    lines += ["", "**Teacher**", ""]
    if question.get("numeric"):  # the site's questions.json holds numeric and matching items too
        lines.append(f"- Key: {question['numeric']['answer']} (within {question['numeric']['tolerance']:g})")
    elif question.get("pairs"):
        lines.append("- Key: " + "; ".join(f"{left} → {right}" for left, right in question["pairs"]))
    elif question.get("correct_order") is not None:
        key = " → ".join(f"{LETTERS[i]}" for i in question["correct_order"])
        lines.append(f"- Key (earliest first): {key}")
    else:
        correct = question["correct"]
        lines.append(f"- Key: {LETTERS[correct]}. {options[correct]}")
    lines.append(f"- Explanation: {question['explanation']}")
    notes = [(LETTERS[i], note) for i, note in enumerate(question.get("option_notes") or []) if note]
    for letter, note in notes:
        lines.append(f"- If a student picks {letter}: {note}")
    lines.append("- Quotes cited:")
    for source in question["sources"]:
        article = articles.get(source["article"], {})
        where = f"{article.get('outlet', '?')}, “{article.get('headline', '?')}”, {article.get('published', '?')}"
        lines.append(f"    - “{source['quote']}” ({where})")
    return "\n".join(lines) + "\n"


def sample(document: dict[str, Any], seed: int, count: int) -> list[dict[str, Any]]:
    questions = list(document["questions"])
    return random.Random(seed).sample(questions, min(count, len(questions)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print a seeded random sample of questions.json for a blind review.")
    parser.add_argument("bank", type=Path, help="the exported bank, e.g. site/exports/questions.json")
    parser.add_argument("--seed", type=int, required=True, help="seeds the draw; write it down, use a new one each review")
    parser.add_argument("--count", type=int, default=40, help="how many items (default 40)")
    args = parser.parse_args(argv)
    try:
        document = json.loads(args.bank.read_text(encoding="utf-8"))
        questions = document["questions"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"{args.bank}: expected a quizgen question bank (questions.json), found: {error}", file=sys.stderr)
        return 1
    chosen = sample(document, args.seed, args.count)
    print(f"# Review sample: {len(chosen)} of {len(questions)} items, seed {args.seed}\n")
    for number, question in enumerate(chosen, 1):
        print(render_item(number, question, document.get("articles", {})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
