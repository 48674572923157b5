"""The SQLite store: one file, WAL mode, versioned migrations, FTS5 on article text."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.store.base import REFUSED, REFUSED_HINT, RESUME, Store
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


def _nearly_full(folder: str) -> bool:
    """True when the file system of ``folder`` has less than 1 MiB left: SQLite reports some writes that
    fail for want of space (its shared-memory file's) as a plain "disk I/O error"."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 1 << 20


def _remove_unborn(path: str) -> None:
    """Remove what a failed creation of the store left behind (an empty file, a schema never committed,
    their WAL files), never a store that holds anything: another process may have created it meanwhile."""
    with suppress(OSError):
        if os.path.getsize(path) > 0:
            try:
                conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
                try:
                    (version,) = conn.execute("PRAGMA user_version").fetchone()
                    (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                finally:
                    conn.close()
            except sqlite3.Error:
                version = tables = 0  # nothing anyone could read: what this failed creation wrote
            if version or tables:
                return
        os.remove(path)
        for extra in ("-wal", "-shm", "-journal"):
            with suppress(OSError):
                os.remove(path + extra)


class SQLiteStore(Store):
    """A dateline store backed by one SQLite file."""

    conn: sqlite3.Connection
    dialect = SQLITE
    db_error = sqlite3.Error

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        new = not readonly and not os.path.lexists(self.path)
        try:
            self._open(readonly)
        except BaseException as exc:
            with suppress(Exception):
                self.conn.close()
            if new:
                _remove_unborn(self.path)
            if isinstance(exc, sqlite3.Error):
                raise self._open_error(exc, new) from exc
            raise

    def _open(self, readonly: bool) -> None:
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

    def _open_error(self, exc: sqlite3.Error, new: bool) -> DatelineError:
        """An error creating, opening or migrating the store, as a clear error with what to do."""
        message = str(exc)
        folder = os.path.dirname(os.path.abspath(self.path))
        doing = "creating" if new else "opening"
        if "full" in message or ("I/O error" in message and _nearly_full(folder)):
            code, hint = "store-full", "free disk space or pass another --db, then run the same command again"
        elif "locked" in message or "busy" in message:
            code, hint = "store-busy", "another process holds the store's write lock: run the same command again"
        elif not os.path.isdir(folder):
            code, hint = "store-unusable", f"the folder {folder} does not exist: create it, or pass another --db"
        elif os.path.isdir(self.path):
            code, hint = "store-unusable", "that is a folder: pass a file name, e.g. --db news.db"
        elif "readonly" in message or "read-only" in message or not os.access(folder, os.W_OK):
            code, hint = (
                "store-readonly",
                "the store file or its folder is not writable: check their permissions, or pass another --db",
            )
        elif "not a database" in message or "malformed" in message:
            code = "store-unusable"
            hint = (
                "the file is not a dateline store, or is damaged: pass the right --db; "
                "sqlite3's .recover may save a damaged one"
            )
        else:
            code, hint = "store-unusable", "check the file and its folder, or pass another --db"
        return DatelineError(code, f"{doing} the store {self.path} failed: {message}", hint=hint)

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
        if isinstance(exc, sqlite3.DataError | sqlite3.IntegrityError | sqlite3.InterfaceError):
            # A value the database will not take (a string too big, a type it cannot bind): the record's.
            return DatelineError(REFUSED, f"{self.path} refused the record: {message}", hint=REFUSED_HINT)
        if "full" in message or ("I/O error" in message and _nearly_full(os.path.dirname(os.path.abspath(self.path)))):
            code, hint = "store-full", f"free disk space (or raise the database size limit); {RESUME}"
        elif "locked" in message or "busy" in message:
            code, hint = "store-busy", f"another process holds the store's write lock; {RESUME}"
        elif "readonly" in message or "read-only" in message:
            code, hint = "store-readonly", f"the store file or its folder is not writable; {RESUME}"
        else:
            code, hint = "store-failed", f"the store file may have been moved, deleted or damaged; {RESUME}"
        return DatelineError(code, f"writing to {self.path} failed: {message}", hint=hint)
