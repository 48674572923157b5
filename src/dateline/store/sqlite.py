"""The SQLite store: one file, WAL mode, versioned migrations, FTS5 on article text.

Articles are keyed by their stable id. Writing a record is idempotent: the same input (same id, same
input hash) is left alone, and the same id with new input replaces the article's facts in one
transaction, so a crash or Ctrl-C never leaves half an article behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dateline.entities.normalize import name_key
from dateline.errors import DatelineError
from dateline.store.migrations import migrate

__all__ = ["Store", "open_store"]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """A dateline store backed by one SQLite file. Use :func:`open_store` to get one."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly:
            if not Path(self.path).exists():
                raise DatelineError(
                    "no-store", f"no store at {self.path}", hint="run 'dateline ingest' first, or pass --db"
                )
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            # WAL lets readers (a CLI query, the web UI) work while an ingest writes; NORMAL sync is
            # durable across application crashes, which is what an ingest needs.
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self.conn)

    # -- lifecycle -------------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An immediate write transaction, rolled back on any exception (KeyboardInterrupt included)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------------------
    def known_hash(self, article_id: str) -> str | None:
        """The input hash stored for ``article_id``, or None if the article is not in the store."""
        row = self.conn.execute("SELECT input_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def write_records(self, items: Iterable[tuple[dict[str, Any], str, str | None]]) -> list[str]:
        """Store ``(record, input_hash, origin)`` items in one transaction.

        Returns one status per item: ``stored``, ``replaced`` or ``unchanged``.
        """
        statuses: list[str] = []
        with self.transaction() as conn:
            for record, input_hash, origin in items:
                statuses.append(self._write_one(conn, record, input_hash, origin))
        return statuses

    def _write_one(self, conn: sqlite3.Connection, record: dict[str, Any], input_hash: str, origin: str | None) -> str:
        art = record["article"]
        row = conn.execute("SELECT rowid, input_hash FROM articles WHERE id = ?", (art["id"],)).fetchone()
        status = "stored"
        if row is not None:
            if row["input_hash"] == input_hash:
                return "unchanged"
            conn.execute("DELETE FROM articles WHERE rowid = ?", (row["rowid"],))
            status = "replaced"
        slim = {k: v for k, v in record.items() if k != "article"}
        slim["article"] = {k: v for k, v in art.items() if k != "text"}
        cur = conn.execute(
            """INSERT INTO articles (id, input_hash, title, url, source, lang, dct, dct_granularity,
                   published_earliest, published_latest, text, record, origin, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                art["id"],
                input_hash,
                art.get("title"),
                art.get("url"),
                art.get("source"),
                art["lang"],
                art["dct"],
                art["dct_granularity"],
                art["published"]["earliest"],
                art["published"]["latest"],
                art["text"],
                json.dumps(slim, ensure_ascii=False),
                origin,
                _now(),
            ),
        )
        rid = cur.lastrowid
        conn.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    rid,
                    e["id"],
                    e["name"],
                    name_key(e["name"]),
                    e["type"],
                    e.get("country"),
                    json.dumps(e.get("roles") or [], ensure_ascii=False),
                    len(e["mentions"]),
                )
                for e in record["entities"]
            ],
        )
        conn.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
            [(rid, e["id"], m["start"], m["end"], m["text"]) for e in record["entities"] for m in e["mentions"]],
        )
        conn.executemany(
            "INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    rid,
                    t["id"],
                    t["start"],
                    t["end"],
                    t["text"],
                    t["type"],
                    t["value"],
                    t.get("earliest"),
                    t.get("latest"),
                )
                for t in record["timexes"]
            ],
        )
        conn.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_quote_row(rid, q) for q in record["quotes"]],
        )
        conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(rid, v) for v in record["events"]],
        )
        conn.execute("DELETE FROM skipped WHERE article_id = ?", (art["id"],))
        return status

    def record_skip(self, origin: str, article_id: str, code: str, reason: str) -> None:
        """Remember an article that was read but not analysed (e.g. an unsupported language)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?, ?)",
                (origin, article_id, code, reason, _now()),
            )

    # -- reading ---------------------------------------------------------------------------------------
    def count(self) -> int:
        """Number of articles in the store."""
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def record(self, article_id: str) -> dict[str, Any]:
        """The full analysis record of one article (the contract), as it was stored."""
        row = self.conn.execute("SELECT record, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise DatelineError(
                "unknown-article", f"no article with id {article_id!r}", hint="'dateline articles' lists them"
            )
        rec: dict[str, Any] = json.loads(row["record"])
        rec["article"]["text"] = row["text"]
        # Key order as the contract writes it, for readers who diff records.
        return {
            "schema": rec["schema"],
            "article": rec["article"],
            **{k: rec[k] for k in ("entities", "timexes", "quotes", "events")},
        }

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record, in article id order."""
        for (aid,) in self.conn.execute("SELECT id FROM articles ORDER BY id").fetchall():
            yield self.record(aid)

    def articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Articles in publication order, filtered by a date range (overlap with the publication window),
        source and language."""
        where, args = _date_filter("published_earliest", "published_latest", since, until)
        if source:
            where.append("source = ?")
            args.append(source)
        if lang:
            where.append("lang = ?")
            args.append(lang)
        sql = f"""SELECT id, title, source, lang, dct, dct_granularity, published_earliest,
                         published_latest, substr(text, 1, 200) AS head,
                         (SELECT count(*) FROM entities e WHERE e.article_rowid = a.rowid) AS n_entities,
                         (SELECT count(*) FROM quotes q WHERE q.article_rowid = a.rowid) AS n_quotes,
                         (SELECT count(*) FROM events v WHERE v.article_rowid = a.rowid) AS n_events
                  FROM articles a {_where(where)}
                  ORDER BY published_earliest, published_latest, id"""
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [dict(r) for r in self.conn.execute(sql, args)]

    def entities(self, *, type: str | None = None, top: int | None = None) -> list[dict[str, Any]]:
        """Entities across the store, grouped by normalised name and type, most mentioned first."""
        where: list[str] = [] if type is None else ["type = ?"]
        args: list[Any] = [] if type is None else [type]
        sql = f"""SELECT name_key, type, count(DISTINCT article_rowid) AS articles,
                         sum(n_mentions) AS mentions, group_concat(name, '\x1f') AS names,
                         max(country) AS country
                  FROM entities {_where(where)}
                  GROUP BY name_key, type
                  ORDER BY mentions DESC, articles DESC, name_key"""
        if top is not None:
            sql += " LIMIT ?"
            args.append(top)
        out = []
        for r in self.conn.execute(sql, args):
            names = r["names"].split("\x1f")
            out.append(
                {
                    "name": max(set(names), key=lambda n: (names.count(n), len(n))),
                    "type": r["type"],
                    "country": r["country"],
                    "articles": r["articles"],
                    "mentions": r["mentions"],
                }
            )
        return out

    def _entity_rows(self, name: str) -> list[sqlite3.Row]:
        """Per-article entities that a name designates: same normalised name, or a one-word name that is
        the surname of a stored multi-word name ("Lavrov" -> "Sergueï Lavrov")."""
        key = name_key(name)
        rows = self.conn.execute(
            "SELECT article_rowid, local_id, name, type FROM entities WHERE name_key = ?", (key,)
        ).fetchall()
        if not rows and " " not in key:
            rows = self.conn.execute(
                "SELECT article_rowid, local_id, name, type FROM entities WHERE name_key LIKE ?",
                ("% " + key,),
            ).fetchall()
        return rows

    def timeline(self, name: str, *, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """What the store knows about an entity, in date order: its mentions per article, its quotes and
        the events it takes part in, each with its date (value and interval) and its evidence."""
        rows = self._entity_rows(name)
        if not rows:
            raise DatelineError(
                "unknown-entity",
                f"no entity named {name!r} in the store",
                hint="'dateline entities' lists them",
            )
        items: list[dict[str, Any]] = []
        for r in rows:
            art = self.conn.execute(
                """SELECT id, title, dct, dct_granularity, published_earliest, published_latest, text
                   FROM articles WHERE rowid = ?""",
                (r["article_rowid"],),
            ).fetchone()
            mentions = self.conn.execute(
                "SELECT start, end FROM mentions WHERE article_rowid = ? AND entity_local_id = ? ORDER BY start",
                (r["article_rowid"], r["local_id"]),
            ).fetchall()
            first = mentions[0]
            items.append(
                {
                    "kind": "mention",
                    "article": art["id"],
                    "title": art["title"],
                    "dct": art["dct"],
                    "granularity": art["dct_granularity"],
                    "value": art["dct"],
                    "earliest": art["published_earliest"],
                    "latest": art["published_latest"],
                    "count": len(mentions),
                    "text": _sentence_around(art["text"], first["start"], first["end"]),
                }
            )
            for q in self.conn.execute(
                "SELECT * FROM quotes WHERE article_rowid = ? AND speaker_entity = ?",
                (r["article_rowid"], r["local_id"]),
            ):
                items.append(
                    {
                        "kind": "quote",
                        "article": art["id"],
                        "title": art["title"],
                        "dct": art["dct"],
                        "granularity": art["dct_granularity"],
                        "value": q["date_value"] or art["dct"],
                        "earliest": q["earliest"] or art["published_earliest"],
                        "latest": q["latest"] or art["published_latest"],
                        "count": 1,
                        "text": q["text"],
                        "quote_kind": q["kind"],
                    }
                )
            for v in self.conn.execute(
                "SELECT * FROM events WHERE article_rowid = ? AND (source_entity = ? OR target_entity = ?)",
                (r["article_rowid"], r["local_id"], r["local_id"]),
            ):
                items.append(
                    {
                        "kind": "event",
                        "article": art["id"],
                        "title": art["title"],
                        "dct": art["dct"],
                        "granularity": art["dct_granularity"],
                        "value": v["date_value"] or art["dct"],
                        "earliest": v["earliest"] or art["published_earliest"],
                        "latest": v["latest"] or art["published_latest"],
                        "count": 1,
                        "text": art["text"][v["evidence_start"] : v["evidence_end"]],
                        "event_type": v["type"],
                        "source": v["source_code"],
                        "target": v["target_code"],
                    }
                )
        items = [i for i in items if _overlaps(i["earliest"], i["latest"], since, until)]
        order = {"event": 0, "quote": 1, "mention": 2}
        items.sort(key=lambda i: (i["earliest"], i["latest"], i["article"], order[i["kind"]]))
        return items

    def quotes(
        self,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes in date order, by speaker name, date range (overlap) and words in the quote."""
        where, args = _date_filter(
            "coalesce(q.earliest, a.published_earliest)",
            "coalesce(q.latest, a.published_latest)",
            since,
            until,
        )
        if speaker:
            rows = self._entity_rows(speaker)
            if not rows:
                return []
            where.append("(" + " OR ".join(["(q.article_rowid = ? AND q.speaker_entity = ?)"] * len(rows)) + ")")
            for r in rows:
                args += [r["article_rowid"], r["local_id"]]
        if search:
            for word in search.split():
                where.append("q.text LIKE ? ESCAPE '\\'")
                args.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql = f"""SELECT a.id AS article, a.dct, q.local_id AS id, q.kind, q.text, q.cue_text,
                         q.speaker_text, coalesce(e.name, q.speaker_text) AS speaker,
                         coalesce(q.date_value, a.dct) AS value,
                         coalesce(q.earliest, a.published_earliest) AS earliest,
                         coalesce(q.latest, a.published_latest) AS latest
                  FROM quotes q JOIN articles a ON a.rowid = q.article_rowid
                  LEFT JOIN entities e ON e.article_rowid = q.article_rowid AND e.local_id = q.speaker_entity
                  {_where(where)} ORDER BY earliest, latest, a.id, q.start"""
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [dict(r) for r in self.conn.execute(sql, args)]

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events in date order, by actor name (source or target), PLOVER type and date range."""
        where, args = _date_filter(
            "coalesce(v.earliest, a.published_earliest)",
            "coalesce(v.latest, a.published_latest)",
            since,
            until,
        )
        if type:
            where.append("v.type = ?")
            args.append(type.upper())
        if actor:
            rows = self._entity_rows(actor)
            if not rows:
                return []
            conds = []
            for r in rows:
                conds.append("(v.article_rowid = ? AND (v.source_entity = ? OR v.target_entity = ?))")
                args += [r["article_rowid"], r["local_id"], r["local_id"]]
            where.append("(" + " OR ".join(conds) + ")")
        sql = f"""SELECT a.id AS article, a.dct, v.local_id AS id, v.type, v.mode, v.cameo,
                         coalesce(s.name, v.source_code) AS source, v.source_code,
                         coalesce(t.name, v.target_code) AS target, v.target_code,
                         coalesce(v.date_value, a.dct) AS value,
                         coalesce(v.earliest, a.published_earliest) AS earliest,
                         coalesce(v.latest, a.published_latest) AS latest,
                         v.negated, v.modality, v.confidence,
                         substr(a.text, v.evidence_start + 1, v.evidence_end - v.evidence_start) AS evidence
                  FROM events v JOIN articles a ON a.rowid = v.article_rowid
                  LEFT JOIN entities s ON s.article_rowid = v.article_rowid AND s.local_id = v.source_entity
                  LEFT JOIN entities t ON t.article_rowid = v.article_rowid AND t.local_id = v.target_entity
                  {_where(where)} ORDER BY earliest, latest, a.id, v.evidence_start"""
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [dict(r) for r in self.conn.execute(sql, args)]

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search (FTS5) over titles and texts; words are matched as given, accents ignored."""
        terms = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        if not terms:
            return []
        sql = """SELECT a.id, a.dct, a.title,
                        snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
                 FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                 WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
        return [dict(r) for r in self.conn.execute(sql, (terms, limit))]

    def skipped(self) -> list[dict[str, Any]]:
        """Articles read but not analysed, with the reason."""
        return [dict(r) for r in self.conn.execute("SELECT * FROM skipped ORDER BY at, origin")]


def _quote_row(rid: int | None, q: dict[str, Any]) -> tuple[Any, ...]:
    sp = q.get("speaker") or {}
    date = q.get("date") or {}
    return (
        rid,
        q["id"],
        q["start"],
        q["end"],
        q["text"],
        q["kind"],
        (q.get("cue") or {}).get("text"),
        sp.get("start"),
        sp.get("end"),
        sp.get("text"),
        sp.get("entity"),
        date.get("value"),
        date.get("earliest"),
        date.get("latest"),
    )


def _event_row(rid: int | None, v: dict[str, Any]) -> tuple[Any, ...]:
    src = v.get("source") or {}
    tgt = v.get("target") or {}
    date = v.get("date") or {}
    return (
        rid,
        v["id"],
        v["type"],
        v.get("mode"),
        v.get("cameo"),
        src.get("entity"),
        src.get("code"),
        tgt.get("entity"),
        tgt.get("code"),
        date.get("value"),
        date.get("earliest"),
        date.get("latest"),
        int(bool(v.get("negated"))),
        v.get("modality", "asserted"),
        v["evidence"]["start"],
        v["evidence"]["end"],
        v.get("confidence"),
    )


def _where(conds: list[str]) -> str:
    return ("WHERE " + " AND ".join(conds)) if conds else ""


def _date_filter(lo_col: str, hi_col: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """Conditions keeping rows whose interval overlaps [since, until] (ISO days, either open)."""
    where: list[str] = []
    args: list[Any] = []
    if since:
        where.append(f"{hi_col} >= ?")
        args.append(since)
    if until:
        where.append(f"{lo_col} <= ?")
        args.append(until)
    return where, args


def _overlaps(lo: str, hi: str, since: str | None, until: str | None) -> bool:
    return (since is None or hi >= since) and (until is None or lo <= until)


def _sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence (or a window of it) around a span, for showing the evidence behind a mention."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = max(left, start - width)
    right = min(right, end + width)
    return " ".join(text[left:right].split())


def open_store(path: str | Path = "dateline.db", *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    ``readonly=True`` opens an existing store for queries only, and fails clearly if there is none.
    """
    return Store(path, readonly=readonly)
