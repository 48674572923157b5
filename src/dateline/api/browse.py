"""What the web API needs beyond the store's queries: entity search by name prefix and the article list,
both with a keyset condition so that a page costs the same wherever it is in the list; the store's
summary for the home page; the plain API page shown when Swagger UI is not vendored."""

from __future__ import annotations

from html import escape
from typing import Any

from dateline.entities.normalize import name_key
from dateline.store import Store
from dateline.store.queries import Uncertain
from dateline.store.results import Rows

__all__ = [
    "ARTICLE_COLS",
    "ENTITY_COLS",
    "article_page",
    "entity_page",
    "plain_docs",
    "store_summary",
    "with_articles",
]

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


def store_summary(store: Store) -> dict[str, Any]:
    """What the store holds: counts, the span of publication dates, articles per source and language."""
    c = store.conn
    n, lo, hi = c.execute("SELECT count(*), min(published_earliest), max(published_latest) FROM articles").fetchone()
    sources = [
        {"source": r[0], "articles": r[1]}
        for r in c.execute(
            "SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source LIMIT 50"
        )
    ]
    langs = [
        {"lang": r[0], "articles": r[1]}
        for r in c.execute("SELECT lang, count(*) AS n FROM articles GROUP BY lang ORDER BY n DESC, lang")
    ]
    return {
        "articles": n,
        "earliest": lo,
        "latest": hi,
        "entities": c.execute("SELECT count(*) FROM clusters").fetchone()[0],
        "quotes": c.execute("SELECT count(*) FROM quotes").fetchone()[0],
        "events": c.execute("SELECT count(*) FROM events").fetchone()[0],
        "sources": sources,
        "languages": langs,
    }


def plain_docs(spec: dict[str, Any], title: str) -> str:
    """A page listing the API's routes with their summaries and parameters, linking the OpenAPI
    document: the API's documentation with no JavaScript and nothing fetched from elsewhere."""
    rows = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = ", ".join(escape(p["name"]) for p in op.get("parameters", []))
            rows.append(
                f"<li><code>{escape(method.upper())} {escape(path)}</code> — {escape(op.get('summary', ''))}"
                + (f"<br><small>parameters: {params}</small>" if params else "")
                + "</li>"
            )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
        "<link rel='stylesheet' href='/static/style.css'></head><body><main>"
        f"<h1>{escape(title)}</h1><p>The interactive documentation (Swagger UI) is not installed here "
        "(<code>make ui</code> vendors it). The API is described by its OpenAPI document: "
        "<a href='/openapi.json'>/openapi.json</a>.</p>"
        f"<ul class='fact-list' id='routes'>{''.join(rows)}</ul></main></body></html>"
    )


def with_articles(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (facts with an ``article`` or ``id`` of an article) with their article's ``title`` and
    ``article_source`` added where missing, in one query for the page."""
    ids = sorted({str(a) for a in (r.get("article") or r.get("id") for r in rows) if a is not None})
    if not ids:
        return rows
    marks = ",".join("?" * len(ids))
    info = {
        r[0]: (r[1], r[2])
        for r in store.conn.execute(f"SELECT id, title, source FROM articles WHERE id IN ({marks})", ids)
    }
    out = []
    for r in rows:
        title, source = info.get(r.get("article") or r.get("id"), (None, None))
        out.append({**r, "title": r.get("title") or title, "article_source": r.get("article_source") or source})
    return out
