"""The store, on SQLite and on PostgreSQL: idempotent ingest, replacement in one transaction, no half-written
article."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.ingest import ingest
from dateline.store import open_store
from dateline.store.migrations import MIGRATIONS

from dl_testing import Databases

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "fr"


@pytest.fixture(scope="module")
def demo_db(module_dbs: Databases) -> str:
    db = module_dbs.new()
    with open_store(db) as store:
        summary = ingest([str(SAMPLES)], store)
    assert summary.ok and summary.stored == len(list(SAMPLES.glob("*.txt"))) == summary.read
    return db


def test_store_is_wal_and_migrated(demo_db: str) -> None:
    if demo_db.startswith("postgresql://"):
        from dateline.store.pg_migrations import MIGRATIONS as PG_MIGRATIONS

        with open_store(demo_db, readonly=True) as store:
            assert store.conn.execute("SELECT version FROM schema_version").fetchone()[0] == len(PG_MIGRATIONS)
        return
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def _rows(db: str, sql: str) -> list[tuple[object, ...]]:
    with open_store(db, readonly=True) as store:
        return [tuple(r) for r in store.conn.execute(sql)]


def test_reingest_changes_nothing(demo_db: str) -> None:
    before = _rows(demo_db, "SELECT id, ingested_at FROM articles ORDER BY id")
    with open_store(demo_db) as store:
        summary = ingest([str(SAMPLES)], store)
    assert (summary.stored, summary.replaced, summary.unchanged) == (0, 0, len(before))
    assert _rows(demo_db, "SELECT id, ingested_at FROM articles ORDER BY id") == before


def test_records_round_trip(demo_db: str) -> None:
    import dateline

    art = next(a for a in dateline.read_paths([str(SAMPLES / "01-lavrov-tillerson.txt")]))
    assert isinstance(art, dateline.Article)
    (fresh,) = list(dateline.analyse_articles([art]))
    with open_store(demo_db, readonly=True) as store:
        assert store.record(art.id) == fresh


def test_same_id_new_text_replaces_its_facts(tmp_path: Path, dbs: Databases) -> None:
    db = dbs.new()
    p = tmp_path / "a.jsonl"
    p.write_text(
        '{"id": "x1", "date": "2017-03", "text": "Emmanuel Macron a rencontré Angela Merkel à Berlin."}\n',
        encoding="utf-8",
    )
    with open_store(db) as store:
        assert ingest([str(p)], store).stored == 1
        p.write_text(
            '{"id": "x1", "date": "2017-03", "text": "Vladimir Poutine a reçu Emmanuel Macron."}\n',
            encoding="utf-8",
        )
        s = ingest([str(p)], store)
        assert (s.stored, s.replaced) == (0, 1)
        names = {r[0] for r in store.conn.execute("SELECT name FROM entities")}
        assert "Angela Merkel" not in names and "Vladimir Poutine" in names
        assert store.count() == 1
        assert [r["id"] for r in store.search("Poutine")] == ["x1"]
        assert store.search("Merkel") == []


def test_interrupted_batch_leaves_no_half_article(dbs: Databases, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.store import base as sq

    db = dbs.new()
    calls = {"n": 0}
    real = sq.Store._write_one

    def flaky(self, conn, record, input_hash, origin):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, conn, record, input_hash, origin)

    monkeypatch.setattr(sq.Store, "_write_one", flaky)
    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest([str(SAMPLES)], store, batch_size=4)
    # The whole first batch was rolled back.
    assert _rows(db, "SELECT count(*) FROM articles") == _rows(db, "SELECT count(*) FROM entities") == [(0,)]
    monkeypatch.setattr(sq.Store, "_write_one", real)
    with open_store(db) as store:
        s = ingest([str(SAMPLES)], store, batch_size=4)
        assert s.stored == len(list(SAMPLES.glob("*.txt")))
        assert store.count() == s.stored


def test_queries(demo_db: str) -> None:
    with open_store(demo_db, readonly=True) as store:
        arts = store.articles()
        dates = [a["published_earliest"] for a in arts]
        assert dates == sorted(dates)
        assert {a["dct_granularity"] for a in arts} >= {"year", "month", "day"}
        summer = store.articles(since="2017-07-01", until="2017-08-31")
        assert {a["dct"] for a in summer} == {"2017-07-08", "2017-08", "2017"}
        top = store.entities(type="PER", top=5)
        assert {"Emmanuel Macron", "Vladimir Poutine", "Sergueï Lavrov", "Angela Merkel"} <= {e["name"] for e in top}
        tl = store.timeline("Lavrov")
        assert [t["earliest"] for t in tl] == sorted(t["earliest"] for t in tl)
        assert len({t["article"] for t in tl}) >= 4
        assert any(t["granularity"] == "month" and t["earliest"] != t["latest"] for t in tl)
        with pytest.raises(DatelineError):
            store.timeline("Personne Inconnue")
        hits = store.search("serguei lavrov")  # accents ignored
        assert len(hits) >= 4


def test_readonly_store_must_exist(dbs: Databases) -> None:
    # A missing file; an empty PostgreSQL database.
    with pytest.raises(DatelineError) as exc:
        open_store(dbs.new(), readonly=True)
    assert exc.value.code == "no-store"
