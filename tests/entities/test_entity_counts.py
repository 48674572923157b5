"""``Queries.entity()`` counts distinct articles, as ``entities()`` does (issue 15)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from dateline.store import open_store

from dl_testing import Databases

pytestmark = pytest.mark.model

_TEXT = "Sergueï Lavrov est arrivé à Genève mardi. Lavrov a rencontré son homologue le soir même."


def _split_record(rec: dict[str, Any]) -> dict[str, Any]:
    """The record with the bare surname made an entity of its own in the same article (two rows of
    one canonical entity, as a grouper that did not attach the surname leaves them)."""
    rec = copy.deepcopy(rec)
    ents = rec["entities"]
    full = next(e for e in ents if e["name"] == "Sergueï Lavrov")
    bare = [m for m in full["mentions"] if m["text"] == "Lavrov"]
    assert bare, full
    full["mentions"] = [m for m in full["mentions"] if m["text"] != "Lavrov"]
    ids = {e["id"] for e in ents}
    new_id = next(f"e{k}" for k in range(1, 100) if f"e{k}" not in ids)
    ents.append({**full, "id": new_id, "name": "Lavrov", "mentions": bare, "roles": []})
    for q in rec.get("quotes", []):
        q["speaker"] = None
    return rec


def test_entity_counts_an_article_once_whatever_its_rows(dbs: Databases, nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    assert nlp_fr is not None
    one = _split_record(analyse(_TEXT, "2017-01-10", lang="fr", id="a1"))
    two = _split_record(analyse(_TEXT + " Il est reparti.", "2017-01-11", lang="fr", id="a2"))
    db = dbs.new()
    with open_store(db) as store:
        store.write_records([(one, "h1", None), (two, "h2", None)])
    with open_store(db, readonly=True) as store:
        ent = store.entity("Lavrov")
        listed = next(e for e in store.entities(type="PER") if e["id"] == ent["id"])
        assert {a["name"] for a in ent["aliases"]} >= {"Sergueï Lavrov", "Lavrov"}
        assert ent["articles"] == 2 == listed["articles"]  # four entity rows, two articles
        assert ent["mentions"] == 4
