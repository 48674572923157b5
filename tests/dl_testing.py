"""Paths to the project and to the team's shared data, for tests in every folder.

A module of its own (not conftest.py) so that tests in subfolders, which have conftest files of their
own, import it unambiguously.
"""

from __future__ import annotations

import os
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
