"""What every store does, whatever database holds it: writing records, the user's corrections, reading.

Articles are keyed by their stable id. Writing a record is idempotent: the same input (same id, same
input hash) is left alone, and the same id with new input replaces the article's facts in one
transaction, so a crash or Ctrl-C never leaves half an article behind. Write transactions are taken one
at a time (SQLite's write lock; an advisory lock on PostgreSQL), so writers in several processes never
store an article twice nor cluster the same names two ways.

The backends (:mod:`dateline.store.sqlite`, :mod:`dateline.store.postgres`) add only the connection,
its transactions, the schema and how their errors read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Unpack

from dateline.entities.normalize import name_key
from dateline.errors import DatelineError
from dateline.store.aliases import format_aliases, parse_aliases
from dateline.store.dialect import Connection
from dateline.store.forms import add_entity_forms, form_key, require_form, resolve
from dateline.store.queries import FilterArgs, Filters, Queries, filters_of
from dateline.store.results import Rows

__all__ = ["MAX_ORIGIN", "REFUSED", "RESUME", "Store"]

# How a failed run is finished: the batch that failed was rolled back whole.
RESUME = "every article stored before it is complete: run the same command again to finish"

# The longest origin (file and line) the table of skipped articles keeps whole.
MAX_ORIGIN = 200

# The code of a write the database refused because of what one record holds (a value it cannot take),
# not because of the store: ingest then writes the batch's articles one by one, and only that one fails.
REFUSED = "store-refused"
REFUSED_HINT = (
    "the other articles are stored; this one will be refused again until its input changes: "
    "please report it with this message"
)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _mark(conn: Connection, keys: list[str]) -> None:
    """Mark the blocks of forms (and of their current clusters) for re-clustering."""
    for key in keys:
        conn.execute(
            "INSERT INTO dirty_blocks SELECT block FROM form_blocks WHERE key = ? ON CONFLICT DO NOTHING", (key,)
        )
        conn.execute(
            """INSERT INTO dirty_blocks SELECT b.block FROM form_blocks b JOIN forms f ON f.key = b.key
               WHERE f.cluster = (SELECT cluster FROM forms WHERE key = ?) ON CONFLICT DO NOTHING""",
            (key,),
        )


class Store(Queries):
    """A dateline store. Use :func:`dateline.store.open_store` to get one: a SQLite file
    (:class:`~dateline.store.sqlite.SQLiteStore`) or a PostgreSQL database
    (:class:`~dateline.store.postgres.PostgresStore`)."""

    # Where the store is, for messages (a file path, or a database URL without its password).
    path: str
    # The database library's base exception, which the write paths turn into a DatelineError.
    db_error: type[Exception] = Exception

    # -- what a backend provides ----------------------------------------------------------------------
    def _begin(self) -> None:
        """Start a write transaction, waiting until no other writer holds one."""
        raise NotImplementedError

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        """Roll back after an error, without raising (the first error is the one that matters)."""
        raise NotImplementedError

    def _store_error(self, exc: Exception) -> DatelineError:
        """A database error met while reading or writing during a run, as a clear error."""
        raise NotImplementedError

    def _check_alive(self) -> None:
        """Fail clearly, before writing, if the store is known to be gone."""

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    @property
    def broken(self) -> bool:
        """True when the connection was lost (a server that went away): open the store again."""
        return False

    # -- lifecycle -------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction, rolled back on any exception (KeyboardInterrupt included); a database
        error comes out as a DatelineError saying what happened and how to finish."""
        try:
            self._begin()
            yield self.conn
            self._commit()
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, self.db_error):
                raise self._store_error(exc) from exc
            raise
        # Our own commits do not change the data version other connections' commits change: forget
        # cached name lookups here.
        self._cluster_cache = None

    # -- writing ---------------------------------------------------------------------------------------
    def known_hash(self, article_id: str) -> str | None:
        """The input hash stored for ``article_id``, or None if the article is not in the store."""
        try:
            row = self.conn.execute("SELECT input_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        except self.db_error as exc:  # a database server gone between two batches
            raise self._store_error(exc) from exc
        return None if row is None else str(row[0])

    def write_records(self, items: Iterable[tuple[dict[str, Any], str, str | None]]) -> list[str]:
        """Store ``(record, input_hash, origin)`` items in one transaction.

        Returns one status per item: ``stored``, ``replaced`` or ``unchanged``.
        """
        statuses: list[str] = []
        self._check_alive()
        try:
            with self.transaction() as conn:
                for record, input_hash, origin in items:
                    statuses.append(self._write_one(conn, record, input_hash, origin))
                # Clusters are brought up to date in the same transaction, so a reader never sees an
                # article whose entities belong to no cluster.
                resolve(conn)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError, UnicodeError) as exc:
            # Not the database's error but the record's (a field missing or of the wrong type in a record
            # read back, a number too large for a column): rolled back like any other.
            raise DatelineError(
                REFUSED, f"the record could not be written: {type(exc).__name__}: {exc}", hint=REFUSED_HINT
            ) from exc
        return statuses

    def _write_one(self, conn: Connection, record: dict[str, Any], input_hash: str, origin: str | None) -> str:
        art = record["article"]
        row = conn.execute("SELECT rowid, input_hash FROM articles WHERE id = ?", (art["id"],)).fetchone()
        status = "stored"
        if row is not None:
            if row["input_hash"] == input_hash:
                return "unchanged"
            old = conn.execute(
                "SELECT form_key, name, type, country, n_mentions FROM entities WHERE article_rowid = ?",
                (row["rowid"],),
            ).fetchall()
            add_entity_forms(conn, [tuple(r) for r in old], -1)
            conn.execute("DELETE FROM articles WHERE rowid = ?", (row["rowid"],))
            status = "replaced"
        slim = {k: v for k, v in record.items() if k != "article"}
        slim["article"] = {k: v for k, v in art.items() if k != "text"}
        (rid,) = conn.execute(
            """INSERT INTO articles (id, input_hash, title, url, source, lang, dct, dct_granularity,
                   published_earliest, published_latest, text, record, origin, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid""",
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
        ).fetchone()
        ents = [(e, form_key(e["name"], e["type"], e.get("country"))) for e in record["entities"]]
        conn.executemany(
            """INSERT INTO entities (article_rowid, local_id, name, name_key, type, country, roles, n_mentions,
                   form_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                    key,
                )
                for e, key in ents
            ],
        )
        add_entity_forms(
            conn, [(key, e["name"], e["type"], e.get("country"), len(e["mentions"])) for e, key in ents], +1
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
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(rid, v) for v in record["events"]],
        )
        conn.execute("DELETE FROM skipped WHERE article_id = ?", (art["id"],))
        return status

    def record_skip(self, origin: str, article_id: str, code: str, reason: str) -> None:
        """Remember an article that was read but not analysed (e.g. an unsupported language).

        ``origin`` (a path and a line) is part of the table's key: one longer than :data:`MAX_ORIGIN`
        characters is kept as its start and its end, on both backends alike (PostgreSQL cannot index a
        key of more than about 2,700 bytes)."""
        if len(origin) > MAX_ORIGIN:
            head = (MAX_ORIGIN - 1) // 2
            origin = origin[:head] + "…" + origin[-(MAX_ORIGIN - 1 - head) :]
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO skipped VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin, article_id)
                   DO UPDATE SET code = excluded.code, reason = excluded.reason, at = excluded.at""",
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
        after: list[Any] | None = None,
        limit: int | None = None,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Articles in publication order, filtered by date range (on the publication window), source and
        language; ``after`` is the (earliest, latest, id) key of the last row of a previous page."""
        f = filters_of(filters, kw).on("published_earliest", "published_latest")
        if after is not None:
            f.add("(published_earliest, published_latest, id) > (?, ?, ?)", *after)
        sql = f"""SELECT id, title, source, lang, dct, dct_granularity, published_earliest,
                         published_latest, substr(text, 1, 200) AS head,
                         (SELECT count(*) FROM entities e WHERE e.article_rowid = a.rowid) AS n_entities,
                         (SELECT count(*) FROM timexes t WHERE t.article_rowid = a.rowid) AS n_timexes,
                         (SELECT count(*) FROM quotes q WHERE q.article_rowid = a.rowid) AS n_quotes,
                         (SELECT count(*) FROM events v WHERE v.article_rowid = a.rowid) AS n_events
                  FROM articles a {f.where}
                  ORDER BY published_earliest, published_latest, id"""
        args = list(f.args)
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return Rows(self._dicts(sql, args))

    # -- entity resolution and the user's corrections ---------------------------------------------------
    def resolve(self, *, full: bool = False) -> int:
        """Bring clusters up to date (ingest does it; useful after an interrupted run). ``full`` also
        rebuilds every cluster's row, for a store built before a change of the resolution rules."""
        with self.transaction() as conn:
            return resolve(conn, full=full)

    def merge(self, a: str, b: str) -> str:
        """Record that the entities named ``a`` and ``b`` are one, and re-cluster; returns the cluster id.

        Kept in the corrections table and re-applied whenever clusters are recomputed, so it survives
        re-ingest. Unknown names are an error and change nothing.
        """
        with self.transaction() as conn:
            ka, kb = require_form(conn, a), require_form(conn, b)
            if ka == kb:
                raise DatelineError("same-entity", f"{a!r} and {b!r} are the same name")
            conn.execute("INSERT INTO corrections (op, a, b, at) VALUES ('merge', ?, ?, ?)", (ka, kb, _now()))
            _mark(conn, [ka, kb])
            resolve(conn)
            return str(conn.execute("SELECT cluster FROM forms WHERE key = ?", (ka,)).fetchone()[0])

    def split(self, name: str) -> None:
        """Record that the name ``name`` stands alone: rules no longer attach it to another name (merges
        the user made still apply)."""
        with self.transaction() as conn:
            key = require_form(conn, name)
            conn.execute("INSERT INTO corrections (op, a, b, at) VALUES ('split', ?, NULL, ?)", (key, _now()))
            conn.execute("DELETE FROM corrections WHERE op = 'merge' AND (a = ? OR b = ?)", (key, key))
            _mark(conn, [key])
            resolve(conn)

    def rename(self, name: str, new_name: str) -> None:
        """Give the entity that ``name`` designates the display name ``new_name``."""
        if not new_name.strip():
            raise DatelineError("bad-name", "the new name is empty")
        with self.transaction() as conn:
            key = require_form(conn, name)
            cluster = conn.execute("SELECT cluster FROM forms WHERE key = ?", (key,)).fetchone()[0]
            conn.execute(
                "INSERT INTO corrections (op, a, b, at) VALUES ('rename', ?, ?, ?)", (cluster, new_name.strip(), _now())
            )
            _mark(conn, [key])
            resolve(conn)

    def corrections(self) -> Rows:
        """The user's corrections, oldest first."""
        return Rows(
            [dict(r) for r in self.conn.execute("SELECT id, op, a, b, at FROM corrections ORDER BY id")],
            ["id", "op", "a", "b", "at"],
        )

    def export_aliases(self) -> str:
        """The corrections as an alias file (see :mod:`dateline.store.aliases`), to version or share."""
        return format_aliases([(r["op"], r["a"], r["b"]) for r in self.corrections()])

    def import_aliases(self, path: str) -> int:
        """Apply an alias file; all of it or, on any error (reported with file:line), none of it."""
        ops = parse_aliases(path)
        with self.transaction() as conn:
            for op, a, b, line in ops:
                try:
                    ka = require_form(conn, a)
                    kb = require_form(conn, b) if op == "merge" and b is not None else b
                except DatelineError as err:
                    raise err.located(path, line) from None
                if op == "rename":
                    ka = conn.execute("SELECT cluster FROM forms WHERE key = ?", (ka,)).fetchone()[0] or ka
                conn.execute("INSERT INTO corrections (op, a, b, at) VALUES (?, ?, ?, ?)", (op, ka, kb, _now()))
                _mark(conn, [k for k in (ka, kb if op == "merge" else None) if k])
            resolve(conn)
        return len(ops)

    def skipped(self) -> Rows:
        """Articles read but not analysed, with the reason."""
        return Rows(
            [dict(r) for r in self.conn.execute("SELECT * FROM skipped ORDER BY at, origin")],
            ["origin", "article_id", "code", "reason", "at"],
        )


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
        int(bool(v.get("symmetric"))),
    )
