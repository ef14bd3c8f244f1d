"""No crash on a corpus that `quizgen check` accepts, nor on the environment it runs in.

Each hostile input or environment gives one located line per problem and exit code 1, never a
traceback; `mkdocs build` fails before MkDocs cleans `site/`, so the last good site stays; and a
failed `quizgen build` or `quizgen export` leaves the previous output as it was.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
from pathlib import Path
from typing import Iterator

import pytest

from site_checks import make_project, mkdocs, tree_digest

BASE_CORPUS = Path(__file__).parent / "fixtures" / "base_corpus"
NOBODY = 65534


def quizgen(cwd: Path, *args: str, as_nobody: bool = False, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(cwd)}
    command = [sys.executable, "-m", "quizgen", *args]
    if as_nobody:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
        env["QUIZGEN_STATE_DIR"] = str(cwd.parent / "quizgen-state")  # its record of what it wrote: one it can keep

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, preexec_fn=limit)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def assert_one_clean_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert expected in output, output


# (what is wrong, file, old text, new text, the line quizgen must print)
HOSTILE_CORPORA = [
    ("escaped-bell", "facts/bridge.yaml", "statement: The Riverton bridge opened on 4 May 2020.", 'statement: "The Riverton bridge \\a opened on 4 May 2020."',
     "seeds/facts/bridge.yaml:6:16: expected printable text, found the invisible character U+0007 (a control character)"),
    ("escaped-noncharacter", "glossary.yaml", "definition: The new bridge across the river in Riverton.", 'definition: "The new bridge\\uFFFF across the river."',
     "seeds/glossary.yaml:5:17: expected printable text, found the invisible character U+FFFF (a non-character)"),
    ("huge-figure", "facts/bridge.yaml", "value: 3000", "value: 1.0e308",
     "seeds/facts/bridge.yaml:24:12: expected a figure smaller than 1,000,000,000,000,000 (10^15), found 1e+308"),
    ("differs-from-term", "facts/bridge.yaml", "    claim: the town council paid for the bridge", "    claim: the town council paid for the bridge\n    differs_from: [rtb]\n    difference: who paid",
     "seeds/facts/bridge.yaml:45:20: expected the id of another fact in facts/*.yaml"),
    ("published-2201", "articles/daily-2020.md", "published: 2020-05-04", "published: 2201-04-07",
     "seeds/articles/daily-2020.md:5:12: expected a publication date from 1600-01-01 to 2100-12-31, found 2201-04-07"),
    ("id-longer-than-a-file-name", "topics.yaml", "    description: The new bridge over the river.",
     "    description: The new bridge over the river.\n  - id: " + "-".join(["bridge"] * 43) + "\n    title: Long\n    description: A long id.",
     "seeds/topics.yaml:5:9: expected an id of at most 100 characters (ids name the site's pages and files), found one of 300"),
    ("published-0001", "articles/daily-2020.md", "published: 2020-05-04", "published: 0001-01-01",
     "seeds/articles/daily-2020.md:5:12: expected a publication date from 1600-01-01 to 2100-12-31, found 0001-01-01"),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [case[1:] for case in HOSTILE_CORPORA], ids=[case[0] for case in HOSTILE_CORPORA])
def test_what_would_crash_a_build_is_refused_by_check_build_and_mkdocs(file: str, old: str, new: str, expected: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE_CORPUS)
    edit(project / "seeds" / file, old, new)
    assert_one_clean_error(quizgen(project, "check"), expected)
    (project / "out").mkdir()
    (project / "out" / "before.txt").write_text("the last good output\n")
    (project / "out" / ".quizgen-output").write_text("written by an earlier build\n")
    assert_one_clean_error(quizgen(project, "build", "--out", "out", "--worksheets", "none"), expected)
    assert (project / "out" / "before.txt").exists(), "quizgen build left its previous output as it was"
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the last good site\n")
    (project / "site" / ".quizgen-output").write_text("written by an earlier build\n")
    assert_one_clean_error(mkdocs(project, "build"), expected)
    assert (project / "site" / "index.html").read_text() == "the last good site\n", "mkdocs build failed before cleaning site/"


BROKEN_TEMPLATES = [
    ("syntax-error", "home.md", "# {{ info.title }\n", "templates/home.md:1:1: expected a valid Jinja template, found a syntax error: unexpected '}'"),
    ("unclosed-block", "home.md", "# {{ info.title }}\n\n{% if info.title %}\nno end\n", "templates/home.md:4:1: expected a valid Jinja template, found a syntax error: Unexpected end of template."),
    ("undefined-variable", "home.md", "# {{ info.title }}\n\nHello {{ infoo.title }}\n", "templates/home.md:3:1: the template failed: 'infoo' is undefined"),
    ("not-utf8", "home.md", b"# {{ info.title }}\n\n\xe9t\xe9 (Latin-1)\n", "templates/home.md:3:1: expected UTF-8 text, found the byte 0xe9; save the file as UTF-8"),
    ("undefined-in-macro", "quiz_question.html",
     "{% macro question(q, number, answer, sources, choices=(), order=none) %}{{ q.no_such_field }}{% endmacro %}\n",
     "templates/quiz_question.html:1:1: the template failed: 'quizgen.generate.question_model.Question object' has no attribute 'no_such_field'"),
    ("macro-takes-other-arguments", "quiz_question.html",  # an override written for another release
     "{% macro question(q, number) %}{{ q.stem }}{% endmacro %}\n",
     "templates/quiz_question.html:1:1: the template failed: macro 'question' takes not more than 2 argument(s) (quizgen calls question(q, number, answer, sources, choices, order); see the built-in template)"),
    ("split-question-macros-of-an-older-release", "quiz_question.html",  # parts of a question, whose tags quiz.html closed
     "{% macro head(q, order=none) %}{{ q.stem }}{% endmacro %}{% macro body(q, answer, choices=()) %}{% endmacro %}{% macro sources_line(links) %}{% endmacro %}\n",
     "templates/quiz_question.html:1:1: expected a macro question(q, number, answer, sources, choices, order) that writes one question whole, "
     "found the macros head, body, sources_line of an older quizgen, each a part of a question; write the question in one macro (see the built-in template)"),
    ("quiz-placing-the-parts-of-an-older-release", "quiz.html",
     "<ol>\n{% for item in items %}\n<li>{{ item.head }}{{ loop.index }}. {{ item.body }}\n{{ item.sources_line }}</li>\n{% endfor %}\n</ol>\n",
     "templates/quiz.html:3:1: the template failed: 'quizgen.render.quiz_html.QuizItem object' has no attribute 'head' (expected only the variables quizgen passes; see the built-in template)"),
]


@pytest.mark.parametrize(("name", "text", "expected"), [case[1:] for case in BROKEN_TEMPLATES], ids=[case[0] for case in BROKEN_TEMPLATES])
def test_a_broken_template_override_names_its_file_and_line(name: str, text: str | bytes, expected: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE_CORPUS)
    (project / "templates" / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    result = quizgen(project, "build", "--out", "out", "--worksheets", "none")
    assert_one_clean_error(result, expected)
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith(expected) and lines[1] == "quizgen: 1 problem found", result.stderr
    assert not (project / "out").exists()
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the last good site\n")
    (project / "site" / ".quizgen-output").write_text("written by an earlier build\n")
    assert_one_clean_error(mkdocs(project, "build"), expected)
    assert (project / "site" / "index.html").exists(), "mkdocs build failed before cleaning site/"


def test_a_named_templates_folder_that_does_not_exist_is_refused_and_an_unnamed_one_is_optional(tmp_path: Path) -> None:
    """As `quizgen build --templates` does: a copied mkdocs.yml naming a templates folder the
    project lacks stops the build with one line, instead of quietly using the built-in ones."""
    project = make_project(tmp_path / "project", BASE_CORPUS)
    shutil.rmtree(project / "templates")
    edit(project / "mkdocs.yml", "      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    result = mkdocs(project, "build")
    assert_one_clean_error(result, "quizgen: templates: templates: expected a folder of template overrides beside mkdocs.yml, found no such folder")
    assert not (project / "site").exists()
    edit(project / "mkdocs.yml", "      templates: templates\n", "")
    built = mkdocs(project, "build")
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "index.html").exists()


def test_a_corpus_published_before_1970_gets_a_sitemap(tmp_path: Path) -> None:
    """The sitemap is dated by the latest article; its gzip header holds no date before 1970."""
    project = make_project(tmp_path / "project", BASE_CORPUS)
    edit(project / "seeds" / "articles" / "daily-2020.md", "published: 2020-05-04", "published: 1850-05-04")
    edit(project / "seeds" / "articles" / "weekly-2020.md", "published: 2020-05-09", "published: 1850-05-09")
    edit(project / "mkdocs.yml", "      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text() + "site_url: https://school.example/riverton/\n")
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    assert "<lastmod>1970-01-01</lastmod>" in (project / "site" / "sitemap.xml").read_text()
    assert (project / "site" / "sitemap.xml.gz").stat().st_size > 0


def test_the_largest_figure_accepted_makes_questions(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", BASE_CORPUS)
    edit(project / "seeds" / "facts" / "bridge.yaml", "value: 3000", "value: 999999999999999")
    result = quizgen(project, "export", "--format", "all", "--out", "exports")
    assert result.returncode == 0, result.stderr
    assert "999,999,999,999,999" in (project / "exports" / "questions.gift").read_text()


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder that the unprivileged user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="quizgen-no-crash-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def _unprivileged_project(folder: Path) -> Path:
    """A project owned by an unprivileged user, so that permissions hold (root ignores them)."""
    if os.geteuid() != 0:
        project = make_project(folder / "project", BASE_CORPUS)
        return project
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no way to run quizgen where permissions hold")
    project = make_project(folder / "project", BASE_CORPUS)
    (folder / "quizgen-state").mkdir()
    for path in [project, *project.rglob("*"), folder / "quizgen-state"]:
        os.chown(path, NOBODY, NOBODY)
    return project


UNREADABLE = [
    ("file", "seeds/facts/bridge.yaml", 0o000, "seeds/facts/bridge.yaml:1:1: expected a file quizgen can read, found one it cannot read (Permission denied); check its permissions"),
    ("registry-file", "seeds/glossary.yaml", 0o200, "seeds/glossary.yaml:1:1: expected a file quizgen can read, found one it cannot read (Permission denied); check its permissions"),
    ("article-folder", "seeds/articles", 0o000, "seeds/articles:1:1: expected a folder quizgen can read, found one it cannot read (Permission denied); check its permissions"),
    ("listable-only-folder", "seeds/facts", 0o600, "seeds/facts:1:1: expected a folder quizgen can read, found one it cannot read (Permission denied); check its permissions"),
    ("corpus-folder", "seeds", 0o000, "seeds:1:1: expected a folder quizgen can read, found one it cannot read (Permission denied); check its permissions"),
]


@pytest.mark.parametrize(("target", "mode", "expected"), [case[1:] for case in UNREADABLE], ids=[case[0] for case in UNREADABLE])
def test_an_unreadable_corpus_file_or_folder_is_one_located_line(target: str, mode: int, expected: str, shared_folder: Path) -> None:
    project = _unprivileged_project(shared_folder)
    (project / target).chmod(mode)
    for command in (["check"], ["build", "--out", "out", "--worksheets", "none"]):
        result = quizgen(project, *command, as_nobody=os.geteuid() == 0)
        assert_one_clean_error(result, expected)
        assert result.stderr.splitlines() == [expected, "quizgen: 1 problem found"]


def test_a_read_only_output_folder_is_one_line_and_changes_nothing(shared_folder: Path) -> None:
    project = _unprivileged_project(shared_folder)
    nobody = os.geteuid() == 0
    assert quizgen(project, "export", "--format", "all", "--out", "exports", as_nobody=nobody).returncode == 0
    before = tree_digest(project / "exports")
    edit(project / "seeds" / "facts" / "bridge.yaml", "value: 3000", "value: 4000")
    (project / "exports").chmod(0o555)
    project.chmod(0o555)
    for command, expected in ((["export", "--format", "all", "--out", "exports"], "quizgen: error: cannot write exports (Permission denied)"),
                              (["build", "--out", "out", "--worksheets", "none"], "quizgen: error: cannot write out (Permission denied)")):
        result = quizgen(project, *command, as_nobody=nobody)
        assert_one_clean_error(result, expected)
        assert len(result.stderr.splitlines()) == 1, result.stderr
    project.chmod(0o755)
    assert tree_digest(project / "exports") == before
    assert not (project / "out").exists()


def test_a_full_disk_or_file_size_limit_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    shutil.copytree(BASE_CORPUS, tmp_path / "seeds")
    assert quizgen(tmp_path, "export", "--format", "all", "--out", "exports").returncode == 0
    assert quizgen(tmp_path, "build", "--out", "out", "--worksheets", "none").returncode == 0
    exports, out = tree_digest(tmp_path / "exports"), tree_digest(tmp_path / "out")
    edit(tmp_path / "seeds" / "facts" / "bridge.yaml", "value: 3000", "value: 4000")
    limit = 4096  # smaller than the largest export and page: writing them fails with EFBIG, as on a full disk
    for command, expected in ((["export", "--format", "all", "--out", "exports"], "quizgen: error: cannot write exports (File too large)"),
                              (["build", "--out", "out", "--worksheets", "none"], "quizgen: error: cannot write out (File too large)")):
        result = quizgen(tmp_path, *command, file_size_limit=limit)
        assert_one_clean_error(result, expected)
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert tree_digest(tmp_path / "exports") == exports, "no export was replaced: all of them or none"
    assert tree_digest(tmp_path / "out") == out
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "exports", "out", "seeds"], "no temporary file left"
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == sorted((exports))


def _breaks_the_template(project: Path) -> str:
    template = project / "templates" / "briefing.md"
    template.write_text(template.read_text(encoding="utf-8").replace("# Briefing\n", "# Briefing\n\n{{ info.no_such_field }}\n", 1), encoding="utf-8")
    return "templates/briefing.md:3:1: the template failed:"


def _adds_a_page_strict_mode_refuses(project: Path) -> str:
    (project / "docs" / "extra.md").write_text("# Extra\n\nA page that is in no nav: a warning, which strict mode makes an error.\n")
    return "the site could not be rebuilt (Aborted with 1 warnings in strict mode!); still serving the last good site"


@pytest.mark.parametrize("break_it", [_breaks_the_template, _adds_a_page_strict_mode_refuses], ids=["template", "docs-page"])
def test_serve_keeps_the_last_good_site_on_any_failed_rebuild(break_it, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_serve_recovery import fetch, free_port, wait_for

    project = make_project(tmp_path / "project", BASE_CORPUS)
    edit(project / "mkdocs.yml", "      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    template = project / "templates" / "briefing.md"
    good = template.read_text(encoding="utf-8")
    port, log = free_port(), tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    with log.open("w") as log_file:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/briefing/"

    def serves(text: str) -> bool:
        try:
            return text in fetch(url)
        except OSError:
            return False

    try:
        wait_for(lambda: serves("The Riverton bridge opened on 4 May 2020."), "the first build", log)
        before = fetch(url)
        expected = break_it(project)
        wait_for(lambda: "still serving the last good site" in log.read_text(errors="replace"), "the broken rebuild", log)
        assert expected in log.read_text(errors="replace")
        time.sleep(1)
        assert fetch(url) == before, "the last good page is still served"
        with pytest.raises(urllib.error.HTTPError):
            fetch(f"http://127.0.0.1:{port}/extra/")  # nothing of the failed build is served
        (project / "docs" / "extra.md").unlink(missing_ok=True)
        template.write_text(good.replace("# Briefing", "# Briefing, fixed"), encoding="utf-8")
        wait_for(lambda: serves("Briefing, fixed"), "the fixed template to be served", log)
        assert server.poll() is None
        assert "Traceback" not in log.read_text(errors="replace")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)


def test_mkdocs_build_refuses_a_site_folder_it_may_not_replace(shared_folder: Path) -> None:
    project = _unprivileged_project(shared_folder)
    edit(project / "mkdocs.yml", "      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)}
    env.pop("SOURCE_DATE_EPOCH", None)

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=300)

    assert build().returncode == 0
    before = tree_digest(project / "site")
    (project / "site" / "assets").chmod(0o555)
    result = build()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "quizgen: error: cannot replace the site: the folder site/assets may not be changed (check its permissions)" in result.stderr
    (project / "site" / "assets").chmod(0o755)
    assert tree_digest(project / "site") == before, "the previous site was left as it was"


def test_mkdocs_build_on_a_full_disk_leaves_the_last_site_whole(tmp_path: Path) -> None:
    """MkDocs writes the theme's files after quizgen is done: the build goes to a folder beside
    site/, which replaces site/ only once the build succeeded."""
    project = make_project(tmp_path / "project", BASE_CORPUS)
    edit(project / "mkdocs.yml", "      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    assert mkdocs(project, "build").returncode == 0
    before = tree_digest(project / "site")
    edit(project / "seeds" / "facts" / "bridge.yaml", "value: 3000", "value: 4000")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=300,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024)))
    output = result.stdout + result.stderr  # MkDocs prints why it aborted on stdout
    assert result.returncode == 1 and "Traceback" not in output, output
    assert "quizgen: error: the system refused to read or write " in output and \
        "(File too large); the previous site was left as it was" in output, output
    assert tree_digest(project / "site") == before, "the last good site is whole"
    assert sorted(p.name for p in project.iterdir()) == [".cache", "docs", "mkdocs.yml", "seeds", "site", "templates"], "no staging folder left"
    assert mkdocs(project, "build").returncode == 0
    assert tree_digest(project / "site") != before, "a build that succeeds replaces the site"


def test_a_read_only_teachers_cache_is_skipped_with_one_warning(shared_folder: Path) -> None:
    """The cache only saves time: a build that cannot write it still builds, and says so once."""
    project = _unprivileged_project(shared_folder)
    edit(project / "mkdocs.yml", "      templates: templates\n", "      templates: templates\n      worksheets: none\n")
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)}
    env.pop("SOURCE_DATE_EPOCH", None)

    def build(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, sys.executable, "-m", "mkdocs", "build", *args], cwd=project, env=env, capture_output=True,
                              text=True, timeout=300)

    assert build().returncode == 0
    cache = project / ".cache" / "quizgen" / "teachers"
    before = tree_digest(cache)
    edit(project / "seeds" / "facts" / "bridge.yaml", "value: 3000", "value: 4000")  # the cached entry no longer fits
    cache.chmod(0o555)
    for args in ((), ("--strict",)):
        result = build(*args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "teachers' cache" in line]
        assert warnings == [f"quizgen: warning: the teachers' cache {cache} cannot be written (Permission denied); "
                            "the teachers' files were made without it"], result.stderr
        assert "4,000" in (project / "site" / "exports" / "questions.gift").read_text(encoding="utf-8")
    cache.chmod(0o755)
    assert tree_digest(cache) == before, "nothing in the cache was changed"
