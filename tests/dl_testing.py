"""Paths to the project and to the team's shared data, for tests in every folder.

A module of its own (not conftest.py) so that tests in subfolders, which have conftest files of their
own, import it unambiguously.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# CI lays shared/ beside the clone; a developer may point elsewhere with DATELINE_SHARED.
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "fr-2017-01-lavrov.txt"


def need_shared(*parts: str) -> Path:
    """Path under ../shared, skipping the test (with a reason) when shared/ is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


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
