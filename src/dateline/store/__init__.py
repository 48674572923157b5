"""Stores: where analysis records live and are queried. SQLite by default."""

from dateline.store.sqlite import Store, open_store

__all__ = ["Store", "open_store"]
