"""Exports: JSONL round trip into a fresh store, CSV and Parquet tables, TimeML, GDELT-like TSV, plots; from
a SQLite store and from a PostgreSQL one."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.export import export
from dateline.ingest import ingest
from dateline.store import open_store

from dl_testing import Databases

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "fr"


@pytest.fixture(scope="module")
def db(module_dbs: Databases) -> str:
    path = module_dbs.new()
    with open_store(path) as store:
        assert ingest([str(SAMPLES)], store).ok
    return path


def _snapshot(path: str) -> tuple[object, ...]:
    with open_store(path, readonly=True) as s:
        return (
            list(s.records()),
            sorted(tuple(r) for r in s.conn.execute("SELECT key, cluster, n_mentions, n_articles FROM forms")),
            sorted(tuple(r) for r in s.conn.execute("SELECT * FROM clusters")),
            list(s.entities(top=None)),
        )


def test_jsonl_round_trip_gives_the_same_store(db: str, tmp_path: Path, module_dbs: Databases) -> None:
    out = tmp_path / "records.jsonl"
    with open_store(db, readonly=True) as s:
        assert export(s, "jsonl", out) == 11
    fresh = module_dbs.new()
    with open_store(fresh) as s:
        summary = ingest([str(out)], s)
    assert (summary.stored, summary.failed) == (11, 0)
    assert _snapshot(fresh) == _snapshot(db)
    with open_store(fresh) as s:  # and again: nothing changes
        assert ingest([str(out)], s).unchanged == 11


def test_a_tampered_record_is_refused(db: str, tmp_path: Path, module_dbs: Databases) -> None:
    out = tmp_path / "records.jsonl"
    with open_store(db, readonly=True) as s:
        export(s, "jsonl", out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    first["entities"][0]["mentions"][0]["start"] += 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(first, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(module_dbs.new()) as s:
        summary = ingest([str(bad)], s)
    assert summary.failed == 1 and summary.failures[0].code == "bad-record"


def test_csv_and_parquet_tables(db: str, tmp_path: Path) -> None:
    import pyarrow.dataset as ds

    with open_store(db, readonly=True) as s:
        export(s, "csv", tmp_path / "csv")
        export(s, "parquet", tmp_path / "pq", since="2017-05-01", until="2017-06-30")
        n_mentions = s.conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    with open(tmp_path / "csv" / "mentions.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n_mentions and all(r["cluster_id"] for r in rows)
    months = sorted(p.name for p in (tmp_path / "pq" / "articles").iterdir())
    # The article dated only "2017" may be from May or June too: it is in, under its first month.
    assert months == ["month=2017-01", "month=2017-05", "month=2017-06"]
    table = ds.dataset(tmp_path / "pq" / "entities", format="parquet", partitioning="hive").to_table()
    assert table.num_rows > 0 and "cluster_name" in table.column_names


def test_timeml_and_gdelt(db: str, tmp_path: Path) -> None:
    with open_store(db, readonly=True) as s:
        assert export(s, "timeml", tmp_path / "tml") == 11
        export(s, "gdelt", tmp_path / "events.tsv")
        month_article = next(a for a in s.articles() if a["dct_granularity"] == "month")
    files = sorted((tmp_path / "tml").glob("*.tml"))
    assert len(files) == 11
    for f in files:
        root = ET.parse(f).getroot()
        assert root.tag == "TimeML"
    doc = ET.parse(tmp_path / "tml" / (month_article["id"].replace(":", "_") + ".tml")).getroot()
    dct = doc.find("DCT/TIMEX3")
    assert dct is not None and dct.get("value") == month_article["dct"]
    header = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[:3] == ["GlobalEventID", "Day", "DateValue"]


def test_cli_export_and_plot(db: str, tmp_path: Path) -> None:
    r = CliRunner()
    res = r.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "r.jsonl")])
    assert res.exit_code == 0 and len((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 11
    res = r.invoke(main, ["plot", "mentions", "Macron", "Poutine", "--db", str(db), "--out", str(tmp_path / "m.svg")])
    assert res.exit_code == 0, res.output
    assert "<svg" in (tmp_path / "m.svg").read_text(encoding="utf-8")[:500]
    res = r.invoke(main, ["plot", "mentions", "Personne", "--db", str(db), "--out", str(tmp_path / "x.png")])
    assert res.exit_code == 1 and "unknown-entity" in res.output
