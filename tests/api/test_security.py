"""Security of the API: hostile query strings reach SQL only as parameters (no error, no effect on the
store), ids cannot walk the file system, and stored markup comes back as data, never as HTML."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_records import ATTR, SCRIPT
from fastapi.testclient import TestClient

from dateline.api.app import create_app
from dateline.store import open_store

HOSTILE = [
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "Lavrov' OR '1'='1",
    "%",
    "_",
    "\\",
    "*",
    "NEAR(a b)",
    "title:x OR text:y",
    '"unbalanced',
    "a AND OR NOT",
    "^x",
    "\x00",
    "💥" * 50,
    "𝖃𝖄𝖅𝖂",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "x" * 200,
]


def _digest(db: str) -> str:
    if not db.startswith("postgresql://"):
        return hashlib.sha256(Path(db).read_bytes()).hexdigest()
    with open_store(db, readonly=True) as store:  # what a write would change
        state = [list(store.records()), list(store.skipped()), list(store.corrections()), store.entities(top=None)]
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


@pytest.fixture(scope="module")
def client(api_db: str) -> Iterator[TestClient]:
    # As a context manager, so that the app's shutdown closes its store connections.
    with TestClient(create_app(api_db), base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_query_strings(client: TestClient, api_db: str, value: str) -> None:
    before = _digest(api_db)
    urls = [
        ("/api/entities", {"q": value}),
        ("/api/search", {"q": value}),
        ("/api/quotes", {"q": value}),
        ("/api/quotes", {"speaker": value}),
        ("/api/events", {"actor": value}),
        ("/api/timeline", {"entity": value}),
        ("/api/comentions", {"entity": value}),
        ("/api/mentions", {"entity": value}),
        ("/api/articles", {"source": value, "lang": value[:8]}),
        ("/api/articles", {"since": value[:32]}),
        ("/api/articles", {"cursor": value}),
    ]
    for url, params in urls:
        r = client.get(url, params=params)
        assert r.status_code in (200, 400, 404, 422), (url, params, r.status_code, r.text)
        assert r.headers["content-type"].startswith("application/json")
        if r.status_code == 200:
            # Wildcards and operators are literal: no hostile string matches everything.
            assert len(r.json()["items"]) < 3 or url == "/api/articles", (url, params)
    assert client.get("/api/stats").json()["articles"] == 3
    assert _digest(api_db) == before


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%2E%2E%2F%2E%2E%2Fpyproject.toml",
        "/api/articles/%2Fetc%2Fpasswd",
        "/api/entities/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/C:%5CWindows%5Cwin.ini",
    ],
)
def test_ids_never_reach_the_file_system(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["code"] in ("unknown-article", "unknown-entity")


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/%2E%2E/%2E%2E/app.py",
        "/static/..%2Fapp.py",
        "/static/%2Fetc%2Fpasswd",
        "/static/vendor/..%2F..%2F..%2F..%2Fpyproject.toml",
    ],
)
def test_static_files_stay_in_their_folder(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "[project]" not in r.text and "root:" not in r.text and "create_app" not in r.text


def test_markup_comes_back_as_json_data(client: TestClient) -> None:
    r = client.get("/api/articles/hand:hostile")
    assert r.headers["content-type"] == "application/json"
    rec = r.json()
    assert rec["article"]["text"].startswith(SCRIPT)  # intact, as data
    assert rec["article"]["source"].startswith(ATTR)
    for url in ("/api/articles?format=csv", "/api/quotes?format=ndjson"):
        ctype = client.get(url).headers["content-type"]
        assert not ctype.startswith("text/html")
        assert client.get(url).headers["x-content-type-options"] == "nosniff"
