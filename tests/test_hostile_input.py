"""Hostile input, generated: JSON Lines full of what scraped data and careless exports hold (random
unicode with lone surrogates and NUL, values of the wrong type, huge numbers, deep nesting, lines too
long, bytes that are not UTF-8, broken JSON, bogus analysis records) with good articles between them,
ingested by the CLI into a SQLite and a PostgreSQL store.

Every good line must be stored, every bad one reported with its line number and its code, the process
must exit 1, a rerun must change nothing, and the two stores must be identical. Bounded: 40 examples
of a few short articles each, about half a second apiece once the model is loaded (some 20 s).
"""

from __future__ import annotations

import itertools
import json
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.cli import main
from dateline.store import open_store

GOOD = [
    "Claire Dubois a inauguré mardi une médiathèque à Lyon, a annoncé la mairie.",
    "Marc Lefèvre a rencontré le 3 mai à Nantes les représentants des pêcheurs.",
    "Sophie Martin a déclaré à Rennes que le chantier serait achevé en juin.",
    "Le conseil municipal de Grenoble a voté jeudi le budget des transports.",
    "Nadia Benali a présenté à Lille un plan pour les écoles du quartier.",
    "Les pompiers de Bordeaux sont intervenus samedi sur un incendie d'entrepôt.",
]
MAX_CHARS = 2000  # --max-chars for the run, so that "too long" is cheap to make

# Every character, surrogates, NUL and other controls included.
ANY_CHAR = st.characters(exclude_categories=())
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_run_ids = itertools.count()


@dataclass
class Line:
    """One line of the input and what must become of it: ``stored`` (a good article), ``maybe`` (stored,
    or skipped for its language: never failed), ``blank`` (ignored), or the code of its error."""

    raw: bytes
    expect: str
    id: str | None = None
    text: str | None = None


def _json(obj: Any) -> bytes:
    # ensure_ascii: any string, lone surrogates included, becomes legal JSON ("\ud800").
    return json.dumps(obj).encode("ascii")


@st.composite
def good_line(draw: st.DrawFn, key: str) -> Line:
    text = draw(st.sampled_from(GOOD))
    return Line(_json({"id": key, "date": "2017-05", "lang": "fr", "text": text}), "stored", key, text)


@st.composite
def noisy_line(draw: st.DrawFn, key: str) -> Line:
    """A good sentence with random characters in it: stored as it is if a store can keep them, else
    bad-text; without a language it may also be skipped (the noise may read as another language)."""
    base = draw(st.sampled_from(GOOD))
    at = draw(st.integers(0, len(base)))
    text = base[:at] + draw(st.text(ANY_CHAR, min_size=1, max_size=40)) + base[at:]
    given_lang = draw(st.booleans())
    obj = {"id": key, "date": "2017-05", "text": text, **({"lang": "fr"} if given_lang else {})}
    if UNSTORABLE.search(text):
        return Line(_json(obj), "bad-text")
    return Line(_json(obj), "stored" if given_lang else "maybe", key, text)


# Values that are not strings (no integer: an integer is a valid id, and a valid year), with keys a store
# could keep (a key holding NUL would be bad-text, not the error the value makes).
KEYS = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=3)
NOT_A_STRING = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(KEYS, st.integers(), max_size=2),
)
JUNK = st.one_of(st.integers(-(10**20), 10**20), NOT_A_STRING)


@st.composite
def bad_line(draw: st.DrawFn, key: str) -> Line:
    base = {"id": key, "date": "2017-05", "lang": "fr", "text": draw(st.sampled_from(GOOD))}
    kind = draw(
        st.sampled_from(
            [
                "field-type",
                "date-type",
                "text-type",
                "unstorable-field",
                "huge-int",
                "deep",
                "too-long",
                "not-utf8",
                "broken-json",
                "no-text",
                "bad-date",
                "not-object",
                "bogus-record",
                "long-id",
            ]
        )
    )
    if kind == "field-type":
        name = draw(st.sampled_from(["id", "title", "url", "source", "lang"]))
        return Line(_json({**base, name: draw(NOT_A_STRING)}), "bad-json")
    if kind == "date-type":
        return Line(_json({**base, "date": draw(NOT_A_STRING)}), "bad-date")
    if kind == "text-type":
        return Line(_json({**base, "text": draw(JUNK)}), "bad-json")
    if kind == "unstorable-field":
        name = draw(st.sampled_from(["text", "id", "title", "source"]))
        bad = draw(st.sampled_from(["\x00", "\ud800", "\udfff", "\udc80"]))
        value = draw(st.text(ANY_CHAR, max_size=10))
        return Line(_json({**base, name: value + bad + "x"}), "bad-text")
    if kind == "huge-int":
        digits = draw(st.integers(4301, 6000))
        return Line(b'{"id": 1' + b"0" * digits + b', "date": "2017", "text": "Un nombre."}', "bad-json")
    if kind == "deep":
        # Deeper than Python's JSON reader goes (bad-json), or, if it does, a text that is not a string.
        depth = draw(st.integers(1000, 3900))
        return Line(b'{"date": "2017", "text": ' + b"[" * depth + b"]" * depth + b"}", "bad-json")
    if kind == "too-long":
        n = draw(st.integers(MAX_CHARS + 1, 3 * MAX_CHARS))
        return Line(_json({**base, "text": "Une phrase de plus. " * (n // 20 + 1)}), "too-large")
    if kind == "not-utf8":
        junk = draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xe9t\xe9", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]))
        return Line(b'{"id": "' + key.encode() + b'", "date": "2017", "text": "caf' + junk + b'"}', "bad-encoding")
    if kind == "broken-json":
        full = _json(base)
        return Line(full[: draw(st.integers(1, len(full) - 1))], "bad-json")
    if kind == "no-text":
        return Line(_json({"id": key, "date": "2017"}), "empty-text")
    if kind == "bad-date":
        junk = draw(st.text(ANY_CHAR, max_size=draw(st.sampled_from([10, 500]))))
        return Line(_json({**base, "date": "le " + junk}), "bad-date")
    if kind == "not-object":
        return Line(
            _json(draw(st.one_of(st.none(), st.integers(), st.lists(st.integers(), max_size=3), st.text(max_size=5)))),
            "bad-json",
        )
    if kind == "bogus-record":
        article = draw(st.one_of(JUNK, KEYS, st.just({})))
        return Line(_json({"schema": "dateline.analysis/1", "article": article}), "bad-record")
    assert kind == "long-id"
    return Line(_json({**base, "id": key + "x" * 600}), "too-large")


@st.composite
def inputs(draw: st.DrawFn) -> list[Line]:
    run = next(_run_ids)
    n_good = draw(st.integers(2, 4))
    lines = [draw(good_line(f"h{run}-g{i}")) for i in range(n_good)]
    lines += [draw(noisy_line(f"h{run}-n{i}")) for i in range(draw(st.integers(0, 2)))]
    lines += [draw(bad_line(f"h{run}-b{i}")) for i in range(draw(st.integers(1, 5)))]
    lines += [Line(draw(st.sampled_from([b"", b"   ", b"\t"])), "blank") for _ in range(draw(st.integers(0, 1)))]
    return draw(st.permutations(lines))


@dataclass
class Stores:
    urls: dict[str, str]
    folder: Path


@pytest.fixture(scope="module")
def stores(pg_admin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stores]:
    from dateline.store.pgcluster import create_database, drop_database

    folder = tmp_path_factory.mktemp("hostile")
    urls = {"sqlite": str(folder / "hostile.db"), "postgresql": create_database(pg_admin, "dl_hostile")}
    yield Stores(urls, folder)
    drop_database(pg_admin, "dl_hostile")


def _snapshot(url: str) -> list[Any]:
    with open_store(url, readonly=True) as store:
        c = store.conn
        return [
            [tuple(r) for r in c.execute("SELECT id, input_hash, ingested_at, text, record FROM articles ORDER BY id")],
            [tuple(r) for r in c.execute("SELECT origin, article_id, code, reason FROM skipped ORDER BY origin")],
            c.execute("SELECT count(*) FROM entities").fetchone()[0],
            c.execute("SELECT count(*) FROM forms").fetchone()[0],
        ]


def _errors(output: str, path: Path) -> dict[int, str]:
    prefix = re.escape(f"error {path}:")
    return {int(m[1]): m[2] for m in re.finditer(rf"^{prefix}(\d+): ([a-z-]+): ", output, re.MULTILINE)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(lines=inputs())
def test_hostile_lines_cost_only_themselves_on_both_backends(stores: Stores, lines: list[Line]) -> None:
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", dir=stores.folder, delete=False) as fh:
        fh.write(b"\n".join(line.raw for line in lines) + b"\n")
        path = Path(fh.name)
    expected = {n: line.expect for n, line in enumerate(lines, 1) if line.expect not in ("stored", "maybe", "blank")}
    good = {line.id: line.text for line in lines if line.expect == "stored"}
    maybe = {line.id: line.text for line in lines if line.expect == "maybe"}
    kept: dict[str, Any] = {}
    r = CliRunner()
    for backend, url in stores.urls.items():
        cmd = ["ingest", str(path), "--db", url, "--max-chars", str(MAX_CHARS)]
        res = r.invoke(main, cmd)
        assert res.exit_code == 1, (backend, res.output)
        assert "Traceback" not in res.output, res.output
        assert _errors(res.output, path) == expected, (backend, res.output)
        with open_store(url, readonly=True) as store:
            for key, text in good.items():
                assert store.record(key)["article"]["text"] == text, (backend, key)
            skipped = {row["article_id"] for row in store.skipped()}
            for key, text in maybe.items():
                assert key in skipped or store.record(key)["article"]["text"] == text, (backend, key)
            ids = [*good, *(k for k in maybe if k not in skipped)]
            kept[backend] = ([store.record(k) for k in ids], sorted(k for k in maybe if k in skipped))
        n_read = sum(1 for line in lines if line.expect != "blank")
        assert f"read {n_read}, " in res.output and f"failed {len(expected)}" in res.output, res.output
        # The rerun: the same errors, nothing analysed or written again.
        before = _snapshot(url)
        again = r.invoke(main, cmd)
        assert again.exit_code == 1 and _errors(again.output, path) == expected, again.output
        assert "stored 0, replaced 0, " in again.output, again.output
        assert _snapshot(url) == before
    assert kept["sqlite"] == kept["postgresql"]  # the same records, and the same articles skipped
