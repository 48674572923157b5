"""Stores: where analysis records live and are queried. A SQLite file by default; a PostgreSQL database,
shared by several writers and readers, when given a ``postgresql://`` URL."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.store.base import Store

__all__ = ["Store", "is_url", "open_store", "shown"]

_SCHEMES = ("postgresql://", "postgres://")


def is_url(db: str | Path) -> bool:
    """True when ``db`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(db, str) and db.startswith(_SCHEMES)


def shown(db: str | Path) -> str:
    """``db`` as messages show it: a database URL without its password."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", str(db))


def open_store(path: str | Path = "dateline.db", *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path``: a SQLite file, or a PostgreSQL
    database given as ``postgresql://[user[:password]@]host[:port]/dbname`` (the database must exist).

    ``readonly=True`` opens an existing store for queries only, and fails clearly if there is none.
    """
    if is_url(path):
        from dateline.store.postgres import PostgresStore

        return PostgresStore(str(path), readonly=readonly)
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(path, readonly=readonly)
