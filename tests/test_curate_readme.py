"""The README's complete example of every corpus file is a valid corpus, and is what `quizgen new` writes."""

from __future__ import annotations

import re
from pathlib import Path

from curate_cli import quizgen

REPO = Path(__file__).parent.parent
EXAMPLE = re.compile(r"<!-- corpus file: (?P<path>\S+) -->\n```\w+\n(?P<text>.*?)```\n", re.DOTALL)


def readme_files() -> dict[str, str]:
    return {m["path"]: m["text"] for m in EXAMPLE.finditer((REPO / "README.md").read_text(encoding="utf-8"))}


def schema_free(text: str) -> str:
    return re.sub(r"\$schema=\S+/(\w+\.schema\.json)", r"$schema=\1", text)


def test_the_readme_shows_every_file_of_a_corpus_and_they_pass_check(tmp_path: Path) -> None:
    files = readme_files()
    assert {"corpus.yaml", "outlets.yaml", "people.yaml", "topics.yaml", "glossary.yaml"} <= set(files)
    assert any(p.startswith("articles/") for p in files) and any(p.startswith("facts/") for p in files)
    assert quizgen("new", "made", cwd=tmp_path).returncode == 0
    corpus = tmp_path / "corpus"
    for path in (tmp_path / "made").rglob("*"):
        if path.is_file():
            relative = path.relative_to(tmp_path / "made").as_posix()
            text = path.read_text(encoding="utf-8")
            if relative in files:
                assert schema_free(files[relative]) == schema_free(text), f"the README's {relative} is not what quizgen new writes"
                text = files[relative]
            (corpus / relative).parent.mkdir(parents=True, exist_ok=True)
            (corpus / relative).write_text(text, encoding="utf-8")
    result = quizgen("check", "--seeds", "corpus", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_readme_schema_lines_reach_the_schemas_from_a_corpus_at_the_top_of_the_repository() -> None:
    for relative, text in readme_files().items():
        if relative.endswith(".yaml"):
            target = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
            assert target, relative
            assert (REPO / "corpus" / relative).parent.joinpath(target.group(1)).resolve().is_file(), relative
