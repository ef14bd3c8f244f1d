"""A curator chooses the events of an ordering item (`order_with`): the events a student must have
read about to place, rather than the ones the generator spreads across the timeline, which other
items' stems date and which a student orders from general knowledge."""

from __future__ import annotations

from pathlib import Path

from quizgen.corpus_loader import load_corpus
from quizgen.generate.question_bank import build_question_bank

from corpus_cases import make_corpus

EVENTS = """facts:
""" + "".join(f"""  - id: {event_id}
    kind: event
    date: {date}
    title: {title}
    statement: {title.capitalize()} took place.
    topics: [bridges]
    sources:
      - article: weekly-2020
        quote: cut the ribbon on 4 May 2020
""" for event_id, date, title in [
    ("plans-drawn", "2018-02", "the drawing of the bridge's plans"),
    ("funds-voted", "2019-03", "the council's vote on the funds"),
    ("tolls-dropped", "2021-06", "the end of the bridge's tolls"),
    ("second-lane", "2022-01", "the opening of a second lane"),
])


def ordering_items(tmp_path: Path, order_with: str | None) -> list[tuple[str, ...]]:
    edit = {"facts/bridge.yaml": [["    title: the opening of the Riverton bridge\n",
                                   "    title: the opening of the Riverton bridge\n" + (order_with or "")]]}
    root = make_corpus({"description": "five events", "edit": edit, "write": {"facts/events.yaml": EVENTS}}, tmp_path / "c")
    bank = build_question_bank(load_corpus(root))
    return [q.fact_ids for q in bank.questions if q.kind == "ordering"]


def test_the_generator_orders_the_earliest_events_when_no_one_chose(tmp_path: Path) -> None:
    assert [set(ids) for ids in ordering_items(tmp_path, None)] == [{"plans-drawn", "funds-voted", "bridge-opened", "tolls-dropped"}]


def test_a_curated_ordering_replaces_the_generated_ones_and_is_about_its_host(tmp_path: Path) -> None:
    items = ordering_items(tmp_path, "    order_with: [second-lane, funds-voted, tolls-dropped]\n")
    assert items == [("bridge-opened", "funds-voted", "tolls-dropped", "second-lane")], "the host first, then the others by date"


def test_a_curated_ordering_asks_its_events_in_date_order(tmp_path: Path) -> None:
    edit = {"facts/bridge.yaml": [["    title: the opening of the Riverton bridge\n",
                                   "    title: the opening of the Riverton bridge\n    order_with: [second-lane, funds-voted]\n"]]}
    root = make_corpus({"description": "three events", "edit": edit, "write": {"facts/events.yaml": EVENTS}}, tmp_path / "c")
    (item,) = [q for q in build_question_bank(load_corpus(root)).questions if q.kind == "ordering"]
    assert item.correct_order is not None
    assert [item.options[i] for i in item.correct_order] == [
        "The council's vote on the funds", "The opening of the Riverton bridge", "The opening of a second lane"]
    assert item.explanation.startswith("The order is: March 2019: the council's vote on the funds; 4 May 2020: the opening")


def test_the_host_of_a_curated_ordering_is_asked_only_in_order(tmp_path: Path) -> None:
    def asked_about_the_bridge(order_with: str) -> list[str]:
        edit = {"facts/bridge.yaml": [["    title: the opening of the Riverton bridge\n",
                                       "    title: the opening of the Riverton bridge\n" + order_with]]}
        root = make_corpus({"description": "events", "edit": edit, "write": {"facts/events.yaml": EVENTS}}, tmp_path / f"c{len(order_with)}")
        bank = build_question_bank(load_corpus(root))
        return sorted(q.kind for q in bank.questions if q.fact_ids[0] == "bridge-opened")
    generated = asked_about_the_bridge("")
    assert generated and "ordering" not in generated, "without order_with, generated items ask about the opening"
    assert asked_about_the_bridge("    order_with: [second-lane, funds-voted]\n") == ["ordering"], "like curated questions, the ordering replaces them"
