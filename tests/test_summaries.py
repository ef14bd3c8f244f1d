"""The summaries as a reader relies on them: the briefing, the timeline, the comparison of the
sources and the article summaries (and so the reading handouts).

On the seed corpus (with its curated story), on the seed corpus without it, on the fixture corpus
about another event, and on generated corpora.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
import textstat
from hypothesis import HealthCheck, given, settings

from corpus_cases import BASE_CORPUS
from corpus_strategies import corpora, write_corpus
from quizgen.corpus_loader import load_corpus
from quizgen.generate.briefing import Briefing, briefing
from quizgen.generate.question_bank import build_question_bank
from quizgen.generate.source_comparison import compare_sources, fact_clusters
from quizgen.generate.summaries import article_summary, timeline, timeline_position
from quizgen.model.corpus import Corpus
from quizgen.model.readability import flesch_kincaid_grade, word_count
from quizgen.model.story import SECTION_TITLES, SECTIONS
from quizgen.render.environment import make_environments
from quizgen.render.escape import escape_markdown
from quizgen.render.site_pages import PageRenderer
from quizgen.worksheet.handout import handout_article, handout_summary

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@lru_cache(maxsize=None)
def _load(kind: str) -> Corpus:
    if kind == "seeds":
        return load_corpus(SEEDS, display_root="seeds")
    if kind == "base":
        return load_corpus(BASE_CORPUS, display_root="seeds")
    folder = Path(tempfile.mkdtemp()) / "seeds"  # the seed corpus without its curated story
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("briefing.yaml"))
    try:
        return load_corpus(folder, display_root="seeds")
    finally:
        shutil.rmtree(folder.parent)


class _SummaryPages:
    """The summary pages' Markdown, as a reader gets it."""

    def __init__(self, renderer: PageRenderer) -> None:
        self.renderer, self.corpus = renderer, renderer.corpus

    def briefing(self) -> str:
        return self.renderer.briefing().markdown

    def timeline(self) -> str:
        return self.renderer.timeline().markdown

    def sources(self) -> str:
        return self.renderer.sources().markdown


@lru_cache(maxsize=None)
def _pages(kind: str) -> _SummaryPages:
    corpus = _load(kind)
    markdown, html = make_environments()
    return _SummaryPages(PageRenderer(corpus, build_question_bank(corpus), markdown, html))


def _limits_hold(told: Briefing) -> None:
    """The promises every briefing keeps, curated or chosen."""
    assert len(told.key_points) <= 5
    assert sum(word_count(s.text) for s in told.key_points) <= 100
    assert word_count(told.prose) <= 400
    prose = [s for p in told.paragraphs for s in p.sentences] + [d.sentence for d in told.differences]
    texts = [s.text for s in prose]
    assert len(texts) == len(set(texts)), "no sentence twice"
    assert all(s.citations for s in [*told.key_points, *prose]), "every sentence cites its quotes"


# -- the briefing ---------------------------------------------------------------------------
def test_the_curated_briefing_keeps_its_limits_and_reads_at_grade_nine_or_below() -> None:
    told = briefing(_load("seeds"))
    assert told.curated and 3 <= len(told.key_points) <= 5
    _limits_hold(told)
    assert word_count(told.prose) >= 150, "a briefing, not a headline"
    whole = [*told.key_points, *(s for p in told.paragraphs for s in p.sentences), *(d.sentence for d in told.differences)]
    assert sum(word_count(s.text) for s in whole) <= 350, "key points, story and differences read in one go: about 300 words"
    assert flesch_kincaid_grade(told.prose) <= 9
    assert textstat.flesch_kincaid_grade(told.prose) <= 9, "by an independent count too"


def test_the_curated_briefing_tells_each_fact_once() -> None:
    story = _load("seeds").story
    assert story is not None
    told = [fid for p in story.paragraphs for s in p.sentences for fid in s.facts] + [fid for d in story.differences for fid in d.facts]
    assert len(told) == len(set(told))


def test_the_briefing_page_leads_with_key_points_then_the_story_in_narrative_order() -> None:
    page = _pages("seeds").briefing()
    headings = re.findall(r"^## (.+)$", page, re.MULTILINE)
    assert headings[0] == "Key points"
    story_headings = [h for h in headings if h in SECTION_TITLES.values()]
    assert story_headings == [SECTION_TITLES[s] for s in SECTIONS if SECTION_TITLES[s] in story_headings]
    assert headings.index("Where the sources differ") > headings.index(story_headings[-1])
    bullets = re.findall(r"^- .+$", page.split("## ", 2)[1], re.MULTILINE)
    assert 3 <= len(bullets) <= 5


def test_the_key_points_say_what_a_good_briefing_leads_with() -> None:
    points = " ".join(s.text for s in briefing(_load("seeds")).key_points)
    assert "train and advise" in points and '"any remaining combat forces"' in points
    assert "no date was set" in points, "no date agreed"
    assert "security adviser, Qassem al-Araji" in points, "the official named where he is first quoted"
    assert "not an agreement to begin a further withdrawal" in points and "no deal" not in points, "Kirby's own scope"
    assert "July 2021" in points and "hinted at a possible statement" in points and "in principle" in points \
        and "by the end of 2021" in points, "the July change, as a hint of a possible statement, 'in principle'"
    assert "Asharq Al-Awsat reported" in points and "an exit" not in points, "who reported the hint"
    assert "end before" not in points, "where the sources stop is no key point: the story's last line says it"


def test_the_story_does_not_retell_the_key_points() -> None:
    """The key points say the main things once; the prose and the differences add the rest (a
    fact in both reads as said twice)."""
    story = _load("seeds").story
    assert story is not None
    in_points = {fid for p in story.key_points for fid in p.facts}
    told = {fid for p in story.paragraphs for s in p.sentences for fid in s.facts} | {fid for d in story.differences for fid in d.facts}
    assert not in_points & told


def test_every_sentence_has_one_numbered_marker_whose_note_links_each_quote() -> None:
    renderer = _pages("seeds")
    page = renderer.briefing()
    body, _, notes = page.partition("## Sources")
    markers = re.findall(r"\[\\\[(\d+)\\\]\]\(#source-(\d+) \"Sources: [^\"]+\"\)", body)
    assert markers and all(a == b for a, b in markers)
    told = briefing(renderer.corpus)
    sentences = [*told.key_points, *(s for p in told.paragraphs for s in p.sentences), *(d.sentence for d in told.differences)]
    assert len(markers) == len(sentences), "one marker per sentence, no row of outlet names"
    for number in {int(n) for n, _ in markers}:
        note = re.search(rf'^{number}\. <a id="source-{number}"></a>.*?(?=^\d+\. |\Z)', notes, re.MULTILINE | re.DOTALL)
        assert note and re.search(r"\]\(articles/[^)]+#quote-", note.group()), number
    for outlet in renderer.corpus.outlets:  # outlet names stay out of the story's sentences
        assert not re.search(rf"\[{re.escape(outlet.name)}\]\(", body), outlet.name


def test_the_briefing_keeps_the_qualifiers_the_articles_give() -> None:
    prose = briefing(_load("seeds")).prose
    assert "not binding" in prose and '"large and precise strikes"' in prose and "unless a date was set" in prose
    assert "had paved the way for nearly 60 percent" in prose and "had let" not in prose and "already allowed" not in prose, \
        "Kadhimi's 60%: Rudaw's 'paved the way for the departure', neither a completed exit nor a future cut"
    assert 'the joint statement said the bases are "Iraqi bases" and serve only Iraq\'s fight against ISIS' in prose, \
        "the statement itself, told on 7 April: whose the bases are, and what the troops there do"
    assert "rockets had often been fired at bases" in prose, "the attacks behind the talks, not only the threat"
    assert " was Iraq's " not in prose and " was Mustafa " not in prose, "offices in apposition, not sentences of their own"
    assert "alone would now" not in prose, "Araji's 'will exclusively take over' is no change already made"
    assert "backed by Iran" not in prose and "linked to Iran" in prose, "'Iran backs them' is Washington's word in RT: the page's own voice stays neutral"
    assert "told The Wall Street Journal" in prose, "the July official's words came second-hand"
    assert prose.index("2003") < prose.index("Hours before the talks"), "background before the events"
    assert "2003" in prose and "2011" in prose and "went back" in prose, "'went back' explained"
    assert "al-Muhandis, deputy head of the Hashd al-Shaabi, a body of Iraqi armed groups" in prose, \
        "who the second man killed was, and what the Hashd is"
    assert "before Biden's planned meeting" in prose and "before Biden met" not in prose, "the meeting was still to come"
    assert "relabel" not in prose
    assert '"still needs US support"' not in prose, "Al Jazeera paraphrases the minister: no quotation marks"
    assert "only to train and advise" not in prose and "stay only" not in prose
    assert "In July 2021" in prose and "By July, US forces" not in prose, "the July material carries its date, and no change no source dates"


def test_the_differences_are_sorted_and_do_not_repeat_the_key_points() -> None:
    told = briefing(_load("seeds"))
    in_points = {fid for p in _load("seeds").story.key_points for fid in p.facts}
    for difference in told.differences:
        assert difference.kind in ("disagreement", "framing", "update", "correction")
        assert set(_load("seeds").story.differences[told.differences.index(difference)].facts) - in_points, difference.sentence.text
    page = _pages("seeds").briefing()
    section = page.split("## Where the sources differ", 1)[1].split("## Sources", 1)[0]
    assert "### Corrections" not in section, "a correction is no difference between sources"
    assert "### Two versions at the same time" not in section, "wording and stress are no two versions of one thing"
    assert "### Same facts, different words" in section and "Iran-backed" in section, "framings that differ"
    assert "Rudaw and Al Jazeera call the groups Iran-backed" in section and "Washington calls them" in section \
        and "Asharq Al-Awsat loyal to Iran" in section and "Al Jazeera linked to Iran" not in section, \
        "every outlet's words, and Al Jazeera's own 'Iran-backed' too"
    changed = section.split("### What changed over time", 1)[1]
    assert "In April no date was set" in changed and "headline called leaving by the end of 2021 an agreement, its text only a hint" in changed, \
        "the real change: no date, then a hinted date that one headline firms up"
    assert "advise and support" not in changed, "two lines that agree are no change"
    assert "lead with" not in section, "RT's lead gives the missing date too: no claim that it leaves it out"


@pytest.mark.parametrize("kind", ["uncurated", "base"])
def test_a_corpus_without_a_story_gets_a_briefing_within_the_same_limits(kind: str) -> None:
    told = briefing(_load(kind))
    assert not told.curated and told.key_points and told.paragraphs
    _limits_hold(told)
    ids = [s.fact_id for s in told.key_points] + [s.fact_id for p in told.paragraphs for s in p.sentences]
    assert len(ids) == len(set(ids)), "each fact once"
    assert "## Key points" in _pages(kind).briefing()


def test_no_briefing_sentence_rests_only_on_a_copy() -> None:
    corpus = _load("seeds")
    told = briefing(corpus)
    for sentence in [*told.key_points, *(s for p in told.paragraphs for s in p.sentences), *(d.sentence for d in told.differences)]:
        assert any(corpus.outlet_of(c.article).kind != "copy" for c in sentence.citations), sentence.text


# -- the timeline ---------------------------------------------------------------------------
def test_the_timeline_tells_each_event_once_in_the_order_it_happened() -> None:
    entries = timeline(_load("seeds"))
    assert len({e.fact_id for e in entries}) == len(entries)
    assert len({(e.date, e.title) for e in entries}) == len(entries)
    years = [e.date.year for e in entries if e.date.precision == "year"]
    assert len(years) == len(set(years)), "2014 once: ISIS's advance and the return of US troops are one event"
    keys = [timeline_position(e.date) for e in entries]
    assert keys == sorted(keys)
    order = [e.fact_id for e in entries]
    assert "dutch-consulate-correction-2021-04-08" not in order and "coalition-bases-handover-2020" not in order, "left out"
    same_day = [e.fact_id for e in entries if e.date.iso == "2021-04-07"]
    assert same_day[:3] == ["pmf-factions-threat-of-strikes", "dialogue-april-2021-round", "coalition-forces-departure-share"], \
        "Kadhimi spoke only 'earlier' than the statement: not placed before the talks"
    assert same_day[-1] == "committee-for-technical-talks-2021-04-07", "the threat came hours before the talks, the committee later"


def test_a_timeline_line_does_not_repeat_its_title_and_tells_hints_from_plans() -> None:
    page = _pages("seeds").timeline()
    lines = _timeline_lines(page)
    assert len(lines) == len(timeline(_load("seeds")))
    for date, line in lines:
        title, _, detail = line.partition("<br>")
        assert not detail or detail.split()[:4] != title.split()[:4], line
    hinted = [(date, line) for date, line in lines if "*(a hint" in line]
    assert hinted and all("(planned)" not in line for _, line in hinted)
    assert all(date == "July 2021" for date, _ in hinted), "a hint stands at the month it was hinted in, not as a dated event"
    assert "December 2021" not in page
    assert any("*(planned)*" in line for _, line in lines)


def _timeline_lines(page: str) -> list[tuple[str, str]]:
    """(date heading, entry line) for every entry: a date alone, or a date whose entries are nested under it."""
    rows, date = [], ""
    for line in page.split("## Sources", 1)[0].splitlines():
        if m := re.match(r"^- \*\*(.+?)\*\*(.*)$", line):
            date, rest = m.group(1), m.group(2)
            if rest != ":":
                rows.append((date, rest.removeprefix(": ")))
        elif line.startswith("    - ") and date:
            rows.append((date, line[6:]))
    return rows


def test_the_timeline_shows_each_date_once_and_ends_where_the_sources_do() -> None:
    page = _pages("seeds").timeline()
    dates = re.findall(r"^- \*\*(.+?)\*\*", page, re.MULTILINE)
    assert len(dates) == len(set(dates)), "same-day events under one date heading"
    nested = [date for date, _ in _timeline_lines(page)]
    assert nested.count("7 April 2021") >= 4
    assert "The sources stop before the meeting planned for 26 July" in page.split("## Sources", 1)[0]


def test_the_timeline_headings_keep_the_sources_qualifiers() -> None:
    lines = _timeline_lines(_pages("seeds").timeline())
    assert any("non-binding" in line for date, line in lines if date == "January 2020")
    assert any("in Syria" in line for date, line in lines if date == "March 2019")
    assert any('"any remaining combat forces"' in line and "training and advising" in line for date, line in lines if date == "7 April 2021"), \
        "the joint statement's entry says what it said"
    assert not any("only train" in line for _, line in lines), "the statement says 'focused on', not 'only'"
    assert any("redefine the role of some forces" in line for date, line in lines if date == "July 2021"), \
        "the July hint stands beside the official who spoke of roles, not numbers"
    assert not any("Dutch" in line for _, line in lines), "a correction's denial is no event of this story"
    assert not any("<br>" in line for _, line in lines if "backed by Iran threaten" in line), "a curated heading has no line under it"


def test_a_copy_is_left_out_of_a_note_when_an_outlet_gives_the_same_fact() -> None:
    page = _pages("seeds").briefing()
    notes = page.split("## Sources", 1)[1]
    for note in re.split(r"^\d+\. ", notes, flags=re.MULTILINE)[1:]:
        if "(a copy)" in note:
            assert not re.search(r"\[(Rudaw|RT|Al Jazeera|Asharq Al-Awsat),", note), note[:200]


# -- how the sources compare ---------------------------------------------------------------
def test_every_outlet_gets_the_same_notes_and_the_copy_is_not_listed_as_an_outlet() -> None:
    page = _pages("seeds").sources()
    outlets_part, _, rest = page.partition("## Copies, not outlets")
    for outlet in _load("seeds").outlets:
        part = outlets_part if outlet.kind == "outlet" else rest
        block = part.split(f"### {outlet.name}\n", 1)[1].split("\n### ", 1)[0]
        assert outlet.owner and escape_markdown(outlet.owner) in block, outlet.id
        assert outlet.editorial_line and escape_markdown(outlet.editorial_line) in block, outlet.id
        assert "**What its text shows:**" in block
    assert "Unidentified republishing site" not in outlets_part.split("## The outlets", 1)[1]


def test_the_copy_is_named_as_a_copy_wherever_it_is_cited() -> None:
    copies = [o.name for o in _load("seeds").outlets if o.kind == "copy"]
    assert copies
    for page in (_pages("seeds").briefing(), _pages("seeds").timeline(), _pages("seeds").sources()):
        for name in copies:
            cited = re.findall(rf"{re.escape(name)}(?! \(a copy\))\]\(", page) + re.findall(rf"{re.escape(name)}(?! \(a copy\))[,\"]", page)
            assert not cited, cited


def test_corroboration_counts_clusters_not_restatements() -> None:
    corpus = _load("seeds")
    comparison = compare_sources(corpus)
    clusters = fact_clusters(corpus, [f for f in corpus.facts if f.kind != "role"])
    cluster_of = {f.id: i for i, c in enumerate(clusters) for f in c}
    listed = [cluster_of[f.id] for f, _ in comparison.corroborated]
    assert len(listed) == len(set(listed))
    restating = cluster_of["claim-remaining-combat-troops-to-leave"]
    assert cluster_of["joint-statement-training-and-advisory-mission"] == restating
    for row in comparison.coverage:
        assert row.fact_count <= len({cluster_of[f.id] for f in corpus.facts if f.kind != "role"})


def test_a_copy_never_counts_as_corroboration() -> None:
    corpus = _load("seeds")
    comparison = compare_sources(corpus)
    copies = {o.id for o in corpus.outlets if o.kind == "copy"}
    assert copies and comparison.corroborated
    for fact, outlets in comparison.corroborated:
        assert len(outlets) >= 2 and not copies & set(outlets), fact.id
        assert all(corpus.outlet_of(s.article).id not in copies for s in fact.sources), fact.id
    assert "joint-statement-success-of-partnership" not in {f.id for f, _ in comparison.corroborated}, "Al Jazeera plus the copy is one witness"


def test_every_count_on_the_sources_page_is_the_length_of_a_list_it_shows() -> None:
    corpus = _load("seeds")
    comparison = compare_sources(corpus)
    corrected = {"claim-krg-official-dutch-supervision", "dutch-consulate-correction-2021-04-08"}
    for row in comparison.coverage:
        assert row.fact_count == len(row.shared) + len(row.only_here)
        assert not corrected & {f.id for f in (*row.shared, *row.only_here)}, "a correction is not a fact"
        if row.outlet.kind != "copy":
            assert len(row.shared) == sum(row.outlet.id in outlets for _, outlets in comparison.corroborated)
    assert "Facts it reports:" not in _pages("seeds").sources(), "with the curated table, no count points to a list not shown"
    corpus = _load("base")
    comparison = compare_sources(corpus)
    page = _pages("base").sources()
    only_part = page.split("## What only one source reports", 1)[1]
    for row in comparison.coverage:
        block = only_part.split(f"### {row.outlet.name}", 1)[1].split("\n### ", 1)[0] if row.only_here else ""
        assert block.count("\n- ") == len(row.only_here), row.outlet.id
        assert f"{row.fact_count}: {len(row.shared)} that" in page


def test_the_sources_page_sets_the_headlines_side_by_side() -> None:
    corpus = _load("seeds")
    table = _pages("seeds").sources().split("## The headlines side by side", 1)[1].split("\n## ", 1)[0]
    for article in corpus.articles:
        assert escape_markdown(article.meta.headline) in table, article.id
    row = next(line for line in table.splitlines() if "Asharq Al-Awsat |" in line)
    assert "hinted" in row, "the headline set against the article's own text"
    assert "Headline |" in _pages("base").sources(), "any corpus gets the headlines, with or without notes"


def test_a_correction_and_an_april_to_july_change_are_not_listed_as_disagreements() -> None:
    comparison = compare_sources(_load("seeds"))
    kinds = {frozenset((d.sentence.fact_id, d.versions[0].fact_id)): d.kind for d in comparison.differences}
    assert kinds[frozenset(("claim-krg-official-dutch-supervision", "dutch-consulate-correction-2021-04-08"))] == "correction"
    assert kinds[frozenset(("claim-no-timeline-for-withdrawal", "claim-us-officials-hint-exit-by-end-2021"))] == "update"
    assert kinds[frozenset(("claim-kirby-not-agreement-to-withdraw", "araji-quote-significant-number-of-forces"))] == "disagreement"
    page = _pages("seeds").sources()
    disagreements = re.split(r"\n##+ ", page.split("### Two versions at the same time", 1)[1], maxsplit=1)[0]
    assert "Dutch" not in disagreements and "by the end of 2021. (Asharq" not in disagreements.split("\n- ")[1]


def test_only_clashes_between_sources_are_listed_each_once() -> None:
    corpus = _load("seeds")
    differences = compare_sources(corpus).differences
    def outlets(fact_id: str) -> set[str]:
        return {corpus.outlet_of(s.article).id for s in corpus.fact(fact_id).sources if corpus.outlet_of(s.article).kind != "copy"}
    told: list[str] = []
    for d in differences:
        if d.kind == "correction":
            continue
        first, second = d.sentence.fact_id, d.versions[0].fact_id
        assert outlets(first) and outlets(second), "a version only a copy gives is no version"
        assert not outlets(first) & outlets(second), "an outlet does not disagree with itself"
        told += [first, second]
    disagreeing = {f for d in differences if d.kind == "disagreement" for f in (d.sentence.fact_id, d.versions[0].fact_id)}
    assert not any(d.kind == "update" and d.sentence.fact_id in disagreeing for d in differences), "a split going on is no update"
    assert [d.kind for d in differences].count("disagreement") == 1
    page = _pages("seeds").sources()
    assert "two governments" in re.split(r"\n##+ ", page.split("### Two versions at the same time", 1)[1], maxsplit=1)[0]
    assert "*Al-Kadhimi*" not in page, "a capital letter is no other spelling"
    corrections = re.split(r"\n##+ ", page.split("### Corrections", 1)[1], maxsplit=1)[0]
    assert "The difference:" not in corrections, "a correction is told once, not three times"


def test_a_copy_is_dated_by_its_page_and_an_unprinted_date_is_marked() -> None:
    page = _pages("seeds").sources()  # the briefing cites no copy: an outlet gives all it says
    assert "(a copy\\), page dated 23 April 2021" in page and "(a copy\\), 23 April 2021" not in page
    assert "Al Jazeera, 7 April 2021 \\(date not printed; inferred\\)" in _pages("seeds").briefing()


# -- article summaries and handouts ----------------------------------------------------------
@pytest.mark.parametrize("kind", ["seeds", "uncurated", "base"])
def test_an_article_summary_cites_only_its_own_article(kind: str) -> None:
    corpus = _load(kind)
    for article in corpus.articles:
        summary = article_summary(corpus, article)
        assert summary and len(summary) <= 7
        assert all(c.article == article.id for s in summary for c in s.citations), article.id
        others = [o.name for o in corpus.outlets if o.id != article.meta.outlet]
        assert not any(re.search(rf"\b{re.escape(name)}\b", s.text) for s in summary for name in others), article.id


def test_a_handout_shows_only_its_articles_details() -> None:
    corpus = _load("seeds")
    rudaw = corpus.article("rudaw-2021-04-07")
    summary = handout_summary(corpus, rudaw)
    assert 3 <= len(summary) <= 7
    text = " ".join(s.text for s in summary)
    assert word_count(text) / len(summary) <= 20 and flesch_kincaid_grade(text) <= 11, "short sentences a student reads"
    assert "al-Muhandis" not in text and "Al Jazeera" not in text, "a detail only another article gives"
    for sentence in summary:
        def flat(text: str) -> str:
            return " ".join(text.replace("“", '"').replace("”", '"').split())
        assert sentence.quotes and all(flat(q)[:20] in flat(rudaw.published_text) for q in sentence.quotes)
    assert "60 percent" in text and "no foreign military bases" in text, "Rudaw's own key points"
    assert "8 April 2021" in text and "Dutch would not lead supervision" in text and "run the base" not in text, \
        "the handout tells of the 8 April correction: supervision, as Rudaw says"
    assert text.index("joint statement") < text.index("Before the talks"), "the article's main news first"
    assert "firmer than the statement" in text, "firmer than what, said plainly"
    about = handout_article(corpus, rudaw)
    assert "first-hand" not in about.reliability and about.editorial_line and "KDP" in about.editorial_line


# -- any corpus ------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corpora())
def test_generated_corpora_get_summaries_that_keep_every_promise(files: dict[str, str]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        corpus = load_corpus(write_corpus(files, folder / "seeds"), display_root="seeds")
        told = briefing(corpus)
        _limits_hold(told)
        entries = timeline(corpus)
        assert len({e.fact_id for e in entries}) == len(entries)
        assert [timeline_position(e.date) for e in entries] == sorted(timeline_position(e.date) for e in entries)
        for article in corpus.articles:
            assert all(c.article == article.id for s in article_summary(corpus, article) for c in s.citations)
    finally:
        shutil.rmtree(folder)


def test_the_sources_page_sums_up_each_source_in_short_lists_not_a_list_of_every_fact() -> None:
    corpus = _load("seeds")
    page = _pages("seeds").sources()
    section = page.split("## What each source adds", 1)[1].split("\n## Sources", 1)[0]
    outlets = re.split(r"^### ", section, flags=re.MULTILINE)[1:]
    names = [block.splitlines()[0] for block in outlets]
    assert "a copy" in names[-1] and not any("a copy" in n for n in names[:-1]) and len(names) == 5, "each outlet, then the copy apart"
    lines = [line for block in outlets for line in block.splitlines() if line.startswith("- ")]
    assert lines and all(re.search(r"<sup>\[\\\[\d+\\\]\]\(#source-\d+ ", line) for line in lines), "numbered notes, no '(quote)'"
    assert "| " not in section and "<br>" not in section, "no table whose cells need line breaks"
    assert "[quote]" not in section
    copy = outlets[-1]
    assert "no outlet prints them in these words" in copy and "Al Jazeera reports a similar remark by Kirby" in copy, \
        "what only the copy says, and what the outlets do confirm of it"
    notes = page.split("\n## Sources", 1)[1]
    assert re.search(r"^1\. <a id=\"source-1\"></a>", notes, re.MULTILINE), "each number has its note with the quote"
    assert "## What only one source reports" not in page and " reported that " not in section
    assert "(most sources)" not in page and "Read also" not in page, "no claim the counts do not bear; no uneven criticism"
    assert "\\\\(" not in page, "corpus text is escaped once, not twice"
    shown = re.sub(r"\]\([^)]*\)|\(#[^)]*\)|id=\"[^\"]*\"", "", page)
    assert not any(article.id in shown for article in corpus.articles), "no internal file label on a student page"


def test_the_sources_page_lists_what_most_sources_agree_on_with_the_outlets_that_say_it() -> None:
    page = _pages("seeds").sources()
    section = page.split("## What two or more outlets report", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert 5 <= len(lines) <= 10 and " reported that " not in section
    for line in lines:
        assert len(re.findall(r"\[(Rudaw|RT|Al Jazeera|Asharq Al-Awsat)\]", line)) >= 2, line
        assert "(a copy)" not in line, "a copy is no witness"
    assert any("2014" in line and "Rudaw" in line and "RT" in line for line in lines), "the 2014 return is shared"
    assert any("parliament" in line for line in lines) and any("rocket attacks" in line for line in lines)
    assert not any("at Iraq's request" in line for line in lines), "a detail one outlet gives is not what several say"


def test_a_difference_that_names_outlets_cites_only_their_quotes() -> None:
    corpus = _load("seeds")
    for difference in briefing(corpus).differences:
        named = {o.id for o in corpus.outlets if re.search(rf"\b{re.escape(o.name)}\b", difference.sentence.text)}
        if named:
            assert {corpus.outlet_of(c.article).id for c in difference.sentence.citations} <= named, difference.sentence.text
