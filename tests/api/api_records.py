"""Hand-written analysis records for the API tests: a Lavrov article with a quote, a time expression and
an event; a month-dated article whose quote has an uncertain date; and a hostile article whose text,
title and names carry HTML and attribute-breaking quotes. Offsets are computed from the texts, so the
records satisfy the contract (``check_record``) by construction and the tests check that too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.record import check_record
from dateline.store import open_store

SCHEMA = "dateline.analysis/1"

# Payloads the security tests look for: if any of them ever ran in the page, it would set window.__pwned.
SCRIPT = "<script>window.__pwned=1</script>"
ATTR = '" onmouseover="window.__pwned=2" x="'
IMG = '<img src=x onerror="window.__pwned=3">'


def span(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a contract span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def _article(aid: str, text: str, dct: str, gran: str, lo: str, hi: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": aid,
        "title": extra.get("title"),
        "url": extra.get("url"),
        "source": extra.get("source"),
        "lang": extra.get("lang", "fr"),
        "dct": dct,
        "dct_granularity": gran,
        "published": {"earliest": lo, "latest": hi},
        "text": text,
    }


def _entity(eid: str, text: str, name: str, etype: str, forms: list[str], country: str | None = None) -> dict[str, Any]:
    mentions = [span(text, f, k) for f in dict.fromkeys(forms) for k in range(text.count(f))]
    return {"id": eid, "name": name, "type": etype, "country": country, "roles": [], "mentions": mentions}


def lavrov_record() -> dict[str, Any]:
    """A day-dated article: Lavrov speaks (direct quote) and meets Tillerson on a dated day."""
    text = (
        "Rencontre à Vienne.\n"
        "« Nous sommes prêts à travailler avec Washington sur la Syrie », a déclaré Sergueï Lavrov "
        "le 14 mars à Vienne, après avoir rencontré Rex Tillerson."
    )
    ents = [
        _entity("e1", text, "Sergueï Lavrov", "PER", ["Sergueï Lavrov"]),
        _entity("e2", text, "Rex Tillerson", "PER", ["Rex Tillerson"]),
        _entity("e3", text, "Vienne", "LOC", ["Vienne"]),
        _entity("e4", text, "Syrie", "GPE", ["Syrie"], "SYR"),
    ]
    quote = "Nous sommes prêts à travailler avec Washington sur la Syrie"
    timex = span(text, "le 14 mars")
    return {
        "schema": SCHEMA,
        "article": _article(
            "hand:lavrov-vienne", text, "2017-03-15", "day", "2017-03-15", "2017-03-15", title="Lavrov à Vienne"
        ),
        "entities": ents,
        "timexes": [
            {
                "id": "t1",
                **timex,
                "type": "DATE",
                "value": "2017-03-14",
                "earliest": "2017-03-14",
                "latest": "2017-03-14",
            }
        ],
        "quotes": [
            {
                "id": "q1",
                **span(text, quote),
                "kind": "direct",
                "cue": span(text, "a déclaré"),
                "speaker": {**span(text, "Sergueï Lavrov"), "entity": "e1"},
                "date": {"value": "2017-03-14", "earliest": "2017-03-14", "latest": "2017-03-14", "timex": "t1"},
            }
        ],
        "events": [
            {
                "id": "v1",
                "type": "CONSULT",
                "mode": "visit",
                "cameo": "040",
                "source": {"entity": "e1", "code": "RUSGOV"},
                "target": {"entity": "e2", "code": "USAGOV"},
                "date": {"value": "2017-03-14", "earliest": "2017-03-14", "latest": "2017-03-14", "timex": "t1"},
                "location": {"entity": "e3"},
                "negated": False,
                "modality": "asserted",
                "evidence": span(text, "après avoir rencontré Rex Tillerson"),
                "confidence": 0.9,
            }
        ],
    }


def month_record() -> dict[str, Any]:
    """A month-dated article: its quote's date is the whole month (an uncertain date, drawn as a range)."""
    text = "Selon Sergueï Lavrov, Moscou répondra « de manière mesurée » aux sanctions."
    ents = [
        _entity("e1", text, "Sergueï Lavrov", "PER", ["Sergueï Lavrov"]),
        _entity("e2", text, "Moscou", "GPE", ["Moscou"], "RUS"),
    ]
    return {
        "schema": SCHEMA,
        "article": _article("hand:lavrov-avril", text, "2017-04", "month", "2017-04-01", "2017-04-30"),
        "entities": ents,
        "timexes": [],
        "quotes": [
            {
                "id": "q1",
                **span(text, "Moscou répondra « de manière mesurée » aux sanctions"),
                "kind": "mixed",
                "cue": span(text, "Selon"),
                "speaker": {**span(text, "Sergueï Lavrov"), "entity": "e1"},
                "date": {"value": "2017-04", "earliest": "2017-04-01", "latest": "2017-04-30"},
            }
        ],
        "events": [
            {
                "id": "v1",
                "type": "THREATEN",
                "mode": None,
                "cameo": "130",
                "source": {"entity": "e2", "code": "RUSGOV"},
                "target": None,
                "date": {"value": "2017-04", "earliest": "2017-04-01", "latest": "2017-04-30"},
                "location": None,
                "negated": False,
                "modality": "intended",
                "evidence": span(text, "Moscou répondra « de manière mesurée » aux sanctions"),
            }
        ],
    }


def hostile_record() -> dict[str, Any]:
    """An article whose title, text, entity name, quote and source carry markup and quote characters."""
    name = "Jean <b>Dupont</b>"
    text = f"{SCRIPT}\n{name} a affirmé : « {ATTR} {IMG} ». L'affaire ‹ & › reste ouverte."
    quote = f"{ATTR} {IMG}"
    return {
        "schema": SCHEMA,
        "article": _article(
            "hand:hostile",
            text,
            "2017-05-02",
            "day",
            "2017-05-02",
            "2017-05-02",
            title=f"{SCRIPT} \"'><i>titre</i>",
            source=f"{ATTR}source",
            url="javascript:window.__pwned=4",
        ),
        "entities": [_entity("e1", text, name, "PER", [name])],
        "timexes": [],
        "quotes": [
            {
                "id": "q1",
                **span(text, quote),
                "kind": "direct",
                "cue": span(text, "a affirmé"),
                "speaker": {**span(text, name), "entity": "e1"},
                "date": None,
            }
        ],
        "events": [],
    }


def all_records() -> list[dict[str, Any]]:
    return [lavrov_record(), month_record(), hostile_record()]


def write_hand_records(db: Path | str) -> None:
    """Write the hand-written records into the store at ``db`` (created if needed), checking each first."""
    records = all_records()
    for rec in records:
        assert check_record(rec) == [], rec["article"]["id"]
    with open_store(db) as store:
        store.write_records([(rec, "hand-" + rec["article"]["id"], None) for rec in records])
