"""Queries the web API needs beyond the store's: entity lookup by name prefix and the article list, both
with a keyset condition so that a page costs the same wherever it is in the list."""

from __future__ import annotations

from typing import Any

from dateline.entities.normalize import name_key
from dateline.store import Store
from dateline.store.queries import Uncertain
from dateline.store.results import Rows

__all__ = ["ARTICLE_COLS", "ENTITY_COLS", "article_page", "entity_page"]

ENTITY_COLS = ["id", "name", "type", "country", "articles", "mentions", "forms"]
ARTICLE_COLS = [
    "id",
    "title",
    "source",
    "lang",
    "dct",
    "dct_granularity",
    "published_earliest",
    "published_latest",
    "head",
    "n_entities",
    "n_timexes",
    "n_quotes",
    "n_events",
]


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def entity_page(store: Store, prefix: str | None, *, type: str | None, after: list[Any] | None, limit: int) -> Rows:
    """Canonical entities whose name or any of their names has a word starting with ``prefix``
    (accents and case ignored), most mentioned first; ``after`` is the (mentions, id) of the last row
    of the previous page. Returns at most ``limit`` rows."""
    conds: list[str] = []
    args: list[Any] = []
    key = name_key(prefix) if prefix else ""
    if key:
        # Word-start matching: "lavrov" finds "sergueï lavrov"; forms carry the other names of the cluster.
        like, word = _like(key), "% " + _like(key)
        conds.append(
            """(c.name_key LIKE ? ESCAPE '\\' OR c.name_key LIKE ? ESCAPE '\\' OR c.id IN
                 (SELECT f2.cluster FROM forms f2 WHERE f2.key LIKE ? ESCAPE '\\' OR f2.key LIKE ? ESCAPE '\\'))"""
        )
        args += [like, word, like, word]
    if type:
        conds.append("c.type = ?")
        args.append(type)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    having = ""
    if after is not None:
        having = "HAVING sum(e.n_mentions) < ? OR (sum(e.n_mentions) = ? AND c.id > ?)"
        args += [after[0], after[0], after[1]]
    sql = f"""SELECT c.id, c.name, c.type, c.country, count(DISTINCT e.article_rowid) AS articles,
                     sum(e.n_mentions) AS mentions, c.n_forms AS forms
              FROM clusters c JOIN forms fo ON fo.cluster = c.id JOIN entities e ON e.form_key = fo.key
              {where} GROUP BY c.id {having} ORDER BY mentions DESC, c.id LIMIT ?"""
    args.append(limit)
    return Rows([dict(r) for r in store.conn.execute(sql, args)], ENTITY_COLS)


def article_page(
    store: Store,
    *,
    since: str | None,
    until: str | None,
    source: str | None,
    lang: str | None,
    uncertain: Uncertain,
    after: list[Any] | None,
    limit: int,
) -> Rows:
    """Articles in publication order, after the key (earliest, latest, id) of the previous page's last
    row: ``Store.articles`` with a keyset cursor."""
    rows = store.articles(
        since=since, until=until, source=source, lang=lang, uncertain=uncertain, after=after, limit=limit
    )
    return Rows(list(rows), ARTICLE_COLS)
