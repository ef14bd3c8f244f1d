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
from quizgen.worksheet.handout import (
    handout_article,
    handout_corrections,
    handout_glossary,
    handout_summary,
    render_reading_handout,
)
from quizgen.worksheet.worksheet_html import PageSetup

from corpus_cases import BASE_CORPUS
from corpus_strategies import corpora, write_corpus

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
    # The round-10 reviewers rated 400 words too long for a 15-year-old (a good briefing is 250 to
    # 280) and asked for Iraq's July demand, the reason for the hinted statement and the caveat
    # beside it: the background, the Kadhimi figure and the labels bullet were cut to make room.
    # 390: the blind reviews asked for the talks to be explained where first named, which costs words;
    # 400: round s25 read the July hint cut short ("hinted US forces would leave") as more than the
    # hint of a statement that the article reports, and round s24 asked what Iraq did on 7 April
    assert sum(word_count(s.text) for s in whole) <= 400, "key points, story and differences read in one go"
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
    """The news first (what was said on 7 April, and that no date was set), then July's hint in its
    article's words, then the caveat beside it, each with its source: round 19 asked for the role
    against the numbers, round 20 found "US combat forces" stricter than the article's "US forces"
    and "US experts saw no change" unsourced in a key point. The two readings of the statement
    (Iraq's adviser, the Pentagon) are the briefing's one disagreement, told once below."""
    told = briefing(_load("seeds"))
    points = [s.text for s in told.key_points]
    said, july, caveat = points
    assert "7 April 2021" in said and "training and advising" in said and "combat troops could leave" in said \
        and "only" not in said, "what the statement said leads, in its own scope ('focused on', not 'only')"
    assert said.endswith("No date was set."), "what it left open, in the same line"
    assert "July 2021" in july and "end of 2021" in july and "in principle" in july and "US forces would leave" in july \
        and "hinted a statement might announce, in principle," in july, \
        "the July hint in its article's words (round 20), with the article's own 'withdrawal of combat forces' beside it: " \
        "round 21 read 'US forces would leave' alone as every US soldier going"
    assert "Asharq Al-Awsat said on 24 July 2021" in july and caveat.startswith("Officials gave no details of how combat " \
        "forces would go. It also cited a US official in The Wall Street Journal") \
        and "new roles for some forces, not fewer troops" in caveat, \
        "how much changes: a role more than a number, with who said it and who reported that; the hint and the " \
        "caveat in one report of one day (round s24 read 'In July ... Yet by 24 July' as a change of mind)"
    (readings,) = [d.sentence.text for d in told.differences]
    assert "pledged to withdraw a significant number" in readings and "not an agreement to begin a further withdrawal" in readings, \
        "Iraq's reading beside the Pentagon's, in Kirby's own scope"
    assert "words" not in readings and "Al Jazeera sums up what the Pentagon" in readings and "Rudaw quoted" in readings, \
        "Kirby's side is Al Jazeera's paraphrase, said as one: not 'two officials' words'"
    assert "end before" not in " ".join(points), "where the sources stop is no key point: the story's last line says it"
    page = _pages("seeds").briefing().split("## Sources", 1)[0]
    assert "Pentagon, the US defence department," in page, "a word a student may not know, explained where it is first used"


def test_the_story_of_7_april_says_what_the_talks_ended_with_and_how_big_the_force_was() -> None:
    told = briefing(_load("seeds"))
    sections = {p.title: " ".join(s.text for s in p.sentences) for p in told.paragraphs}
    day = sections["What happened on 7 April"]
    # the new mission is key point 1, said there only: the blind reviews found the story repeating every key point
    assert "training and advising" in told.key_points[0].text and "training and advising" not in day \
        and "No date was set" in told.key_points[0].text and "technical talks" not in day, \
        "the joint statement's new mission and open date are key point 1, said there only (round s23 read " \
        "'left the timing to later technical talks' under 7 April as the key point said twice)"
    assert "The series of talks began under Trump in June 2020; 7 April was its first round under Biden" in day \
        and "Iraq's army spokesman said a committee would agree with the US how and when" in day, \
        "the dialogue began under Trump, this round was Biden's first (round s23 read 'the talks, begun under " \
        "Trump' as these talks begun under Trump), and what Iraq did next (round s24: the section did not say " \
        "what happened on the day)"
    assert "By 15 January 2021 a cut ordered by Trump had left 2,500 US troops" in told.prose, \
        "the size of the US force, dated by when it fell to 2,500 (not by when Trump ordered the cut)"
    assert "By 24 July 2021" in sections["What came next"] and "In July 2021" not in told.prose, "the July items dated by their source"


def test_the_key_points_are_said_once_and_the_story_tells_the_rest() -> None:
    """The key points come first and are not told again: three rounds of blind reviewers (17, 19
    and 20) found the story restating every key point, about 60 of its words, and rated the
    briefing's readability 3 for it. Each is one line, with room to name the source of a July claim."""
    story = _load("seeds").story
    assert story is not None
    told = {fid for p in story.paragraphs for s in p.sentences for fid in s.facts} | {fid for d in story.differences for fid in d.facts}
    for point in story.key_points:
        assert not set(point.facts) & told, point.text
        assert word_count(point.text) <= 30, point.text


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
    assert "coalition troops to leave" not in prose and "had let" not in prose and "already allowed" not in prose
    assert "coalition" not in prose and "strategic dialogue" not in prose and "Islamic State group (ISIS)" in prose, \
        "no jargon left unexplained: the words the page uses are plain or glossed where first used"
    assert "rockets have often been fired at bases" in prose, "the attacks behind the talks, not only the threat"
    next_part = prose[prose.index("By 24 July 2021"):]
    assert '"does not need fighters"' in next_part and "air cover" in next_part, "what Iraq asked for in July"
    # the hint and the caveat beside it are key points 2 and 3, said there only
    assert "hinted" not in next_part and "The Wall Street Journal" not in next_part
    assert "quoted as saying a statement after it would aim to ease pressure" in next_part, \
        "why the statement was wanted: its aim, not a result, second-hand as the paper has it"
    assert "It added, citing US officials, that US forces did almost no fighting beyond coordinating with Iraq's " \
        "forces in their campaigns against terrorists. They fought only when attacked, as was happening then." in next_part, \
        "what 'combat forces' leaving meant: three rounds of reviewers asked for it, in one clause, not as a " \
        "contradiction; round s23 read 'except beside Iraq's forces' as more than 'outside the scope of " \
        "coordination', and missed the article's 'as is happening now'; round s24 read 'joint campaigns' as " \
        "equal partners, where the campaigns are Iraq's; round s25 found 'according to US officials' covering both"
    assert "US experts, Asharq Al-Awsat reported," in next_part and "daily work" in next_part, \
        "how much the change meant, with who said it"
    assert "No source here was written after the meeting" in next_part, "where the sources stop"
    assert "new label" not in prose and "practically" not in prose, "no verdict of the page's own, and no pair that reads as a contradiction"
    assert " was Iraq's " not in prose and " was Mustafa " not in prose, "offices in apposition, not sentences of their own"
    assert "alone would now" not in prose, "Araji's 'will exclusively take over' is no change already made"
    assert "backed by Iran" not in prose and "linked to Iran" not in prose and "Rudaw calls them Iran-backed" in prose, \
        "'Iran backs them' is Washington's word in RT: round 22 asked for the label credited, as the timeline does"
    assert "cited a US official in The Wall Street Journal" in briefing(_load("seeds")).key_points[2].text, \
        "the July official's words came second-hand, via both papers"
    assert prose.index("2011") < prose.index("Hours before"), "background before the events"
    assert "2011" in prose and "went back" in prose, "'went back' explained"
    assert "Hashd" not in prose or "a body of Iraqi armed groups" in prose, "the Hashd explained if it is named"
    assert "Biden was to meet" in prose and "a statement after it would aim" in prose, \
        "the meeting was still to come, and the statement after it"
    assert "relabel" not in prose
    assert '"still needs US support"' not in prose, "Al Jazeera paraphrases the minister: no quotation marks"
    assert "only to train and advise" not in prose and "stay only" not in prose
    assert "By 24 July 2021" in prose and "By July, US forces" not in prose, "the July material carries its date, and no change no source dates"


def test_the_briefing_lists_the_real_disagreement_and_leaves_wordings_to_the_sources_page() -> None:
    told = briefing(_load("seeds"))
    assert [d.kind for d in told.differences] == ["disagreement"], "two versions of one thing at one time"
    page = _pages("seeds").briefing()
    section = page.split("## Where the sources differ", 1)[1].split("## Sources", 1)[0]
    assert "### Corrections" not in section, "a correction is no difference between sources"
    assert "### Two versions at the same time" in section and "Qassem al-Araji" in section \
        and "not an agreement to begin a further withdrawal" in section, "Iraq's adviser against the Pentagon, in Kirby's own scope"
    assert "### Same facts, different words" not in section and "Washington calls them" not in section, \
        "the outlets' labels for the armed groups are told once, on the sources page"
    assert "Washington calls them" in _section(_pages("seeds").sources(), "Where the reports differ")
    assert "### What changed over time" not in section and "no date was set" not in section, \
        "the change from no date to a hinted one is a key point: not said twice"
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
    assert "dutch-consulate-correction-2021-04-08" not in order, "left out"
    assert "coalition-bases-handover-2020" in order, "the 2020 handovers: the coalition had shrunk before April 2021"
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
    body = page.split("## Sources", 1)[0]
    assert "written before that meeting, so none can say what came of it" in body, "where the sources end"
    assert "stop before the meeting planned for 26 July" not in body, "the closing line does not repeat the 26 July entry"


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
# 1,000 until round 19, whose reviewers asked for the page's main finding in its first line and
# for the list of what only the copy says (no outlet here confirms it): about 180 words more
SOURCES_PAGE_WORDS = 1200
"""The curated sources page as a reader counts it (link labels, table cells): the headlines, who
the outlets are, the copy warning, a few real differences and the short lists of changes and
corrections, read in one go. The reviewed page, which listed what each source adds and nine
lines of agreement, had 1,422 words by this count; 850 became 950 when the round-10 reviewers
asked for the caveat beside the July hint, the statement's "redeployment" beside RT's "agrees to
withdraw" and the 2014 return among what the outlets agree on; 1,000 when the round-13 and 14
reviewers asked for the headline notes as plain sentences and the "allowing for" lesson."""
OUTLET_FIELDS = ("Owned or funded by", "Stance", "What its text shows")


def _section(page: str, title: str) -> str:
    """The text under a `## title` heading, up to the next `## ` heading ('' if there is none)."""
    parts = re.split(rf"^## {re.escape(title)}\n", page, maxsplit=1, flags=re.MULTILINE)
    return re.split(r"^## ", parts[1], maxsplit=1, flags=re.MULTILINE)[0] if len(parts) == 2 else ""


def _reader_words(markdown: str) -> int:
    """The words a reader sees: link labels, not addresses; no markup, escapes or notes."""
    body = re.split(r"^## Sources\n", markdown, maxsplit=1, flags=re.MULTILINE)[0]
    body = re.sub(r"\]\([^)]*\)", "]", re.sub(r"<[^>]+>", " ", body))
    return word_count(re.sub(r"[\\|*#\[\]]", " ", body))


def _outlet_blocks(page: str) -> dict[str, str]:
    """Each source's block under "Who the outlets are" and the copy warning, by its heading."""
    blocks = {}
    for title in ("Who the outlets are", "A copy, not a witness"):
        for block in re.split(r"^### ", _section(page, title), flags=re.MULTILINE)[1:]:
            name, _, rest = block.partition("\n")
            blocks[name] = rest
    return blocks


def _same_fields_each_with_a_source(corpus: Corpus, page: str) -> None:
    blocks = _outlet_blocks(page)
    assert set(blocks) == {o.name for o in corpus.outlets if corpus.articles_of(o.id)}, "every source, each once"
    for outlet in corpus.outlets:
        if outlet.name not in blocks:
            continue
        lines = [line for line in blocks[outlet.name].splitlines() if line.startswith("- **")]
        fields = [re.match(r"- \*\*(.+?):\*\*", line).group(1) for line in lines]  # type: ignore[union-attr]
        assert tuple(fields[:3]) == OUTLET_FIELDS, (outlet.id, fields)
        for line in lines[:3]:
            assert re.search(r"\(source: .+\)$", line) or line.endswith(("(no source recorded)", ":** not recorded")), line
    in_outlets = _section(page, "Who the outlets are")
    assert not any(f"### {o.name}\n" in in_outlets for o in corpus.outlets if o.kind == "copy"), "a copy is no outlet"


def _differences_are_only_clashes(corpus: Corpus, page: str) -> None:
    """Corrections and changes over time have their own short lists; under "Where the reports
    differ" stand only versions that differ at one time."""
    differ = _section(page, "Where the reports differ")
    for difference in compare_sources(corpus).differences:
        told = escape_markdown(difference.sentence.text)
        if difference.kind == "correction":
            assert told not in differ and told in _section(page, "Corrections"), told
        elif difference.kind == "update":
            assert told not in differ and told in _section(page, "What changed over time"), told
        else:
            assert told in differ, told


def test_the_curated_sources_page_is_the_headlines_the_outlets_the_copy_and_a_few_differences() -> None:
    page = _pages("seeds").sources()
    assert _reader_words(page) <= SOURCES_PAGE_WORDS, _reader_words(page)
    headings = re.findall(r"^## (.+)$", page, re.MULTILINE)
    assert headings[:3] == ["The headlines side by side", "Who the outlets are", "A copy, not a witness"]
    assert set(headings) <= {"The headlines side by side", "Who the outlets are", "A copy, not a witness", "What the outlets agree on",
                             "Where the reports differ", "What changed over time", "Corrections", "Sources"}, headings
    entries = [line for line in _section(page, "Where the reports differ").splitlines() if line.startswith("- ")]
    # real clashes only (a reading of the page's own is none); since round 14 each version of a
    # clash is a line of its own, not a sub-point, so one clash of two versions and its note is 3
    assert 1 <= len(entries) <= 6, entries
    assert "similar" not in page, "two Kirby remarks on different things are not one remark"


def test_the_curated_sources_page_opens_with_its_main_finding_and_says_what_only_the_copy_says() -> None:
    """Two round-19 blind reviewers rated the page 3 of 5 for a 15-year-old: it never said in one
    plain line what the comparison shows, told readers to "check what only it says" of the copy
    without saying what that is, and left "content spinners" and the copy's notice unexplained."""
    page = _pages("seeds").sources()
    intro = page.split("## ", 1)[0]
    assert "the statement itself only says" in intro and "([Rudaw](" in intro, "the main finding first, with its sources"
    copy = _section(page, "A copy, not a witness")
    assert "What only the copy reports" in copy and "no details had been worked out on the timing" in copy, \
        "what only the copy says, listed: no outlet here confirms it"
    assert "check what only it says" not in copy
    only = copy.split("What only the copy reports", 1)[1]
    assert "A website that republished" not in only and "John Kirby told reporters" in only, \
        "round 20-21: each line is what the copy says, in one form; the heading says whose it is"
    assert "software that rewrites" in copy and "warns" in copy, "content spinners and the notice, in plain words"
    outlets = _section(page, "Who the outlets are")
    assert "only named outlet" not in outlets, "Al Jazeera is not the only source of the Pentagon's reading: the copy quotes Kirby"
    # round 20 found "a sign of doubt" more than the punctuation shows: it marks whose word it is
    assert "marking it as Washington's word" in outlets, "what quotation marks around 'resurgence' signal"


@pytest.mark.parametrize("kind", ["seeds", "uncurated"])
def test_each_version_of_a_change_over_time_says_when_it_was_reported(kind: str) -> None:
    """A change over time is two dates: each version opens with the day its sources reported it."""
    lines = [line.strip() for line in _section(_pages(kind).sources(), "What changed over time").splitlines() if line.strip().startswith("- ") and "*The difference:*" not in line]
    assert lines
    dated = [re.match(r"- \*\*(\d{1,2} \w+ \d{4}):\*\* ", line) for line in lines]
    assert all(dated), lines
    days = [d.group(1) for d in dated if d]
    assert "7 April 2021" in days and "24 July 2021" in days, days


@pytest.mark.parametrize("kind", ["seeds", "uncurated", "base"])
def test_every_outlet_gets_the_same_fields_each_with_a_source(kind: str) -> None:
    _same_fields_each_with_a_source(_load(kind), _pages(kind).sources())


def test_the_outlet_notes_come_from_outlets_yaml_with_their_reference_pages() -> None:
    corpus = _load("seeds")
    blocks = _outlet_blocks(_pages("seeds").sources())
    for outlet in corpus.outlets:
        block = blocks[outlet.name]
        assert outlet.owner and escape_markdown(outlet.owner) in block and outlet.editorial_line and escape_markdown(outlet.editorial_line) in block
        if outlet.kind != "copy":
            assert "(source: [en.wikipedia.org](https://en.wikipedia.org/" in block, outlet.id
    assert "[mei.edu](https://mei.edu/" in blocks["Rudaw"].split("**Stance:**", 1)[1].splitlines()[0], "the KDP link's own source"


@pytest.mark.parametrize("kind", ["seeds", "uncurated", "base"])
def test_corrections_and_changes_over_time_are_not_listed_as_differences(kind: str) -> None:
    _differences_are_only_clashes(_load(kind), _pages(kind).sources())


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
    assert "Facts it reports:" not in _pages("seeds").sources(), "with the curated story, no count points to a list not shown"
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
    table = _section(_pages("seeds").sources(), "The headlines side by side")
    for article in corpus.articles:
        assert escape_markdown(article.meta.headline) in table, article.id
    row = next(line for line in table.splitlines() if "Asharq Al-Awsat |" in line)
    assert "only a hint" in row, "the headline set against the article's own text"
    row = next(line for line in table.splitlines() if line.startswith("| RT |"))
    assert "date to be determined" in row, "what RT's own text says, not only what its headline stresses"
    assert "Headline |" in _pages("base").sources(), "any corpus gets the headlines, with or without notes"


def test_a_correction_and_an_april_to_july_change_are_not_listed_as_disagreements() -> None:
    comparison = compare_sources(_load("seeds"))
    kinds = {frozenset((d.sentence.fact_id, d.versions[0].fact_id)): d.kind for d in comparison.differences}
    assert kinds[frozenset(("claim-krg-official-dutch-supervision", "dutch-consulate-correction-2021-04-08"))] == "correction"
    assert kinds[frozenset(("claim-no-timeline-for-withdrawal", "claim-us-officials-hint-exit-by-end-2021"))] == "update"
    assert kinds[frozenset(("claim-kirby-not-agreement-to-withdraw", "araji-quote-significant-number-of-forces"))] == "disagreement"
    page = _pages("seeds").sources()
    differ = _section(page, "Where the reports differ")
    assert "Dutch" not in differ and "by the end of 2021. (Asharq" not in differ
    assert "Dutch" in _section(page, "Corrections") and "by the end of 2021" in _section(page, "What changed over time")
    changed = _section(page, "What changed over time")
    assert changed.index("by the end of 2021") < changed.index("rather than reduce the US presence"), \
        "the July hint with its own article's caveat beside it: a change over time told from both sides"


def test_only_clashes_between_sources_are_listed_each_once() -> None:
    corpus = _load("seeds")
    differences = compare_sources(corpus).differences
    def outlets(fact_id: str) -> set[str]:
        return {corpus.outlet_of(s.article).id for s in corpus.fact(fact_id).sources if corpus.outlet_of(s.article).kind != "copy"}
    for d in differences:
        if d.kind == "correction":
            continue
        first, second = d.sentence.fact_id, d.versions[0].fact_id
        assert outlets(first) and outlets(second), "a version only a copy gives is no version"
        assert not outlets(first) & outlets(second), "an outlet does not disagree with itself"
    disagreeing = {f for d in differences if d.kind == "disagreement" for f in (d.sentence.fact_id, d.versions[0].fact_id)}
    assert not any(d.kind == "update" and d.sentence.fact_id in disagreeing for d in differences), "a split going on is no update"
    assert [d.kind for d in differences].count("disagreement") == 1
    page = _pages("seeds").sources()
    differ = _section(page, "Where the reports differ")
    # round 20 found a note restating the two versions above it: it says only who reports which
    assert "On this point Rudaw quotes only Iraq&#39;s adviser, and Al Jazeera sums up only the Pentagon" in differ, "who reports whom"
    assert differ.count("Qassem al-Araji") == 1, "the briefing's words for a pair the facts record are not listed beside it"
    assert "*Al-Kadhimi*" not in page, "a capital letter is no other spelling"
    assert "The difference:" not in _section(page, "Corrections"), "a correction is told once, not three times"


def test_a_copy_is_dated_by_its_site_not_as_its_articles_date() -> None:
    page = _pages("seeds").sources()
    assert escape_markdown("23 April 2021 (the site's date, not the article's)") in page
    assert "page dated" not in page and "| 23 April 2021 |" not in page
    assert "Al Jazeera, 7 April 2021 \\(date not printed; inferred\\)" in _pages("seeds").briefing()


def test_what_the_outlets_agree_on_counts_each_cluster_once_with_the_outlets_that_say_it() -> None:
    corpus = _load("seeds")
    page = _pages("seeds").sources()
    lines = [line for line in _section(page, "What the outlets agree on").splitlines() if line.startswith("- ")]
    assert 2 <= len(lines) <= 4
    for line in lines:
        assert len(re.findall(r"\[(Rudaw|RT|Al Jazeera|Asharq Al-Awsat)\]", line)) >= 2, line
        assert "(a copy)" not in line, "a copy is no witness"
    clusters = fact_clusters(corpus, [f for f in corpus.facts if f.kind != "role"])
    cluster_of = {f.id: i for i, c in enumerate(clusters) for f in c}
    told = [{cluster_of.get(fid, fid) for fid in line.facts} for line in corpus.story.agree]  # type: ignore[union-attr]
    for i, a in enumerate(told):
        for b in told[i + 1:]:
            assert not a & b, "two lines that restate one fact say it twice"
    assert "2,500" not in "".join(lines), "one outlet's current figure and another's January cut are not one number agreed"


# -- article summaries and handouts ----------------------------------------------------------
HANDOUT_SENTENCES = (3, 5)


def _summary_promises(corpus: Corpus, article) -> None:  # type: ignore[no-untyped-def]
    """What every article summary (and so every handout) keeps: 5 sentences at most (3 at least
    when the article supports that many facts), each one sentence, citing only this article, and
    no passage shown twice or inside another it shows."""
    summary = article_summary(corpus, article)
    told = handout_summary(corpus, article)
    usable = len({f.id for f in corpus.facts_citing(article.id) if f.kind != "role"})
    assert min(HANDOUT_SENTENCES[0], usable) <= len(summary) <= HANDOUT_SENTENCES[1], (article.id, len(summary))
    assert all(c.article == article.id for s in summary for c in s.citations), article.id
    for sentence in summary:
        assert len(re.findall(r"[.!?](?:[\"”’)]*)(?=\s+[A-Z\"“])", sentence.text)) == 0, ("one sentence per point", sentence.text)
    shown = [q for s in told for q in s.quotes]
    assert len(shown) == len(set(shown)), "no passage shown twice"
    for sentence in told:
        for quote in sentence.quotes:
            assert not any(quote != other and quote in other for other in sentence.quotes), ("a fragment of a passage shown beside it", quote)


@pytest.mark.parametrize("kind", ["seeds", "uncurated", "base"])
def test_an_article_summary_cites_only_its_own_article(kind: str) -> None:
    corpus = _load(kind)
    for article in corpus.articles:
        _summary_promises(corpus, article)
        others = [o.name for o in corpus.outlets if o.id != article.meta.outlet]
        assert not any(re.search(rf"\b{re.escape(name)}\b", s.text) for s in article_summary(corpus, article) for name in others), article.id


def test_a_handout_shows_only_its_articles_details() -> None:
    corpus = _load("seeds")
    rudaw = corpus.article("rudaw-2021-04-07")
    summary = handout_summary(corpus, rudaw)
    text = " ".join(s.text for s in summary)
    assert word_count(text) / len(summary) <= 22 and flesch_kincaid_grade(text) <= 10.5, "short sentences a student reads"
    assert "al-Muhandis" not in text and "Al Jazeera" not in text, "a detail only another article gives"
    for sentence in summary:
        def flat(text: str) -> str:
            return " ".join(text.replace("“", '"').replace("”", '"').split())
        assert sentence.quotes and all(flat(q)[:20] in flat(rudaw.published_text) for q in sentence.quotes)
        assert text.count('"') // 2 <= len(summary) // 2 + 1, "quoted words where they matter, not in every point"
    assert "60 percent" in text and '"a significant number"' in text, "Rudaw's own key points, and the official behind its lead"
    assert text.index("joint statement") < text.index("large and precise strikes"), "the article's main news first"
    first = next(s.text for s in summary if "first line" in s.text)
    assert first.index("is to move") < first.index("but the statement leaves the timing"), \
        "Rudaw's line says the US will move its troops; the statement sets no time: in that order"
    assert "only allows" not in text, "the page's own reading of the statement, stated as fact"
    assert "firmer than" not in text
    assert "had paved the way for the exit of nearly 60 percent" in text and "will leave" not in text, "Kadhimi's 60 percent in Rudaw's words"
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
            _summary_promises(corpus, article)
        markdown, html = make_environments()
        page = PageRenderer(corpus, build_question_bank(corpus), markdown, html).sources().markdown
        _same_fields_each_with_a_source(corpus, page)
        _differences_are_only_clashes(corpus, page)
    finally:
        shutil.rmtree(folder)


def test_a_difference_that_names_outlets_cites_only_their_quotes() -> None:
    corpus = _load("seeds")
    for difference in briefing(corpus).differences:
        named = {o.id for o in corpus.outlets if re.search(rf"\b{re.escape(o.name)}\b", difference.sentence.text)}
        if named:
            assert {corpus.outlet_of(c.article).id for c in difference.sentence.citations} <= named, difference.sentence.text


@pytest.mark.parametrize("kind", ["seeds", "base"])
def test_a_handout_explains_the_hard_words_its_summary_shows_from_the_glossary(kind: str) -> None:
    """A handout's "Words to know": at most five glossary terms the article itself uses and the
    summary or its quoted passages show, in the order a pupil meets them, each with its definition;
    the hard words of the article's passages before those the summary itself uses plainly."""
    corpus = _load(kind)
    for article in corpus.articles:
        words = handout_glossary(corpus, article)
        assert len(words) <= 5, article.id
        shown = " ".join(t for s in handout_summary(corpus, article) for t in (s.text, *s.quotes)).lower()
        terms = {t.term: t for t in corpus.terms}
        for word in words:
            term = terms[word.term]
            assert word.definition == term.definition and article.id in {s.article for s in term.sources}, word
            assert any(name.lower() in shown for name in (term.term, *term.aliases)), word
    if kind == "seeds":
        words = handout_glossary(corpus, corpus.article("rudaw-2021-04-07"))
        assert len(words) >= 3, words
        terms = [w.term for w in words]
        assert "redeployment" in terms and "PMF" in terms and "joint statement" not in terms, \
            "the key quote's word and the armed groups' name explained, not the words the summary puts plainly"
        assert "ISIS" not in terms, "the alias 'IS' is an abbreviation: the word 'is' does not bring it in"
        assert all("equipping" not in w.definition and "committee" not in w.definition for w in words), \
            "a Rudaw handout's definitions say nothing only other articles give"
        assert any("in 2020 it handed a series of bases" in t.definition for t in corpus.terms), "the handover dated"
        html = render_reading_handout(corpus, corpus.article("rudaw-2021-04-07"), [("A", tuple(
            build_question_bank(corpus).candidates(articles=("rudaw-2021-04-07",)))[:2])], PageSetup("Reading"),
            make_environments()[1], "student")
        assert "<h2>Words to know</h2>" in html and all(w.term in html for w in words)


@pytest.mark.parametrize("kind", ["seeds", "uncurated", "base"])
def test_a_handout_shows_its_articles_own_correction_and_only_its_own(kind: str) -> None:
    """A correction is the best lesson an article gives in how news is made: the handout of an
    article that corrects itself shows both versions with the article's words; no other does."""
    corpus = _load(kind)
    corrected = {c.article for d in compare_sources(corpus).differences if d.kind == "correction"
                 for s in (d.sentence, *d.versions) for c in s.citations}
    for article in corpus.articles:
        told = handout_corrections(corpus, article)
        if article.id not in corrected:
            assert not told, article.id
            continue
        assert told and any(s.quotes for s in told), article.id
        shown = [q for s in handout_summary(corpus, article) for q in s.quotes] + [q for s in told for q in s.quotes]
        assert not any(q != other and q in other for q in shown for other in shown), "no fragment beside its passage"
        def flat(text: str) -> str:
            return " ".join(text.replace("“", '"').replace("”", '"').split())
        assert len(shown) == len(set(shown)) and all(flat(q)[:20] in flat(article.published_text) for q in shown)
    if kind != "base":
        text = " ".join(s.text for s in handout_corrections(corpus, corpus.article("rudaw-2021-04-07")))
        assert "8 April 2021" in text and "Netherlands" in text and "corrected" in text


def test_the_curated_timeline_keeps_its_notes_on_sources_short() -> None:
    """A bracketed note on how a source dates an entry is a few words, not a sentence a pupil wades through."""
    notes = [n for _, line in _timeline_lines(_pages("seeds").timeline()) for n in re.findall(r"\\\((.+?)\\\)", line)]
    assert notes, "the notes are kept, only short"
    assert all(len(n.split()) <= 4 for n in notes), notes


def test_a_timeline_line_says_when_its_place_in_the_day_is_not_certain() -> None:
    lines = [line for date, line in _timeline_lines(_pages("seeds").timeline()) if date == "7 April 2021"]
    kadhimi = next(line for line in lines if "60 percent" in line)
    # Rudaw's "Earlier on Wednesday" is a time: a round-19 reviewer read "exact time not given" as untrue
    assert "\\(Rudaw: earlier that day\\)" in kadhimi and not kadhimi.startswith("Before"), "Rudaw's own 'earlier on Wednesday', in plain words"
    assert not any(tag in line for _, line in _timeline_lines(_pages("seeds").timeline())
                   for tag in ("order not certain", "day inferred", "says Sunday", "says last year", "says Monday")), \
        "no cryptic tags: the notes under the page show how each source dates it"
    statement = next(line for line in lines if '"any remaining combat forces"' in line)
    assert "sets no date" in statement and not any(line.startswith("No date is set") for line in lines), \
        "the open timing told with the statement, not as an entry of its own"
    wsj = next(line for date, line in _timeline_lines(_pages("seeds").timeline()) if "Wall Street Journal" in line)
    assert "Asharq Al-Awsat cites The Wall Street Journal" in wsj, "the WSJ's words came through Asharq Al-Awsat"


@pytest.mark.parametrize("kind", ["seeds", "uncurated", "base"])
def test_a_briefing_note_shows_no_quote_inside_another_nor_a_bare_role(kind: str) -> None:
    """A note's quotes each add something: not a fragment of a longer quote in the same note, nor a
    person's title from an article that does not report what the sentence says."""
    corpus = _load(kind)
    told = briefing(corpus)
    for sentence in [*told.key_points, *(s for p in told.paragraphs for s in p.sentences), *(d.sentence for d in told.differences)]:
        quotes = [c.quote for c in sentence.citations]
        assert not any(q != other and q in other for q in quotes for other in quotes), sentence.text
    if kind == "seeds":
        kadhimi = next(s for p in told.paragraphs for s in p.sentences if "Mustafa al-Kadhimi" in s.text)
        assert {corpus.outlet_of(c.article).name for c in kadhimi.citations} == {"Asharq Al-Awsat"}, "his title from the article that reports him"
