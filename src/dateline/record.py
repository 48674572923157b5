"""From an analysed ``Doc`` to the analysis record (contract ``dateline.analysis/1``), and checks on it.

The record is the one thing every later stage works on: the store, exports, the API and the
evaluation scripts. It must be a pure function of the article and the pipeline, so the same input gives
the same record on any engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc

from dateline.article import Article

__all__ = ["SCHEMA", "article_record", "check_record", "doc_to_record"]

SCHEMA = "dateline.analysis/1"


def article_record(article: Article, lang: str, published: dict[str, str] | None = None) -> dict[str, Any]:
    """The ``article`` part of a record."""
    out: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "lang": lang,
        "dct": article.dct.value,
        "dct_granularity": article.dct.granularity,
        "published": published or article.dct.interval(),
        "text": article.text,
    }
    if article.dct.offset:
        out["dct_offset"] = article.dct.offset
    return out


def doc_to_record(doc: Doc, article: Article, lang: str) -> dict[str, Any]:
    """Assemble the record of one article from what dateline's components wrote on its ``Doc``."""
    published = None
    if doc._.published is not None:
        earliest, latest = doc._.published
        published = {"earliest": earliest.isoformat(), "latest": latest.isoformat()}
    return {
        "schema": SCHEMA,
        "article": article_record(article, lang, published),
        "entities": list(doc._.entities or []),
        "timexes": list(doc._.timexes or []),
        "quotes": list(doc._.quotes or []),
        "events": list(doc._.events or []),
    }


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for ent in record["entities"]:
        for m in ent["mentions"]:
            yield f"entity {ent['id']} mention", m
        for ev in (ent.get("affiliation") or {}).get("evidence", []):
            yield f"entity {ent['id']} affiliation evidence", ev
    for t in record["timexes"]:
        yield f"timex {t['id']}", t
    for q in record["quotes"]:
        yield f"quote {q['id']}", q
        if q.get("cue"):
            yield f"quote {q['id']} cue", q["cue"]
        if q.get("speaker"):
            yield f"quote {q['id']} speaker", q["speaker"]
    for v in record["events"]:
        yield f"event {v['id']} evidence", v["evidence"]
        for ev in v.get("evidence_more", []) or []:
            yield f"event {v['id']} evidence", ev


def check_record(record: dict[str, Any]) -> list[str]:
    """Problems with a record's invariants (empty when it is sound).

    Checks what a JSON Schema cannot: every span's text is ``article.text[start:end]``, ids are unique,
    cross-references point to existing ids, and every interval is ordered.
    """
    problems: list[str] = []
    text = record["article"]["text"]
    for what, span in _spans(record):
        s, e = span["start"], span["end"]
        if not (0 <= s <= e <= len(text)) or text[s:e] != span["text"]:
            problems.append(f"{what}: text[{s}:{e}] != {span['text']!r}")
    ids: set[str] = set()
    for part in ("entities", "timexes", "quotes", "events"):
        for item in record[part]:
            if item["id"] in ids:
                problems.append(f"duplicate id {item['id']}")
            ids.add(item["id"])
    entity_ids = {e["id"] for e in record["entities"]}
    timex_ids = {t["id"] for t in record["timexes"]}
    for q in record["quotes"]:
        ref = (q.get("speaker") or {}).get("entity")
        if ref is not None and ref not in entity_ids:
            problems.append(f"quote {q['id']} speaker refers to unknown entity {ref}")
    for v in record["events"]:
        for role in ("source", "target"):
            ref = (v.get(role) or {}).get("entity")
            if ref is not None and ref not in entity_ids:
                problems.append(f"event {v['id']} {role} refers to unknown entity {ref}")
        tref = (v.get("date") or {}).get("timex")
        if tref is not None and tref not in timex_ids:
            problems.append(f"event {v['id']} date refers to unknown timex {tref}")
    intervals = [("article.published", record["article"]["published"])]
    intervals += [(f"timex {t['id']}", t) for t in record["timexes"]]
    intervals += [(f"quote {q['id']} date", q["date"]) for q in record["quotes"] if q.get("date")]
    intervals += [(f"event {v['id']} date", v["date"]) for v in record["events"]]
    for what, iv in intervals:
        lo, hi = iv.get("earliest"), iv.get("latest")
        if lo is not None and hi is not None and lo > hi:
            problems.append(f"{what}: earliest {lo} after latest {hi}")
    return problems
