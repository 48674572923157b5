"""Store-side entity resolution: form statistics, dirty blocks, incremental re-clustering, corrections.

Writing an article adds its entities' mentions to their forms' statistics and marks the forms' blocks
dirty; :func:`resolve` re-clusters all forms in memory with
:func:`dateline.entities.resolve.cluster_forms` and rewrites only the forms and clusters that changed.
Because clustering is a function of the forms' statistics and the corrections only, ingesting the same
articles in any order gives the same clusters.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.entities.normalize import fold
from dateline.entities.resolve import Form, block_keys, cluster_forms, core_key, person_key, phonetic, tokens
from dateline.errors import DatelineError
from dateline.store.dialect import Connection

__all__ = ["add_entity_forms", "find_clusters", "form_key", "resolve"]

_TYPE_COL = {"PER": "n_per", "ORG": "n_org", "LOC": "n_loc", "GPE": "n_gpe", "MISC": "n_misc"}


def form_key(name: str, etype: str, country: str | None) -> str:
    """The form an entity belongs to: its country for a state actor, else its normalised name (for a
    person, with the sex a title gives a bare surname: "Mme Fillon" -> "fillon ♀")."""
    if etype == "GPE" and country:
        return "@" + country
    return (person_key(name) if etype == "PER" else core_key(name)) or fold(name)


def add_entity_forms(conn: Connection, items: Iterable[tuple[str, str, str, str | None, int]], sign: int) -> None:
    """Add (``sign=+1``) or remove (``-1``) entities ``(form_key, name, type, country, n_mentions)``.

    One ``executemany`` per table (in the items' order), which PostgreSQL sends in one round trip."""
    items = list(items)
    cols = list(_TYPE_COL.values())
    conn.executemany(
        f"""INSERT INTO forms (key, n_mentions, n_articles, {", ".join(cols)}, country)
            VALUES (?, ?, ?, {", ".join("?" for _ in cols)}, ?)
            ON CONFLICT(key) DO UPDATE SET n_mentions = forms.n_mentions + excluded.n_mentions,
                n_articles = forms.n_articles + excluded.n_articles,
                {", ".join(f"{c} = forms.{c} + excluded.{c}" for c in cols)},
                country = coalesce(forms.country, excluded.country)""",
        [
            (key, sign * n, sign, *(sign * n if c == _TYPE_COL.get(etype, "n_misc") else 0 for c in cols), country)
            for key, _, etype, country, n in items
        ],
    )
    conn.executemany(
        """INSERT INTO form_names (key, name, n) VALUES (?, ?, ?)
           ON CONFLICT(key, name) DO UPDATE SET n = form_names.n + excluded.n""",
        [(key, name, sign * n) for key, name, _, _, n in items],
    )
    countries = [(key, country, sign) for key, _, _, country, _ in items if country]
    if countries:  # (a store being upgraded to version 2 has no such table yet, nor countries)
        conn.executemany(
            """INSERT INTO form_countries (key, country, n) VALUES (?, ?, ?)
               ON CONFLICT(key, country) DO UPDATE SET n = form_countries.n + excluded.n""",
            countries,
        )
    blocks = [(b, key) for key, name, _, _, _ in items for b in block_keys(Form(key, name))]
    if sign > 0:
        conn.executemany("INSERT INTO form_blocks VALUES (?, ?) ON CONFLICT DO NOTHING", blocks)
    conn.executemany("INSERT INTO dirty_blocks VALUES (?) ON CONFLICT DO NOTHING", [(b,) for b, _ in blocks])
    if sign < 0:
        conn.execute("DELETE FROM form_names WHERE n <= 0")
        conn.execute("DELETE FROM form_countries WHERE n <= 0")
        gone = [r[0] for r in conn.execute("SELECT key FROM forms WHERE n_mentions <= 0")]
        for key in gone:
            # Its cluster loses a member: have resolve() rebuild it even if no other form moves.
            conn.execute(
                """INSERT INTO dirty_blocks SELECT 'c:' || cluster FROM forms WHERE key = ? AND cluster IS NOT NULL
                   ON CONFLICT DO NOTHING""",
                (key,),
            )
            conn.execute("DELETE FROM forms WHERE key = ?", (key,))
            conn.execute("DELETE FROM form_blocks WHERE key = ?", (key,))


def _load_all_forms(conn: Connection) -> tuple[list[Form], dict[str, str | None]]:
    """Every form with its statistics, and its current cluster, in three scans rather than a few
    queries per form: at 10^5 forms, per-form queries were most of an ingest's resolution time."""
    display: dict[str, str] = {}
    for key, name in conn.execute("SELECT key, name FROM form_names ORDER BY key, n DESC, name"):
        display.setdefault(key, name)
    country: dict[str, str] = {}
    # The country most articles gave this name (ties by code, so the result never depends on order).
    for key, code in conn.execute("SELECT key, country FROM form_countries ORDER BY key, n DESC, country"):
        country.setdefault(key, code)
    forms: list[Form] = []
    old: dict[str, str | None] = {}
    for key, n, per, org, loc, gpe, misc, cluster in conn.execute(
        "SELECT key, n_mentions, n_per, n_org, n_loc, n_gpe, n_misc, cluster FROM forms ORDER BY key"
    ):
        types = {
            t: c for t, c in zip(("PER", "ORG", "LOC", "GPE", "MISC"), (per, org, loc, gpe, misc), strict=True) if c
        }
        forms.append(Form(key, display.get(key, key), types, n, country.get(key)))
        old[key] = cluster
    return forms, old


def resolve(conn: Connection, *, full: bool = False) -> int:
    """Bring the clusters up to date after writes or corrections; return how many forms changed cluster.

    Clustering is recomputed over every form in memory — the rules look at whole groups of names (a
    surname's owners, who dominates by mentions), so the forms one batch touches can move clusters far
    from them, and following blocks transitively reached most of the store anyway. That is cheap (the
    statistics are loaded in three scans); what costs is writing, so only forms whose cluster changed
    are updated and only clusters whose members or statistics changed are rebuilt. ``full`` rebuilds
    every cluster (after a change of the rules). Must run inside a write transaction.
    """
    dirty = [r[0] for r in conn.execute("SELECT block FROM dirty_blocks")]
    if not dirty and not full:
        return 0
    forms, old = _load_all_forms(conn)
    merges = [(a, b) for a, b in conn.execute("SELECT a, b FROM corrections WHERE op = 'merge'") if b is not None]
    splits = [r[0] for r in conn.execute("SELECT a FROM corrections WHERE op = 'split'")]
    mapping = cluster_forms(forms, merges=merges, splits=splits)
    changed = [(c, k) for k, c in mapping.items() if old.get(k) != c]
    conn.executemany("UPDATE forms SET cluster = ? WHERE key = ?", changed)
    if full:
        touched = set(mapping.values()) | {r[0] for r in conn.execute("SELECT id FROM clusters")}
    else:
        touched = {old[k] for _, k in changed if old.get(k)} | {c for c, _ in changed}
        # Forms whose statistics changed (their own block is dirty) may change their cluster's type,
        # country or name; clusters that lost a form were marked 'c:<id>' when it was removed.
        stale = {b[2:] for b in dirty if b.startswith("c:")}
        own = {b[2:] if b.startswith("k:") else b for b in dirty if b.startswith(("k:", "@"))}
        for f in forms:
            if (phonetic(f.key) if not f.key.startswith("@") else f.key) in own:
                touched.add(mapping[f.key])
                prev = old.get(f.key)
                if prev:
                    touched.add(prev)
        touched |= stale
    _refresh_clusters(conn, touched, forms, mapping)
    conn.execute("DELETE FROM dirty_blocks")
    return len(changed)


def _refresh_clusters(conn: Connection, cluster_ids: set[str], forms: list[Form], mapping: dict[str, str]) -> None:
    renames = {a: b for a, b in conn.execute("SELECT a, b FROM corrections WHERE op = 'rename' ORDER BY id")}
    members: dict[str, list[Form]] = {}
    for f in forms:
        if mapping[f.key] in cluster_ids:
            members.setdefault(mapping[f.key], []).append(f)
    rows = []
    for cid in sorted(cluster_ids):
        group = members.get(cid)
        if not group:
            conn.execute("DELETE FROM clusters WHERE id = ?", (cid,))
            continue
        keys = {f.key for f in group}
        totals: dict[str, int] = {}
        for f in group:
            for t, n in f.types.items():
                totals[t] = totals.get(t, 0) + n
        etype = Form(cid, cid, totals).main_type
        rep = next((f for f in group if f.key == cid), group[0])
        name = next((renames[k] for k in sorted(keys) if k in renames), rep.display)
        # The cluster's country: that of its forms, weighted by mentions; none when they disagree evenly.
        weights: dict[str, int] = {}
        for f in group:
            if f.country:
                weights[f.country] = weights.get(f.country, 0) + f.n_mentions
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
        country = (
            cid[1:]
            if cid.startswith("@")
            else (ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None)
        )
        rows.append((cid, name, core_key(name) or fold(name), etype, country, len(keys)))
    conn.executemany(
        """INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,
               name_key = excluded.name_key, type = excluded.type, country = excluded.country,
               n_forms = excluded.n_forms""",
        rows,
    )


def find_clusters(conn: Connection, name: str) -> list[str]:
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


def require_form(conn: Connection, name: str) -> str:
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
