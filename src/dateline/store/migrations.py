"""Versioned schema migrations for the SQLite store.

Each migration is a list of SQL statements; ``PRAGMA user_version`` records how many have run. A store
created by an older dateline is upgraded in place on open, inside one transaction per migration, so an
interrupted upgrade leaves the file at the previous version, never half-way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["MIGRATIONS", "migrate"]

Step = str | Callable[[sqlite3.Connection], None]

_V1: list[Step] = [
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        input_hash TEXT NOT NULL,
        title TEXT,
        url TEXT,
        source TEXT,
        lang TEXT NOT NULL,
        dct TEXT NOT NULL,
        dct_granularity TEXT NOT NULL,
        published_earliest TEXT NOT NULL,
        published_latest TEXT NOT NULL,
        text TEXT NOT NULL,
        record TEXT NOT NULL,
        origin TEXT,
        ingested_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX articles_published ON articles(published_earliest, published_latest)",
    "CREATE INDEX articles_source ON articles(source, published_earliest)",
    "CREATE INDEX articles_lang ON articles(lang)",
    """
    CREATE TABLE entities (
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        n_mentions INTEGER NOT NULL,
        PRIMARY KEY (article_rowid, local_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entities_name_key ON entities(name_key, type)",
    "CREATE INDEX entities_type ON entities(type)",
    """
    CREATE TABLE mentions (
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        entity_local_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    )
    """,
    "CREATE INDEX mentions_article ON mentions(article_rowid, entity_local_id)",
    """
    CREATE TABLE timexes (
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        earliest TEXT,
        latest TEXT,
        PRIMARY KEY (article_rowid, local_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX timexes_dates ON timexes(earliest, latest)",
    """
    CREATE TABLE quotes (
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_text TEXT,
        speaker_entity TEXT,
        date_value TEXT,
        earliest TEXT,
        latest TEXT,
        PRIMARY KEY (article_rowid, local_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX quotes_speaker ON quotes(article_rowid, speaker_entity)",
    "CREATE INDEX quotes_dates ON quotes(earliest, latest)",
    """
    CREATE TABLE events (
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo TEXT,
        source_entity TEXT,
        source_code TEXT,
        target_entity TEXT,
        target_code TEXT,
        date_value TEXT,
        earliest TEXT,
        latest TEXT,
        negated INTEGER NOT NULL,
        modality TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        confidence REAL,
        PRIMARY KEY (article_rowid, local_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX events_type ON events(type, earliest)",
    "CREATE INDEX events_dates ON events(earliest, latest)",
    """
    CREATE TABLE skipped (
        origin TEXT NOT NULL,
        article_id TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (origin, article_id)
    )
    """,
    # FTS5 over titles and texts, kept in sync by triggers; 'remove_diacritics 2' lets "Sergueï" be found
    # by "serguei", which users type.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END
    """,
]


def _backfill_forms(conn: sqlite3.Connection) -> None:
    """Give entities stored before version 2 their form key and build the form statistics."""
    from dateline.store.forms import add_entity_forms, form_key

    rows = conn.execute("SELECT article_rowid, local_id, name, type, country, n_mentions FROM entities").fetchall()
    for rid, lid, name, etype, country, n in rows:
        key = form_key(name, etype, country)
        conn.execute("UPDATE entities SET form_key = ? WHERE article_rowid = ? AND local_id = ?", (key, rid, lid))
        add_entity_forms(conn, [(key, name, etype, country, n)], +1)


# Version 2: cross-document entity resolution. Forms are normalised names with store-wide statistics;
# each form belongs to a cluster (a canonical entity); blocks say which forms may cluster together so
# new articles re-cluster only what they touch; corrections are the user's merges, splits and renames.
_V2: list[Step] = [
    "ALTER TABLE entities ADD COLUMN form_key TEXT",
    """
    CREATE TABLE forms (
        key TEXT PRIMARY KEY,
        n_mentions INTEGER NOT NULL DEFAULT 0,
        n_articles INTEGER NOT NULL DEFAULT 0,
        n_per INTEGER NOT NULL DEFAULT 0,
        n_org INTEGER NOT NULL DEFAULT 0,
        n_loc INTEGER NOT NULL DEFAULT 0,
        n_gpe INTEGER NOT NULL DEFAULT 0,
        n_misc INTEGER NOT NULL DEFAULT 0,
        country TEXT,
        cluster TEXT
    ) WITHOUT ROWID
    """,
    "CREATE INDEX forms_cluster ON forms(cluster)",
    """
    CREATE TABLE form_names (
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (key, name)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE form_blocks (
        block TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (block, key)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX form_blocks_key ON form_blocks(key, block)",
    "CREATE TABLE dirty_blocks (block TEXT PRIMARY KEY) WITHOUT ROWID",
    """
    CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        n_forms INTEGER NOT NULL
    ) WITHOUT ROWID
    """,
    "CREATE INDEX clusters_name ON clusters(name_key)",
    "CREATE INDEX clusters_type ON clusters(type)",
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        op TEXT NOT NULL CHECK (op IN ('merge', 'split', 'rename')),
        a TEXT NOT NULL,
        b TEXT,
        at TEXT NOT NULL
    )
    """,
    _backfill_forms,
    "CREATE INDEX entities_form ON entities(form_key, article_rowid)",
]

# Version 3: whether an event is reciprocal ("X et Y se sont entretenus"), so that grouping the same
# event across articles does not depend on which actor a text names first.
# Also the countries seen for each form, counted, so a form's country is the majority one, whatever the
# order in which articles arrived (the first one seen used to stick).
_V3: list[Step] = [
    "ALTER TABLE events ADD COLUMN symmetric INTEGER NOT NULL DEFAULT 0",
    """
    CREATE TABLE form_countries (
        key TEXT NOT NULL,
        country TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (key, country)
    ) WITHOUT ROWID
    """,
    """
    INSERT INTO form_countries
    SELECT form_key, country, count(*) FROM entities
    WHERE form_key IS NOT NULL AND country IS NOT NULL GROUP BY form_key, country
    """,
    "INSERT OR IGNORE INTO dirty_blocks SELECT DISTINCT block FROM form_blocks",
]

MIGRATIONS: list[list[Step]] = [list(_V1), _V2, _V3]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to the latest schema version; return that version.

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions are explicit here.
    """
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > len(MIGRATIONS):
        from dateline.errors import DatelineError

        raise DatelineError(
            "store-too-new",
            f"the store is at schema version {version}, newer than this dateline ({len(MIGRATIONS)})",
            hint="upgrade dateline",
        )
    for i in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stmt in MIGRATIONS[i]:
                if callable(stmt):
                    stmt(conn)
                else:
                    conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {i + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return len(MIGRATIONS)
