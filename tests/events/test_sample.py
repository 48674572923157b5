"""The sample article end to end: the Putin–Trump call, the agreement, the intent against Daech."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dateline.record import check_record, doc_to_record

from conftest_events import run, timex  # type: ignore[import-not-found]
from tests_shared import need_shared  # type: ignore[import-not-found]

pytestmark = pytest.mark.model


def _validate(record: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(need_shared("schema", "analysis.v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    assert check_record(record) == []


def _names(record: dict[str, Any], ev: dict[str, Any]) -> set[str]:
    ents = {e["id"]: e["name"] for e in record["entities"]}
    return {ents.get((ev.get(r) or {}).get("entity"), "") for r in ("source", "target")}


def _check_sample_events(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    events = record["events"]
    text = record["article"]["text"]
    consult = [e for e in events if e["type"] == "CONSULT" and e["mode"] == "phone"]
    assert len(consult) == 1, events  # told three times, one event
    call = consult[0]
    assert _names(record, call) == {"Vladimir Poutine", "Donald Trump"}
    assert {call["source"]["code"], call["target"]["code"]} == {"RUSGOV", "USAGOV"}
    assert call["modality"] == "asserted" and not call["negated"]
    evidence = [call["evidence"]["text"]] + [m["text"] for m in call["evidence_more"]]
    assert any("conversation téléphonique" in s for s in evidence)
    assert any("entretien tenu entre le président russe" in s for s in evidence)

    agree = [e for e in events if e["type"] == "AGREE"]
    assert len(agree) == 1
    assert "se sont mis d'accord" in agree[0]["evidence"]["text"]
    assert agree[0]["intent"] == "CONSULT" and agree[0]["cameo"] == "036"
    assert _names(record, agree[0]) == {"Vladimir Poutine", "Donald Trump"}

    coop = [e for e in events if e["type"] == "COOPERATE"]
    assert len(coop) == 1
    assert coop[0]["modality"] == "intended"
    assert "Daech" in coop[0]["evidence"]["text"] and "prononcés pour" in coop[0]["evidence"]["text"]

    # Lavrov's statements are quotes, not events: no event is triggered inside his statements.
    for ev in events:
        trig = text[ev["trigger"]["start"] : ev["trigger"]["end"]]
        assert trig not in ("déclaré", "ajouté", "voit", "dépendra")
    first_sentence_end = text.index("Sergueï Lavrov.")
    assert all(ev["trigger"]["start"] > first_sentence_end for ev in events)
    return {"consult": call, "agree": agree[0], "coop": coop[0]}


def test_sample_record(sample_record) -> None:  # type: ignore[no-untyped-def]
    _validate(sample_record)
    found = _check_sample_events(sample_record)
    # The full pipeline (all four components, load_pipeline refuses fewer) dates the call from the text.
    assert sample_record["timexes"], "the time component found no expression in the sample"
    assert found["consult"]["date"]["value"] == "2017-01-28"


def test_sample_dated_from_timexes(nlp_fr, sample_article) -> None:  # type: ignore[no-untyped-def]
    """The dating logic on the sample, with the time expressions given by hand."""
    text = sample_article.text
    txs = [
        timex(text, "le 28 janvier", "2017-01-28", "t1"),
        timex(text, "le 28 janvier", "2017-01-28", "t2", nth=1),
        timex(text, "samedi", "2017-01-28", "t3"),
        timex(text, "le 20 janvier dernier", "2017-01-20", "t4"),
    ]
    doc = run(nlp_fr, text, dct=sample_article.dct.value, timexes=txs)
    record = doc_to_record(doc, sample_article, "fr")
    _validate(record)
    found = _check_sample_events(record)
    for key in ("consult", "agree", "coop"):
        date = found[key]["date"]
        assert (date["value"], date["earliest"], date["latest"]) == ("2017-01-28",) * 3, key
        assert date["timex"] in ("t1", "t2", "t3")
    # The investiture ("le 20 janvier dernier") dates no event.
    assert all(e["date"]["value"] != "2017-01-20" for e in record["events"])
