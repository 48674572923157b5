"""Shared fixtures: paths to ../shared, the sample article, and the real pipelines (loaded once)."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dl_testing import BACKENDS, ROOT, SAMPLE, SHARED, Databases, missing_shared, need_shared  # noqa: F401  (re-exported)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        missing_shared(f"{SHARED} not available")
    return SHARED


@pytest.fixture(scope="session")
def sample_article():  # type: ignore[no-untyped-def]
    """The sample article of the brief, read with the header reader."""
    from dateline.readers import read_file

    path = need_shared("samples", "fr-2017-01-lavrov.txt")
    (art,) = list(read_file(str(path)))
    return art


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    """The full French pipeline (model + dateline components), loaded once for the session."""
    from dateline.pipeline import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from dateline.pipeline import load_pipeline

    return load_pipeline("en")


@pytest.fixture(scope="session")
def sample_record(sample_article):  # type: ignore[no-untyped-def]
    """The analysis record of the sample article."""
    from dateline.pipeline import analyse_articles

    (rec,) = list(analyse_articles([sample_article]))
    assert isinstance(rec, dict), rec
    return rec


# -- stores on both backends --------------------------------------------------------------------------------
# The store tests run on SQLite and on PostgreSQL: a throwaway server (Debian's binaries) is started once
# for the session, or DATELINE_TEST_PG names one (an admin URL allowed to CREATE DATABASE), and every
# store gets a fresh database. Without a server the PostgreSQL cases skip, saying why, unless
# DATELINE_REQUIRE_PG=1 (as `make test` sets it), where they fail.


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[str]:
    """The admin URL of a PostgreSQL server for the tests."""
    if os.environ.get("DATELINE_TEST_PG"):
        yield os.environ["DATELINE_TEST_PG"]
        return
    from dateline.store.pgcluster import LocalCluster, find_bindir

    why = None
    if importlib.util.find_spec("psycopg") is None:
        why = "psycopg is not installed (pip install 'dateline[postgres]')"
    elif find_bindir() is None:
        why = "no PostgreSQL server binaries (apt-get install postgresql), and DATELINE_TEST_PG is not set"
    if why:
        if os.environ.get("DATELINE_REQUIRE_PG") == "1":
            pytest.fail(f"DATELINE_REQUIRE_PG=1 but {why}")
        pytest.skip(why)
    with LocalCluster() as cluster:
        yield cluster.admin_url


@pytest.fixture(params=BACKENDS)
def dbs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    """Fresh stores for one test, on each backend in turn."""
    d = Databases(request.param, tmp_path, request)
    yield d
    d.drop_all()


@pytest.fixture(scope="module", params=BACKENDS)
def module_dbs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """Fresh stores shared by a module's tests, on each backend in turn."""
    d = Databases(request.param, tmp_path_factory.mktemp("store"), request)
    yield d
    d.drop_all()
