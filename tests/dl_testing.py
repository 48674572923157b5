"""Paths to the project and to the team's shared data, for tests in every folder.

A module of its own (not conftest.py) so that tests in subfolders, which have conftest files of their
own, import it unambiguously.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
# CI lays shared/ beside the clone; a developer may point elsewhere with DATELINE_SHARED.
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "fr-2017-01-lavrov.txt"


def require_shared() -> bool:
    """True when a missing ../shared must fail the tests rather than skip them.

    `.ci/run` and `make test` set DATELINE_REQUIRE_SHARED=1 (as DATELINE_REQUIRE_PG=1 for PostgreSQL), so
    an accuracy floor can never stop being checked because its data went missing; a developer without
    ../shared still gets skips saying why.
    """
    return os.environ.get("DATELINE_REQUIRE_SHARED") == "1"


def missing_shared(why: str) -> None:
    """Skip the test for missing shared data, or fail it under DATELINE_REQUIRE_SHARED=1."""
    if require_shared():
        pytest.fail(f"DATELINE_REQUIRE_SHARED=1 but {why}")
    pytest.skip(why)


def need_shared(*parts: str) -> Path:
    """Path under ../shared; a missing one skips the test (fails it under DATELINE_REQUIRE_SHARED=1)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        missing_shared(f"{path} not available")
    return path


def load_script(relative: str, name: str) -> ModuleType:
    """A script of the project that is not a package module (``train/timex/train.py``), loaded as the
    module ``name``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# The two store backends; conftest's fixtures give fresh stores of each (see :class:`Databases`).
BACKENDS = ["sqlite", "postgresql"]


class Databases:
    """Fresh stores of one backend: ``new()`` returns a SQLite path or a new PostgreSQL database's URL."""

    def __init__(self, backend: str, tmp: Path, request: pytest.FixtureRequest) -> None:
        self.backend = backend
        self.tmp = tmp
        self.admin = request.getfixturevalue("pg_admin") if backend == "postgresql" else ""
        self.created: list[str] = []

    def new(self) -> str:
        name = f"dl_{uuid.uuid4().hex[:16]}"
        if self.backend == "sqlite":
            return str(self.tmp / f"{name}.db")
        from dateline.store.pgcluster import create_database

        self.created.append(name)
        return create_database(self.admin, name)

    def name_of(self, url: str) -> str:
        return url.rsplit("/", 1)[1].split("?")[0]

    def drop_all(self) -> None:
        from dateline.store.pgcluster import drop_database

        for name in self.created:
            drop_database(self.admin, name)
