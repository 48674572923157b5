"""Stores for the API tests: hand-written records only (fast), and the demo corpus plus those records
(loads the French model once, for the browser and load tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_records import write_hand_records

from dateline.store import open_store

from dl_testing import BACKENDS, Databases

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "fr"


def pytest_configure(config: pytest.Config) -> None:
    # Starlette's TestClient warns that it will move to another httpx package; nothing to act on here.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx`")


@pytest.fixture(scope="session", params=BACKENDS)
def api_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-written records in a SQLite store, then in a PostgreSQL one."""
    dbs = Databases(request.param, tmp_path_factory.mktemp("api"), request)
    db = dbs.new()
    write_hand_records(db)
    yield db
    dbs.drop_all()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (samples/fr, analysed by the real pipeline) plus the hand-written records, whose
    Lavrov quote and hostile article test what the corpus lacks."""
    from dateline.ingest import ingest

    db = tmp_path_factory.mktemp("api") / "demo.db"
    with open_store(db) as store:
        summary = ingest([str(SAMPLES)], store)
    assert summary.ok and summary.stored == len(list(SAMPLES.glob("*.txt")))
    write_hand_records(db)
    return db
