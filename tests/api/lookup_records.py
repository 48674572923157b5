"""Hand-written records for the name lookup tests: people who share a surname (two Le Pen, equally
mentioned; a much mentioned Trump and a rarely mentioned one), a transliterated name, a role given to
one person, an organisation known by its initials. The sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api_records import SCHEMA, _article, _entity

from dateline.record import check_record
from dateline.store import open_store


def _record(aid: str, day: str, text: str, ents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "article": _article(aid, text, day, "day", day, day, title=text.split(".")[0], source="Essai"),
        "entities": ents,
        "timexes": [],
        "quotes": [],
        "events": [],
    }


def lookup_records() -> list[dict[str, Any]]:
    t1 = "Marine Le Pen tient meeting à Lille. Marine Le Pen y parle d'emploi."
    t2 = "Jean-Marie Le Pen publie ses mémoires. Jean-Marie Le Pen les dédicace à Nantes."
    t3 = (
        "Donald Trump reçoit des patrons. Donald Trump promet des baisses d'impôts. Donald Trump rit. "
        "Donald Trump repart."
    )
    t4 = "Melania Trump visite une école."
    t5 = "Vladimir Poutine reçoit le président de la République, Emmanuel Macron, à Versailles."
    t6 = "L'État islamique recule à Mossoul."
    macron = _entity("e2", t5, "Emmanuel Macron", "PER", ["Emmanuel Macron"])
    macron["roles"] = ["le président de la République"]
    return [
        _record("look:le-pen-1", "2017-02-01", t1, [_entity("e1", t1, "Marine Le Pen", "PER", ["Marine Le Pen"])]),
        _record(
            "look:le-pen-2", "2017-02-02", t2, [_entity("e1", t2, "Jean-Marie Le Pen", "PER", ["Jean-Marie Le Pen"])]
        ),
        _record("look:trump-1", "2017-02-03", t3, [_entity("e1", t3, "Donald Trump", "PER", ["Donald Trump"])]),
        _record("look:trump-2", "2017-02-04", t4, [_entity("e1", t4, "Melania Trump", "PER", ["Melania Trump"])]),
        _record(
            "look:versailles",
            "2017-05-29",
            t5,
            [_entity("e1", t5, "Vladimir Poutine", "PER", ["Vladimir Poutine"]), macron],
        ),
        _record("look:mossoul", "2017-03-01", t6, [_entity("e1", t6, "État islamique", "ORG", ["État islamique"])]),
    ]


def write_lookup_records(db: Path | str) -> None:
    """Write the lookup records into the store at ``db`` (created if needed), checking each first."""
    records = lookup_records()
    for rec in records:
        assert check_record(rec) == [], rec["article"]["id"]
    with open_store(db) as store:
        store.write_records([(rec, "look-" + rec["article"]["id"], None) for rec in records])
