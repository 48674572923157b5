"""Knowledge-base query latencies, each beside the hand-written SQL that fetches the same rows.

For every query of the Python API (which the CLI and the REST API call), over many random entities
and date ranges: p50 and p95 of the API call, and of one hand-written SQL statement returning the same
rows from the same file in the same run (the floor: what any tool reading this SQLite file must pay).
The API's extra work — finding the entity from a name, building dicts, cutting evidence sentences —
is the ratio. Also the store's size per article.

    python bench/queries.py --db tvnews.db [--entities 40] [--repeat 3]

Build the store first: ``dateline ingest ../shared/corpora/fr_tvnews_2017.jsonl.gz --db tvnews.db``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from typing import Any

from dateline.store import open_store

# The floors: one statement each returning the rows the API returns (same facts, same columns, same
# order), parameters (cluster id, dates) bound as the API binds them. Earlier floors fetched only ids
# and one column for quotes and events and only the mentions for the timeline, which measured the API
# against less work than it does.
FLOORS: dict[str, str] = {
    "entities(top=20)": """SELECT c.id, c.name, c.type, c.country, count(DISTINCT e.article_rowid),
            sum(e.n_mentions), c.n_forms FROM entities e JOIN forms fo ON fo.key = e.form_key
            JOIN clusters c ON c.id = fo.cluster JOIN articles a ON a.rowid = e.article_rowid
            GROUP BY c.id ORDER BY 6 DESC, 5 DESC, c.id LIMIT 20""",
    # The same rows as the API: its mentions (with the first mention's offset, for the evidence), quotes
    # and events, with the article text the evidence is cut from.
    "timeline": """SELECT 'mention' AS kind, a.id AS article, a.title, a.dct, a.published_earliest AS earliest,
                a.published_latest AS latest, e.n_mentions, NULL AS type,
                (SELECT min(m.start) FROM mentions m WHERE m.article_rowid = e.article_rowid
                   AND m.entity_local_id = e.local_id) AS start, NULL AS "end", a.text
            FROM entities e JOIN forms f ON f.key = e.form_key JOIN articles a ON a.rowid = e.article_rowid
            WHERE f.cluster = :c AND a.published_latest >= :since AND a.published_earliest <= :until
            UNION ALL
            SELECT 'quote', a.id, a.title, a.dct, coalesce(q.earliest, a.published_earliest),
                coalesce(q.latest, a.published_latest), 1, q.kind, q.start, q."end", a.text
            FROM quotes q JOIN articles a ON a.rowid = q.article_rowid
            JOIN entities e ON e.article_rowid = q.article_rowid AND e.local_id = q.speaker_entity
            JOIN forms f ON f.key = e.form_key
            WHERE f.cluster = :c AND coalesce(q.latest, a.published_latest) >= :since
              AND coalesce(q.earliest, a.published_earliest) <= :until
            UNION ALL
            SELECT 'event', a.id, a.title, a.dct, coalesce(v.earliest, a.published_earliest),
                coalesce(v.latest, a.published_latest), 1, v.type, v.evidence_start, v.evidence_end, a.text
            FROM events v JOIN articles a ON a.rowid = v.article_rowid
            JOIN entities e ON e.article_rowid = v.article_rowid
                 AND (e.local_id = v.source_entity OR e.local_id = v.target_entity)
            JOIN forms f ON f.key = e.form_key
            WHERE f.cluster = :c AND coalesce(v.latest, a.published_latest) >= :since
              AND coalesce(v.earliest, a.published_earliest) <= :until
            ORDER BY earliest, latest, article""",
    "quotes(speaker)": """SELECT a.id, a.dct, q.local_id, q.kind, q.text, q.cue_text, q.speaker_text, c.name, c.id,
                coalesce(q.date_value, a.dct), coalesce(q.earliest, a.published_earliest) AS earliest,
                coalesce(q.latest, a.published_latest) AS latest, q.start, q."end"
            FROM quotes q JOIN articles a ON a.rowid = q.article_rowid
            JOIN entities e ON e.article_rowid = q.article_rowid AND e.local_id = q.speaker_entity
            JOIN forms f ON f.key = e.form_key JOIN clusters c ON c.id = f.cluster
            WHERE f.cluster = :c ORDER BY earliest, latest, a.id, q.start""",
    "events(actor)": """SELECT a.id, a.dct, v.local_id, v.type, v.mode, v.cameo, sc.name, v.source_code, sc.id,
                tc.name, v.target_code, tc.id, coalesce(v.date_value, a.dct),
                coalesce(v.earliest, a.published_earliest) AS earliest,
                coalesce(v.latest, a.published_latest) AS latest, v.negated, v.modality, v.confidence,
                v.symmetric, a.source,
                substr(a.text, v.evidence_start + 1, v.evidence_end - v.evidence_start)
            FROM events v JOIN articles a ON a.rowid = v.article_rowid
            JOIN entities e ON e.article_rowid = v.article_rowid
                 AND (e.local_id = v.source_entity OR e.local_id = v.target_entity)
            JOIN forms f ON f.key = e.form_key
            LEFT JOIN entities se ON se.article_rowid = v.article_rowid AND se.local_id = v.source_entity
            LEFT JOIN forms sf ON sf.key = se.form_key LEFT JOIN clusters sc ON sc.id = sf.cluster
            LEFT JOIN entities te ON te.article_rowid = v.article_rowid AND te.local_id = v.target_entity
            LEFT JOIN forms tf ON tf.key = te.form_key LEFT JOIN clusters tc ON tc.id = tf.cluster
            WHERE f.cluster = :c ORDER BY earliest, latest, a.id, v.evidence_start""",
    "comentions": """SELECT c.id, c.name, c.type, count(DISTINCT e.article_rowid) AS n FROM entities e
            JOIN forms fo ON fo.key = e.form_key JOIN clusters c ON c.id = fo.cluster
            WHERE e.article_rowid IN (SELECT e2.article_rowid FROM entities e2 JOIN forms f2
                                      ON f2.key = e2.form_key WHERE f2.cluster = :c)
              AND fo.cluster != :c GROUP BY c.id ORDER BY n DESC, c.id LIMIT 20""",
    # Per month: mentions and articles, those of articles dated within the month apart from the others.
    "mentions_over_time(month)": """SELECT substr(a.published_earliest, 1, 7),
                a.published_latest <= date(a.published_earliest, 'start of month', '+1 month', '-1 day'),
                sum(e.n_mentions), count(DISTINCT e.article_rowid)
            FROM entities e JOIN forms fo ON fo.key = e.form_key JOIN articles a ON a.rowid = e.article_rowid
            WHERE fo.cluster = :c GROUP BY 1, 2""",
    "search(word, entity)": """SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts
            JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH :q
            AND a.rowid IN (SELECT e.article_rowid FROM entities e JOIN forms fo ON fo.key = e.form_key
                            WHERE fo.cluster = :c) ORDER BY rank LIMIT 20""",
}


# Wall time by default; on a machine shared with other busy processes, being descheduled for a slice
# (~10 ms) lands on a few percent of millisecond calls and dominates their p95: --clock cpu counts
# this process's CPU time instead (SQLite runs in-process, so that is the queries' work).
_CLOCK: Callable[[], float] = time.perf_counter


def _time(fn: Callable[[], Any]) -> float:
    t = _CLOCK()
    fn()
    return (_CLOCK() - t) * 1000


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--entities", type=int, default=40, help="random entities drawn from the 300 most mentioned")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall", help="wall time, or this process's CPU time")
    args = ap.parse_args()
    global _CLOCK
    _CLOCK = time.perf_counter if args.clock == "wall" else time.process_time
    rng = random.Random(args.seed)
    store = open_store(args.db, readonly=True)
    conn = store.conn
    n_articles = store.count()
    top = store.entities(top=300)
    picks = [rng.choice(top) for _ in range(args.entities)]
    words = ["gouvernement", "président", "police", "élection", "attentat", "grève", "France", "accord"]
    lo, hi = conn.execute("SELECT min(published_earliest), max(published_latest) FROM articles").fetchone()
    months = sorted(
        {
            f"{y}-{m:02d}"
            for y in range(int(lo[:4]), int(hi[:4]) + 1)
            for m in range(1, 13)
            if lo[:7] <= f"{y}-{m:02d}" <= hi[:7]
        }
    )

    cases: dict[str, list[tuple[Callable[[], Any], Callable[[], Any]]]] = {k: [] for k in FLOORS}
    for e in picks:
        name, cid = e["name"], e["id"]
        m0 = rng.randrange(len(months))
        m1 = min(len(months) - 1, m0 + rng.randrange(4))
        since, until = months[m0] + "-01", months[m1] + "-28"
        word = rng.choice(words)
        p = {"c": cid, "since": since, "until": until, "q": f'"{word}"'}

        def floor(sql: str, p: dict[str, str] = p) -> Callable[[], Any]:
            return lambda: conn.execute(sql, p).fetchall()

        cases["entities(top=20)"].append((lambda: store.entities(top=20), floor(FLOORS["entities(top=20)"])))
        cases["timeline"].append(
            (lambda n=name, s=since, u=until: store.timeline(n, since=s, until=u), floor(FLOORS["timeline"]))
        )
        cases["quotes(speaker)"].append((lambda n=name: store.quotes(speaker=n), floor(FLOORS["quotes(speaker)"])))
        cases["events(actor)"].append((lambda n=name: store.events(actor=n), floor(FLOORS["events(actor)"])))
        cases["comentions"].append((lambda n=name: store.comentions(n), floor(FLOORS["comentions"])))
        cases["mentions_over_time(month)"].append(
            (lambda n=name: store.mentions_over_time(n, by="month"), floor(FLOORS["mentions_over_time(month)"]))
        )
        cases["search(word, entity)"].append(
            (lambda n=name, w=word: store.search(w, entity=n), floor(FLOORS["search(word, entity)"]))
        )

    size = os.path.getsize(args.db) + sum(
        os.path.getsize(args.db + s) for s in ("-wal",) if os.path.exists(args.db + s)
    )
    print(
        f"# knowledge-base queries — {n_articles:,} articles, store {size / 2**20:.1f} MiB "
        f"({size / max(1, n_articles) / 1024:.1f} KiB per article), {args.entities} random entities × "
        f"{args.repeat} runs, {args.clock} clock"
    )
    print("| query | API p50 ms | API p95 ms | SQL floor p50 ms | SQL floor p95 ms | p95 ratio |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for name, pairs in cases.items():
        api: list[float] = []
        sql: list[float] = []
        for _ in range(args.repeat):
            for fn, fl in pairs:  # interleaved, so both sides see the same machine
                api.append(_time(fn))
                sql.append(_time(fl))
        ratio = _pct(api, 0.95) / max(_pct(sql, 0.95), 1e-6)
        worst = max(worst, ratio)
        print(
            f"| {name} | {_pct(api, 0.5):.1f} | {_pct(api, 0.95):.1f} | {_pct(sql, 0.5):.1f} | "
            f"{_pct(sql, 0.95):.1f} | {ratio:.2f} |"
        )
    print(f"worst p95 ratio: {worst:.2f} (target ≤ 2)")


if __name__ == "__main__":
    main()
