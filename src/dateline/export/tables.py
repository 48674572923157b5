"""The store as flat tables: one row per article, entity, mention, time expression, quote and event.

Column names are stable (documented in the README); the same rows feed CSV and Parquet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["TABLES", "table_rows"]

TABLES: dict[str, list[str]] = {
    "articles": [
        "article_id",
        "title",
        "url",
        "source",
        "lang",
        "dct",
        "dct_granularity",
        "published_earliest",
        "published_latest",
        "month",
        "n_chars",
    ],
    "entities": [
        "article_id",
        "entity_id",
        "name",
        "type",
        "country",
        "roles",
        "n_mentions",
        "cluster_id",
        "cluster_name",
        "month",
    ],
    "mentions": ["article_id", "entity_id", "start", "end", "text", "cluster_id", "month"],
    "timexes": ["article_id", "timex_id", "start", "end", "text", "type", "value", "earliest", "latest", "month"],
    "quotes": [
        "article_id",
        "quote_id",
        "start",
        "end",
        "kind",
        "text",
        "cue",
        "speaker_text",
        "speaker_entity",
        "speaker_cluster",
        "date_value",
        "earliest",
        "latest",
        "month",
    ],
    "events": [
        "article_id",
        "event_id",
        "type",
        "mode",
        "cameo",
        "source_entity",
        "source_code",
        "source_cluster",
        "target_entity",
        "target_code",
        "target_cluster",
        "date_value",
        "earliest",
        "latest",
        "negated",
        "modality",
        "confidence",
        "evidence_start",
        "evidence_end",
        "evidence",
        "month",
    ],
}


def table_rows(
    records: Iterable[dict[str, Any]], clusters: dict[tuple[str, str], tuple[str, str]]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(table, row)`` for every fact of every record.

    ``clusters`` maps ``(article_id, entity_id)`` to ``(cluster_id, cluster_name)``. ``month`` is the
    month of the article's earliest possible publication day: the partition key of the Parquet export.
    """
    for rec in records:
        art = rec["article"]
        aid = art["id"]
        month = art["published"]["earliest"][:7]
        yield (
            "articles",
            {
                "article_id": aid,
                "title": art.get("title"),
                "url": art.get("url"),
                "source": art.get("source"),
                "lang": art["lang"],
                "dct": art["dct"],
                "dct_granularity": art["dct_granularity"],
                "published_earliest": art["published"]["earliest"],
                "published_latest": art["published"]["latest"],
                "month": month,
                "n_chars": len(art["text"]),
            },
        )
        for e in rec["entities"]:
            cid, cname = clusters.get((aid, e["id"]), (None, None))
            yield (
                "entities",
                {
                    "article_id": aid,
                    "entity_id": e["id"],
                    "name": e["name"],
                    "type": e["type"],
                    "country": e.get("country"),
                    "roles": "; ".join(e.get("roles") or []),
                    "n_mentions": len(e["mentions"]),
                    "cluster_id": cid,
                    "cluster_name": cname,
                    "month": month,
                },
            )
            for m in e["mentions"]:
                yield (
                    "mentions",
                    {
                        "article_id": aid,
                        "entity_id": e["id"],
                        "start": m["start"],
                        "end": m["end"],
                        "text": m["text"],
                        "cluster_id": cid,
                        "month": month,
                    },
                )
        for t in rec["timexes"]:
            yield (
                "timexes",
                {
                    "article_id": aid,
                    "timex_id": t["id"],
                    "start": t["start"],
                    "end": t["end"],
                    "text": t["text"],
                    "type": t["type"],
                    "value": t["value"],
                    "earliest": t.get("earliest"),
                    "latest": t.get("latest"),
                    "month": month,
                },
            )
        for q in rec["quotes"]:
            sp = q.get("speaker") or {}
            d = q.get("date") or {}
            ent = sp.get("entity")
            yield (
                "quotes",
                {
                    "article_id": aid,
                    "quote_id": q["id"],
                    "start": q["start"],
                    "end": q["end"],
                    "kind": q["kind"],
                    "text": q["text"],
                    "cue": (q.get("cue") or {}).get("text"),
                    "speaker_text": sp.get("text"),
                    "speaker_entity": ent,
                    "speaker_cluster": clusters.get((aid, ent), (None,))[0] if ent else None,
                    "date_value": d.get("value"),
                    "earliest": d.get("earliest"),
                    "latest": d.get("latest"),
                    "month": month,
                },
            )
        for v in rec["events"]:
            src, tgt, d = v.get("source") or {}, v.get("target") or {}, v.get("date") or {}
            yield (
                "events",
                {
                    "article_id": aid,
                    "event_id": v["id"],
                    "type": v["type"],
                    "mode": v.get("mode"),
                    "cameo": v.get("cameo"),
                    "source_entity": src.get("entity"),
                    "source_code": src.get("code"),
                    "source_cluster": clusters.get((aid, src.get("entity") or ""), (None,))[0],
                    "target_entity": tgt.get("entity"),
                    "target_code": tgt.get("code"),
                    "target_cluster": clusters.get((aid, tgt.get("entity") or ""), (None,))[0],
                    "date_value": d.get("value"),
                    "earliest": d.get("earliest"),
                    "latest": d.get("latest"),
                    "negated": bool(v.get("negated")),
                    "modality": v.get("modality"),
                    "confidence": v.get("confidence"),
                    "evidence_start": v["evidence"]["start"],
                    "evidence_end": v["evidence"]["end"],
                    "evidence": v["evidence"]["text"],
                    "month": month,
                },
            )
