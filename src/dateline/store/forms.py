"""Store-side entity resolution: form statistics, dirty blocks, incremental re-clustering, corrections.

Writing an article adds its entities' mentions to their forms' statistics and marks the forms' blocks
dirty; :func:`resolve` re-clusters exactly the forms connected to dirty blocks (and to corrections
touching them) with :func:`dateline.entities.resolve.cluster_forms`, and refreshes their clusters.
Because clustering is a function of the forms' statistics and the corrections only, ingesting the same
articles in any order gives the same clusters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from dateline.entities.normalize import fold
from dateline.entities.resolve import Form, block_keys, cluster_forms, core_key, phonetic, tokens
from dateline.errors import DatelineError

__all__ = ["add_entity_forms", "find_clusters", "form_key", "resolve"]

_TYPE_COL = {"PER": "n_per", "ORG": "n_org", "LOC": "n_loc", "GPE": "n_gpe", "MISC": "n_misc"}


def form_key(name: str, etype: str, country: str | None) -> str:
    """The form an entity belongs to: its country for a state actor, else its normalised name."""
    if etype == "GPE" and country:
        return "@" + country
    return core_key(name) or fold(name)


def add_entity_forms(
    conn: sqlite3.Connection, items: Iterable[tuple[str, str, str, str | None, int]], sign: int
) -> None:
    """Add (``sign=+1``) or remove (``-1``) entities ``(form_key, name, type, country, n_mentions)``."""
    for key, name, etype, country, n in items:
        col = _TYPE_COL.get(etype, "n_misc")
        conn.execute(
            f"""INSERT INTO forms (key, n_mentions, n_articles, {col}, country) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET n_mentions = n_mentions + excluded.n_mentions,
                    n_articles = n_articles + excluded.n_articles, {col} = {col} + excluded.{col},
                    country = coalesce(forms.country, excluded.country)""",
            (key, sign * n, sign, sign * n, country),
        )
        conn.execute(
            """INSERT INTO form_names (key, name, n) VALUES (?, ?, ?)
               ON CONFLICT(key, name) DO UPDATE SET n = n + excluded.n""",
            (key, name, sign * n),
        )
        if country:
            conn.execute(
                """INSERT INTO form_countries (key, country, n) VALUES (?, ?, ?)
                   ON CONFLICT(key, country) DO UPDATE SET n = n + excluded.n""",
                (key, country, sign),
            )
        blocks = block_keys(Form(key, name))
        if sign > 0:
            conn.executemany("INSERT OR IGNORE INTO form_blocks VALUES (?, ?)", [(b, key) for b in blocks])
        conn.executemany("INSERT OR IGNORE INTO dirty_blocks VALUES (?)", [(b,) for b in blocks])
    if sign < 0:
        conn.execute("DELETE FROM form_names WHERE n <= 0")
        conn.execute("DELETE FROM form_countries WHERE n <= 0")
        gone = [r[0] for r in conn.execute("SELECT key FROM forms WHERE n_mentions <= 0")]
        for key in gone:
            conn.execute("DELETE FROM forms WHERE key = ?", (key,))
            conn.execute("DELETE FROM form_blocks WHERE key = ?", (key,))


def _load_forms(conn: sqlite3.Connection, keys: set[str]) -> list[Form]:
    forms = []
    for key in sorted(keys):
        row = conn.execute(
            "SELECT n_mentions, n_per, n_org, n_loc, n_gpe, n_misc, country FROM forms WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            continue
        names = conn.execute("SELECT name, n FROM form_names WHERE key = ? ORDER BY n DESC, name", (key,)).fetchall()
        display = names[0][0] if names else key
        types = {"PER": row[1], "ORG": row[2], "LOC": row[3], "GPE": row[4], "MISC": row[5]}
        # The country most articles gave this name (ties by code, so the result never depends on order).
        top = conn.execute(
            "SELECT country FROM form_countries WHERE key = ? ORDER BY n DESC, country LIMIT 1", (key,)
        ).fetchone()
        forms.append(Form(key, display, {t: n for t, n in types.items() if n}, row[0], top[0] if top else None))
    return forms


def _component(conn: sqlite3.Connection, blocks: set[str]) -> set[str]:
    """Every form connected to ``blocks`` through shared blocks or corrections."""
    keys: set[str] = set()
    seen_blocks: set[str] = set()
    frontier = set(blocks)
    while frontier:
        seen_blocks |= frontier
        new_keys: set[str] = set()
        for b in frontier:
            new_keys.update(r[0] for r in conn.execute("SELECT key FROM form_blocks WHERE block = ?", (b,)))
        new_keys -= keys
        for k in list(new_keys):
            for r in conn.execute(
                "SELECT a, b FROM corrections WHERE op = 'merge' AND (a = ? OR b = ?)", (k, k)
            ).fetchall():
                new_keys.update(x for x in r if x is not None)
        new_keys -= keys
        keys |= new_keys
        frontier = set()
        for k in new_keys:
            frontier.update(r[0] for r in conn.execute("SELECT block FROM form_blocks WHERE key = ?", (k,)))
        frontier -= seen_blocks
    return keys


def resolve(conn: sqlite3.Connection) -> int:
    """Re-cluster the forms touched since the last call; return how many forms were considered.

    Must run inside a write transaction.
    """
    dirty = {r[0] for r in conn.execute("SELECT block FROM dirty_blocks")}
    if not dirty:
        return 0
    keys = _component(conn, dirty)
    forms = _load_forms(conn, keys)
    merges = [(a, b) for a, b in conn.execute("SELECT a, b FROM corrections WHERE op = 'merge'") if b is not None]
    splits = [r[0] for r in conn.execute("SELECT a FROM corrections WHERE op = 'split'")]
    mapping = cluster_forms(forms, merges=merges, splits=splits)
    old = {k: c for k, c in conn.execute(f"SELECT key, cluster FROM forms WHERE key IN ({_marks(keys)})", list(keys))}
    touched = {c for c in old.values() if c} | set(mapping.values())
    conn.executemany("UPDATE forms SET cluster = ? WHERE key = ?", [(c, k) for k, c in mapping.items()])
    _refresh_clusters(conn, touched)
    conn.execute("DELETE FROM dirty_blocks")
    return len(forms)


def _marks(items: Iterable[Any]) -> str:
    return ",".join("?" for _ in items) or "NULL"


def _refresh_clusters(conn: sqlite3.Connection, cluster_ids: set[str]) -> None:
    renames = {a: b for a, b in conn.execute("SELECT a, b FROM corrections WHERE op = 'rename' ORDER BY id")}
    for cid in cluster_ids:
        keys = {r[0] for r in conn.execute("SELECT key FROM forms WHERE cluster = ?", (cid,))}
        if not keys:
            conn.execute("DELETE FROM clusters WHERE id = ?", (cid,))
            continue
        forms = _load_forms(conn, keys)
        totals: dict[str, int] = {}
        for f in forms:
            for t, n in f.types.items():
                totals[t] = totals.get(t, 0) + n
        etype = Form(cid, cid, totals).main_type
        rep = next((f for f in forms if f.key == cid), forms[0])
        name = next((renames[k] for k in sorted(keys) if k in renames), rep.display)
        # The cluster's country: that of its forms, weighted by mentions; none when they disagree evenly.
        weights: dict[str, int] = {}
        for f in forms:
            if f.country:
                weights[f.country] = weights.get(f.country, 0) + f.n_mentions
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
        country = (
            cid[1:]
            if cid.startswith("@")
            else (ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None)
        )
        conn.execute(
            "INSERT OR REPLACE INTO clusters VALUES (?, ?, ?, ?, ?, ?)",
            (cid, name, core_key(name) or fold(name), etype, country, len(keys)),
        )


def find_clusters(conn: sqlite3.Connection, name: str) -> list[str]:
    """The clusters a user's name designates, best match first.

    Tried in order: a cluster id; a stored form with the same normalised name; a cluster whose name is
    that; the same name across transliterations; a unique person whose surname it is.
    """
    if conn.execute("SELECT 1 FROM clusters WHERE id = ?", (name,)).fetchone():
        return [name]
    key = core_key(name) or fold(name)
    found = [r[0] for r in conn.execute("SELECT cluster FROM forms WHERE key = ? AND cluster IS NOT NULL", (key,))]
    if found:
        return found
    found = [r[0] for r in conn.execute("SELECT id FROM clusters WHERE name_key = ?", (key,))]
    if found:
        return found
    found = sorted(
        {
            r[0]
            for r in conn.execute(
                "SELECT f.cluster FROM form_blocks b JOIN forms f ON f.key = b.key WHERE b.block = ?",
                ("k:" + phonetic(key),),
            )
            if r[0]
        }
    )
    if found:
        return found
    toks = tokens(phonetic(key))
    if len(toks) == 1:
        owners = sorted(
            {
                r[0]
                for r in conn.execute(
                    """SELECT f.cluster FROM form_blocks b JOIN forms f ON f.key = b.key
                       JOIN clusters c ON c.id = f.cluster WHERE b.block = ? AND c.type = 'PER'""",
                    ("t:" + toks[0],),
                )
            }
        )
        if len(owners) == 1:
            return owners
    return []


def require_form(conn: sqlite3.Connection, name: str) -> str:
    """The stored form key a user's name refers to, or a clear error."""
    key = core_key(name) or fold(name)
    if conn.execute("SELECT 1 FROM forms WHERE key = ?", (key,)).fetchone():
        return key
    row = conn.execute("SELECT id FROM clusters WHERE id = ? OR name_key = ?", (name, key)).fetchone()
    if row:
        return str(row[0])
    raise DatelineError(
        "unknown-entity", f"no entity named {name!r} in the store", hint="'dateline entities' lists them"
    )
