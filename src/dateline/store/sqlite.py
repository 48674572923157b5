"""The SQLite store: one file, WAL mode, versioned migrations, FTS5 on article text."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.store.base import RESUME, Store
from dateline.store.dialect import SQLITE, Cursor
from dateline.store.migrations import migrate

__all__ = ["SQLiteStore"]


def _needs_migration(path: str) -> bool:
    from dateline.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path)
    try:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
    finally:
        conn.close()
    return bool(0 < version < len(MIGRATIONS))


class SQLiteStore(Store):
    """A dateline store backed by one SQLite file."""

    conn: sqlite3.Connection
    dialect = SQLITE
    db_error = sqlite3.Error

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly:
            if Path(self.path).exists() and _needs_migration(self.path):
                SQLiteStore(self.path).close()  # upgrade the schema once, then read as asked
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
        self._inode: int | None = None
        if not readonly:
            with suppress(OSError):  # ":memory:" and the like: no file to watch
                self._inode = os.stat(self.path).st_ino

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _rollback(self) -> None:
        # SQLite may have rolled back already (a full disk during COMMIT does).
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def _plain(self, sql: str, args: Sequence[Any]) -> Cursor:
        cur = self.conn.cursor()
        cur.row_factory = None
        return cur.execute(sql, args)

    def _check_alive(self) -> None:
        """Fail if the store file was deleted or replaced since it was opened.

        SQLite keeps writing to its open file descriptor after the file is unlinked, so without this a
        run whose database was removed would "succeed" into a file nobody can open again.
        """
        if self._inode is None:
            return
        try:
            inode = os.stat(self.path).st_ino
        except OSError:
            inode = None
        if inode != self._inode:
            raise DatelineError(
                "store-gone",
                f"the store file {self.path} was deleted or replaced during the run",
                hint="restore it (or start a new store) and run the same command again to finish",
            )

    def _store_error(self, exc: Exception) -> DatelineError:
        """A failed write as a clear error. The batch was rolled back whole, so what is stored is complete
        and running the same ingest again finishes the job."""
        message = str(exc)
        if "full" in message:
            code, hint = "store-full", f"free disk space (or raise the database size limit); {RESUME}"
        elif "locked" in message or "busy" in message:
            code, hint = "store-busy", f"another process holds the store's write lock; {RESUME}"
        elif "readonly" in message or "read-only" in message:
            code, hint = "store-readonly", f"the store file or its folder is not writable; {RESUME}"
        else:
            code, hint = "store-failed", f"the store file may have been moved, deleted or damaged; {RESUME}"
        return DatelineError(code, f"writing to {self.path} failed: {message}", hint=hint)
