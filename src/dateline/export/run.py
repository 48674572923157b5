"""Writing an export: pick the records, then hand them to the format's writer."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.export.gdelt import GDELT_COLUMNS, gdelt_rows
from dateline.export.tables import TABLES, table_rows
from dateline.export.timeml import to_timeml
from dateline.store.base import Store

__all__ = ["FORMATS", "export"]

FORMATS = ("jsonl", "csv", "parquet", "timeml", "gdelt")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _records(store: Store, since: str | None, until: str | None) -> Iterator[dict[str, Any]]:
    for art in store.articles(since=since, until=until):
        yield store.record(art["id"])


def _clusters(store: Store) -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (r[0], r[1]): (r[2], r[3])
        for r in store.conn.execute(
            """SELECT a.id, e.local_id, c.id, c.name FROM entities e JOIN articles a ON a.rowid = e.article_rowid
               JOIN forms f ON f.key = e.form_key JOIN clusters c ON c.id = f.cluster"""
        )
    }


def safe_name(article_id: str) -> str:
    """A file name for an article id that cannot leave the export folder."""
    name = _SAFE.sub("_", article_id).strip("._") or "article"
    return name[:180]


def export(store: Store, fmt: str, out: str | Path, *, since: str | None = None, until: str | None = None) -> int:
    """Export the store's records (those whose publication window meets the range) to ``out``.

    ``jsonl`` and ``gdelt`` write one file; ``csv`` and ``timeml`` a folder of files; ``parquet`` a
    folder per table, partitioned by month (``events/month=2017-01/…``). Returns the number of
    articles exported.
    """
    if fmt not in FORMATS:
        raise DatelineError("bad-format", f"unknown export format {fmt!r}", hint=f"one of {', '.join(FORMATS)}")
    out = Path(out)
    n = 0
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as fh:
            for rec in _records(store, since, until):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "gdelt":
        out.parent.mkdir(parents=True, exist_ok=True)
        names_by_article: dict[str, dict[str, str]] = {}
        for (aid, eid), (_, name) in _clusters(store).items():
            names_by_article.setdefault(aid, {})[eid] = name
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            w.writerow(GDELT_COLUMNS)
            for rec in _records(store, since, until):
                w.writerows(gdelt_rows(rec, names_by_article.get(rec["article"]["id"], {})))
                n += 1
        return n
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "timeml":
        for rec in _records(store, since, until):
            (out / f"{safe_name(rec['article']['id'])}.tml").write_text(to_timeml(rec), encoding="utf-8")
            n += 1
        return n
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for table, row in table_rows(_records(store, since, until), _clusters(store)):
        rows[table].append(row)
    n = len(rows["articles"])
    if fmt == "csv":
        for table, cols in TABLES.items():
            with open(out / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
                dw = csv.DictWriter(fh, fieldnames=cols)
                dw.writeheader()
                dw.writerows(rows[table])
        return n
    import pyarrow as pa
    import pyarrow.dataset as ds

    for table, cols in TABLES.items():
        tbl = (
            pa.Table.from_pylist(rows[table]) if rows[table] else pa.table({c: pa.array([], pa.string()) for c in cols})
        )
        ds.write_dataset(
            tbl,
            out / table,
            format="parquet",
            partitioning=["month"],
            partitioning_flavor="hive",
            existing_data_behavior="delete_matching",
        )
    return n
