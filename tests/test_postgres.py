"""The PostgreSQL store beside the SQLite one: the same answers to every query on the same input, and
several writers at once into one database storing each article and each name once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline.ingest import ingest
from dateline.store import Store, open_store, shown

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "fr"

EXTRA = [
    {"id": "k1", "date": "2017-03-02", "lang": "fr", "source": "TF1", "text": "Poutine a reçu mercredi le président "
     "turc au Kremlin. M. Poutine a salué la coopération. « Nos pays sont amis », a déclaré Vladimir Poutine."},
    {"id": "k2", "date": "2017-03", "lang": "fr", "text": "Vladimir Putin et Sergei Lavrov ont rencontré des "
     "diplomates. Lavrov a parlé longuement. Le 50% des Français l'ignorent ; 100 % des élus aussi."},
    {"id": "e1", "date": "2017-04-10", "lang": "en", "title": "Talks in Moscow", "text": "Rex Tillerson met Sergei "
     "Lavrov in Moscow on Wednesday. Lavrov said the talks were frank. The sanctions stay, Tillerson said."},
]  # fmt: skip


def test_placeholders_become_psycopg_ones() -> None:
    pytest.importorskip("psycopg")
    from dateline.store.postgres import to_pyformat

    assert to_pyformat("SELECT ? FROM t WHERE a LIKE '%?' AND b = ? -- 5%") == (
        "SELECT %s FROM t WHERE a LIKE '%%?' AND b = %s -- 5%%"
    )
    assert to_pyformat("""SELECT "a?b", 'it''s ?', ?""") == """SELECT "a?b", 'it''s ?', %s"""


def test_urls_are_shown_without_password() -> None:
    assert shown("postgresql://me:secret@db.example:5432/news") == "postgresql://me:***@db.example:5432/news"
    assert shown("postgresql://me@db/news") == "postgresql://me@db/news"
    assert shown("x/dateline.db") == "x/dateline.db"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    extra = tmp_path_factory.mktemp("pg-in") / "extra.jsonl"
    extra.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in EXTRA), encoding="utf-8")
    return [str(SAMPLES), str(extra)]


def _everything(store: Store) -> dict[str, Any]:
    """The answer of every query method to a spread of arguments."""
    out: dict[str, Any] = {"count": store.count(), "records": list(store.records())}
    out["articles"] = store.articles()
    out["articles-summer"] = store.articles(since="2017-07-01", until="2017-08-31", uncertain="within")
    out["articles-page"] = store.articles(after=["2017-03-01", "2017-03-31", ""], limit=3)
    out["entities"] = store.entities(top=None)
    out["entities-per"] = store.entities(type="PER", since="2017-03-01", top=7)
    names = [e["name"] for e in store.entities(top=12)] + ["Lavrov", "Putin", "Le Pen", "Tillerson"]
    for name in names:
        if not store.clusters_for(name):
            out[f"unknown {name}"] = True
            continue
        out[f"entity {name}"] = store.entity(name)
        out[f"timeline {name}"] = store.timeline(name)
        out[f"timeline-march {name}"] = store.timeline(name, since="2017-03-01", until="2017-03-31", limit=5)
        out[f"comentions {name}"] = store.comentions(name, top=None)
        out[f"comentions-month {name}"] = store.comentions(name, by="month", top=3)
        for by in ("day", "week", "month", "year"):
            out[f"mentions-{by} {name}"] = store.mentions_over_time(name, by=by)
        out[f"quotes {name}"] = store.quotes(speaker=name)
        out[f"events {name}"] = store.events(actor=name)
    out["quotes"] = store.quotes()
    out["quotes-search"] = [store.quotes(search=w) for w in ("sanctions", "NOS", "50%", "_", "é")]
    out["events"] = store.events()
    out["events-between"] = store.events(actor="Poutine", other="Trump")
    out["events-type"] = store.events(type="consult", lang="fr")
    out["event-groups"] = store.event_groups()
    out["skipped"] = store.skipped()
    out["corrections"] = [{k: v for k, v in r.items() if k != "at"} for r in store.corrections()]
    out["aliases"] = store.export_aliases()
    from dateline.api.browse import entity_page

    out["entity-page"] = [entity_page(store, p, type=None, after=None, limit=5) for p in ("", "lav", "v", "é", "%")]
    out["entity-page-after"] = entity_page(store, "", type="PER", after=[3, "a"], limit=5)
    return out


SEARCHES = ["Lavrov", "serguei lavrov", "Poutine", "Merkel", "Trump Poutine", "Tillerson Moscow", "Kremlin"]


def _searches(store: Store) -> dict[str, set[tuple[str, str, str | None]]]:
    return {q: {(r["id"], r["dct"], r["title"]) for r in store.search(q, limit=None)} for q in SEARCHES}


def test_both_backends_give_the_same_answers(inputs: list[str], tmp_path: Path, pg_admin: str) -> None:
    from dateline.store.pgcluster import create_database

    url = create_database(pg_admin, f"dl_same_{os.getpid()}")
    results = []
    for db in (str(tmp_path / "same.db"), url):
        with open_store(db) as store:
            summary = ingest(inputs, store)
            assert summary.ok and summary.stored == len(list(SAMPLES.glob("*.txt"))) + len(EXTRA)
            before = (_everything(store), _searches(store))
            # The user's corrections, applied the same way on both.
            store.split("Vladimir Putin")
            # (a form of its own: the English "Lavrov said" is the mention of Sergei Lavrov, issue 15)
            store.rename("Sergei Lavrov", "S. Lavrov")
            store.merge("Angela Merkel", "Emmanuel Macron")
            results.append((before, (_everything(store), _searches(store))))
    (sq_before, sq_search), (sq_after, sq_search_after) = results[0]
    (pg_before, pg_search), (pg_after, pg_search_after) = results[1]
    assert sq_before["count"] == 14
    assert [k for k in sq_before if pg_before[k] != sq_before[k]] == []
    assert [k for k in sq_after if pg_after[k] != sq_after[k]] == []
    assert sq_before != sq_after  # the corrections did change answers
    # Search: the same articles (each engine ranks its own way), found with accents ignored.
    assert pg_search == sq_search and pg_search_after == sq_search_after
    assert all(sq_search[q] for q in SEARCHES)


# -- several writers at once ------------------------------------------------------------------------------

WRITER = """
import sys, time
from pathlib import Path
from dateline.ingest import ingest
from dateline.store import open_store

url, path, go = sys.argv[1:4]
while not Path(go).exists():
    time.sleep(0.01)
with open_store(url) as store:
    s = ingest([path], store, batch_size=3)
print(s.stored, s.unchanged, s.failed)
"""


def _corpus_records(n: int) -> list[dict[str, Any]]:
    people = ["Claire Dubois", "Marc Lefèvre", "Sophie Martin", "Paul Girard", "Nadia Benali", "Dubois"]
    cities = ["Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille"]
    arts = []
    for i in range(n):
        who, other, city = people[i % 6], people[(i * 5 + 1) % 6], cities[i % 5]
        text = (
            f"{who} a rencontré {other} le {1 + i % 28} mars à {city}. "
            f"« Nous avancerons ensemble », a déclaré {who.split()[-1]} devant les élus de {city}."
        )
        arts.append(dateline.Article.make(text, "2017-03", id=f"w{i:03d}", lang="fr"))
    recs = [r for r in dateline.analyse_articles(arts) if isinstance(r, dict)]
    assert len(recs) == n
    return recs


def _partition(store: Store) -> tuple[set[frozenset[str]], list[tuple[Any, ...]]]:
    groups: dict[str, set[str]] = {}
    for key, cluster in store.conn.execute("SELECT key, cluster FROM forms"):
        groups.setdefault(cluster, set()).add(key)
    described = sorted(tuple(r) for r in store.conn.execute("SELECT id, name, type, country, n_forms FROM clusters"))
    return {frozenset(g) for g in groups.values()}, described


def test_parallel_writers_store_each_article_and_name_once(tmp_path: Path, pg_admin: str) -> None:
    from dateline.store.pgcluster import create_database

    recs = _corpus_records(48)
    # Three writers on overlapping thirds (each article in two of them), in an empty database: they race
    # to create the schema too. Analysed records, so that the writers spend their time writing.
    parts = []
    for w in range(3):
        chosen = [r for i, r in enumerate(recs) if (i // 8) % 3 != w]
        path = tmp_path / f"part{w}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
        parts.append(path)
    url = create_database(pg_admin, f"dl_par_{os.getpid()}")
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(p), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for p in parts
    ]
    time.sleep(1.0)  # let the three start and wait at the line
    go.touch()
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err.decode()
    counts = [tuple(int(x) for x in out.split()) for out, _ in outs]
    assert sum(c[0] for c in counts) == len(recs)  # stored once in all, whichever writer came first
    assert all(c[2] == 0 for c in counts)
    single = str(tmp_path / "single.db")
    with open_store(single) as alone:
        alone.write_records([(r, "x", None) for r in recs])
    with open_store(url, readonly=True) as shared, open_store(single, readonly=True) as alone:
        ids = [r[0] for r in shared.conn.execute("SELECT id FROM articles ORDER BY id")]
        assert ids == sorted(r["article"]["id"] for r in recs)
        assert list(shared.records()) == list(alone.records())
        for table in ("entities", "mentions", "quotes", "events", "form_names", "form_blocks"):
            (n,) = shared.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert n == alone.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        assert _partition(shared) == _partition(alone)
        assert shared.entities(top=None) == alone.entities(top=None)
        (dirty,) = shared.conn.execute("SELECT count(*) FROM dirty_blocks").fetchone()
        assert dirty == 0


@pytest.mark.filterwarnings("ignore:Using `httpx`")  # Starlette's TestClient, as in tests/api
def test_api_survives_a_database_restart_and_readonly_refuses_writes(tmp_path: Path, pg_admin: str) -> None:
    from fastapi.testclient import TestClient

    from dateline.api.app import create_app
    from dateline.errors import DatelineError
    from dateline.store.pgcluster import create_database, terminate_sessions

    name = f"dl_api_{os.getpid()}"
    url = create_database(pg_admin, name)
    with open_store(url) as store:
        store.write_records([(r, "h", None) for r in _corpus_records(4)])
    with TestClient(create_app(url), base_url="http://localhost") as client:
        assert client.get("/api/stats").json()["articles"] == 4
        terminate_sessions(pg_admin, name)  # as a server restart would
        statuses = [client.get("/api/stats").status_code for _ in range(3)]
        # The request that finds its connection broken says so (503), the next ones connect again.
        assert statuses[-1] == 200 and set(statuses) <= {200, 503}, statuses
        r = client.get("/api/stats")
        assert r.status_code == 200 and r.json()["articles"] == 4
    with open_store(url, readonly=True) as store, pytest.raises(DatelineError) as err:
        store.merge("Claire Dubois", "Marc Lefèvre")
    assert err.value.code == "store-readonly"
