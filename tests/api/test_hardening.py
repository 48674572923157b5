"""A server that cannot be turned against its user: the Host check (DNS rebinding), /docs without any
CDN, a --db that is not a dateline store refused at start, the banner printed once the socket is bound,
errors in one shape, HEAD, 400 with the valid values, ISO weeks as dates, and per-day counts that put a
month-dated article in no day."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dateline.api.app as app_module
from dateline.api.app import create_app
from dateline.errors import DatelineError
from dateline.store import open_store


@pytest.fixture(scope="module")
def client(api_db: str) -> Iterator[TestClient]:
    # As a context manager, so that the app's shutdown closes its store connections.
    with TestClient(create_app(api_db), base_url="http://localhost") as c:
        yield c


def _error(r: object, status: int, code: str) -> dict[str, object]:
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"].startswith("application/json")  # type: ignore[attr-defined]
    body = r.json()["error"]  # type: ignore[attr-defined]
    assert body["code"] == code and body["reason"] and body["hint"]
    return body  # type: ignore[no-any-return]


# -- Host header ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8080", "127.0.0.1.nip.io", "localhost.evil", ""])
def test_foreign_host_is_refused(client: TestClient, host: str) -> None:
    for path in ("/api/stats", "/", "/static/app.js", "/docs", "/openapi.json"):
        r = client.get(path, headers={"Host": host})
        body = _error(r, 400, "bad-host")
        assert "--allowed-host" in str(body["hint"])


@pytest.mark.parametrize("host", ["localhost", "localhost:8080", "127.0.0.1:9", "[::1]:8080", "LOCALHOST"])
def test_loopback_hosts_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/stats", headers={"Host": host}).status_code == 200


def test_allowed_hosts_are_answered(api_db: str) -> None:
    with TestClient(create_app(api_db, hosts=["dateline.lan", "10.0.0.5"]), base_url="http://localhost") as c:
        assert c.get("/api/stats", headers={"Host": "dateline.lan:8080"}).status_code == 200
        assert c.get("/api/stats", headers={"Host": "10.0.0.5"}).status_code == 200
        assert c.get("/api/stats", headers={"Host": "other.lan"}).status_code == 400


# -- /docs offline -------------------------------------------------------------------------------------
def test_docs_never_use_a_cdn(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "cdn." not in page and "https://" not in page.replace("https://swagger.io", "")


def test_docs_without_the_vendored_folder(api_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    static = tmp_path / "static"
    shutil.copytree(app_module.STATIC, static, ignore=shutil.ignore_patterns("vendor"))
    monkeypatch.setattr(app_module, "STATIC", static)
    with TestClient(create_app(api_db), base_url="http://localhost") as c:
        r = c.get("/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script" not in r.text and "http" not in r.text.replace("/openapi.json", "")
    assert "href='/openapi.json'" in r.text and "/api/timeline" in r.text and "make ui" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]


# -- the store, at start -------------------------------------------------------------------------------
def _newer(tmp: Path) -> Path:
    db = tmp / "newer.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    return db


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda t: (t / "notes.db").write_text("not a database at all\n" * 40) and t / "notes.db", "store-unusable"),
        (lambda t: (t / "empty.db").write_bytes(b"") or t / "empty.db", "store-unusable"),
        (
            lambda t: (sqlite3.connect(t / "other.db").execute("CREATE TABLE t (x)"), t / "other.db")[1],
            "store-unusable",
        ),
        (_newer, "store-too-new"),
    ],
    ids=["text-file", "empty-file", "other-sqlite", "newer-schema"],
)
def test_not_a_store_is_refused_at_start(tmp_path: Path, make, code: str) -> None:  # type: ignore[no-untyped-def]
    from dateline.cli import main

    db = make(tmp_path)
    with pytest.raises(DatelineError) as exc:
        create_app(db)
    assert exc.value.code == code and exc.value.hint
    out = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "0"])
    assert out.exit_code == 1 and code in out.stderr
    assert "Traceback" not in out.output and "serving" not in out.stderr


# -- the banner ----------------------------------------------------------------------------------------
def _serve(db: str, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )


def test_banner_gives_the_bound_port(api_db: str) -> None:
    if api_db.startswith("postgresql://"):
        pytest.skip("the banner does not depend on the backend")
    proc = _serve(api_db, 0)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.startswith("dateline: serving") and "http://127.0.0.1:" in line
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        assert port != 0
        # Printed once the socket is bound: the address answers at once (no waiting, no retry).
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=10) as r:
            assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(10)


def test_busy_port_fails_before_any_banner(api_db: str) -> None:
    if api_db.startswith("postgresql://"):
        pytest.skip("the banner does not depend on the backend")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        proc = _serve(api_db, taken.getsockname()[1])
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "port-busy" in err and "serving" not in err and "Traceback" not in err


# -- errors, HEAD, parameters --------------------------------------------------------------------------
def test_errors_have_one_shape(client: TestClient) -> None:
    _error(client.get("/nope"), 404, "not-found")
    _error(client.get("/api/nope"), 404, "not-found")
    r = client.post("/api/stats")
    assert "GET" in str(_error(r, 405, "method-not-allowed")["hint"])
    body = _error(client.get("/api/articles", params={"limit": 0}), 422, "bad-parameter")
    assert "/docs" in str(body["hint"])
    body = _error(client.get("/api/entities/Nobody Atall"), 404, "unknown-entity")
    assert "dateline" not in str(body["hint"])  # not CLI advice
    body = _error(client.get("/api/articles/nope"), 404, "unknown-article")
    assert "/api/articles" in str(body["hint"])


def test_head_is_answered_where_get_is(client: TestClient) -> None:
    for path in ("/", "/api/stats", "/api/articles?limit=1", "/static/app.js", "/docs", "/openapi.json"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    assert client.head("/api/entities/Nobody Atall").status_code == 404


def test_unknown_type_lists_the_valid_ones(client: TestClient) -> None:
    body = _error(client.get("/api/events", params={"type": "PARTY"}), 400, "bad-parameter")
    assert "PARTY" in str(body["reason"]) and "CONSULT" in str(body["hint"]) and "THREATEN" in str(body["hint"])
    assert client.get("/api/events", params={"type": "consult"}).status_code == 200


@pytest.mark.parametrize("cursor", ["%%%", "W10", "WzFd", "bnVsbA", "W251bGwsMSwxXQ", "WyJhIiwiYiIsMV0", "e30"])
def test_malformed_cursors_are_400(client: TestClient, cursor: str) -> None:
    for url, params in [
        ("/api/articles", {}),
        ("/api/entities", {}),
        ("/api/quotes", {}),
        ("/api/timeline", {"entity": "Lavrov"}),
    ]:
        r = client.get(url, params={**params, "cursor": cursor})
        assert r.status_code == 400, (url, cursor, r.text)
        assert r.json()["error"]["code"] in ("bad-cursor", "stale-cursor")


def test_iso_weeks_are_dates(client: TestClient) -> None:
    weeks = client.get("/api/mentions", params={"entity": "Lavrov", "by": "week"}).json()["items"]
    # (the April article, dated to the month, is in a row of its month: see the per-day test below)
    assert [w["period"] for w in weeks] == ["2017-W11", "2017-04"]
    first = weeks[0]
    # A period read off by=week is a valid since/until, and selects that week's days.
    r = client.get("/api/articles", params={"since": first["period"], "until": first["period"]})
    assert [a["id"] for a in r.json()["items"]] == ["hand:lavrov-vienne"]
    _error(client.get("/api/articles", params={"since": "2017-W54"}), 400, "bad-date")


def test_month_dated_article_is_in_no_day(client: TestClient) -> None:
    days = client.get("/api/mentions", params={"entity": "Lavrov", "by": "day"}).json()["items"]
    # The day-dated article on its day; the April article (dated to the month) in a row of its month.
    assert [(d["period"], d["mentions"], d["uncertain_mentions"]) for d in days] == [
        ("2017-03-15", 1, 0),
        ("2017-04", 0, 1),
    ]
    assert (days[1]["start"], days[1]["end"]) == ("2017-04-01", "2017-04-30")
    assert "2017-04-01" not in [d["period"] for d in days]


def test_csv_free_text_is_protected_identifiers_are_not(tmp_path: Path) -> None:
    from api_records import all_records

    rec = all_records()[0]
    rec["article"]["title"] = "@risque"
    rec["article"]["id"] = "@id-as-stored"
    db = tmp_path / "csv.db"
    with open_store(db) as s:
        s.write_records([(rec, "h", None)])
    text = TestClient(create_app(db), base_url="http://localhost").get("/api/articles?format=csv").text
    assert "'@risque" in text and text.split("\r\n")[1].startswith("@id-as-stored,")


def test_stats_say_what_the_store_holds(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert (s["articles"], s["quotes"], s["events"]) == (3, 3, 2)
    assert (s["earliest"], s["latest"]) == ("2017-03-15", "2017-05-02")
    assert s["languages"] == [{"lang": "fr", "articles": 3}] and s["entities"] >= 6
    assert sum(x["articles"] for x in s["sources"]) == 3
