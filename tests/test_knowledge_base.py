"""The store's entity resolution and knowledge-base queries on real analyses of the bundled samples."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline.errors import DatelineError
from dateline.ingest import ingest, input_hash
from dateline.store import open_store

from dl_testing import Databases

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "fr"

EXTRA = [
    ("k1", "2017-03-02", "Poutine a reçu mercredi le président turc au Kremlin. M. Poutine a salué la coopération."),
    ("k2", "2017-03", "Vladimir Putin et Sergei Lavrov ont rencontré des diplomates. Lavrov a parlé longuement."),
    (
        "k3",
        "2017-04-10",
        "La candidate Marine Le Pen a tenu lundi un meeting à Lille. Jean-Marie Le Pen n'était pas invité.",
    ),
    ("k4", "2017-04-12", "Le Pen a répondu aux critiques lundi devant des journalistes."),
]


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    arts = [a for a in dateline.read_paths([str(SAMPLES)]) if isinstance(a, dateline.Article)]
    arts += [dateline.Article.make(text, date, id=i) for i, date, text in EXTRA]
    out = [r for r in dateline.analyse_articles(arts) if isinstance(r, dict)]
    assert len(out) == len(arts)
    return out


def _store_from(records: list[dict[str, Any]], path: str) -> dateline.Store:
    store = open_store(path)
    for rec in records:
        store.write_records([(rec, "h:" + rec["article"]["id"], None)])
    return store


def _clusters(store: dateline.Store) -> tuple[set[frozenset[str]], list[tuple[str, ...]]]:
    """The partition of names into entities, and each entity's name, type and country."""
    groups: dict[str, set[str]] = {}
    for key, cluster in store.conn.execute("SELECT key, cluster FROM forms"):
        groups.setdefault(cluster, set()).add(key)
    described = sorted(tuple(r) for r in store.conn.execute("SELECT id, name, type, country FROM clusters"))
    return {frozenset(g) for g in groups.values()}, described


def test_clusters_do_not_depend_on_ingest_order(records: list[dict[str, Any]], dbs: Databases) -> None:
    reference = _clusters(_store_from(records, dbs.new()))
    for seed in (1, 2):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert _clusters(_store_from(shuffled, dbs.new())) == reference


def test_incremental_equals_batch(records: list[dict[str, Any]], dbs: Databases) -> None:
    one_by_one = _store_from(records, dbs.new())
    batch = open_store(dbs.new())
    batch.write_records([(r, "h:" + r["article"]["id"], None) for r in records])
    assert _clusters(one_by_one) == _clusters(batch)


def test_removing_names_updates_entities_as_a_full_rebuild_would(records: list[dict[str, Any]], dbs: Databases) -> None:
    # Replacing an article with one that names nobody removes its names: the entities that lose a name
    # (or disappear) are rebuilt by the incremental resolution exactly as by a full one.
    store = _store_from(records, dbs.new())
    k3 = next(r for r in records if r["article"]["id"] == "k3")
    emptied = json.loads(json.dumps(k3))
    emptied["entities"], emptied["quotes"], emptied["events"] = [], [], []
    assert store.write_records([(emptied, "h:other", None)]) == ["replaced"]
    after = _clusters(store)
    store.resolve(full=True)
    assert _clusters(store) == after
    assert not any("marine le pen" in g for g in after[0])


def test_names_resolve_across_articles(records: list[dict[str, Any]], dbs: Databases) -> None:
    store = _store_from(records, dbs.new())
    putin = store.entity("Putin")
    assert putin["name"] == "Vladimir Poutine"
    names = {a["name"] for a in putin["aliases"]}
    assert {"Vladimir Poutine", "Vladimir Putin", "Poutine"} <= names
    assert store.entity("Lavrov")["id"] == store.entity("Sergei Lavrov")["id"]
    # Two Le Pen stay two, and the bare "Le Pen" is not forced onto either.
    ids = {store.entity(n)["id"] for n in ("Marine Le Pen", "Jean-Marie Le Pen", "Le Pen")}
    assert len(ids) == 3
    tl = store.timeline("Putin")
    assert {r["article"] for r in tl} >= {"k1", "k2"}
    assert [r["earliest"] for r in tl] == sorted(r["earliest"] for r in tl)


def test_corrections_survive_reingest(tmp_path: Path, dbs: Databases) -> None:
    db = dbs.new()
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "date": d, "text": t}, ensure_ascii=False) + "\n" for i, d, t in EXTRA),
        encoding="utf-8",
    )
    with open_store(db) as store:
        ingest([str(src)], store)
        before = store.entity("Le Pen")["id"]
        assert before != store.entity("Marine Le Pen")["id"]
        store.merge("Le Pen", "Marine Le Pen")
        assert store.entity("Le Pen")["id"] == store.entity("Marine Le Pen")["id"]
        store.rename("Marine Le Pen", "Marine Le Pen (RN)")
        assert store.entity("Le Pen")["name"] == "Marine Le Pen (RN)"
        with pytest.raises(DatelineError) as exc:
            store.merge("Personne", "Marine Le Pen")
        assert exc.value.code == "unknown-entity"
        n_corr = len(store.corrections())
    # Re-ingest with changed text for one article: its facts are replaced, corrections re-applied.
    src.write_text(src.read_text(encoding="utf-8").replace("meeting à Lille", "meeting à Nice"), encoding="utf-8")
    with open_store(db) as store:
        s = ingest([str(src)], store)
        assert s.replaced == 1
        assert store.entity("Le Pen")["id"] == store.entity("Marine Le Pen")["id"]
        assert store.entity("Le Pen")["name"] == "Marine Le Pen (RN)"
        assert len(store.corrections()) == n_corr
        alias_text = store.export_aliases()
    assert "merge: le pen = marine le pen" in alias_text


def test_alias_file_errors_change_nothing(tmp_path: Path, dbs: Databases, records: list[dict[str, Any]]) -> None:
    store = _store_from(records, dbs.new())
    bad = tmp_path / "aliases.txt"
    bad.write_text("# ok\nmerge: Poutine = Vladimir Putin\nmerge Poutine Putin\n", encoding="utf-8")
    with pytest.raises(DatelineError) as exc:
        store.import_aliases(str(bad))
    assert (exc.value.code, exc.value.line, exc.value.source) == ("bad-alias", 3, str(bad))
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("split: Le Pen\nmerge: Nobody Here = Le Pen\n", encoding="utf-8")
    with pytest.raises(DatelineError) as exc:
        store.import_aliases(str(unknown))
    assert exc.value.line == 2 and exc.value.code == "unknown-entity"
    assert len(store.corrections()) == 0  # the good first line was rolled back too
    good = tmp_path / "good.txt"
    good.write_text("merge: Le Pen = Marine Le Pen\nrename: Poutine = V. Poutine\n", encoding="utf-8")
    assert store.import_aliases(str(good)) == 2
    assert store.entity("Putin")["name"] == "V. Poutine"


def test_queries_and_frames(records: list[dict[str, Any]], dbs: Databases) -> None:
    store = _store_from(records, dbs.new())
    co = store.comentions("Vladimir Poutine", top=50)
    names = {r["name"] for r in co}
    assert "Emmanuel Macron" in names and "Vladimir Poutine" not in names
    by_month = store.comentions("Vladimir Poutine", by="month")
    assert all(r["period"] for r in by_month)
    per_day = store.mentions_over_time("Vladimir Poutine", by="day")
    assert sum(r["mentions"] for r in per_day) > 0
    # The month-dated article k2 cannot be placed on a day: counted as uncertain, not spread.
    assert sum(r["uncertain_mentions"] for r in per_day) >= 1
    per_month = store.mentions_over_time("Vladimir Poutine", by="month")
    assert sum(r["uncertain_mentions"] for r in per_month) == 0
    hits = store.search("coopération", entity="Poutine")
    assert hits and all(h["id"] in {r["article"] for r in store.timeline("Poutine")} for h in hits)
    assert store.search('") OR 1=1; DROP TABLE articles; --') == []
    assert store.search("Pou\x00tine") == []  # a NUL is a word break, never an SQL error
    assert store.count() == len(records)
    within = store.articles(since="2017-03-01", until="2017-03-31", uncertain="within")
    overlap = store.articles(since="2017-03-02", until="2017-03-02")
    assert "k2" in {a["id"] for a in overlap} and "k2" not in {
        a["id"] for a in store.articles(since="2017-03-02", until="2017-03-02", uncertain="within")
    }
    assert {"k1", "k2"} <= {a["id"] for a in within}
    with pytest.raises(DatelineError):
        store.articles(since="2017-05-01", until="2017-04-01")
    rows = store.entities(type="PER", top=5)
    assert list(rows.to_pandas().columns)[:3] == ["id", "name", "type"]
    assert rows.to_polars().height == 5
    assert rows.to_arrow().num_rows == 5
    assert "<table>" in rows._repr_html_()


def test_store_upgrades_from_version_1(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    from dateline.store.migrations import MIGRATIONS, migrate

    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db, isolation_level=None)
    saved = MIGRATIONS[1:]
    del MIGRATIONS[1:]
    try:
        migrate(conn)
    finally:
        MIGRATIONS.extend(saved)
    rec = records[0]
    art = rec["article"]
    conn.execute(
        "INSERT INTO articles (id, input_hash, lang, dct, dct_granularity, published_earliest, published_latest,"
        " text, record, ingested_at) VALUES (?, 'x', 'fr', ?, ?, ?, ?, ?, '{}', 'now')",
        (
            art["id"],
            art["dct"],
            art["dct_granularity"],
            art["published"]["earliest"],
            art["published"]["latest"],
            art["text"],
        ),
    )
    for e in rec["entities"]:
        conn.execute(
            "INSERT INTO entities VALUES (1, ?, ?, ?, ?, NULL, '[]', ?)",
            (e["id"], e["name"], e["name"].lower(), e["type"], len(e["mentions"])),
        )
    conn.close()
    with open_store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.conn.execute("SELECT count(*) FROM entities WHERE form_key IS NULL").fetchone()[0] == 0
        store.resolve()
        assert len(store.entities(top=None)) >= 1


def test_input_hash_changes_with_text() -> None:
    a = dateline.Article.make("Un texte.", "2017")
    b = dateline.Article.make("Un autre texte.", "2017")
    assert input_hash(a, None) != input_hash(b, None)


def test_the_same_event_told_twice_is_one_group(dbs: Databases) -> None:
    texts = [
        ("g1", "2017-07-08", "France 2", "Vladimir Poutine et Donald Trump se sont entretenus vendredi à Hambourg."),
        ("g2", "2017-07", "TF1", "Vendredi 7 juillet, Donald Trump a rencontré Vladimir Poutine à Hambourg."),
        ("g3", "2017-09-20", "TF1", "Vladimir Poutine et Donald Trump se sont entretenus au téléphone mercredi."),
    ]
    arts = [dateline.Article.make(t, d, id=i, source=src) for i, d, src, t in texts]
    recs = [r for r in dateline.analyse_articles(arts) if isinstance(r, dict)]
    store = _store_from(recs, dbs.new())
    consults = store.events(type="CONSULT")
    assert len(consults) == 3, consults
    groups = store.event_groups(type="CONSULT")
    assert [(g["articles"], g["sources"], g["mentions"]) for g in groups] == [(2, 2, 2), (1, 1, 1)]
    assert groups[0]["earliest"] == groups[0]["latest"] == "2017-07-07"
    assert groups[1]["earliest"] == "2017-09-20"


def test_speaker_and_actor_filters_match_filtering_everything(records: list[dict[str, Any]], dbs: Databases) -> None:
    store = _store_from(records, dbs.new())
    all_quotes, all_events = store.quotes(), store.events()
    assert all_quotes and all_events
    for name in ("Lavrov", "Vladimir Poutine", "Emmanuel Macron", "Angela Merkel"):
        ids = set(store.clusters_for(name))
        expected_q = [(q["article"], q["id"]) for q in all_quotes if q["speaker_id"] in ids]
        assert [(q["article"], q["id"]) for q in store.quotes(speaker=name)] == expected_q
        expected_v = [(v["article"], v["id"]) for v in all_events if {v["source_id"], v["target_id"]} & ids]
        assert [(v["article"], v["id"]) for v in store.events(actor=name)] == expected_v
