"""The PostgreSQL store: one database shared by several writers (``dateline ingest`` runs on several
machines or processes) and readers (the CLI, ``dateline serve``), selected by a ``postgresql://`` URL.

Same schema, same SQL, same results as the SQLite store (see :mod:`dateline.store.dialect` for what
differs). Needs the ``postgres`` extra (psycopg 3), imported only when a URL is opened.

Writers take turns: each write transaction first takes a transaction-level advisory lock, as SQLite's
``BEGIN IMMEDIATE`` takes its write lock. An article already stored by another writer is then seen
(same id, same input hash: left alone), and the cross-document resolution of names, which re-clusters
every form, always runs on everything committed before it. Readers never wait (MVCC).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack, suppress
from functools import lru_cache
from typing import Any, ClassVar

from dateline.errors import DatelineError
from dateline.store import shown
from dateline.store.base import REFUSED, REFUSED_HINT, RESUME, Store
from dateline.store.dialect import POSTGRES, Cursor
from dateline.store.pg_migrations import MIGRATIONS, migrate, schema_version

try:
    import psycopg
    from psycopg.rows import tuple_row
except ImportError as exc:  # the postgres extra is not installed
    raise DatelineError(
        "missing-extra",
        "a PostgreSQL store needs psycopg 3",
        hint="pip install 'dateline[postgres]'",
    ) from exc

__all__ = ["PostgresStore"]

# The key of the store's write lock (pg_advisory_xact_lock): 'dateline' in ASCII, as a bigint.
WRITE_LOCK = int.from_bytes(b"dateline", "big") & 0x7FFF_FFFF_FFFF_FFFF


@lru_cache(maxsize=2048)
def to_pyformat(sql: str) -> str:
    """The store's SQL (``?`` placeholders) in psycopg's (``%s``, a literal ``%`` doubled). A ``?``
    inside a quoted string or identifier is left alone."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")
        elif quote:
            quote = "" if ch == quote else quote
            out.append(ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        else:
            out.append("%s" if ch == "?" else ch)
    return "".join(out)


class Row(tuple[Any, ...]):
    """A result row: a tuple whose values are also addressable by column name, like ``sqlite3.Row``."""

    __slots__ = ()
    _index: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            key = self._index[key]
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})


def _rows(cursor: Any) -> Any:
    """psycopg row factory making :class:`Row` objects."""
    desc = cursor.description
    return _row_class(tuple(d.name for d in desc)) if desc else tuple


class PgConnection:
    """A psycopg connection that speaks the store's SQL (``?`` placeholders), in autocommit mode:
    transactions are explicit, as on the SQLite connection."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.raw.execute(to_pyformat(sql), parameters)

    def executemany(self, sql: str, parameters: Any, /) -> None:
        # psycopg pipelines the statements: one round trip for the lot.
        with self.raw.cursor() as cur:
            cur.executemany(to_pyformat(sql), parameters)

    def plain(self, sql: str, parameters: Sequence[Any]) -> Cursor:
        cur = self.raw.cursor(row_factory=tuple_row)
        cur.execute(to_pyformat(sql), parameters)
        return cur


class PostgresStore(Store):
    """A dateline store in a PostgreSQL database (which must exist; the schema is created on open)."""

    conn: PgConnection
    dialect = POSTGRES
    db_error = psycopg.Error

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.path = shown(url)
        self.readonly = readonly
        self.raw = self._connect(readonly)
        self._pipeline: ExitStack | None = None
        self.conn = PgConnection(self.raw)
        try:
            version = schema_version(self.conn)
            if readonly and version == 0:
                raise DatelineError(
                    "no-store",
                    f"no dateline store in {self.path}",
                    hint="run 'dateline ingest --db URL' first, or pass another --db",
                )
            if readonly and version < len(MIGRATIONS):
                PostgresStore(url).close()  # upgrade the schema once, then read as asked
            elif not readonly:
                migrate(self.conn, self._lock)
        except BaseException as exc:
            error = self._open_error(exc) if isinstance(exc, psycopg.Error) else None  # before closing: it looks
            self.raw.close()
            if error is not None:
                raise error from exc
            raise

    def _connect(self, readonly: bool) -> psycopg.Connection[Any]:
        kw: dict[str, Any] = {}
        if "connect_timeout" not in self.url:
            kw["connect_timeout"] = 10
        if readonly:
            kw["options"] = "-c default_transaction_read_only=on"
        try:
            return psycopg.connect(self.url, autocommit=True, row_factory=_rows, **kw)
        except psycopg.Error as exc:
            message = str(exc).strip()
            if "does not exist" in message and "database" in message:
                raise DatelineError(
                    "no-store",
                    f"no database at {self.path}: {message}",
                    hint="create it (createdb, or CREATE DATABASE) and run the command again",
                ) from exc
            raise DatelineError(
                "store-unreachable",
                f"cannot connect to {self.path}: {message}",
                hint="check that the PostgreSQL server is running and that the URL's host, port, user, password "
                "and database are right; then run the command again",
            ) from exc

    # -- the backend's part ------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self.raw.close()

    @property
    def broken(self) -> bool:
        return bool(self.raw.broken or self.raw.closed)

    def _lock(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self._lock()
        # Pipeline mode: statements whose results are not read go out without waiting for the server,
        # a round trip per read instead of per statement (errors surface at the next read, at the
        # latest at COMMIT, still inside the transaction).
        self._pipeline = ExitStack()
        self._pipeline.enter_context(self.raw.pipeline())

    def _end_pipeline(self) -> None:
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.close()

    def _commit(self) -> None:
        self.conn.execute("COMMIT")
        self._end_pipeline()

    def _rollback(self) -> None:
        with suppress(psycopg.Error):
            self._end_pipeline()
        if not self.raw.closed:
            with suppress(psycopg.Error):
                self.conn.execute("ROLLBACK")

    def _plain(self, sql: str, args: Sequence[Any]) -> Cursor:
        return self.conn.plain(sql, args)

    def _open_error(self, exc: psycopg.Error) -> DatelineError:
        """An error reading or creating the schema when the store is opened, as a clear error."""
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        state = exc.sqlstate or ""
        if self.broken or state.startswith("08") or state in ("57P01", "57P02", "57P03"):
            code, hint = (
                "store-gone",
                "the server went away or the connection broke; once it is back, run the command again",
            )
        elif state.startswith("53"):
            code, hint = (
                "store-full",
                "the database server is out of disk space or another resource; free some, then run the command again",
            )
        elif state in ("25006", "42501"):
            code = "store-readonly"
            hint = (
                "this user may not create the store's tables here (a standby, a read-only setting or missing rights): "
                "grant them, or have an administrator run the first ingest (and CREATE EXTENSION unaccent)"
            )
        else:
            code, hint = "store-unusable", "the database does not hold a usable dateline store: pass another --db"
        return DatelineError(code, f"opening the store {self.path} failed: {message}", hint=hint)

    def _store_error(self, exc: Exception) -> DatelineError:
        """A database error during a run as a clear error. The transaction was rolled back whole, so what
        is stored is complete and running the same command again finishes the job."""
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        state = getattr(exc, "sqlstate", None) or ""
        if self.broken or state.startswith("08") or state in ("57P01", "57P02", "57P03"):
            code, hint = "store-gone", f"the server went away or the connection broke; once it is back, {RESUME}"
            return DatelineError(code, f"the connection to {self.path} was lost: {message}", hint=hint)
        if isinstance(exc, psycopg.DataError | psycopg.IntegrityError) or state.startswith("54"):
            # A value the database will not take (a NUL in a text, a key too long to index): the record's.
            return DatelineError(REFUSED, f"{self.path} refused the record: {message}", hint=REFUSED_HINT)
        if state.startswith("53"):
            code, hint = "store-full", f"the database server is out of disk space or another resource; {RESUME}"
        elif state in ("25006", "42501"):
            code = "store-readonly"
            hint = f"the database is read-only for this user (a standby, read-only setting or missing rights); {RESUME}"
        elif state in ("40001", "40P01", "55P03"):
            code, hint = "store-busy", f"another session held a lock the write needed; {RESUME}"
        else:
            code, hint = "store-failed", f"the database refused the write; {RESUME}"
        return DatelineError(code, f"writing to {self.path} failed: {message}", hint=hint)
