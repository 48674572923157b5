"""End to end on the sample article: every quotation of Lavrov's is found, with Lavrov as speaker."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dl_testing import need_shared

pytestmark = pytest.mark.model


def _lavrov(rec: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in rec["entities"] if e["name"] == "Sergueï Lavrov")


def _find(rec: dict[str, Any], snippet: str) -> dict[str, Any]:
    hits = [q for q in rec["quotes"] if snippet in q["text"]]
    assert len(hits) == 1, (snippet, [q["text"] for q in rec["quotes"]])
    return hits[0]


@pytest.mark.parametrize(
    ("snippet", "kind", "cue", "speaker"),
    [
        # the lead's reported statement
        ("voit des possibilités pratiquement illimitées", "indirect", "a déclaré",
         "le ministre russe des Affaires étrangères Sergueï Lavrov"),
        ("tout dépendra de la volonté politique", "indirect", "selon", "le ministre"),
        ("j'y vois des possibilités presque illimitées", "direct", "a déclaré", "Sergueï Lavrov"),
        ("le travail sur les problèmes communs", "indirect", "selon", "Sergueï Lavrov"),
        ("devrait être régulière dès la formation", "indirect", "Selon", "le ministre russe"),
        ("Nous réaliserons les ententes", "direct", "a ajouté",
         "le chef du ministère russe des Affaires étrangères"),
    ],
)  # fmt: skip
def test_every_lavrov_quotation(sample_record: dict[str, Any], snippet: str, kind: str, cue: str, speaker: str) -> None:
    q = _find(sample_record, snippet)
    assert q["kind"] == kind
    assert q["cue"]["text"] == cue
    assert q["speaker"]["text"] == speaker
    assert q["speaker"]["entity"] == _lavrov(sample_record)["id"]


def test_direct_quote_spans_exclude_marks(sample_record: dict[str, Any]) -> None:
    q = _find(sample_record, "Nous réaliserons les ententes")
    text = sample_record["article"]["text"]
    assert q["text"].startswith("Nous") and q["text"].endswith("téléphonique")
    assert text[q["start"] - 2] == "«" and text[q["end"] + 1] == "»"


def test_no_quote_from_the_narration(sample_record: dict[str, Any]) -> None:
    # The last three paragraphs are the agency's own narration of the phone call: nothing is quoted.
    text = sample_record["article"]["text"]
    narration = text.index("La situation en Syrie")
    assert all(q["start"] < narration for q in sample_record["quotes"])
    assert len(sample_record["quotes"]) == 6


def test_lavrov_role_recorded(sample_record: dict[str, Any]) -> None:
    assert "ministre russe des Affaires étrangères" in _lavrov(sample_record)["roles"]


def test_quotes_dated_within_the_publication_window(sample_record: dict[str, Any]) -> None:
    pub = sample_record["article"]["published"]
    for q in sample_record["quotes"]:
        d = q["date"]
        assert pub["earliest"] <= d["earliest"] <= d["latest"] <= pub["latest"] or d.get("timex")


def test_record_is_sound_and_valid(sample_record: dict[str, Any]) -> None:
    import jsonschema

    from dateline.record import check_record

    assert check_record(sample_record) == []
    schema = json.loads(need_shared("schema", "analysis.v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(sample_record, schema)
    assert [q["id"] for q in sample_record["quotes"]] == [f"q{i}" for i in range(1, 7)]
