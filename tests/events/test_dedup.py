"""In-article deduplication (pure functions on event dicts, no model)."""

from __future__ import annotations

from typing import Any

from dateline.events.dedup import merge_duplicates
from dateline.record import check_record

TEXT = "A parla à B le 28. Le 28, A et B se sont parlé au téléphone. A a attaqué C."


def _ev(
    start: int,
    end: int,
    etype: str = "CONSULT",
    src: str | None = "e1",
    tgt: str | None = "e2",
    mode: str | None = None,
    day: str = "2017-01-28",
    pos: str = "VERB",
    lemma: str = "parler",
    modality: str = "asserted",
) -> dict[str, Any]:
    return {
        "id": "",
        "type": etype,
        "mode": mode,
        "cameo": "041" if mode == "phone" else "040",
        "source": {"entity": src, "code": "RUSGOV" if src else None},
        "target": {"entity": tgt, "code": "USAGOV"} if tgt else None,
        "date": {"value": day, "earliest": day, "latest": day, "timex": "t1", "basis": "timex"},
        "location": None,
        "negated": False,
        "modality": modality,
        "evidence": {"start": start, "end": end, "text": TEXT[start:end]},
        "confidence": 0.7,
        "trigger": {"start": start, "end": start + 1, "text": TEXT[start], "lemma": lemma, "pos": pos},
    }


def test_same_event_told_twice_is_merged() -> None:
    a = _ev(0, 18)
    b = _ev(19, 61, mode="phone")
    (merged,) = merge_duplicates([a, b])
    assert merged["mode"] == "phone" and merged["cameo"] == "041"
    assert merged["evidence"]["start"] in (0, 19)
    assert len(merged["evidence_more"]) == 1
    spans = {merged["evidence"]["start"], merged["evidence_more"][0]["start"]}
    assert spans == {0, 19}
    assert merged["confidence"] > 0.7


def test_different_actors_type_or_days_are_kept_apart() -> None:
    base = _ev(0, 18)
    assert len(merge_duplicates([base, _ev(19, 61, tgt="e3")])) == 2
    assert len(merge_duplicates([base, _ev(62, 75, etype="ASSAULT")])) == 2
    assert len(merge_duplicates([base, _ev(19, 61, day="2017-01-20")])) == 2
    assert len(merge_duplicates([base, _ev(19, 61, modality="intended")])) == 2


def test_actorless_mention_joins_only_when_clearly_the_same() -> None:
    named = _ev(0, 18, pos="NOUN", lemma="entretien")
    unnamed = _ev(19, 61, src=None, tgt=None, mode="phone", pos="NOUN", lemma="conversation")
    (merged,) = merge_duplicates([unnamed, named])
    assert merged["source"]["entity"] == "e1" and merged["mode"] == "phone"
    # An undated verb with no actors does not join an event just because the type agrees.
    loose = _ev(19, 61, src=None, tgt=None, lemma="rencontrer")
    loose["date"] = {
        "value": "2017-01",
        "earliest": "2017-01-01",
        "latest": "2017-01-31",
        "timex": None,
        "basis": "publication",
    }
    assert len(merge_duplicates([named, loose])) == 2


def test_merged_record_passes_the_checks() -> None:
    events = merge_duplicates([_ev(0, 18), _ev(19, 61, mode="phone")])
    for i, ev in enumerate(events, 1):
        ev["id"] = f"v{i}"
    record = {
        "article": {"text": TEXT, "published": {"earliest": "2017-01-28", "latest": "2017-01-31"}},
        "entities": [
            {"id": "e1", "name": "A", "type": "PER", "mentions": [{"start": 0, "end": 1, "text": "A"}]},
            {"id": "e2", "name": "B", "type": "PER", "mentions": [{"start": 10, "end": 11, "text": "B"}]},
        ],
        "timexes": [
            {
                "id": "t1",
                "start": 12,
                "end": 17,
                "text": "le 28",
                "earliest": "2017-01-28",
                "latest": "2017-01-28",
            }
        ],
        "quotes": [],
        "events": events,
    }
    assert check_record(record) == []
    events[0]["evidence_more"][0]["text"] = "tampered"
    assert check_record(record) != []


def test_one_code_and_at_most_one_named_entity_is_one_actor() -> None:
    # "le pape" (a phrase the coder made an entity of) and "François" (named): one visitor, by code.
    a = _ev(0, 18, pos="NOUN", lemma="visite")
    b = _ev(19, 61, src="e9", pos="NOUN", lemma="visite")
    a["_source_named"], b["_source_named"] = True, False
    (merged,) = merge_duplicates([a, b])
    assert merged["mentions"] == 2
    # Two named people with the same code are two actors.
    b["_source_named"] = True
    assert len(merge_duplicates([a, b])) == 2


def test_a_threatened_act_is_not_the_act_done() -> None:
    done = _ev(0, 18, etype="ASSAULT", lemma="tuer")
    feared = _ev(19, 61, etype="ASSAULT", lemma="tuer", modality="hypothetical")
    assert len(merge_duplicates([done, feared])) == 2
    told = _ev(19, 61, etype="ASSAULT", lemma="tuer", modality="reported")
    assert len(merge_duplicates([done, told])) == 1
