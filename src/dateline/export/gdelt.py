"""A GDELT-like, tab-separated events table: one line per event, with its evidence.

It borrows GDELT's idea (one row per coded event with actors, CAMEO code, date and source) and some of
its column names, but it is *not* GDELT 2.0's format: dates carry an interval, the PLOVER type and mode
are given beside CAMEO, and each row points to the sentence that supports it. Columns:

================  =============================================================================
GlobalEventID     ``article_id/event_id``
Day               ``YYYYMMDD`` when the event's day is known, else empty (never a guessed day)
DateValue         the ISO-TimeML value at its true granularity (``2017-01-28``, ``2017-01``)
Earliest, Latest  the day interval that surely contains the event
Actor1Code/Name   source actor: CAMEO-style code (``RUSGOV``) and canonical name
Actor2Code/Name   target actor, likewise (empty when the event has none)
EventCode         CAMEO code where one maps
EventRootCode     its first two digits
PloverType/Mode   PLOVER 2.0 type and mode
IsNegated         1 when the text says the event did not happen
Modality          asserted, intended, hypothetical or reported
Confidence        the coder's confidence, 0–1
NumEvidence       how many spans of the article tell this event
SourceArticle     dateline article id
SourceURL         the article's URL when known
Evidence          the sentence (tabs and newlines folded to spaces)
================  =============================================================================
"""

from __future__ import annotations

from typing import Any

__all__ = ["GDELT_COLUMNS", "gdelt_rows"]

GDELT_COLUMNS = [
    "GlobalEventID",
    "Day",
    "DateValue",
    "Earliest",
    "Latest",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "EventCode",
    "EventRootCode",
    "PloverType",
    "PloverMode",
    "IsNegated",
    "Modality",
    "Confidence",
    "NumEvidence",
    "SourceArticle",
    "SourceURL",
    "Evidence",
]


def _clean(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def gdelt_rows(record: dict[str, Any], cluster_names: dict[str, str]) -> list[list[str]]:
    """The rows of one record's events; ``cluster_names`` maps entity ids to canonical names."""
    art = record["article"]
    rows = []
    for v in record["events"]:
        d = v["date"]
        day = d["value"].replace("-", "") if len(d["value"]) == 10 and d["earliest"] == d["latest"] else ""
        src, tgt = v.get("source") or {}, v.get("target") or {}
        cameo = v.get("cameo") or ""
        rows.append(
            [
                f"{art['id']}/{v['id']}",
                day,
                d["value"],
                d["earliest"],
                d["latest"],
                _clean(src.get("code")),
                _clean(cluster_names.get(src.get("entity") or "")),
                _clean(tgt.get("code")),
                _clean(cluster_names.get(tgt.get("entity") or "")),
                cameo,
                cameo[:2],
                v["type"],
                _clean(v.get("mode")),
                "1" if v.get("negated") else "0",
                v["modality"],
                _clean(v.get("confidence")),
                str(1 + len(v.get("evidence_more") or [])),
                art["id"],
                _clean(art.get("url")),
                _clean(v["evidence"]["text"]),
            ]
        )
    return rows
