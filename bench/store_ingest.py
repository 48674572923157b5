"""Writing the same analysis records into a fresh SQLite store and a fresh PostgreSQL database, in one run:
seconds, articles per second and store size per article.

The records are those of an existing store, exported once as JSONL (``dateline export --format jsonl``;
not timed), then ingested as ``dateline ingest`` ingests an export: read, checked, hashed, written in
batches of 64, names re-clustered after each batch. No analysis, so this measures the store alone.

    python bench/store_ingest.py --db tvnews.db            # export its records first, then write them
    python bench/store_ingest.py --records records.jsonl   # records exported already
        [--pg postgresql://admin@host/postgres] [--limit N]

Without ``--pg`` a throwaway PostgreSQL server is started on a loopback port (Debian's binaries), with
the server's default durability (fsync on), as SQLite's WAL runs with synchronous=NORMAL. With ``--pg``,
a database is created on that server for the run and dropped after. Sizes: the SQLite file with its WAL
after a checkpoint; ``pg_database_size`` less that of an empty database with the schema (the catalog).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from dateline.ingest import ingest
from dateline.store import Store, open_store


def _export(db: str, out: Path, limit: int | None) -> int:
    import json

    n = 0
    with open_store(db, readonly=True) as store, open(out, "w", encoding="utf-8") as fh:
        for rec in islice(store.records(), limit):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write(store: Store, records: Path) -> tuple[float, int]:
    t = time.perf_counter()
    summary = ingest([str(records)], store)
    took = time.perf_counter() - t
    if not summary.ok or summary.stored != summary.read:
        sys.exit(f"ingest did not store every record: {summary.as_dict()}")
    return took, summary.stored


@contextlib.contextmanager
def _server(pg: str | None) -> Iterator[str]:
    if pg:
        yield pg
        return
    from dateline.store.pgcluster import LocalCluster

    with LocalCluster(durable=True) as cluster:
        yield cluster.admin_url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--db", help="a store whose records to export and write (left unchanged)")
    src.add_argument("--records", help="a JSONL file of analysis records")
    ap.add_argument("--pg", help="admin URL of a PostgreSQL server (default: a throwaway local server)")
    ap.add_argument("--limit", type=int, help="only the first N records of --db")
    args = ap.parse_args()
    from dateline.store.pgcluster import create_database, drop_database

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        records = Path(args.records) if args.records else Path(tmp) / "records.jsonl"
        if args.db:
            t = time.perf_counter()
            n = _export(args.db, records, args.limit)
            print(f"exported {n:,} records in {time.perf_counter() - t:.0f} s (not counted)", file=sys.stderr)
        results = []
        sqlite_db = Path(tmp) / "bench.db"
        with open_store(sqlite_db) as store:
            took, n = _write(store, records)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            sq_entities = store.entities(top=50)
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        results.append(("SQLite (WAL, synchronous=NORMAL)", took, n, size))
        with _server(args.pg) as admin:
            name = f"dateline_bench_{os.getpid()}"
            empty_name = f"{name}_empty"
            url = create_database(admin, name)
            empty = create_database(admin, empty_name)
            try:
                open_store(empty).close()
                with open_store(empty, readonly=True) as store:
                    base = int(store.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])
                with open_store(url) as store:
                    took, n = _write(store, records)
                    store.conn.execute("VACUUM ANALYZE")  # what a DBA would run after a bulk load
                    size = int(store.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])
                    pg_entities = store.entities(top=50)
                    server = store.conn.execute("SHOW server_version").fetchone()[0]
            finally:
                drop_database(admin, name)
                drop_database(admin, empty_name)
            results.append((f"PostgreSQL {server}", took, n, size - base))
        if pg_entities != sq_entities:
            sys.exit("the two stores disagree on the top entities")
    print(f"{n:,} articles, the same records written into each store (batches of 64, resolution after each)")
    print()
    print("| store | seconds | articles/s | store size | KB per article |")
    print("|---|---|---|---|---|")
    for label, took, n, size in results:
        print(f"| {label} | {took:.1f} | {n / took:.1f} | {size / 2**20:.0f} MiB | {size / n / 1000:.1f} |")


if __name__ == "__main__":
    main()
