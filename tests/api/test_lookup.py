"""Names as people type them, in the store, the API and the CLI: a surname, a first name and surname,
a transliteration, a prefix, initials, a role, accents and case ignored; several entities that fit
equally give the candidates (300 in the API, a listing in the CLI), never a bare 404."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from lookup_records import write_lookup_records

from dateline.api.app import create_app
from dateline.store import open_store
from dateline.store.lookup import AmbiguousEntity

from dl_testing import BACKENDS, Databases


@pytest.fixture(scope="module", params=BACKENDS)
def look_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    dbs = Databases(request.param, tmp_path_factory.mktemp("look"), request)
    db = dbs.new()
    write_lookup_records(db)
    yield db
    dbs.drop_all()


@pytest.fixture(scope="module")
def client(look_db: str) -> Iterator[TestClient]:
    # As a context manager, so that the app's shutdown closes its store connections.
    with TestClient(create_app(look_db), base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize(
    ("typed", "who", "how"),
    [
        ("Donald Trump", "Donald Trump", "name"),
        ("donald trump", "Donald Trump", "name"),
        ("Trump", "Donald Trump", "word"),  # a surname: the much mentioned Trump dominates
        ("TRUMP", "Donald Trump", "word"),
        ("Donald", "Donald Trump", "word"),  # a first name
        ("donald tr", "Donald Trump", "prefix"),
        ("Putin", "Vladimir Poutine", "name"),  # a transliteration the resolver knows
        ("Vladimir Putin", "Vladimir Poutine", "name"),
        ("Vlad", "Vladimir Poutine", "prefix"),
        ("Etat islamique", "État islamique", "name"),  # accents ignored
        ("EI", "État islamique", "word"),  # initials typed in capitals
        ("président de la République", "Emmanuel Macron", "role"),  # an office: its holder
        ("President de la republique", "Emmanuel Macron", "role"),
    ],
)
def test_store_lookup_resolves(look_db: str, typed: str, who: str, how: str) -> None:
    with open_store(look_db, readonly=True) as store:
        found = store.lookup(typed)
        assert found.clusters, (typed, found)
        assert store.entity(typed)["name"] == who and found.how == how


def test_store_lookup_ambiguous_and_unknown(look_db: str) -> None:
    with open_store(look_db, readonly=True) as store:
        found = store.lookup("Le Pen")
        assert found.ambiguous and not found.clusters
        assert {c["name"] for c in found.candidates} == {"Marine Le Pen", "Jean-Marie Le Pen"}
        with pytest.raises(AmbiguousEntity) as exc:
            store.timeline("Le Pen")
        assert exc.value.code == "ambiguous-entity" and len(exc.value.candidates) == 2
        # A filter by an ambiguous name is an error, not a silent empty list.
        with pytest.raises(AmbiguousEntity):
            store.quotes(speaker="le pen")
        # The other entities the name also fits are kept beside the answer.
        trump = store.lookup("Trump")
        assert [c["name"] for c in trump.others()] == ["Melania Trump"]
        assert not store.lookup("Nobody Atall").candidates
        assert store.lookup("%").candidates == () and store.lookup("_").candidates == ()


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_api_resolves_names_in_every_parameter(client: TestClient) -> None:
    ent = ok(client, "/api/entities/Trump")
    assert ent["name"] == "Donald Trump" and ent["lookup"]["how"] == "word"
    assert [o["name"] for o in ent["lookup"]["others"]] == ["Melania Trump"]
    assert ok(client, "/api/lookup", name="Putin")["name"] == "Vladimir Poutine"
    tl = ok(client, "/api/timeline", entity="trump")
    assert {r["article"] for r in tl["items"]} == {"look:trump-1"}
    assert tl["resolved"]["entity"]["name"] == "Donald Trump"
    assert ok(client, "/api/mentions", entity="Vlad")["resolved"]["entity"]["id"] == "vladimir poutine"
    assert ok(client, "/api/comentions", entity="président de la République")["items"][0]["name"] == (
        "Vladimir Poutine"
    )
    hits = ok(client, "/api/search", q="Versailles", entity="Putin")
    assert [h["id"] for h in hits["items"]] == ["look:versailles"]


def test_api_answers_300_with_candidates(client: TestClient) -> None:
    for url, params in [
        ("/api/lookup", {"name": "Le Pen"}),
        ("/api/entities/Le Pen", {}),
        ("/api/timeline", {"entity": "le pen"}),
        ("/api/quotes", {"speaker": "Le Pen"}),
        ("/api/events", {"actor": "Le Pen"}),
        ("/api/search", {"q": "meeting", "entity": "Le Pen"}),
    ]:
        r = client.get(url, params=params)
        assert r.status_code == 300, (url, r.text)
        body = r.json()["error"]
        assert body["code"] == "ambiguous-entity" and "Le Pen" in body["reason"] and body["hint"]
        assert sorted(c["name"] for c in body["candidates"]) == ["Jean-Marie Le Pen", "Marine Le Pen"]
        assert {"id", "type", "mentions", "articles"} <= set(body["candidates"][0])
    r = client.get("/api/lookup", params={"name": "Nobody Atall"})
    assert r.status_code == 404 and "/api/lookup" in r.json()["error"]["hint"]  # a hint for the API, not the CLI


def test_cli_resolves_and_lists_candidates(look_db: str) -> None:
    from dateline.cli import main

    run = CliRunner()
    out = run.invoke(main, ["entity", "Trump", "--db", look_db])
    assert out.exit_code == 0, out.output
    assert "Donald Trump" in out.stdout and "note: 'Trump' is Donald Trump" in out.stderr
    assert "Melania Trump" in out.stderr  # the other entity the name fits
    out = run.invoke(main, ["timeline", "Le Pen", "--db", look_db])
    assert out.exit_code == 1
    assert "ambiguous-entity" in out.stderr and "did you mean" in out.stderr
    assert "Jean-Marie Le Pen" in out.stderr and "marine le pen" in out.stderr  # names and ids
    out = run.invoke(main, ["quotes", "--speaker", "Le Pen", "--db", look_db])
    assert out.exit_code == 1 and "Jean-Marie Le Pen" in out.stderr
    out = run.invoke(main, ["events", "--actor", "président de la République", "--db", look_db])
    assert out.exit_code == 0 and "is Emmanuel Macron" in out.stderr and "by role" in out.stderr
