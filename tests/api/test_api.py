"""The REST API in-process (TestClient): every endpoint, its formats, its pages and its errors, on a store
of hand-written records."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_records import all_records
from fastapi.testclient import TestClient

from dateline.api.app import MAX_LIMIT, create_app
from dateline.api.pages import decode_cursor, encode_cursor
from dateline.errors import DatelineError
from dateline.store import open_store


@pytest.fixture(scope="module")
def client(api_db: str) -> Iterator[TestClient]:
    # As a context manager, so that the app's shutdown closes its store connections.
    with TestClient(create_app(api_db), base_url="http://localhost") as c:
        yield c


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def err(client: TestClient, url: str, status: int, code: str, **params: Any) -> dict[str, Any]:
    r = client.get(url, params=params)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()["error"]
    assert body["code"] == code and body["reason"]
    return body


def test_missing_store_fails_at_creation(tmp_path: Path) -> None:
    with pytest.raises(DatelineError) as e:
        create_app(tmp_path / "none.db")
    assert e.value.code == "no-store"


def test_articles_list_and_record(client: TestClient) -> None:
    page = ok(client, "/api/articles")
    ids = [a["id"] for a in page["items"]]
    assert ids == ["hand:lavrov-vienne", "hand:lavrov-avril", "hand:hostile"]  # publication order
    assert page["next"] is None and "n_quotes" in page["columns"]
    lav = page["items"][0]
    assert (lav["n_quotes"], lav["n_events"], lav["n_timexes"]) == (1, 1, 1)
    rec = ok(client, "/api/articles/hand:lavrov-vienne")
    assert rec == next(r for r in all_records() if r["article"]["id"] == "hand:lavrov-vienne")
    assert ok(client, "/api/articles", since="2017-04", until="2017-04-30")["items"][0]["id"] == "hand:lavrov-avril"
    assert ok(client, "/api/articles", lang="en")["items"] == []


def test_articles_pages_follow_next_links(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/articles?limit=1"
    while url:
        r = client.get(url)
        assert r.status_code == 200
        body = r.json()
        assert len(body["items"]) <= 1
        seen += [a["id"] for a in body["items"]]
        assert (r.headers.get("link") is None) == (body["next"] is None)
        url = body["next"]
    assert seen == [a["id"] for a in ok(client, "/api/articles")["items"]]


def test_entities_prefix_search_and_detail(client: TestClient) -> None:
    found = ok(client, "/api/entities", q="lav")["items"]
    assert [e["name"] for e in found] == ["Sergueï Lavrov"]
    assert found[0]["articles"] == 2 and found[0]["mentions"] == 2
    # a word inside the name, any case, accents ignored
    assert [e["name"] for e in ok(client, "/api/entities", q="SERGUEI")["items"]] == ["Sergueï Lavrov"]
    assert ok(client, "/api/entities", q="zzz")["items"] == []
    assert {e["type"] for e in ok(client, "/api/entities", type="GPE")["items"]} == {"GPE"}
    # LIKE wildcards in the query are literal
    assert ok(client, "/api/entities", q="%")["items"] == []
    assert ok(client, "/api/entities", q="_")["items"] == []
    ent = ok(client, "/api/entities/Lavrov")
    assert ent["name"] == "Sergueï Lavrov" and ent["aliases"] == [{"name": "Sergueï Lavrov", "mentions": 2}]
    by_id = ok(client, "/api/entities/" + ent["id"])  # by id too
    assert {**by_id, "lookup": None} == {**ent, "lookup": None} and by_id["lookup"]["query"] == ent["id"]


def test_entities_pages(client: TestClient) -> None:
    everyone = ok(client, "/api/entities", limit=MAX_LIMIT)["items"]
    assert len(everyone) >= 5
    got: list[str] = []
    url: str | None = "/api/entities?limit=2"
    while url:
        body = client.get(url).json()
        got += [e["id"] for e in body["items"]]
        url = body["next"]
    assert got == [e["id"] for e in everyone]


def test_timeline_has_quotes_events_and_ranges(client: TestClient) -> None:
    items = ok(client, "/api/timeline", entity="Sergueï Lavrov")["items"]
    kinds = [(r["kind"], r["article"]) for r in items]
    assert ("quote", "hand:lavrov-vienne") in kinds and ("event", "hand:lavrov-vienne") in kinds
    month_quote = next(r for r in items if r["kind"] == "quote" and r["article"] == "hand:lavrov-avril")
    assert (month_quote["earliest"], month_quote["latest"]) == ("2017-04-01", "2017-04-30")
    assert [r["earliest"] for r in items] == sorted(r["earliest"] for r in items)
    # one page at a time gives the same rows
    got: list[dict[str, Any]] = []
    url: str | None = "/api/timeline?entity=Lavrov&limit=1"
    while url:
        body = client.get(url).json()
        got += body["items"]
        url = body["next"]
    assert got == items
    # A cursor whose position no longer holds its row (the store changed) is found again by its key.
    first = client.get("/api/timeline?entity=Lavrov&limit=2").json()
    *key, nth, offset = decode_cursor(first["next"].split("cursor=")[1])
    moved = client.get(
        "/api/timeline", params={"entity": "Lavrov", "limit": 2, "cursor": encode_cursor([*key, nth, offset + 1])}
    )
    assert moved.json()["items"] == items[2:4]


def test_quotes_filters(client: TestClient) -> None:
    qs = ok(client, "/api/quotes", speaker="Lavrov")["items"]
    assert [q["article"] for q in qs] == ["hand:lavrov-vienne", "hand:lavrov-avril"]
    assert qs[0]["speaker"] == "Sergueï Lavrov" and qs[0]["cue"] == "a déclaré"
    assert [q["article"] for q in ok(client, "/api/quotes", q="Washington")["items"]] == ["hand:lavrov-vienne"]
    assert ok(client, "/api/quotes", since="2017-04", uncertain="within")["items"][0]["article"] == "hand:lavrov-avril"
    assert len(ok(client, "/api/quotes")["items"]) == 3


def test_events_filters(client: TestClient) -> None:
    assert [v["type"] for v in ok(client, "/api/events", actor="Lavrov")["items"]] == ["CONSULT"]
    pair = ok(client, "/api/events", actor="Rex Tillerson", other="Lavrov")["items"]
    assert [(v["source"], v["target"]) for v in pair] == [("Sergueï Lavrov", "Rex Tillerson")]
    assert [v["article"] for v in ok(client, "/api/events", type="threaten")["items"]] == ["hand:lavrov-avril"]
    assert ok(client, "/api/events", type="AGREE")["items"] == []
    err(client, "/api/events", 400, "bad-parameter", other="Lavrov")


def test_comentions_mentions_search(client: TestClient) -> None:
    co = ok(client, "/api/comentions", entity="Lavrov")["items"]
    assert {c["name"] for c in co} >= {"Rex Tillerson", "Moscou"}
    by = ok(client, "/api/comentions", entity="Lavrov", by="month")
    assert by["columns"][0] == "period" and {c["period"] for c in by["items"]} == {"2017-03", "2017-04"}
    per = ok(client, "/api/mentions", entity="Lavrov", by="month")["items"]
    assert [(p["period"], p["mentions"]) for p in per] == [("2017-03", 1), ("2017-04", 1)]
    hits = ok(client, "/api/search", q="Washington Syrie")["items"]
    assert [h["id"] for h in hits] == ["hand:lavrov-vienne"] and "[" in hits[0]["snippet"]
    assert ok(client, "/api/search", q="sanctions", entity="Rex Tillerson")["items"] == []
    assert [h["id"] for h in ok(client, "/api/search", q="sanctions", entity="Lavrov")["items"]] == [
        "hand:lavrov-avril"
    ]
    assert ok(client, "/api/stats")["articles"] == 3


@pytest.mark.parametrize(
    "url", ["/api/articles", "/api/quotes?speaker=Lavrov", "/api/timeline?entity=Lavrov", "/api/entities?q=s"]
)
def test_ndjson_and_csv(client: TestClient, url: str) -> None:
    rows = client.get(url).json()["items"]
    sep = "&" if "?" in url else "?"
    nd = client.get(url + sep + "format=ndjson")
    assert nd.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line) for line in nd.text.splitlines()] == rows
    by_accept = client.get(url, headers={"Accept": "text/csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert len(table) == len(rows)
    first = next(iter(rows[0]))
    # Identifiers (the first column of each of these lists) are written as stored: the id "@SYR" stays.
    assert [r[first] for r in table] == ["" if r[first] is None else str(r[first]) for r in rows]
    assert client.get(url, headers={"Accept": "application/x-ndjson"}).text == nd.text


def test_csv_cells_cannot_become_formulas(api_db: str, tmp_path: Path) -> None:
    with TestClient(create_app(api_db), base_url="http://localhost") as client:
        text = client.get("/api/articles?format=csv&source=" + '" onmouseover="window.__pwned=2" x="source').text
        assert "hand:hostile" in text
        db = tmp_path / "f.db"
        rec = all_records()[0]
        rec["article"]["title"] = "=HYPERLINK(1)"
        with open_store(db) as s:
            s.write_records([(rec, "h", None)])
        out = TestClient(create_app(db), base_url="http://localhost").get("/api/articles?format=csv").text
        assert "'=HYPERLINK(1)" in out
        # Free text is protected, identifiers are not altered: "@SYR" is the country form's id.
        ents = list(csv.DictReader(io.StringIO(client.get("/api/entities?format=csv").text)))
        assert "@SYR" in [e["id"] for e in ents]
        events = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv").text)))
        assert {"RUSGOV", "USAGOV"} <= {e["source_code"] for e in events} | {e["target_code"] for e in events}


def test_next_link_in_every_format(client: TestClient) -> None:
    for fmt in ("json", "ndjson", "csv"):
        r = client.get(f"/api/articles?limit=1&format={fmt}")
        link = r.headers["link"]
        assert link.startswith("</api/articles?") and 'rel="next"' in link and "cursor=" in link


def test_validation_errors_are_4xx_json(client: TestClient) -> None:
    err(client, "/api/articles", 400, "bad-date", since="2017-13")
    err(client, "/api/articles", 400, "bad-date", until="yesterday")
    err(client, "/api/quotes", 400, "bad-range", since="2017-05", until="2017-01")
    err(client, "/api/articles", 422, "bad-parameter", limit=0)
    err(client, "/api/articles", 422, "bad-parameter", limit=MAX_LIMIT + 1)
    err(client, "/api/articles", 422, "bad-parameter", limit="ten")
    err(client, "/api/articles", 422, "bad-parameter", uncertain="maybe")
    err(client, "/api/articles", 422, "bad-parameter", format="xml")
    err(client, "/api/articles", 400, "bad-cursor", cursor="not-a-cursor")
    err(client, "/api/entities", 400, "bad-cursor", cursor="WzEsMiwzXQ")  # a valid cursor of another list
    err(client, "/api/timeline", 400, "bad-cursor", entity="Lavrov", cursor="WyJ4IiwxXQ")  # ["x", 1]
    gone = encode_cursor(["2000-01-01", "2000-01-01", "nope", "quote", None, 1, 1])
    err(client, "/api/timeline", 400, "stale-cursor", entity="Lavrov", cursor=gone)
    err(client, "/api/timeline", 422, "bad-parameter")  # entity is required
    err(client, "/api/search", 422, "bad-parameter", q="")
    err(client, "/api/entities", 422, "bad-parameter", q="x" * 201)
    err(client, "/api/events", 422, "bad-parameter", type="CONSULT;DROP")


def test_unknown_ids_are_404(client: TestClient) -> None:
    err(client, "/api/articles/nope", 404, "unknown-article")
    err(client, "/api/entities/Nobody Atall", 404, "unknown-entity")
    for url in ("/api/timeline", "/api/comentions", "/api/mentions"):
        err(client, url, 404, "unknown-entity", entity="Nobody Atall")
    err(client, "/api/quotes", 404, "unknown-entity", speaker="Nobody Atall")
    err(client, "/api/events", 404, "unknown-entity", actor="Nobody Atall")
    err(client, "/api/search", 404, "unknown-entity", q="Vienne", entity="Nobody Atall")


def test_request_limits(client: TestClient) -> None:
    r = client.get("/api/articles?source=" + "x" * 17000)
    assert r.status_code == 414 and r.json()["error"]["code"] == "uri-too-long"
    r = client.request("GET", "/api/articles", content=b"x" * 5000)
    assert r.status_code == 413
    assert client.post("/api/articles").status_code == 405


def test_ui_docs_and_openapi(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'id="search-form"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/timeline", "/api/quotes"} <= set(
        spec["paths"]
    )
    assert "swagger" in client.get("/docs").text.lower()


def test_a_connection_is_used_by_one_thread_only(api_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each store connection is used only by the thread that opened it, also under concurrent requests
    (a connection fetched in a dependency would be used in another thread pool call, on another thread)."""
    from concurrent.futures import ThreadPoolExecutor

    from dateline.store.base import Store

    used: dict[int, set[int]] = {}
    lock = threading.Lock()

    def spy(name: str) -> Any:
        real = getattr(Store, name)

        def call(self: Store, *args: Any, **kwargs: Any) -> Any:
            with lock:
                used.setdefault(id(self), set()).add(threading.get_ident())
            return real(self, *args, **kwargs)

        return call

    for name in ("entity", "quotes", "timeline", "count"):
        monkeypatch.setattr(Store, name, spy(name))
    urls = ["/api/entities/Lavrov", "/api/quotes?speaker=Lavrov", "/api/timeline?entity=Lavrov", "/api/stats"]
    with TestClient(create_app(api_db), base_url="http://localhost") as c, ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda i: c.get(urls[i % len(urls)]).status_code, range(200)))
    assert statuses == [200] * 200
    assert used and all(len(threads) == 1 for threads in used.values())
